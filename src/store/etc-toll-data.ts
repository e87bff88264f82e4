/**
 * The 衢城畅行 data (clause 二十六) the ETC screens judge with: what the server serves (the bundled
 * data plus the operator's override — a station list, rates, or a period extended into 2026), else
 * the phone's stored copy, else the bundled data. The bundled period ends 2025-12-31, so without the
 * served data every later trip would read 收费 whatever the operator published.
 *
 * One key of the resource cache ('toll', also the client's offline-copy key), read once per session
 * (again on refresh). Never throws and never leaves the screens without data: the bundled data
 * stands while loading, offline with no stored copy, and when an answer is malformed. Only the ETC
 * and search subpackages import this, so the weapp main package does not carry it.
 */
import { useMemo } from 'react'
import { BUNDLED_TOLL_DATA, type TollData } from '@/domain/policy/toll-scheme'
import { TOLL_CACHE_KEY, tollApi, type TollDataResult } from '@/services/api/toll'
import { loadResource, resourceOf, useResource, type DataSource, type Resource, type ResourceOptions, type StoredCopy } from './resource'

export type TollDataSource = DataSource

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

export const BUNDLED_TOLL_VIEW: TollDataView = {
  data: BUNDLED_TOLL_DATA,
  source: 'bundled',
  updatedAt: null,
  fetchedAt: null,
  loading: false,
  problem: null,
}

const asCopy = (result: TollDataResult): StoredCopy<TollData> => ({ data: result.data, fetchedAt: result.fetchedAt, meta: { updatedAt: result.updatedAt } })
const fetchToll = async () => {
  const result = await tollApi.getTollData()
  return { ...asCopy(result), fromCache: result.fromCache }
}
const TOLL_OPTIONS: ResourceOptions<TollData> = {
  staleMs: Number.POSITIVE_INFINITY,
  // The stored copy answers at once (if this app version can still read it); the network may take its retries first.
  stored: () => {
    const stored = tollApi.peekTollData()
    return stored && asCopy(stored)
  },
}

/** What a failed read leaves: the bundled data, whole, with the reason (never half an override). */
export function tollViewOf(entry: Resource<TollData>): TollDataView {
  if (entry.error) return { ...BUNDLED_TOLL_VIEW, problem: entry.error }
  if (!entry.data || !entry.source) return { ...BUNDLED_TOLL_VIEW, loading: entry.loading }
  const updatedAt = entry.meta?.updatedAt
  return {
    data: entry.data,
    source: entry.source,
    updatedAt: typeof updatedAt === 'string' ? updatedAt : null,
    fetchedAt: entry.fetchedAt,
    loading: entry.loading,
    problem: null,
  }
}

/** The data in force now (tests, and code outside a screen). */
export function tollDataView(): TollDataView {
  return tollViewOf(resourceOf(TOLL_CACHE_KEY))
}

/** Loads once per session (again with `refresh`); pages mounting together share one request. */
export async function loadTollData(options?: { refresh?: boolean }): Promise<void> {
  await loadResource(TOLL_CACHE_KEY, fetchToll, { ...TOLL_OPTIONS, force: options?.refresh })
}

/** A screen's toll data: read when it mounts, re-rendered when the served data arrives. */
export function useTollData(): TollDataView {
  const { data, source, fetchedAt, meta, loading, error } = useResource(TOLL_CACHE_KEY, fetchToll, TOLL_OPTIONS)
  return useMemo(() => tollViewOf({ data, source, fetchedAt, meta, loading, error }), [data, source, fetchedAt, meta, loading, error])
}
