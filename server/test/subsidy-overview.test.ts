/**
 * GET /api/v1/policy serves the 补贴 tab's overview of the trade-in rule sets in force (clause 十四):
 * the bundled overview until an operator imports a subsidy override, then the overview of the
 * overridden rule sets with the import time — and the bundled one again, logged, when a stored
 * override no longer applies. The ETag follows the overview.
 */
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { SUBSIDY_OVERRIDE_FORMAT } from '../../src/domain/policy/subsidy-overrides'
import { overviewOn } from '../../src/domain/subsidy/subsidy-overview'
import { buildSubsidyOverview } from '../../src/domain/subsidy/subsidy-overview-build'
import { importParsedFiles } from '../src/content/import'
import { inMemoryFile } from '../src/content/source-files'
import { putOverride } from '../src/store/content'
import { startHarness, type Harness } from './helpers/harness'

/** An operator lowers the provisional 2026 national appliance rate and cap (a made-up notice). */
const OVERRIDE = {
  format: SUBSIDY_OVERRIDE_FORMAT,
  note: '2026-03 家电补贴标准调整（测试）',
  ruleSets: [
    {
      id: 'national-2026',
      patch: {
        measures: {
          appliance: {
            rates: {
              byGrade: {
                '1': { value: 12, clause: '发改环资〔2025〕1745号', source: '商务部 2026-03-10 通知（测试）', status: 'provisional' },
              },
            },
            capFen: { value: 120000, clause: '发改环资〔2025〕1745号', source: '商务部 2026-03-10 通知（测试）', status: 'provisional' },
          },
        },
      },
    },
  ],
}

let h: Harness
before(async () => {
  h = await startHarness({}, { seed: false })
})
after(() => h.close())

const getPolicy = () => h.request({ method: 'GET', url: '/api/v1/policy' })
const applianceIn2026 = (body: { data: { subsidyOverview: { ruleSets: ReturnType<typeof buildSubsidyOverview> } } }) =>
  overviewOn('2026-03-16', body.data.subsidyOverview.ruleSets).measures.find((item) => item.measure === 'appliance')?.current?.headline

test('with no override the overview is the bundled one, with no operator time', async () => {
  const body = (await getPolicy()).json()
  assert.deepEqual(body.data.subsidyOverview, { updatedAt: null, note: null, ruleSets: buildSubsidyOverview() })
  assert.equal(applianceIn2026(body), '一级能效 15% · 最高 ¥1,500/件')
})

test('an imported override changes the served overview, with its import time and note, and the ETag', async () => {
  const before = await getPolicy()
  const imported = await importParsedFiles(h.db, [inMemoryFile('override.json', { subsidyOverrides: OVERRIDE })], { source: 'test' })
  assert.ok(imported.ok, JSON.stringify(imported))
  const response = await getPolicy()
  assert.notEqual(response.headers.etag, before.headers.etag)
  const body = response.json()
  assert.equal(applianceIn2026(body), '一级能效 12% · 最高 ¥1,200/件')
  assert.equal(body.data.subsidyOverview.note, OVERRIDE.note)
  assert.match(body.data.subsidyOverview.updatedAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/)
  assert.equal(body.data.overrides.find((item: { kind: string }) => item.kind === 'subsidy').updatedAt, body.data.subsidyOverview.updatedAt)
  // The 2025 set is untouched by a patch of the 2026 one.
  assert.deepEqual(body.data.subsidyOverview.ruleSets[0], buildSubsidyOverview()[0])
  const again = await h.request({ method: 'GET', url: '/api/v1/policy', headers: { 'if-none-match': response.headers.etag as string } })
  assert.equal(again.statusCode, 304)
})

test('a stored override that no longer applies leaves the bundled overview, not an error', async () => {
  const broken = structuredClone(OVERRIDE)
  broken.ruleSets[0].patch.measures.appliance.capFen.value = -1
  await putOverride(h.db, 'subsidy', broken)
  const response = await getPolicy()
  assert.equal(response.statusCode, 200)
  assert.deepEqual(response.json().data.subsidyOverview, { updatedAt: null, note: null, ruleSets: buildSubsidyOverview() })
})
