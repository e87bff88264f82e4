/**
 * Login, logout and the caller's own account. WeChat login exchanges a wx.login code for a session
 * token (a resident's is signed for the claim route: auth/signed-session.ts); the session_key WeChat returns is stored and never leaves the server. The
 * development login exists only outside production (the route is not registered there at all).
 */
import { randomUUID } from 'node:crypto'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { preHandlerAsyncHookHandler } from 'fastify'
import { z } from 'zod'
import { toIsoShanghai } from '../../../src/domain/time'
import { VOUCHER_COUNTY_CODES } from '../../../src/domain/vouchers/places'
import { callerOf } from '../auth/guard'
import { hashToken, newSessionToken } from '../auth/tokens'
import { ApiError } from '../http/errors'
import { contentIdParam, emptyBody, envelope, errorResponses, noQuery, uuidParam, signedInRoute } from '../http/schemas'
import {
  createSession,
  listActiveSessions,
  revokeSession,
  setNickname,
  setRole,
  upsertDevUser,
  upsertWechatUser,
  type Session,
  type User,
} from '../store/accounts'
import { getMerchant } from '../store/content'
import type { Db } from '../store/db'
import { setResidentCounty } from '../store/vouchers'
import type { WechatClient } from '../wechat/client'
import type { SessionKeyCipher } from '../auth/session-key-cipher'
import type { SessionSigner } from '../auth/signed-session'

export const userSchema = z.object({
  id: z.uuid(),
  role: z.enum(['resident', 'merchant', 'operator', 'auditor']),
  merchantId: z.string().nullable(),
  nickname: z.string().nullable(),
  devName: z.string().nullable(),
  createdAt: z.string(),
})

export const sessionSchema = z.object({
  id: z.uuid(),
  login: z.enum(['wechat', 'dev', 'staff']),
  createdAt: z.string(),
  expiresAt: z.string(),
  current: z.boolean(),
})

export function presentUser(user: User): z.infer<typeof userSchema> {
  return { ...user, createdAt: toIsoShanghai(user.createdAt) }
}

function presentSession(session: Session, currentId: string): z.infer<typeof sessionSchema> {
  return {
    id: session.id,
    login: session.login,
    createdAt: toIsoShanghai(session.createdAt),
    expiresAt: toIsoShanghai(session.expiresAt),
    current: session.id === currentId,
  }
}

const loginResultSchema = envelope(z.object({ token: z.string(), expiresAt: z.string(), user: userSchema }))

/** Names people type for a test account: Chinese, letters, digits, - and _. */
const devNameSchema = z
  .string()
  .trim()
  .min(1, '请填写名字')
  .max(20, '名字最多 20 个字')
  .regex(/^[\p{Script=Han}A-Za-z0-9_-]+$/u, '名字只能包含汉字、字母、数字、- 和 _')

/** Without role: the account as it is (seeded ones keep theirs); a merchant names its shop. */
const devLoginBodySchema = z
  .strictObject({
    name: devNameSchema,
    role: z.enum(['resident', 'merchant', 'operator']).optional(),
    merchantId: contentIdParam.optional(),
    county: z.enum(VOUCHER_COUNTY_CODES).nullable().optional(),
  })
  .refine((body) => (body.role === 'merchant') === (body.merchantId !== undefined), {
    message: '商户账号须指定 merchantId，其他角色不能指定',
    path: ['merchantId'],
  })

export interface AccountRouteOptions {
  db: Db
  wechat: WechatClient
  sessionTtlMs: number
  demo: boolean
  /** Seals WeChat session_keys at rest; null → they are not kept. */
  sessionKeys: SessionKeyCipher | null
  /** Signs residents' session tokens for the claim route (issue 20); null → opaque tokens only. */
  sessionSigner: SessionSigner | null
  now: () => Date
  loginPerMinute: number
  requireUser: preHandlerAsyncHookHandler
  userRateLimit: preHandlerAsyncHookHandler
}

