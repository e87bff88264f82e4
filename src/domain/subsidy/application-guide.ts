/**
 * 怎么申请: for each measure, the channel, the steps, the materials and the deadline, from the rule
 * set in force on a date. Clause (十四) promises "简化优化…补贴申领程序": a resident should see
 * the whole path at once, each line marked 待官方确认 where the source is not official.
 */
import { BUNDLED_SUBSIDY_RULE_SETS } from '../policy/subsidy-rule-sets'
import { weakestStatus, type GuideItem } from '../policy/subsidy-rules'
import { MEASURE_LABEL, type SubsidyMeasure } from '../policy/subsidy-vocabulary'
import { STATUS_LABEL, type FigureStatus } from '../policy/types'
import { checkMeasureAndDate, measureAvailability } from './measure-availability'
import type { QuoteOptions } from './quote-subsidy'

export interface GuideEntry extends GuideItem {
  statusLabel: string
}

export interface ApplicationGuide {
  measure: SubsidyMeasure
  label: string
  /** The measure has a rule in force on the date. */
  available: boolean
  /** The rule for the date has not been published: 待官方确认, not "no". */
  unpublished: boolean
  ruleSetId: string | null
  ruleSetTitle: string | null
  /** null when the rule set has no guide for the measure. */
  channel: GuideEntry | null
  steps: GuideEntry[]
  materials: GuideEntry[]
  notes: GuideEntry[]
  /** Last day to buy (the measure's period end) with the status of that date. */
  deadline: { date: string | null; status: FigureStatus; statusLabel: string } | null
  /** Some line or the deadline is not confirmed. */
  provisional: boolean
  unavailableReason: string | null
}

function entry(item: GuideItem): GuideEntry {
  return { ...item, statusLabel: STATUS_LABEL[item.status] }
}

export function applicationGuide(measure: SubsidyMeasure, date: string, options: QuoteOptions = {}): ApplicationGuide {
  const checked = checkMeasureAndDate(measure, date)
  const availability = measureAvailability(checked.measure, checked.date, options.ruleSets ?? BUNDLED_SUBSIDY_RULE_SETS)
  const { ruleSet, rule } = availability
  const data = (rule && ruleSet?.guides[checked.measure]) || null
  const deadlineStatus = rule && ruleSet ? weakestStatus([ruleSet.status, rule.effective.status]) : null
  const guide: ApplicationGuide = {
    measure: checked.measure,
    label: MEASURE_LABEL[checked.measure],
    available: availability.inForce,
    unpublished: availability.unpublished !== null,
    ruleSetId: ruleSet?.id ?? null,
    ruleSetTitle: ruleSet?.title ?? null,
    channel: data ? entry(data.channel) : null,
    steps: data ? data.steps.map(entry) : [],
    materials: data ? data.materials.map(entry) : [],
    notes: data ? data.notes.map(entry) : [],
    deadline:
      rule && deadlineStatus ? { date: rule.effective.to, status: deadlineStatus, statusLabel: STATUS_LABEL[deadlineStatus] } : null,
    provisional: false,
    unavailableReason: availability.reason ?? (data ? null : `${ruleSet?.title ?? ''}暂无${MEASURE_LABEL[checked.measure]}的申请指引`),
  }
  const statuses = [
    ...(guide.channel ? [guide.channel.status] : []),
    ...[...guide.steps, ...guide.materials, ...guide.notes].map((item) => item.status),
    ...(guide.deadline ? [guide.deadline.status] : []),
  ]
  guide.provisional = weakestStatus(statuses) !== 'confirmed'
  return guide
}
