/**
 * The rule sets every calculator, the basket and the guide answer with (clause 十四): the bundled
 * sets with the operator's subsidy override from GET /policy applied. The bundled sets answer while
 * it loads, offline with no stored copy, when no override was imported, and when the one served
 * does not apply (all or nothing, src/domain/policy/README.md) — that last one is logged, not shown
 * as an error: the resident still gets an answer, and the data note says whose data it is.
 */
import { applySubsidyOverrides } from '@/domain/policy/subsidy-overrides'
import { BUNDLED_SUBSIDY_RULE_SETS } from '@/domain/policy/subsidy-rule-sets'
import type { SubsidyRuleSet } from '@/domain/policy/subsidy-rules'
import type { PolicyData } from '@/services/api/policy'
import { usePolicy } from '@/store/policy'

export interface OverrideOutcome {
  ruleSets: readonly SubsidyRuleSet[]
  /** The override applied: when it was imported (ISO +08:00) and its note. */
  applied: { updatedAt: string; note: string | null } | null
  /** The server sent a subsidy override that does not apply to this version's bundled sets. */
  rejected: boolean
}

export interface RuleSetsInUse extends OverrideOutcome {
  /** No answer yet: the bundled sets answer for now. */
  checking: boolean
  /** Neither the server nor a stored copy answered. */
  offline: boolean
  /** The answer is the phone's stored copy (network down), fetched then (epoch ms). */
  storedCopyFrom: number | null
}

const BUNDLED: OverrideOutcome = { ruleSets: BUNDLED_SUBSIDY_RULE_SETS, applied: null, rejected: false }

// Validating an override checks every rule set: once per document, not on every render.
let last: { key: string; outcome: OverrideOutcome } | null = null

/** The rule sets a policy answer gives: its subsidy override over the bundled sets, or the bundled sets. */
export function ruleSetsFromPolicy(policy: PolicyData | null): OverrideOutcome {
  const override = Array.isArray(policy?.overrides) ? policy.overrides.find((item) => item?.kind === 'subsidy') : undefined
  if (!override) return BUNDLED
  const key = `${override.updatedAt} ${JSON.stringify(override.document)}`
  if (last?.key === key) return last.outcome
  let outcome: OverrideOutcome
  try {
    const result = applySubsidyOverrides(BUNDLED_SUBSIDY_RULE_SETS, override.document, 'GET /api/v1/policy')
    if (result.ok) {
      const note = (override.document as { note?: unknown }).note
      const updatedAt = typeof override.updatedAt === 'string' ? override.updatedAt : ''
      outcome = { ruleSets: result.ruleSets, applied: { updatedAt, note: typeof note === 'string' ? note : null }, rejected: false }
    } else {
      console.warn('运营方的补贴覆盖数据不适用于本版本的内置规则，仍用内置规则', result.errors)
      outcome = { ...BUNDLED, rejected: true }
    }
  } catch (error) {
    console.warn('运营方的补贴覆盖数据无法读取，仍用内置规则', error)
    outcome = { ...BUNDLED, rejected: true }
  }
  last = { key, outcome }
  return outcome
}

/** The rule sets in use now; loads the policy data once, and re-renders when it arrives. */
export function useRuleSets(): RuleSetsInUse {
  const { data: policy, source, fetchedAt, error } = usePolicy()
  // Neither the server nor a stored copy answered: the bundled rules stand.
  const failed = policy === null && error !== null
  return {
    ...ruleSetsFromPolicy(policy),
    checking: policy === null && !failed,
    offline: failed,
    storedCopyFrom: source === 'cache' ? fetchedAt : null,
  }
}
