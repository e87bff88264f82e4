/**
 * 公布时提醒: what a "tell me when it is published" reminder watches. Some rules are unknown on the
 * day a resident asks — the 2026 rule of a trade-in measure nobody has published yet (clause 十四
 * ended with 2025), or a new period of 衢城畅行 after the last known one (clause 二十六) — and the
 * honest answer is 待官方确认 plus an offer to say when it is known. Such a reminder has no moment
 * to count back from: it fires when an operator import changes what it watches.
 *
 *   measure:<measure>   the rule of a trade-in measure (家居, 电动自行车, 家装 incl. 智能家居 …) in the
 *                       rule set in force today
 *   toll-period         the 衢城畅行 period
 *
 * `publishedFingerprint` is what "changed" means: the server compares it before and after an import
 * and fires the subject's reminders when it differs, so an import that changes nothing fires none.
 */
import type { SubsidyRuleSet } from '../policy/subsidy-rules'
import { MEASURE_LABEL, SUBSIDY_MEASURES, type SubsidyMeasure } from '../policy/subsidy-vocabulary'
import type { TollData } from '../policy/toll-scheme'
import { isDateWithin } from '../time'

export const TOLL_PERIOD_SUBJECT = 'toll-period'
const MEASURE_PREFIX = 'measure:'

/** What the app asks to be told about: a measure, or the 衢城畅行 period. */
export type PublishedTopic = SubsidyMeasure | typeof TOLL_PERIOD_SUBJECT

export type PublishedSubject = { kind: 'measure'; measure: SubsidyMeasure; subjectId: string } | { kind: 'toll-period'; subjectId: string }

export function publishedSubjectId(topic: PublishedTopic): string {
  return topic === TOLL_PERIOD_SUBJECT ? TOLL_PERIOD_SUBJECT : `${MEASURE_PREFIX}${topic}`
}

/** null for anything that is not a subject of this kind. */
export function parsePublishedSubject(subjectId: string): PublishedSubject | null {
  if (subjectId === TOLL_PERIOD_SUBJECT) return { kind: 'toll-period', subjectId }
  if (!subjectId.startsWith(MEASURE_PREFIX)) return null
  const measure = subjectId.slice(MEASURE_PREFIX.length)
  return (SUBSIDY_MEASURES as readonly string[]).includes(measure) ? { kind: 'measure', measure: measure as SubsidyMeasure, subjectId } : null
}

/** Every subject there is, for an import to compare. */
export function allPublishedSubjects(): PublishedSubject[] {
  return [
    ...SUBSIDY_MEASURES.map((measure): PublishedSubject => ({ kind: 'measure', measure, subjectId: publishedSubjectId(measure) })),
    { kind: 'toll-period', subjectId: TOLL_PERIOD_SUBJECT },
  ]
}

/** The title in 我的提醒 and in the message (a thing field: at most 20 characters). */
export function publishedSubjectTitle(subject: PublishedSubject): string {
  return subject.kind === 'toll-period' ? '“衢城畅行”新实施期' : `${MEASURE_LABEL[subject.measure].replace(/（.*）$/, '')}补贴新规则`
}

export interface PublishedState {
  /** Rule sets in force (bundled + the operator's override). */
  ruleSets: readonly SubsidyRuleSet[]
  toll: TollData
  /** 'YYYY-MM-DD' Shanghai: which rule set is "current". */
  today: string
}

/** JSON with object keys sorted: an override re-validated by a schema may list keys in another order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

/**
 * A stable text of what the subject's reminder watches. For a measure: the rule set in force today
 * and the measure's rule in it (absent, unknown or figures — whatever the data says); for the toll
 * scheme: the period's dates. Provenance edits (a source reworded) of the period do not count.
 */
export function publishedFingerprint(subject: PublishedSubject, state: PublishedState): string {
  if (subject.kind === 'toll-period') {
    const { from, to } = state.toll.period.value
    return canonicalJson({ from, to })
  }
  // Not findRuleSetForDate: its module holds the bundled rule sets (~25 KB of data and guide text),
  // which the 补贴 tab's 公布时提醒 offer would otherwise pull into the weapp main package.
  const ruleSet = state.ruleSets.find((item) => isDateWithin(state.today, item.effective.from, item.effective.to))
  return canonicalJson({ ruleSet: ruleSet?.id ?? null, rule: ruleSet?.measures[subject.measure] ?? null })
}

/** The subjects whose fingerprint differs between two states. */
export function changedPublishedSubjects(before: PublishedState, after: PublishedState): PublishedSubject[] {
  return allPublishedSubjects().filter((subject) => publishedFingerprint(subject, before) !== publishedFingerprint(subject, after))
}
