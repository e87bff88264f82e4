/**
 * Highway toll stations inside Quzhou, for clause (二十六) "衢城畅行": ETC 记账卡 class-1 cars with
 * 浙H plates travel free "between Quzhou's 13 highway toll stations".
 *
 * Names and WGS-84 coordinates: a candidate table taken from a public map-data
 * dump. The county of each station is ours: read off the coordinates and the township a station
 * is named after, not taken from an official list (新桥 in particular sits near the 常山/柯城 line).
 *
 * Which 13 stations are in the scheme was not published where we looked (the 13 names
 * are unknown), so `inScheme` is a provisional choice, shown as 待官方确认 until an operator file
 * replaces it (see toll-overrides.ts). The clause's stated aim is "提升中心城市快速路网通行能力，促进
 * 市县一体化发展" — trips between the central city and the county seats — so we chose, among the
 * G60 沪昆 and G3 京台 stations (the two trunk lines that link them):
 * - the five nearest the city centre: 衢州东, 衢州西, 衢江, 柯城, 衢州南;
 * - the two nearest each county seat: 龙游, 龙游港 (龙游县); 常山, 常山东 (常山县);
 *   江山, 江郎山 (江山市); 开化, 马金 (开化县).
 * toll-stations.test.ts recomputes that choice from PROVISIONAL_SELECTION_ANCHORS, so the flags
 * below cannot drift from the rule stated here. The G6021 杭长 and G4012 溧宁 stations are listed
 * (a resident may enter there) but not in the provisional set.
 */
import { COUNTIES, QUZHOU_CITY_CODE } from '../events/places'
import type { FigureStatus, PolicySource } from './types'

export interface Highway {
  /** National route number, e.g. 'G60'. */
  code: string
  /** e.g. '沪昆高速'. */
  name: string
}

/** A county-level division of 衢州市 with its GB/T 2260 code. */
export interface County {
  code: string
  name: string
}

export interface TollStation {
  /** Stable id (pinyin), kept in trip logs so a renamed station still matches. */
  id: string
  /** Name without the trailing 收费站, as signs print it: '衢州东'. */
  name: string
  highway: Highway
  county: County
  /** WGS-84 longitude. */
  lng: number
  /** WGS-84 latitude. */
  lat: number
  /** Whether trips between this and another in-scheme station are free under clause (二十六). */
  inScheme: boolean
  /** Status of `inScheme` (and of the county assignment): provisional until officially listed. */
  status: FigureStatus
  /** Toneless pinyin, for search ('quzhoudong'); optional in operator files. */
  pinyin?: string
  /** Pinyin initials, for search ('qzd'); optional in operator files. */
  pinyinInitials?: string
}

/** 衢州市's county-level divisions, GB/T 2260: the event filter's list without the city itself
 * (one list of the six, in domain/events/places). 衢州智造新城 is a zone, not a county. */
export const QUZHOU_COUNTIES: readonly County[] = COUNTIES.filter((county) => county.code !== QUZHOU_CITY_CODE)

export const HIGHWAYS = {
  G60: { code: 'G60', name: '沪昆高速' },
  G3: { code: 'G3', name: '京台高速' },
  G6021: { code: 'G6021', name: '杭长高速' },
  G4012: { code: 'G4012', name: '溧宁高速' },
} as const satisfies Record<string, Highway>

function county(name: string): County {
  const found = QUZHOU_COUNTIES.find((item) => item.name === name)
  if (!found) throw new Error(`not a county of 衢州市: ${name}`)
  return found
}

const KECHENG = county('柯城区')
const QUJIANG = county('衢江区')
const CHANGSHAN = county('常山县')
const KAIHUA = county('开化县')
const LONGYOU = county('龙游县')
const JIANGSHAN = county('江山市')

/** Provenance of the bundled station list and of its provisional 13. */
export const BUNDLED_STATION_SET: PolicySource = {
  clause: '二十六',
  source: '本应用暂定：官方未公布 13 个收费站名单，纳入“衢城畅行”的 13 个站是本应用的选择；站名与坐标取自公开地图数据',
  status: 'provisional',
  note: '官方未公布 13 个收费站名单；暂取 G60、G3 上距市中心最近的 5 个站和距各县（市）政府驻地最近的各 2 个站',
}

/**
 * Reference points for the provisional choice: approximate seats of government (WGS-84, about
 * ±1 km). Only the choice of `inScheme` above depends on them.
 */
