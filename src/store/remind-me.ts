/**
 * The 提醒我 flow for every reminder kind, in two halves because of WeChat's rule that
 * requestSubscribeMessage opens only inside a tap (WECHAT.md):
 *
 *  1. `askToSubscribe` — call it first thing in the tap handler. It picks the template ids
 *     (≤ 3, domain `subscribeRequestTemplateIds`) and, where WeChat messages exist and the
 *     operator has configured real templates, opens WeChat's dialog synchronously.
 *  2. `completeReminder` — everything that may wait: WeChat's per-template answer judged by the
 *     domain's `interpretSubscribeResult`, login (asked only now, when it is needed), then
 *     POST /me/reminders with the raw answer so the server stores a credit per accepted template
 *     and keeps the rest in-app (我的 → 我的提醒).
 */
import type { ReminderKind } from '../domain/reminders/kinds'
import { interpretSubscribeResult, type SubscribeInterpretation } from '../domain/reminders/subscribe-result'
import { DEFAULT_TEMPLATE_CATALOGUE, subscribeRequestTemplateIds, type TemplateCatalogue } from '../domain/reminders/templates'
import { ensureLogin } from './auth'
import { useRemindersStore } from './reminders'
import { userMessage } from '../services/api/errors'
import { remindersApi, type ReminderTemplateInfo, type ReminderView } from '../services/api/reminders'
import { requestSubscribe, subscribeMessagesSupported } from '../services/platform/subscribe'

/** The catalogue for subscribeRequestTemplateIds: the server's template ids over the defaults. */
export function catalogueFrom(templates: Partial<Record<ReminderKind, ReminderTemplateInfo>>): TemplateCatalogue {
  const catalogue = { ...DEFAULT_TEMPLATE_CATALOGUE }
  for (const info of Object.values(templates)) {
    if (info) catalogue[info.kind] = { ...catalogue[info.kind], templateId: info.templateId }
  }
  return catalogue
}

export interface SubscribeAsk {
  kind: ReminderKind
  subjectId: string
  templateIds: string[]
  catalogue: TemplateCatalogue
  /** Whether WeChat's dialog was opened (weapp, with a template the operator configured). */
  asked: boolean
  /** WeChat's answer (success or fail callback), or null where nothing was asked. */
  answer: Promise<unknown>
}

/** Synchronous: call it in the tap, before any await. */
export function askToSubscribe(kind: ReminderKind, subjectId: string): SubscribeAsk {
  const { templates } = useRemindersStore.getState()
  const catalogue = catalogueFrom(templates)
  const templateIds = subscribeRequestTemplateIds([kind], catalogue)
  const wechat = subscribeMessagesSupported && templates[kind]?.wechat === true
  return { kind, subjectId, templateIds, catalogue, asked: wechat, answer: wechat ? requestSubscribe(templateIds) : Promise.resolve(null) }
}

export interface ReminderOutcome {
  ok: boolean
  message: string
  reminder?: ReminderView
  interpretation: SubscribeInterpretation
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null
}

/** `offsetsMs`: the lead time(s) chosen (domain chooseOffsets); omitted, the kind's default. */
export async function completeReminder(ask: SubscribeAsk, offsetsMs?: number[]): Promise<ReminderOutcome> {
  const answer = asRecord(await ask.answer)
  const interpretation = interpretSubscribeResult(answer, ask.templateIds, ask.catalogue)
  try {
    await ensureLogin()
    // WeChat's answer goes to the server untouched, so it stores one credit per accepted template;
    // when nothing was asked (H5, templates not configured) there is nothing to record.
    const { reminder, subscribe } = await remindersApi.create({
      kind: ask.kind,
      subjectId: ask.subjectId,
      ...(offsetsMs ? { offsetsMs } : {}),
      ...(ask.asked ? { subscribe: { templateIds: ask.templateIds, result: answer } } : {}),
    })
    useRemindersStore.getState().upsert(reminder)
    return { ok: true, reminder, interpretation, message: subscribe?.message ?? interpretation.message }
  } catch (error) {
    return { ok: false, interpretation, message: `没能设置提醒：${userMessage(error)}` }
  }
}
