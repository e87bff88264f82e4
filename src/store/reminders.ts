/**
 * The signed-in resident's reminders as the server last said them (我的提醒, and "已设置提醒" on
 * an event page), plus the subscribe-message templates the 提醒我 tap needs ready before the tap:
 * WeChat's dialog must open inside the tap, so nothing may be fetched between tap and dialog.
 */
import { create } from 'zustand'
import { parseShanghaiIso } from '../domain/time/shanghai'
import { firesOnPublication, type ReminderKind } from '../domain/reminders/kinds'
import { userMessage } from '../services/api/errors'
import type { ReminderTemplateInfo, ReminderView } from '../services/api/reminders'
import { eventServices } from './event-services'
import { currentToken, useSessionStore } from './session'

interface RemindersState {
  /** null until loaded (or when nobody is signed in). */
  reminders: ReminderView[] | null
  fromCache: boolean
  fetchedAt: number | null
  error: string | null
  /** Per kind: the real template id and whether WeChat messages are configured. */
  templates: Partial<Record<ReminderKind, ReminderTemplateInfo>>
  loadTemplates: () => Promise<void>
  /** Loads the list if someone is signed in; never asks to sign in. */
  load: () => Promise<void>
  upsert: (reminder: ReminderView) => void
  remove: (reminderId: string) => void
  /** Templates and the list once per session, however many 提醒我 buttons a page shows. */
  ensureLoaded: () => Promise<void>
  /** Edit (lead times, pause/resume) on the server, then show its answer. Throws the API's error. */
  update: (reminderId: string, changes: { enabled?: boolean; offsetsMs?: number[] }) => Promise<ReminderView>
  /** Cancel on the server, then drop it from the list. Throws the API's error. */
  cancel: (reminderId: string) => Promise<void>
}

let templatesLoaded: Promise<void> | null = null
let listLoaded: { userId: string; pending: Promise<void> } | null = null

export const useRemindersStore = create<RemindersState>()((set, get) => ({
  reminders: null,
  fromCache: false,
  fetchedAt: null,
  error: null,
  templates: {},
  loadTemplates: async () => {
    try {
      const { data } = await eventServices().reminders.getTemplates()
      set({ templates: Object.fromEntries(data.kinds.map((info) => [info.kind, info])) })
    } catch {
      // Without the server's template ids every reminder is kept in-app, which still works.
    }
  },
  load: async () => {
    const session = useSessionStore.getState().session
    if (!session || !currentToken()) {
      set({ reminders: null })
      return
    }
    try {
      const result = await eventServices().reminders.listMine(session.userId)
      set({ reminders: result.data, fromCache: result.fromCache, fetchedAt: result.fetchedAt, error: null })
    } catch (error) {
      set({ error: userMessage(error) })
    }
  },
  upsert: (reminder) => set((state) => ({ reminders: [reminder, ...(state.reminders ?? []).filter((item) => item.id !== reminder.id)] })),
  remove: (reminderId) => set((state) => ({ reminders: (state.reminders ?? []).filter((item) => item.id !== reminderId) })),
  ensureLoaded: async () => {
    templatesLoaded ??= get().loadTemplates()
    const userId = useSessionStore.getState().session?.userId
    if (userId && listLoaded?.userId !== userId) listLoaded = { userId, pending: get().load() }
    await Promise.all([templatesLoaded, listLoaded?.pending])
  },
  update: async (reminderId, changes) => {
    const updated = await eventServices().reminders.update(reminderId, changes)
    get().upsert(updated)
    return updated
  },
  cancel: async (reminderId) => {
    await eventServices().reminders.cancel(reminderId)
    get().remove(reminderId)
  },
}))

/** Tests: forget what ensureLoaded has loaded. */
export function resetRemindersStore(): void {
  templatesLoaded = null
  listLoaded = null
  useRemindersStore.setState({ reminders: null, fromCache: false, fetchedAt: null, error: null, templates: {} })
}

/** The resident's live reminder of (kind, subject), if any. */
export function findReminder(reminders: readonly ReminderView[] | null, kind: ReminderKind, subjectId: string): ReminderView | undefined {
  return reminders?.find((item) => item.kind === kind && item.subjectId === subjectId && item.status !== 'cancelled')
}

/**
 * Whether an in-app reminder needs attention now. The server says so when the list is fresh;
 * a stored copy is re-judged against the clock (a fire time passed, the target not yet).
 */
export function isDue(reminder: ReminderView, now: number): boolean {
  if (reminder.status !== 'active') return false
  // A published rule stays published; any other kind's reminder is over once its moment passed.
  if (!firesOnPublication(reminder.kind) && !(instantOf(reminder.targetAt) > now)) return false
  if (reminder.due) return true
  // A time already past when the reminder was set (or skipped while paused) never rang.
  const setAt = instantOf(reminder.createdAt)
  return reminder.fireTimes.some(
    (time) =>
      time.status !== 'skipped' &&
      (time.channel ?? reminder.channel) === 'in-app' &&
      instantOf(time.fireAt) <= now &&
      !(instantOf(time.fireAt) < setAt),
  )
}

/**
 * The API's '…+08:00' instants, parsed without relying on the engine's Date.parse quirks; a
 * moment not known yet (a 公布时提醒 before publication) is +∞: it sorts last and is never past.
 */
export function instantOf(iso: string | null): number {
  if (iso === null) return Number.POSITIVE_INFINITY
  const ms = parseShanghaiIso(iso)
  return Number.isNaN(ms) ? Date.parse(iso) : ms
}
