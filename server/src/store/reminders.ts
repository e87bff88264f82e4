/**
 * Reminders, their deliveries (one per fire time), subscribe-message credits and the send log.
 * Every function takes a Queryable (a Db or a transaction) and the caller's clock where time
 * decides something, so tests drive it with an injected clock. The same SQL runs on PGlite and
 * PostgreSQL; `for update skip locked` lets several PostgreSQL workers share the queue, and on
 * PGlite (one connection) it is simply a lock no one else contends for.
 */
import { randomUUID } from 'node:crypto'
import type { ReminderKind } from '../../../src/domain/reminders'
import type { Queryable } from './db'
import { pickColumns } from './rows'

export type ReminderStatus = 'active' | 'paused' | 'cancelled'
export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'skipped'
export type DeliveryChannel = 'wechat' | 'in-app'
export type SendLogOutcome = 'sent' | 'retry' | 'failed' | 'skipped' | 'in-app'

/** Skips made by the resident or by a content change before the fire time: nothing was sent, so they may come back. */
export const REVIVABLE_SKIPS = ['USER_CANCELLED', 'OFFSET_REMOVED', 'TIME_CHANGED'] as const

export interface Reminder {
  id: string
  userId: string
  kind: ReminderKind
  subjectId: string
  title: string
  /** null for a reminder that fires on publication (公布时提醒) before anything was published. */
  targetAt: Date | null
  offsetsMs: number[]
  payload: Record<string, unknown>
  status: ReminderStatus
  createdAt: Date
  updatedAt: Date
}

export interface Delivery {
  id: string
  reminderId: string
  fireKey: string
  label: string
  beforeMs: number
  fireAt: Date
  status: DeliveryStatus
  channel: DeliveryChannel | null
  attempts: number
  nextAttemptAt: Date
  leaseUntil: Date | null
  claimToken: string | null
  outcomeCode: string | null
  reason: string | null
  finishedAt: Date | null
}

interface ReminderRow {
  id: string
  user_id: string
  kind: ReminderKind
  subject_id: string
  title: string
  target_at: Date | null
  offsets_ms: number[]
  payload: Record<string, unknown>
  status: ReminderStatus
  created_at: Date
  updated_at: Date
  [key: string]: unknown
}

interface DeliveryRow {
  id: string
  reminder_id: string
  fire_key: string
  label: string
  before_ms: number
  fire_at: Date
  status: DeliveryStatus
  channel: DeliveryChannel | null
  attempts: number
  next_attempt_at: Date
  lease_until: Date | null
  claim_token: string | null
  outcome_code: string | null
  reason: string | null
  finished_at: Date | null
  [key: string]: unknown
}

const REMINDER_FIELDS = [
  'id', 'user_id', 'kind', 'subject_id', 'title', 'target_at', 'offsets_ms', 'payload', 'status', 'created_at', 'updated_at',
] as const
const REMINDER_COLUMNS = REMINDER_FIELDS.join(', ')
const DELIVERY_FIELDS = [
  'id', 'reminder_id', 'fire_key', 'label', 'before_ms', 'fire_at', 'status', 'channel', 'attempts', 'next_attempt_at', 'lease_until', 'claim_token',
  'outcome_code', 'reason', 'finished_at',
] as const
const DELIVERY_COLUMNS = DELIVERY_FIELDS.join(', ')

function toReminder(row: ReminderRow): Reminder {
  return { ...pickColumns(row, REMINDER_FIELDS), offsetsMs: row.offsets_ms.map(Number) }
}

function toDelivery(row: DeliveryRow): Delivery {
  return { ...pickColumns(row, DELIVERY_FIELDS), beforeMs: Number(row.before_ms) }
}

const json = (value: unknown) => JSON.stringify(value)

export type ReminderInput = Pick<Reminder, 'userId' | 'kind' | 'subjectId' | 'title' | 'targetAt' | 'offsetsMs'> & { payload: unknown }

/**
 * One reminder per (resident, kind, subject): asking again re-activates and refreshes it.
 * `created` tells a new row from an existing one (for 201 vs 200).
 */
