/**
 * 购物清单: the purchases a resident is planning or has made, kept on the phone only, in the order
 * they were added — the order matters, because per-person limits (one refrigerator, three air
 * conditioners, one 置换 a year) go to the earlier item (quoteBasket). Each entry keeps the
 * calculator input exactly as typed (the price as a string); the domain parses it when quoting, so
 * an entry an older version wrote, or one edited by hand, is reported, never trusted.
 */
import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { SubsidyInput } from '../domain/subsidy/subsidy-input'
import { SUBSIDY_MEASURES } from '../domain/policy/subsidy-vocabulary'
import { persistOptions } from './persist-storage'

/** A resident's basket is a handful of purchases; past this an add is refused, not stored. */
export const BASKET_MAX_ENTRIES = 50

export interface BasketEntry {
  id: string
  input: SubsidyInput
}

interface SubsidyBasketState {
  entries: BasketEntry[]
  /** Returns the new entry's id, or null when the basket is full. */
  addEntry: (input: SubsidyInput) => string | null
  updateEntry: (id: string, input: SubsidyInput) => void
  removeEntry: (id: string) => void
  /** Puts a removed entry back where it was (撤销). */
  restoreEntry: (entry: BasketEntry, index: number) => void
}

let sequence = 0
function newEntryId(): string {
  sequence += 1
  return `item-${Date.now().toString(36)}-${sequence.toString(36)}-${Math.random().toString(36).slice(2, 6)}`
}

/**
 * Keeps entries that still look like a calculator input (an object with a known measure); the
 * rest of each input is checked by the domain when the basket is quoted.
 */
export function sanitiseBasketEntries(value: unknown): BasketEntry[] {
  if (!Array.isArray(value)) return []
  const seen = new Set<string>()
  const entries: BasketEntry[] = []
  for (const item of value.slice(0, BASKET_MAX_ENTRIES)) {
    if (!item || typeof item !== 'object') continue
    const { id, input } = item as Record<string, unknown>
    if (typeof id !== 'string' || id === '' || seen.has(id)) continue
    if (!input || typeof input !== 'object' || Array.isArray(input)) continue
    const measure = (input as Record<string, unknown>).measure
    if (!(SUBSIDY_MEASURES as readonly unknown[]).includes(measure)) continue
    seen.add(id)
    entries.push({ id, input: { ...(input as SubsidyInput) } })
  }
  return entries
}

export const useSubsidyBasketStore = create<SubsidyBasketState>()(
  persist(
    (set, get) => ({
      entries: [],
      addEntry: (input) => {
        if (get().entries.length >= BASKET_MAX_ENTRIES) return null
        const id = newEntryId()
        set((state) => ({ entries: [...state.entries, { id, input: { ...input } }] }))
        return id
      },
      updateEntry: (id, input) =>
        set((state) => ({ entries: state.entries.map((entry) => (entry.id === id ? { id, input: { ...input } } : entry)) })),
      removeEntry: (id) => set((state) => ({ entries: state.entries.filter((entry) => entry.id !== id) })),
      restoreEntry: (entry, index) =>
        set((state) => {
          if (state.entries.some((existing) => existing.id === entry.id)) return state
          const entries = [...state.entries]
          entries.splice(Math.max(0, Math.min(index, entries.length)), 0, entry)
          return { entries }
        }),
    }),
    {
      ...persistOptions<SubsidyBasketState, Pick<SubsidyBasketState, 'entries'>>({
        name: 'subsidy-basket',
        version: 1,
        partialize: (state) => ({ entries: state.entries }),
        migrate: (persisted) => ({ entries: sanitiseBasketEntries((persisted as { entries?: unknown } | null)?.entries) }),
      }),
      // Also for data stored by this version: whatever storage holds is checked before use.
      merge: (persisted, current) => ({ ...current, entries: sanitiseBasketEntries((persisted as { entries?: unknown } | null)?.entries) }),
    },
  ),
)
