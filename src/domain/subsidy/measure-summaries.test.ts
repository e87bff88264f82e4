import { applicationGuide, BUNDLED_SUBSIDY_RULE_SETS, measureSummaries, measureSummary, SubsidyInputError, SUBSIDY_MEASURES } from '.'

describe('measureSummaries: the 补贴 tab headlines, from the rule set in force', () => {
  test.each([
    ['appliance', '2025-06-01', '一级能效 20% · 二级能效 15% · 最高 ¥2,000/件', '已确认'],
    ['furniture', '2025-06-01', '售价 15% · 一级能效 20% · 最高 ¥2,000/件', '已确认'],
    ['digital', '2025-06-01', '单价 ¥6,000 以下 15% · 最高 ¥500/件', '已确认'],
    ['car-scrap', '2025-06-01', '新能源车 ¥20,000 · 燃油车 ¥15,000', '已确认'],
    ['car-replace', '2025-06-01', '新能源车 最高 ¥15,000（按新车价分档） · 燃油车 最高 ¥13,000（按新车价分档）', '待官方确认'],
    ['ebike', '2025-06-01', '交旧购新 ¥500 · 锂电池车换铅酸电池车 加 ¥100', '待官方确认'],
    ['appliance', '2026-06-01', '一级能效 15% · 最高 ¥1,500/件', '待官方确认'],
    ['car-scrap', '2026-06-01', '新能源车 12%（最高 ¥20,000） · 燃油车 10%（最高 ¥15,000）', '待官方确认'],
    ['car-replace', '2026-06-01', '新能源车 8%（最高 ¥15,000） · 燃油车 6%（最高 ¥13,000）', '待官方确认'],
  ] as const)('%s on %s: %s', (measure, date, headline, statusLabel) => {
    const summary = measureSummary(measure, date)
    expect(summary.available).toBe(true)
    expect(summary.headline).toBe(headline)
    expect(summary.statusLabel).toBe(statusLabel)
  })

  test('every measure in tab order, each with its deadline', () => {
    const summaries = measureSummaries('2025-06-01')
    expect(summaries.map((summary) => summary.measure)).toEqual([...SUBSIDY_MEASURES])
    expect(summaries.every((summary) => summary.available && summary.deadline === '2025-12-31')).toBe(true)
    expect(summaries.every((summary) => summary.ruleSetId === 'quzhou-2025')).toBe(true)
  })

  test('e-bike conditions follow the data: one the rule set no longer requires is not listed', () => {
    expect(measureSummary('ebike', '2025-06-01').details).toEqual(['旧车交售给合格回收企业', '新车有 CCC 认证并符合 GB 17761-2024'])
    const relaxed = BUNDLED_SUBSIDY_RULE_SETS.map((ruleSet) => {
      const ebike = ruleSet.measures.ebike
      if (!ebike) return ruleSet
      return {
        ...ruleSet,
        measures: { ...ruleSet.measures, ebike: { ...ebike, requireCompliantNewBike: { ...ebike.requireCompliantNewBike, value: false } } },
      }
    })
    const summary = measureSummary('ebike', '2025-06-01', { ruleSets: relaxed })
    expect(summary.details).toEqual(['旧车交售给合格回收企业'])
    expect(summary.figures.map((figure) => figure.display)).not.toContain('新车有 CCC 认证并符合 GB 17761-2024')
  })

  test('renovation groups the kinds that share a rate', () => {
    expect(measureSummary('renovation', '2025-06-01').headline).toBe(
      '装修材料、卫生洁具、家具照明、智能家居 15%，一级能效 20% · 居家适老化改造产品 30% · 最高 ¥2,000/件',
    )
  })

  test('an unknown detail is marked on its own line without marking a confirmed headline', () => {
    const furniture = measureSummary('furniture', '2025-06-01')
    expect(furniture.provisional).toBe(false)
    const cap = furniture.figures.find((figure) => figure.label === '家居每人累计补贴上限')
    expect(cap).toMatchObject({ status: 'unknown', statusLabel: '待官方确认', display: '每人累计上限未公布' })
  })

  test('2026: unpublished measures are 待官方确认, not "no"; the rest carry the provisional 2026 deadline', () => {
    const byMeasure = Object.fromEntries(measureSummaries('2026-06-01').map((summary) => [summary.measure, summary]))
    for (const measure of ['furniture', 'ebike', 'renovation']) {
      expect(byMeasure[measure].available).toBe(false)
      expect(byMeasure[measure].headline).toBeNull()
      expect(byMeasure[measure].status).toBe('unknown')
      expect(byMeasure[measure].statusLabel).toBe('待官方确认')
      expect(byMeasure[measure].unavailableReason).toMatch(/尚未公布.*待官方确认/)
      expect(byMeasure[measure].unavailableReason).not.toMatch(/没有|不能补贴|不符合/)
      expect(byMeasure[measure].unpublished?.source).toContain('发改环资〔2025〕1745号')
    }
    expect(byMeasure.digital.available).toBe(true)
    expect(byMeasure.digital.headline).toBe('单价 ¥6,000 以下 15% · 最高 ¥500/件')
    expect(byMeasure.appliance.deadline).toBe('2026-12-31')
    expect(byMeasure.appliance.provisional).toBe(true)
  })

  test('digital before 2025-01-20 shows its headline but is not yet available', () => {
    const digital = measureSummary('digital', '2025-01-19')
    expect(digital.available).toBe(false)
    expect(digital.headline).toBe('单价 ¥6,000 以下 15% · 最高 ¥500/件')
    expect(digital.unavailableReason).toBe('数码产品补贴自 2025-01-20 起实施')
  })

  test('a date before any rule set', () => {
    const summary = measureSummary('appliance', '2024-06-01')
    expect(summary.available).toBe(false)
    expect(summary.ruleSetId).toBeNull()
    expect(summary.unavailableReason).toContain('不在本应用收录的任何一套补贴规则的有效期内')
  })

  test('bad arguments throw SubsidyInputError', () => {
    expect(() => measureSummary('yacht' as never, '2025-06-01')).toThrow(SubsidyInputError)
    expect(() => measureSummaries('2025-02-30')).toThrow(SubsidyInputError)
  })
})

