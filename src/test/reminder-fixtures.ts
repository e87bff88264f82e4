/**
 * The reminders endpoints of docs/api-reminders.md as a small in-memory server, for component
 * tests of 提醒我 and 我的提醒 over a real HTTP server (src/test/api-test-server.ts). It answers
 * with the shapes the server sends; the subscribe outcome is judged by the same domain function.
 */
import { chooseOffsets, ReminderError, REMINDER_KIND_SPECS, type ReminderKind } from '../domain/reminders/kinds'
import { interpretSubscribeResult } from '../domain/reminders/subscribe-result'
import { DEFAULT_TEMPLATE_CATALOGUE } from '../domain/reminders/templates'
import type { ReminderView } from '../services/api/reminders'
import { ok, type RecordedRequest, type Reply, type RequestHandler } from './api-test-server'

export const TEST_TEMPLATE_IDS: Record<ReminderKind, string> = {
  'round-opening': 'TPL-ROUND',
  'voucher-expiring': 'TPL-EXPIRING',
  'event-starting': 'TPL-EVENT',
  'rule-set-ending': 'TPL-RULES',
  'rule-published': 'TPL-PUBLISHED',
  'toll-period-ending': 'TPL-TOLL-END',
}

export const TEST_CATALOGUE = Object.fromEntries(
  Object.entries(DEFAULT_TEMPLATE_CATALOGUE).map(([kind, template]) => [
    kind,
    { ...template, templateId: TEST_TEMPLATE_IDS[kind as ReminderKind] },
  ]),
) as typeof DEFAULT_TEMPLATE_CATALOGUE

export function reminderView(
  overrides: Partial<ReminderView> & Pick<ReminderView, 'kind' | 'subjectId' | 'title' | 'targetAt'>,
): ReminderView {
  const spec = REMINDER_KIND_SPECS[overrides.kind]
  const offsets = spec.offsets.map((offset) => ({ beforeMs: offset.beforeMs, label: offset.label, selected: spec.defaultOffsetsMs.includes(offset.beforeMs) }))
  return {
    id: `00000000-0000-4000-8000-${String(Math.floor(Math.random() * 1e12)).padStart(12, '0')}`,
    kindLabel: spec.label,
    targetLabel: spec.target,
    status: 'active',
    channel: 'in-app',
    templateId: TEST_TEMPLATE_IDS[overrides.kind],
    offsets,
    fireTimes: [],
    nextFireAt: null,
    due: false,
    createdAt: '2025-10-01T10:00:00+08:00',
    updatedAt: '2025-10-01T10:00:00+08:00',
    ...overrides,
  }
}

export interface FakeReminderServer {
  reminders: ReminderView[]
  /** Templates configured for WeChat (true) or placeholders only (false). */
  wechat: boolean
  /** Subject → title and target, as the server resolves them. */
  subjects: Record<string, { title: string; targetAt: string | null }>
}

const match = (request: RecordedRequest, method: string, path: RegExp) => request.method === method && path.test(request.path)

/** The lead times as the server keeps them (the same domain rule), or its typed 400. */
function keptOffsets(kind: ReminderKind, offsetsMs: number[] | undefined): number[] | Reply {
  try {
    return chooseOffsets(kind, offsetsMs)
  } catch (error) {
    if (error instanceof ReminderError) return { status: 400, body: { error: { code: 'BAD_OFFSETS', message: error.message } } }
    throw error
  }
}

const withOffsets = (offsets: ReminderView['offsets'], kept: number[]) => offsets.map((offset) => ({ ...offset, selected: kept.includes(offset.beforeMs) }))

