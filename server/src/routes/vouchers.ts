/**
 * The voucher API of docs/api-vouchers.md: batches with live stock, claims under the rush
 * (Idempotency-Key, rate limits per user and IP, the in-process gate), the wallet and its signed
 * redemption codes, and the merchant's redemptions and refunds. Object-level authorization: a
 * resident sees only their own vouchers (another's answers 404, like a missing one), a merchant
 * only its own shop's redemptions.
 */
import { createHash } from 'node:crypto'
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify'
import type { Redis } from 'ioredis'
import { validatorCompiler, type FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  batchViewSchema,
  claimAnswerSchema,
  redeemAnswerSchema,
  redemptionCodeSchema,
  refundAnswerSchema,
  residentCountySchema,
  walletStatusSchema,
  walletVoucherViewSchema,
} from '../../../src/domain/contract/vouchers'
import { COUNTY_CODES } from '../../../src/domain/events/places'
import { redemptionSchema } from '../../../src/domain/vouchers/schema'
import { toIsoShanghaiMs } from '../../../src/domain/time/shanghai'
import { VOUCHER_COUNTY_CODES } from '../../../src/domain/vouchers/places'
import { isValidDate, todayInShanghai } from '../../../src/domain/time'
import { authError, callerOf } from '../auth/guard'
import { ApiError } from '../http/errors'
import { createUserRateLimit } from '../http/user-rate-limit'
import { CONTENT_ID, contentIdParam, emptyBody, envelope, errorResponses, noQuery } from '../http/schemas'
import { listBatches } from '../store/content'
import type { Db } from '../store/db'
import { recordStaffRefusal } from '../store/staff-refusals'
import { setResidentCounty } from '../store/vouchers'
import type { Answer } from '../vouchers/answers'
import type { BatchView, VoucherService } from '../vouchers/service'
import type { SessionCache } from '../vouchers/session-cache'

export interface VoucherRouteOptions {
  db: Db
  vouchers: VoucherService
  sessions: SessionCache
  now: () => Date
  requireUser: preHandlerAsyncHookHandler
  requireMerchant: preHandlerAsyncHookHandler
  userRateLimit: preHandlerAsyncHookHandler
  claimRateLimit: { userPer10s: number; ipPer10s: number }
  /** Where per-user counts are shared (Redis, when REDIS_URL is set). */
  limits?: { redis: Redis | null; prefix: string }
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,64}$/

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function keyCount(value: Record<string, unknown>): number {
  let count = 0
  for (const key in value) if (Object.hasOwn(value, key)) count += 1
  return count
}

/** What the claim route's zod schemas accept in the common case, without parsing: params, query, body. */
const CLAIM_PARTS = {
  params: (data: unknown) => isPlainObject(data) && typeof data.batchId === 'string' && CONTENT_ID.test(data.batchId) && keyCount(data) === 1,
  querystring: (data: unknown) => isPlainObject(data) && keyCount(data) === 0,
  body: (data: unknown) =>
    data === null ||
    data === undefined ||
    (isPlainObject(data) &&
      (keyCount(data) === 0 || (keyCount(data) === 1 && typeof data.roundId === 'string' && CONTENT_ID.test(data.roundId)))),
}


function send(reply: FastifyReply, answer: Answer): FastifyReply {
  return reply.code(answer.status).type('application/json; charset=utf-8').send(answer.body)
}

function idempotencyKey(request: FastifyRequest, required: boolean): string | null {
  const header = request.headers['idempotency-key']
  const value = Array.isArray(header) ? header[0] : header
  if (value === undefined || value === '') {
    if (required) throw new ApiError(400, 'IDEMPOTENCY_KEY_REQUIRED', '缺少请求编号（Idempotency-Key），请重新点击')
    return null
  }
  if (!IDEMPOTENCY_KEY.test(value))
    throw new ApiError(400, 'IDEMPOTENCY_KEY_REQUIRED', '请求编号（Idempotency-Key）应为 8–64 位字母、数字、- 或 _')
  return value
}

