/**
 * Reminders (issue 7), one mechanism for every kind: the resident names a kind and a subject, the
 * server works out when it fires (reminders/subjects.ts) and how (WeChat with a credit, else
 * in-app). Contract for the app: docs/api-reminders.md. Every /me route is the caller's own:
 * another resident's reminder answers 404 exactly like a missing one.
 */
import type { preHandlerAsyncHookHandler } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { MAX_TEMPLATES_PER_REQUEST, REMINDER_KIND_SPECS, REMINDER_KINDS } from '../../../src/domain/reminders'
import {
  reminderCreatedSchema,
  reminderCreditSchema as creditSchema,
  reminderKindSchema as kindSchema,
  reminderTemplatesSchema,
  reminderViewSchema,
  subscriptionsRecordedSchema,
} from '../../../src/domain/contract/reminders'
import { callerOf } from '../auth/guard'
import { envelope, errorResponses, noQuery, uuidParam } from '../http/schemas'
import type { ReminderConfig } from '../reminders/config'
import type { ReminderService } from '../reminders/service'

const templateIdSchema = z.string().trim().min(1, '模板 ID 不能为空').max(128, '模板 ID 太长')

/** The 提醒我 tap as the app's subscribe adapter hands it over: the ids asked and the raw answer. */
const subscribeTapSchema = z.strictObject({
  templateIds: z
    .array(templateIdSchema)
    .min(1, '请给出本次订阅的模板 ID')
    .max(MAX_TEMPLATES_PER_REQUEST, `一次最多订阅 ${MAX_TEMPLATES_PER_REQUEST} 种提醒`),
  result: z
    .record(z.string().max(128), z.unknown(), { error: 'result 应为 wx.requestSubscribeMessage 返回的对象，H5 上为 null' })
    .refine((value) => Object.keys(value).length <= 16, '订阅结果的字段太多')
    .nullable(),
})

const offsetsSchema = z
  .array(z.number({ error: '提醒时间应为提前的毫秒数' }).int('提醒时间应为整数毫秒'))
  .min(1, '至少保留一个提醒时间')
  .max(4, '提醒时间太多')

export interface ReminderRouteOptions {
  service: ReminderService
  config: ReminderConfig
  requireUser: preHandlerAsyncHookHandler
  userRateLimit: preHandlerAsyncHookHandler
}

