/**
 * One evaluator per measure of clause (十四), in a table keyed by the measure: each checks the
 * measure's conditions against the purchase, records the figures it used on the draft, and
 * computes the amount (subsidy-amount.ts). The table's type pairs every measure with its own input
 * and rule, so an evaluator never has to assert that the rule exists: quoteParsedInput only calls
 * one once measureAvailability has found the rule in force.
 */
import { formatFen, type Fen } from '../money'
import type { CarAmountRule, CarReplaceRule, CarScrapRule, DatedFigure, GradeKey, GradedRates } from '../policy/subsidy-rules'
import {
  APPLIANCE_CATEGORY_LABEL,
  DIGITAL_CATEGORY_LABEL,
  EBIKE_BATTERY_LABEL,
  ENERGY_GRADE_LABEL,
  NEW_CAR_ENERGY_LABEL,
  NO_ENERGY_LABEL,
  OLD_CAR_FUEL_LABEL,
  RENOVATION_KIND_LABEL,
  type EnergyGrade,
  type SubsidyMeasure,
} from '../policy/subsidy-vocabulary'
import type { MeasureRule } from './measure-availability'
import type { QuoteDraft } from './quote-draft'
import { fixedAmount, formatLitres, formatPercent, rateAmount, sumAmount, tierAmount, type AmountOutcome } from './subsidy-amount'
import type { ParsedSubsidyInput } from './subsidy-input'

/** The parsed input of one measure, e.g. InputOf<'digital'> has `category` and `priceFen`. */
export type InputOf<M extends SubsidyMeasure> = Extract<ParsedSubsidyInput, { measure: M }>

export type Evaluation =
  | { outcome: AmountOutcome; itemLabel: string; ratePercent?: number; capFen?: Fen; priceLimitFen?: Fen }
  | { itemLabel: string; outcome: null; priceLimitFen?: Fen }

export type MeasureEvaluator<M extends SubsidyMeasure> = (draft: QuoteDraft, input: InputOf<M>, rule: MeasureRule<M>) => Evaluation

const shortMoney = (fen: Fen) => formatFen(fen, { trimZeros: true })
const money = (fen: Fen) => formatFen(fen)

