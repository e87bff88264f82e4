/**
 * Real 2025 events in Quzhou (clause 十五), each citing the public report or press conference that
 * states its dates and places.
 *
 * Coordinates are approximate, placed by hand from each place's public description (none was
 * surveyed), in GCJ-02 as Taro.openLocation expects, and marked provisional: the screen should
 * say 位置仅供参考 and an operator should replace them with surveyed points.
 * - 水亭门历史文化街区: the old city's west gate, on the east bank of the 衢江 ("水亭门西视着滔滔衢江").
 * - 北门街历史文化街区: the north side of the same old city, a few hundred metres north-east.
 * - 鹿鸣大草坪 and 鹿鸣山文化院街: 鹿鸣公园 on the west bank opposite the old city (the festival
 *   report calls it "这片江畔草坪"), part of 衢州古城文化旅游区.
 * - 衢州市体育中心体育场: 高铁新城快乐运动小镇, between 钱江大道 (north) and 芹江西路 (south),
 *   三清山大道 (west) and 武夷山大道 (east), as described when it was built.
 * Times of day, ticketing and organisers were not in the sources, so the events are all-day and
 * admission is 'unknown' rather than guessed.
 */
import type { CityEvent, CityEventInput } from './model'
import { withSchemaDefaults } from './schema-defaults'

const APPROXIMATE = '按公开描述在地图上估读，未经实测，误差可能达 1 公里'

const SHUITINGMEN = {
  name: '水亭门历史文化街区',
  address: '柯城区衢州古城西侧（衢江东岸）',
  lng: 118.8615,
  lat: 28.9598,
  coordinateSystem: 'gcj02',
  coordinateStatus: 'provisional',
  coordinateNote: APPROXIMATE,
} as const

const REAL_EVENT_INPUTS: CityEventInput[] = [
  {
    id: 'xinfeng-music-festival-2025',
    type: 'concert',
    title: '2025新蜂音乐节',
    county: '330802',
    venue: {
      name: '鹿鸣大草坪（衢州古城文化旅游区）',
      address: '柯城区鹿鸣公园（衢江西岸）',
      lng: 118.8525,
      lat: 28.9535,
      coordinateSystem: 'gcj02',
      coordinateStatus: 'provisional',
      coordinateNote: APPROXIMATE,
    },
    allDay: true,
    start: '2025-05-04',
    end: '2025-05-05',
    admission: { kind: 'unknown' },
    organiser: null,
    provenance: {
      source: '潮新闻 2025-05-06《2025新蜂音乐节燃爆衢州》',
      status: 'confirmed',
      sample: false,
      note: '日期与地点已确认；演出时段、票务与主办方未收录',
    },
  },
  {
    id: 'national-athletics-championships-2025',
    type: 'sports',
    sportsLevel: 'national',
    title: '2025年全国田径锦标赛',
    county: '330802',
    venue: {
      name: '衢州市体育中心体育场',
      address: '柯城区高铁新城，钱江大道以南、芹江西路以北',
      lng: 118.8465,
      lat: 28.9295,
      coordinateSystem: 'gcj02',
      coordinateStatus: 'provisional',
      coordinateNote: APPROXIMATE,
    },
    otherVenues: [{ ...SHUITINGMEN, role: '开幕式' }],
    allDay: true,
    start: '2025-08-01',
    end: '2025-08-04',
    admission: { kind: 'unknown' },
    organiser: null,
    provenance: {
      source:
        '衢州市政府新闻发布会 2025-07-22（衢州古城·2025年全国田径锦标赛）；央广网 2025-08-02《2025年全国田径锦标赛在浙江衢州古城开赛》',
      status: 'confirmed',
      sample: false,
      note: '比赛日期与两处场地已确认；开幕式的具体日期与时间、票务与主办方未收录；体育中心所属区县按其位于高铁新城记为柯城区，待确认',
    },
  },
  {
    id: 'may-day-qufeng-songyun-2025',
    type: 'other',
    title: '“衢风宋韵·古城新章”2025“五一”假期文旅活动',
    summary: '水亭门：古城宋韵嘉年华、乡村美食大会；北门街：“金牌讲衢人”；鹿鸣山文化院街：“时尚鹿鸣·非遗秀场”',
    county: '330802',
    venue: { ...SHUITINGMEN, role: '第一站' },
    otherVenues: [
      {
        name: '北门街历史文化街区',
        address: '柯城区衢州古城北侧',
        lng: 118.8695,
        lat: 28.9668,
        coordinateSystem: 'gcj02',
        coordinateStatus: 'provisional',
        coordinateNote: APPROXIMATE,
        role: '第二站',
      },
      {
        name: '鹿鸣山文化院街',
        address: '柯城区鹿鸣公园一带（衢江西岸）',
        lng: 118.8505,
        lat: 28.9512,
        coordinateSystem: 'gcj02',
        coordinateStatus: 'provisional',
        coordinateNote: APPROXIMATE,
        role: '第三站',
      },
    ],
    allDay: true,
    start: '2025-05-01',
    end: '2025-05-05',
    admission: { kind: 'unknown' },
    organiser: null,
    provenance: {
      source: '衢州市政府新闻发布会 2025-04-23（“五一”假期文旅活动）',
      status: 'provisional',
      sample: false,
      note: '活动名称与三处地点已确认；日期按 2025 年五一假期（5月1日至5日）推定，各站具体日期待官方确认',
    },
  },
]

export const realEvents2025: readonly CityEvent[] = REAL_EVENT_INPUTS.map(withSchemaDefaults)
