/**
 * The one HTTP client of the app, over Taro.request (wx.request on weapp, fetch on H5).
 *
 * - Base URL from the build env `TARO_APP_API_BASE` ('' on H5 = same origin as the page).
 * - One envelope: success `{ data, meta? }`, failure `{ error: { code, message } }` (server/README.md).
 * - Every failure becomes an ApiError with a Chinese message.
 * - Only GETs are retried (network errors, timeouts, 502/503/504), with backoff: a POST such as a
 *   voucher claim is retried by the caller with the same Idempotency-Key, never blindly here.
 * - GETs with a cache key are stored on the phone with the time they were fetched, sent with
 *   If-None-Match, and served from the store when the network fails — marked `fromCache` so the
 *   screen can say how old the data is.
 */
import Taro from '@tarojs/taro'
import { matchesShape, type Shape } from '@/domain/contract/shape'
import { readStored, writeStored } from '../platform/storage'
import { ApiError, messageFor, NETWORK_MESSAGE, TIMEOUT_MESSAGE } from './errors'

export interface ApiResult<T> {
  data: T
  meta?: Record<string, unknown>
  /** When this data came from the server (epoch ms). */
  fetchedAt: number
  /** True when the network failed and this is the last stored copy. */
  fromCache: boolean
  /**
   * When the server sent this body and meta (epoch ms): earlier than fetchedAt after a 304, which
   * confirms the body but sends no new meta — a meta.serverTime is as of this moment.
   */
  servedAt?: number
}

export interface CachedEntry<T> {
  data: T
  meta?: Record<string, unknown>
  fetchedAt: number
  /** See ApiResult.servedAt; absent in copies stored before it existed (then fetchedAt). */
  servedAt?: number
  etag?: string
}

export type Query = Record<string, string | number | boolean | undefined | null>

export interface ApiClientOptions {
  baseUrl: string
  timeoutMs?: number
  /** How many times a failed GET is tried again. */
  getRetries?: number
  retryDelayMs?: number
  getToken?: () => string | null
  /** Called when the server says the session is no longer valid (401). */
  onUnauthorized?: () => void
  now?: () => number
  sleep?: (ms: number) => Promise<void>
  /** What carries a request: Taro.request unless a test answers in-process (src/test/api-test-server.ts). */
  transport?: (request: TransportRequest) => Promise<RawResponse>
}

export interface TransportRequest {
  url: string
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  data?: unknown
  header: Record<string, string>
  timeout: number
}

export interface GetOptions {
  query?: Query
  /** The contract's shape of `data` (src/domain/contract/shapes.generated.ts): anything else is BAD_RESPONSE, a stored copy of another shape is not used. */
  shape?: Shape
  /** Store the answer on the phone under this key and fall back to it offline. */
  cacheKey?: string
  headers?: Record<string, string>
}

export interface SendOptions {
  headers?: Record<string, string>
  shape?: Shape
  idempotencyKey?: string
}

export interface RawResponse {
  statusCode: number
  data: unknown
  header?: Record<string, string>
}

const RETRYABLE_STATUS = new Set([502, 503, 504])
const CACHE_PREFIX = 'api-cache:'

export function buildQueryString(query: Query = {}): string {
  const parts = Object.entries(query)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
  return parts.length ? `?${parts.join('&')}` : ''
}

function headerValue(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (!headers) return undefined
  const key = Object.keys(headers).find((item) => item.toLowerCase() === name)
  return key ? headers[key] : undefined
}

function errorFromResponse(response: RawResponse): ApiError {
  const body = response.data as { error?: { code?: unknown; message?: unknown } } | null
  const code = typeof body?.error?.code === 'string' ? body.error.code : `HTTP_${response.statusCode}`
  const retryAfter = Number(headerValue(response.header, 'retry-after'))
  return new ApiError(code, messageFor(response.statusCode, body?.error?.message), response.statusCode, Number.isFinite(retryAfter) ? retryAfter : undefined)
}

function errorFromFailure(failure: unknown): ApiError {
  const text = String((failure as { errMsg?: string; message?: string })?.errMsg ?? (failure as Error)?.message ?? failure)
  if (/timeout|abort/i.test(text)) return new ApiError('TIMEOUT', TIMEOUT_MESSAGE, 0)
  return new ApiError('NETWORK_ERROR', NETWORK_MESSAGE, 0)
}

