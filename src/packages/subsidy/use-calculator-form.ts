/**
 * The one form hook of the 以旧换新 calculators (issue 18: "one form hook for the calculators"):
 * what every calculator holds besides its own choices — how it was opened (a basket entry to edit,
 * a date or a choice from a link), today, the rule sets in use, the price as typed, the purchase
 * date, the basket saving — and the quote with what is still missing named in Chinese. A page adds
 * its own choices (initialised from `initial` / `preset`) and the fields that go into the input.
 */
import { useState } from 'react'
import type { SubsidyMeasure } from '@/domain/policy/subsidy-vocabulary'
import type { SubsidyInput } from '@/domain/subsidy/subsidy-input'
import { todayInShanghai } from '@/domain/time'
import { listMissing, quoteForm, type FormOutcome } from './quote-form'
import { useBasketSaving, type BasketSaving } from './use-basket-saving'
import { useCalculatorStart } from './use-calculator-start'
import { useRuleSets, type RuleSetsInUse } from './use-rule-sets'

/**
 * A page's own fields of the input, as the screen holds them (typed text where the person typed,
 * e.g. the car's displacement): the domain parses and checks them, as it does the price.
 */
export type CalculatorFields<M extends SubsidyMeasure> = { measure: M } & Record<string, unknown>

export interface CalculatorForm<M extends SubsidyMeasure> {
  today: string
  rules: RuleSetsInUse
  saving: BasketSaving
  /** The basket entry being edited (`?edit=`), to start the page's own choices from. */
  initial: Extract<SubsidyInput, { measure: M }> | null
  /** A choice given in the link (`?category=…`, `?kind=…`), if it is one of `allowed`. */
  preset: <T extends string>(name: string, allowed: readonly T[]) => T | null
  /** The price field's props (spread into YuanField): the text as typed; ¥0 is left to the domain. */
  price: { value: string; onChange: (text: string) => void; allowZero: true; placeholder: string }
  purchaseDate: string
  setPurchaseDate: (date: string) => void
  /** The missing-check of the price, labelled as the page asks for it ('售价', '新车价格'). */
  priceMissing: (label: string) => readonly [boolean, string]
  /**
   * The quote once nothing in `checks` is missing ([isMissing, label] in form order), of the input
   * `fields()` plus the price as typed and the purchase date. The domain checks everything.
   */
  quote: (checks: ReadonlyArray<readonly [boolean, string]>, fields: () => CalculatorFields<M>) => FormOutcome
}

const PRICE_PLACEHOLDER = '例如 4999 或 4999.50'

export function useCalculatorForm<M extends SubsidyMeasure>(measures: readonly M[]): CalculatorForm<M> {
  const today = todayInShanghai()
  const start = useCalculatorStart(measures)
  const saving = useBasketSaving(start.editId)
  const rules = useRuleSets()
  const [priceText, setPriceText] = useState(start.input ? String(start.input.priceYuan) : '')
  const [purchaseDate, setPurchaseDate] = useState(start.input?.purchaseDate ?? start.purchaseDate ?? today)
  return {
    today,
    rules,
    saving,
    initial: start.input,
    preset: start.preset,
    price: { value: priceText, onChange: setPriceText, allowZero: true, placeholder: PRICE_PLACEHOLDER },
    purchaseDate,
    setPurchaseDate,
    priceMissing: (label) => [priceText.trim() === '', label] as const,
    quote: (checks, fields) =>
      quoteForm(listMissing(checks), () => ({ ...fields(), priceYuan: priceText, purchaseDate }), rules.ruleSets),
  }
}
