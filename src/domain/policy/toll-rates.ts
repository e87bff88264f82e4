/**
 * Figures for estimating a class-1 toll, clause (二十六) "衢城畅行". Road distances between
 * stations were not published, so an estimate is
 *
 *   roadKm  = straight-line km × roadFactor
 *   gross   = round(roadKm × ratePerKmFen) + perTripFen
 *   toll    = gross − round-half-up(gross × etcDiscountPercent %)
 *
 * and is always shown with 约. Every figure below is provisional (secondary sources: about 0.40 yuan/km
 * + 5 yuan per trip for class 1 in Zhejiang, ETC 5% off); the road factor is our own assumption.
 */
import type { Figure } from './types'

export interface TollRates {
  /** Class-1 passenger car, fen per road kilometre. */
  class1RatePerKmFen: Figure<number>
  /** Fixed fee per trip, fen. */
  perTripFen: Figure<number>
  /** ETC discount in percent (5 → 5% off), applied to the whole trip. */
  etcDiscountPercent: Figure<number>
  /** Road km per straight-line km; ≥ 1, since a straight line is a lower bound. */
  roadFactor: Figure<number>
}

/** No official rate table was read: the rates are the app's working assumption from secondary sources. */
const ZHEJIANG_TOLL_SOURCE = '本应用暂定：浙江省高速公路一类客车收费标准未查到原文，按二手资料估算（约 0.40 元/公里、每次 5 元、ETC 95 折）'

export const BUNDLED_TOLL_RATES: TollRates = {
  class1RatePerKmFen: {
    value: 40,
    clause: '二十六',
    source: ZHEJIANG_TOLL_SOURCE,
    status: 'provisional',
    note: '约 0.40 元/公里；各路段费率不同，衢州境内路段未核实',
  },
  perTripFen: {
    value: 500,
    clause: '二十六',
    source: ZHEJIANG_TOLL_SOURCE,
    status: 'provisional',
    note: '约 5 元/次',
  },
  etcDiscountPercent: {
    value: 5,
    clause: '二十六',
    source: ZHEJIANG_TOLL_SOURCE,
    status: 'provisional',
    note: 'ETC 通行费 95 折',
  },
  roadFactor: {
    value: 1.25,
    clause: '二十六',
    source: '本应用暂定：收费站间实际里程未公布，按直线距离 × 1.25 估算',
    status: 'provisional',
    note: '直线距离是实际里程的下限；山区路段可能更长',
  },
}
