/**
 * Reminders API (issue 7, docs/api-reminders.md): one mechanism for every kind. The app names a
 * kind and a subject; the server works out the moment, the title and how each reminder goes out
 * (WeChat with a credit, else in-app), so these types are what the server answers.
 */
import type { ReminderKind } from '@/domain/reminders/kinds'
import type { ReminderTemplates, ReminderView, SubscribeOutcomeView, SubscriptionsRecorded } from '@/domain/contract/reminders'
import { SHAPES } from '@/domain/contract/shapes.generated'
import type { ApiClient } from './client'
import { api } from './index'

export type {
  ReminderChannel,
  ReminderFireTimeView,
  ReminderTemplateInfo,
  ReminderTemplates,
  ReminderView,
  SubscribeOutcomeView,
} from '@/domain/contract/reminders'

const API = '/api/v1'

/** What one 提醒我 tap produced: the template ids asked and WeChat's raw answer (null on H5). */
export interface SubscribeTap {
  templateIds: string[]
  result: Record<string, unknown> | null
}

export function createRemindersApi(client: ApiClient) {
  return {
    getTemplates: () => client.get<ReminderTemplates>(`${API}/reminders/templates`, { cacheKey: 'reminders:templates', shape: SHAPES.reminderTemplates }),

    async create(body: { kind: ReminderKind; subjectId: string; offsetsMs?: number[]; subscribe?: SubscribeTap }) {
      const { data } = await client.post<{ reminder: ReminderView; subscribe: SubscribeOutcomeView | null }>(`${API}/me/reminders`, body, { shape: SHAPES.reminderCreated })
      return data
    },

    /** The signed-in resident's reminders; cached per user so 我的提醒 opens offline too. */
    listMine: (userId: string) => client.get<ReminderView[]>(`${API}/me/reminders`, { cacheKey: `me:reminders:${userId}`, shape: SHAPES.reminderList }),

    async update(reminderId: string, body: { enabled?: boolean; offsetsMs?: number[] }) {
      const { data } = await client.patch<ReminderView>(`${API}/me/reminders/${encodeURIComponent(reminderId)}`, body, { shape: SHAPES.reminderView })
      return data
    },

    async cancel(reminderId: string): Promise<void> {
      await client.delete<{ cancelled: true }>(`${API}/me/reminders/${encodeURIComponent(reminderId)}`)
    },

    /** Credits without a new reminder: 改用微信通知 in 我的提醒. */
    async recordSubscriptions(tap: SubscribeTap) {
      const { data } = await client.post<SubscriptionsRecorded>(`${API}/me/subscriptions`, tap, { shape: SHAPES.subscriptionsRecorded })
      return data
    },
  }
}

export type RemindersApi = ReturnType<typeof createRemindersApi>

export const remindersApi = createRemindersApi(api)
