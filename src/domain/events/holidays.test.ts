import packageTable from 'chinese-days/dist/chinese-days.json'
import { version as packageVersion } from 'chinese-days/package.json'
import bundledTable from './holiday-table.json'
import { holidayInfo, holidayDataCoverage, isHolidayDataKnown } from './holidays'

describe('holidays from chinese-days (checked against 国办发明电〔2024〕12号 for 2025)', () => {
  it.each([
    ['2025-10-01', '国庆节', false],
    ['2025-10-05', '国庆节', false],
    ['2025-10-06', '中秋', false],
    ['2025-10-07', '国庆节', true],
    ['2025-10-08', '国庆节', true],
    ['2025-05-01', '劳动节', false],
    ['2025-05-05', '劳动节', true],
    ['2025-01-28', '春节', false],
    ['2025-02-04', '春节', true],
    ['2025-01-01', '元旦', false],
  ])('%s is a holiday (%s), in lieu: %s', (date, name, inLieu) => {
    expect(holidayInfo(date)).toMatchObject({ kind: 'holiday', name, inLieu, badge: '休' })
  })

  it('covers all eight days of the 2025 National Day and Mid-autumn break', () => {
    const days = ['01', '02', '03', '04', '05', '06', '07', '08'].map((day) => holidayInfo(`2025-10-${day}`).kind)
    expect(days).toEqual(Array(8).fill('holiday'))
    expect(holidayInfo('2025-10-09').kind).toBe('ordinary')
  })

  it.each([
    ['2025-01-26', '春节'],
    ['2025-02-08', '春节'],
    ['2025-04-27', '劳动节'],
    ['2025-09-28', '国庆节'],
    ['2025-10-11', '国庆节'],
    ['2026-01-04', '元旦'],
    ['2026-02-14', '春节'],
    ['2026-02-28', '春节'],
    ['2026-09-20', '国庆节'],
  ])('%s is a 调休 working day (%s)', (date, name) => {
    expect(holidayInfo(date)).toMatchObject({ kind: 'makeup-workday', name, badge: '班' })
  })

  it('says ordinary for plain weekdays and weekends in covered years', () => {
    expect(holidayInfo('2025-09-27')).toMatchObject({ kind: 'ordinary', badge: null, name: null })
    expect(holidayInfo('2025-09-29')).toMatchObject({ kind: 'ordinary', badge: null })
  })

  it('says unknown for a year the package does not cover, rather than guessing', () => {
    const { first, last } = holidayDataCoverage()
    expect(first).toBe(2024)
    expect(last).toBe(2026)
    expect(isHolidayDataKnown(2026)).toBe(true)
    expect(isHolidayDataKnown(2027)).toBe(false)
    expect(holidayInfo('2027-01-01')).toMatchObject({ kind: 'unknown', badge: null })
    expect(holidayInfo('2027-10-01')).toMatchObject({ kind: 'unknown', badge: null })
    expect(holidayInfo('2023-10-01').kind).toBe('unknown')
  })
})

describe('holiday-table.json, the main-package copy of the chinese-days table', () => {
  type Table = Record<'holidays' | 'workdays' | 'inLieuDays', Record<string, string>>
  const fromYear = (entries: Record<string, string>, year: number) =>
    Object.fromEntries(Object.entries(entries).filter(([date]) => Number(date.slice(0, 4)) >= year))

  it('is the installed package table from its first year on (else: node scripts/make-holiday-table.mjs)', () => {
    const source = packageTable as Table
    expect(bundledTable.source).toBe(`chinese-days@${packageVersion}`)
    for (const part of ['holidays', 'workdays', 'inLieuDays'] as const) {
      expect((bundledTable as unknown as Table)[part]).toEqual(fromYear(source[part], bundledTable.firstYear))
    }
  })

  it('starts a year before the 2025 policy, so a January 2025 grid has its December days', () => {
    expect(bundledTable.firstYear).toBeLessThanOrEqual(2024)
  })
})
