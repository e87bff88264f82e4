/**
 * 公布时提醒 at import time (issue 13): an operator import is how an unknown rule becomes known — a
 * 2026 trade-in measure's rule in a subsidy override, a new 衢城畅行 period in a toll override. The
 * import reads what each subject watches before and after writing, inside its own transaction, and
 * queues the one delivery of every active reminder whose subject changed; the scheduler sends it.
 * A dry run rolls the transaction back, so it queues nothing; an import that changes nothing a
 * reminder watches queues nothing.
 */
import {
  changedPublishedSubjects,
  publishedSubjectTitle,
  REMINDER_KIND_SPECS,
  type PublishedState,
  type ReminderPayloads,
} from '../../../src/domain/reminders'
import { todayInShanghai } from '../../../src/domain/time'
import { getSubsidyRuleSets, getTollData } from '../store/content'
import type { Queryable } from '../store/db'
import { queuePublishedDeliveries } from '../store/reminders'

/** What the app would show on `now`'s date, from the store (bundled data with the overrides applied). */
export async function publishedStateOf(q: Queryable, now: Date): Promise<PublishedState> {
  const [{ ruleSets }, { data }] = await Promise.all([getSubsidyRuleSets(q), getTollData(q)])
  return { ruleSets, toll: data, today: todayInShanghai(now.getTime()) }
}

export interface PublishedFired {
  /** Subjects whose rule the import changed, e.g. `measure:furniture`, `toll-period`. */
  subjectIds: string[]
  /** Reminders queued to fire (each fires once). */
  reminders: number
}

export async function queueRemindersForPublication(q: Queryable, before: PublishedState, after: PublishedState, now: Date): Promise<PublishedFired> {
  const changed = changedPublishedSubjects(before, after)
  const titles = new Map(changed.map((subject) => [subject.subjectId, publishedSubjectTitle(subject)]))
  const queued = await queuePublishedDeliveries(
    q,
    {
      kind: 'rule-published',
      subjectIds: changed.map((subject) => subject.subjectId),
      label: REMINDER_KIND_SPECS['rule-published'].offsets[0].label,
      payloadOf: (subjectId): ReminderPayloads['rule-published'] => ({ subjectName: titles.get(subjectId)!, publishedAt: now.getTime() }),
    },
    now,
  )
  return { subjectIds: changed.map((subject) => subject.subjectId), reminders: queued.length }
}
