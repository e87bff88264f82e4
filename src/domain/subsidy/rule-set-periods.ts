/**
 * Where a date sits among the trade-in rule sets: which set is in force and which have ended. The
 * calculators use it to say "衢州 2025 年措施已于 2025-12-31 结束" and to offer a purchase date
 * inside each ended rule set, so a resident who bought in 2025 sees the 2025 rules.
 */
import { BUNDLED_SUBSIDY_RULE_SETS, findRuleSetForDate } from '../policy/subsidy-rule-sets'
import type { SubsidyRuleSet } from '../policy/subsidy-rules'
import type { SubsidyMeasure } from '../policy/subsidy-vocabulary'
import { addMonths, formatChineseDate, type QuickPick } from '../time/date-picks'

export interface RuleSetTimeline {
  /** The set in force on the date, if any. */
  current: SubsidyRuleSet | undefined
  /** Sets whose period ended before the date, latest first. */
  ended: SubsidyRuleSet[]
}

export function ruleSetTimeline(date: string, ruleSets: readonly SubsidyRuleSet[] = BUNDLED_SUBSIDY_RULE_SETS): RuleSetTimeline {
  const ended = ruleSets.filter((ruleSet) => ruleSet.effective.to !== null && ruleSet.effective.to < date)
  return {
    current: findRuleSetForDate(date, ruleSets),
    ended: [...ended].sort((a, b) => (b.effective.to ?? '').localeCompare(a.effective.to ?? '')),
  }
}

export interface QuickDate {
  date: string
  /** '今天', '2025 年内'. */
  label: string
  /** The rule set in force on that date, if any. */
  ruleSetId: string | null
}

function periodLabel(ruleSet: SubsidyRuleSet): string {
  const { from, to } = ruleSet.effective
  if (to && from.slice(0, 4) === to.slice(0, 4)) return `${from.slice(0, 4)} 年内`
  return to ? `${from} 至 ${to}` : `${from} 起`
}

/**
 * Purchase dates a calculator offers with one tap: today, and the last day of every rule set that
 * has ended (still inside it, so the quote uses that set). Latest first.
 */
export function quickPurchaseDates(today: string, ruleSets: readonly SubsidyRuleSet[] = BUNDLED_SUBSIDY_RULE_SETS): QuickDate[] {
  const { current, ended } = ruleSetTimeline(today, ruleSets)
  const dates: QuickDate[] = [{ date: today, label: '今天', ruleSetId: current?.id ?? null }]
  for (const ruleSet of ended) dates.push({ date: ruleSet.effective.to!, label: periodLabel(ruleSet), ruleSetId: ruleSet.id })
  return dates
}

/** Whether `ruleSet` says anything about one of `measures`: a rule, or that its rule is not published yet. */
function coversMeasure(ruleSet: SubsidyRuleSet, measures: readonly SubsidyMeasure[]): boolean {
  return measures.some((measure) => Boolean(ruleSet.measures[measure]) || Boolean(ruleSet.unpublished?.[measure]))
}

function firstDayLabel(from: string): string {
  return from.endsWith('-01-01') ? `${from.slice(0, 4)} 年首日` : formatChineseDate(from)
}

/**
 * The one-tap purchase dates of a calculator's date field (issue 15, "quick picks that fit the
 * measure"), in this order:
 * - 今天;
 * - 上个月: the same day one month back (3-31 → 2-28). "上个月买的" is how people remember it;
 *   the same day keeps the distance from today that application windows count, and unlike the
 *   month's first or last day it never lands on a rule set's boundary that the picks below
 *   already offer;
 * - for each rule set that covers the measure (a rule, or 尚未公布), latest first: its last day
 *   once it has ended (labelled like "2025 年内": a purchase made under those rules) and its first
 *   day once it has begun, so both sides of a change of rules are one tap away.
 * Dates after today are never offered; the field drops duplicates and dates outside its range.
 */
export function purchaseDatePicks(
  today: string,
  ruleSets: readonly SubsidyRuleSet[],
  measures: readonly SubsidyMeasure[],
): QuickPick[] {
  const picks: QuickPick[] = [
    { label: '今天', date: today },
    { label: '上个月', date: addMonths(today, -1) },
  ]
  const relevant = ruleSets
    .filter((ruleSet) => coversMeasure(ruleSet, measures) && ruleSet.effective.from < today)
    .sort((a, b) => b.effective.from.localeCompare(a.effective.from))
  for (const ruleSet of relevant) {
    const { from, to } = ruleSet.effective
    if (to !== null && to < today) picks.push({ label: periodLabel(ruleSet), date: to })
    picks.push({ label: firstDayLabel(from), date: from })
  }
  return picks
}
