/**
 * Policy API: `GET /policy` (ETag, kept on the phone for offline use). It carries the operator's
 * stored override documents — the calculators apply the subsidy one over their bundled rule sets —
 * and `subsidyOverview`, the 补贴 tab's headlines the server built from the same rule sets, so the
 * tab in the main package needs neither the rule data nor the override validator.
 *
 * In the main package (the tab calls it): types, one call and one cheap check, nothing else.
 */
import type { RuleSetOverview } from '@/domain/subsidy/subsidy-overview'
import { api } from './index'

export interface StoredOverride {
  kind: 'subsidy' | 'toll'
  /** As the operator imported it (validated by the server against its bundled data). */
  document: unknown
  /** ISO-8601 with +08:00: when it was imported. */
  updatedAt: string
}

export interface SubsidyOverviewData {
  /** When the subsidy override the overview reflects was imported; null when it is the bundled data. */
  updatedAt: string | null
  note: string | null
  ruleSets: RuleSetOverview[]
}

export interface PolicyData {
  overrides: StoredOverride[]
  /** Absent from a server older than the overview. */
  subsidyOverview?: SubsidyOverviewData
}

export const POLICY_CACHE_KEY = 'policy'

export const policyApi = {
  getPolicy: () => api.get<PolicyData>('/api/v1/policy', { cacheKey: POLICY_CACHE_KEY }),
}

/** The server's overview if it has the shape the tab reads (an old stored copy lacks it). */
export function servedSubsidyOverview(policy: PolicyData): SubsidyOverviewData | null {
  try {
    const served = policy.subsidyOverview!
    return served.ruleSets.every((set) => set.measures.every((item) => item.details.map)) ? served : null
  } catch {
    return null
  }
}
