/**
 * The basket as the screen shows it: every stored entry quoted together (quoteBasket, so the
 * per-person limits apply in adding order), and entries the domain rejects (written by an older
 * version, or edited by hand) kept visible with the reason, so the person can fix or remove them.
 */
import type { SubsidyRuleSet } from '@/domain/policy/subsidy-rules'
import { quoteBasket } from '@/domain/subsidy/quote-basket'
import type { SubsidyQuote } from '@/domain/subsidy/quote-subsidy'
import { parseSubsidyInput, SubsidyInputError } from '@/domain/subsidy/subsidy-input'
import type { BasketEntry } from '@/store/subsidy-basket'

export type BasketRow =
  | { entry: BasketEntry; position: number; quote: SubsidyQuote; conflictsWith: number[]; error?: undefined }
  | { entry: BasketEntry; position: number; quote?: undefined; conflictsWith: number[]; error: string }

export interface BasketView {
  rows: BasketRow[]
  totalFen: number
  conflictCount: number
}

export function viewBasket(entries: readonly BasketEntry[], ruleSets: readonly SubsidyRuleSet[]): BasketView {
  const usable: Array<{ entry: BasketEntry; position: number }> = []
  const errors = new Map<number, string>()
  entries.forEach((entry, position) => {
    try {
      parseSubsidyInput(entry.input)
      usable.push({ entry, position })
    } catch (error) {
      if (!(error instanceof SubsidyInputError)) throw error
      errors.set(position, error.message)
    }
  })
  const { items, totalFen } = quoteBasket(
    usable.map((item) => item.entry.input),
    { ruleSets },
  )
  const quoteAt = new Map(usable.map((item, index) => [item.position, { quote: items[index], index }]))
  const rows = entries.map((entry, position): BasketRow => {
    const quoted = quoteAt.get(position)
    if (!quoted) return { entry, position, conflictsWith: [], error: errors.get(position) ?? '' }
    // quoteBasket numbers the usable entries; the screen numbers every entry.
    const conflictsWith = quoted.quote.conflictsWith.map((index) => usable[index].position)
    return { entry, position, quote: quoted.quote, conflictsWith }
  })
  return { rows, totalFen, conflictCount: rows.filter((row) => row.conflictsWith.length > 0).length }
}
