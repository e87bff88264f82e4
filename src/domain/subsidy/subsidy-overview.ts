/**
 * A light overview of the trade-in measures for the 补贴 tab, which lives in the mini-program's
 * main package: the headline, status and period of every measure in every rule set, as plain
 * strings, so the tab can say what applies today without carrying the rule data and the quote
 * engine (about 70 KB; they load with the calculators' subpackage).
 *
 * The overview is built from the rule sets by buildSubsidyOverview (subsidy-overview-build.ts) and
 * shipped as SUBSIDY_OVERVIEW (subsidy-overview-snapshot.ts); the server builds it again from the
 * rule sets in force (GET /api/v1/policy `subsidyOverview`), so an operator's override reaches the tab. A test rebuilds it from the bundled
 * rule sets and checks, for every boundary date, that overviewOn answers exactly as
 * measureSummaries does — so the snapshot cannot drift from the data.
 */
import type { FigureStatus } from '../policy/types'
import { MEASURE_LABEL, SUBSIDY_MEASURES, type SubsidyMeasure } from '../policy/subsidy-vocabulary'
import { isDateWithin } from '../time'

export interface MeasureOverview {
  measure: SubsidyMeasure
  /** '一级能效 20% · 二级能效 15% · 最高 ¥2,000/件'. */
  headline: string
  details: string[]
  /** Of the headline (rule set, measure period and the figures in it). */
  status: FigureStatus
  /** The measure's own period inside its rule set (digital 2025 starts on 2025-01-20). */
  from: string
  to: string | null
  /** Status of the period, i.e. of the deadline. */
  periodStatus: FigureStatus
}

export interface RuleSetOverview {
  id: string
  title: string
  status: FigureStatus
  from: string
  to: string | null
  /** Measures with a rule in this set. */
  measures: MeasureOverview[]
  /** Measures whose rule for this period is not published yet (待公布); absent in older snapshots. */
  unpublished?: UnpublishedOverview[]
}

export interface UnpublishedOverview {
  measure: SubsidyMeasure
  /** Chinese: what is not known yet, e.g. 2026 年家居换新补贴的规则尚未公布…待官方确认. */
  text: string
  /** A public document, or 本应用暂定 with the reason. */
  source: string
}

export interface MeasureOnDate {
  measure: SubsidyMeasure
  label: string
  /** The rule in force on the date, or null. */
  current: MeasureOverview | null
  /** Chinese, when nothing is in force on the date. */
  unavailableReason: string | null
  /** Set when the rule for the date is not published: shown as 待公布 with a reminder offer, never ✗. */
  unpublished: UnpublishedOverview | null
  /** The latest earlier period of the measure (for "以前：…，已结束"), or null. */
  past: { ruleSet: RuleSetOverview; measure: MeasureOverview } | null
}

export interface OverviewOnDate {
  date: string
  /** The rule set covering the date, if any. */
  ruleSet: RuleSetOverview | null
  /** Rule sets that ended before the date, latest first. */
  ended: RuleSetOverview[]
  measures: MeasureOnDate[]
}

function unavailableReason(label: string, date: string, ruleSet: RuleSetOverview | null, rule: MeasureOverview | undefined): string {
  if (!ruleSet) return `${date} 不在本应用收录的任何一套补贴规则的有效期内`
  if (!rule) return `${ruleSet.title}中没有${label}补贴`
  return date < rule.from ? `${label}补贴自 ${rule.from} 起实施` : `${label}补贴已于 ${rule.to} 结束`
}

/** A date after every known rule set: the next period's rule is simply not known yet. */
function afterAll(date: string, overview: readonly RuleSetOverview[], measure: SubsidyMeasure): UnpublishedOverview | undefined {
  if (overview.length === 0 || overview.some((set) => set.to === null || set.to >= date)) return undefined
  const ends = overview.map((set) => set.to ?? '').sort()
  const latestEnd = ends[ends.length - 1]
  return {
    measure,
    text: `${date.slice(0, 4)} 年${MEASURE_LABEL[measure]}补贴的规则尚未公布（本应用收录的规则截至 ${latestEnd}），待官方确认`,
    source: '本应用暂定：尚未收录这一时期的补贴规则',
  }
}

/** What the tab shows on `date` (Shanghai 'YYYY-MM-DD'), from an overview (default: the bundled one). */
export function overviewOn(date: string, overview: readonly RuleSetOverview[]): OverviewOnDate {
  const ruleSet = overview.find((set) => isDateWithin(date, set.from, set.to)) ?? null
  const ended = overview.filter((set) => set.to !== null && set.to < date).sort((a, b) => (b.to ?? '').localeCompare(a.to ?? ''))
  const measures = SUBSIDY_MEASURES.map((measure): MeasureOnDate => {
    const label = MEASURE_LABEL[measure]
    const rule = ruleSet?.measures.find((item) => item.measure === measure)
    const inForce = rule !== undefined && isDateWithin(date, rule.from, rule.to)
    const unpublished =
      inForce || rule
        ? null
        : ((ruleSet ? ruleSet.unpublished?.find((item) => item.measure === measure) : afterAll(date, overview, measure)) ?? null)
    let past: MeasureOnDate['past'] = null
    for (const set of overview) {
      const earlier = set.measures.find((item) => item.measure === measure)
      if (earlier?.to && earlier.to < date && (!past || earlier.to > (past.measure.to ?? ''))) past = { ruleSet: set, measure: earlier }
    }
    return {
      measure,
      label,
      current: inForce ? rule : null,
      unavailableReason: inForce ? null : unpublished ? unpublished.text : unavailableReason(label, date, ruleSet, rule),
      unpublished,
      past: inForce ? null : past,
    }
  })
  return { date, ruleSet, ended, measures }
}
