import { checkTollWaiver } from '../etc/waiver'
import { applyTollOverride, tollOverrideSchema, type OverrideIssue } from './toll-overrides'
import { BUNDLED_TOLL_DATA } from './toll-scheme'
import { BUNDLED_TOLL_STATIONS } from './toll-stations'

const FILE = 'toll-2026.json'
const OFFICIAL = { clause: '二十六', source: '衢州市交通运输局公告（测试）', status: 'confirmed' }

/** The bundled stations as an operator writes them: highway and county by code. */
const stationRecords = (): Record<string, unknown>[] =>
  BUNDLED_TOLL_STATIONS.map((station) => ({ ...station, highway: station.highway.code, county: station.county.code, status: 'confirmed' }))

const EXTEND_2026 = { version: '2026.1', period: { value: { from: '2025-01-01', to: '2026-12-31' }, ...OFFICIAL } }

function errorsOf(input: unknown): OverrideIssue[] {
  const result = applyTollOverride(input, FILE)
  expect(result.ok).toBe(false)
  if (result.ok) return []
  expect(result.data).toBe(BUNDLED_TOLL_DATA)
  return result.errors
}

describe('applyTollOverride: good files', () => {
  it('extends the period into 2026 and keeps everything else', () => {
    const result = applyTollOverride(EXTEND_2026, FILE)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.replaced).toEqual(['period'])
    expect(result.data.version).toBe('2026.1')
    expect(result.data.period).toEqual(EXTEND_2026.period)
    expect(result.data.stations).toBe(BUNDLED_TOLL_DATA.stations)
    expect(result.data.rates).toBe(BUNDLED_TOLL_DATA.rates)
    const trip = { plate: '浙H12345', vehicleClass: 1, etcCard: 'postpaid', entry: '衢州东', exit: '江山', date: '2026-05-01' } as const
    expect(checkTollWaiver(trip, result.data).free).toBe(true)
    expect(checkTollWaiver(trip).free).toBe(false)
  })

  it('replaces one rate and keeps the others', () => {
    const result = applyTollOverride({ version: '2025.2', rates: { roadFactor: { value: 1.4, ...OFFICIAL } } }, FILE)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.replaced).toEqual(['rates'])
    expect(result.data.rates.roadFactor.value).toBe(1.4)
    expect(result.data.rates.class1RatePerKmFen).toBe(BUNDLED_TOLL_DATA.rates.class1RatePerKmFen)
  })

  it('replaces the station list with the published one, as JSON text', () => {
    const text = JSON.stringify({ version: '2025.3', stations: { ...OFFICIAL, list: stationRecords() } }, null, 2)
    const result = applyTollOverride(text, FILE)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.data.stationSet).toEqual(OFFICIAL)
    expect(result.data.stations).toHaveLength(29)
    expect(result.data.stations[0]).toEqual({ ...BUNDLED_TOLL_STATIONS[0], status: 'confirmed' })
    expect(
      checkTollWaiver(
        { plate: '浙H12345', vehicleClass: 1, etcCard: 'postpaid', entry: '衢州东', exit: '江山', date: '2025-05-01' },
        result.data,
      ).notes.join(),
    ).not.toMatch(/尚未公布/)
  })

  it('accepts a new station count together with a list that matches it', () => {
    const list = stationRecords().map((station, index) => ({ ...station, inScheme: index < 2 }))
    const result = applyTollOverride({ version: '2026.2', stations: { ...OFFICIAL, list }, stationCount: { value: 2, ...OFFICIAL } }, FILE)
    expect(result.ok && result.replaced).toEqual(['stations', 'stationCount'])
  })

  it('exports the schema for the server import CLI', () => {
    expect(tollOverrideSchema.safeParse(EXTEND_2026).success).toBe(true)
  })
})

