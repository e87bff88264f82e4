/**
 * The working state of one quote while a measure's evaluator runs: the figures it used (with their
 * status and source), the conditions it failed, and the explanations and checks it adds.
 */
import type { DatedFigure, SubsidyRuleSet } from '../policy/subsidy-rules'
import { STATUS_LABEL, type EffectivePeriod, type FigureStatus } from '../policy/types'
import { isDateWithin } from '../time'
import { periodText } from './measure-availability'

/** A figure a quote relied on, ready to show with its status and source. */
export interface FigureUse {
  label: string
  /** The value as shown: '20%', '¥2,000', '2012-06-30 前（含）'. */
  display: string
  status: FigureStatus
  /** 已确认 or 待官方确认. */
  statusLabel: string
  clause: string
  /** Short citation, e.g. '衢政发〔2025〕4号（十四）'. */
  citation: string
  source: string
  note?: string
  effective: EffectivePeriod
}

export function describeFigure(ruleSet: SubsidyRuleSet, figure: DatedFigure<unknown>, display: string): FigureUse {
  return {
    label: figure.label,
    display,
    status: figure.status,
    statusLabel: STATUS_LABEL[figure.status],
    clause: figure.clause,
    citation: ruleSet.documents[figure.clause]?.citation ?? figure.clause,
    source: figure.source,
    ...(figure.note ? { note: figure.note } : {}),
    effective: { ...figure.effective },
  }
}

/** Collects the figures a quote uses, and the conditions it fails. */
export class QuoteDraft {
  readonly figures: FigureUse[] = []
  readonly failures: string[] = []
  readonly explanations: string[] = []
  /** Requirements not known yet, for the resident to check (never a ground for rejection). */
  readonly checks: string[] = []
  readonly checkLabels = new Set<string>()

  constructor(
    readonly ruleSet: SubsidyRuleSet,
    readonly date: string,
    readonly ruleSets: readonly SubsidyRuleSet[] = [],
  ) {}

  citation(clause: string): string {
    return this.ruleSet.documents[clause]?.citation ?? clause
  }

  /** Records a figure and returns its value; a figure not in force on the date is a failure. */
  use<T>(figure: DatedFigure<T>, display: string): T {
    if (!this.figures.some((used) => used.label === figure.label && used.clause === figure.clause)) {
      this.figures.push(describeFigure(this.ruleSet, figure, display))
    }
    if (!isDateWithin(this.date, figure.effective.from, figure.effective.to)) {
      this.failures.push(`“${figure.label}”的适用期为 ${periodText(figure.effective)}，购买日期 ${this.date} 不在其内`)
    }
    return figure.value
  }

  fail(reason: string): void {
    this.failures.push(reason)
  }

  /** A point the resident should check: listed with its source, never failed on. */
  check(figure: DatedFigure<string>): void {
    this.use(figure, figure.value)
    this.checkLabels.add(figure.label)
    this.checks.push(`请核对（待官方确认）：${figure.label}——${figure.value}`)
  }
}
