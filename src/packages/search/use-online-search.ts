import { useEffect, useState } from 'react'
import { normaliseSearchText } from '@/domain/search/search'
import { isApiError } from '@/services/api'
import { searchApi, type OnlineSearchHit } from '@/services/api/search'
import { useResource } from '@/store/resource'

/** The server refuses longer queries (server/src/routes/search.ts); the bundled results still show. */
const SERVER_QUERY_MAX_LENGTH = 30
/** How long typing must pause before the server is asked (the bundled results never wait). */
export const SEARCH_DEBOUNCE_MS = 150
/** Going back to a query typed a moment ago shows its answer without asking again. */
const SEARCH_FRESH_MS = 60_000

export type OnlineSearch =
  | { status: 'idle' }
  | { status: 'loading'; query: string }
  | { status: 'done'; query: string; hits: OnlineSearchHit[] }
  /** No answer at all (no network, timeout): the page says events and merchants are missing. */
  | { status: 'offline'; query: string; message: string }
  | { status: 'failed'; query: string; message: string }

const fetchHits = (query: string) => async () => {
  const { hits } = await searchApi.searchContent(query)
  return { data: hits, fetchedAt: Date.now(), fromCache: false }
}

/**
 * Events and merchants from the server for what is typed, asked once typing pauses: each query is
 * a key of the resource cache (search:<query>), so an answer to an older query never shows for
 * a newer one.
 */
export function useOnlineSearch(text: string): OnlineSearch {
  const query = text.trim()
  const searchable = normaliseSearchText(query) !== '' && query.length <= SERVER_QUERY_MAX_LENGTH
  const [asked, setAsked] = useState<string | null>(null)
  useEffect(() => {
    if (!searchable) return setAsked(null)
    const timer = setTimeout(() => setAsked(query), SEARCH_DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [query, searchable])

  const current = searchable && asked === query ? query : null
  const { data, error, failure, loading } = useResource(current === null ? null : `search:${current}`, fetchHits(query), { staleMs: SEARCH_FRESH_MS })
  if (!searchable) return { status: 'idle' }
  if (current === null || (loading && !error) || (!data && !error)) return { status: 'loading', query }
  if (error) return { status: isApiError(failure) && failure.status === 0 ? 'offline' : 'failed', query, message: error }
  return { status: 'done', query, hits: data ?? [] }
}