/** ETag over everything but the clock, so an unchanged list still answers 304. */
function sendWithEtag(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: { data: unknown; meta?: unknown },
  stable: unknown,
): FastifyReply {
  const etag = `"${createHash('sha256').update(JSON.stringify(stable)).digest('base64url').slice(0, 27)}"`
  void reply.header('etag', etag).header('cache-control', 'no-cache')
  const match = request.headers['if-none-match']
  if (match && match.split(',').some((tag) => [etag, `W/${etag}`, '*'].includes(tag.trim()))) return reply.code(304).send()
  return send(reply, { status: 200, body: JSON.stringify(payload) })
}

const withoutClock = (views: readonly BatchView[]) =>
  views.map(({ live: { serverTime: _serverTime, at: _at, ...live }, ...batch }) => ({ ...batch, live }))

function presentView({ live: { at: _at, ...live }, ...batch }: BatchView) {
  return { ...batch, live }
}

export const voucherRoutes: FastifyPluginAsyncZod<VoucherRouteOptions> = async (app, options) => {
  const { db, vouchers, now } = options
  const bearer = [{ bearer: [] }]
  const authed = { preHandler: [options.requireUser, options.userRateLimit] }
  const merchantOnly = { preHandler: [options.requireMerchant, options.userRateLimit] }
  // Taps per resident on the claim button; the per-IP limit is the route's rateLimit config.
  const claimUserLimit = createUserRateLimit({
    max: options.claimRateLimit.userPer10s,
    windowMs: 10_000,
    redis: options.limits?.redis,
    name: `${options.limits?.prefix ?? ''}claim-user:`,
  })
  app.decorateRequest('claimant', null)
  // The Redis gate counts the claim route's limits in the claim's own script (issue 20: one round
  // trip, not three); the store engines leave them to @fastify/rate-limit and claimUserLimit.
  const engineCountsLimits = vouchers.engine.countsLimits

  app.get(
    '/batches',
    {
      schema: {
        tags: ['vouchers'],
        summary: '消费券批次、场次与实时剩余名额。state：current（可领或可用，默认）、claimable、upcoming、ended、all',
        querystring: z.strictObject({
          state: z.enum(['current', 'claimable', 'upcoming', 'ended', 'all']).default('current'),
          county: z.enum(COUNTY_CODES).optional(),
        }),
        response: { 200: z.object({ data: z.array(batchViewSchema), meta: z.object({ serverTime: z.string() }) }), ...errorResponses(304) },
      },
    },
    async (request, reply) => {
      const listed = await listBatches(db, { state: request.query.state, county: request.query.county, now: now() })
      const views = await vouchers.batchViews(listed)
      return sendWithEtag(
        request,
        reply,
        { data: views.map(presentView), meta: { serverTime: views[0]?.live.serverTime ?? toIsoShanghaiMs(now().getTime()) } },
        withoutClock(views),
      )
    },
  )

  app.get(
    '/batches/:batchId',
    {
      schema: {
        querystring: noQuery,
        tags: ['vouchers'],
        summary: '消费券批次详情与实时剩余名额',
        params: z.strictObject({ batchId: contentIdParam }),
        response: { 200: envelope(batchViewSchema), ...errorResponses(304, 404) },
      },
    },
    async (request, reply) => {
      const batch = await vouchers.findBatch(request.params.batchId)
      const [view] = await vouchers.batchViews([batch])
      return sendWithEtag(request, reply, { data: presentView(view) }, withoutClock([view]))
    },
  )

  app.post(
    '/batches/:batchId/claims',
    {
      config: { rateLimit: engineCountsLimits ? false : { max: options.claimRateLimit.ipPer10s, timeWindow: 10_000 } },
      // No request logging on the rush's path (issue 20): at LOG_LEVEL=info Fastify writes two lines
      // per request ("incoming request", "request completed"), as much work as the claim's answer.
      // Failures (5xx) still log at error; refusals are counted, not logged one by one.
      logLevel: 'warn',
      preHandler: engineCountsLimits ? [options.sessions.require] : [options.sessions.require, claimUserLimit],
      // The headers' schema documents Idempotency-Key in the OpenAPI; idempotencyKey() checks it
      // (400 IDEMPOTENCY_KEY_REQUIRED), so the rush does not also copy every request's headers.
      // The other parts are checked by precompiled tests first (issue 20: no zod parse per claim);
      // what they do not pass goes to zod, which gives the 400 with its field and message.
      validatorCompiler: (route) => {
        if (route.httpPart === 'headers') return () => true
        const zod = validatorCompiler(route as unknown as Parameters<typeof validatorCompiler>[0])
        const fast = CLAIM_PARTS[route.httpPart as keyof typeof CLAIM_PARTS]
        return fast ? (data: unknown) => (fast(data) ? { value: data } : zod(data)) : zod
      },
      schema: {
        querystring: noQuery,
        tags: ['vouchers'],
        summary: '领券（须带 Idempotency-Key；同一编号重试得到第一次的结果）',
        security: bearer,
        params: z.strictObject({ batchId: contentIdParam }),
        headers: z.looseObject({ 'idempotency-key': z.string().optional() }),
        body: z.strictObject({ roundId: contentIdParam.optional() }).nullish(),
        response: {
          201: envelope(claimAnswerSchema),
          ...errorResponses(401, 403, 404, 409, 422, 503),
        },
      },
    },
    async (request, reply) => {
      const key = idempotencyKey(request, true)!
      const claimant = request.claimant
      if (!claimant) throw authError('AUTH_REQUIRED')
      // Vouchers are for residents (issue 16: staff farming them). The role comes with the
      // session the claim route already holds (signed, or cached 5 s), so this costs no read; the
      // rare refusal is written to the operators' log before it is answered.
      if (claimant.role !== 'resident') {
        const message = '商户和运营人员账号不能领取居民消费券，请用本人的居民账号领取'
        await recordStaffRefusal(db, {
          at: now(),
          userId: claimant.userId,
          role: claimant.role,
          merchantId: claimant.merchantId,
          action: 'claim',
          target: request.params.batchId,
          code: 'STAFF_CANNOT_CLAIM',
          reason: message,
          requestId: request.id,
        })
        throw new ApiError(403, 'STAFF_CANNOT_CLAIM', message)
      }
      const answer = await vouchers.claim({
        userId: claimant.userId,
        residentCounty: claimant.residentCounty,
        batchId: request.params.batchId,
        roundId: request.body?.roundId,
        key,
        limits: engineCountsLimits
          ? { ip: request.ip, ipMax: options.claimRateLimit.ipPer10s, userMax: options.claimRateLimit.userPer10s, windowMs: 10_000 }
          : undefined,
      })
      if (answer.usage)
        void reply
          .header('x-user-ratelimit-limit', String(answer.usage.max))
          .header('x-user-ratelimit-remaining', String(Math.max(0, answer.usage.max - answer.usage.used)))
      return send(reply, answer)
    },
  )

  app.get(
    '/me/vouchers',
    {
      ...authed,
      schema: {
        tags: ['vouchers'],
        summary: '我的券包，可按状态筛选',
        security: bearer,
        querystring: z.strictObject({ status: walletStatusSchema.optional() }),
        response: { 200: envelope(z.array(walletVoucherViewSchema)), ...errorResponses(401) },
      },
    },
    async (request) => ({ data: await vouchers.wallet(callerOf(request).user.id, request.query.status) }),
  )

  app.get(
    '/me/vouchers/:voucherId',
    {
      ...authed,
      schema: {
        querystring: noQuery,
        tags: ['vouchers'],
        summary: '我的一张券',
        security: bearer,
        params: z.strictObject({ voucherId: contentIdParam }),
        response: { 200: envelope(walletVoucherViewSchema), ...errorResponses(401, 404) },
      },
    },
    async (request) => ({ data: await vouchers.walletVoucher(callerOf(request).user.id, request.params.voucherId) }),
  )

  app.post(
    '/me/vouchers/:voucherId/code',
    {
      ...authed,
      schema: {
        querystring: noQuery,
        body: emptyBody,
        tags: ['vouchers'],
        summary: '核销码：60 秒有效的签名令牌，每分钟刷新',
        security: bearer,
        params: z.strictObject({ voucherId: contentIdParam }),
        response: {
          200: envelope(redemptionCodeSchema),
          ...errorResponses(401, 404, 409),
        },
      },
    },
    async (request) => ({ data: await vouchers.redemptionCode(callerOf(request).user.id, request.params.voucherId) }),
  )

  app.post(
    '/me/vouchers/:voucherId/offline-key',
    {
      ...authed,
      schema: {
        querystring: noQuery,
        body: emptyBody,
        tags: ['vouchers'],
        summary: '离线券码密钥：手机据此每 30 秒生成新券码，没有网络也能出示（只给券的主人）',
        security: bearer,
        params: z.strictObject({ voucherId: contentIdParam }),
        response: {
          200: envelope(
            z.object({
              voucherId: z.string(),
              ownerId: z.string(),
              secret: z.string(),
              stepSeconds: z.number(),
              skewSteps: z.number(),
              serverTime: z.string(),
              validTo: z.string(),
            }),
          ),
          ...errorResponses(401, 404, 409),
        },
      },
    },
    async (request, reply) => {
      // A secret: never kept by a shared cache or the browser's HTTP cache.
      reply.header('cache-control', 'no-store')
      return { data: await vouchers.offlineCodeKey(callerOf(request).user.id, request.params.voucherId) }
    },
  )

  app.get(
    '/me/resident-county',
    {
      ...authed,
      schema: {
        querystring: noQuery,
        tags: ['vouchers'],
        summary: '我填写的所在区县（限本区县居民领取的券按它判断）',
        security: bearer,
        response: { 200: envelope(residentCountySchema), ...errorResponses(401) },
      },
    },
    async (request) => {
      const { user } = callerOf(request)
      const [row] = await db.query<{ county: string | null }>('select resident_county as county from users where id = $1', [user.id])
      return { data: { county: row?.county ?? null } }
    },
  )

  app.put(
    '/me/resident-county',
    {
      ...authed,
      schema: {
        querystring: noQuery,
        tags: ['vouchers'],
        summary: '填写所在区县（本人声明）',
        security: bearer,
        body: z.strictObject({ county: z.enum(VOUCHER_COUNTY_CODES).nullable() }),
        response: { 200: envelope(residentCountySchema), ...errorResponses(401) },
      },
    },
    async (request) => {
      const { user } = callerOf(request)
      await setResidentCounty(db, user.id, request.body.county)
      options.sessions.forgetUser(user.id)
      return { data: { county: request.body.county } }
    },
  )

  app.post(
    '/merchant/redemptions',
    {
      ...merchantOnly,
      schema: {
        querystring: noQuery,
        tags: ['merchant'],
        summary: '核销：扫码得到的券码、订单金额（分）、订单号；同一订单同一张券只核销一次',
        security: bearer,
        headers: z.looseObject({ 'idempotency-key': z.string().optional() }),
        body: z.strictObject({
          code: z.string().min(1, '缺少券码').max(512),
          orderAmountFen: z.number().int('金额必须是整数分').min(0, '金额不能是负数').max(1_000_000_000, '金额过大'),
          orderId: z.string().trim().min(1, '缺少订单号').max(64, '订单号最多 64 个字符'),
        }),
        response: { 201: envelope(redeemAnswerSchema), ...errorResponses(401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const { user } = callerOf(request)
      const answer = await vouchers.redeem({ userId: user.id, merchantId: user.merchantId!, requestId: request.id }, request.body, idempotencyKey(request, false))
      return send(reply, answer)
    },
  )

  app.get(
    '/merchant/redemptions',
    {
      ...merchantOnly,
      schema: {
        tags: ['merchant'],
        summary: '本店某一天的核销记录（北京时间，默认今天）',
        security: bearer,
        querystring: z.strictObject({
          date: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2025-05-01')
            .refine((text) => isValidDate(text), '没有这一天')
            .optional(),
        }),
        response: { 200: envelope(z.array(redemptionSchema)), ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      const { user } = callerOf(request)
      return { data: await vouchers.merchantRedemptions(user.merchantId!, request.query.date ?? todayInShanghai(now().getTime())) }
    },
  )

  app.post(
    '/merchant/refunds',
    {
      ...merchantOnly,
      schema: {
        querystring: noQuery,
        tags: ['merchant'],
        summary: '退款：全额且在有效期内退回券，部分退款或过期不退回；每笔核销只退一次',
        security: bearer,
        body: z.strictObject({ redemptionId: contentIdParam, full: z.boolean() }),
        response: {
          200: envelope(refundAnswerSchema),
          ...errorResponses(401, 403, 404, 409),
        },
      },
    },
    async (request, reply) => send(reply, await vouchers.refund({ merchantId: callerOf(request).user.merchantId! }, request.body)),
  )
}
