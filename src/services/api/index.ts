/**
 * The app's one API client. Resource modules (one typed function per endpoint) import `api` from
 * here; pages never call Taro.request themselves.
 *
 * `api` forwards to a client built from the current options, so the one test seam is
 * `configureApi({ baseUrl })`: a test points every resource module at its loopback server with one
 * call (and `resetApi()` puts the defaults back). The session store supplies the token and the
 * sign-out on 401 through the same call, so this layer never imports a store.
 */
import { createApiClient, type ApiClient, type ApiClientOptions } from './client'

/**
 * weapp cannot use a relative URL: config/index.ts always compiles a base into a weapp build (the
 * https origin for a release, which it checks; a loopback default for development, said in the
 * build output). H5 served by our server uses its own origin ('').
 */
function defaultBaseUrl(): string {
  const configured = process.env.TARO_APP_API_BASE
  return typeof configured === 'string' ? configured.replace(/\/$/, '') : ''
}

let options: ApiClientOptions = { baseUrl: defaultBaseUrl() }
let session: Pick<ApiClientOptions, 'getToken' | 'onUnauthorized'> = {}
let current: ApiClient = createApiClient(options)

function rebuild(): void {
  current = createApiClient({ ...options, ...session })
}

/** Changes how the one client talks to the server (base URL, timeouts, retries, clock). */
export function configureApi(changes: Partial<ApiClientOptions>): void {
  const { getToken, onUnauthorized, ...rest } = changes
  if (getToken || onUnauthorized) session = { ...session, ...(getToken ? { getToken } : {}), ...(onUnauthorized ? { onUnauthorized } : {}) }
  options = { ...options, ...rest }
  rebuild()
}

/** Back to the build's base URL and the client's default timeouts and retries (tests). */
export function resetApi(): void {
  options = { baseUrl: defaultBaseUrl() }
  rebuild()
}

export const api: ApiClient = {
  get: (path, getOptions) => current.get(path, getOptions),
  post: (path, body, sendOptions) => current.post(path, body, sendOptions),
  put: (path, body, sendOptions) => current.put(path, body, sendOptions),
  patch: (path, body, sendOptions) => current.patch(path, body, sendOptions),
  delete: (path, sendOptions) => current.delete(path, sendOptions),
  peek: (cacheKey, shape) => current.peek(cacheKey, shape),
}

export { ApiError, isApiError, userMessage } from './errors'
export type { ApiResult } from './client'
