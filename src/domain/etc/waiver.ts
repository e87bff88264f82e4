/**
 * Clause (二十六) "衢城畅行", 衢政发〔2025〕4号: "对衢州市13个高速收费站间通行且使用ETC记账卡的浙H牌照1类
 * 客车免收通行费". A trip is free only when all of these hold, each read from TollData:
 *   1. the plate is 浙H;  2. the car is class 1 (≤ 9 seats);  3. it pays with an ETC 记账卡;
 *   4. the entry station and 5. the exit station are in the scheme;  6. the date is inside the
 *   scheme's period.
 * Each failed condition gives its own reason; a free trip gives one positive reason. The verdict is
 * `provisional` whenever a figure it rests on is not confirmed (the 13 stations are not published).
 *
 * Entry equal to exit is a U-turn (同站进出). We judge it like any other trip — the station is at
 * both ends, so an in-scheme station satisfies 4 and 5 — but give no toll estimate, since the
 * distance driven is unknown (the straight line is zero), and say so in `notes`.
 */
import { DomainError } from '../errors'
import type { Fen } from '../money'
import { assertDate, isDateWithin, todayInShanghai } from '../time'
import { STATUS_LABEL, isProvisional, type FigureStatus } from '../policy/types'
import { getClause } from '../policy/clauses'
import { BUNDLED_TOLL_DATA, ETC_CARDS, VEHICLE_CLASSES, type EtcCard, type TollData, type VehicleClass } from '../policy/toll-scheme'
import type { TollStation } from '../policy/toll-stations'
import { ETC_CARD_LABEL, VEHICLE_CLASS_LABEL } from './labels'
import { formatPlate, parsePlate, type ParsedPlate } from './plate'
import { haversineKm } from './geo'
import { findStation } from './stations'
import { estimateClass1TollFen, formatEstimatedFen, type TollEstimate } from './toll-estimate'

export type TollWaiverErrorCode = 'VEHICLE_CLASS_INVALID' | 'ETC_CARD_INVALID'

export class TollWaiverError extends DomainError<TollWaiverErrorCode> {}

export type TollConditionId = 'plate' | 'vehicleClass' | 'etcCard' | 'entry' | 'exit' | 'period'

export interface TollCondition {
  id: TollConditionId
  passed: boolean
  /** Chinese, says what was found and, when it failed, what would qualify. */
  text: string
}

export interface VehicleProfile {
  /** What the person typed, or an already parsed plate. */
  plate: string | ParsedPlate
  vehicleClass: VehicleClass
  etcCard: EtcCard
}

export interface VehicleEligibility {
  /** The car itself qualifies (plate, class, card); trips still depend on stations and date. */
  eligible: boolean
  plate: ParsedPlate
  checks: TollCondition[]
  /** One per failed condition, or one positive reason. */
  reasons: string[]
  provisional: boolean
}

export interface TollWaiverInput extends VehicleProfile {
  /** Station name (衢州东, 衢州东站, 衢州东收费站) or id. */
  entry: string
  exit: string
  /** 'YYYY-MM-DD' in Shanghai; today when omitted. */
  date?: string
}

export interface TollWaiverSource {
  clause: '二十六'
  /** '（二十六）', as the document prints it. */
  clauseLabel: string
  clauseText: string
  document: string
  dataVersion: string
  period: { from: string; to: string | null }
}

export interface TollWaiverVerdict {
  free: boolean
  /** Chinese: one per failed condition, or one positive reason when free. */
  reasons: string[]
  /** Every condition with pass/fail, for a checklist. */
  checks: TollCondition[]
  failed: TollConditionId[]
  /** True when the verdict rests on a figure that is not confirmed: show 待官方确认. */
  provisional: boolean
  statusLabel: string
  /** Estimated toll of this trip in fen (what is saved when free); absent when it cannot be estimated. */
  estimatedTollFen?: Fen
  /** '约 ¥12.35' for estimatedTollFen. */
  estimatedTollText?: string
  estimate?: TollEstimate
  /** Straight-line distance between the stations, km (0 for a U-turn). */
  distanceKm: number
  sameStation: boolean
  plate: ParsedPlate
  entry: TollStation
  exit: TollStation
  date: string
  /** Caveats: estimates, U-turns, provisional station list. */
  notes: string[]
  source: TollWaiverSource
}

