/**
 * Console sign-in (password + TOTP), the one-time setup link, staff accounts and roles, and the
 * audit log (read and export). Every change is audited in its own transaction.
 */
import type { preHandlerAsyncHookHandler } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  auditEntrySchema,
  auditQuerySchema,
  staffCreateBodySchema,
  staffLoginBodySchema,
  staffRoleBodySchema,
  staffSchema,
  staffSessionSchema,
  staffSetupBodySchema,
  staffSetupInfoSchema,
  staffSetupLinkSchema,
  STAFF_ROLE_LABEL,
  type AuditEntry,
} from '../../../src/domain/admin/schemas'
import { csvCell } from '../../../src/domain/admin/settlement'
import { parseDate, toIsoShanghai } from '../../../src/domain/time'
import { callerOf } from '../auth/guard'
import { ApiError } from '../http/errors'
import { emptyBody, envelope, errorResponses, noQuery, pagedEnvelope, uuidParam, signedInRoute } from '../http/schemas'
import type { Db } from '../store/db'
import { actorOf, listAudit, writeAudit } from './audit'
import type { StaffGuards } from './guard'
import { completeSetup, createStaff, findStaff, listStaff, presentStaff, resetStaff, setStaffRole, setupInfo, setupPath, signIn } from './staff'
import { xlsxBuffer } from './xlsx'

export interface StaffRouteOptions {
  db: Db
  now: () => Date
  guards: StaffGuards
  staffSessionTtlMs: number
  loginPerMinute: number
  userRateLimit: preHandlerAsyncHookHandler
}

const AUDIT_COLUMNS: { title: string; value: (entry: AuditEntry) => string }[] = [
  { title: '时间', value: (entry) => entry.at },
  { title: '账号', value: (entry) => entry.actorAccount },
  { title: '角色', value: (entry) => STAFF_ROLE_LABEL[entry.actorRole as 'operator'] ?? entry.actorRole },
  { title: '操作', value: (entry) => entry.action },
  { title: '对象', value: (entry) => `${entry.targetType}${entry.targetId ? ` ${entry.targetId}` : ''}` },
  { title: '说明', value: (entry) => entry.summary },
  { title: '修改前', value: (entry) => (entry.before === null ? '' : JSON.stringify(entry.before)) },
  { title: '修改后', value: (entry) => (entry.after === null ? '' : JSON.stringify(entry.after)) },
]

/** Start of a Shanghai day as an instant; `end` → the start of the next day (the range is inclusive of `to`). */
export function dayStart(date: string, end = false): Date {
  const day = parseDate(date, end ? 'to' : 'from')
  return (end ? day.add(1, 'day') : day).toDate()
}

