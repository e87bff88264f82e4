import fc from 'fast-check'
import type { TollStation } from '../policy/toll-stations'
import { haversineKm } from './geo'
import {
  StationError,
  findStation,
  groupStationsByCounty,
  groupStationsByHighway,
  nearestStations,
  normaliseStationName,
  searchStations,
  stations,
  suggestStations,
} from './stations'
import { thrownBy } from '../errors/thrown-by'

const names = (list: readonly TollStation[]): string[] => list.map((station) => station.name)

const thrown = (action: () => unknown): StationError => thrownBy(StationError, action)

describe('haversineKm', () => {
  it.each([
    ['one degree of latitude', { lng: 0, lat: 0 }, { lng: 0, lat: 1 }, 111.195, 0.01],
    ['one degree of longitude on the equator', { lng: 0, lat: 0 }, { lng: 1, lat: 0 }, 111.195, 0.01],
    ['one degree of longitude at 60°N is half', { lng: 0, lat: 60 }, { lng: 1, lat: 60 }, 55.6, 0.05],
    ['Beijing to Shanghai (great circle ≈ 1,067 km)', { lng: 116.4074, lat: 39.9042 }, { lng: 121.4737, lat: 31.2304 }, 1067, 3],
    ['衢州东 to 江山 stations', { lng: 118.928419, lat: 29.002295 }, { lng: 118.670588, lat: 28.758886 }, 36.9, 0.2],
    ['antipodes are half the circumference', { lng: 0, lat: 0 }, { lng: 180, lat: 0 }, 20015.1, 0.5],
  ])('%s', (_case, from, to, expectedKm, toleranceKm) => {
    expect(Math.abs(haversineKm(from, to) - expectedKm)).toBeLessThanOrEqual(toleranceKm)
  })

  it('is symmetric, zero on itself and obeys the triangle inequality', () => {
    const point = fc.record({ lng: fc.double({ min: 117, max: 120, noNaN: true }), lat: fc.double({ min: 28, max: 30, noNaN: true }) })
    fc.assert(
      fc.property(point, point, point, (a, b, c) => {
        expect(haversineKm(a, b)).toBe(haversineKm(b, a))
        expect(haversineKm(a, a)).toBe(0)
        expect(haversineKm(a, c)).toBeLessThanOrEqual(haversineKm(a, b) + haversineKm(b, c) + 1e-9)
      }),
    )
  })
})

describe('nearestStations', () => {
  it('puts the station you stand on first, at distance 0', () => {
    const [first] = nearestStations(118.928419, 29.002295, 1)
    expect(first.station.name).toBe('衢州东')
    expect(first.distanceKm).toBe(0)
  })

  it('orders the nearest stations to the 衢州 city centre (6.28 km to 衢州西 by an equirectangular cross-check)', () => {
    const nearest = nearestStations(118.874, 28.942, 4)
    expect(names(nearest.map((item) => item.station))).toEqual(['衢州西', '衢州东', '柯城', '衢江'])
    expect(nearest[0].distanceKm).toBeCloseTo(6.28, 1)
  })

  it('from 江山 city, 江山 then 江郎山', () => {
    expect(names(nearestStations(118.627, 28.738, 2).map((item) => item.station))).toEqual(['江山', '江郎山'])
  })

  it('returns every station sorted when n is omitted, and none for n = 0', () => {
    expect(nearestStations(118.9, 29, undefined)).toHaveLength(stations.length)
    expect(nearestStations(118.9, 29, 0)).toEqual([])
  })

  it('is sorted by distance for any point', () => {
    fc.assert(
      fc.property(fc.double({ min: 117.5, max: 120, noNaN: true }), fc.double({ min: 28, max: 30, noNaN: true }), (lng, lat) => {
        const sorted = nearestStations(lng, lat)
        for (let index = 1; index < sorted.length; index += 1) {
          expect(sorted[index].distanceKm).toBeGreaterThanOrEqual(sorted[index - 1].distanceKm)
        }
      }),
    )
  })

  it.each([
    ['NaN longitude', Number.NaN, 29, 3],
    ['latitude beyond the pole', 118, 91, 3],
    ['negative n', 118, 29, -1],
    ['fractional n', 118, 29, 1.5],
  ])('rejects %s', (_case, lng, lat, n) => {
    expect(thrown(() => nearestStations(lng, lat, n)).code).toBe('LOCATION_INVALID')
  })
})

