/**
 * The policy data (GET /policy) in component tests: an operator's subsidy override of the 2026
 * national appliance rule, the answer the server would give for it, and a loopback server answering
 * it to the calculators' store and the 补贴 tab — or no override and no request, for tests about
 * something else.
 */
import { applySubsidyOverrides, SUBSIDY_OVERRIDE_FORMAT } from '../domain/policy/subsidy-overrides'
import { BUNDLED_SUBSIDY_RULE_SETS } from '../domain/policy/subsidy-rule-sets'
import { buildSubsidyOverview } from '../domain/subsidy/subsidy-overview-build'
import { POLICY_CACHE_KEY, policyApi, type PolicyData } from '../services/api/policy'
import { resetResources } from '../store/resource'
import { apiTestServerForSuite, ok, seedResource, useApiAt, type RecordedRequest, type Reply } from './api-test-server'

const NOTICE = { clause: '发改环资〔2025〕1745号', source: '商务部 2026-03-10 通知（测试）', status: 'provisional' }

/** 一级能效 15% → 12%, cap ¥1,500 → ¥1,200, and a channel: 空调 ¥5,000 一级 in 2026 gets ¥600 instead of ¥750. */
export const APPLIANCE_OVERRIDE = {
  format: SUBSIDY_OVERRIDE_FORMAT,
  note: '2026-03 家电补贴标准调整',
  ruleSets: [
    {
      id: 'national-2026',
      patch: {
        measures: {
          appliance: {
            rates: { byGrade: { '1': { value: 12, ...NOTICE } } },
            capFen: { value: 120000, ...NOTICE },
          },
        },
        guides: {
          appliance: { channel: { text: '云闪付“以旧换新”专区（测试）', status: 'provisional', source: NOTICE.source } },
        },
      },
    },
  ],
}

/** Imported 2026-03-14 18:00 in Shanghai. */
export const OVERRIDE_UPDATED_AT = '2026-03-14T18:00:00+08:00'

/** What GET /policy answers with `document` stored as the subsidy override (the server's overview too). */
export function policyAnswer(document: unknown): PolicyData {
  const applied = applySubsidyOverrides(BUNDLED_SUBSIDY_RULE_SETS, document, 'test')
  return {
    overrides: [{ kind: 'subsidy', document, updatedAt: OVERRIDE_UPDATED_AT }],
    subsidyOverview: {
      updatedAt: applied.ok ? OVERRIDE_UPDATED_AT : null,
      note: applied.ok ? APPLIANCE_OVERRIDE.note : null,
      ruleSets: buildSubsidyOverview(applied.ruleSets),
    },
  }
}

/**
 * Policy data from `baseUrl` through the one client, nothing read yet (as when the app starts);
 * policyApi.getPolicy is watched, so a test can wait for its answer. Call after
 * `jest.restoreAllMocks()` is set up.
 */
export function usePolicyAt(baseUrl: string): void {
  useApiAt({ baseUrl })
  resetResources(POLICY_CACHE_KEY)
  jest.spyOn(policyApi, 'getPolicy')
}

/** As after a server answer without overrides (the bundled data), with no request made. */
export function settlePolicyWithoutOverrides(): void {
  seedResource<PolicyData>(POLICY_CACHE_KEY, { overrides: [] })
}

export interface PolicyServer {
  /** What GET /api/v1/policy answers from now on; each test starts with the appliance override. */
  answer: (reply: Reply) => void
  requests: () => RecordedRequest[]
  baseUrl: () => string
}

/**
 * For a test file: a loopback server for the suite; before each test, an empty phone storage, the
 * override served, and a fresh store and tab call pointed at the server (as when the app starts).
 */
export function setUpPolicyServer(): PolicyServer {
  const server = apiTestServerForSuite()
  let reply: Reply
  beforeEach(() => {
    reply = ok({ data: policyAnswer(APPLIANCE_OVERRIDE) })
    server.on((request) => (request.method === 'GET' && request.path === '/api/v1/policy' ? reply : undefined))
    usePolicyAt(server.baseUrl)
  })
  return {
    answer: (next) => {
      reply = next
    },
    requests: () => server.requests,
    baseUrl: () => server.baseUrl,
  }
}

/** jsdom reports a dropped connection on the console; the screen is what these tests read. */
export function quietNetworkErrors(): void {
  jest.spyOn(console, 'error').mockImplementation(() => undefined)
}
