/**
 * The rule set of clause (二十六) "衢城畅行" as data: "对衢州市13个高速收费站间通行且使用ETC记账卡的浙H
 * 牌照1类客车免收通行费" (衢政发〔2025〕4号). Who qualifies is confirmed by the city text; the
 * period is provisional because the text states a 2025 plan ("计划2025年减免高速通行费1亿元以上")
 * rather than start and end dates. An operator file (toll-overrides.ts) can replace the stations,
 * the rate figures, the station count and the period — e.g. extend the period into 2026.
 */
import { CITY_DOCUMENT, type EffectivePeriod, type Figure, type PolicySource } from './types'
import { BUNDLED_STATION_SET, BUNDLED_TOLL_STATIONS, type TollStation } from './toll-stations'
import { BUNDLED_TOLL_RATES, type TollRates } from './toll-rates'

/** 客车 classes of JT/T 489-2019: 1 ≤ 9 seats, 2: 10–19, 3: 20–39, 4: ≥ 40. */
export type VehicleClass = 1 | 2 | 3 | 4
export const VEHICLE_CLASSES: readonly VehicleClass[] = [1, 2, 3, 4]

/** postpaid = 记账卡 (bank-linked, charged afterwards); prepaid = 储值卡 (topped up first). */
export type EtcCard = 'postpaid' | 'prepaid' | 'none'
export const ETC_CARDS: readonly EtcCard[] = ['postpaid', 'prepaid', 'none']

export interface TollEligibility {
  /** Province character of the plate: '浙'. */
  plateProvince: Figure<string>
  /** Issuing-authority letter: 'H' is 衢州. */
  plateCity: Figure<string>
  vehicleClass: Figure<VehicleClass>
  etcCard: Figure<EtcCard>
}

export interface TollData {
  /** Shown beside every verdict so a resident knows which data answered. */
  version: string
  clause: '二十六'
  document: string
  eligibility: TollEligibility
  period: Figure<EffectivePeriod>
  /** How many stations the clause names ("13个高速收费站"). */
  stationCount: Figure<number>
  stationSet: PolicySource
  stations: readonly TollStation[]
  rates: TollRates
}

const CITY_TEXT = `${CITY_DOCUMENT}（二十六）`

export const TOLL_ELIGIBILITY: TollEligibility = {
  plateProvince: { value: '浙', clause: '二十六', source: CITY_TEXT, status: 'confirmed' },
  plateCity: { value: 'H', clause: '二十六', source: CITY_TEXT, status: 'confirmed' },
  vehicleClass: { value: 1, clause: '二十六', source: CITY_TEXT, status: 'confirmed', note: '1类客车：9 座及以下' },
  etcCard: { value: 'postpaid', clause: '二十六', source: CITY_TEXT, status: 'confirmed', note: 'ETC 记账卡，不含储值卡' },
}

export const BUNDLED_TOLL_PERIOD: Figure<EffectivePeriod> = {
  value: { from: '2025-01-01', to: '2025-12-31' },
  clause: '二十六',
  source: CITY_TEXT,
  status: 'provisional',
  note: '条款写明“计划2025年减免”，未写起止日期；按 2025 全年处理',
}

export const BUNDLED_STATION_COUNT: Figure<number> = {
  value: 13,
  clause: '二十六',
  source: CITY_TEXT,
  status: 'confirmed',
}

export const BUNDLED_TOLL_DATA: TollData = {
  version: '2025.1',
  clause: '二十六',
  document: CITY_DOCUMENT,
  eligibility: TOLL_ELIGIBILITY,
  period: BUNDLED_TOLL_PERIOD,
  stationCount: BUNDLED_STATION_COUNT,
  stationSet: BUNDLED_STATION_SET,
  stations: BUNDLED_TOLL_STATIONS,
  rates: BUNDLED_TOLL_RATES,
}
