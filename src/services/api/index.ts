/**
 * The app's API client instance. Resource modules (one typed function per endpoint) import
 * `api` from here; pages never call Taro.request themselves.
 */
import { currentToken, useSessionStore } from '../../store/session'
import { createApiClient } from './client'

/**
 * weapp cannot use a relative URL: config/index.ts always compiles a base into a weapp build (the
 * https origin for a release, which it checks; a loopback default for development, said in the
 * build output). H5 served by our server uses its own origin ('').
 */
function defaultBaseUrl(): string {
  const configured = process.env.TARO_APP_API_BASE
  return typeof configured === 'string' ? configured.replace(/\/$/, '') : ''
}

export const api = createApiClient({
  baseUrl: defaultBaseUrl(),
  getToken: () => currentToken(),
  onUnauthorized: () => useSessionStore.getState().signOut(),
})

export { ApiError, isApiError, userMessage } from './errors'
export type { ApiResult } from './client'
