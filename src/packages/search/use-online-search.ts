import { useEffect, useState } from 'react'
import { normaliseSearchText } from '@/domain/search/search'
import { isApiError, userMessage } from '@/services/api'
import type { OnlineSearchHit } from '@/services/api/search'
import { useSearchServices } from '@/store/search-services'

/** The server refuses longer queries (server/src/routes/search.ts); the bundled results still show. */
const SERVER_QUERY_MAX_LENGTH = 30

export type OnlineSearch =
  | { status: 'idle' }
  | { status: 'loading'; query: string }
  | { status: 'done'; query: string; hits: OnlineSearchHit[] }
  /** No answer at all (no network, timeout): the page says events and merchants are missing. */
  | { status: 'offline'; query: string; message: string }
  | { status: 'failed'; query: string; message: string }

/**
 * Events and merchants from the server for what is typed, asked once typing pauses (debounceMs);
 * an answer to an older query is dropped when a newer one is on its way.
 */
export function useOnlineSearch(text: string): OnlineSearch {
  const api = useSearchServices((state) => state.api)
  const debounceMs = useSearchServices((state) => state.debounceMs)
  const query = text.trim()
  const searchable = normaliseSearchText(query) !== '' && query.length <= SERVER_QUERY_MAX_LENGTH
  const [state, setState] = useState<OnlineSearch>({ status: 'idle' })

  useEffect(() => {
    if (!searchable) {
      setState({ status: 'idle' })
      return undefined
    }
    let live = true
    setState({ status: 'loading', query })
    const timer = setTimeout(() => {
      api.searchContent(query).then(
        (result) => {
          if (live) setState({ status: 'done', query, hits: result.hits })
        },
        (error: unknown) => {
          if (!live) return
          const offline = isApiError(error) && error.status === 0
          setState({ status: offline ? 'offline' : 'failed', query, message: userMessage(error) })
        },
      )
    }, debounceMs)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [api, debounceMs, query, searchable])

  return state
}