export const PROVISIONAL_SELECTION_ANCHORS: readonly { name: string; lng: number; lat: number; take: number }[] = [
  { name: '衢州市中心城区', lng: 118.874, lat: 28.942, take: 5 },
  { name: '龙游县', lng: 119.172, lat: 29.028, take: 2 },
  { name: '常山县', lng: 118.511, lat: 28.902, take: 2 },
  { name: '江山市', lng: 118.627, lat: 28.738, take: 2 },
  { name: '开化县', lng: 118.415, lat: 29.137, take: 2 },
]

/** The highways the provisional choice draws from (the trunk lines between centre and counties). */
export const PROVISIONAL_SELECTION_HIGHWAYS: readonly string[] = [HIGHWAYS.G60.code, HIGHWAYS.G3.code]

type StationRow = [id: string, name: string, county: County, lng: number, lat: number, inScheme: boolean, pinyinInitials: string]

function stationsOn(highway: Highway, rows: StationRow[]): TollStation[] {
  return rows.map(([id, name, stationCounty, lng, lat, inScheme, pinyinInitials]) => ({
    id,
    name,
    highway,
    county: stationCounty,
    lng,
    lat,
    inScheme,
    status: 'provisional',
    pinyin: id,
    pinyinInitials,
  }))
}

/**
 * All candidate stations, in order along each highway. Pinyin was generated with
 * pinyin-pro and checked by hand (廿八都 is niàn-bā-dū, not dōu).
 */
export const BUNDLED_TOLL_STATIONS: readonly TollStation[] = [
  ...stationsOn(HIGHWAYS.G60, [
    ['quzhoudong', '衢州东', QUJIANG, 118.928419, 29.002295, true, 'qzd'],
    ['quzhouxi', '衢州西', KECHENG, 118.830342, 28.983661, true, 'qzx'],
    ['kecheng', '柯城', KECHENG, 118.768596, 28.968541, true, 'kc'],
    ['qujiang', '衢江', QUJIANG, 119.011846, 29.02497, true, 'qj'],
    ['longyou', '龙游', LONGYOU, 119.176612, 29.079838, true, 'ly'],
    ['longyougang', '龙游港', LONGYOU, 119.25365, 29.088884, true, 'lyg'],
    ['changshandong', '常山东', CHANGSHAN, 118.610243, 28.94028, true, 'csd'],
    ['changshan', '常山', CHANGSHAN, 118.502331, 28.925081, true, 'cs'],
    ['changshanxi', '常山西', CHANGSHAN, 118.361323, 28.826876, false, 'csx'],
  ]),
  ...stationsOn(HIGHWAYS.G3, [
    ['quzhounan', '衢州南', KECHENG, 118.721381, 28.870163, true, 'qzn'],
    ['dongan', '东案', CHANGSHAN, 118.643217, 28.980288, false, 'da'],
    ['fangcun', '芳村', CHANGSHAN, 118.586862, 29.03819, false, 'fc'],
    ['kaihua', '开化', KAIHUA, 118.41949, 29.149883, true, 'kh'],
    ['majin', '马金', KAIHUA, 118.386021, 29.300523, true, 'mj'],
    ['qianjiangyuan', '钱江源', KAIHUA, 118.3064, 29.4182, false, 'qjy'],
    ['jiangshan', '江山', JIANGSHAN, 118.670588, 28.758886, true, 'js'],
    ['jianglangshan', '江郎山', JIANGSHAN, 118.589748, 28.609513, true, 'jls'],
    ['xiakou', '峡口', JIANGSHAN, 118.532636, 28.460032, false, 'xk'],
    ['nianbadu', '廿八都', JIANGSHAN, 118.47627, 28.301735, false, 'nbd'],
  ]),
  ...stationsOn(HIGHWAYS.G6021, [
    ['xinqiao', '新桥', CHANGSHAN, 118.729288, 29.171802, false, 'xq'],
    ['taizhen', '太真', QUJIANG, 118.83247, 29.183003, false, 'tz'],
    ['shangfang', '上方', QUJIANG, 118.943355, 29.232224, false, 'sf'],
    ['linshan', '林山', KAIHUA, 118.484779, 29.125513, false, 'ls'],
    ['kaihuanan', '开化南', KAIHUA, 118.391702, 29.086681, false, 'khn'],
    ['chihuai', '池淮', KAIHUA, 118.283116, 29.097122, false, 'ch'],
    ['yanglin', '杨林', KAIHUA, 118.147269, 29.062478, false, 'yl'],
  ]),
  ...stationsOn(HIGHWAYS.G4012, [
    ['longyoubei', '龙游北', LONGYOU, 119.144496, 29.141966, false, 'lyb'],
    ['longyounan', '龙游南', LONGYOU, 119.138739, 28.98477, false, 'lyn'],
    ['lingxi', '灵溪', LONGYOU, 119.165896, 28.854836, false, 'lx'],
  ]),
]
