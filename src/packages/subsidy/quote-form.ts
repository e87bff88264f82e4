/**
 * What a calculator screen shows while a person fills it in: what is still missing (in words),
 * the domain's Chinese error for what they typed, or the quote. The screens keep what was typed
 * (the price as a raw string) and never parse it themselves: readYuan (the field) and
 * tryQuoteSubsidy do. useCalculatorForm is how a calculator page uses this.
 */
import type { SubsidyRuleSet } from '@/domain/policy/subsidy-rules'
// Module paths, not the domain/subsidy index: it pulls in every calculator's module at once.
import { tryQuoteSubsidy, type SubsidyQuote } from '@/domain/subsidy/quote-subsidy'
import { parseSubsidyInput, type SubsidyInput, type SubsidyInputError } from '@/domain/subsidy/subsidy-input'

export type FormOutcome =
  | { kind: 'incomplete'; missing: string[] }
  | { kind: 'invalid'; error: SubsidyInputError }
  /** `input` is the checked input (dates and car ids normalised, the price still as typed) for the basket. */
  | { kind: 'quote'; quote: SubsidyQuote; input: SubsidyInput }

/**
 * Quotes the form once nothing is missing. `missing` names, in Chinese, the choices the person
 * has not made yet; a price that is typed but wrong is not "missing" — the domain says what is wrong.
 * `buildInput` returns the fields as the screen holds them (text as typed); the domain checks them.
 * `ruleSets` are the ones in use (useRuleSets: the operator's override, or the bundled sets).
 */
export function quoteForm(missing: string[], buildInput: () => object, ruleSets: readonly SubsidyRuleSet[]): FormOutcome {
  if (missing.length > 0) return { kind: 'incomplete', missing }
  const raw = buildInput()
  const result = tryQuoteSubsidy(raw, { ruleSets })
  if (!result.ok) return { kind: 'invalid', error: result.error }
  const { priceFen: _priceFen, ...input } = parseSubsidyInput(raw)
  return { kind: 'quote', quote: result.quote, input: input as SubsidyInput }
}

/** The domain's message when it is about `field` (e.g. 'oldCarOwnedSince'). */
export function errorFor(outcome: FormOutcome, field: string): string | null {
  return outcome.kind === 'invalid' && outcome.error.field === field ? outcome.error.message : null
}

/** The labels of the checks that are still missing, in form order: [[category === null, '品类'], …]. */
export function listMissing(checks: ReadonlyArray<readonly [boolean, string]>): string[] {
  return checks.filter(([isMissing]) => isMissing).map(([, label]) => label)
}
