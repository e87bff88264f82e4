/**
 * The signed-in resident's reminders (我的提醒, 首页, "已设置提醒" beside every 提醒我) as one key of
 * the resource cache, `me:reminders:<userId>` (also the client's offline-copy key: a phone keeps
 * each account's list apart), plus the subscribe-message templates the 提醒我 tap needs ready
 * before the tap: WeChat's dialog must open inside the tap, so nothing may be fetched between tap
 * and dialog. Writes are the actions here: each calls the API, then sets the key's data.
 */
import { create } from 'zustand'
import { SHAPES } from '../domain/contract/shapes.generated'
import { parseShanghaiIso } from '../domain/time/shanghai'
import { firesOnPublication, type ReminderKind } from '../domain/reminders/kinds'
import { remindersApi, type ReminderTemplateInfo, type ReminderView } from '../services/api/reminders'
import { loadResource, resetResources, resourceOf, setResourceData, useResource, useResources, type Resource, type UseResource } from './resource'
import { useSessionStore } from './session'

export const remindersKey = (userId: string): string => `me:reminders:${userId}`

const fetchReminders = (userId: string) => () => remindersApi.listMine(userId)
/** The phone's copy is painted first, if it still has the contract's shape (an older app's may not). */
const STORED = { stored: true, shape: SHAPES.reminderList } as const
const signedInUserId = (): string | null => useSessionStore.getState().session?.userId ?? null

/** 我的提醒 and 首页: read on mount and by reload(); nothing is read while nobody is signed in. */
export function useMyReminders(userId: string | null): UseResource<ReminderView[]> {
  return useResource(userId === null ? null : remindersKey(userId), fetchReminders(userId ?? ''), STORED)
}

/** What the cache holds, without reading (the many 提醒我 buttons of a page; ensureLoaded reads once). */
export function useCachedReminders(userId: string | null): ReminderView[] | null {
  return useResources((state) => (userId === null ? null : ((state.entries[remindersKey(userId)]?.data as ReminderView[] | null | undefined) ?? null)))
}

/** Reads the signed-in resident's list (again, with force); nothing when nobody is signed in. */
export function loadMyReminders(force = false): Promise<Resource<ReminderView[]> | null> {
  const userId = signedInUserId()
  if (userId === null) return Promise.resolve(null)
  return loadResource(remindersKey(userId), fetchReminders(userId), { ...STORED, force })
}

function changeMine(update: (list: ReminderView[]) => ReminderView[]): void {
  const userId = signedInUserId()
  if (userId === null) return
  const key = remindersKey(userId)
  const neverRead = resourceOf(key).source === null
  setResourceData<ReminderView[]>(key, (list) => update(list ?? []))
  // A first reminder set before the list was ever read: read the rest too.
  if (neverRead) void loadMyReminders(true)
}

interface RemindersState {
  /** Per kind: the real template id and whether WeChat messages are configured. */
  templates: Partial<Record<ReminderKind, ReminderTemplateInfo>>
  loadTemplates: () => Promise<void>
  upsert: (reminder: ReminderView) => void
  remove: (reminderId: string) => void
  /** Templates once, and the list once per account, however many 提醒我 buttons a page shows. */
  ensureLoaded: () => Promise<void>
  /** Edit (lead times, pause/resume) on the server, then show its answer. Throws the API's error. */
  update: (reminderId: string, changes: { enabled?: boolean; offsetsMs?: number[] }) => Promise<ReminderView>
  /** Cancel on the server, then drop it from the list. Throws the API's error. */
  cancel: (reminderId: string) => Promise<void>
}

let templatesLoaded: Promise<void> | null = null

export const useRemindersStore = create<RemindersState>()((set, get) => ({
  templates: {},
  loadTemplates: async () => {
    try {
      const { data } = await remindersApi.getTemplates()
      set({ templates: Object.fromEntries(data.kinds.map((info) => [info.kind, info])) })
    } catch {
      // Without the server's template ids every reminder is kept in-app, which still works.
    }
  },
  upsert: (reminder) => changeMine((list) => [reminder, ...list.filter((item) => item.id !== reminder.id)]),
  remove: (reminderId) => changeMine((list) => list.filter((item) => item.id !== reminderId)),
  ensureLoaded: async () => {
    templatesLoaded ??= get().loadTemplates()
    const userId = signedInUserId()
    const entry = userId === null ? null : resourceOf(remindersKey(userId))
    await Promise.all([templatesLoaded, entry && entry.source === null && !entry.loading ? loadMyReminders() : null])
  },
  update: async (reminderId, changes) => {
    const updated = await remindersApi.update(reminderId, changes)
    get().upsert(updated)
    return updated
  },
  cancel: async (reminderId) => {
    await remindersApi.cancel(reminderId)
    get().remove(reminderId)
  },
}))

/** Tests: forget the templates and every account's list. */
export function resetRemindersStore(): void {
  templatesLoaded = null
  resetResources('me:reminders:')
  useRemindersStore.setState({ templates: {} })
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