export const reminderRoutes: FastifyPluginAsyncZod<ReminderRouteOptions> = async (app, { service, config, requireUser, userRateLimit }) => {
  const authed = { preHandler: [requireUser, userRateLimit] }
  const bearer = [{ bearer: [] }]
  const reminderParams = z.strictObject({ reminderId: uuidParam })

  app.get(
    '/reminders/templates',
    {
      config: { etag: true },
      schema: {
        querystring: noQuery,
        tags: ['reminders'],
        summary: '各类提醒：提前多久、订阅消息模板 ID（wechat=false 时模板未配置，只能应用内提醒）',
        response: {
          200: envelope(reminderTemplatesSchema),
          ...errorResponses(304),
        },
      },
    },
    async () => ({
      data: {
        maxTemplatesPerRequest: MAX_TEMPLATES_PER_REQUEST,
        kinds: REMINDER_KINDS.map((kind) => ({
          kind,
          label: REMINDER_KIND_SPECS[kind].label,
          targetLabel: REMINDER_KIND_SPECS[kind].target,
          offsets: REMINDER_KIND_SPECS[kind].offsets.map((offset) => ({ beforeMs: offset.beforeMs, label: offset.label })),
          templateId: config.catalogue[kind].templateId,
          wechat: !config.placeholders.includes(kind),
        })),
      },
    }),
  )

  app.post(
    '/me/reminders',
    {
      ...authed,
      schema: {
        querystring: noQuery,
        tags: ['reminders'],
        summary: '提醒我：按类型和对象设置提醒，时间由服务器按对象计算；可带上本次订阅消息的结果',
        security: bearer,
        body: z.strictObject({
          kind: kindSchema,
          subjectId: z.string({ error: '请给出提醒对象 subjectId' }).trim().min(1, '请给出提醒对象 subjectId').max(120, 'subjectId 太长'),
          offsetsMs: offsetsSchema.optional(),
          subscribe: subscribeTapSchema.optional(),
        }),
        response: {
          200: envelope(reminderCreatedSchema),
          201: envelope(reminderCreatedSchema),
          ...errorResponses(401, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const result = await service.create(callerOf(request).user.id, request.body)
      void reply.code(result.created ? 201 : 200)
      return { data: { reminder: result.reminder, subscribe: result.subscribe } }
    },
  )

  app.get(
    '/me/reminders',
    {
      ...authed,
      schema: {
        tags: ['reminders'],
        summary: '我的提醒。due=1：只列出已到时间的应用内提醒；status=all：包括已取消的',
        security: bearer,
        querystring: z.strictObject({
          due: z.enum(['1', '0', 'true', 'false'], { error: 'due 应为 1 或 0' }).optional(),
          status: z.enum(['current', 'all'], { error: 'status 应为 current 或 all' }).default('current'),
        }),
        response: { 200: envelope(z.array(reminderViewSchema)), ...errorResponses(401) },
      },
    },
    async (request) => {
      const due = request.query.due === '1' || request.query.due === 'true'
      return { data: await service.list(callerOf(request).user.id, { due, includeCancelled: request.query.status === 'all' }) }
    },
  )

  app.get(
    '/me/reminders/:reminderId',
    {
      ...authed,
      schema: {
        querystring: noQuery,
        tags: ['reminders'],
        summary: '一个提醒的详情',
        security: bearer,
        params: reminderParams,
        response: { 200: envelope(reminderViewSchema), ...errorResponses(401, 404) },
      },
    },
    async (request) => ({ data: await service.get(callerOf(request).user.id, request.params.reminderId) }),
  )

  app.patch(
    '/me/reminders/:reminderId',
    {
      ...authed,
      schema: {
        querystring: noQuery,
        tags: ['reminders'],
        summary: '修改提醒：暂停/恢复（enabled），或只保留部分提醒时间（offsetsMs）',
        security: bearer,
        params: reminderParams,
        body: z
          .strictObject({ enabled: z.boolean({ error: 'enabled 应为 true 或 false' }).optional(), offsetsMs: offsetsSchema.optional() })
          .refine((body) => body.enabled !== undefined || body.offsetsMs !== undefined, '请给出要修改的内容：enabled 或 offsetsMs'),
        response: { 200: envelope(reminderViewSchema), ...errorResponses(401, 404, 409) },
      },
    },
    async (request) => ({ data: await service.update(callerOf(request).user.id, request.params.reminderId, request.body) }),
  )

  app.delete(
    '/me/reminders/:reminderId',
    {
      ...authed,
      schema: {
        querystring: noQuery,
        tags: ['reminders'],
        summary: '取消提醒（未发出的提醒不再发送）',
        security: bearer,
        params: reminderParams,
        response: { 200: envelope(z.object({ cancelled: z.literal(true) })), ...errorResponses(401, 404) },
      },
    },
    async (request) => {
      await service.cancel(callerOf(request).user.id, request.params.reminderId)
      return { data: { cancelled: true as const } }
    },
  )

  app.post(
    '/me/subscriptions',
    {
      ...authed,
      schema: {
        querystring: noQuery,
        tags: ['reminders'],
        summary: '记录一次订阅消息点击的结果：每个同意的模板记一次微信提醒次数',
        security: bearer,
        body: subscribeTapSchema,
        response: { 200: envelope(subscriptionsRecordedSchema), ...errorResponses(401) },
      },
    },
    async (request) => ({ data: await service.recordSubscriptions(callerOf(request).user.id, request.body) }),
  )

  app.get(
    '/me/subscriptions',
    {
      ...authed,
      schema: {
        querystring: noQuery,
        tags: ['reminders'],
        summary: '我还有几次微信提醒（按提醒类型的模板）',
        security: bearer,
        response: { 200: envelope(z.array(creditSchema)), ...errorResponses(401) },
      },
    },
    async (request) => ({ data: await service.credits(callerOf(request).user.id) }),
  )
}
