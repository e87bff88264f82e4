/**
 * The policy data (GET /policy) the calculators, the basket and the guide share: loaded once per
 * run (again after an offline answer), the phone's stored copy shown before the network answers.
 * Not persisted: the API client already keeps the last answer (ETag + offline copy).
 */
import { create } from 'zustand'
import type { ApiClient } from '@/services/api/client'
import { api } from '@/services/api/index'
import { POLICY_CACHE_KEY, policyApi, type PolicyData } from '@/services/api/policy'

export interface PolicyState {
  /** The last answer (the server's or the stored copy); null before one arrives or when neither exists. */
  policy: PolicyData | null
  /** When the server sent `policy` (epoch ms). */
  fetchedAt: number | null
  /** The network failed and `policy` is the stored copy. */
  fromCache: boolean
  loading: boolean
  /** The last load reached neither the server nor a stored copy. */
  failed: boolean
  /** A component test points this at its own server. */
  client: ApiClient
  /** Never throws: without an answer the bundled data stands. */
  load: () => Promise<void>
}

export const usePolicyStore = create<PolicyState>()((set, get) => ({
  policy: null,
  fetchedAt: null,
  fromCache: false,
  loading: false,
  failed: false,
  client: api,
  async load() {
    const { loading, policy, fromCache, client } = get()
    if (loading || (policy && !fromCache)) return
    const stored = policy ? null : client.peek<PolicyData>(POLICY_CACHE_KEY)
    set(stored ? { loading: true, policy: stored.data, fetchedAt: stored.fetchedAt, fromCache: true } : { loading: true })
    try {
      const result = await policyApi.getPolicy(client)
      set({ policy: result.data, fetchedAt: result.fetchedAt, fromCache: result.fromCache, loading: false, failed: false })
    } catch {
      set({ loading: false, failed: get().policy === null })
    }
  },
}))