export function createApiClient(options: ApiClientOptions) {
  const { baseUrl, timeoutMs = 10_000, getRetries = 2, retryDelayMs = 400, getToken, onUnauthorized } = options
  const now = options.now ?? (() => Date.now())
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))
  const transport = options.transport ?? ((request: TransportRequest) => Taro.request({ ...request, data: request.data as never, dataType: 'json' }) as unknown as Promise<RawResponse>)

  async function send(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body: unknown, headers: Record<string, string>): Promise<RawResponse> {
    const token = getToken?.()
    const allHeaders: Record<string, string> = { Accept: 'application/json', ...headers }
    if (token) allHeaders.Authorization = `Bearer ${token}`
    if (body !== undefined) allHeaders['Content-Type'] = 'application/json'
    try {
      return await transport({ url: `${baseUrl}${path}`, method, data: body, header: allHeaders, timeout: timeoutMs })
    } catch (failure) {
      throw errorFromFailure(failure)
    }
  }

  function unwrap<T>(response: RawResponse, shape?: Shape): { data: T; meta?: Record<string, unknown> } {
    if (response.statusCode === 401) onUnauthorized?.()
    if (response.statusCode < 200 || response.statusCode >= 300) throw errorFromResponse(response)
    const body = response.data as { data?: T; meta?: Record<string, unknown> } | null
    if (!body || typeof body !== 'object' || !('data' in body) || (shape !== undefined && !matchesShape(shape, body.data))) {
      throw new ApiError('BAD_RESPONSE', '服务返回的数据无法识别，请稍后重试', response.statusCode)
    }
    return { data: body.data as T, meta: body.meta }
  }

  /** The last stored copy of a cached GET (of this shape, if given), for showing before the network answers. */
  function peek<T>(cacheKey: string, shape?: Shape): CachedEntry<T> | null {
    const cached = readStored<CachedEntry<T>>(CACHE_PREFIX + cacheKey)
    return cached && (shape === undefined || matchesShape(shape, cached.data)) ? cached : null
  }

  async function get<T>(path: string, getOptions: GetOptions = {}): Promise<ApiResult<T>> {
    const { query, cacheKey, headers = {}, shape } = getOptions
    const storageKey = cacheKey ? CACHE_PREFIX + cacheKey : null
    const cached = storageKey ? peek<T>(cacheKey!, shape) : null
    const requestHeaders = { ...headers }
    if (cached?.etag) requestHeaders['If-None-Match'] = cached.etag
    const url = path + buildQueryString(query)

    let lastError: ApiError | null = null
    for (let attempt = 0; attempt <= getRetries; attempt += 1) {
      if (attempt > 0) await sleep(retryDelayMs * 2 ** (attempt - 1))
      try {
        const response = await send('GET', url, undefined, requestHeaders)
        if (response.statusCode === 304 && cached && storageKey) {
          const refreshed = { ...cached, fetchedAt: now(), servedAt: cached.servedAt ?? cached.fetchedAt }
          writeStored(storageKey, refreshed)
          return { data: cached.data, meta: cached.meta, fetchedAt: refreshed.fetchedAt, fromCache: false, servedAt: refreshed.servedAt }
        }
        if (RETRYABLE_STATUS.has(response.statusCode)) {
          lastError = errorFromResponse(response)
          continue
        }
        const { data, meta } = unwrap<T>(response, shape)
        const fetchedAt = now()
        if (storageKey) writeStored<CachedEntry<T>>(storageKey, { data, meta, fetchedAt, servedAt: fetchedAt, etag: headerValue(response.header, 'etag') })
        return { data, meta, fetchedAt, fromCache: false }
      } catch (error) {
        if (!(error instanceof ApiError) || error.status !== 0) throw error
        lastError = error
      }
    }
    if (cached) return { data: cached.data, meta: cached.meta, fetchedAt: cached.fetchedAt, fromCache: true, servedAt: cached.servedAt }
    throw lastError ?? new ApiError('NETWORK_ERROR', NETWORK_MESSAGE, 0)
  }

  async function write<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body: unknown, sendOptions: SendOptions = {}): Promise<ApiResult<T>> {
    const headers = { ...(sendOptions.headers ?? {}) }
    if (sendOptions.idempotencyKey) headers['Idempotency-Key'] = sendOptions.idempotencyKey
    const response = await send(method, path, body, headers)
    const { data, meta } = unwrap<T>(response, sendOptions.shape)
    return { data, meta, fetchedAt: now(), fromCache: false }
  }

  return {
    get,
    post: <T>(path: string, body?: unknown, sendOptions?: SendOptions) => write<T>('POST', path, body ?? {}, sendOptions),
    put: <T>(path: string, body?: unknown, sendOptions?: SendOptions) => write<T>('PUT', path, body ?? {}, sendOptions),
    patch: <T>(path: string, body?: unknown, sendOptions?: SendOptions) => write<T>('PATCH', path, body ?? {}, sendOptions),
    delete: <T>(path: string, sendOptions?: SendOptions) => write<T>('DELETE', path, undefined, sendOptions),
    peek,
  }
}

export type ApiClient = ReturnType<typeof createApiClient>
