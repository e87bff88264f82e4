/**
 * The bundled trade-in rule sets and how a purchase date picks one. Rule sets never overlap (the
 * override validator enforces it), so a date has at most one; a date outside all of them — before
 * 2025, or after the last set ends — has none, and every measure is then ineligible.
 */
import { isDateWithin } from '../time'
import { NATIONAL_2026_RULES } from './subsidy-national-2026'
import { QUZHOU_2025 } from './subsidy-quzhou-2025'
import type { SubsidyRuleSet } from './subsidy-rules'

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}

/** In date order. Frozen: overrides build new rule sets instead of editing these. */
export const BUNDLED_SUBSIDY_RULE_SETS: readonly SubsidyRuleSet[] = deepFreeze([QUZHOU_2025, NATIONAL_2026_RULES])

export function findRuleSetForDate(
  date: string,
  ruleSets: readonly SubsidyRuleSet[] = BUNDLED_SUBSIDY_RULE_SETS,
): SubsidyRuleSet | undefined {
  return ruleSets.find((ruleSet) => isDateWithin(date, ruleSet.effective.from, ruleSet.effective.to))
}

export function findRuleSetById(id: string, ruleSets: readonly SubsidyRuleSet[] = BUNDLED_SUBSIDY_RULE_SETS): SubsidyRuleSet | undefined {
  return ruleSets.find((ruleSet) => ruleSet.id === id)
}
