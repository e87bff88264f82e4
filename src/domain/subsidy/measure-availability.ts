/**
 * Whether a measure has a rule in force on a date, and if not, why — the same answer for a quote,
 * the 补贴 tab's headline and the 怎么申请 guide. A measure is in force when a rule set covers the
 * date, that set has a rule for the measure, and the date is inside the rule's own period
 * (digital products start on 2025-01-20, inside a set that starts on 2025-01-01).
 */
import type { SubsidyMeasureRules, SubsidyRuleSet, UnpublishedMeasure } from '../policy/subsidy-rules'
import { findRuleSetForDate } from '../policy/subsidy-rule-sets'
import { MEASURE_LABEL, SUBSIDY_MEASURES, type SubsidyMeasure } from '../policy/subsidy-vocabulary'
import type { EffectivePeriod } from '../policy/types'
import { assertDate, isDateWithin, TimeError } from '../time'
import { SubsidyInputError } from './subsidy-input'

export type MeasureRule<M extends SubsidyMeasure = SubsidyMeasure> = NonNullable<SubsidyMeasureRules[M]>

export interface MeasureAvailability<M extends SubsidyMeasure = SubsidyMeasure> {
  /** The rule set covering the date, if any. */
  ruleSet: SubsidyRuleSet | undefined
  /** The measure's rule in that set, if any (also when the date is outside the rule's period). */
  rule: MeasureRule<M> | undefined
  inForce: boolean
  /**
   * Set when the rule for the date is not known: the rule set lists the measure as unpublished, or
   * no rule set covers the date (a year the app has no data for yet). The answer is then
   * 尚未公布（待官方确认）, never "no subsidy".
   */
  unpublished: UnpublishedMeasure | null
  /** Chinese, when not in force. */
  reason: string | null
}

/** For a date after every rule set the app carries: nobody has told the app the rule yet. */
function noDataYet(label: string, date: string, latestEnd: string | null): UnpublishedMeasure {
  return {
    text: `${date.slice(0, 4)} 年${label}补贴的规则尚未公布（本应用收录的规则截至 ${latestEnd}），待官方确认`,
    clause: '',
    source: '本应用暂定：尚未收录这一时期的补贴规则',
    status: 'unknown',
  }
}

export function periodText(period: EffectivePeriod): string {
  return period.to ? `${period.from} 至 ${period.to}` : `${period.from} 起`
}

/** When the measure ran in the other rule sets we know, for "no rule on this date" reasons. */
function otherPeriodsText(measure: SubsidyMeasure, ruleSets: readonly SubsidyRuleSet[], exceptId?: string): string {
  const periods = ruleSets
    .filter((ruleSet) => ruleSet.id !== exceptId && ruleSet.measures[measure])
    .map((ruleSet) => `${ruleSet.title}：${periodText(ruleSet.measures[measure]!.effective)}`)
  return periods.length > 0 ? `（本程序收录的${MEASURE_LABEL[measure]}补贴期：${periods.join('；')}）` : ''
}

export function measureAvailability<M extends SubsidyMeasure>(
  measure: M,
  date: string,
  ruleSets: readonly SubsidyRuleSet[],
): MeasureAvailability<M> {
  const label = MEASURE_LABEL[measure]
  const ruleSet = findRuleSetForDate(date, ruleSets)
  if (!ruleSet) {
    const ends = ruleSets.map((item) => item.effective.to)
    const latestEnd = ends.includes(null)
      ? null
      : ends.reduce<string | null>((latest, end) => (latest === null || (end ?? '') > latest ? end : latest), null)
    if (latestEnd !== null && date > latestEnd) {
      const unknown = noDataYet(label, date, latestEnd)
      return { ruleSet, rule: undefined, inForce: false, unpublished: unknown, reason: unknown.text }
    }
    const known = ruleSets.map((item) => `${item.title} ${periodText(item.effective)}`).join('；')
    return {
      ruleSet,
      rule: undefined,
      inForce: false,
      unpublished: null,
      reason: `${date} 不在本应用收录的任何一套补贴规则的有效期内（已收录：${known}）`,
    }
  }
  const rule = (ruleSet.measures[measure] ?? undefined) as MeasureRule<M> | undefined
  if (!rule) {
    const pending = ruleSet.unpublished?.[measure]
    if (pending) return { ruleSet, rule, inForce: false, unpublished: pending, reason: pending.text }
    return {
      ruleSet,
      rule,
      inForce: false,
      unpublished: null,
      reason: `${ruleSet.title}中没有${label}补贴${otherPeriodsText(measure, ruleSets, ruleSet.id)}`,
    }
  }
  if (!isDateWithin(date, rule.effective.from, rule.effective.to)) {
    const reason =
      date < rule.effective.from ? `${label}补贴自 ${rule.effective.from} 起实施` : `${label}补贴已于 ${rule.effective.to} 结束`
    return { ruleSet, rule, inForce: false, unpublished: null, reason }
  }
  return { ruleSet, rule, inForce: true, unpublished: null, reason: null }
}

/** Checks a measure id and a date given to the summary and guide functions. */
export function checkMeasureAndDate(measure: unknown, date: unknown): { measure: SubsidyMeasure; date: string } {
  if (typeof measure !== 'string' || !(SUBSIDY_MEASURES as readonly string[]).includes(measure)) {
    throw new SubsidyInputError('SUBSIDY_UNKNOWN_MEASURE', '补贴项目不在可选范围内，请从列表中选择', 'measure')
  }
  try {
    return { measure: measure as SubsidyMeasure, date: assertDate(date, 'date') }
  } catch (error) {
    if (error instanceof TimeError) throw new SubsidyInputError('SUBSIDY_INVALID_DATE', `日期：${error.message}`, 'date')
    throw error
  }
}