export async function upsertReminder(q: Queryable, input: ReminderInput, now: Date): Promise<{ reminder: Reminder; created: boolean }> {
  const [row] = await q.query<ReminderRow & { created: boolean }>(
    `insert into reminders (id, user_id, kind, subject_id, title, target_at, offsets_ms, payload, status, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7::int[], $8::jsonb, 'active', $9, $9)
     on conflict (user_id, kind, subject_id) do update set title = excluded.title,
       -- A 公布时提醒 set again keeps the moment its subject was published.
       target_at = coalesce(excluded.target_at, reminders.target_at),
       offsets_ms = excluded.offsets_ms, payload = excluded.payload, status = 'active', updated_at = excluded.updated_at
     returning ${REMINDER_COLUMNS}, (xmax = 0) as created`,
    [randomUUID(), input.userId, input.kind, input.subjectId, input.title, input.targetAt, input.offsetsMs, json(input.payload), now],
  )
  return { reminder: toReminder(row), created: row.created }
}

/** The reminder if it is this user's; someone else's is as absent as a missing one. */
export async function getOwnReminder(q: Queryable, userId: string, id: string): Promise<Reminder | null> {
  const [row] = await q.query<ReminderRow>(`select ${REMINDER_COLUMNS} from reminders where id = $1 and user_id = $2`, [id, userId])
  return row ? toReminder(row) : null
}

export async function getReminder(q: Queryable, id: string): Promise<Reminder | null> {
  const [row] = await q.query<ReminderRow>(`select ${REMINDER_COLUMNS} from reminders where id = $1`, [id])
  return row ? toReminder(row) : null
}

export async function listOwnReminders(q: Queryable, userId: string, options: { includeCancelled: boolean }): Promise<Reminder[]> {
  const rows = await q.query<ReminderRow>(
    `select ${REMINDER_COLUMNS} from reminders where user_id = $1 and ($2::boolean or status <> 'cancelled')
     order by target_at nulls last, created_at, id limit 500`,
    [userId, options.includeCancelled],
  )
  return rows.map(toReminder)
}

export async function updateReminder(
  q: Queryable,
  id: string,
  changes: { status?: ReminderStatus; offsetsMs?: number[]; title?: string; targetAt?: Date; payload?: unknown },
  now: Date,
): Promise<Reminder> {
  const [row] = await q.query<ReminderRow>(
    `update reminders set status = coalesce($2, status), offsets_ms = coalesce($3::int[], offsets_ms), title = coalesce($4, title),
       target_at = coalesce($5, target_at), payload = coalesce($6::jsonb, payload), updated_at = $7
     where id = $1 returning ${REMINDER_COLUMNS}`,
    [id, changes.status ?? null, changes.offsetsMs ?? null, changes.title ?? null, changes.targetAt ?? null, changes.payload === undefined ? null : json(changes.payload), now],
  )
  return toReminder(row)
}

export async function listDeliveries(q: Queryable, reminderIds: readonly string[]): Promise<Delivery[]> {
  if (reminderIds.length === 0) return []
  const rows = await q.query<DeliveryRow>(
    `select ${DELIVERY_COLUMNS} from reminder_deliveries where reminder_id = any($1::uuid[]) order by fire_at, id`,
    [reminderIds],
  )
  return rows.map(toDelivery)
}

export interface PlannedFireTime {
  key: string
  label: string
  beforeMs: number
  fireAt: Date
}

/**
 * Makes the reminder's open deliveries match its plan. `plan` is every fire time the reminder
 * keeps (its chosen offsets, for the subject's current target); those still in the future are
 * queued (or revived if an earlier change had skipped them before they fired). A pending
 * delivery whose key is no longer in the plan is skipped: its offset was removed, or the subject's
 * time moved. Pending deliveries already due stay: the scheduler fires them.
 */
export async function syncDeliveries(q: Queryable, reminderId: string, plan: readonly PlannedFireTime[], offsetsMs: readonly number[], now: Date): Promise<void> {
  const keys = plan.map((time) => time.key)
  await q.query(
    `update reminder_deliveries set status = 'skipped', finished_at = $3, updated_at = $3,
       outcome_code = case when before_ms = any($4::int[]) then 'TIME_CHANGED' else 'OFFSET_REMOVED' end,
       reason = case when before_ms = any($4::int[]) then '时间已变更，已按新时间提醒' else '已取消这个提醒时间' end
     where reminder_id = $1 and status = 'pending' and not (fire_key = any($2::text[]))`,
    [reminderId, keys, now, offsetsMs],
  )
  for (const time of plan) {
    if (time.fireAt.getTime() <= now.getTime()) continue
    await q.query(
      `insert into reminder_deliveries (id, reminder_id, fire_key, label, before_ms, fire_at, next_attempt_at, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $6, $7, $7)
       on conflict (reminder_id, fire_key) do update set status = 'pending', channel = null, outcome_code = null, reason = null,
         finished_at = null, next_attempt_at = excluded.fire_at, updated_at = excluded.updated_at
       where reminder_deliveries.status = 'skipped' and reminder_deliveries.attempts = 0
         and reminder_deliveries.outcome_code = any($8::text[])`,
      [randomUUID(), reminderId, time.key, time.label, time.beforeMs, time.fireAt, now, REVIVABLE_SKIPS],
    )
  }
}

