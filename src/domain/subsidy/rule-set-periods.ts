/**
 * Where a date sits among the trade-in rule sets: which set is in force and which have ended. The
 * calculators use it to say "衢州 2025 年措施已于 2025-12-31 结束" and to offer a purchase date
 * inside each ended rule set, so a resident who bought in 2025 sees the 2025 rules.
 */
import { BUNDLED_SUBSIDY_RULE_SETS, findRuleSetForDate } from '../policy/subsidy-rule-sets'
import type { SubsidyRuleSet } from '../policy/subsidy-rules'

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