export function gradeLabel(grade: EnergyGrade | null): string {
  return grade === null ? NO_ENERGY_LABEL : ENERGY_GRADE_LABEL[grade]
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

/** Appliances, furniture and renovation items: a rate by energy grade, capped per item. */
interface GradedTerms {
  itemLabel: string
  rates: GradedRates
  capFen: DatedFigure<number>
  grade: EnergyGrade | null
  /** Why the grade does not qualify, given the grades that do. */
  refusal: (qualifyingGrades: string) => string
  /** The rule applied, given the rate and the cap as shown; the cap's citation is appended. */
  explanation: (rate: string, cap: string) => string
}

function gradedRateEvaluation(draft: QuoteDraft, priceFen: Fen, terms: GradedTerms): Evaluation {
  const { itemLabel } = terms
  const ratePercent = rateFor(draft, terms.rates, terms.grade)
  if (ratePercent === null) draft.fail(terms.refusal(qualifyingGradesText(terms.rates)))
  const capFen = capFigure(draft, terms.capFen, '/件')
  if (ratePercent === null || draft.failures.length > 0) return { itemLabel, outcome: null }
  draft.explanations.push(`${terms.explanation(formatPercent(ratePercent), shortMoney(capFen))}（${draft.citation(terms.capFen.clause)}）`)
  return { itemLabel, outcome: rateAmount(priceFen, ratePercent, capFen), ratePercent, capFen }
}

/** 2026: the new NEV must be on 减免车辆购置税的新能源汽车车型目录 — asked, not assumed. */
function checkCatalogue(
  draft: QuoteDraft,
  figure: DatedFigure<boolean> | null | undefined,
  input: InputOf<'car-scrap' | 'car-replace'>,
): void {
  if (!figure || input.newCarEnergy !== 'nev') return
  if (!draft.use(figure, '须列入')) return
  if (input.newCarOnTaxExemptionCatalogue === false) {
    draft.fail(`新能源新车须列入《减免车辆购置税的新能源汽车车型目录》才能补贴；您选了“不在目录内”（${draft.citation(figure.clause)}）`)
  } else if (input.newCarOnTaxExemptionCatalogue === undefined) {
    draft.checks.push('请核对：新能源新车须列入《减免车辆购置税的新能源汽车车型目录》（可在工业和信息化部网站按车型查询）')
  }
}

/** The old car must be in the resident's name by a date, where the rule set states one. */
function checkOwnedSince(draft: QuoteDraft, ownedRule: DatedFigure<string> | null, ownedSince: string, oldCar: string): void {
  if (!ownedRule) return
  const ownedBy = draft.use(ownedRule, `${ownedRule.value} 前（含）`)
  if (ownedSince > ownedBy) {
    draft.fail(
      `${oldCar}须在 ${ownedBy}（含）前登记在本人名下；您 ${ownedSince} 起才登记在本人名下，不符合（${draft.citation(ownedRule.clause)}）`,
    )
  }
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

/** What 报废更新 and 置换更新 share once their own conditions are checked: catalogue, checks, amount. */
function carEvaluation(
  draft: QuoteDraft,
  input: InputOf<'car-scrap' | 'car-replace'>,
  rule: CarScrapRule | CarReplaceRule,
  itemLabel: string,
  deal: string,
): Evaluation {
  checkCatalogue(draft, rule.nevOnTaxExemptionCatalogue, input)
  for (const point of rule.pointsToCheck ?? []) draft.check(point)
  const amountRule = rule.amounts[input.newCarEnergy]
  const outcome = carAmount(draft, amountRule, input.priceFen)
  if (draft.failures.length > 0) return { itemLabel, outcome: null }
  draft.explanations.push(
    `${deal}${NEW_CAR_ENERGY_LABEL[input.newCarEnergy]}：${describeCarRule(amountRule)}（${draft.citation(clauseOf(amountRule))}）`,
  )
  return { itemLabel, outcome, ...carRateAndCap(amountRule) }
}

const evaluateAppliance: MeasureEvaluator<'appliance'> = (draft, input, rule) => {
  const itemLabel = `${APPLIANCE_CATEGORY_LABEL[input.category]}（${gradeLabel(input.grade)}）`
  const categories = draft.use(rule.categories, rule.categories.value.map((id) => APPLIANCE_CATEGORY_LABEL[id]).join('、'))
  if (!categories.includes(input.category)) {
    draft.fail(
      `${draft.ruleSet.title}的家电补贴只包括 ${categories.map((id) => APPLIANCE_CATEGORY_LABEL[id]).join('、')}；${APPLIANCE_CATEGORY_LABEL[input.category]}不在其中（${draft.citation(rule.categories.clause)}）`,
    )
  }
  return gradedRateEvaluation(draft, input.priceFen, {
    itemLabel,
    rates: rule.rates,
    capFen: rule.capFen,
    grade: input.grade,
    refusal: (grades) =>
      `家电补贴只适用于${grades}（能效或水效）产品；${gradeLabel(input.grade)}不能补贴（${draft.citation(rule.effective.clause)}）`,
    explanation: (rate, cap) => `${itemLabel}：按售价 ${rate} 补贴，每件最高 ${cap}`,
  })
}

const evaluateFurniture: MeasureEvaluator<'furniture'> = (draft, input, rule) =>
  gradedRateEvaluation(draft, input.priceFen, {
    itemLabel: `家居（${gradeLabel(input.grade)}）`,
    rates: rule.rates,
    capFen: rule.capFen,
    grade: input.grade,
    refusal: (grades) => `家居补贴只适用于${grades}产品；${gradeLabel(input.grade)}不能补贴`,
    explanation: (rate, cap) => `普通成品家居按售价 ${rate} 补贴（${gradeLabel(input.grade)}），每件最高 ${cap}`,
  })

const evaluateDigital: MeasureEvaluator<'digital'> = (draft, input, rule) => {
  const { priceFen } = input
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

const evaluateCarScrap: MeasureEvaluator<'car-scrap'> = (draft, input, rule) => {
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
  checkOwnedSince(draft, rule.oldCarOwnedOnOrBefore, input.oldCarOwnedSince, '旧车')
  if (input.newCarEnergy === 'fuel') {
    const maxLitres = draft.use(rule.fuelMaxDisplacementL, `${formatLitres(rule.fuelMaxDisplacementL.value)} 升及以下`)
    if ((input.newCarDisplacementL ?? Infinity) > maxLitres) {
      draft.fail(
        `报废更新只补贴 ${formatLitres(maxLitres)} 升及以下排量的燃油新车；新车排量 ${formatLitres(input.newCarDisplacementL ?? 0)} 升，超过了（${draft.citation(rule.fuelMaxDisplacementL.clause)}）`,
      )
    }
  }
  const itemLabel = `报废${OLD_CAR_FUEL_LABEL[input.oldCarFuel]}，购${NEW_CAR_ENERGY_LABEL[input.newCarEnergy]}`
  return carEvaluation(draft, input, rule, itemLabel, '报废旧车并购买')
}

const evaluateCarReplace: MeasureEvaluator<'car-replace'> = (draft, input, rule) => {
  checkOwnedSince(draft, rule.oldCarOwnedOnOrBefore, input.oldCarOwnedSince, '置换的旧车')
  return carEvaluation(draft, input, rule, `置换购${NEW_CAR_ENERGY_LABEL[input.newCarEnergy]}`, '转让本人名下旧车并购买')
}

const evaluateEbike: MeasureEvaluator<'ebike'> = (draft, input, rule) => {
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
  return { itemLabel, outcome: sumAmount(input.priceFen, parts) }
}

const evaluateRenovation: MeasureEvaluator<'renovation'> = (draft, input, rule) => {
  const kindLabel = RENOVATION_KIND_LABEL[input.kind]
  const itemLabel = `${kindLabel}（${gradeLabel(input.grade)}）`
  const kindRule = rule.kinds[input.kind]
  if (!kindRule) {
    draft.fail(`${draft.ruleSet.title}的家装补贴不包括${kindLabel}`)
    return { itemLabel, outcome: null }
  }
  return gradedRateEvaluation(draft, input.priceFen, {
    itemLabel,
    rates: kindRule.rates,
    capFen: kindRule.capFen,
    grade: input.grade,
    refusal: (grades) => `${kindLabel}补贴只适用于${grades}产品；${gradeLabel(input.grade)}不能补贴`,
    explanation: (rate, cap) => `${itemLabel}：按售价 ${rate} 补贴，每件最高 ${cap}`,
  })
}

/** Every measure's evaluator; adding a measure to SUBSIDY_MEASURES without one here fails to compile. */
export const MEASURE_EVALUATORS: { [M in SubsidyMeasure]: MeasureEvaluator<M> } = {
  appliance: evaluateAppliance,
  furniture: evaluateFurniture,
  digital: evaluateDigital,
  'car-scrap': evaluateCarScrap,
  'car-replace': evaluateCarReplace,
  ebike: evaluateEbike,
  renovation: evaluateRenovation,
}

/** Runs the measure's evaluator on its input and the rule in force (found by measureAvailability). */
export function evaluateMeasure<M extends SubsidyMeasure>(
  measure: M,
  draft: QuoteDraft,
  input: InputOf<M>,
  rule: MeasureRule<M>,
): Evaluation {
  const evaluator: MeasureEvaluator<M> = MEASURE_EVALUATORS[measure]
  return evaluator(draft, input, rule)
}
