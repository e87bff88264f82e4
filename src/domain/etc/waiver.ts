/**
 * Clause (二十六) "衢城畅行", 衢政发〔2025〕4号: "对衢州市13个高速收费站间通行且使用ETC记账卡的浙H牌照1类
 * 客车免收通行费". A trip is free only when all of these hold, each read from TollData:
 *   1. the plate is 浙H;  2. the car is class 1 (≤ 9 seats);  3. it pays with an ETC 记账卡;
 *   4. the entry station and 5. the exit station are in the scheme;  6. the date is inside the
 *   scheme's period.
 * Each failed condition gives its own reason; a free trip gives one positive reason. The verdict is
 * `provisional` whenever a figure it rests on is not confirmed (the 13 stations are not published).
 *
 * A date after the last known period is neither free nor charged: whether the scheme continues is
 * 待官方确认 (scheme-period.ts), so the period condition is `unknown` and, when everything else
 * holds, the outcome is 'period-unknown'. The vehicle check (我的车) likewise never says 通行免费
 * outside a known period.
 *
 * Entry equal to exit is a U-turn (同站进出): the clause waives tolls for travel 收费站间 — between
 * stations — so a U-turn is not such a trip (this app's reading, said in `notes`); it is not free
 * and gets no toll estimate, since the distance driven is unknown.
 */
import { DomainError } from '../errors'
import type { Fen } from '../money'
import { assertDate, todayInShanghai } from '../time'
import { STATUS_LABEL, isProvisional, type FigureStatus } from '../policy/types'
import { getClause } from '../policy/clauses'
import { BUNDLED_TOLL_DATA, ETC_CARDS, VEHICLE_CLASSES, type EtcCard, type TollData, type VehicleClass } from '../policy/toll-scheme'
import type { TollStation } from '../policy/toll-stations'
import { ETC_CARD_LABEL, VEHICLE_CLASS_LABEL } from './labels'
import { formatPlate, parsePlate, type ParsedPlate } from './plate'
import { haversineKm } from './geo'
import { findStation } from './stations'
import { schemePeriodStatus, type SchemePeriodStatus } from './scheme-period'
import { estimateClass1TollFen, formatEstimatedFen, type TollEstimate } from './toll-estimate'

export type TollWaiverErrorCode = 'VEHICLE_CLASS_INVALID' | 'ETC_CARD_INVALID'

export class TollWaiverError extends DomainError<TollWaiverErrorCode> {}

export type TollConditionId = 'plate' | 'vehicleClass' | 'etcCard' | 'route' | 'entry' | 'exit' | 'period'

export interface TollCondition {
  id: TollConditionId
  passed: boolean
  /** Neither met nor failed: nobody knows yet (a date after the last known period). `passed` is false. */
  unknown?: boolean
  /** Chinese, says what was found and, when it failed, what would qualify. */
  text: string
}

export interface VehicleProfile {
  /** What the person typed, or an already parsed plate. */
  plate: string | ParsedPlate
  vehicleClass: VehicleClass
  etcCard: EtcCard
}

/**
 * free-in-period: the car qualifies and the date is in a known period (trips still need stations);
 * not-eligible: the car fails a condition; period-unknown: the car meets the last known conditions
 * but the date is after the last known period; not-started: before the scheme began.
 */
export type VehicleVerdictKind = 'free-in-period' | 'not-eligible' | 'period-unknown' | 'not-started'

