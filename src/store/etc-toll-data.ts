/**
 * The 衢城畅行 data (clause 二十六) the ETC screens judge with: what the server serves (the bundled
 * data plus the operator's override — a station list, rates, or a period extended into 2026), else
 * the phone's stored copy, else the bundled data. The bundled period ends 2025-12-31, so without the
 * served data every later trip would read 收费 whatever the operator published.
 *
 * Never throws and never leaves the screens without data: the bundled data stands while loading,
 * offline with no stored copy, and when an answer is malformed. Not persisted: the API client keeps
 * the last answer on the phone. Only the ETC subpackage imports this, so the weapp main package
 * does not carry it.
 */
import { create } from 'zustand'
import { BUNDLED_TOLL_DATA, type TollData } from '../domain/policy/toll-scheme'
import { userMessage } from '../services/api/errors'
import { tollApi, type TollApi, type TollDataResult } from '../services/api/toll'

export type TollDataSource = 'bundled' | 'cache' | 'server'

export interface TollDataView {
  data: TollData
  source: TollDataSource
  /** When the operator's override in force was imported; null for the bundled data. */
  updatedAt: string | null
  /** When the server sent this data (epoch ms); null for the bundled data. */
  fetchedAt: number | null
  loading: boolean
  /** Why the served data is not in use (network, malformed answer), in Chinese; null otherwise. */
  problem: string | null
}

interface TollDataState extends TollDataView {
  /** Loads once per session (again with `refresh`). */
  load: (options?: { refresh?: boolean }) => Promise<void>
}

/** What the store fetches with; a test hands it an API bound to its own HTTP server. */
export const useTollServices = create<{ api: TollApi }>()(() => ({ api: tollApi }))

export const BUNDLED_TOLL_VIEW: TollDataView = {
  data: BUNDLED_TOLL_DATA,
  source: 'bundled',
  updatedAt: null,
  fetchedAt: null,
  loading: false,
  problem: null,
}

const viewOf = (result: TollDataResult): Omit<TollDataView, 'loading'> => ({
  data: result.data,
  source: result.fromCache ? 'cache' : 'server',
  updatedAt: result.updatedAt,
  fetchedAt: result.fetchedAt,
  problem: null,
})

// Four pages mounting in a row ask once.
let inFlight: Promise<void> | null = null

export const useTollDataStore = create<TollDataState>()((set, get) => ({
  ...BUNDLED_TOLL_VIEW,
  load: (options) => {
    if (get().source === 'server' && !options?.refresh) return Promise.resolve()
    if (inFlight) return inFlight
    const { api } = useTollServices.getState()
    // The stored copy answers at once; the network may take its retries and timeouts first.
    const stored = get().source === 'bundled' ? api.peekTollData() : null
    set(stored ? { ...viewOf(stored), loading: true } : { loading: true })
    inFlight = api
      .getTollData()
      .then(
        (result) => set({ ...viewOf(result), loading: false }),
        (error: unknown) => set({ ...BUNDLED_TOLL_VIEW, problem: userMessage(error) }),
      )
      .finally(() => {
        inFlight = null
      })
    return inFlight
  },
}))
