/**
 * What the reminder endpoints answer (docs/api-reminders.md), written once: the server's routes
 * document and type their answers with these schemas, the app infers its types from them.
 */
import { z } from 'zod'
import { REMINDER_KINDS } from '../reminders/kinds'

export const reminderKindSchema = z.enum(REMINDER_KINDS, { error: `提醒类型应为 ${REMINDER_KINDS.join('、')} 之一` })

export const reminderChannelSchema = z.enum(['wechat', 'in-app'])
export type ReminderChannel = z.infer<typeof reminderChannelSchema>

export const reminderFireTimeSchema = z.object({
  key: z.string(),
  label: z.string().describe('例如 开始前 1 小时'),
  beforeMs: z.number().int(),
  fireAt: z.string().describe('ISO-8601 +08:00'),
  status: z.enum(['pending', 'sending', 'sent', 'failed', 'skipped']),
  channel: reminderChannelSchema.nullable().describe('触发后才有：wechat = 已发微信订阅消息，in-app = 在「我的提醒」里提醒'),
  reason: z.string().nullable(),
  due: z.boolean().describe('应用内提醒已到时间且目标时间未过'),
})
export type ReminderFireTimeView = z.infer<typeof reminderFireTimeSchema>

export const reminderViewSchema = z.object({
  id: z.uuid(),
  kind: reminderKindSchema,
  kindLabel: z.string(),
  subjectId: z.string(),
  title: z.string(),
  targetAt: z.string().nullable().describe('公布时提醒（rule-published）在官方公布之前为 null'),
  targetLabel: z.string(),
  status: z.enum(['active', 'paused', 'cancelled']),
  channel: reminderChannelSchema.describe('下一次提醒按现状的发送方式'),
  templateId: z.string(),
  offsets: z.array(z.object({ beforeMs: z.number().int(), label: z.string(), selected: z.boolean() })),
  fireTimes: z.array(reminderFireTimeSchema),
  nextFireAt: z.string().nullable(),
  due: z.boolean().describe('应用内提醒已到时间且目标时间未过'),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type ReminderView = z.infer<typeof reminderViewSchema>

export const subscribeOutcomeViewSchema = z.object({
  message: z.string().describe('点击后给用户看的一句话'),
  mainSwitchOff: z.boolean(),
  decisions: z.array(
    z.object({
      templateId: z.string(),
      kind: reminderKindSchema.nullable(),
      outcome: z.enum(['accept', 'reject', 'ban', 'filter', 'missing', 'failed', 'unsupported']),
      store: z.enum(['credit', 'in-app']),
      reason: z.string(),
    }),
  ),
  creditsStored: z.number().int(),
})
export type SubscribeOutcomeView = z.infer<typeof subscribeOutcomeViewSchema>

export const reminderCreditSchema = z.object({
  kind: reminderKindSchema,
  templateId: z.string(),
  wechat: z.boolean().describe('false：模板未配置，不向微信申请'),
  available: z.number().int(),
})
export type ReminderCreditView = z.infer<typeof reminderCreditSchema>

export const reminderTemplateInfoSchema = z.object({
  kind: reminderKindSchema,
  label: z.string(),
  targetLabel: z.string(),
  offsets: z.array(z.object({ beforeMs: z.number().int(), label: z.string() })),
  templateId: z.string(),
  wechat: z.boolean().describe('false：运营方未配置真实模板，只能应用内提醒'),
})
export type ReminderTemplateInfo = z.infer<typeof reminderTemplateInfoSchema>

export const reminderTemplatesSchema = z.object({
  maxTemplatesPerRequest: z.number().int(),
  kinds: z.array(reminderTemplateInfoSchema),
})
export type ReminderTemplates = z.infer<typeof reminderTemplatesSchema>

export const reminderCreatedSchema = z.object({ reminder: reminderViewSchema, subscribe: subscribeOutcomeViewSchema.nullable() })

/** POST /me/subscriptions (改用微信通知): the tap judged, and the credits the resident now holds. */
export const subscriptionsRecordedSchema = z.object({ subscribe: subscribeOutcomeViewSchema, credits: z.array(reminderCreditSchema) })
export type SubscriptionsRecorded = z.infer<typeof subscriptionsRecordedSchema>
