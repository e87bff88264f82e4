/**
 * Headlines for the 补贴 tab: one per measure of clause (十四), written from the rule set in
 * force on a date (家电 一级能效 20% · 二级能效 15% · 最高 ¥2,000/件), with its status and
 * deadline. Nothing here is typed by hand: change a figure in the data and the headline follows.
 */
import { formatFen, type Fen } from '../money'
import { BUNDLED_SUBSIDY_RULE_SETS } from '../policy/subsidy-rule-sets'
import {
  weakestStatus,
  type CarAmountRule,
  type DatedFigure,
  type GradeKey,
  type GradedRates,
  type SourcedPeriod,
  type SubsidyRuleSet,
} from '../policy/subsidy-rules'
import {
  APPLIANCE_CATEGORY_LABEL,
  DIGITAL_CATEGORY_LABEL,
  ENERGY_GRADE_LABEL,
  MEASURE_LABEL,
  NEW_CAR_ENERGIES,
  NEW_CAR_ENERGY_LABEL,
  OLD_CAR_FUEL_LABEL,
  OLD_CAR_FUELS,
  RENOVATION_KIND_LABEL,
  RENOVATION_KINDS,
  SUBSIDY_MEASURES,
  type EnergyGrade,
  type SubsidyMeasure,
} from '../policy/subsidy-vocabulary'
import { STATUS_LABEL, type FigureStatus } from '../policy/types'
import { checkMeasureAndDate, measureAvailability, type MeasureRule } from './measure-availability'
import { describeFigure, type FigureUse, type QuoteOptions } from './quote-subsidy'
import { formatLitres, formatPercent } from './subsidy-amount'

export interface MeasureSummary {
  measure: SubsidyMeasure
  label: string
  /** A rule is in force on the date. */
  available: boolean
  /** e.g. '一级能效 20% · 二级能效 15% · 最高 ¥2,000/件'; null when the rule set has no rule. */
  headline: string | null
  /** Further lines: categories, per-person limits, conditions. */
  details: string[]
  /** The least certain status among the rule set, the measure's dates and the figures shown. */
  status: FigureStatus
  statusLabel: string
  provisional: boolean
  /** Last day (inclusive) of the measure; null when open-ended or no rule. */
  deadline: string | null
  effective: SourcedPeriod | null
  ruleSetId: string | null
  ruleSetTitle: string | null
  /** The figures behind the headline and details, each with status and source. */
  figures: FigureUse[]
  /** Chinese, when not available on the date. */
  unavailableReason: string | null
  /** Set when the rule for the date has not been published: 待公布, not "no". */
  unpublished: { text: string; source: string } | null
}

const shortMoney = (fen: Fen) => formatFen(fen, { trimZeros: true })

/**
 * Collects the figures a summary shows. Figures in the headline decide its status; figures only
 * in the details (an unknown per-person cap) are listed with their own status but do not mark a
 * confirmed headline as 待官方确认.
 */
class SummaryDraft {
  readonly figures: FigureUse[] = []
  readonly headlineStatuses: FigureStatus[] = []
  constructor(readonly ruleSet: SubsidyRuleSet) {}

  show<T>(figure: DatedFigure<T>, display: string): string {
    this.headlineStatuses.push(figure.status)
    return this.detail(figure, display)
  }

  detail<T>(figure: DatedFigure<T>, display: string): string {
    this.figures.push(describeFigure(this.ruleSet, figure, display))
    return display
  }
}

function gradedRatesText(draft: SummaryDraft, rates: GradedRates, otherLabel: string): string[] {
  const parts = (Object.keys(rates.byGrade) as GradeKey[]).sort().map((key) => {
    const figure = rates.byGrade[key]!
    return `${ENERGY_GRADE_LABEL[Number(key) as EnergyGrade]} ${draft.show(figure, formatPercent(figure.value))}`
  })
  if (rates.otherGrades) parts.unshift(`${otherLabel} ${draft.show(rates.otherGrades, formatPercent(rates.otherGrades.value))}`)
  return parts
}

function carAmountText(draft: SummaryDraft, rule: CarAmountRule): string {
  switch (rule.basis) {
    case 'fixed':
      return draft.show(rule.amountFen, shortMoney(rule.amountFen.value))
    case 'rate':
      return `${draft.show(rule.ratePercent, formatPercent(rule.ratePercent.value))}（最高 ${draft.show(rule.capFen, shortMoney(rule.capFen.value))}）`
    case 'tiers':
      draft.show(rule.tiers, rule.tiers.value.map((tier) => `${shortMoney(tier.minPriceFen)} 起 ${shortMoney(tier.amountFen)}`).join('；'))
      return `最高 ${draft.show(rule.capFen, shortMoney(rule.capFen.value))}（按新车价分档）`
  }
}

