/**
 * What a reminder is about, read from the store, and when it fires. The resident names only the
 * kind and the subject; the moment comes from the server's own data, never from the client:
 *
 *   round-opening     `batchId:roundId` (or `batchId`: its next round)   → the round's opensAt
 *   voucher-expiring  a wallet voucher id, the caller's own             → the voucher's validTo
 *   event-starting    `eventId@YYYY-MM-DD` (or `eventId`: next occurrence) → planEventReminders
 *   rule-set-ending   a subsidy rule set id (bundled + operator override) → the instant after its last day
 *   toll-period-ending `toll-period`: the 衢城畅行 period in force      → the instant after its last day
 *   rule-published    `measure:<measure>` or `toll-period`                → none: fires when an import
 *                     changes it (content/import.ts → queuePublishedDeliveries)
 *
 * Fire times and payloads come from src/domain/reminders (reminderFireTimes, planEventReminders),
 * so offsets and message contents are the domain's data. The scheduler resolves the subject again
 * when a reminder fires, so a moved event or a renamed batch is sent as it is then.
 */
import { dayNumberOf, shanghaiMidnightMs } from '../../../src/domain/time/shanghai'
import { expandOccurrences, nextOccurrence, reminderAnchorMs, type CityEvent } from '../../../src/domain/events'
import { findRuleSetById } from '../../../src/domain/policy/subsidy-rule-sets'
import {
  parsePublishedSubject,
  planEventReminders,
  TOLL_PERIOD_SUBJECT,
  publishedSubjectTitle,
  reminderFireTimes,
  type ReminderFireTime,
  type ReminderKind,
  type ReminderPayloads,
} from '../../../src/domain/reminders'
import { isValidDate } from '../../../src/domain/time'
import { tryParseIsoInstant } from '../../../src/domain/time/shanghai'
import type { VoucherBatch } from '../../../src/domain/vouchers/schema'
import { getBatch, getEvent, getSubsidyRuleSets, getTollData } from '../store/content'
import type { Queryable } from '../store/db'
import type { PlannedFireTime } from '../store/reminders'

export interface SubjectPlan {
  kind: ReminderKind
  /** Canonical: `batch:round`, `event@date`, the voucher id, the rule set id. */
  subjectId: string
  title: string
  /** null: fires on publication, not at a time known in advance (公布时提醒). */
  targetMs: number | null
  /** Every offset of the kind, earliest first, not filtered by the clock. */
  fireTimes: ReminderFireTime[]
  payload: ReminderPayloads[ReminderKind]
}

export type SubjectResult = { ok: true; plan: SubjectPlan } | { ok: false; status: 404 | 409; code: string; message: string }

const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$/

const missing = (code: string, message: string): SubjectResult => ({ ok: false, status: 404, code, message })
const conflict = (code: string, message: string): SubjectResult => ({ ok: false, status: 409, code, message })

function planOf<K extends ReminderKind>(kind: K, subjectId: string, title: string, targetMs: number, payload: ReminderPayloads[K], fireTimes?: ReminderFireTime[]): SubjectResult {
  return { ok: true, plan: { kind, subjectId, title, targetMs, fireTimes: fireTimes ?? reminderFireTimes(kind, targetMs), payload } }
}

