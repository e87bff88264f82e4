/**
 * When an operator moves an event, the residents' reminders of it follow: a reminder of the
 * occurrence on day D becomes one of day D + shift (the event's first date moved by `shift`
 * days), its target and fire times are planned again from the event as stored now, and the old
 * pending deliveries are skipped as TIME_CHANGED. A cancelled event's pending deliveries stop
 * (EVENT_CANCELLED). Runs in the transaction that writes the event.
 */
import { addDays, isValidDate } from '../../../src/domain/time'
import { plannedFireTimes, resolveSubject } from '../reminders/subjects'
import type { Queryable } from '../store/db'
import { skipPendingDeliveries, syncDeliveries, updateReminder } from '../store/reminders'

export async function followEventReminders(q: Queryable, eventId: string, shiftDays: number, now: Date): Promise<number> {
  const rows = await q.query<{ id: string; user_id: string; subject_id: string; offsets_ms: number[] }>(
    `select id, user_id, subject_id, offsets_ms from reminders
     where kind = 'event-starting' and status <> 'cancelled' and (subject_id = $1 or subject_id like $2)`,
    [eventId, `${eventId}@%`],
  )
  let updated = 0
  for (const row of rows) {
    const date = row.subject_id.split('@')[1]
    let subjectId = row.subject_id
    if (date !== undefined && isValidDate(date) && shiftDays !== 0) {
      subjectId = `${eventId}@${addDays(date, shiftDays)}`
      // One reminder per (resident, subject): if the resident already has one for the new day, that one stands.
      const moved = await q.query(
        `update reminders set subject_id = $2, updated_at = $3 where id = $1
           and not exists (select 1 from reminders other where other.user_id = $4 and other.kind = 'event-starting' and other.subject_id = $2)
         returning id`,
        [row.id, subjectId, now, row.user_id],
      )
      if (moved.length === 0) {
        await skipPendingDeliveries(q, row.id, 'EVENT_MOVED', '活动已改期，新日期已有提醒', now)
        updated += 1
        continue
      }
    }
    const resolved = await resolveSubject(q, { kind: 'event-starting', subjectId, userId: row.user_id, now: now.getTime() })
    if (resolved.ok) {
      const { targetMs } = resolved.plan
      await updateReminder(q, row.id, { title: resolved.plan.title, ...(targetMs !== null ? { targetAt: new Date(targetMs) } : {}), payload: resolved.plan.payload }, now)
      if (targetMs !== null) await syncDeliveries(q, row.id, plannedFireTimes(resolved.plan, row.offsets_ms), row.offsets_ms, now)
    } else {
      await skipPendingDeliveries(q, row.id, resolved.code, resolved.message, now)
    }
    updated += 1
  }
  return updated
}