export const PUBLISHED_FIRE_KEY = 'published'

/**
 * 公布时提醒: an import changed what these subjects watch, so every active reminder of theirs gets
 * its one delivery, due now, and the moment of publication as its target. The fire key is the same
 * for every publication, so the unique (reminder, fire key) makes a reminder fire exactly once,
 * however many later imports change the subject again. Returns the reminder ids queued.
 */
export async function queuePublishedDeliveries(
  q: Queryable,
  input: { kind: ReminderKind; subjectIds: readonly string[]; label: string; payloadOf: (subjectId: string) => unknown },
  now: Date,
): Promise<string[]> {
  if (input.subjectIds.length === 0) return []
  const queued: string[] = []
  for (const subjectId of input.subjectIds) {
    const rows = await q.query<{ id: string }>(
      `with fresh as (
         update reminders set target_at = $3, payload = $4::jsonb, updated_at = $3
         where kind = $1 and subject_id = $2 and status = 'active'
           and not exists (select 1 from reminder_deliveries d where d.reminder_id = reminders.id and d.fire_key = $5)
         returning id
       )
       insert into reminder_deliveries (id, reminder_id, fire_key, label, before_ms, fire_at, next_attempt_at, created_at, updated_at)
       select gen_random_uuid(), fresh.id, $5, $6, 0, $3, $3, $3, $3 from fresh
       on conflict (reminder_id, fire_key) do nothing
       returning reminder_id as id`,
      [input.kind, subjectId, now, json(input.payloadOf(subjectId)), PUBLISHED_FIRE_KEY, input.label],
    )
    queued.push(...rows.map((row) => row.id))
  }
  return queued
}

/** Cancelling: every delivery not yet fired is skipped; one being sent right now finishes. */
export async function skipPendingDeliveries(q: Queryable, reminderId: string, code: string, reason: string, now: Date): Promise<void> {
  await q.query(
    `update reminder_deliveries set status = 'skipped', outcome_code = $2, reason = $3, finished_at = $4, updated_at = $4
     where reminder_id = $1 and status = 'pending'`,
    [reminderId, code, reason, now],
  )
}

// Credits ------------------------------------------------------------------------------------

/** Most unspent credits kept per (user, template): a forged stream of "accept" cannot grow the table. */
export const MAX_AVAILABLE_CREDITS = 50

/** Records one credit per accepted template; returns how many were stored. */
export async function addCredits(q: Queryable, userId: string, grants: readonly { templateId: string; reminderId: string | null }[], now: Date): Promise<number> {
  let stored = 0
  for (const grant of grants) {
    const rows = await q.query(
      `insert into subscribe_credits (id, user_id, template_id, reminder_id, granted_at)
       select $1, $2, $3, $4, $5
       where (select count(*) from subscribe_credits where user_id = $2 and template_id = $3 and state = 'available') < $6
       returning id`,
      [randomUUID(), userId, grant.templateId, grant.reminderId, now, MAX_AVAILABLE_CREDITS],
    )
    stored += rows.length
  }
  return stored
}

export interface AvailableCredits {
  templateId: string
  reminderId: string | null
  count: number
}

export async function availableCredits(q: Queryable, userId: string): Promise<AvailableCredits[]> {
  const rows = await q.query<{ template_id: string; reminder_id: string | null; count: number }>(
    `select template_id, reminder_id, count(*)::int as count from subscribe_credits where user_id = $1 and state = 'available'
     group by template_id, reminder_id order by template_id`,
    [userId],
  )
  return rows.map((row) => ({ templateId: row.template_id, reminderId: row.reminder_id, count: row.count }))
}

