/**
 * The console's content work while the server runs (on PGlite too: the server's own store
 * connection does the writing): merchants and the accounts that redeem for them, events (edit,
 * move with the reminders following, cancel), and policy corrections from the same content file
 * the import CLI takes — a dry run shown as before → after by screen, then applied, with history.
 */
import type { preHandlerAsyncHookHandler } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { contentChange } from '../../../src/domain/admin/content-diff'
import {
  adminMerchantSchema,
  eventBodySchema,
  eventCancelBodySchema,
  eventChangeResultSchema,
  eventMoveBodySchema,
  importHistorySchema,
  merchantBindBodySchema,
  merchantBodySchema,
  merchantSuspendBodySchema,
  policyImportBodySchema,
  policyImportResultSchema,
  policyOverviewSchema,
  type ContentChange,
} from '../../../src/domain/admin/schemas'
import type { ContentBundle } from '../../../src/domain/content'
import { cityEventSchema, firstDateOf, type CityEvent } from '../../../src/domain/events/model'
import { COUNTY_CODES } from '../../../src/domain/events/places'
import { daysBetween, toIsoShanghai } from '../../../src/domain/time'
import { MERCHANT_CATEGORY_CODES, VOUCHER_COUNTY_CODES } from '../../../src/domain/vouchers/places'
import type { Merchant } from '../../../src/domain/vouchers/schema'
import { callerOf } from '../auth/guard'
import { importParsedFiles, validateFiles, type ImportProblem } from '../content/import'
import { parseSourceText } from '../content/source-files'
import { ApiError } from '../http/errors'
import { contentIdParam, envelope, errorResponses, pageQuery, pagedEnvelope, signedInRoute } from '../http/schemas'
import { getUser, listMerchantAccounts, setRole } from '../store/accounts'
import { getBatch, getEvent, getMerchant, getPolicy, getSubsidyRuleSets, getTollData, listEvents, listMerchants, upsertEvent, upsertMerchant } from '../store/content'
import type { Db, Queryable } from '../store/db'
import type { VoucherService } from '../vouchers/service'
import { actorOf, writeAudit } from './audit'
import { followEventReminders } from './event-reminders'
import type { StaffGuards } from './guard'
import { importHistory, setMerchantSuspended, suspendedMerchantIds } from './store'

export interface ContentAdminRouteOptions {
  db: Db
  now: () => Date
  vouchers: VoucherService
  guards: StaffGuards
  userRateLimit: preHandlerAsyncHookHandler
}

/** A content file of a whole programme (hundreds of merchants and events) is larger than an API body. */
const POLICY_FILE_BODY_LIMIT = 4 * 1024 * 1024

function strip<T extends { updatedAt?: string }>(doc: T): Omit<T, 'updatedAt'> {
  const { updatedAt: _updatedAt, ...rest } = doc
  return rest
}

/** What the file would change, item by item, against what the store holds now. */
async function changesOf(q: Queryable, bundles: readonly ContentBundle[]): Promise<ContentChange[]> {
  const changes: ContentChange[] = []
  const policy = await getPolicy(q)
  const override = (kind: string) => policy.overrides.find((item) => item.kind === kind)?.document ?? null
  for (const bundle of bundles) {
    if (bundle.policy) {
      const stored = policy.version && policy.version.version === bundle.policy.version ? strip(policy.version) : null
      changes.push(contentChange('policy', bundle.policy.version, bundle.policy.title, stored, bundle.policy))
    }
    if (bundle.subsidyOverrides !== undefined) changes.push(contentChange('subsidyOverrides', 'subsidy', '以旧换新补贴更正', override('subsidy'), bundle.subsidyOverrides))
    if (bundle.tollOverride !== undefined) changes.push(contentChange('tollOverride', 'toll', '衢城畅行 ETC 更正', override('toll'), bundle.tollOverride))
    for (const merchant of bundle.merchants ?? []) {
      const stored = await getMerchant(q, merchant.id)
      changes.push(contentChange('merchants', merchant.id, merchant.name, stored ? strip(stored) : null, merchant))
    }
    for (const batch of bundle.batches ?? []) {
      const stored = await getBatch(q, batch.id)
      changes.push(contentChange('batches', batch.id, batch.title, stored ? strip(stored) : null, batch))
    }
    for (const event of bundle.events ?? []) {
      const stored = await getEvent(q, event.id)
      changes.push(contentChange('events', event.id, event.title, stored ? strip(stored) : null, event))
    }
  }
  return changes
}

