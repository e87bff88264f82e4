/**
 * quoteBasket: several purchases by one person, each quoted alone, then the per-person limits
 * applied in the order the items were added, among items of the same rule set:
 * - appliances: one item per category, air conditioners up to three (perPersonLimit);
 * - digital products: one item per category;
 * - 置换更新: one per person per calendar year (perPersonPerYear);
 * - 报废更新 and 置换更新 never for the same car (exclusiveWithReplace); one old car is scrapped once;
 * - e-bikes per person, and cumulative caps for furniture and renovation, when the data sets them.
 * An item over a limit becomes ineligible (amount 0) with the reason and the earlier items it
 * conflicts with; earlier items keep their subsidy. A cumulative cap cuts the item to what is left.
 *
 * Cars are told apart by `oldCarId` / `newCarId` (plate, VIN or order number, compared ignoring
 * case and spaces). Two car items are the same car when they share either id; when the ids given
 * cannot tell them apart (none given), they are taken to be the same car — the cautious answer,
 * since a resident comparing 报废 and 置换 usually means one car.
 */
import { formatFen, type Fen } from '../money'
import { BUNDLED_SUBSIDY_RULE_SETS, findRuleSetById } from '../policy/subsidy-rule-sets'
import type { DatedFigure, SubsidyRuleSet } from '../policy/subsidy-rules'
import { APPLIANCE_CATEGORY_LABEL, DIGITAL_CATEGORY_LABEL, MEASURE_LABEL } from '../policy/subsidy-vocabulary'
import { STATUS_LABEL } from '../policy/types'
import { describeFigure, quoteParsedInput, sourcesOf, type QuoteOptions, type SubsidyQuote } from './quote-subsidy'
import { parseSubsidyInput, type CarIdentity, type ParsedSubsidyInput, type SubsidyInput } from './subsidy-input'

export interface SubsidyBasketQuote {
  /** One quote per input, in input order. */
  items: SubsidyQuote[]
  totalFen: Fen
}

interface Accepted {
  index: number
  input: ParsedSubsidyInput
  quote: SubsidyQuote
}

type LimitOutcome =
  | { kind: 'reject'; reason: string; conflictsWith: number[]; figure: DatedFigure<unknown>; display: string }
  | { kind: 'reduce'; reason: string; amountFen: Fen; conflictsWith: number[]; figure: DatedFigure<unknown>; display: string }

const shortMoney = (fen: Fen) => formatFen(fen, { trimZeros: true })
const itemNumbers = (indexes: number[]) => indexes.map((index) => `第 ${index + 1} 项`).join('、')

function sameId(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a === b
}

function differentId(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a !== b
}

function isSameCar(a: CarIdentity, b: CarIdentity): boolean {
  if (sameId(a.oldCarId, b.oldCarId) || sameId(a.newCarId, b.newCarId)) return true
  return !(differentId(a.oldCarId, b.oldCarId) || differentId(a.newCarId, b.newCarId))
}

/** 报废 and 置换 for the same car (exclusiveWithReplace): the later item gives way. */
function sameCarClash(
  earlierOther: Accepted[],
  input: CarIdentity,
  exclusive: DatedFigure<boolean>,
  otherLabel: string,
): LimitOutcome | null {
  if (!exclusive.value) return null
  const indexes = earlierOther.filter((item) => isSameCar(item.input as CarIdentity, input)).map((item) => item.index)
  if (indexes.length === 0) return null
  return {
    kind: 'reject',
    reason: `同一辆车不能同时享受报废更新和置换更新补贴：${itemNumbers(indexes)}已按${otherLabel}申请（如是另一辆车，请分别填写车牌号或车架号）`,
    conflictsWith: indexes,
    figure: exclusive,
    display: '不可同时享受',
  }
}