/** A cancelled reminder's unspent credits serve the resident's other reminders of that template. */
export async function unlinkCredits(q: Queryable, reminderId: string): Promise<void> {
  await q.query(`update subscribe_credits set reminder_id = null where reminder_id = $1 and state = 'available'`, [reminderId])
}

/**
 * The credit this delivery holds from an earlier attempt, or a newly reserved one (the reminder's
 * own first, then any other of the template, oldest first); null when there is none.
 */
export async function reserveCredit(
  q: Queryable,
  input: { deliveryId: string; userId: string; templateId: string; reminderId: string },
): Promise<string | null> {
  const held = await heldCredit(q, input.deliveryId)
  if (held) return held
  const [row] = await q.query<{ id: string }>(
    `update subscribe_credits set state = 'reserved', delivery_id = $1
     where id = (
       select id from subscribe_credits where user_id = $2 and template_id = $3 and state = 'available'
       order by (reminder_id is not distinct from $4::uuid) desc, granted_at, id limit 1
       for update skip locked
     ) and state = 'available'
     returning id`,
    [input.deliveryId, input.userId, input.templateId, input.reminderId],
  )
  return row?.id ?? null
}

export async function heldCredit(q: Queryable, deliveryId: string): Promise<string | null> {
  const [row] = await q.query<{ id: string }>(`select id from subscribe_credits where delivery_id = $1 and state = 'reserved'`, [deliveryId])
  return row?.id ?? null
}

/** Spent (a message went out, or WeChat said the user has none: 43101), or back to available. */
export async function settleCredit(q: Queryable, creditId: string, outcome: { spent: true; reason: string } | { spent: false }, now: Date): Promise<void> {
  if (outcome.spent) {
    await q.query(`update subscribe_credits set state = 'spent', spent_at = $2, spent_reason = $3 where id = $1 and state = 'reserved'`, [creditId, now, outcome.reason])
  } else {
    await q.query(`update subscribe_credits set state = 'available', delivery_id = null where id = $1 and state = 'reserved'`, [creditId])
  }
}

export async function releaseCreditsOf(q: Queryable, deliveryIds: readonly string[]): Promise<void> {
  if (deliveryIds.length === 0) return
  await q.query(`update subscribe_credits set state = 'available', delivery_id = null where state = 'reserved' and delivery_id = any($1::uuid[])`, [deliveryIds])
}

// The scheduler's queue ------------------------------------------------------------------------

/**
 * Crash safety: a 'sending' delivery whose lease ran out was left by a worker that died (or hung)
 * mid-send. It goes back to pending, to be tried again now; one that has used all its attempts
 * fails instead (and shows in-app). Returns the ids that failed, so their credits can be released.
 */
export async function recoverExpiredLeases(q: Queryable, now: Date, maxAttempts: number): Promise<{ requeued: number; failedIds: string[] }> {
  const rows = await q.query<{ id: string; status: DeliveryStatus }>(
    `update reminder_deliveries set
       status = case when attempts >= $2 then 'failed' else 'pending' end,
       channel = case when attempts >= $2 then 'in-app' else channel end,
       outcome_code = case when attempts >= $2 then 'ATTEMPTS_EXHAUSTED' else 'LEASE_EXPIRED' end,
       reason = case when attempts >= $2 then '多次发送中断，已改为应用内提醒' else '上次发送中断，重新发送' end,
       finished_at = case when attempts >= $2 then $1 else null end,
       lease_until = null, claim_token = null, next_attempt_at = $1, updated_at = $1
     where status = 'sending' and lease_until <= $1
     returning id, status`,
    [now, maxAttempts],
  )
  return { requeued: rows.filter((row) => row.status === 'pending').length, failedIds: rows.filter((row) => row.status === 'failed').map((row) => row.id) }
}

export interface ClaimedDelivery extends Delivery {
  claimToken: string
  userId: string
  openid: string | null
  kind: ReminderKind
  subjectId: string
  reminderStatus: ReminderStatus
  offsetsMs: number[]
  targetAt: Date | null
}

