/**
 * quoteSubsidy: how much a resident gets back for one purchase under clause (十四), with the
 * working, the reasons and the source of every figure used.
 *
 * 1. The purchase date picks the rule set in force (quzhou-2025, national-2026, or an operator's
 *    override); no rule set, no rule for the measure, or a date outside the measure's own period
 *    (digital products from 2025-01-20) → not eligible, and the reason says which.
 * 2. The measure's conditions (category, grade, price limit, car dates and displacement, e-bike
 *    recycling and compliance) are checked; every failed one is a reason.
 * 3. The amount is computed from figures only (subsidy-amount.ts): price × rate rounded half up
 *    to the fen, then capped; fixed amounts, tiers and sums where the policy pays that way.
 * Malformed input throws SubsidyInputError (subsidy-input.ts); valid input never throws.
 */
import { formatFen, type Fen } from '../money'
import { BUNDLED_SUBSIDY_RULE_SETS } from '../policy/subsidy-rule-sets'
import type { CarAmountRule, DatedFigure, GradeKey, GradedRates, SourcedPeriod, SubsidyRuleSet } from '../policy/subsidy-rules'
import {
  APPLIANCE_CATEGORY_LABEL,
  DIGITAL_CATEGORY_LABEL,
  EBIKE_BATTERY_LABEL,
  ENERGY_GRADE_LABEL,
  MEASURE_LABEL,
  NEW_CAR_ENERGY_LABEL,
  NO_ENERGY_LABEL,
  OLD_CAR_FUEL_LABEL,
  RENOVATION_KIND_LABEL,
  type EnergyGrade,
  type SubsidyMeasure,
} from '../policy/subsidy-vocabulary'
import {
  fixedAmount,
  formatLitres,
  formatPercent,
  rateAmount,
  sumAmount,
  tierAmount,
  type AmountOutcome,
  type SubsidyWorking,
} from './subsidy-amount'
import { parseSubsidyInput, SubsidyInputError, type ParsedSubsidyInput, type SubsidyInput } from './subsidy-input'
import { STATUS_LABEL, type EffectivePeriod, type FigureStatus } from '../policy/types'
import { isDateWithin, todayInShanghai } from '../time'
import { measureAvailability, periodText } from './measure-availability'

/** `ruleSetId` of a quote whose date no rule set covers. */
export const NO_RULE_SET_ID = 'none'

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

/** A document behind a quote; `text` is the clause (verbatim when `verbatim`) for "tap to read". */
export interface QuoteSource {
  clause: string
  citation: string
  title: string
  text: string
  verbatim: boolean
}

export interface SubsidyQuote {
  measure: SubsidyMeasure
  /** '家电', '汽车报废更新'… */
  measureLabel: string
  /** What was bought, e.g. '空调（一级能效）'. */
  itemLabel: string
  purchaseDate: string
  priceFen: Fen
  eligible: boolean
  /** Integer fen; 0 when not eligible. */
  amountFen: Fen
  ratePercent?: number
  capFen?: Fen
  /** Digital products: the highest price that qualifies (inclusive). */
  priceLimitFen?: Fen
  /** null when not eligible. */
  working: SubsidyWorking | null
  /** Above this price the amount stops growing (售价超过 ¥10,000 补贴不再增加); null when not eligible. */
  capBindsAboveFen: Fen | null
  capNote: string | null
  /** Chinese, the binding rule named, in reading order. */
  reasons: string[]
  ruleSetId: string
  ruleSetTitle: string | null
  /** The measure's period in the rule set applied, with its own status. */
  effective: SourcedPeriod | null
  /** Last day of the measure (effective.to); null when open-ended or no rule applies. */
  deadline: string | null
  /** True when the rule set, the measure's period or any figure used is not confirmed. */
  provisional: boolean
  statusLabel: string
  figures: FigureUse[]
  provisionalFigures: FigureUse[]
  sources: QuoteSource[]
  /** In a basket: indexes of earlier items this one conflicts with; otherwise empty. */
  conflictsWith: number[]
  /**
   * Present when the rule for the purchase date has not been published (2026 furniture, e-bikes,
   * renovation): not eligible *yet*, status 待官方确认; the screen offers a reminder instead of ✗.
   */
  unpublished?: { text: string; source: string }
}