async function roundOpening(q: Queryable, subjectId: string, now: number): Promise<SubjectResult> {
  const [batchId, roundId, ...rest] = subjectId.split(':')
  if (rest.length > 0 || !ID.test(batchId) || (roundId !== undefined && !ID.test(roundId))) {
    return missing('SUBJECT_NOT_FOUND', '消费券场次编号应为“批次编号:场次编号”')
  }
  const batch = (await getBatch(q, batchId)) as VoucherBatch | null
  if (!batch) return missing('SUBJECT_NOT_FOUND', '找不到这个消费券批次')
  const rounds = batch.rounds.map((round, index) => ({ round, index, opensAtMs: tryParseIsoInstant(round.opensAt) ?? NaN }))
  const chosen = roundId === undefined ? rounds.find((item) => item.opensAtMs > now) : rounds.find((item) => item.round.id === roundId)
  if (!chosen) return roundId === undefined ? conflict('ROUND_ALREADY_OPEN', '这个批次的各轮都已开抢，没有可以提醒的场次') : missing('SUBJECT_NOT_FOUND', '找不到这一轮消费券')
  const title = batch.rounds.length > 1 ? `${batch.title}（第 ${chosen.index + 1} 轮）` : batch.title
  return planOf('round-opening', `${batch.id}:${chosen.round.id}`, title, chosen.opensAtMs, { batchName: batch.title, opensAt: chosen.opensAtMs })
}

/**
 * The caller's voucher from the wallet the voucher engine keeps (table `vouchers`, issue 6). Read
 * here rather than through its module so reminders do not depend on the claim engine's internals.
 */
async function voucherExpiring(q: Queryable, userId: string, voucherId: string): Promise<SubjectResult> {
  if (!ID.test(voucherId)) return missing('SUBJECT_NOT_FOUND', '找不到这张消费券')
  const [table] = await q.query<{ present: boolean }>(`select to_regclass('vouchers') is not null as present`)
  if (!table.present) return missing('SUBJECT_NOT_FOUND', '找不到这张消费券')
  const [voucher] = await q.query<{ id: string; batch_id: string; status: string; valid_to: Date }>(
    'select id, batch_id, status, valid_to from vouchers where id = $1 and owner_id::text = $2',
    [voucherId, userId],
  )
  if (!voucher) return missing('SUBJECT_NOT_FOUND', '找不到这张消费券')
  if (voucher.status === 'used') return conflict('VOUCHER_USED', '这张券已经用过了，无需到期提醒')
  const batch = (await getBatch(q, voucher.batch_id)) as VoucherBatch | null
  if (!batch) return missing('SUBJECT_NOT_FOUND', '找不到这张券所属的批次')
  const validToMs = voucher.valid_to.getTime()
  return planOf('voucher-expiring', voucher.id, batch.title, validToMs, { voucherName: batch.title, amountFen: batch.faceValueFen, expiresAt: validToMs })
}

async function eventStarting(q: Queryable, subjectId: string, now: number): Promise<SubjectResult> {
  const [eventId, date, ...rest] = subjectId.split('@')
  if (rest.length > 0 || !ID.test(eventId) || (date !== undefined && !isValidDate(date))) {
    return missing('SUBJECT_NOT_FOUND', '活动编号应为“活动编号”或“活动编号@2025-05-04”')
  }
  const event = (await getEvent(q, eventId)) as CityEvent | null
  if (!event) return missing('SUBJECT_NOT_FOUND', '找不到这个活动')
  if (event.status === 'cancelled') return conflict('EVENT_CANCELLED', '该活动已取消，无需提醒')
  const occurrence = date === undefined ? nextOccurrence(event, now) : expandOccurrences(event, date, date).find((item) => item.startDate === date)
  if (!occurrence) return date === undefined ? conflict('SUBJECT_PASSED', '活动已经结束了') : missing('SUBJECT_NOT_FOUND', '这一天没有这场活动')
  const plan = planEventReminders(event, occurrence)
  return planOf('event-starting', plan.subject, event.title, reminderAnchorMs(occurrence), plan.payload, plan.fireTimes)
}

async function ruleSetEnding(q: Queryable, ruleSetId: string): Promise<SubjectResult> {
  // The rule sets the app shows: bundled + the operator's override (bundled if it no longer applies).
  const { ruleSets } = await getSubsidyRuleSets(q)
  const ruleSet = findRuleSetById(ruleSetId, ruleSets)
  if (!ruleSet) return missing('SUBJECT_NOT_FOUND', '找不到这套补贴政策')
  if (ruleSet.effective.to === null) return conflict('NO_END_DATE', '这套补贴政策还没有公布截止日期')
  // The set is in force through its last day: it ends at the next Shanghai midnight.
  const endsAtMs = shanghaiMidnightMs(dayNumberOf(ruleSet.effective.to) + 1)
  return planOf('rule-set-ending', ruleSet.id, ruleSet.title, endsAtMs, { ruleSetName: ruleSet.title, endsOn: ruleSet.effective.to })
}

