/**
 * Builds the light overview (subsidy-overview.ts) from rule sets, with the same headlines as the
 * 补贴 tab would compute live (measureSummary on a day inside each measure's period).
 */
import { BUNDLED_SUBSIDY_RULE_SETS } from '../policy/subsidy-rule-sets'
import type { SubsidyRuleSet } from '../policy/subsidy-rules'
import { weakestStatus } from '../policy/subsidy-rules'
import { SUBSIDY_MEASURES } from '../policy/subsidy-vocabulary'
import { measureSummary } from './measure-summaries'
import type { MeasureOverview, RuleSetOverview } from './subsidy-overview'

export function buildSubsidyOverview(ruleSets: readonly SubsidyRuleSet[] = BUNDLED_SUBSIDY_RULE_SETS): RuleSetOverview[] {
  return ruleSets.map((ruleSet) => ({
    id: ruleSet.id,
    title: ruleSet.title,
    status: ruleSet.status,
    from: ruleSet.effective.from,
    to: ruleSet.effective.to,
    measures: SUBSIDY_MEASURES.flatMap((measure): MeasureOverview[] => {
      const rule = ruleSet.measures[measure]
      if (!rule) return []
      const summary = measureSummary(measure, rule.effective.from, { ruleSets })
      return [
        {
          measure,
          headline: summary.headline ?? '',
          details: summary.details,
          status: summary.status,
          from: rule.effective.from,
          to: rule.effective.to,
          periodStatus: weakestStatus([ruleSet.status, rule.effective.status]),
        },
      ]
    }),
    unpublished: SUBSIDY_MEASURES.flatMap((measure) => {
      const pending = ruleSet.measures[measure] ? undefined : ruleSet.unpublished?.[measure]
      return pending ? [{ measure, text: pending.text, source: pending.source }] : []
    }),
  }))
}