describe('applyTollOverride: bad files are rejected whole, every error as {file, path, reason}', () => {
  it.each([
    ['not an object', [], ''],
    ['no version', { period: EXTEND_2026.period }, 'version'],
    ['a misspelt top-level key', { ...EXTEND_2026, station: {} }, ''],
    ['nothing to replace', { version: '2026.1' }, ''],
    ['fractional fen', { version: 'x', rates: { perTripFen: { value: 5.5, ...OFFICIAL } } }, 'rates.perTripFen.value'],
    ['road factor below 1', { version: 'x', rates: { roadFactor: { value: 0.9, ...OFFICIAL } } }, 'rates.roadFactor.value'],
    ['discount over 100%', { version: 'x', rates: { etcDiscountPercent: { value: 120, ...OFFICIAL } } }, 'rates.etcDiscountPercent.value'],
    ['an unknown rate', { version: 'x', rates: { class2RatePerKmFen: { value: 60, ...OFFICIAL } } }, 'rates'],
    ['an empty rates object', { version: 'x', rates: {} }, 'rates'],
    [
      'a figure without source',
      { version: 'x', rates: { roadFactor: { value: 1.3, clause: '二十六', status: 'provisional' } } },
      'rates.roadFactor.source',
    ],
    ['an unknown status', { version: 'x', period: { ...EXTEND_2026.period, status: 'maybe' } }, 'period.status'],
    [
      'end before start',
      { version: 'x', period: { ...EXTEND_2026.period, value: { from: '2026-01-01', to: '2025-12-31' } } },
      'period.value.to',
    ],
    [
      'an impossible date',
      { version: 'x', period: { ...EXTEND_2026.period, value: { from: '2025-01-01', to: '2026-02-30' } } },
      'period.value.to',
    ],
    ['station count without a matching list', { version: 'x', stationCount: { value: 15, ...OFFICIAL } }, 'stationCount'],
    ['stations that are not an object', { version: 'x', stations: 'abc' }, 'stations'],
    ['station items that are not objects', { version: 'x', stations: { ...OFFICIAL, list: [null, 5] } }, 'stations.list[1]'],
    ['an empty station list', { version: 'x', stations: { ...OFFICIAL, list: [] } }, 'stations.list'],
    [
      'no source for the station list',
      { version: 'x', stations: { clause: '二十六', status: 'confirmed', list: stationRecords() } },
      'stations.source',
    ],
  ])('%s → %s', (_case, input, path) => {
    const errors = errorsOf(input)
    expect(errors.length).toBeGreaterThan(0)
    expect(errors.map((error) => error.path)).toContain(path)
    for (const error of errors) {
      expect(error.file).toBe(FILE)
      expect(error.reason).toMatch(/[\u4e00-\u9fff]/)
    }
  })

  it('reports every station problem with its path', () => {
    const list = stationRecords()
    list[0] = { ...list[0], lng: 29.002295, lat: 118.928419 }
    list[1] = { ...list[1], id: list[2].id }
    list[3] = { ...list[3], county: '330100' }
    list[4] = { ...list[4], name: '龙游收费站' }
    list[5] = { ...list[5], highway: 'G99' }
    list[6] = { ...list[6], inScheme: false }
    const paths = errorsOf({ version: 'x', stations: { ...OFFICIAL, list } }).map((error) => error.path)
    expect(paths).toEqual(
      expect.arrayContaining([
        'stations.list[0].lng',
        'stations.list[0].lat',
        'stations.list[2].id',
        'stations.list[3].county',
        'stations.list[4].name',
        'stations.list[5].highway',
        'stations.list',
      ]),
    )
  })

  it('says how many stations are in the scheme and how many the clause names', () => {
    const list = stationRecords().map((station) => ({ ...station, inScheme: true }))
    const [error] = errorsOf({ version: 'x', stations: { ...OFFICIAL, list } })
    expect(error).toEqual({ file: FILE, path: 'stations.list', reason: expect.stringContaining('有 29 个，应为 13 个') })
  })

  it('applies nothing when one section is good and another bad', () => {
    const errors = errorsOf({ ...EXTEND_2026, rates: { perTripFen: { value: -1, ...OFFICIAL } } })
    expect(errors.map((error) => error.path)).toEqual(['rates.perTripFen.value'])
  })

  it('collects errors from several sections at once', () => {
    const errors = errorsOf({
      version: '',
      period: { ...EXTEND_2026.period, value: { from: '2026-01-01', to: '2025-01-01' } },
      rates: { roadFactor: { value: 5, ...OFFICIAL } },
    })
    expect(errors.map((error) => error.path).sort()).toEqual(['period.value.to', 'rates.roadFactor.value', 'version'])
  })

  it('points at the line of a JSON syntax error', () => {
    const errors = errorsOf('{\n  "version": "2026.1",\n  "period": {,\n}')
    expect(errors).toEqual([{ file: FILE, path: '', reason: expect.stringMatching(/不是有效的 JSON（第 3 行附近）/) }])
  })
})
