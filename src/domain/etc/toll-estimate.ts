/**
 * What a class-1 ETC trip between two stations would cost — the amount clause (二十六) waives.
 * Road distances were not found (facts.md), so:
 *
 *   roadKm = haversine(entry, exit) × roadFactor
 *   gross  = round(roadKm × class1RatePerKmFen) + perTripFen
 *   toll   = gross − percentOf(gross, etcDiscountPercent)      (integer fen, rounded half up)
 *
 * All four figures are provisional data (policy/toll-rates.ts); the result is always labelled 约.
 */
import { formatFen, percentOf, type Fen } from '../money'
import { isProvisional } from '../policy/types'
import type { TollRates } from '../policy/toll-rates'
import type { TollStation } from '../policy/toll-stations'
import { haversineKm } from './geo'

/** Shown before every estimated amount. */
export const ESTIMATE_LABEL = '约'

export interface TollEstimate {
  /** Straight-line distance between the stations, km. */
  straightLineKm: number
  /** straightLineKm × road factor, km. */
  roadKm: number
  grossFen: Fen
  etcDiscountFen: Fen
  /** What an ETC class-1 trip is estimated to cost. */
  tollFen: Fen
  /** Always true: road distance and rates are estimates. */
  estimate: true
  /** True when any rate figure used is not confirmed (shown as 待官方确认). */
  provisional: boolean
}

export function estimateClass1TollFen(entry: TollStation, exit: TollStation, rates: TollRates): TollEstimate {
  const straightLineKm = haversineKm(entry, exit)
  const roadKm = straightLineKm * rates.roadFactor.value
  const grossFen = Math.round(roadKm * rates.class1RatePerKmFen.value) + rates.perTripFen.value
  const etcDiscountFen = percentOf(grossFen, rates.etcDiscountPercent.value)
  const figures = [rates.class1RatePerKmFen, rates.perTripFen, rates.etcDiscountPercent, rates.roadFactor]
  return {
    straightLineKm,
    roadKm,
    grossFen,
    etcDiscountFen,
    tollFen: grossFen - etcDiscountFen,
    estimate: true,
    provisional: figures.some((figure) => isProvisional(figure.status)),
  }
}

/** '约 ¥12.35' — estimates never appear without 约. */
export function formatEstimatedFen(fen: Fen): string {
  return `${ESTIMATE_LABEL} ${formatFen(fen)}`
}
