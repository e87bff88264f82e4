/**
 * Reminders API (issue 7, docs/api-reminders.md): one mechanism for every kind. The app names a
 * kind and a subject; the server works out the moment, the title and how each reminder goes out
 * (WeChat with a credit, else in-app), so these types are what the server answers.
 */
import type { ReminderKind } from '../../domain/reminders/kinds'
import type { SubscribeOutcome } from '../../domain/reminders/subscribe-result'
import type { ApiClient } from './client'
import { api } from './index'

const API = '/api/v1'

export interface ReminderTemplateInfo {
  kind: ReminderKind
  label: string
  targetLabel: string
  offsets: { beforeMs: number; label: string }[]
  templateId: string
  /** false: the operator has not configured a real template, so only in-app reminders exist. */
  wechat: boolean
}

export interface ReminderTemplates {
  maxTemplatesPerRequest: number
  kinds: ReminderTemplateInfo[]
}

export type ReminderChannel = 'wechat' | 'in-app'

export interface ReminderFireTimeView {
  key: string
  label: string
  beforeMs: number
  /** ISO-8601 +08:00 */
  fireAt: string
  status: 'pending' | 'sending' | 'sent' | 'failed' | 'skipped'
  channel: ReminderChannel | null
  reason: string | null
  due: boolean
}

export interface ReminderView {
  id: string
  kind: ReminderKind
  kindLabel: string
  subjectId: string
  title: string
  /** null: a 公布时提醒 (kind rule-published) whose subject has not been published yet. */
  targetAt: string | null
  targetLabel: string
  status: 'active' | 'paused' | 'cancelled'
  channel: ReminderChannel
  templateId: string
  offsets: { beforeMs: number; label: string; selected: boolean }[]
  fireTimes: ReminderFireTimeView[]
  nextFireAt: string | null
  /** An in-app reminder whose time has come and whose target has not passed. */
  due: boolean
  createdAt: string
  updatedAt: string
}

/** What one 提醒我 tap produced: the template ids asked and WeChat's raw answer (null on H5). */
export interface SubscribeTap {
  templateIds: string[]
  result: Record<string, unknown> | null
}

export interface SubscribeOutcomeView {
  message: string
  mainSwitchOff: boolean
  decisions: { templateId: string; kind: ReminderKind | null; outcome: SubscribeOutcome; store: 'credit' | 'in-app'; reason: string }[]
  creditsStored: number
}

export function createRemindersApi(client: ApiClient) {
  return {
    getTemplates: () => client.get<ReminderTemplates>(`${API}/reminders/templates`, { cacheKey: 'reminders:templates' }),

    async create(body: { kind: ReminderKind; subjectId: string; offsetsMs?: number[]; subscribe?: SubscribeTap }) {
      const { data } = await client.post<{ reminder: ReminderView; subscribe: SubscribeOutcomeView | null }>(`${API}/me/reminders`, body)
      return data
    },

    /** The signed-in resident's reminders; cached per user so 我的提醒 opens offline too. */
    listMine: (userId: string) => client.get<ReminderView[]>(`${API}/me/reminders`, { cacheKey: `me:reminders:${userId}` }),

    async update(reminderId: string, body: { enabled?: boolean; offsetsMs?: number[] }) {
      const { data } = await client.patch<ReminderView>(`${API}/me/reminders/${encodeURIComponent(reminderId)}`, body)
      return data
    },

    async cancel(reminderId: string): Promise<void> {
      await client.delete<{ cancelled: true }>(`${API}/me/reminders/${encodeURIComponent(reminderId)}`)
    },

    /** Credits without a new reminder: 改用微信通知 in 我的提醒. */
    async recordSubscriptions(tap: SubscribeTap) {
      const { data } = await client.post<{ subscribe: SubscribeOutcomeView }>(`${API}/me/subscriptions`, tap)
      return data
    },
  }
}

export type RemindersApi = ReturnType<typeof createRemindersApi>

export const remindersApi = createRemindersApi(api)
