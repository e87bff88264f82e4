/**
 * The policy data (GET /policy) as one key of the resource cache ('policy', also the client's
 * offline-copy key): the 补贴 tab's overview and the calculators' operator overrides are one read,
 * loaded once per run (again after an offline answer), the phone's stored copy shown before the
 * network answers.
 */
import { POLICY_CACHE_KEY, policyApi, type PolicyData } from '@/services/api/policy'
import { useResource, type ResourceOptions, type UseResource } from './resource'

// Read at call time, so a test may watch policyApi.getPolicy.
const fetchPolicy = () => policyApi.getPolicy()
const POLICY_OPTIONS: ResourceOptions<PolicyData> = { staleMs: Number.POSITIVE_INFINITY, stored: true }

export function usePolicy(): UseResource<PolicyData> {
  return useResource(POLICY_CACHE_KEY, fetchPolicy, POLICY_OPTIONS)
}