/**
 * Said with every quote: the programme pays from a limited fund on its own terms (the 2026
 * notice 发改环资〔2025〕1745号 stresses fighting 骗补套补), so an amount here is never a promise.
 */
export const ESTIMATE_NOTE = '本应用的结果是估算：补贴资金和名额有限，按活动规则发放，以实际核销为准'

export interface QuoteOptions {
  /** Rule sets in force (bundled, or the result of applySubsidyOverrides). */
  ruleSets?: readonly SubsidyRuleSet[]
  /** Today in Shanghai ('YYYY-MM-DD'; default: the clock): a purchase after it is refused. */
  today?: string
}

const shortMoney = (fen: Fen) => formatFen(fen, { trimZeros: true })
const money = (fen: Fen) => formatFen(fen)

function gradeLabel(grade: EnergyGrade | null): string {
  return grade === null ? NO_ENERGY_LABEL : ENERGY_GRADE_LABEL[grade]
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

export function sourcesOf(ruleSet: SubsidyRuleSet, clauses: string[]): QuoteSource[] {
  return [...new Set(clauses)].filter((clause) => ruleSet.documents[clause]).map((clause) => ({ clause, ...ruleSet.documents[clause] }))
}

/** Collects the figures a quote uses, and the conditions it fails. */
class QuoteDraft {
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

/** 2026: the new NEV must be on 减免车辆购置税的新能源汽车车型目录 — asked, not assumed. */
function checkCatalogue(
  draft: QuoteDraft,
  figure: DatedFigure<boolean> | null | undefined,
  input: { newCarEnergy: string; newCarOnTaxExemptionCatalogue?: boolean },
): void {
  if (!figure || input.newCarEnergy !== 'nev') return
  if (!draft.use(figure, '须列入')) return
  if (input.newCarOnTaxExemptionCatalogue === false) {
    draft.fail(`新能源新车须列入《减免车辆购置税的新能源汽车车型目录》才能补贴；您选了“不在目录内”（${draft.citation(figure.clause)}）`)
  } else if (input.newCarOnTaxExemptionCatalogue === undefined) {
    draft.checks.push('请核对：新能源新车须列入《减免车辆购置税的新能源汽车车型目录》（可在工业和信息化部网站按车型查询）')
  }
}

function rateFor(draft: QuoteDraft, rates: GradedRates, grade: EnergyGrade | null): number | null {
  const figure = (grade === null ? undefined : rates.byGrade[String(grade) as GradeKey]) ?? rates.otherGrades
  if (!figure) return null
  return draft.use(figure, formatPercent(figure.value))
}

function qualifyingGradesText(rates: GradedRates): string {
  const grades = (Object.keys(rates.byGrade) as GradeKey[]).sort().map((key) => ENERGY_GRADE_LABEL[Number(key) as EnergyGrade])
  return grades.join('、')
}

function capFigure(draft: QuoteDraft, figure: DatedFigure<number>, unit: string): Fen {
  return draft.use(figure, `${shortMoney(figure.value)}${unit}`)
}

function carAmount(draft: QuoteDraft, rule: CarAmountRule, priceFen: Fen): AmountOutcome {
  switch (rule.basis) {
    case 'fixed':
      return fixedAmount(priceFen, draft.use(rule.amountFen, shortMoney(rule.amountFen.value)))
    case 'rate':
      return rateAmount(priceFen, draft.use(rule.ratePercent, formatPercent(rule.ratePercent.value)), capFigure(draft, rule.capFen, '/辆'))
    case 'tiers': {
      const tiers = draft.use(
        rule.tiers,
        rule.tiers.value.map((tier) => `${shortMoney(tier.minPriceFen)} 起 ${shortMoney(tier.amountFen)}`).join('；'),
      )
      return tierAmount(priceFen, tiers, capFigure(draft, rule.capFen, '/辆'))
    }
  }
}

type Evaluation =
  | { outcome: AmountOutcome; itemLabel: string; ratePercent?: number; capFen?: Fen; priceLimitFen?: Fen }
  | { itemLabel: string; outcome: null; priceLimitFen?: Fen }

function evaluate(draft: QuoteDraft, input: ParsedSubsidyInput): Evaluation {
  const { measures } = draft.ruleSet
  const priceFen = input.priceFen
  switch (input.measure) {
    case 'appliance': {
      const rule = measures.appliance!
      const itemLabel = `${APPLIANCE_CATEGORY_LABEL[input.category]}（${gradeLabel(input.grade)}）`
      const categories = draft.use(rule.categories, rule.categories.value.map((id) => APPLIANCE_CATEGORY_LABEL[id]).join('、'))
      if (!categories.includes(input.category)) {
        draft.fail(
          `${draft.ruleSet.title}的家电补贴只包括 ${categories.map((id) => APPLIANCE_CATEGORY_LABEL[id]).join('、')}；${APPLIANCE_CATEGORY_LABEL[input.category]}不在其中（${draft.citation(rule.categories.clause)}）`,
        )
      }
      const ratePercent = rateFor(draft, rule.rates, input.grade)
      if (ratePercent === null) {
        draft.fail(
          `家电补贴只适用于${qualifyingGradesText(rule.rates)}（能效或水效）产品；${gradeLabel(input.grade)}不能补贴（${draft.citation(rule.effective.clause)}）`,
        )
      }
      const capFen = capFigure(draft, rule.capFen, '/件')
      if (ratePercent === null || draft.failures.length > 0) return { itemLabel, outcome: null }
      draft.explanations.push(
        `${itemLabel}：按售价 ${formatPercent(ratePercent)} 补贴，每件最高 ${shortMoney(capFen)}（${draft.citation(rule.capFen.clause)}）`,
      )
      return { itemLabel, outcome: rateAmount(priceFen, ratePercent, capFen), ratePercent, capFen }
    }
    case 'furniture': {
      const rule = measures.furniture!
      const itemLabel = `家居（${gradeLabel(input.grade)}）`
      const ratePercent = rateFor(draft, rule.rates, input.grade)
      if (ratePercent === null) draft.fail(`家居补贴只适用于${qualifyingGradesText(rule.rates)}产品；${gradeLabel(input.grade)}不能补贴`)
      const capFen = capFigure(draft, rule.capFen, '/件')
      if (ratePercent === null || draft.failures.length > 0) return { itemLabel, outcome: null }
      draft.explanations.push(
        `普通成品家居按售价 ${formatPercent(ratePercent)} 补贴（${gradeLabel(input.grade)}），每件最高 ${shortMoney(capFen)}（${draft.citation(rule.capFen.clause)}）`,
      )
      return { itemLabel, outcome: rateAmount(priceFen, ratePercent, capFen), ratePercent, capFen }
    }
    case 'digital': {
      const rule = measures.digital!
      const itemLabel = DIGITAL_CATEGORY_LABEL[input.category]
      const categories = draft.use(rule.categories, rule.categories.value.map((id) => DIGITAL_CATEGORY_LABEL[id]).join('、'))
      if (!categories.includes(input.category)) {
        const later = draft.ruleSets.find((set) => set.measures.digital?.categories.value.includes(input.category))
        draft.fail(
          later?.measures.digital
            ? `${itemLabel}自 ${later.measures.digital.effective.from} 起才纳入数码产品补贴（${later.documents[later.measures.digital.categories.clause]?.citation ?? later.title}）；${draft.ruleSet.title}只包括 ${categories.map((id) => DIGITAL_CATEGORY_LABEL[id]).join('、')}，${draft.date} 购买的${itemLabel}不在补贴范围内`
            : `${draft.ruleSet.title}的数码产品补贴不包括${itemLabel}`,
        )
      }
      const priceLimitFen = draft.use(rule.priceLimitFen, `${shortMoney(rule.priceLimitFen.value)}（含）`)
      if (priceFen > priceLimitFen) {
        draft.fail(
          `单件售价 ${money(priceFen)} 超过 ${shortMoney(priceLimitFen)}：数码产品只补贴单件售价 ${shortMoney(priceLimitFen)} 以下（含 ${shortMoney(priceLimitFen)}）的产品（${draft.citation(rule.priceLimitFen.clause)}）`,
        )
      }
      const ratePercent = draft.use(rule.ratePercent, formatPercent(rule.ratePercent.value))
      const capFen = capFigure(draft, rule.capFen, '/件')
      if (draft.failures.length > 0) return { itemLabel, outcome: null, priceLimitFen }
      draft.explanations.push(
        `${itemLabel}：单件售价 ${shortMoney(priceLimitFen)} 以下按 ${formatPercent(ratePercent)} 补贴，每件最高 ${shortMoney(capFen)}（${draft.citation(rule.capFen.clause)}）`,
      )
      return { itemLabel, outcome: rateAmount(priceFen, ratePercent, capFen), ratePercent, capFen, priceLimitFen }
    }
    case 'car-scrap': {
      const rule = measures['car-scrap']!
      const itemLabel = `报废${OLD_CAR_FUEL_LABEL[input.oldCarFuel]}，购${NEW_CAR_ENERGY_LABEL[input.newCarEnergy]}`
      const registeredRule = rule.oldCarRegisteredOnOrBefore
      if (registeredRule) {
        const registeredBy = draft.use(
          registeredRule,
          Object.entries(registeredRule.value)
            .map(([fuel, day]) => `${OLD_CAR_FUEL_LABEL[fuel as keyof typeof OLD_CAR_FUEL_LABEL]} ${day} 前（含）`)
            .join('；'),
        )
        const latestRegistration = registeredBy[input.oldCarFuel]
        if (input.oldCarRegisteredOn > latestRegistration) {
          draft.fail(
            `报废的${OLD_CAR_FUEL_LABEL[input.oldCarFuel]}须在 ${latestRegistration}（含）前注册登记；您的旧车 ${input.oldCarRegisteredOn} 注册，不符合（${draft.citation(registeredRule.clause)}）`,
          )
        }
      }
      const ownedRule = rule.oldCarOwnedOnOrBefore
      if (ownedRule) {
        const ownedBy = draft.use(ownedRule, `${ownedRule.value} 前（含）`)
        if (input.oldCarOwnedSince > ownedBy) {
          draft.fail(
            `旧车须在 ${ownedBy}（含）前登记在本人名下；您 ${input.oldCarOwnedSince} 起才登记在本人名下，不符合（${draft.citation(ownedRule.clause)}）`,
          )
        }
      }
      if (input.newCarEnergy === 'fuel') {
        const maxLitres = draft.use(rule.fuelMaxDisplacementL, `${formatLitres(rule.fuelMaxDisplacementL.value)} 升及以下`)
        if ((input.newCarDisplacementL ?? Infinity) > maxLitres) {
          draft.fail(
            `报废更新只补贴 ${formatLitres(maxLitres)} 升及以下排量的燃油新车；新车排量 ${formatLitres(input.newCarDisplacementL ?? 0)} 升，超过了（${draft.citation(rule.fuelMaxDisplacementL.clause)}）`,
          )
        }
      }
      checkCatalogue(draft, rule.nevOnTaxExemptionCatalogue, input)
      for (const point of rule.pointsToCheck ?? []) draft.check(point)
      const amountRule = rule.amounts[input.newCarEnergy]
      const outcome = carAmount(draft, amountRule, priceFen)
      if (draft.failures.length > 0) return { itemLabel, outcome: null }
      draft.explanations.push(
        `报废旧车并购买${NEW_CAR_ENERGY_LABEL[input.newCarEnergy]}：${describeCarRule(amountRule)}（${draft.citation(clauseOf(amountRule))}）`,
      )
      return { itemLabel, outcome, ...carRateAndCap(amountRule) }
    }
    case 'car-replace': {
      const rule = measures['car-replace']!
      const itemLabel = `置换购${NEW_CAR_ENERGY_LABEL[input.newCarEnergy]}`
      const ownedRule = rule.oldCarOwnedOnOrBefore
      if (ownedRule) {
        const ownedBy = draft.use(ownedRule, `${ownedRule.value} 前（含）`)
        if (input.oldCarOwnedSince > ownedBy) {
          draft.fail(
            `置换的旧车须在 ${ownedBy}（含）前登记在本人名下；您 ${input.oldCarOwnedSince} 起才登记在本人名下，不符合（${draft.citation(ownedRule.clause)}）`,
          )
        }
      }
      checkCatalogue(draft, rule.nevOnTaxExemptionCatalogue, input)
      for (const point of rule.pointsToCheck ?? []) draft.check(point)
      const amountRule = rule.amounts[input.newCarEnergy]
      const outcome = carAmount(draft, amountRule, priceFen)
      if (draft.failures.length > 0) return { itemLabel, outcome: null }
      draft.explanations.push(
        `转让本人名下旧车并购买${NEW_CAR_ENERGY_LABEL[input.newCarEnergy]}：${describeCarRule(amountRule)}（${draft.citation(clauseOf(amountRule))}）`,
      )
      return { itemLabel, outcome, ...carRateAndCap(amountRule) }
    }
    case 'ebike': {
      const rule = measures.ebike!
      const itemLabel = `电动自行车（${EBIKE_BATTERY_LABEL[input.oldBatteryType]}换${EBIKE_BATTERY_LABEL[input.newBatteryType]}）`
      if (draft.use(rule.requireRecycling, '须交售旧车') && !input.oldEbikeHandedToRecycler) {
        draft.fail(`须把旧电动自行车交售给合格回收企业才能补贴（${draft.citation(rule.requireRecycling.clause)}）`)
      }
      if (draft.use(rule.requireCompliantNewBike, '须 CCC + GB 17761-2024') && !input.newEbikeCompliant) {
        draft.fail(`新车须有 CCC 认证并符合 GB 17761-2024 才能补贴（${draft.citation(rule.requireCompliantNewBike.clause)}）`)
      }
      const parts = [{ label: '基础补贴', amountFen: draft.use(rule.baseAmountFen, shortMoney(rule.baseAmountFen.value)) }]
      for (const extra of rule.extras) {
        const matches =
          (extra.value.oldBatteryType === undefined || extra.value.oldBatteryType === input.oldBatteryType) &&
          (extra.value.newBatteryType === undefined || extra.value.newBatteryType === input.newBatteryType)
        if (matches) parts.push({ label: extra.label, amountFen: draft.use(extra, `加 ${shortMoney(extra.value.amountFen)}`).amountFen })
      }
      if (draft.failures.length > 0) return { itemLabel, outcome: null }
      draft.explanations.push(
        `交售旧车并购买合规新车：${parts.map((part) => `${part.label} ${shortMoney(part.amountFen)}`).join('，')}（${draft.citation(rule.baseAmountFen.clause)}）`,
      )
      return { itemLabel, outcome: sumAmount(priceFen, parts) }
    }
    case 'renovation': {
      const rule = measures.renovation!
      const kindLabel = RENOVATION_KIND_LABEL[input.kind]
      const itemLabel = `${kindLabel}（${gradeLabel(input.grade)}）`
      const kindRule = rule.kinds[input.kind]
      if (!kindRule) {
        draft.fail(`${draft.ruleSet.title}的家装补贴不包括${kindLabel}`)
        return { itemLabel, outcome: null }
      }
      const ratePercent = rateFor(draft, kindRule.rates, input.grade)
      if (ratePercent === null)
        draft.fail(`${kindLabel}补贴只适用于${qualifyingGradesText(kindRule.rates)}产品；${gradeLabel(input.grade)}不能补贴`)
      const capFen = capFigure(draft, kindRule.capFen, '/件')
      if (ratePercent === null || draft.failures.length > 0) return { itemLabel, outcome: null }
      draft.explanations.push(
        `${itemLabel}：按售价 ${formatPercent(ratePercent)} 补贴，每件最高 ${shortMoney(capFen)}（${draft.citation(kindRule.capFen.clause)}）`,
      )
      return { itemLabel, outcome: rateAmount(priceFen, ratePercent, capFen), ratePercent, capFen }
    }
  }
}

function clauseOf(rule: CarAmountRule): string {
  return rule.basis === 'fixed' ? rule.amountFen.clause : rule.capFen.clause
}

function describeCarRule(rule: CarAmountRule): string {
  switch (rule.basis) {
    case 'fixed':
      return `定额补贴 ${shortMoney(rule.amountFen.value)}`
    case 'rate':
      return `按售价 ${formatPercent(rule.ratePercent.value)} 补贴，最高 ${shortMoney(rule.capFen.value)}`
    case 'tiers':
      return `按新车价分档补贴，最高 ${shortMoney(rule.capFen.value)}`
  }
}

function carRateAndCap(rule: CarAmountRule): { ratePercent?: number; capFen?: Fen } {
  if (rule.basis === 'rate') return { ratePercent: rule.ratePercent.value, capFen: rule.capFen.value }
  if (rule.basis === 'tiers') return { capFen: rule.capFen.value }
  return {}
}

/** Why the outcome came out as it did: the cap, the price, or neither. */
function bindingReason(working: SubsidyWorking): string {
  if (working.limitedByPrice) return `补贴不超过实付价格，按售价 ${money(working.priceFen)} 补贴`
  if (working.capped && working.capFen !== undefined) {
    return `算得 ${money(working.rawFen)}，超过上限 ${money(working.capFen)}，按上限补贴 ${money(working.amountFen)}`
  }
  if (working.capFen !== undefined) return `算得 ${money(working.rawFen)}，未超过上限 ${money(working.capFen)}`
  return `补贴 ${money(working.amountFen)}`
}

function ruleSetLine(ruleSet: SubsidyRuleSet, effective: SourcedPeriod): string {
  return `适用规则：${ruleSet.title}（${periodText(effective)}）`
}

function blankQuote(input: ParsedSubsidyInput, itemLabel: string): SubsidyQuote {
  return {
    measure: input.measure,
    measureLabel: MEASURE_LABEL[input.measure],
    itemLabel,
    purchaseDate: input.purchaseDate,
    priceFen: input.priceFen,
    eligible: false,
    amountFen: 0,
    working: null,
    capBindsAboveFen: null,
    capNote: null,
    reasons: [],
    ruleSetId: NO_RULE_SET_ID,
    ruleSetTitle: null,
    effective: null,
    deadline: null,
    provisional: false,
    statusLabel: STATUS_LABEL.confirmed,
    figures: [],
    provisionalFigures: [],
    sources: [],
    conflictsWith: [],
  }
}

function defaultItemLabel(input: ParsedSubsidyInput): string {
  switch (input.measure) {
    case 'appliance':
      return APPLIANCE_CATEGORY_LABEL[input.category]
    case 'digital':
      return DIGITAL_CATEGORY_LABEL[input.category]
    case 'renovation':
      return RENOVATION_KIND_LABEL[input.kind]
    default:
      return MEASURE_LABEL[input.measure]
  }
}

/** Quotes an already checked input: what quoteBasket uses after parsing each item once. */
export function quoteParsedInput(input: ParsedSubsidyInput, ruleSets: readonly SubsidyRuleSet[]): SubsidyQuote {
  const quote = blankQuote(input, defaultItemLabel(input))
  const availability = measureAvailability(input.measure, input.purchaseDate, ruleSets)
  const { ruleSet, rule } = availability
  if (ruleSet) {
    quote.ruleSetId = ruleSet.id
    quote.ruleSetTitle = ruleSet.title
  }
  if (rule) {
    quote.effective = { ...rule.effective }
    quote.deadline = rule.effective.to
  }
  const provisionalPeriod =
    (ruleSet !== undefined && ruleSet.status !== 'confirmed') || (rule !== undefined && rule.effective.status !== 'confirmed')
  quote.provisional = provisionalPeriod
  quote.statusLabel = STATUS_LABEL[provisionalPeriod ? 'provisional' : 'confirmed']
  if (availability.unpublished) {
    // Unknown, not "no": say the rule is not published and that the figures will come (发改环资〔2025〕1745号 as reported).
    quote.unpublished = { text: availability.unpublished.text, source: availability.unpublished.source }
    quote.provisional = true
    quote.statusLabel = STATUS_LABEL.unknown
    quote.reasons.push(availability.unpublished.text, `依据：${availability.unpublished.source}`, ESTIMATE_NOTE)
    return quote
  }
  if (!availability.inForce || !ruleSet || !rule) {
    quote.reasons.push(`${availability.reason}；${input.purchaseDate} 购买不能补贴`, ESTIMATE_NOTE)
    return quote
  }

  const draft = new QuoteDraft(ruleSet, input.purchaseDate, ruleSets)
  const evaluation = evaluate(draft, input)
  quote.itemLabel = evaluation.itemLabel
  if (evaluation.priceLimitFen !== undefined) quote.priceLimitFen = evaluation.priceLimitFen
  quote.figures = draft.figures
  quote.provisionalFigures = draft.figures.filter((figure) => figure.status !== 'confirmed')
  quote.provisional = provisionalPeriod || quote.provisionalFigures.length > 0
  quote.statusLabel = STATUS_LABEL[quote.provisional ? 'provisional' : 'confirmed']
  quote.sources = sourcesOf(ruleSet, [rule.effective.clause, ...draft.figures.map((figure) => figure.clause)])

  const provisionalValues = quote.provisionalFigures.filter((figure) => !draft.checkLabels.has(figure.label))
  const provisionalNote =
    provisionalValues.length > 0
      ? [`以下数值待官方确认：${provisionalValues.map((figure) => `${figure.label}（${figure.display}）`).join('；')}`]
      : []
  if (evaluation.outcome === null || draft.failures.length > 0) {
    quote.reasons.push(...draft.failures, ruleSetLine(ruleSet, rule.effective), ...provisionalNote, ESTIMATE_NOTE)
    return quote
  }
  if (input.priceFen === 0) {
    quote.reasons.push('售价为 0 元，没有可补贴的金额', ruleSetLine(ruleSet, rule.effective), ESTIMATE_NOTE)
    return quote
  }
  const { outcome } = evaluation
  quote.eligible = true
  quote.amountFen = outcome.working.amountFen
  quote.working = outcome.working
  quote.capBindsAboveFen = outcome.capBindsAboveFen
  quote.capNote = outcome.capNote
  if (evaluation.ratePercent !== undefined) quote.ratePercent = evaluation.ratePercent
  if (evaluation.capFen !== undefined) quote.capFen = evaluation.capFen
  quote.reasons.push(
    ...draft.explanations,
    bindingReason(outcome.working),
    ...draft.checks,
    ruleSetLine(ruleSet, rule.effective),
    ...provisionalNote,
    ESTIMATE_NOTE,
  )
  return quote
}

/** A date after today is a typing slip or a plan: the calculators quote purchases already made. */
export function assertNotAfterToday(input: ParsedSubsidyInput, today: string, fieldPrefix = ''): void {
  const dated: Array<[string, string, string]> = [['purchaseDate', input.purchaseDate, '购买日期']]
  if (input.measure === 'car-scrap') dated.push(['oldCarRegisteredOn', input.oldCarRegisteredOn, '旧车注册登记日期'])
  if (input.measure === 'car-scrap' || input.measure === 'car-replace') {
    dated.push(['oldCarOwnedSince', input.oldCarOwnedSince, '旧车登记在本人名下的日期'])
  }
  for (const [field, value, what] of dated) {
    if (value > today) {
      throw new SubsidyInputError(
        'SUBSIDY_FUTURE_DATE',
        field === 'purchaseDate'
          ? `购买日期 ${value} 还没到（今天是 ${today}），请填写实际购买的日期；还没买的，可以先按今天的日期估算`
          : `${what} ${value} 还没到（今天是 ${today}），请对照机动车登记证书填写`,
        `${fieldPrefix}${field}`,
      )
    }
  }
}

function parseForToday(input: unknown, options: QuoteOptions): ParsedSubsidyInput {
  const parsed = parseSubsidyInput(input)
  assertNotAfterToday(parsed, options.today ?? todayInShanghai())
  return parsed
}

/**
 * The subsidy for one purchase. Throws SubsidyInputError for malformed input; otherwise always
 * returns a quote, eligible or not, with reasons.
 */
export function quoteSubsidy(input: SubsidyInput, options: QuoteOptions = {}): SubsidyQuote {
  return quoteParsedInput(parseForToday(input, options), options.ruleSets ?? BUNDLED_SUBSIDY_RULE_SETS)
}

/** For form screens that show errors inline: never throws a SubsidyInputError. */
export function tryQuoteSubsidy(
  input: unknown,
  options: QuoteOptions = {},
): { ok: true; quote: SubsidyQuote } | { ok: false; error: SubsidyInputError } {
  try {
    return { ok: true, quote: quoteParsedInput(parseForToday(input, options), options.ruleSets ?? BUNDLED_SUBSIDY_RULE_SETS) }
  } catch (error) {
    if (error instanceof SubsidyInputError) return { ok: false, error }
    throw error
  }
}
