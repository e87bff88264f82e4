/**
 * The one way the app reads the server: a keyed cache of answers over the one API client, with
 * the ideas of TanStack Query in the few hundred bytes the weapp main package can spare.
 *
 * - Keyed: one entry per key ('vouchers:batches', 'events:2026-11-30~2027-01-10'); two screens
 *   asking for the same key at once share one request.
 * - One vocabulary for where data came from: `source` is 'server' (fresh), 'cache' (the network
 *   failed: the phone's stored copy, as old as `fetchedAt` says) or 'bundled' (neither: the data
 *   shipped in the package, which the screen must call 内置). `fetchedAt` is when the server sent it.
 * - Stale-while-revalidate: while a key is fetched again its last data stays on screen; before the
 *   first answer the phone's stored copy (`stored`, the client's offline copy) is shown as 'cache'.
 * - Errors: `error` is the Chinese message; the last good data stays. Network retries are the
 *   client's (GETs only, with backoff); `reload()` is the 重试 button.
 * - Freshness: a server answer younger than `staleMs` is not asked for again (default 0: every
 *   read revalidates, cheap with the client's ETag); `invalidate(prefix)` makes keys stale and
 *   fetches again those a screen is showing.
 * - Writes go through actions that call the API and then `setResourceData` or `invalidate` what
 *   they changed; `resetResources()` empties everything between tests.
 */
import { useCallback, useEffect, useRef } from 'react'
import { create } from 'zustand'
import type { Shape } from '@/domain/contract/shape'
import { api } from '@/services/api'
import type { ApiResult } from '@/services/api/client'
import { userMessage } from '@/services/api/errors'

export type DataSource = 'server' | 'cache' | 'bundled'

export interface Resource<T> {
  /** null before any answer (and when neither the server, a stored copy nor bundled data had one). */
  data: T | null
  source: DataSource | null
  /** When the server sent `data` (epoch ms, phone clock); null for bundled data. */
  fetchedAt: number | null
  /** The answer's `meta` (server time, paging). */
  meta?: Record<string, unknown>
  /** When the server sent `data` and `meta` (before a 304 confirmed them); else fetchedAt. */
  servedAt?: number
  loading: boolean
  /** Why the last fetch failed, in Chinese; null after a success. */
  error: string | null
  /** What the last fetch threw, for screens that branch on an ApiError's code. */
  failure?: unknown
}

export type Fetcher<T> = () => Promise<ApiResult<T>>

export interface StoredCopy<T> {
  data: T
  fetchedAt: number
  meta?: Record<string, unknown>
  servedAt?: number
}

export interface ResourceOptions<T> {
  /** How long a server answer counts as fresh (ms); default 0. */
  staleMs?: number
  /**
   * The phone's stored copy, painted as 'cache' before the first answer: `true` when the fetcher
   * keeps it in the client under the same key (GetOptions.cacheKey), else a reader of its own.
   */
  stored?: true | (() => StoredCopy<T> | null)
  /** With `stored: true`: the contract's shape a stored copy must have (an older app's copy may not). */
  shape?: Shape
  /** Data shipped in the package, for when neither the server nor a stored copy answers. */
  bundled?: () => T | null
  /** Fetch even if fresh. */
  force?: boolean
}

const EMPTY: Resource<never> = { data: null, source: null, fetchedAt: null, loading: false, error: null }

export const useResources = create<{ entries: Readonly<Record<string, Resource<unknown>>> }>()(() => ({ entries: {} }))

const inFlight = new Map<string, Promise<Resource<unknown>>>()
/** The last fetcher of each key, so `invalidate` can fetch again what is on screen. */
const known = new Map<string, [Fetcher<unknown>, ResourceOptions<unknown>]>()
const stale = new Set<string>()
const watchers = new Map<string, number>()
// Bumped by resetResources, so an answer to a request from before the reset is dropped.
let generation = 0

export function resourceOf<T>(key: string): Resource<T> {
  return (useResources.getState().entries[key] as Resource<T> | undefined) ?? EMPTY
}

function put<T>(key: string, change: Partial<Resource<T>>): Resource<T> {
  const next = { ...resourceOf<T>(key), ...change }
  useResources.setState((state) => ({ entries: { ...state.entries, [key]: next as Resource<unknown> } }))
  return next
}