describe('findStation', () => {
  it.each([
    ['exact name', '衢州东', '衢州东'],
    ['trailing 站', '衢州东站', '衢州东'],
    ['trailing 收费站', '龙游北收费站', '龙游北'],
    ['spaces around', '  江 山 ', '江山'],
    ['id', 'nianbadu', '廿八都'],
    ['id in capitals', 'KAIHUA', '开化'],
  ])('%s: %s', (_case, input, expected) => {
    expect(findStation(input).name).toBe(expected)
  })

  it('lists the nearest names when the station is unknown', () => {
    const error = thrown(() => findStation('衢州北'))
    expect(error.code).toBe('STATION_UNKNOWN')
    expect(names(error.suggestions)).toEqual(['衢州东', '衢州西', '衢州南'])
    expect(error.message).toBe('没有找到收费站“衢州北”。您是不是要找：衢州东、衢州西、衢州南？')
  })

  it('suggests by similarity, best first', () => {
    expect(names(thrown(() => findStation('江郎')).suggestions)[0]).toBe('江郎山')
    expect(names(thrown(() => findStation('开化东站')).suggestions).slice(0, 2)).toEqual(['开化', '开化南'])
    expect(names(thrown(() => findStation('longyo')).suggestions)[0]).toBe('龙游')
  })

  it('says to pick from the list when nothing is similar', () => {
    const error = thrown(() => findStation('杭州'))
    expect(error.suggestions).toEqual([])
    expect(error.message).toMatch(/请从站点列表中选择/)
  })

  it('asks for a station when empty', () => {
    expect(thrown(() => findStation('  ')).code).toBe('STATION_EMPTY')
  })

  it('uses the field it is given', () => {
    expect(thrown(() => findStation('衢州北', stations, 'exit')).field).toBe('exit')
  })
})

describe('normaliseStationName and suggestStations', () => {
  it('strips 站, 收费站, 高速收费站 and full width', () => {
    expect(normaliseStationName('衢州东高速收费站')).toBe('衢州东')
    expect(normaliseStationName('ＫＡＩＨＵＡ')).toBe('kaihua')
  })

  it('returns nothing for empty text', () => {
    expect(suggestStations('')).toEqual([])
  })
})

describe('searchStations', () => {
  it.each([
    ['exact name first, then names containing it, then county', '江山', ['江山', '江郎山', '峡口', '廿八都']],
    ['name prefix', '龙游', ['龙游', '龙游港', '龙游北', '龙游南', '灵溪']],
    ['pinyin initials', 'qzd', ['衢州东']],
    ['pinyin initials prefix', 'qz', ['衢州东', '衢州西', '衢州南']],
    ['pinyin prefix', 'changshan', ['常山东', '常山', '常山西']],
    ['characters in order', '衢东', ['衢州东']],
    ['highway code', 'g4012', ['龙游北', '龙游南', '灵溪']],
  ])('%s: %s', (_case, query, expected) => {
    expect(names(searchStations(query))).toEqual(expected)
  })

  it('returns the whole list for empty text', () => {
    expect(searchStations(' ')).toHaveLength(stations.length)
  })

  it('finds nothing for unrelated text', () => {
    expect(searchStations('杭州')).toEqual([])
  })
})

describe('grouping for the picker', () => {
  it('groups by highway in data order, keeping every station once', () => {
    const groups = groupStationsByHighway()
    expect(groups.map((group) => group.highway.code)).toEqual(['G60', 'G3', 'G6021', 'G4012'])
    expect(groups.map((group) => group.stations.length)).toEqual([9, 10, 7, 3])
    expect(groups.flatMap((group) => group.stations)).toHaveLength(stations.length)
  })

  it('groups by county ordered by GB/T 2260 code', () => {
    const groups = groupStationsByCounty()
    expect(groups.map((group) => `${group.county.code} ${group.county.name}`)).toEqual([
      '330802 柯城区',
      '330803 衢江区',
      '330822 常山县',
      '330824 开化县',
      '330825 龙游县',
      '330881 江山市',
    ])
    expect(groups.flatMap((group) => group.stations)).toHaveLength(stations.length)
    expect(names(groups[5].stations)).toEqual(['江山', '江郎山', '峡口', '廿八都'])
  })

  it('groups a filtered list (e.g. in-scheme only)', () => {
    const inScheme = stations.filter((station) => station.inScheme)
    expect(groupStationsByHighway(inScheme).map((group) => group.highway.code)).toEqual(['G60', 'G3'])
  })
})