export interface VehicleEligibility {
  /** The car itself qualifies (plate, class, card); trips still depend on stations and date. */
  eligible: boolean
  verdict: VehicleVerdictKind
  /** '✓ 您的车符合免费条件', '？ 2026 年是否免费待官方确认' … */
  headline: string
  period: SchemePeriodStatus
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

/** 'period-unknown': every other condition holds, but whether the scheme runs on the date is 待官方确认. */
export type TollOutcome = 'free' | 'charged' | 'period-unknown'

export interface TollWaiverVerdict {
  free: boolean
  outcome: TollOutcome
  /** '✓ 免费', '✗ 收费', '？ 是否免费待官方确认'. */
  headline: string
  period: SchemePeriodStatus
  /** Chinese: one per failed condition, or one positive reason when free. */
  reasons: string[]
  /** Every condition with pass/fail, for a checklist. */
  checks: TollCondition[]
  failed: TollConditionId[]
  /** Conditions nobody can judge yet (the period after the last known one). */
  unknown: TollConditionId[]
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

/**
 * The car-level conditions 1–3, for the 我的车 screen's instant verdict on `date` (today when
 * omitted): it promises 通行免费 only inside a known period.
 */
export function checkVehicleEligibility(vehicle: VehicleProfile, data: TollData = BUNDLED_TOLL_DATA, date?: string): VehicleEligibility {
  const day = date === undefined ? todayInShanghai() : assertDate(date, 'date')
  const period = schemePeriodStatus(data, day)
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
  const conditions = `${requiredPrefix}号牌、${VEHICLE_CLASS_LABEL[vehicleClass]}、${ETC_CARD_LABEL[etcCard]}`
  const verdict: VehicleVerdictKind = !eligible
    ? 'not-eligible'
    : period.state === 'in-period'
      ? 'free-in-period'
      : period.state === 'after-period'
        ? 'period-unknown'
        : 'not-started'
  const failedReasons = checks.filter((check) => !check.passed).map((check) => check.text)
  const reasons: Record<VehicleVerdictKind, string[]> = {
    'free-in-period': [`符合条件：${conditions}；在“衢城畅行”收费站之间通行免费（实施期 ${period.periodText}）`],
    'period-unknown': [`您的车符合已知实施期（${period.periodText}）的条件：${conditions}`, period.text],
    'not-started': [`符合条件：${conditions}；但 ${period.text}`],
    'not-eligible': period.state === 'after-period' ? [...failedReasons, period.text] : failedReasons,
  }
  const headline: Record<VehicleVerdictKind, string> = {
    'free-in-period': '✓ 您的车符合免费条件',
    'period-unknown': `？ ${day.slice(0, 4)} 年是否免费待官方确认`,
    'not-started': '✗ “衢城畅行”尚未实施',
    'not-eligible': '✗ 您的车不符合免费条件',
  }
  const provisional =
    verdict === 'period-unknown' || anyProvisional([plateProvince.status, plateCity.status, requiredClass.status, requiredCard.status])
  return { eligible, verdict, headline: headline[verdict], period, plate, checks, reasons: reasons[verdict], provisional }
}

function periodCondition(period: SchemePeriodStatus): TollCondition {
  if (period.state === 'after-period') {
    return {
      id: 'period',
      passed: false,
      unknown: true,
      text: `${period.date} 在已知实施期（${period.periodText}）之后：是否延续待官方确认`,
    }
  }
  return period.state === 'in-period'
    ? { id: 'period', passed: true, text: period.text }
    : { id: 'period', passed: false, text: `${period.date} 不在“衢城畅行”实施期内（${period.periodText}）` }
}

const HEADLINE: Record<TollOutcome, string> = { free: '✓ 免费', charged: '✗ 收费', 'period-unknown': '？ 是否免费待官方确认' }

/** Is this trip free under clause (二十六)? Throws PlateError, StationError (with suggestions), TimeError. */
export function checkTollWaiver(input: TollWaiverInput, data: TollData = BUNDLED_TOLL_DATA): TollWaiverVerdict {
  const date = input.date === undefined ? todayInShanghai() : assertDate(input.date, 'date')
  const vehicle = checkVehicleEligibility(input, data, date)
  const entry = findStation(input.entry, data.stations, 'entry')
  const exit = findStation(input.exit, data.stations, 'exit')
  const period = data.period.value
  const periodStatus = vehicle.period
  const sameStation = entry.id === exit.id

  const checks: TollCondition[] = [
    ...vehicle.checks,
    ...(sameStation
      ? [{ id: 'route' as const, passed: false, text: `在 ${entry.name} 同站进出（掉头）：不是收费站之间的通行，不在“衢城畅行”减免范围内` }]
      : []),
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
    periodCondition(periodStatus),
  ]
  const failed = checks.filter((check) => !check.passed && !check.unknown)
  const unknown = checks.filter((check) => check.unknown)
  const outcome: TollOutcome = failed.length > 0 ? 'charged' : unknown.length > 0 ? 'period-unknown' : 'free'
  const free = outcome === 'free'
  const reasons: Record<TollOutcome, () => string[]> = {
    free: () => [
      `免费：${formatPlate(vehicle.plate)}，${VEHICLE_CLASS_LABEL[data.eligibility.vehicleClass.value]}，` +
        `使用 ${ETC_CARD_LABEL[data.eligibility.etcCard.value]}，在 ${entry.name} 与 ${exit.name} 之间通行，属于“衢城畅行”减免范围`,
    ],
    'period-unknown': () => [
      periodStatus.text,
      `其他条件都符合已知实施期的规定：若“衢城畅行”延续且条件不变，这趟免费；若不延续，按正常收费`,
    ],
    // After the last known period a charged trip still says the period is unknown: no bare 收费.
    charged: () => [...failed.map((check) => check.text), ...unknown.map(() => periodStatus.text)],
  }

  const notes: string[] = []
  let estimate: TollEstimate | undefined
  let estimatedTollFen: Fen | undefined
  if (sameStation) {
    notes.push('同一收费站进出（掉头）：条款减免的是“收费站间通行”，本应用不把掉头算作收费站之间的行程；实际行驶里程未知，不估算通行费')
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

  const provisional =
    outcome === 'period-unknown' ||
    vehicle.provisional ||
    anyProvisional([...stationStatuses, data.period.status, data.stationCount.status])
  const clause = getClause('二十六')
  return {
    free,
    outcome,
    headline: HEADLINE[outcome],
    period: periodStatus,
    reasons: reasons[outcome](),
    checks,
    failed: failed.map((check) => check.id),
    unknown: unknown.map((check) => check.id),
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