function countLimit(earlier: Accepted[], limit: number, figure: DatedFigure<unknown>, what: string): LimitOutcome | null {
  if (earlier.length < limit) return null
  const indexes = earlier.map((item) => item.index)
  return {
    kind: 'reject',
    reason: `${what}每人限 ${limit} 件，${itemNumbers(indexes)}已经用掉名额，本项不能再补贴`,
    conflictsWith: indexes,
    figure,
    display: `${limit} 件`,
  }
}

function totalCap(earlier: Accepted[], quote: SubsidyQuote, figure: DatedFigure<number | null>, what: string): LimitOutcome | null {
  const cap = figure.value
  if (cap === null) return null
  const usedFen = earlier.reduce((total, item) => total + item.quote.amountFen, 0)
  const leftFen = Math.max(cap - usedFen, 0)
  if (quote.amountFen <= leftFen) return null
  const indexes = earlier.map((item) => item.index)
  const display = `${shortMoney(cap)}/人`
  if (leftFen === 0) {
    return {
      kind: 'reject',
      reason: `${what}每人累计最多补贴 ${shortMoney(cap)}，${itemNumbers(indexes)}已用完`,
      conflictsWith: indexes,
      figure,
      display,
    }
  }
  return {
    kind: 'reduce',
    reason: `${what}每人累计最多补贴 ${shortMoney(cap)}，${itemNumbers(indexes)}已用 ${shortMoney(usedFen)}，本项按剩余 ${shortMoney(leftFen)} 补贴`,
    amountFen: leftFen,
    conflictsWith: indexes,
    figure,
    display,
  }
}

function checkLimits(current: Accepted, ruleSet: SubsidyRuleSet, sameSet: Accepted[]): LimitOutcome | null {
  const { input } = current
  const earlierOf = (measure: SubsidyInput['measure']) => sameSet.filter((item) => item.input.measure === measure)
  switch (input.measure) {
    case 'appliance': {
      const rule = ruleSet.measures.appliance!
      const limit = rule.perPersonLimit.value.byCategory[input.category] ?? rule.perPersonLimit.value.perCategory
      const earlier = earlierOf('appliance').filter((item) => item.input.measure === 'appliance' && item.input.category === input.category)
      return countLimit(earlier, limit, rule.perPersonLimit, `家电（${APPLIANCE_CATEGORY_LABEL[input.category]}）`)
    }
    case 'digital': {
      const rule = ruleSet.measures.digital!
      const earlier = earlierOf('digital').filter((item) => item.input.measure === 'digital' && item.input.category === input.category)
      return countLimit(
        earlier,
        rule.perPersonLimit.value.perCategory,
        rule.perPersonLimit,
        `数码产品（${DIGITAL_CATEGORY_LABEL[input.category]}）`,
      )
    }
    case 'car-replace': {
      const scrapRule = ruleSet.measures['car-scrap']
      const clash = scrapRule ? sameCarClash(earlierOf('car-scrap'), input, scrapRule.exclusiveWithReplace, '报废更新') : null
      if (clash) return clash
      const rule = ruleSet.measures['car-replace']!
      const year = input.purchaseDate.slice(0, 4)
      const sameYear = earlierOf('car-replace').filter((item) => item.input.purchaseDate.slice(0, 4) === year)
      const limit = rule.perPersonPerYear.value
      if (sameYear.length < limit) return null
      const indexes = sameYear.map((item) => item.index)
      return {
        kind: 'reject',
        reason: `置换更新每人每年限 ${limit} 次，${itemNumbers(indexes)}已在 ${year} 年申请`,
        conflictsWith: indexes,
        figure: rule.perPersonPerYear,
        display: `${limit} 次/年`,
      }
    }
    case 'car-scrap': {
      const rule = ruleSet.measures['car-scrap']!
      const scrappedAlready = earlierOf('car-scrap').filter((item) => sameId((item.input as CarIdentity).oldCarId, input.oldCarId))
      if (scrappedAlready.length > 0) {
        return {
          kind: 'reject',
          reason: `同一辆旧车只能报废一次：${itemNumbers(scrappedAlready.map((item) => item.index))}已报废这辆车（${input.oldCarId}）`,
          conflictsWith: scrappedAlready.map((item) => item.index),
          figure: rule.exclusiveWithReplace,
          display: '同一辆车只能申请一次',
        }
      }
      return sameCarClash(earlierOf('car-replace'), input, rule.exclusiveWithReplace, '置换更新')
    }
    case 'ebike': {
      const rule = ruleSet.measures.ebike!
      const limit = rule.perPersonLimit.value
      return limit === null ? null : countLimit(earlierOf('ebike'), limit, rule.perPersonLimit, '电动自行车')
    }
    case 'furniture':
      return totalCap(earlierOf('furniture'), current.quote, ruleSet.measures.furniture!.perPersonTotalCapFen, MEASURE_LABEL.furniture)
    case 'renovation':
      return totalCap(earlierOf('renovation'), current.quote, ruleSet.measures.renovation!.perPersonTotalCapFen, '家装')
  }
}