function assertVehicleClass(value: unknown): VehicleClass {
  if (!VEHICLE_CLASSES.includes(value as VehicleClass)) {
    throw new TollWaiverError('VEHICLE_CLASS_INVALID', '请选择车型：一类至四类客车', 'vehicleClass')
  }
  return value as VehicleClass
}

function assertEtcCard(value: unknown): EtcCard {
  if (!ETC_CARDS.includes(value as EtcCard)) {
    throw new TollWaiverError('ETC_CARD_INVALID', '请选择 ETC 卡类型：记账卡、储值卡或不使用 ETC', 'etcCard')
  }
  return value as EtcCard
}

const anyProvisional = (statuses: FigureStatus[]): boolean => statuses.some(isProvisional)

/** The car-level conditions 1–3, for the 我的车 screen's instant verdict. */
export function checkVehicleEligibility(vehicle: VehicleProfile, data: TollData = BUNDLED_TOLL_DATA): VehicleEligibility {
  const plate = typeof vehicle.plate === 'string' ? parsePlate(vehicle.plate) : parsePlate(vehicle.plate.plate)
  const vehicleClass = assertVehicleClass(vehicle.vehicleClass)
  const etcCard = assertEtcCard(vehicle.etcCard)
  const { plateProvince, plateCity, vehicleClass: requiredClass, etcCard: requiredCard } = data.eligibility
  const requiredPrefix = `${plateProvince.value}${plateCity.value}`

  const plateOk = plate.province === plateProvince.value && plate.city === plateCity.value
  const classOk = vehicleClass === requiredClass.value
  const cardOk = etcCard === requiredCard.value
  const cardFailure =
    etcCard === 'none'
      ? `未使用 ETC：只有使用 ${ETC_CARD_LABEL[requiredCard.value]}通行才免费`
      : `使用的是 ${ETC_CARD_LABEL[etcCard]}：只有 ${ETC_CARD_LABEL[requiredCard.value]}免费`
  const checks: TollCondition[] = [
    {
      id: 'plate',
      passed: plateOk,
      text: plateOk
        ? `${formatPlate(plate)} 是${requiredPrefix}号牌`
        : `${formatPlate(plate)} 不是${requiredPrefix}号牌：只有${requiredPrefix}号牌免费`,
    },
    {
      id: 'vehicleClass',
      passed: classOk,
      text: classOk
        ? `车型为${VEHICLE_CLASS_LABEL[vehicleClass]}`
        : `车型为${VEHICLE_CLASS_LABEL[vehicleClass]}：只有${VEHICLE_CLASS_LABEL[requiredClass.value]}免费`,
    },
    { id: 'etcCard', passed: cardOk, text: cardOk ? `使用 ${ETC_CARD_LABEL[etcCard]}` : cardFailure },
  ]
  const eligible = checks.every((check) => check.passed)
  const reasons = eligible
    ? [`符合条件：${requiredPrefix}号牌、${VEHICLE_CLASS_LABEL[vehicleClass]}、${ETC_CARD_LABEL[etcCard]}；在“衢城畅行”收费站之间通行免费`]
    : checks.filter((check) => !check.passed).map((check) => check.text)
  const provisional = anyProvisional([plateProvince.status, plateCity.status, requiredClass.status, requiredCard.status])
  return { eligible, plate, checks, reasons, provisional }
}

function describePeriod(period: { from: string; to: string | null }): string {
  return period.to === null ? `${period.from} 起` : `${period.from} 至 ${period.to}`
}

