/**
 * What the search page talks to: the search API. One store so a component test hands the page
 * an API bound to its own HTTP server in one line (as event-services.ts does).
 */
import { create } from 'zustand'
import { searchApi, type SearchApi } from '../services/api/search'

export interface SearchServices {
  api: SearchApi
  /** How long typing must pause before the server is asked (the bundled results never wait). */
  debounceMs: number
}

export const useSearchServices = create<SearchServices>()(() => ({ api: searchApi, debounceMs: 150 }))
