/**
 * Trade-in subsidies of clause (十四): everything the 补贴 tab, the calculators, the basket and the
 * server need, from one import. Rule data lives in src/domain/policy (subsidy-*.ts); its override
 * format is documented in src/domain/policy/README.md.
 */
export { quoteSubsidy, tryQuoteSubsidy, quoteParsedInput, NO_RULE_SET_ID, ESTIMATE_NOTE, assertNotAfterToday } from './quote-subsidy'
export type { SubsidyQuote, FigureUse, QuoteSource, QuoteOptions } from './quote-subsidy'
export { quoteBasket } from './quote-basket'
export type { SubsidyBasketQuote } from './quote-basket'
export { parseSubsidyInput, SubsidyInputError } from './subsidy-input'
export type {
  SubsidyInput,
  ParsedSubsidyInput,
  SubsidyInputErrorCode,
  ApplianceInput,
  FurnitureInput,
  DigitalInput,
  CarScrapInput,
  CarReplaceInput,
  CarIdentity,
  EbikeInput,
  RenovationInput,
} from './subsidy-input'
export { formatPercent } from './subsidy-amount'
export type { SubsidyWorking, AmountBasis } from './subsidy-amount'
export { measureSummaries, measureSummary } from './measure-summaries'
export type { MeasureSummary } from './measure-summaries'
export { applicationGuide } from './application-guide'
export type { ApplicationGuide, GuideEntry } from './application-guide'
export { measureAvailability } from './measure-availability'
export type { MeasureAvailability } from './measure-availability'

export * from '../policy/subsidy-vocabulary'
export { BUNDLED_SUBSIDY_RULE_SETS, findRuleSetForDate, findRuleSetById } from '../policy/subsidy-rule-sets'
export { listFigures, listUnconfirmedFigures } from '../policy/subsidy-rules'
export type { SubsidyRuleSet, DatedFigure, SourcedPeriod, GuideItem } from '../policy/subsidy-rules'
export {
  applySubsidyOverrides,
  subsidyOverrideDocumentSchema,
  subsidyOverrideFileSchema,
  SUBSIDY_OVERRIDE_FORMAT,
} from '../policy/subsidy-overrides'
export type { PolicyOverrideError, SubsidyOverrideResult, SubsidyOverrideDocument } from '../policy/subsidy-overrides'
export { subsidyRuleSetSchema } from '../policy/subsidy-rule-schema'
export { STATUS_LABEL, isProvisional } from '../policy/types'
export type { FigureStatus } from '../policy/types'