/** Is this trip free under clause (二十六)? Throws PlateError, StationError (with suggestions), TimeError. */
export function checkTollWaiver(input: TollWaiverInput, data: TollData = BUNDLED_TOLL_DATA): TollWaiverVerdict {
  const vehicle = checkVehicleEligibility(input, data)
  const entry = findStation(input.entry, data.stations, 'entry')
  const exit = findStation(input.exit, data.stations, 'exit')
  const date = input.date === undefined ? todayInShanghai() : assertDate(input.date, 'date')
  const period = data.period.value
  const inPeriod = isDateWithin(date, period.from, period.to)
  const sameStation = entry.id === exit.id

  const checks: TollCondition[] = [
    ...vehicle.checks,
    {
      id: 'entry',
      passed: entry.inScheme,
      text: entry.inScheme ? `入口 ${entry.name} 在“衢城畅行”范围内` : `入口 ${entry.name} 不在“衢城畅行”免费收费站内`,
    },
    {
      id: 'exit',
      passed: exit.inScheme,
      text: exit.inScheme ? `出口 ${exit.name} 在“衢城畅行”范围内` : `出口 ${exit.name} 不在“衢城畅行”免费收费站内`,
    },
    {
      id: 'period',
      passed: inPeriod,
      text: inPeriod ? `${date} 在实施期内（${describePeriod(period)}）` : `${date} 不在“衢城畅行”实施期内（${describePeriod(period)}）`,
    },
  ]
  const failed = checks.filter((check) => !check.passed)
  const free = failed.length === 0
  const reasons = free
    ? [
        `免费：${formatPlate(vehicle.plate)}，${VEHICLE_CLASS_LABEL[data.eligibility.vehicleClass.value]}，` +
          `使用 ${ETC_CARD_LABEL[data.eligibility.etcCard.value]}，` +
          (sameStation ? `在 ${entry.name} 同站进出` : `在 ${entry.name} 与 ${exit.name} 之间通行`) +
          '，属于“衢城畅行”减免范围',
      ]
    : failed.map((check) => check.text)

  const notes: string[] = []
  let estimate: TollEstimate | undefined
  let estimatedTollFen: Fen | undefined
  if (sameStation) {
    notes.push('同一收费站进出（掉头）：按该站是否在“衢城畅行”范围内判断；实际行驶里程未知，不估算通行费')
  } else if (input.vehicleClass === 1) {
    estimate = estimateClass1TollFen(entry, exit, data.rates)
    estimatedTollFen = input.etcCard === 'none' ? estimate.grossFen : estimate.tollFen
    const { roadFactor, class1RatePerKmFen, perTripFen, etcDiscountPercent } = data.rates
    notes.push(
      `通行费为估算：直线距离 ${estimate.straightLineKm.toFixed(1)} 公里 × ${roadFactor.value} ≈ ${estimate.roadKm.toFixed(1)} 公里，` +
        `按 ${(class1RatePerKmFen.value / 100).toFixed(2)} 元/公里 + ${(perTripFen.value / 100).toFixed(2)} 元/次` +
        (input.etcCard === 'none' ? '' : `、ETC 优惠 ${etcDiscountPercent.value}%`) +
        '计算，以实际扣费为准',
    )
  } else {
    notes.push(`${VEHICLE_CLASS_LABEL[input.vehicleClass]}的费率未收录，不估算通行费`)
  }
  const stationStatuses = [data.stationSet.status, entry.status, exit.status]
  if (anyProvisional(stationStatuses)) {
    notes.push(`“衢城畅行”的 ${data.stationCount.value} 个收费站名单官方尚未公布，本应用暂定的站点范围待官方确认`)
  }

  const provisional = vehicle.provisional || anyProvisional([...stationStatuses, data.period.status, data.stationCount.status])
  const clause = getClause('二十六')
  return {
    free,
    reasons,
    checks,
    failed: failed.map((check) => check.id),
    provisional,
    statusLabel: STATUS_LABEL[provisional ? 'provisional' : 'confirmed'],
    estimatedTollFen,
    estimatedTollText: estimatedTollFen === undefined ? undefined : formatEstimatedFen(estimatedTollFen),
    estimate,
    distanceKm: haversineKm(entry, exit),
    sameStation,
    plate: vehicle.plate,
    entry,
    exit,
    date,
    notes,
    source: {
      clause: data.clause,
      clauseLabel: clause.label,
      clauseText: clause.text,
      document: data.document,
      dataVersion: data.version,
      period,
    },
  }
}