describe('applicationGuide: 怎么申请', () => {
  test('car scrap 2025: the confirmed channel, provisional steps, the deadline', () => {
    const guide = applicationGuide('car-scrap', '2025-06-01')
    expect(guide.available).toBe(true)
    expect(guide.channel).toMatchObject({
      text: '全国汽车流通信息管理系统（网站）或“汽车以旧换新”小程序',
      status: 'confirmed',
      statusLabel: '已确认',
    })
    expect(guide.steps.length).toBeGreaterThan(2)
    expect(guide.steps.some((step) => step.statusLabel === '待官方确认')).toBe(true)
    expect(guide.materials.map((item) => item.text).join('')).toContain('报废机动车回收证明')
    expect(guide.deadline).toEqual({ date: '2025-12-31', status: 'confirmed', statusLabel: '已确认' })
    expect(guide.provisional).toBe(true)
  })

  test('car replacement: the provincial channel is unknown', () => {
    expect(applicationGuide('car-replace', '2025-06-01').channel?.status).toBe('unknown')
  })

  test('every 2025 measure has a channel, steps and a deadline', () => {
    for (const measure of SUBSIDY_MEASURES) {
      const guide = applicationGuide(measure, '2025-06-01')
      expect(guide.channel).not.toBeNull()
      expect(guide.steps.length).toBeGreaterThan(0)
      expect(guide.deadline?.date).toBe('2025-12-31')
    }
  })

  test('2026: a provisional deadline, and no guide for a measure without a rule', () => {
    expect(applicationGuide('appliance', '2026-06-01').deadline).toEqual({
      date: '2026-12-31',
      status: 'provisional',
      statusLabel: '待官方确认',
    })
    const furniture = applicationGuide('furniture', '2026-06-01')
    expect(furniture.available).toBe(false)
    expect(furniture.channel).toBeNull()
    expect(furniture.steps).toEqual([])
    expect(furniture.unavailableReason).toContain('2026 年家居换新补贴的规则尚未公布')
  })
})