export const staffAdminRoutes: FastifyPluginAsyncZod<StaffRouteOptions> = async (app, options) => {
  const { db, now, guards } = options
  const bearer = [{ bearer: [] }]
  const read = { preHandler: [guards.read, options.userRateLimit] }
  const write = { preHandler: [guards.write, options.userRateLimit] }
  const loginLimit = { rateLimit: { max: options.loginPerMinute, timeWindow: 60_000 } }

  app.post(
    '/admin/auth/login',
    {
      config: loginLimit,
      schema: {
        querystring: noQuery,
        tags: ['admin'],
        summary: '后台登录：账号 + 密码 + 身份验证器 6 位验证码；连续 5 次失败锁定 15 分钟',
        body: staffLoginBodySchema,
        response: { 200: envelope(staffSessionSchema), ...errorResponses(401, 423) },
      },
    },
    async (request) => {
      const at = now()
      const { token, session, staff } = await signIn(db, {
        ...request.body,
        now: at,
        ttlMs: options.staffSessionTtlMs,
        userAgent: request.headers['user-agent'] ?? null,
      })
      await writeAudit(db, { id: staff.user_id, account: staff.account, role: staff.role }, { action: 'staff.login', targetType: 'staff', targetId: staff.user_id, summary: `${staff.account} 登录后台` }, at, request.id)
      return { data: { token, expiresAt: toIsoShanghai(session.expiresAt), staff: presentStaff(staff, at) } }
    },
  )

  app.get(
    '/admin/auth/setup/:token',
    {
      config: loginLimit,
      schema: {
        querystring: noQuery,
        tags: ['admin'],
        summary: '一次性设置链接：账号、角色和要录入身份验证器的密钥（otpauth URI）',
        params: z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, '设置链接无效') }),
        response: { 200: envelope(staffSetupInfoSchema), ...errorResponses(404, 410) },
      },
    },
    async (request) => ({ data: await setupInfo(db, request.params.token, now()) }),
  )

  app.post(
    '/admin/auth/setup',
    {
      config: loginLimit,
      schema: {
        querystring: noQuery,
        tags: ['admin'],
        summary: '用一次性设置链接设置密码并绑定身份验证器（须输入一次当前验证码）',
        body: staffSetupBodySchema,
        response: { 200: envelope(staffSchema), ...errorResponses(404, 410, 422) },
      },
    },
    async (request) => {
      const at = now()
      const staff = await completeSetup(db, { ...request.body, now: at })
      await writeAudit(db, { id: staff.user_id, account: staff.account, role: staff.role }, { action: 'staff.setup', targetType: 'staff', targetId: staff.user_id, summary: `${staff.account} 设置了密码和身份验证器` }, at, request.id)
      return { data: presentStaff(staff, at) }
    },
  )

  app.get(
    '/admin/auth/me',
    { ...read, schema: signedInRoute('admin', '当前后台账号', { response: { 200: envelope(z.object({ staff: staffSchema, expiresAt: z.string() })), ...errorResponses(401, 403) } }) },
    async (request) => {
      const caller = callerOf(request)
      const staff = await findStaff(db, caller.user.id)
      if (!staff) throw new ApiError(403, 'STAFF_ONLY', '运营后台只能用后台账号登录使用')
      return { data: { staff: presentStaff(staff, now()), expiresAt: toIsoShanghai(caller.session.expiresAt) } }
    },
  )

  app.post(
    '/admin/auth/logout',
    { ...read, schema: signedInRoute('admin', '退出后台登录', { body: emptyBody, response: { 200: envelope(z.object({ ok: z.literal(true) })), ...errorResponses(401, 403) } }) },
    async (request) => {
      await db.query('update sessions set revoked_at = $2 where id = $1 and revoked_at is null', [callerOf(request).session.id, now()])
      return { data: { ok: true as const } }
    },
  )

  app.get(
    '/admin/staff',
    { ...read, schema: signedInRoute('admin', '后台账号列表', { response: { 200: envelope(z.array(staffSchema)), ...errorResponses(401, 403) } }) },
    async () => {
      const at = now()
      return { data: (await listStaff(db)).map((row) => presentStaff(row, at)) }
    },
  )

  app.post(
    '/admin/staff',
    {
      ...write,
      schema: signedInRoute('admin', '新建后台账号（运营）：返回一次性设置链接，24 小时内有效', {
        body: staffCreateBodySchema,
        response: { 200: envelope(staffSetupLinkSchema), ...errorResponses(401, 403, 409) },
      }),
    },
    async (request) => {
      const at = now()
      const created = await createStaff(db, { ...request.body, now: at })
      const staff = presentStaff(created.staff, at)
      await writeAudit(db, actorOf(callerOf(request)), { action: 'staff.create', targetType: 'staff', targetId: staff.id, summary: `新建${STAFF_ROLE_LABEL[staff.role]}账号 ${staff.account}`, after: staff }, at, request.id)
      return { data: { staff, setupPath: setupPath(created.setupToken), expiresAt: toIsoShanghai(created.expiresAt) } }
    },
  )

  app.put(
    '/admin/staff/:userId/role',
    {
      ...write,
      schema: signedInRoute('admin', '修改后台账号角色（运营 / 审计）', {
        params: z.strictObject({ userId: uuidParam }),
        body: staffRoleBodySchema,
        response: { 200: envelope(staffSchema), ...errorResponses(401, 403, 404, 409) },
      }),
    },
    async (request) => {
      const at = now()
      const caller = callerOf(request)
      if (request.params.userId === caller.user.id) throw new ApiError(409, 'OWN_ROLE', '不能修改自己的角色，请让另一位运营人员操作')
      const before = await findStaff(db, request.params.userId)
      if (!before) throw new ApiError(404, 'NOT_FOUND', '找不到这个后台账号')
      const staff = await db.transaction(async (tx) => {
        await setStaffRole(tx, request.params.userId, request.body.role)
        const after = (await findStaff(tx, request.params.userId))!
        await writeAudit(
          tx,
          actorOf(caller),
          { action: 'staff.role', targetType: 'staff', targetId: after.user_id, summary: `${after.account} 的角色改为${STAFF_ROLE_LABEL[after.role]}`, before: { role: before.role }, after: { role: after.role } },
          at,
          request.id,
        )
        return after
      })
      return { data: presentStaff(staff, at) }
    },
  )

  app.post(
    '/admin/staff/:userId/reset',
    {
      ...write,
      schema: signedInRoute('admin', '重置后台账号的密码和身份验证器：注销其所有登录，返回新的一次性设置链接', {
        params: z.strictObject({ userId: uuidParam }),
        body: emptyBody,
        response: { 200: envelope(staffSetupLinkSchema), ...errorResponses(401, 403, 404) },
      }),
    },
    async (request) => {
      const at = now()
      const result = await db.transaction(async (tx) => {
        const reset = await resetStaff(tx, request.params.userId, at)
        if (!reset) throw new ApiError(404, 'NOT_FOUND', '找不到这个后台账号')
        const staff = (await findStaff(tx, request.params.userId))!
        await writeAudit(tx, actorOf(callerOf(request)), { action: 'staff.reset', targetType: 'staff', targetId: staff.user_id, summary: `重置 ${staff.account} 的密码和身份验证器` }, at, request.id)
        return { staff: presentStaff(staff, at), setupPath: setupPath(reset.setupToken), expiresAt: toIsoShanghai(reset.expiresAt) }
      })
      return { data: result }
    },
  )

  app.get(
    '/admin/audit',
    {
      ...read,
      schema: {
        tags: ['admin'],
        summary: '审计日志：谁、何时、做了什么、修改前后；format=csv/xlsx 导出',
        security: bearer,
        querystring: auditQuerySchema,
        response: { 200: pagedEnvelope(auditEntrySchema), ...errorResponses(401, 403) },
      },
    },
    async (request, reply) => {
      const query = request.query
      const exporting = query.format !== 'json'
      const filter = {
        from: query.from ? dayStart(query.from) : undefined,
        to: query.to ? dayStart(query.to, true) : undefined,
        action: query.action,
        actor: query.actor,
        targetId: query.targetId,
        limit: exporting ? 100_000 : query.pageSize,
        offset: exporting ? 0 : (query.page - 1) * query.pageSize,
      }
      const { items, total } = await listAudit(db, filter)
      if (!exporting) return { data: items, meta: { total, page: query.page, pageSize: query.pageSize } }
      await writeAudit(db, actorOf(callerOf(request)), { action: 'export.audit', targetType: 'audit', targetId: null, summary: `导出审计日志 ${items.length} 条（${query.format.toUpperCase()}）`, after: { filter: query } }, now(), request.id)
      const name = `audit-${toIsoShanghai(now()).slice(0, 10)}`
      if (query.format === 'csv') {
        const lines = [AUDIT_COLUMNS.map((column) => csvCell(column.title)).join(','), ...items.map((entry) => AUDIT_COLUMNS.map((column) => csvCell(column.value(entry))).join(','))]
        return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`).send(`\uFEFF${lines.join('\r\n')}\r\n` as never)
      }
      const buffer = await xlsxBuffer('审计日志', AUDIT_COLUMNS.map((column) => column.title), items.map((entry) => AUDIT_COLUMNS.map((column) => column.value(entry))))
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${name}.xlsx"`)
        .send(buffer as never)
    },
  )
}