function catalogueDetail(draft: SummaryDraft, figure: DatedFigure<boolean> | null | undefined): string[] {
  if (!figure?.value) return []
  return [draft.detail(figure, '新能源新车须列入《减免车辆购置税的新能源汽车车型目录》')]
}

/** Requirements not known yet: listed as 待官方确认, never as conditions. */
function pointDetails(draft: SummaryDraft, points: DatedFigure<string>[] | undefined): string[] {
  return (points ?? []).map((point) => draft.detail(point, `待官方确认：${point.value}`))
}

function describe(measure: SubsidyMeasure, rule: MeasureRule, draft: SummaryDraft): { headline: string; details: string[] } {
  switch (measure) {
    case 'appliance': {
      const appliance = rule as MeasureRule<'appliance'>
      const rates = gradedRatesText(draft, appliance.rates, '其他')
      const cap = draft.show(appliance.capFen, `${shortMoney(appliance.capFen.value)}/件`)
      const categories = appliance.categories.value.map((id) => APPLIANCE_CATEGORY_LABEL[id])
      draft.detail(appliance.categories, categories.join('、'))
      const limit = appliance.perPersonLimit.value
      const exceptions = Object.entries(limit.byCategory).map(
        ([id, count]) => `${APPLIANCE_CATEGORY_LABEL[id as keyof typeof APPLIANCE_CATEGORY_LABEL]} ${count} 件`,
      )
      const limitText = `每人每类 ${limit.perCategory} 件${exceptions.length ? `（${exceptions.join('，')}）` : ''}`
      draft.detail(appliance.perPersonLimit, limitText)
      return { headline: [...rates, `最高 ${cap}`].join(' · '), details: [`${categories.length} 类：${categories.join('、')}`, limitText] }
    }
    case 'furniture': {
      const furniture = rule as MeasureRule<'furniture'>
      const rates = gradedRatesText(draft, furniture.rates, '售价')
      const cap = draft.show(furniture.capFen, `${shortMoney(furniture.capFen.value)}/件`)
      const total = furniture.perPersonTotalCapFen.value
      const totalText = draft.detail(
        furniture.perPersonTotalCapFen,
        total === null ? '每人累计上限未公布' : `每人累计最高 ${shortMoney(total)}`,
      )
      return { headline: [...rates, `最高 ${cap}`].join(' · '), details: ['普通成品家居（床、桌椅等）', totalText] }
    }
    case 'digital': {
      const digital = rule as MeasureRule<'digital'>
      const limit = draft.show(digital.priceLimitFen, shortMoney(digital.priceLimitFen.value))
      const rate = draft.show(digital.ratePercent, formatPercent(digital.ratePercent.value))
      const cap = draft.show(digital.capFen, `${shortMoney(digital.capFen.value)}/件`)
      const categories = digital.categories.value.map((id) => DIGITAL_CATEGORY_LABEL[id]).join('、')
      draft.detail(digital.categories, categories)
      const perPerson = draft.detail(digital.perPersonLimit, `每人每类 ${digital.perPersonLimit.value.perCategory} 件`)
      return { headline: `单价 ${limit} 以下 ${rate} · 最高 ${cap}`, details: [`${categories}（含 ${limit}）`, perPerson] }
    }
    case 'car-scrap': {
      const scrap = rule as MeasureRule<'car-scrap'>
      const amounts = NEW_CAR_ENERGIES.map((energy) => `${NEW_CAR_ENERGY_LABEL[energy]} ${carAmountText(draft, scrap.amounts[energy])}`)
      const litres = draft.detail(scrap.fuelMaxDisplacementL, `${formatLitres(scrap.fuelMaxDisplacementL.value)} 升及以下`)
      const registeredRule = scrap.oldCarRegisteredOnOrBefore
      const registered = registeredRule
        ? draft.detail(
            registeredRule,
            OLD_CAR_FUELS.map((fuel) => `${OLD_CAR_FUEL_LABEL[fuel]} ${registeredRule.value[fuel]} 前`).join('，'),
          )
        : null
      const ownedRule = scrap.oldCarOwnedOnOrBefore
      const owned = ownedRule ? draft.detail(ownedRule, `${ownedRule.value} 前（含）`) : null
      return {
        headline: amounts.join(' · '),
        details: [
          `燃油新车排量 ${litres}`,
          ...catalogueDetail(draft, scrap.nevOnTaxExemptionCatalogue),
          ...(registered ? [`旧车注册登记：${registered}（含）`] : []),
          ...(owned ? [`旧车 ${owned}登记在本人名下`] : []),
          ...pointDetails(draft, scrap.pointsToCheck),
        ],
      }
    }
    case 'car-replace': {
      const replace = rule as MeasureRule<'car-replace'>
      const amounts = NEW_CAR_ENERGIES.map((energy) => `${NEW_CAR_ENERGY_LABEL[energy]} ${carAmountText(draft, replace.amounts[energy])}`)
      const ownedRule = replace.oldCarOwnedOnOrBefore
      const owned = ownedRule ? draft.detail(ownedRule, `${ownedRule.value} 前（含）`) : null
      const perYear = draft.detail(replace.perPersonPerYear, `每人每年 ${replace.perPersonPerYear.value} 次`)
      return {
        headline: amounts.join(' · '),
        details: [
          ...catalogueDetail(draft, replace.nevOnTaxExemptionCatalogue),
          ...(owned ? [`旧车 ${owned}登记在本人名下`] : []),
          perYear,
          ...pointDetails(draft, replace.pointsToCheck),
        ],
      }
    }
    case 'ebike': {
      const ebike = rule as MeasureRule<'ebike'>
      const base = draft.show(ebike.baseAmountFen, shortMoney(ebike.baseAmountFen.value))
      const extras = ebike.extras.map((extra) => `${extra.label} ${draft.show(extra, `加 ${shortMoney(extra.value.amountFen)}`)}`)
      // Each condition only while the data requires it: an operator may drop one without a code change.
      const details = [
        ebike.requireRecycling.value ? draft.detail(ebike.requireRecycling, '旧车交售给合格回收企业') : null,
        ebike.requireCompliantNewBike.value ? draft.detail(ebike.requireCompliantNewBike, '新车有 CCC 认证并符合 GB 17761-2024') : null,
      ].filter((detail): detail is string => detail !== null)
      return { headline: [`交旧购新 ${base}`, ...extras].join(' · '), details }
    }
    case 'renovation': {
      const renovation = rule as MeasureRule<'renovation'>
      const groups = new Map<string, string[]>()
      const caps = new Set<number>()
      for (const kind of RENOVATION_KINDS) {
        const kindRule = renovation.kinds[kind]
        if (!kindRule) continue
        const text = gradedRatesText(draft, kindRule.rates, '').join('，').trim()
        groups.set(text, [...(groups.get(text) ?? []), RENOVATION_KIND_LABEL[kind]])
        caps.add(kindRule.capFen.value)
        draft.show(kindRule.capFen, `${shortMoney(kindRule.capFen.value)}/件`)
      }
      const rates = [...groups.entries()].map(([text, kinds]) => `${kinds.join('、')} ${text}`)
      const capText = caps.size === 1 ? [`最高 ${shortMoney([...caps][0])}/件`] : []
      const total = renovation.perPersonTotalCapFen.value
      const totalText = draft.detail(
        renovation.perPersonTotalCapFen,
        total === null ? '每人累计上限未公布' : `每人累计最高 ${shortMoney(total)}`,
      )
      return { headline: [...rates, ...capText].join(' · '), details: ['旧房装修、厨卫等局部改造、居家适老化改造', totalText] }
    }
  }
}

