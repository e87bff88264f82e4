import { quoteSubsidy, type SubsidyInput } from '../subsidy'
import { applySubsidyOverrides, SUBSIDY_OVERRIDE_FORMAT, subsidyOverrideFileSchema } from './subsidy-overrides'
import { BUNDLED_SUBSIDY_RULE_SETS } from './subsidy-rule-sets'
import { NATIONAL_2026_RULES, NOTICE_2026 } from './subsidy-national-2026'
import { ebike, furniture } from '../subsidy/test-inputs'

const FILE = 'subsidy-2025-06.json'
const CITY_NOTICE = { source: '衢州市商务局 2025-06-01 电动自行车以旧换新通知（示例）', status: 'confirmed' }

const bike = ebike({ purchaseDate: '2025-06-01' })
const sofa = furniture({ priceYuan: 5000, purchaseDate: '2026-03-01' })

function expectOk(result: ReturnType<typeof applySubsidyOverrides>) {
  if (!result.ok) throw new Error(`expected a good file, got ${JSON.stringify(result.errors, null, 2)}`)
  return result
}

describe('a good override file changes the figures it names and nothing else', () => {
  test('patching one figure: the e-bike base becomes a confirmed ¥600', () => {
    const result = expectOk(
      applySubsidyOverrides(
        BUNDLED_SUBSIDY_RULE_SETS,
        {
          format: SUBSIDY_OVERRIDE_FORMAT,
          ruleSets: [{ id: 'quzhou-2025', patch: { measures: { ebike: { baseAmountFen: { value: 600_00, ...CITY_NOTICE } } } } }],
        },
        FILE,
      ),
    )
    expect(result.changedIds).toEqual(['quzhou-2025'])
    const quote = quoteSubsidy(bike, { ruleSets: result.ruleSets })
    expect(quote.amountFen).toBe(600_00)
    expect(quote.figures.find((figure) => figure.label === '电动自行车以旧换新基础补贴')).toMatchObject({
      status: 'confirmed',
      source: CITY_NOTICE.source,
      clause: '十四',
    })
    expect(quoteSubsidy(bike).amountFen).toBe(500_00)
  })

  test('replacing a tier table and a guide line, and moving a deadline', () => {
    const tiers = [
      { minPriceFen: 0, amountFen: 10_000_00 },
      { minPriceFen: 120_000_00, amountFen: 15_000_00 },
    ]
    const result = expectOk(
      applySubsidyOverrides(
        BUNDLED_SUBSIDY_RULE_SETS,
        {
          format: SUBSIDY_OVERRIDE_FORMAT,
          note: '浙江公布置换分档',
          ruleSets: [
            {
              id: 'quzhou-2025',
              patch: {
                measures: {
                  'car-replace': {
                    amounts: { nev: { tiers: { value: tiers, source: '浙江省商务厅 2025-06-01 公告（示例）', status: 'confirmed' } } },
                  },
                },
                guides: {
                  'car-replace': {
                    channel: { text: '浙里办“汽车置换更新”（示例）', status: 'confirmed', source: '浙江省商务厅 2025-06-01 公告（示例）' },
                  },
                },
              },
            },
            {
              id: 'national-2026',
              patch: {
                effective: { to: '2026-06-30' },
                measures: {
                  appliance: { effective: { to: '2026-06-30' } },
                  digital: { effective: { to: '2026-06-30' } },
                  'car-scrap': { effective: { to: '2026-06-30' } },
                  'car-replace': { effective: { to: '2026-06-30' } },
                },
              },
            },
          ],
        },
        FILE,
      ),
    )
    const replace = quoteSubsidy(
      { measure: 'car-replace', newCarEnergy: 'nev', oldCarOwnedSince: '2020-01-01', priceYuan: 125000, purchaseDate: '2025-06-01' },
      { ruleSets: result.ruleSets },
    )
    expect(replace.amountFen).toBe(15_000_00)
    expect(replace.provisional).toBe(false)
    const guides = result.ruleSets[0].guides['car-replace']
    expect(guides?.channel.text).toBe('浙里办“汽车置换更新”（示例）')
    expect(guides?.steps.length).toBe(BUNDLED_SUBSIDY_RULE_SETS[0].guides['car-replace']?.steps.length)
    const july = quoteSubsidy(
      { measure: 'appliance', category: 'television', priceYuan: 3000, grade: 1, purchaseDate: '2026-07-01' },
      { ruleSets: result.ruleSets },
    )
    expect(july.eligible).toBe(false)
    expect(july.ruleSetId).toBe('none')
  })

  test('adding a measure to a set that had none, and a new rule set', () => {
    const furniture2026 = {
      effective: {
        from: '2026-01-01',
        to: '2026-12-31',
        clause: NOTICE_2026,
        source: '衢州市商务局 2026-03-01 公告（示例）',
        status: 'provisional',
      },
      rates: {
        byGrade: {},
        otherGrades: {
          label: '家居补贴比例',
          value: 10,
          clause: NOTICE_2026,
          source: '衢州市商务局 2026-03-01 公告（示例）',
          status: 'provisional',
          effective: { from: '2026-01-01', to: '2026-12-31' },
        },
      },
      capFen: {
        label: '家居每件补贴上限',
        value: 1_000_00,
        clause: NOTICE_2026,
        source: '衢州市商务局 2026-03-01 公告（示例）',
        status: 'provisional',
        effective: { from: '2026-01-01', to: '2026-12-31' },
      },
      perPersonTotalCapFen: {
        label: '家居每人累计补贴上限',
        value: null,
        clause: NOTICE_2026,
        source: '衢州市商务局 2026-03-01 公告（示例）',
        status: 'unknown',
        effective: { from: '2026-01-01', to: '2026-12-31' },
      },
    }
    const set2027 = JSON.parse(JSON.stringify(NATIONAL_2026_RULES).replace(/2026-/g, '2027-').replace('"national-2026"', '"national-2027"'))
    const result = expectOk(
      applySubsidyOverrides(
        BUNDLED_SUBSIDY_RULE_SETS,
        {
          format: SUBSIDY_OVERRIDE_FORMAT,
          ruleSets: [
            { id: 'national-2026', patch: { measures: { furniture: furniture2026 } } },
            { id: 'national-2027', replace: set2027 },
          ],
        },
        FILE,
      ),
    )
    // Publishing the rule is enough: the set's `unpublished` entry gives way to the rule.
    expect(quoteSubsidy(sofa).unpublished).toBeDefined()
    const published = quoteSubsidy(sofa, { ruleSets: result.ruleSets })
    expect(published.amountFen).toBe(500_00)
    expect(published.unpublished).toBeUndefined()
    expect(result.ruleSets.map((ruleSet) => ruleSet.id)).toEqual(['quzhou-2025', 'national-2026', 'national-2027'])
    const in2027 = quoteSubsidy(
      { ...sofa, measure: 'appliance', category: 'television', grade: 1, purchaseDate: '2027-03-01' } as SubsidyInput,
      { ruleSets: result.ruleSets, today: '2027-03-01' },
    )
    expect(in2027.ruleSetId).toBe('national-2027')
    expect(in2027.amountFen).toBe(750_00)
  })

  test('the file may be given as its JSON text', () => {
    const text = JSON.stringify({
      format: SUBSIDY_OVERRIDE_FORMAT,
      ruleSets: [{ id: 'quzhou-2025', patch: { measures: { ebike: { baseAmountFen: { value: 600_00, ...CITY_NOTICE } } } } }],
    })
    expect(applySubsidyOverrides(BUNDLED_SUBSIDY_RULE_SETS, text, FILE).ok).toBe(true)
  })
})

