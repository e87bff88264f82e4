/**
 * Every source the app ships — shown on screen or served by the API — names a public document or
 * says 本应用暂定 with the reason (facts.md, "What residents may be shown as a source"). The test
 * walks all bundled data for `source` fields and document titles, so a new figure cannot slip in
 * with a repository path, a rule-set id or a "内置" version as its source.
 */
import { realEvents2025 } from '../events/real-events-2025'
import { sampleEvents } from '../events/sample-events'
import { buildSubsidyOverview } from '../subsidy/subsidy-overview-build'
import { SUBSIDY_OVERVIEW } from '../subsidy/subsidy-overview-snapshot'
import { sampleVoucherContent } from '../vouchers/samples'
import { POLICY_CLAUSES } from './clauses'
import { EVENT_TARGET_SETS } from './event-targets'
import { repositoryReferenceProblem, residentSourceProblem } from './resident-source'
import { BUNDLED_SUBSIDY_RULE_SETS } from './subsidy-rule-sets'
import { BUNDLED_TOLL_DATA } from './toll-scheme'

const TODAY = '2026-12-06'

/** Every `source` string (and each document's `title`) in a tree, with where it sits. */
function sourcesIn(node: unknown, path = ''): Array<[string, string]> {
  if (Array.isArray(node)) return node.flatMap((child, index) => sourcesIn(child, `${path}[${index}]`))
  if (typeof node !== 'object' || node === null) return []
  return Object.entries(node).flatMap(([key, child]) => {
    const here = path ? `${path}.${key}` : key
    if (key === 'source' && typeof child === 'string') return [[here, child] as [string, string]]
    return sourcesIn(child, here)
  })
}

const bundled: Array<[string, unknown]> = [
  ...BUNDLED_SUBSIDY_RULE_SETS.map((ruleSet): [string, unknown] => [`subsidy ${ruleSet.title}`, ruleSet]),
  ['subsidy overview (补贴 tab, GET /policy)', buildSubsidyOverview()],
  ['subsidy overview snapshot', SUBSIDY_OVERVIEW],
  ['toll data (衢城畅行)', BUNDLED_TOLL_DATA],
  ['policy clauses', POLICY_CLAUSES],
  ['event targets', EVENT_TARGET_SETS],
  ['real 2025 events', realEvents2025],
  ['sample events', sampleEvents(TODAY)],
  ['sample vouchers', sampleVoucherContent(TODAY)],
]

const rows = bundled.flatMap(([what, data]) => sourcesIn(data).map(([path, source]) => [what, path, source] as const))

test('the walk finds the sources', () => {
  expect(rows.length).toBeGreaterThan(100)
})

test.each(rows)('%s › %s: %s', (_what, _path, source) => {
  expect(residentSourceProblem(source)).toBeNull()
})

test.each(BUNDLED_SUBSIDY_RULE_SETS.flatMap((ruleSet) => Object.values(ruleSet.documents).map((document) => [document.title])))(
  'document title names a public document: %s',
  (title) => {
    expect(residentSourceProblem(title)).toBeNull()
  },
)

test('an event marked confirmed cites a public source (publisher and date or 文号), not the app', () => {
  for (const event of [...realEvents2025, ...sampleEvents(TODAY)]) {
    if (event.provenance.status !== 'confirmed') continue
    expect(event.provenance.source).not.toMatch(/^本应用暂定/)
    expect(residentSourceProblem(event.provenance.source)).toBeNull()
  }
})

test('figures the app chose itself are sourced 本应用暂定 with the reason, not the city document', () => {
  const quzhou = BUNDLED_SUBSIDY_RULE_SETS.find((ruleSet) => ruleSet.effective.from === '2025-01-01')!
  const { measures } = quzhou
  const chosen = [measures['car-replace']!.amounts.nev, measures['car-replace']!.amounts.fuel].flatMap((amount) =>
    amount.basis === 'tiers' ? [amount.tiers] : [],
  )
  expect(chosen).toHaveLength(2)
  const renovationCaps = Object.values(measures.renovation!.kinds).map((kind) => kind!.capFen)
  const all = [
    ...chosen,
    ...renovationCaps,
    measures.furniture!.perPersonTotalCapFen,
    measures.renovation!.perPersonTotalCapFen,
    measures.ebike!.perPersonLimit,
    measures.ebike!.baseAmountFen,
    ...measures.ebike!.extras,
  ]
  for (const figure of all) {
    expect(figure.source).toMatch(/^本应用暂定：.{4,}/)
    expect(figure.status).not.toBe('confirmed')
  }
  expect(BUNDLED_TOLL_DATA.stationSet.source).toMatch(/^本应用暂定：.*13 个/)
})

test('the data version shown beside every ETC verdict (数据版本 …) is a version, not "…-内置"', () => {
  expect(repositoryReferenceProblem(BUNDLED_TOLL_DATA.version)).toBeNull()
})