export function reminderHandler(state: FakeReminderServer): RequestHandler {
  return (request): Reply | undefined => {
    if (match(request, 'GET', /^\/api\/v1\/reminders\/templates$/)) {
      const kinds = (Object.keys(TEST_TEMPLATE_IDS) as ReminderKind[]).map((kind) => ({
        kind,
        label: REMINDER_KIND_SPECS[kind].label,
        targetLabel: REMINDER_KIND_SPECS[kind].target,
        offsets: REMINDER_KIND_SPECS[kind].offsets.map((offset) => ({ beforeMs: offset.beforeMs, label: offset.label })),
        templateId: state.wechat ? TEST_TEMPLATE_IDS[kind] : DEFAULT_TEMPLATE_CATALOGUE[kind].templateId,
        wechat: state.wechat,
      }))
      return ok({ data: { maxTemplatesPerRequest: 3, kinds } })
    }
    if (match(request, 'POST', /^\/api\/v1\/me\/subscriptions$/)) {
      const body = request.body as { templateIds: string[]; result: unknown }
      const outcome = interpretSubscribeResult(body.result, body.templateIds, TEST_CATALOGUE)
      for (const reminder of state.reminders) {
        if (outcome.creditTemplateIds.includes(reminder.templateId)) reminder.channel = 'wechat'
      }
      const subscribe = {
        message: outcome.message,
        mainSwitchOff: outcome.mainSwitchOff,
        decisions: outcome.decisions,
        creditsStored: outcome.creditTemplateIds.length,
      }
      return ok({ data: { subscribe, credits: [] } })
    }
    if (!request.path.startsWith('/api/v1/me/reminders')) return undefined
    if (!request.headers.authorization) return { status: 401, body: { error: { code: 'AUTH_REQUIRED', message: '请先登录' } } }
    if (match(request, 'GET', /^\/api\/v1\/me\/reminders$/)) return ok({ data: state.reminders })
    if (match(request, 'POST', /^\/api\/v1\/me\/reminders$/)) {
      const body = request.body as { kind: ReminderKind; subjectId: string; offsetsMs?: number[]; subscribe?: { templateIds: string[]; result: unknown } }
      const subject = state.subjects[body.subjectId]
      if (!subject) return { status: 404, body: { error: { code: 'SUBJECT_NOT_FOUND', message: '找不到这个活动' } } }
      const kept = keptOffsets(body.kind, body.offsetsMs)
      if (!Array.isArray(kept)) return kept
      const outcome = body.subscribe ? interpretSubscribeResult(body.subscribe.result, body.subscribe.templateIds, TEST_CATALOGUE) : null
      const existing = state.reminders.find((item) => item.kind === body.kind && item.subjectId === body.subjectId)
      const reminder = reminderView({
        ...(existing ?? {}),
        kind: body.kind,
        subjectId: body.subjectId,
        ...subject,
        channel: outcome && outcome.creditTemplateIds.length > 0 ? 'wechat' : 'in-app',
      })
      reminder.offsets = withOffsets(reminder.offsets, kept)
      state.reminders = [reminder, ...state.reminders.filter((item) => item !== existing)]
      const subscribe = outcome
        ? {
            message: outcome.message,
            mainSwitchOff: outcome.mainSwitchOff,
            decisions: outcome.decisions,
            creditsStored: outcome.creditTemplateIds.length,
          }
        : null
      return ok({ data: { reminder, subscribe } }, existing ? 200 : 201)
    }
    const id = /^\/api\/v1\/me\/reminders\/([^/]+)$/.exec(request.path)?.[1]
    const index = state.reminders.findIndex((item) => item.id === id)
    if (index < 0) return { status: 404, body: { error: { code: 'NOT_FOUND', message: '找不到这个提醒' } } }
    if (request.method === 'PATCH') {
      const body = request.body as { enabled?: boolean; offsetsMs?: number[] }
      const current = state.reminders[index]
      const kept = body.offsetsMs ? keptOffsets(current.kind, body.offsetsMs) : null
      if (kept !== null && !Array.isArray(kept)) return kept
      const updated: ReminderView = {
        ...current,
        status: body.enabled === undefined ? current.status : body.enabled ? 'active' : 'paused',
        offsets: kept ? withOffsets(current.offsets, kept) : current.offsets,
      }
      state.reminders[index] = updated
      return ok({ data: updated })
    }
    if (request.method === 'DELETE') {
      state.reminders.splice(index, 1)
      return ok({ data: { cancelled: true } })
    }
    return undefined
  }
}
