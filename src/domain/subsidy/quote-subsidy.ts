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
import type { SourcedPeriod, SubsidyRuleSet } from '../policy/subsidy-rules'
import {
  APPLIANCE_CATEGORY_LABEL,
  DIGITAL_CATEGORY_LABEL,
  MEASURE_LABEL,
  RENOVATION_KIND_LABEL,
  type SubsidyMeasure,
} from '../policy/subsidy-vocabulary'
import { STATUS_LABEL } from '../policy/types'
import { todayInShanghai } from '../time'
import { measureAvailability, periodText } from './measure-availability'
import { evaluateMeasure } from './measure-evaluators'
import { QuoteDraft, type FigureUse } from './quote-draft'
import type { SubsidyWorking } from './subsidy-amount'
import { parseSubsidyInput, SubsidyInputError, type ParsedSubsidyInput, type SubsidyInput } from './subsidy-input'

export { describeFigure, type FigureUse } from './quote-draft'

/** `ruleSetId` of a quote whose date no rule set covers. */
export const NO_RULE_SET_ID = 'none'

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

const money = (fen: Fen) => formatFen(fen)

export function sourcesOf(ruleSet: SubsidyRuleSet, clauses: string[]): QuoteSource[] {
  return [...new Set(clauses)].filter((clause) => ruleSet.documents[clause]).map((clause) => ({ clause, ...ruleSet.documents[clause] }))
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
  const evaluation = evaluateMeasure(input.measure, draft, input, rule)
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