export const contentAdminRoutes: FastifyPluginAsyncZod<ContentAdminRouteOptions> = async (app, options) => {
  const { db, now, guards, vouchers } = options
  const bearer = [{ bearer: [] }]
  const read = { preHandler: [guards.read, options.userRateLimit] }
  const write = { preHandler: [guards.write, options.userRateLimit] }
  const merchantParams = z.strictObject({ merchantId: contentIdParam })
  const eventParams = z.strictObject({ eventId: contentIdParam })

  async function presentMerchant(merchant: Merchant & { updatedAt: string }, suspended: boolean) {
    const accounts = await listMerchantAccounts(db, merchant.id)
    return {
      merchant: strip(merchant),
      suspended,
      accounts: accounts.map((user) => ({ id: user.id, nickname: user.nickname, createdAt: toIsoShanghai(user.createdAt) })),
      updatedAt: merchant.updatedAt,
    }
  }

  async function merchantView(merchantId: string) {
    const merchant = await getMerchant(db, merchantId)
    if (!merchant) throw new ApiError(404, 'NOT_FOUND', '找不到这个商户')
    return presentMerchant(merchant, (await suspendedMerchantIds(db, [merchantId])).has(merchantId))
  }

  // Merchants -----------------------------------------------------------------------------------

  app.get(
    '/admin/merchants',
    {
      ...read,
      schema: {
        tags: ['admin'],
        summary: '商户列表：区县、类别、地址、状态和绑定的核销账号',
        security: bearer,
        querystring: z.strictObject({
          county: z.enum(VOUCHER_COUNTY_CODES).optional(),
          category: z.enum(MERCHANT_CATEGORY_CODES).optional(),
          q: z.string().trim().min(1).max(40).optional(),
          ...pageQuery,
        }),
        response: { 200: pagedEnvelope(adminMerchantSchema), ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      const { page, pageSize } = request.query
      const found = await listMerchants(db, { county: request.query.county, category: request.query.category, query: request.query.q, limit: pageSize, offset: (page - 1) * pageSize })
      const suspended = await suspendedMerchantIds(db, found.items.map((item) => item.id))
      const data = await Promise.all(found.items.map((merchant) => presentMerchant(merchant, suspended.has(merchant.id))))
      return { data, meta: { total: found.total, page, pageSize } }
    },
  )

  app.put(
    '/admin/merchants/:merchantId',
    {
      ...write,
      schema: signedInRoute('admin', '新增或修改商户', { params: merchantParams, body: merchantBodySchema, response: { 200: envelope(adminMerchantSchema), ...errorResponses(401, 403, 422) } }),
    },
    async (request) => {
      const merchant = request.body
      if (merchant.id !== request.params.merchantId) throw new ApiError(422, 'ID_MISMATCH', '商户编号与地址中的编号不一致')
      const at = now()
      await db.transaction(async (tx) => {
        const before = await getMerchant(tx, merchant.id)
        await upsertMerchant(tx, merchant)
        await writeAudit(tx, actorOf(callerOf(request)), { action: 'merchant.save', targetType: 'merchant', targetId: merchant.id, summary: `${before ? '修改' : '新增'}商户「${merchant.name}」`, before: before ? strip(before) : null, after: merchant }, at, request.id)
      })
      return { data: await merchantView(merchant.id) }
    },
  )

  app.post(
    '/admin/merchants/:merchantId/suspend',
    {
      ...write,
      schema: signedInRoute('admin', '暂停或恢复商户核销（暂停后该店扫码核销被拒绝）', { params: merchantParams, body: merchantSuspendBodySchema, response: { 200: envelope(adminMerchantSchema), ...errorResponses(401, 403, 404) } }),
    },
    async (request) => {
      const at = now()
      const before = await merchantView(request.params.merchantId)
      await db.transaction(async (tx) => {
        await setMerchantSuspended(tx, request.params.merchantId, request.body.suspended, at)
        await writeAudit(
          tx,
          actorOf(callerOf(request)),
          { action: request.body.suspended ? 'merchant.suspend' : 'merchant.unsuspend', targetType: 'merchant', targetId: request.params.merchantId, summary: `${request.body.suspended ? '暂停' : '恢复'}商户「${before.merchant.name}」核销`, before: { suspended: before.suspended }, after: { suspended: request.body.suspended } },
          at,
          request.id,
        )
      })
      return { data: await merchantView(request.params.merchantId) }
    },
  )

  app.post(
    '/admin/merchants/:merchantId/accounts',
    {
      ...write,
      schema: signedInRoute('admin', '绑定核销账号：该账号（小程序登录的用户）可为本店核销', { params: merchantParams, body: merchantBindBodySchema, response: { 200: envelope(adminMerchantSchema), ...errorResponses(401, 403, 404, 409) } }),
    },
    async (request) => {
      const merchant = await merchantView(request.params.merchantId)
      const user = await getUser(db, request.body.userId)
      if (!user) throw new ApiError(404, 'NOT_FOUND', '找不到这个账号，请让店员先在小程序登录一次')
      if (user.role === 'operator' || user.role === 'auditor') throw new ApiError(409, 'STAFF_ACCOUNT', '后台账号不能绑定为商户核销账号')
      if (user.role === 'merchant' && user.merchantId !== request.params.merchantId) throw new ApiError(409, 'BOUND_ELSEWHERE', `这个账号已绑定商户 ${user.merchantId}，请先解绑`)
      const at = now()
      await db.transaction(async (tx) => {
        await setRole(tx, user.id, 'merchant', request.params.merchantId)
        await writeAudit(tx, actorOf(callerOf(request)), { action: 'merchant.bind', targetType: 'merchant', targetId: request.params.merchantId, summary: `把账号 ${user.id} 绑定为「${merchant.merchant.name}」的核销账号`, before: { role: user.role }, after: { role: 'merchant', merchantId: request.params.merchantId } }, at, request.id)
      })
      return { data: await merchantView(request.params.merchantId) }
    },
  )

  app.delete(
    '/admin/merchants/:merchantId/accounts/:userId',
    {
      ...write,
      schema: signedInRoute('admin', '解绑核销账号（变回普通居民账号）', {
        params: z.strictObject({ merchantId: contentIdParam, userId: z.uuid({ error: '编号格式不对' }) }),
        response: { 200: envelope(adminMerchantSchema), ...errorResponses(401, 403, 404) },
      }),
    },
    async (request) => {
      const merchant = await merchantView(request.params.merchantId)
      const user = await getUser(db, request.params.userId)
      if (!user || user.merchantId !== request.params.merchantId) throw new ApiError(404, 'NOT_FOUND', '这个账号没有绑定本店')
      const at = now()
      await db.transaction(async (tx) => {
        await setRole(tx, user.id, 'resident', null)
        await writeAudit(tx, actorOf(callerOf(request)), { action: 'merchant.unbind', targetType: 'merchant', targetId: request.params.merchantId, summary: `解绑「${merchant.merchant.name}」的核销账号 ${user.id}`, before: { role: 'merchant', merchantId: user.merchantId }, after: { role: 'resident' } }, at, request.id)
      })
      return { data: await merchantView(request.params.merchantId) }
    },
  )

  // Events --------------------------------------------------------------------------------------

  app.get(
    '/admin/events',
    {
      ...read,
      schema: {
        tags: ['admin'],
        summary: '活动列表（含已取消、已改期）',
        security: bearer,
        querystring: z.strictObject({
          from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2026-12-06'),
          to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2026-12-06'),
          county: z.enum(COUNTY_CODES).optional(),
          ...pageQuery,
        }),
        response: { 200: pagedEnvelope(z.looseObject({ id: z.string(), updatedAt: z.string() })), ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      const { from, to, page, pageSize, county } = request.query
      if (to < from || daysBetween(from, to) > 731) throw new ApiError(400, 'VALIDATION_FAILED', '日期范围不对（最多两年）')
      const found = await listEvents(db, { from: new Date(`${from}T00:00:00+08:00`), to: new Date(new Date(`${to}T00:00:00+08:00`).getTime() + 86_400_000), county, limit: pageSize, offset: (page - 1) * pageSize })
      return { data: found.items, meta: { total: found.total, page, pageSize } }
    },
  )

  async function saveEvent(request: { id: string }, caller: ReturnType<typeof callerOf>, action: string, summary: (event: CityEvent) => string, change: (before: CityEvent | null) => unknown) {
    const at = now()
    return db.transaction(async (tx) => {
      const stored = await getEvent(tx, request.id)
      const before = stored ? (strip(stored) as CityEvent) : null
      const parsed = cityEventSchema.safeParse(change(before))
      if (!parsed.success) {
        const issue = parsed.error.issues[0]
        throw new ApiError(422, 'EVENT_INVALID', `${issue.path.join('.') || '活动'}：${issue.message}`)
      }
      const event = parsed.data
      await upsertEvent(tx, event)
      const shift = before ? daysBetween(firstDateOf(before), firstDateOf(event)) : 0
      const remindersUpdated = before ? await followEventReminders(tx, event.id, shift, at) : 0
      await writeAudit(tx, actorOf(caller), { action, targetType: 'event', targetId: event.id, summary: summary(event), before, after: event }, at, null)
      return { event: { ...event, updatedAt: toIsoShanghai(at) }, remindersUpdated }
    })
  }

  app.put(
    '/admin/events/:eventId',
    {
      ...write,
      schema: signedInRoute('admin', '新增或修改活动（修改会提高 revision，日历订阅随之更新）', { params: eventParams, body: z.unknown(), response: { 200: envelope(eventChangeResultSchema), ...errorResponses(401, 403, 422) } }),
    },
    async (request) => {
      const input = eventBodySchema.safeParse(request.body)
      if (!input.success) throw new ApiError(422, 'EVENT_INVALID', `${input.error.issues[0].path.join('.') || '活动'}：${input.error.issues[0].message}`)
      if (input.data.id !== request.params.eventId) throw new ApiError(422, 'ID_MISMATCH', '活动编号与地址中的编号不一致')
      return {
        data: await saveEvent(
          { id: request.params.eventId },
          callerOf(request),
          'event.save',
          (event) => `保存活动「${event.title}」`,
          (before) => ({ ...input.data, revision: before ? Math.max(input.data.revision, before.revision + 1) : input.data.revision }),
        ),
      }
    },
  )

  app.post(
    '/admin/events/:eventId/move',
    {
      ...write,
      schema: signedInRoute('admin', '活动改期：居民已设的提醒随之改到新时间', { params: eventParams, body: eventMoveBodySchema, response: { 200: envelope(eventChangeResultSchema), ...errorResponses(401, 403, 404, 422) } }),
    },
    async (request) => {
      if (!(await getEvent(db, request.params.eventId))) throw new ApiError(404, 'NOT_FOUND', '找不到这个活动')
      const { start, end, changeNote } = request.body
      return {
        data: await saveEvent(
          { id: request.params.eventId },
          callerOf(request),
          'event.move',
          (event) => `活动「${event.title}」改期至 ${event.start}`,
          (before) => ({ ...before, start, end, status: 'changed', changeNote, revision: (before?.revision ?? 0) + 1 }),
        ),
      }
    },
  )

  app.post(
    '/admin/events/:eventId/cancel',
    {
      ...write,
      schema: signedInRoute('admin', '取消活动：居民看到取消说明，未发出的提醒停止', { params: eventParams, body: eventCancelBodySchema, response: { 200: envelope(eventChangeResultSchema), ...errorResponses(401, 403, 404, 422) } }),
    },
    async (request) => {
      if (!(await getEvent(db, request.params.eventId))) throw new ApiError(404, 'NOT_FOUND', '找不到这个活动')
      return {
        data: await saveEvent(
          { id: request.params.eventId },
          callerOf(request),
          'event.cancel',
          (event) => `取消活动「${event.title}」`,
          (before) => ({ ...before, status: 'cancelled', changeNote: request.body.changeNote, revision: (before?.revision ?? 0) + 1 }),
        ),
      }
    },
  )

  // Policy corrections ----------------------------------------------------------------------------

  app.get(
    '/admin/policy',
    { ...read, schema: signedInRoute('admin', '当前政策数据：数据版本、补贴规则集及状态、ETC 数据', { response: { 200: envelope(policyOverviewSchema), ...errorResponses(401, 403) } }) },
    async () => {
      const policy = await getPolicy(db)
      const subsidy = await getSubsidyRuleSets(db)
      const toll = await getTollData(db)
      return {
        data: {
          version: policy.version,
          overrides: policy.overrides.map((item) => ({
            kind: item.kind,
            updatedAt: item.updatedAt,
            note: typeof (item.document as { note?: unknown })?.note === 'string' ? ((item.document as { note: string }).note) : null,
            problem: item.kind === 'subsidy' ? subsidy.overrideProblem : toll.overrideProblem,
          })),
          ruleSets: subsidy.ruleSets.map((set) => ({ id: set.id, title: set.title, status: set.status, from: set.effective.from, to: set.effective.to })),
          toll: { updatedAt: toll.updatedAt, stations: toll.data.stations.length, problem: toll.overrideProblem },
        },
      }
    },
  )

  async function runImport(request: { body: z.infer<typeof policyImportBodySchema>; id: string }, caller: ReturnType<typeof callerOf> | null, dryRun: boolean) {
    const { fileName, contentBase64 } = request.body
    const parsed = parseSourceText(fileName, Buffer.from(contentBase64, 'base64').toString('utf8'))
    const asProblems = (problems: ImportProblem[]) => ({ ok: false, applied: false, problems, changes: [], counts: null })
    if (!parsed.ok) return asProblems(parsed.problems.map((problem) => ({ file: problem.file, path: problem.path.map(String).join('.') || '(文件顶层)', ...(problem.position ? { line: problem.position.line, column: problem.position.column } : {}), reason: problem.reason })))
    const { bundles, problems } = await validateFiles(db, [parsed.parsed])
    if (problems.length > 0) {
      return asProblems(problems.map((problem) => ({ file: problem.file, path: problem.path.map(String).join('.') || '(文件顶层)', ...(problem.position ? { line: problem.position.line, column: problem.position.column } : {}), reason: problem.reason })))
    }
    const changes = await changesOf(db, bundles.map((located) => located.bundle))
    const result = await importParsedFiles(db, [parsed.parsed], { source: 'console', dryRun, now: now() })
    if (!result.ok) return asProblems(result.problems)
    if (!dryRun && caller) {
      const at = now()
      await db.query('update content_imports set imported_by = $2 where id = $1', [result.importId, caller.user.nickname])
      await writeAudit(
        db,
        actorOf(caller),
        {
          action: 'policy.import',
          targetType: 'content',
          targetId: result.importId,
          summary: `导入 ${fileName}：${changes.filter((change) => change.change !== 'unchanged').length} 项变更`,
          before: changes.filter((change) => change.change === 'changed').map((change) => ({ kind: change.kind, id: change.id, fields: change.fields.map((field) => ({ path: field.path, value: field.before })) })),
          after: changes.filter((change) => change.change !== 'unchanged').map((change) => ({ kind: change.kind, id: change.id, fields: change.fields.map((field) => ({ path: field.path, value: field.after })) })),
        },
        at,
        request.id,
      )
      await vouchers.tick()
    }
    return { ok: true, applied: !dryRun, problems: [], changes, counts: { ...result.counts } }
  }

  app.post(
    '/admin/policy/dry-run',
    {
      ...read,
      bodyLimit: POLICY_FILE_BODY_LIMIT,
      schema: signedInRoute('admin', '试导入内容文件（与命令行导入同一格式）：列出每一屏的修改前 → 修改后，不写入', { body: policyImportBodySchema, response: { 200: envelope(policyImportResultSchema), ...errorResponses(401, 403) } }),
    },
    async (request) => ({ data: await runImport(request, null, true) }),
  )

  app.post(
    '/admin/policy/import',
    {
      ...write,
      bodyLimit: POLICY_FILE_BODY_LIMIT,
      schema: signedInRoute('admin', '导入内容文件：全部通过才写入（全有或全无），记入导入历史和审计日志', { body: policyImportBodySchema, response: { 200: envelope(policyImportResultSchema), ...errorResponses(401, 403) } }),
    },
    async (request) => ({ data: await runImport(request, callerOf(request), false) }),
  )

  app.get(
    '/admin/policy/imports',
    { ...read, schema: signedInRoute('admin', '导入历史：谁、何时、哪些文件、各类条数', { response: { 200: envelope(z.array(importHistorySchema)), ...errorResponses(401, 403) } }) },
    async () => ({
      data: (await importHistory(db, 200)).map((row) => ({ id: row.id, at: toIsoShanghai(row.imported_at), source: row.source, by: row.imported_by, files: row.files, counts: row.counts })),
    }),
  )
}