export const accountRoutes: FastifyPluginAsyncZod<AccountRouteOptions> = async (app, options) => {
  const { db, wechat, now } = options
  const authed = { preHandler: [options.requireUser, options.userRateLimit] }
  const bearer = [{ bearer: [] }]
  const loginLimit = { rateLimit: { max: options.loginPerMinute, timeWindow: 60_000 } }

  async function startSession(user: User, login: Session['login'], userAgent: string | undefined) {
    const expiresAt = new Date(now().getTime() + options.sessionTtlMs)
    const signer = options.sessionSigner
    const token = await db.transaction(async (tx) => {
      const sessionId = randomUUID()
      // A resident's token says who they are and their county, signed (issue 20: the claim route
      // then reads no session). The session's creation instant is the store's now(), the clock
      // of the change notes that decide when the token is no longer believed (auth-changes.ts).
      const [facts] =
        signer && user.role === 'resident'
          ? await tx.query<{ county: string | null; now: Date }>('select resident_county as county, now() as now from users where id = $1', [user.id])
          : []
      const signed = facts
        ? signer!.issue({
            sessionId,
            userId: user.id,
            residentCounty: facts.county,
            expiresAtMs: expiresAt.getTime(),
            createdAtMs: facts.now.getTime(),
            dev: login === 'dev',
          })
        : null
      const issued = signed ?? newSessionToken()
      await createSession(tx, { id: sessionId, userId: user.id, tokenHash: hashToken(issued), login, expiresAt, userAgent: userAgent ?? null })
      return issued
    })
    return { data: { token, expiresAt: toIsoShanghai(expiresAt), user: presentUser(user) } }
  }

  app.post(
    '/auth/wechat',
    {
      config: loginLimit,
      schema: { querystring: noQuery,
        tags: ['accounts'],
        summary: '微信登录：wx.login 的 code 换取会话令牌',
        body: z.strictObject({ code: z.string().min(1, '缺少登录凭证 code').max(128).regex(/^[A-Za-z0-9_-]+$/, 'code 格式不对') }),
        response: { 200: loginResultSchema, ...errorResponses(403, 502, 503) },
      },
    },
    async (request) => {
      const login = await wechat.code2Session(request.body.code)
      const user = await db.transaction((tx) => upsertWechatUser(tx, login, options.sessionKeys))
      return startSession(user, 'wechat', request.headers['user-agent'])
    },
  )

  if (options.demo) {
    app.post(
      '/auth/dev',
      {
        config: loginLimit,
        schema: { querystring: noQuery,
          tags: ['accounts'],
          summary: '开发登录（仅演示模式）：以指定名字的测试账号登录；可指定角色（商户须绑定 merchantId）和所在区县',
          body: devLoginBodySchema,
          response: { 200: loginResultSchema, ...errorResponses(404) },
        },
      },
      async (request) => {
        const { name, role, merchantId, county } = request.body
        if (merchantId && !(await getMerchant(db, merchantId))) throw new ApiError(404, 'NOT_FOUND', '找不到这个商户，请先导入商户')
        let user = await upsertDevUser(db, name)
        if (role) user = (await setRole(db, user.id, role, merchantId ?? null)) ?? user
        if (county !== undefined) await setResidentCounty(db, user.id, county)
        return startSession(user, 'dev', request.headers['user-agent'])
      },
    )
  }

  app.post(
    '/auth/logout',
    {
      ...authed,
      schema: { querystring: noQuery, body: emptyBody, tags: ['accounts'], summary: '退出登录：当前令牌立即失效', security: bearer, response: { 200: envelope(z.object({ loggedOut: z.literal(true) })), ...errorResponses(401) } },
    },
    async (request) => {
      const { user, session } = callerOf(request)
      await revokeSession(db, user.id, session.id)
      return { data: { loggedOut: true as const } }
    },
  )

  app.get(
    '/me',
    {
      ...authed,
      schema: signedInRoute('accounts', '当前用户', { response: { 200: envelope(z.object({ user: userSchema, session: sessionSchema })), ...errorResponses(401) } }),
    },
    async (request) => {
      const { user, session } = callerOf(request)
      return { data: { user: presentUser(user), session: presentSession(session, session.id) } }
    },
  )

  app.patch(
    '/me',
    {
      ...authed,
      schema: signedInRoute('accounts', '修改昵称（角色和商户绑定只能由运营人员修改）', {
        body: z.strictObject({ nickname: z.string().trim().min(1, '请填写昵称').max(20, '昵称最多 20 个字') }),
        response: { 200: envelope(z.object({ user: userSchema })), ...errorResponses(401) },
      }),
    },
    async (request) => {
      const user = await setNickname(db, callerOf(request).user.id, request.body.nickname)
      return { data: { user: presentUser(user) } }
    },
  )

  app.get(
    '/me/sessions',
    {
      ...authed,
      schema: signedInRoute('accounts', '我的登录设备', { response: { 200: envelope(z.array(sessionSchema)), ...errorResponses(401) } }),
    },
    async (request) => {
      const { user, session } = callerOf(request)
      const sessions = await listActiveSessions(db, user.id, now())
      return { data: sessions.map((item) => presentSession(item, session.id)) }
    },
  )

  app.delete(
    '/me/sessions/:sessionId',
    {
      ...authed,
      schema: signedInRoute('accounts', '让我的某个登录失效', {
        params: z.strictObject({ sessionId: uuidParam }),
        response: { 200: envelope(z.object({ revoked: z.literal(true) })), ...errorResponses(401, 404) },
      }),
    },
    async (request) => {
      const revoked = await revokeSession(db, callerOf(request).user.id, request.params.sessionId)
      // Someone else's session answers exactly like a missing one: ids are not an oracle.
      if (!revoked) throw new ApiError(404, 'SESSION_NOT_FOUND', '找不到这个登录记录')
      return { data: { revoked: true as const } }
    },
  )
}