/**
 * 衢城畅行 (clause 二十六): the period in force (bundled, or the operator's toll override) ends after
 * its last day. Once it has passed, or while it has no end date, there is nothing to count back
 * from: the app offers 续期公布时提醒 (rule-published, toll-period) instead.
 */
async function tollPeriodEnding(q: Queryable, subjectId: string, now: number): Promise<SubjectResult> {
  if (subjectId !== TOLL_PERIOD_SUBJECT) return missing('SUBJECT_NOT_FOUND', `衢城畅行到期提醒的对象应为“${TOLL_PERIOD_SUBJECT}”`)
  const { data } = await getTollData(q)
  const { to } = data.period.value
  if (to === null) return conflict('NO_END_DATE', '“衢城畅行”实施期没有公布结束日期')
  const endsAtMs = shanghaiMidnightMs(dayNumberOf(to) + 1)
  if (endsAtMs <= now) return conflict('SUBJECT_PASSED', '“衢城畅行”已知的实施期已经结束，新实施期待官方公布')
  return planOf('toll-period-ending', TOLL_PERIOD_SUBJECT, '“衢城畅行”实施期结束', endsAtMs, { schemeName: '衢城畅行免费通行', endsOn: to })
}

/** 公布时提醒: nothing to count back from; the import that publishes the subject queues its delivery. */
function rulePublished(subjectId: string): SubjectResult {
  const subject = parsePublishedSubject(subjectId)
  if (!subject) return missing('SUBJECT_NOT_FOUND', '提醒对象应为“measure:补贴措施”（例如 measure:furniture）或“toll-period”')
  const title = publishedSubjectTitle(subject)
  return { ok: true, plan: { kind: 'rule-published', subjectId: subject.subjectId, title, targetMs: null, fireTimes: [], payload: { subjectName: title } } }
}

/** The plan for (kind, subject) as the store holds it now; `now` only picks "the next" round or occurrence. */
export async function resolveSubject(q: Queryable, input: { kind: ReminderKind; subjectId: string; userId: string; now: number }): Promise<SubjectResult> {
  switch (input.kind) {
    case 'round-opening':
      return roundOpening(q, input.subjectId, input.now)
    case 'voucher-expiring':
      return voucherExpiring(q, input.userId, input.subjectId)
    case 'event-starting':
      return eventStarting(q, input.subjectId, input.now)
    case 'rule-set-ending':
      return ruleSetEnding(q, input.subjectId)
    case 'rule-published':
      return rulePublished(input.subjectId)
    case 'toll-period-ending':
      return tollPeriodEnding(q, input.subjectId, input.now)
  }
}

/** What "too late" is called per kind, for the 409 when the target has already passed. */
export const PASSED_MESSAGE: Readonly<Record<ReminderKind, string>> = {
  'round-opening': '这一轮已经开抢了',
  'voucher-expiring': '这张券已经过期了',
  'event-starting': '活动已经开始了',
  'rule-set-ending': '这套补贴政策已经截止了',
  'rule-published': '已经公布了',
  'toll-period-ending': '“衢城畅行”实施期已经结束了',
}

/** The plan's fire times for the offsets the resident keeps, as the store queues them. */
export function plannedFireTimes(plan: SubjectPlan, offsetsMs: readonly number[]): PlannedFireTime[] {
  return plan.fireTimes
    .filter((time) => offsetsMs.includes(time.beforeMs))
    .map((time) => ({ key: time.key, label: time.label, beforeMs: time.beforeMs, fireAt: new Date(time.fireAtMs) }))
}