describe('a bad file is rejected whole, with every problem and the bundled data kept', () => {
  const badFile = {
    format: SUBSIDY_OVERRIDE_FORMAT,
    ruleSets: [
      {
        id: 'quzhou-2025',
        patch: {
          measures: {
            // a good change that must not be applied, since the file is bad elsewhere
            ebike: { baseAmountFen: { value: 600_00, ...CITY_NOTICE } },
            appliance: {
              capFen: { value: '2000', source: '衢州市商务局 2026-03-01 公告（示例）', status: 'confirmed' },
              rates: { byGrade: { '1': { value: 120, source: '衢州市商务局 2026-03-01 公告（示例）', status: 'confirmed' } } },
              perPersonLimit: { valeu: 2 },
            },
            digital: { ratePercent: { value: 10 } },
            'car-replace': {
              amounts: {
                nev: {
                  tiers: {
                    value: [
                      { minPriceFen: 0, amountFen: 8_000_00 },
                      { minPriceFen: 150_000_00, amountFen: 12_000_00 },
                      { minPriceFen: 100_000_00, amountFen: 20_000_00 },
                    ],
                    source: '衢州市商务局 2026-03-01 公告（示例）',
                    status: 'provisional',
                  },
                },
              },
            },
          },
        },
      },
      { id: 'zhejiang-2025', patch: { title: '不存在的规则集' } },
      { id: 'national-2026', replace: { ...NATIONAL_2026_RULES, effective: { ...NATIONAL_2026_RULES.effective, from: '2025-12-01' } } },
      { id: 'quzhou-2025', patch: { title: '重复' } },
      { id: 'x', patch: {}, replace: {} },
    ],
  }

  const result = applySubsidyOverrides(BUNDLED_SUBSIDY_RULE_SETS, badFile, FILE)

  test('not applied: the bundled rule sets come back untouched', () => {
    expect(result.ok).toBe(false)
    expect(result.ruleSets).toBe(BUNDLED_SUBSIDY_RULE_SETS)
    expect(quoteSubsidy(bike, { ruleSets: result.ruleSets }).amountFen).toBe(500_00)
  })

  test('every problem is listed with its file and path', () => {
    if (result.ok) throw new Error('expected errors')
    expect(result.errors.every((error) => error.file === FILE && /[\u4e00-\u9fa5]/.test(error.reason))).toBe(true)
    const paths = result.errors.map((error) => error.path)
    expect(paths).toEqual(
      expect.arrayContaining([
        'ruleSets[0].patch.measures.appliance.capFen.value',
        'ruleSets[0].patch.measures.appliance.rates.byGrade.1.value',
        'ruleSets[0].patch.measures.appliance.perPersonLimit',
        'ruleSets[0].patch.measures.digital.ratePercent.value',
        'ruleSets[0].patch.measures.car-replace.amounts.nev.tiers.value[2].minPriceFen',
        'ruleSets[0].patch.measures.car-replace.amounts.nev.tiers.value[2].amountFen',
        'ruleSets[1].id',
        'ruleSets[2].replace.effective',
        'ruleSets[3].id',
        'ruleSets[4]',
      ]),
    )
  })

  test('the reasons say what is wrong', () => {
    if (result.ok) throw new Error('expected errors')
    const reasonAt = (path: string) =>
      result.errors
        .filter((error) => error.path === path)
        .map((error) => error.reason)
        .join(' | ')
    expect(reasonAt('ruleSets[0].patch.measures.appliance.capFen.value')).toContain('数字')
    expect(reasonAt('ruleSets[0].patch.measures.appliance.rates.byGrade.1.value')).toContain('比例不能超过 100')
    expect(reasonAt('ruleSets[0].patch.measures.appliance.perPersonLimit')).toContain('valeu')
    expect(reasonAt('ruleSets[0].patch.measures.digital.ratePercent.value')).toContain('source')
    expect(reasonAt('ruleSets[0].patch.measures.car-replace.amounts.nev.tiers.value[2].minPriceFen')).toContain('递增')
    expect(reasonAt('ruleSets[0].patch.measures.car-replace.amounts.nev.tiers.value[2].amountFen')).toContain('超过补贴上限')
    expect(reasonAt('ruleSets[1].id')).toContain('没有 id 为 zhejiang-2025')
    expect(reasonAt('ruleSets[2].replace.effective')).toContain('重叠')
    expect(reasonAt('ruleSets[3].id')).toContain('不止一次')
    expect(reasonAt('ruleSets[4]')).toContain('有且只有')
  })

  test.each([
    ['not JSON', '{ "format": ', ''],
    ['wrong format', { format: 'quhuitong/toll@1', ruleSets: [{ id: 'quzhou-2025', patch: {} }] }, 'format'],
    ['no entries', { format: SUBSIDY_OVERRIDE_FORMAT, ruleSets: [] }, 'ruleSets'],
    ['an unknown top-level key', { format: SUBSIDY_OVERRIDE_FORMAT, rulesets: [], ruleSets: [{ id: 'quzhou-2025', patch: {} }] }, ''],
    [
      'a measure id that does not exist',
      { format: SUBSIDY_OVERRIDE_FORMAT, ruleSets: [{ id: 'quzhou-2025', patch: { measures: { yacht: null } } }] },
      'ruleSets[0].patch.measures',
    ],
    [
      'a date that does not exist',
      { format: SUBSIDY_OVERRIDE_FORMAT, ruleSets: [{ id: 'quzhou-2025', patch: { effective: { to: '2025-02-30' } } }] },
      'ruleSets[0].patch.effective.to',
    ],
    [
      'a measure outside its set',
      {
        format: SUBSIDY_OVERRIDE_FORMAT,
        ruleSets: [{ id: 'quzhou-2025', patch: { measures: { digital: { effective: { to: '2026-03-01' } } } } }],
      },
      'ruleSets[0].patch.measures.digital.effective',
    ],
    [
      'a figure citing a missing document',
      {
        format: SUBSIDY_OVERRIDE_FORMAT,
        ruleSets: [
          {
            id: 'quzhou-2025',
            patch: {
              measures: {
                furniture: {
                  capFen: { value: 2_000_00, clause: '十九', source: '衢州市商务局 2026-03-01 公告（示例）', status: 'confirmed' },
                },
              },
            },
          },
        ],
      },
      'ruleSets[0].patch.measures.furniture.capFen.clause',
    ],
    [
      'an unknown appliance category',
      {
        format: SUBSIDY_OVERRIDE_FORMAT,
        ruleSets: [
          {
            id: 'quzhou-2025',
            patch: {
              measures: {
                appliance: { categories: { value: ['toaster'], source: '衢州市商务局 2026-03-01 公告（示例）', status: 'confirmed' } },
              },
            },
          },
        ],
      },
      'ruleSets[0].patch.measures.appliance.categories.value[0]',
    ],
    [
      'an unknown car basis',
      {
        format: SUBSIDY_OVERRIDE_FORMAT,
        ruleSets: [{ id: 'national-2026', patch: { measures: { 'car-scrap': { amounts: { nev: { basis: 'percent' } } } } } }],
      },
      'ruleSets[0].patch.measures.car-scrap.amounts.nev.basis',
    ],
    [
      'a prototype key',
      JSON.parse('{"format":"quhuitong/subsidy-overrides@1","ruleSets":[{"id":"quzhou-2025","patch":{"__proto__":{"polluted":true}}}]}'),
      'ruleSets[0].patch.__proto__',
    ],
  ])('%s', (_name, file, path) => {
    const outcome = applySubsidyOverrides(BUNDLED_SUBSIDY_RULE_SETS, file, FILE)
    expect(outcome.ok).toBe(false)
    if (outcome.ok) return
    expect(outcome.errors.map((error) => error.path)).toContain(path)
    expect(outcome.ruleSets).toBe(BUNDLED_SUBSIDY_RULE_SETS)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('subsidyOverrideFileSchema: the same checks as one zod schema for the import CLI', () => {
  test('a good file passes', () => {
    const good = {
      format: SUBSIDY_OVERRIDE_FORMAT,
      ruleSets: [{ id: 'quzhou-2025', patch: { measures: { ebike: { baseAmountFen: { value: 600_00, ...CITY_NOTICE } } } } }],
    }
    expect(subsidyOverrideFileSchema().safeParse(good).success).toBe(true)
  })

  test('a bad file fails with every path', () => {
    const parsed = subsidyOverrideFileSchema().safeParse({
      format: SUBSIDY_OVERRIDE_FORMAT,
      ruleSets: [
        {
          id: 'quzhou-2025',
          patch: {
            measures: { furniture: { capFen: { value: -1, source: '衢州市商务局 2026-03-01 公告（示例）', status: 'confirmed' } } },
          },
        },
        { id: 'nowhere', patch: {} },
      ],
    })
    expect(parsed.success).toBe(false)
    if (parsed.success) return
    expect(parsed.error.issues.map((issue) => issue.path)).toEqual([
      ['ruleSets', 0, 'patch', 'measures', 'furniture', 'capFen', 'value'],
      ['ruleSets', 1, 'id'],
    ])
  })
})