function applyLimit(quote: SubsidyQuote, ruleSet: SubsidyRuleSet, outcome: LimitOutcome): SubsidyQuote {
  const figure = describeFigure(ruleSet, outcome.figure, outcome.display)
  const figures = quote.figures.some((used) => used.label === figure.label) ? quote.figures : [...quote.figures, figure]
  const provisionalFigures = figures.filter((used) => used.status !== 'confirmed')
  const provisional = quote.provisional || figure.status !== 'confirmed'
  const limited: SubsidyQuote = {
    ...quote,
    figures,
    provisionalFigures,
    provisional,
    statusLabel: STATUS_LABEL[provisional ? 'provisional' : 'confirmed'],
    sources: sourcesOf(ruleSet, [...quote.sources.map((source) => source.clause), figure.clause]),
    conflictsWith: outcome.conflictsWith,
  }
  if (outcome.kind === 'reduce') {
    return {
      ...limited,
      amountFen: outcome.amountFen,
      working: quote.working && {
        ...quote.working,
        amountFen: outcome.amountFen,
        text: `${quote.working.text}；每人累计上限余 ${formatFen(outcome.amountFen)}`,
      },
      reasons: [outcome.reason, ...quote.reasons],
    }
  }
  return {
    ...limited,
    eligible: false,
    amountFen: 0,
    working: null,
    capBindsAboveFen: null,
    capNote: null,
    reasons: [`${outcome.reason}（单独计算本可补贴 ${formatFen(quote.amountFen)}）`, ...quote.reasons],
  }
}

/**
 * Quotes several purchases of one person. Throws SubsidyInputError for the first malformed item,
 * its field prefixed with `inputs[i].`.
 */
export function quoteBasket(inputs: readonly SubsidyInput[], options: QuoteOptions = {}): SubsidyBasketQuote {
  const ruleSets = options.ruleSets ?? BUNDLED_SUBSIDY_RULE_SETS
  const parsed = inputs.map((input, index) => parseSubsidyInput(input, `inputs[${index}].`))
  const accepted: Accepted[] = []
  const items = parsed.map((input, index) => {
    const quote = quoteParsedInput(input, ruleSets)
    const ruleSet = quote.eligible ? findRuleSetById(quote.ruleSetId, ruleSets) : undefined
    if (!ruleSet) return quote
    const current: Accepted = { index, input, quote }
    const outcome = checkLimits(
      current,
      ruleSet,
      accepted.filter((item) => item.quote.ruleSetId === quote.ruleSetId),
    )
    const finalQuote = outcome ? applyLimit(quote, ruleSet, outcome) : quote
    if (finalQuote.eligible) accepted.push({ index, input, quote: finalQuote })
    return finalQuote
  })
  return { items, totalFen: items.reduce((total, item) => total + item.amountFen, 0) }
}
