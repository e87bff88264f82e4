/**
 * The app's API client instance. Resource modules (one typed function per endpoint) import
 * `api` from here; pages never call Taro.request themselves.
 */
import { currentToken, useSessionStore } from '../../store/session'
import { createApiClient } from './client'

/** weapp cannot use a relative URL; H5 served by our server uses its own origin (''). */
function defaultBaseUrl(): string {
  const configured = process.env.TARO_APP_API_BASE
  if (typeof configured === 'string') return configured.replace(/\/$/, '')
  return process.env.TARO_ENV === 'weapp' ? 'http://127.0.0.1:8080' : ''
}

export const api = createApiClient({
  baseUrl: defaultBaseUrl(),
  getToken: () => currentToken(),
  onUnauthorized: () => useSessionStore.getState().signOut(),
})

export { ApiError, isApiError, userMessage } from './errors'
export type { ApiResult } from './client'
