/**
 * 我的 → 我的数据 (issue 16, PIPL arts. 45 and 47): export everything kept about me, and delete my
 * account with my data. Deleting keeps the vouchers (without an owner) for the city's accounts;
 * what is kept, why and how long is docs/PRIVACY.md.
 */
import type { preHandlerAsyncHookHandler } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { todayInShanghai } from '../../../src/domain/time'
import { callerOf } from '../auth/guard'
import { ApiError } from '../http/errors'
import { envelope, errorResponses, signedInRoute } from '../http/schemas'
import type { Db } from '../store/db'
import { deleteAccount, exportAccount } from '../store/privacy'

export interface PrivacyRouteOptions {
  db: Db
  now: () => Date
  requireUser: preHandlerAsyncHookHandler
  userRateLimit: preHandlerAsyncHookHandler
  /** Called after an account is deleted (the claim route's session cache forgets it). */
  onDeleted: (userId: string) => void
}

export const privacyRoutes: FastifyPluginAsyncZod<PrivacyRouteOptions> = async (app, options) => {
  const { db, now } = options
  const authed = { preHandler: [options.requireUser, options.userRateLimit] }

  app.get(
    '/me/export',
    {
      ...authed,
      schema: signedInRoute('accounts', '导出我的数据：账号、登录记录、消费券及其核销、提醒、订阅和发送记录（JSON）', {
        response: { 200: envelope(z.looseObject({ format: z.literal('quhuitong/account-export@1') })), ...errorResponses(401) },
      }),
    },
    async (request, reply) => {
      const exported = await exportAccount(db, callerOf(request).user.id, now())
      if (!exported) throw new ApiError(401, 'AUTH_INVALID', '登录状态无效，请重新登录')
      const day = todayInShanghai(now().getTime()).replace(/-/g, '')
      void reply.header('content-disposition', `attachment; filename="quhuitong-my-data-${day}.json"`).header('cache-control', 'no-store')
      return { data: { ...exported } }
    },
  )

  app.post(
    '/me/deletion',
    {
      ...authed,
      schema: signedInRoute('accounts', '注销账号：删除账号和个人数据（须 confirm: true）；已领的消费券去掉本人信息后保留用于财政结算', {
        body: z.strictObject({ confirm: z.literal(true, { error: '请确认注销（confirm: true）' }) }),
        response: { 200: envelope(z.object({ deleted: z.literal(true), vouchersKept: z.number().int() })), ...errorResponses(401) },
      }),
    },
    async (request) => {
      const { user } = callerOf(request)
      const deleted = await db.transaction((tx) => deleteAccount(tx, user.id))
      if (!deleted) throw new ApiError(401, 'AUTH_INVALID', '登录状态无效，请重新登录')
      options.onDeleted(user.id)
      request.log.info({ userId: user.id, vouchersKept: deleted.vouchersKept }, 'account deleted by its owner')
      return { data: { deleted: true as const, vouchersKept: deleted.vouchersKept } }
    },
  )
}