/** Takes up to `limit` due pending deliveries, marking each 'sending' under a lease and a fresh claim token. */
export async function claimDueDeliveries(q: Queryable, now: Date, limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
  const claimed = await q.query<DeliveryRow>(
    `with due as (
       select id from reminder_deliveries where status = 'pending' and next_attempt_at <= $1
       order by next_attempt_at, id limit $2
       for update skip locked
     )
     update reminder_deliveries d set status = 'sending', attempts = d.attempts + 1, lease_until = $3,
       claim_token = gen_random_uuid(), updated_at = $1
     from due where d.id = due.id
     returning ${DELIVERY_COLUMNS.split(', ').map((column) => `d.${column}`).join(', ')}`,
    [now, limit, new Date(now.getTime() + leaseMs)],
  )
  if (claimed.length === 0) return []
  const context = await q.query<{ id: string; user_id: string; openid: string | null; kind: ReminderKind; subject_id: string; status: ReminderStatus; offsets_ms: number[]; target_at: Date | null }>(
    `select r.id, r.user_id, u.openid, r.kind, r.subject_id, r.status, r.offsets_ms, r.target_at
     from reminders r join users u on u.id = r.user_id where r.id = any($1::uuid[])`,
    [Array.from(new Set(claimed.map((row) => row.reminder_id)))],
  )
  const byReminder = new Map(context.map((row) => [row.id, row]))
  return claimed
    .map(toDelivery)
    .sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() || (a.id < b.id ? -1 : 1))
    .map((delivery) => {
      const reminder = byReminder.get(delivery.reminderId)!
      return {
        ...delivery,
        claimToken: delivery.claimToken!,
        userId: reminder.user_id,
        openid: reminder.openid,
        kind: reminder.kind,
        subjectId: reminder.subject_id,
        reminderStatus: reminder.status,
        offsetsMs: reminder.offsets_ms.map(Number),
        targetAt: reminder.target_at,
      }
    })
}

/** A later fire time of the same reminder is already due: this one is stale (the server was down). */
export async function hasLaterDueSibling(q: Queryable, delivery: { reminderId: string; fireAt: Date; id: string }, now: Date): Promise<boolean> {
  const [row] = await q.query<{ found: boolean }>(
    `select exists (
       select 1 from reminder_deliveries where reminder_id = $1 and id <> $2 and fire_at > $3 and fire_at <= $4
         and status in ('pending', 'sending', 'sent', 'failed')
     ) as found`,
    [delivery.reminderId, delivery.id, delivery.fireAt, now],
  )
  return row.found
}

export interface DeliveryOutcome {
  status: Exclude<DeliveryStatus, 'sending'>
  channel: DeliveryChannel | null
  code: string
  reason: string
  /** For a retry: when to try again. */
  nextAttemptAt?: Date
}

/**
 * Records what happened, only if this worker still holds the delivery (its claim token): a worker
 * whose lease ran out and was replaced writes nothing. Returns whether it was recorded.
 */
export async function finishDelivery(q: Queryable, delivery: { id: string; claimToken: string }, outcome: DeliveryOutcome, now: Date): Promise<boolean> {
  const final = outcome.status !== 'pending'
  const rows = await q.query(
    `update reminder_deliveries set status = $3, channel = $4, outcome_code = $5, reason = $6,
       next_attempt_at = coalesce($7, next_attempt_at), finished_at = $8, lease_until = null, claim_token = null, updated_at = $9
     where id = $1 and claim_token = $2 and status = 'sending' returning id`,
    [delivery.id, delivery.claimToken, outcome.status, outcome.channel, outcome.code, outcome.reason, outcome.nextAttemptAt ?? null, final ? now : null, now],
  )
  return rows.length > 0
}

export interface SendLogEntry {
  deliveryId: string
  reminderId: string
  userId: string
  attempt: number
  channel: DeliveryChannel
  templateId: string | null
  outcome: SendLogOutcome
  errcode?: number | null
  errmsg?: string | null
  reason?: string | null
  durationMs?: number | null
  message?: unknown
}

export async function logSend(q: Queryable, entry: SendLogEntry, now: Date): Promise<void> {
  await q.query(
    `insert into reminder_send_log (id, delivery_id, reminder_id, user_id, attempt, at, channel, template_id, outcome, errcode, errmsg, reason, duration_ms, message)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::jsonb)`,
    [
      randomUUID(),
      entry.deliveryId,
      entry.reminderId,
      entry.userId,
      entry.attempt,
      now,
      entry.channel,
      entry.templateId,
      entry.outcome,
      entry.errcode ?? null,
      entry.errmsg?.slice(0, 500) ?? null,
      entry.reason ?? null,
      entry.durationMs ?? null,
      entry.message === undefined ? null : json(entry.message),
    ],
  )
}
