/**
 * 衢城畅行 data for the ETC tests (clause 二十六): operator overrides applied with the domain's own
 * applyTollOverride (as the server does on GET /api/v1/toll), the answer as the server sends it, and
 * one-line ways to point the toll data at a test server or at the bundled data.
 */
import type { TripLogEntry } from '../domain/etc/savings'
import { applyTollOverride } from '../domain/policy/toll-overrides'
import { BUNDLED_TOLL_DATA, type TollData } from '../domain/policy/toll-scheme'
import { TOLL_CACHE_KEY } from '../services/api/toll'
import { useEtcTripsStore } from '../store/etc-trips'
import { useEtcVehicleStore, type StoredVehicle } from '../store/etc-vehicle'
import { resetResources } from '../store/resource'
import { ok, seedResource, useApiAt, type ApiTestServer, type Reply } from './api-test-server'
import { fixClock } from './fixed-clock'

const SOURCE = '衢州市交通运输局公告（示例）'

export function tollOverride(file: unknown): TollData {
  const applied = applyTollOverride(file, 'test-override.json')
  if (!applied.ok) throw new Error(`test override rejected: ${JSON.stringify(applied.errors)}`)
  return applied.data
}

/** The operator extends the waiver through 2026 (the bundled period ends 2025-12-31). */
export const PERIOD_2026 = tollOverride({
  version: '2026.1',
  period: { value: { from: '2025-01-01', to: '2026-12-31' }, clause: '二十六', source: SOURCE, status: 'provisional' },
})

/**
 * The operator publishes its own list for 2026: 衢州东 and 龙游 stay, 衢州北 (made up, not bundled)
 * joins, every other station is gone.
 */
export const REPLACED_STATIONS = tollOverride({
  version: '2026.2',
  period: PERIOD_2026.period,
  stations: {
    clause: '二十六',
    source: SOURCE,
    status: 'confirmed',
    list: [
      {
        id: 'quzhoudong',
        name: '衢州东',
        highway: 'G60',
        county: '330803',
        lng: 118.928419,
        lat: 29.002295,
        inScheme: true,
        status: 'confirmed',
      },
      {
        id: 'longyou',
        name: '龙游',
        highway: 'G60',
        county: '330825',
        lng: 119.176612,
        lat: 29.079838,
        inScheme: true,
        status: 'confirmed',
      },
      { id: 'quzhoubei', name: '衢州北', highway: 'G3', county: '330802', lng: 118.86, lat: 29.05, inScheme: true, status: 'confirmed' },
    ],
  },
  stationCount: { value: 3, clause: '二十六', source: SOURCE, status: 'confirmed' },
})

export const OPERATOR_UPDATED_AT = '2026-01-05T09:30:00+08:00'

/** GET /api/v1/toll's body: the data through JSON, as it travels. */
export function tollAnswer(data: TollData, updatedAt: string | null = OPERATOR_UPDATED_AT): unknown {
  return JSON.parse(JSON.stringify({ data, meta: { version: data.version, updatedAt } }))
}

/** Answers GET /api/v1/toll with `reply` (a body, or a Reply such as `{ drop: true }`). */
export function answerToll(server: ApiTestServer, reply: Reply): void {
  server.on((request) => (request.method === 'GET' && request.path === '/api/v1/toll' ? reply : undefined))
}

export const servedToll = (data: TollData, updatedAt?: string | null): Reply => ok(tollAnswer(data, updatedAt))

/** The one client pointed at `baseUrl` (no retries) and no toll data read yet. */
export function useTollDataAt(baseUrl: string): void {
  useApiAt({ baseUrl })
  resetResources(TOLL_CACHE_KEY)
}

/**
 * For tests of bundled behaviour: the server has no operator override, so it serves the bundled
 * data (source 'server', loaded — the page asks for nothing).
 */
export function serveBundledTollData(): void {
  seedResource<TollData>(TOLL_CACHE_KEY, BUNDLED_TOLL_DATA, { updatedAt: null })
}

/**
 * For an ETC page's test file: before each test the bundled toll data, an empty phone storage, the
 * clock at `at` (Shanghai) and the car and trip log given (if given); the clock is put back after
 * each test. `moveClockTo` sets another moment for one test.
 */
export function etcPageSuite(options: { at: string; vehicle?: StoredVehicle; trips?: TripLogEntry[] }): {
  moveClockTo: (iso: string) => void
} {
  let restoreClock: () => void = () => undefined
  beforeEach(() => {
    serveBundledTollData()
    localStorage.clear()
    restoreClock = fixClock(options.at)
    if (options.vehicle) useEtcVehicleStore.setState(options.vehicle)
    if (options.trips) useEtcTripsStore.setState({ trips: options.trips })
  })
  afterEach(() => restoreClock())
  return {
    moveClockTo: (iso) => {
      restoreClock()
      restoreClock = fixClock(iso)
    },
  }
}
