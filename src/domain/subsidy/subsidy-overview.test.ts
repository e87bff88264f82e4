/**
 * The shipped overview (subsidy-overview-snapshot.ts) is the bundled rule sets' overview, and on
 * every boundary date the light overviewOn says what the full measureSummaries says.
 * After changing bundled rule data: UPDATE_SUBSIDY_OVERVIEW=1 npx jest src/domain/subsidy/subsidy-overview
 */
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { BUNDLED_SUBSIDY_RULE_SETS } from '../policy/subsidy-rule-sets'
import { addDays } from '../time'
import { measureSummaries, measureSummary } from './measure-summaries'
import { overviewOn } from './subsidy-overview'
import { buildSubsidyOverview } from './subsidy-overview-build'
import { SUBSIDY_OVERVIEW } from './subsidy-overview-snapshot'

const SNAPSHOT_FILE = join(__dirname, 'subsidy-overview-snapshot.ts')

function writeSnapshot(): void {
  const source = [
    '/**',
    ' * Generated from the bundled rule sets by subsidy-overview.test.ts (UPDATE_SUBSIDY_OVERVIEW=1):',
    ' * do not edit by hand. The test fails when the rule data changes and this file does not.',
    ' */',
    "import type { RuleSetOverview } from './subsidy-overview'",
    '',
    `export const SUBSIDY_OVERVIEW: readonly RuleSetOverview[] = ${JSON.stringify(buildSubsidyOverview(), null, 2)}`,
    '',
  ].join('\n')
  writeFileSync(SNAPSHOT_FILE, source)
  execFileSync(join(__dirname, '../../../node_modules/.bin/prettier'), ['--write', SNAPSHOT_FILE])
}

test('the shipped overview is built from the bundled rule sets', () => {
  if (process.env.UPDATE_SUBSIDY_OVERVIEW) writeSnapshot()
  expect(SUBSIDY_OVERVIEW).toEqual(buildSubsidyOverview())
})

const boundaryDates = [
  ...new Set(
    BUNDLED_SUBSIDY_RULE_SETS.flatMap((ruleSet) => [
      ruleSet.effective.from,
      ...(ruleSet.effective.to ? [ruleSet.effective.to] : []),
      ...Object.values(ruleSet.measures).flatMap((rule) =>
        rule ? [rule.effective.from, ...(rule.effective.to ? [rule.effective.to] : [])] : [],
      ),
    ]).flatMap((date) => [addDays(date, -1), date, addDays(date, 1)]),
  ),
  '2026-11-28',
].sort()

test.each(boundaryDates)('on %s the overview says what measureSummaries says', (date) => {
  const light = overviewOn(date, SUBSIDY_OVERVIEW)
  const full = measureSummaries(date)
  expect(light.ruleSet?.id ?? null).toBe(full[0].ruleSetId)
  for (const [index, summary] of full.entries()) {
    const measure = light.measures[index]
    expect(measure.measure).toBe(summary.measure)
    expect(measure.label).toBe(summary.label)
    expect(measure.current !== null).toBe(summary.available)
    if (measure.current) {
      expect(measure.current.headline).toBe(summary.headline)
      expect(measure.current.details).toEqual(summary.details)
      expect(measure.current.status).toBe(summary.status)
      expect(measure.current.to).toBe(summary.deadline)
      expect(measure.unavailableReason).toBeNull()
    } else {
      expect(summary.unavailableReason).toContain(measure.unavailableReason)
    }
    expect(measure.unpublished?.text ?? null).toBe(summary.unpublished?.text ?? null)
    if (measure.past) expect(measure.past.measure.headline).toBe(measureSummary(summary.measure, measure.past.measure.to!).headline)
  }
})

test('in 2026 the 2025 set has ended; digital products have a 2026 rule and the unpublished measures are 待公布, not gone', () => {
  const view = overviewOn('2026-11-28', SUBSIDY_OVERVIEW)
  expect(view.ruleSet?.id).toBe('national-2026')
  expect(view.ended.map((ruleSet) => ruleSet.id)).toEqual(['quzhou-2025'])
  const byMeasure = Object.fromEntries(view.measures.map((item) => [item.measure, item]))
  expect(byMeasure.digital.current).toMatchObject({ from: '2026-01-01', headline: '单价 ¥6,000 以下 15% · 最高 ¥500/件' })
  expect(byMeasure.digital.current?.details[0]).toContain('智能眼镜')
  for (const measure of ['furniture', 'ebike', 'renovation'] as const) {
    expect(byMeasure[measure].current).toBeNull()
    expect(byMeasure[measure].unpublished?.text).toMatch(/尚未公布.*待官方确认/)
    expect(byMeasure[measure].unavailableReason).not.toMatch(/没有|不能补贴|不符合/)
    expect(byMeasure[measure].past?.measure.to).toBe('2025-12-31')
  }
})

test('after the last rule set every measure is 待公布, not "no subsidy"', () => {
  const view = overviewOn('2027-02-01', SUBSIDY_OVERVIEW)
  expect(view.ruleSet).toBeNull()
  for (const measure of view.measures) {
    expect(measure.unpublished?.text).toContain('2027 年')
    expect(measure.unavailableReason).not.toMatch(/没有|不能补贴|不符合/)
  }
  expect(measureSummary('furniture', '2027-02-01').unpublished?.text).toBe(view.measures[1].unpublished?.text)
})
