import { haversineKm } from '../etc/geo'
import { tollStationSchema } from '../content/schemas'
import { BUNDLED_TOLL_DATA } from './toll-scheme'
import { BUNDLED_TOLL_STATIONS, PROVISIONAL_SELECTION_ANCHORS, PROVISIONAL_SELECTION_HIGHWAYS, QUZHOU_COUNTIES } from './toll-stations'

describe('bundled toll stations (candidate table from public map data)', () => {
  it('lists all 29 candidates once, by id and by name', () => {
    expect(BUNDLED_TOLL_STATIONS).toHaveLength(29)
    expect(new Set(BUNDLED_TOLL_STATIONS.map((station) => station.id)).size).toBe(29)
    expect(new Set(BUNDLED_TOLL_STATIONS.map((station) => station.name)).size).toBe(29)
  })

  it('keeps the coordinates of the candidate table', () => {
    const byName = new Map(BUNDLED_TOLL_STATIONS.map((station) => [station.name, station]))
    expect(byName.get('衢州东')).toMatchObject({ lng: 118.928419, lat: 29.002295, highway: { code: 'G60' } })
    expect(byName.get('廿八都')).toMatchObject({ lng: 118.47627, lat: 28.301735, highway: { code: 'G3' } })
    expect(byName.get('杨林')).toMatchObject({ lng: 118.147269, lat: 29.062478, highway: { code: 'G6021' } })
    expect(byName.get('灵溪')).toMatchObject({ lng: 119.165896, lat: 28.854836, highway: { code: 'G4012' } })
  })

  it('puts exactly the clause count (13) in the scheme, all provisional', () => {
    const inScheme = BUNDLED_TOLL_STATIONS.filter((station) => station.inScheme)
    expect(inScheme).toHaveLength(BUNDLED_TOLL_DATA.stationCount.value)
    expect(BUNDLED_TOLL_DATA.stationCount.value).toBe(13)
    expect(BUNDLED_TOLL_STATIONS.every((station) => station.status === 'provisional')).toBe(true)
    expect(BUNDLED_TOLL_DATA.stationSet.status).toBe('provisional')
  })

  it('chooses the 13 by the rule its header states: nearest G60/G3 stations to the centre and each county seat', () => {
    const trunk = BUNDLED_TOLL_STATIONS.filter((station) => PROVISIONAL_SELECTION_HIGHWAYS.includes(station.highway.code))
    const chosen = new Set<string>()
    for (const anchor of PROVISIONAL_SELECTION_ANCHORS) {
      const nearest = [...trunk].sort((a, b) => haversineKm(anchor, a) - haversineKm(anchor, b)).slice(0, anchor.take)
      nearest.forEach((station) => chosen.add(station.name))
    }
    const flagged = BUNDLED_TOLL_STATIONS.filter((station) => station.inScheme).map((station) => station.name)
    expect([...chosen].sort()).toEqual([...flagged].sort())
    expect(flagged).toEqual([
      '衢州东',
      '衢州西',
      '柯城',
      '衢江',
      '龙游',
      '龙游港',
      '常山东',
      '常山',
      '衢州南',
      '开化',
      '马金',
      '江山',
      '江郎山',
    ])
  })

  it('uses only 衢州市 county codes with their GB/T 2260 names', () => {
    const known = new Map(QUZHOU_COUNTIES.map((county) => [county.code, county.name]))
    for (const station of BUNDLED_TOLL_STATIONS) expect(known.get(station.county.code)).toBe(station.county.name)
  })

  it('passes the shared station record schema the operator files use', () => {
    for (const station of BUNDLED_TOLL_STATIONS) {
      const record = { ...station, highway: station.highway.code, county: station.county.code }
      expect(tollStationSchema.parse(record)).toEqual(station)
    }
  })

  it('gives initials that start each pinyin', () => {
    for (const station of BUNDLED_TOLL_STATIONS) {
      expect(station.pinyin?.startsWith(station.pinyinInitials?.[0] ?? '?')).toBe(true)
      expect(station.pinyinInitials).toHaveLength(Array.from(station.name).length)
    }
  })
})
