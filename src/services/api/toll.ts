/**
 * 衢城畅行 data API (clause 二十六): `GET /api/v1/toll` → `{ data: TollData, meta: { version, updatedAt } }`,
 * the bundled data with the operator's override applied (server/src/routes/content.ts). Cached on
 * the phone (ETag + offline copy) like every anonymous read.
 *
 * The server validated the override with zod on import; here the answer is only checked for the
 * shape and types the ETC screens and src/domain/etc read, by hand: zod stays out of the phone's
 * packages, and an old cached copy or a newer server must fall back to the bundled data, not crash a
 * verdict. The check is all or nothing, like the override itself: a half-usable station list could
 * turn a free trip into 收费 without saying why.
 */
import { BUNDLED_TOLL_DATA, ETC_CARDS, VEHICLE_CLASSES, type TollData } from '@/domain/policy/toll-scheme'
import type { TollStation } from '@/domain/policy/toll-stations'
import type { FigureStatus } from '@/domain/policy/types'
import { isValidDate } from '@/domain/time'
import type { ApiClient } from './client'
import { ApiError } from './errors'
import { api } from './index'

const TOLL_PATH = '/api/v1/toll'
export const TOLL_CACHE_KEY = 'toll'

export interface TollDataResult {
  data: TollData
  /** When the operator's override in force was imported (ISO, +08:00); null when the server serves the bundled data. */
  updatedAt: string | null
  fetchedAt: number
  /** The network failed and this is the phone's last stored copy. */
  fromCache: boolean
}

type Check = (value: unknown) => boolean

const STATUSES = new Set<FigureStatus>(['confirmed', 'provisional', 'unknown'])

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
const isText: Check = (value) => typeof value === 'string' && value !== ''
const isFiniteNumber: Check = (value) => typeof value === 'number' && Number.isFinite(value)
const isFen: Check = (value) => Number.isInteger(value) && (value as number) >= 0
const isPositiveInteger: Check = (value) => Number.isInteger(value) && (value as number) > 0
const isOptionalText: Check = (value) => value === undefined || typeof value === 'string'

function isSource(value: unknown): boolean {
  return isRecord(value) && isText(value.clause) && isText(value.source) && STATUSES.has(value.status as FigureStatus) && isOptionalText(value.note)
}

const isFigure = (check: Check): Check => (value) => isSource(value) && check((value as Record<string, unknown>).value)

function isPeriod(value: unknown): boolean {
  if (!isRecord(value) || !isValidDate(value.from)) return false
  return value.to === null || (isValidDate(value.to) && value.to >= value.from)
}

const isNamedCode: Check = (value) => isRecord(value) && isText(value.code) && isText(value.name)

function isStation(value: unknown): value is TollStation {
  return (
    isRecord(value) &&
    isText(value.id) &&
    isText(value.name) &&
    isNamedCode(value.highway) &&
    isNamedCode(value.county) &&
    isFiniteNumber(value.lng) &&
    isFiniteNumber(value.lat) &&
    typeof value.inScheme === 'boolean' &&
    STATUSES.has(value.status as FigureStatus) &&
    isOptionalText(value.pinyin) &&
    isOptionalText(value.pinyinInitials)
  )
}

function hasUniqueIds(stations: readonly TollStation[]): boolean {
  return new Set(stations.map((station) => station.id)).size === stations.length
}

/** Every field checkTollWaiver, summariseSavings and the ETC screens read, with the type they read it as. */
export function isTollDataLike(value: unknown): value is TollData {
  if (!isRecord(value)) return false
  const { eligibility, rates, stations } = value
  return (
    isText(value.version) &&
    value.clause === '二十六' &&
    isText(value.document) &&
    isRecord(eligibility) &&
    isFigure(isText)(eligibility.plateProvince) &&
    isFigure(isText)(eligibility.plateCity) &&
    isFigure((item) => VEHICLE_CLASSES.includes(item as never))(eligibility.vehicleClass) &&
    isFigure((item) => ETC_CARDS.includes(item as never))(eligibility.etcCard) &&
    isFigure(isPeriod)(value.period) &&
    isFigure(isPositiveInteger)(value.stationCount) &&
    isSource(value.stationSet) &&
    Array.isArray(stations) &&
    stations.length > 0 &&
    stations.every(isStation) &&
    hasUniqueIds(stations) &&
    isRecord(rates) &&
    isFigure(isFen)(rates.class1RatePerKmFen) &&
    isFigure(isFen)(rates.perTripFen) &&
    isFigure((item) => isFiniteNumber(item) && (item as number) >= 0 && (item as number) <= 100)(rates.etcDiscountPercent) &&
    isFigure((item) => isFiniteNumber(item) && (item as number) >= 1)(rates.roadFactor)
  )
}

/**
 * Pinyin is optional in an operator's station list (policy/README.md), but the pickers search by
 * it ('qzd' → 衢州东): a station the bundled list also has, under the same id and name, keeps the
 * bundled pinyin rather than dropping out of pinyin search.
 */
function withBundledPinyin(station: TollStation): TollStation {
  if (station.pinyin !== undefined && station.pinyinInitials !== undefined) return station
  const bundled = BUNDLED_TOLL_DATA.stations.find((item) => item.id === station.id && item.name === station.name)
  if (!bundled) return station
  return { ...station, pinyin: station.pinyin ?? bundled.pinyin, pinyinInitials: station.pinyinInitials ?? bundled.pinyinInitials }
}

function updatedAtOf(meta: Record<string, unknown> | undefined): string | null {
  const updatedAt = meta?.updatedAt
  return typeof updatedAt === 'string' && Number.isFinite(Date.parse(updatedAt)) ? updatedAt : null
}

/** The answer as the app uses it; throws BAD_RESPONSE when the data is not usable as a whole. */
export function readTollAnswer(data: unknown, meta: Record<string, unknown> | undefined, fetchedAt: number, fromCache: boolean): TollDataResult {
  if (!isTollDataLike(data)) throw new ApiError('BAD_RESPONSE', '“衢城畅行”数据无法识别，暂按应用内置数据判断', 200)
  return { data: { ...data, stations: data.stations.map(withBundledPinyin) }, updatedAt: updatedAtOf(meta), fetchedAt, fromCache }
}

export function createTollApi(client: ApiClient) {
  return {
    /** The data in force; the stored copy when the network fails (fromCache). Throws ApiError. */
    async getTollData(): Promise<TollDataResult> {
      const result = await client.get<unknown>(TOLL_PATH, { cacheKey: TOLL_CACHE_KEY })
      return readTollAnswer(result.data, result.meta, result.fetchedAt, result.fromCache)
    },

    /** The phone's last stored copy, if usable, to show before the network answers. */
    peekTollData(): TollDataResult | null {
      const cached = client.peek<unknown>(TOLL_CACHE_KEY)
      if (!cached) return null
      try {
        return readTollAnswer(cached.data, cached.meta, cached.fetchedAt, true)
      } catch {
        return null
      }
    },
  }
}

export type TollApi = ReturnType<typeof createTollApi>

export const tollApi = createTollApi(api)