/** Reads a key: at once if fresh, else from the server (one request per key at a time). Never throws. */
export function loadResource<T>(key: string, fetcher: Fetcher<T>, options: ResourceOptions<T> = {}): Promise<Resource<T>> {
  known.set(key, [fetcher as Fetcher<unknown>, options as ResourceOptions<unknown>])
  const running = inFlight.get(key)
  if (running) return running as Promise<Resource<T>>
  const entry = resourceOf<T>(key)
  const fresh = entry.source === 'server' && !stale.has(key) && Date.now() - (entry.fetchedAt ?? 0) < (options.staleMs ?? 0)
  if (fresh && !options.force) return Promise.resolve(entry)
  stale.delete(key)
  const { stored: peek } = options
  const stored = entry.data === null && peek ? (peek === true ? api.peek<T>(key, options.shape) : peek()) : null
  put<T>(key, stored ? { data: stored.data, fetchedAt: stored.fetchedAt, meta: stored.meta, servedAt: stored.servedAt, source: 'cache', loading: true } : { loading: true })
  const started = generation
  const done = fetcher().then(
    (result): Partial<Resource<T>> => ({
      data: result.data,
      meta: result.meta,
      fetchedAt: result.fetchedAt,
      servedAt: result.servedAt,
      source: result.fromCache ? 'cache' : 'server',
      error: null,
      failure: undefined,
    }),
    (failure: unknown): Partial<Resource<T>> => {
      const fallback = resourceOf<T>(key).data === null ? options.bundled?.() : null
      const failed = { error: userMessage(failure), failure }
      return fallback == null ? failed : { ...failed, data: fallback, source: 'bundled', fetchedAt: null, meta: undefined, servedAt: undefined }
    },
  )
  const settled = done.then((change) => {
    if (started !== generation) return resourceOf<T>(key)
    inFlight.delete(key)
    return put<T>(key, { ...change, loading: false })
  })
  inFlight.set(key, settled as Promise<Resource<unknown>>)
  return settled
}

/** A mutation's answer changed a key's data: show the change now, without a round trip. */
export function setResourceData<T>(key: string, update: (data: T | null) => T | null): void {
  put<T>(key, { data: update(resourceOf<T>(key).data) })
}

/**
 * Keys starting with `prefix` are stale: the next read fetches them, and those on screen are
 * fetched again now.
 */
export function invalidate(prefix: string): Promise<unknown> {
  const keys = [...new Set([...Object.keys(useResources.getState().entries), ...known.keys()])].filter((key) => key.startsWith(prefix))
  return Promise.all(
    keys.map((key) => {
      stale.add(key)
      const remembered = known.get(key)
      return remembered && watchers.get(key) ? loadResource(key, remembered[0], remembered[1]) : null
    }),
  )
}

/** Empties the cache (tests; signing out of a personal key). Answers in flight are dropped. */
export function resetResources(prefix = ''): void {
  if (!prefix) generation += 1
  for (const key of [...inFlight.keys(), ...known.keys(), ...stale]) {
    if (key.startsWith(prefix)) {
      inFlight.delete(key)
      known.delete(key)
      stale.delete(key)
    }
  }
  useResources.setState((state) => ({
    entries: Object.fromEntries(Object.entries(state.entries).filter(([key]) => !key.startsWith(prefix))),
  }))
}

export interface UseResource<T> extends Resource<T> {
  /** Fetch again now, even if fresh (重试, pull to refresh, the page shown again). */
  reload: () => Promise<Resource<T>>
}

/**
 * A screen's read of a key: fetched on mount and when the key changes (null: nothing to read, e.g.
 * nobody signed in), re-rendered when its entry changes. `fetcher` and `options` are read at call
 * time, so they need not be stable.
 */
export function useResource<T>(key: string | null, fetcher: Fetcher<T>, options: ResourceOptions<T> = {}): UseResource<T> {
  const entry = useResources((state) => (key === null ? undefined : state.entries[key])) as Resource<T> | undefined
  const latest = useRef<[Fetcher<T>, ResourceOptions<T>]>([fetcher, options])
  latest.current = [fetcher, options]
  useEffect(() => {
    if (key === null) return
    watchers.set(key, (watchers.get(key) ?? 0) + 1)
    void loadResource(key, ...latest.current)
    return () => void watchers.set(key, (watchers.get(key) ?? 1) - 1)
  }, [key])
  // Stable per key, so a screen may list it in an effect's dependencies.
  const reload = useCallback(
    () => (key === null ? Promise.resolve(EMPTY as Resource<T>) : loadResource(key, latest.current[0], { ...latest.current[1], force: true })),
    [key],
  )
  return { ...(entry ?? EMPTY), reload }
}
