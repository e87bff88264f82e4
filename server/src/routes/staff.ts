/**
 * Endpoints for merchants and operators. Object-level authorization: a merchant sees only the
 * merchant it is bound to; an operator sees all. Operators bind accounts to merchants here.
 */
import type { preHandlerAsyncHookHandler } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { callerOf } from '../auth/guard'
import { ApiError } from '../http/errors'
import { contentIdParam, envelope, errorResponses, uuidParam, signedInRoute } from '../http/schemas'
import { getUser, listMerchantAccounts, setRole } from '../store/accounts'
import { getMerchant } from '../store/content'
import type { Db } from '../store/db'
import { listStaffRefusals } from '../store/staff-refusals'
import { toIsoShanghai } from '../../../src/domain/time'
import { presentUser, userSchema } from './accounts'

export interface StaffRouteOptions {
  db: Db
  requireMerchantOrOperator: preHandlerAsyncHookHandler
  requireOperator: preHandlerAsyncHookHandler
  userRateLimit: preHandlerAsyncHookHandler
}

export const staffRoutes: FastifyPluginAsyncZod<StaffRouteOptions> = async (app, options) => {
  const { db } = options
  const bearer = [{ bearer: [] }]

  app.get(
    '/merchants/:merchantId/accounts',
    {
      preHandler: [options.requireMerchantOrOperator, options.userRateLimit],
      schema: signedInRoute('staff', '绑定到某商户的账号（该商户本身或运营人员可查看）', {
        params: z.strictObject({ merchantId: contentIdParam }),
        response: { 200: envelope(z.array(userSchema)), ...errorResponses(401, 403, 404) },
      }),
    },
    async (request) => {
      const { user } = callerOf(request)
      const { merchantId } = request.params
      if (user.role === 'merchant' && user.merchantId !== merchantId) throw new ApiError(403, 'FORBIDDEN', '只能查看本店的账号')
      if (!(await getMerchant(db, merchantId))) throw new ApiError(404, 'NOT_FOUND', '找不到这个商户')
      return { data: (await listMerchantAccounts(db, merchantId)).map(presentUser) }
    },
  )

  app.get(
    '/admin/users/:userId',
    {
      preHandler: [options.requireOperator, options.userRateLimit],
      schema: signedInRoute('staff', '查看用户（运营人员）', {
        params: z.strictObject({ userId: uuidParam }),
        response: { 200: envelope(userSchema), ...errorResponses(401, 403, 404) },
      }),
    },
    async (request) => {
      const user = await getUser(db, request.params.userId)
      if (!user) throw new ApiError(404, 'NOT_FOUND', '找不到这个用户')
      return { data: presentUser(user) }
    },
  )

  app.put(
    '/admin/users/:userId/role',
    {
      preHandler: [options.requireOperator, options.userRateLimit],
      schema: signedInRoute('staff', '设置用户角色；商户角色须绑定一个商户（运营人员）', {
        params: z.strictObject({ userId: uuidParam }),
        body: z.discriminatedUnion('role', [
          z.strictObject({ role: z.literal('resident') }),
          z.strictObject({ role: z.literal('operator') }),
          z.strictObject({ role: z.literal('merchant'), merchantId: contentIdParam }),
        ]),
        response: { 200: envelope(userSchema), ...errorResponses(401, 403, 404) },
      }),
    },
    async (request) => {
      const body = request.body
      const merchantId = body.role === 'merchant' ? body.merchantId : null
      if (merchantId && !(await getMerchant(db, merchantId))) throw new ApiError(404, 'NOT_FOUND', '找不到这个商户，请先导入商户')
      const user = await setRole(db, request.params.userId, body.role, merchantId)
      if (!user) throw new ApiError(404, 'NOT_FOUND', '找不到这个用户')
      request.log.info({ userId: user.id, role: user.role, merchantId, by: callerOf(request).user.id }, 'role changed')
      return { data: presentUser(user) }
    },
  )

  app.get(
    '/admin/staff-refusals',
    {
      preHandler: [options.requireOperator, options.userRateLimit],
      schema: {
        tags: ['staff'],
        summary: '被拒绝的员工操作（商户、运营账号领券，商户核销本店员工的券）：谁、做什么、何时、为什么；新的在前（运营人员）',
        security: bearer,
        querystring: z.strictObject({
          limit: z.coerce.number().int().min(1).max(500).default(100),
          before: z.iso.datetime({ offset: true, error: '时间格式应为 2025-05-01T10:00:00+08:00' }).optional(),
          userId: uuidParam.optional(),
        }),
        response: {
          200: envelope(
            z.array(
              z.object({
                id: z.string(),
                at: z.string(),
                userId: z.string().nullable(),
                role: z.string(),
                merchantId: z.string().nullable(),
                action: z.enum(['claim', 'redeem']),
                target: z.string(),
                code: z.string(),
                reason: z.string(),
                requestId: z.string().nullable(),
              }),
            ),
          ),
          ...errorResponses(401, 403),
        },
      },
    },
    async (request) => {
      const { limit, before, userId } = request.query
      const refusals = await listStaffRefusals(db, { limit, before: before ? new Date(before) : undefined, userId })
      return { data: refusals.map((refusal) => ({ ...refusal, at: toIsoShanghai(refusal.at) })) }
    },
  )
}