/** The headline of one measure on a date (Shanghai 'YYYY-MM-DD'). */
export function measureSummary(measure: SubsidyMeasure, date: string, options: QuoteOptions = {}): MeasureSummary {
  const checked = checkMeasureAndDate(measure, date)
  const ruleSets = options.ruleSets ?? BUNDLED_SUBSIDY_RULE_SETS
  const availability = measureAvailability(checked.measure, checked.date, ruleSets)
  const { ruleSet, rule } = availability
  const summary: MeasureSummary = {
    measure: checked.measure,
    label: MEASURE_LABEL[checked.measure],
    available: availability.inForce,
    headline: null,
    details: [],
    status: ruleSet?.status ?? 'confirmed',
    statusLabel: '',
    provisional: false,
    deadline: rule?.effective.to ?? null,
    effective: rule ? { ...rule.effective } : null,
    ruleSetId: ruleSet?.id ?? null,
    ruleSetTitle: ruleSet?.title ?? null,
    figures: [],
    unavailableReason: availability.reason,
    unpublished: availability.unpublished ? { text: availability.unpublished.text, source: availability.unpublished.source } : null,
  }
  if (availability.unpublished) summary.status = 'unknown'
  if (ruleSet && rule) {
    const draft = new SummaryDraft(ruleSet)
    const { headline, details } = describe(checked.measure, rule, draft)
    summary.headline = headline
    summary.details = details
    summary.figures = draft.figures
    summary.status = weakestStatus([ruleSet.status, rule.effective.status, ...draft.headlineStatuses])
  }
  summary.statusLabel = STATUS_LABEL[summary.status]
  summary.provisional = summary.status !== 'confirmed'
  return summary
}

/** Every measure of clause (十四), in tab order, as in force on `date`. */
export function measureSummaries(date: string, options: QuoteOptions = {}): MeasureSummary[] {
  return SUBSIDY_MEASURES.map((measure) => measureSummary(measure, date, options))
}
