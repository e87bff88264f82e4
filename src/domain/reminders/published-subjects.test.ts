import { applySubsidyOverrides, SUBSIDY_OVERRIDE_FORMAT } from '../policy/subsidy-overrides'
import { NATIONAL_2026_RULES } from '../policy/subsidy-national-2026'
import { BUNDLED_SUBSIDY_RULE_SETS } from '../policy/subsidy-rule-sets'
import { applyTollOverride } from '../policy/toll-overrides'
import { BUNDLED_TOLL_DATA } from '../policy/toll-scheme'
import { SUBSIDY_MEASURES } from '../policy/subsidy-vocabulary'
import { firesOnPublication, REMINDER_KINDS } from './kinds'
import {
  allPublishedSubjects,
  changedPublishedSubjects,
  parsePublishedSubject,
  publishedFingerprint,
  publishedSubjectId,
  publishedSubjectTitle,
  type PublishedState,
} from './published-subjects'

const TODAY = '2026-12-06'
const BUNDLED: PublishedState = { ruleSets: BUNDLED_SUBSIDY_RULE_SETS, toll: BUNDLED_TOLL_DATA, today: TODAY }

function withSubsidyPatch(patch: Record<string, unknown>): PublishedState {
  const result = applySubsidyOverrides(BUNDLED_SUBSIDY_RULE_SETS, { format: SUBSIDY_OVERRIDE_FORMAT, ruleSets: [{ id: 'national-2026', patch }] }, 'test')
  if (!result.ok) throw new Error(JSON.stringify(result.errors))
  return { ...BUNDLED, ruleSets: result.ruleSets }
}

function withToll(body: Record<string, unknown>): PublishedState {
  const result = applyTollOverride({ version: '2026.1', ...body }, 'test')
  if (!result.ok) throw new Error(JSON.stringify(result.errors))
  return { ...BUNDLED, toll: result.data }
}

const capFen = NATIONAL_2026_RULES.measures.appliance!.capFen
const provenance = { clause: capFen.clause, source: capFen.source, status: 'provisional' as const }
const year = { from: '2026-01-01', to: '2026-12-31' }
const furniture = {
  effective: { ...year, ...provenance },
  rates: { byGrade: {}, otherGrades: { label: '家居补贴比例', value: 15, ...provenance, effective: year } },
  capFen: { label: '家居每件补贴上限', value: 1_000_00, ...provenance, effective: year },
  perPersonTotalCapFen: { label: '家居每人累计补贴上限', value: null, ...provenance, status: 'unknown', effective: year },
}
const period2026 = { value: year, clause: '二十六', source: '示例公告', status: 'provisional' }

describe('公布时提醒 subjects', () => {
  test('only rule-published fires on publication', () => {
    expect(REMINDER_KINDS.filter(firesOnPublication)).toEqual(['rule-published'])
  })

  test.each([
    ['furniture', 'measure:furniture', '家居补贴新规则'],
    ['ebike', 'measure:ebike', '电动自行车补贴新规则'],
    ['renovation', 'measure:renovation', '家装补贴新规则'],
    ['toll-period', 'toll-period', '“衢城畅行”新实施期'],
  ] as const)('%s ↔ %s, titled %s', (topic, subjectId, title) => {
    expect(publishedSubjectId(topic)).toBe(subjectId)
    const subject = parsePublishedSubject(subjectId)!
    expect(subject.subjectId).toBe(subjectId)
    expect(publishedSubjectTitle(subject)).toBe(title)
    // A WeChat thing field holds 20 characters.
    expect(Array.from(title).length).toBeLessThanOrEqual(20)
  })

  test.each(['measure:', 'measure:yacht', 'furniture', 'toll-period ', ''])('%p is not a subject', (subjectId) => {
    expect(parsePublishedSubject(subjectId)).toBeNull()
  })

  test('every measure and the toll period are subjects', () => {
    expect(allPublishedSubjects().map((subject) => subject.subjectId)).toEqual([...SUBSIDY_MEASURES.map((measure) => `measure:${measure}`), 'toll-period'])
  })

  test.each<[string, PublishedState, string[]]>([
    ['the same data', BUNDLED, []],
    ['the same data re-validated by an override that changes nothing of it', withSubsidyPatch({ title: NATIONAL_2026_RULES.title }), []],
    ['the 2026 furniture rule published', withSubsidyPatch({ measures: { furniture } }), ['measure:furniture']],
    ['the 2026 appliance cap changed', withSubsidyPatch({ measures: { appliance: { capFen: { ...capFen, value: 1_400_00 } } } }), ['measure:appliance']],
    ['toll rates only', withToll({ rates: { perTripFen: { value: 600, clause: '二十六', source: '示例', status: 'provisional' } } }), []],
    ['a new toll period', withToll({ period: period2026 }), ['toll-period']],
    ['the toll period re-sourced, same dates', withToll({ period: { ...BUNDLED_TOLL_DATA.period, source: '另一份公告' } }), []],
  ])('%s → changed %p', (_, after, changed) => {
    expect(changedPublishedSubjects(BUNDLED, after).map((subject) => subject.subjectId)).toEqual(changed)
  })

  test('the rule of the set in force on the day is what is watched: a 2025 edit does not touch a 2026 reminder', () => {
    const result = applySubsidyOverrides(
      BUNDLED_SUBSIDY_RULE_SETS,
      { format: SUBSIDY_OVERRIDE_FORMAT, ruleSets: [{ id: 'quzhou-2025', patch: { title: '2025 改名' } }] },
      'test',
    )
    if (!result.ok) throw new Error('rejected')
    const after = { ...BUNDLED, ruleSets: result.ruleSets }
    expect(changedPublishedSubjects(BUNDLED, after)).toEqual([])
    const furnitureSubject = parsePublishedSubject('measure:furniture')!
    expect(publishedFingerprint(furnitureSubject, { ...BUNDLED, today: '2025-06-01' })).not.toBe(publishedFingerprint(furnitureSubject, BUNDLED))
  })
})
