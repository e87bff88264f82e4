/**
 * The API client against a real HTTP server on loopback (no mock of the client or of
 * Taro.request): envelopes, errors, retries, timeouts, idempotency headers and the offline cache.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { createApiClient } from './client'
import { ApiError } from './errors'

interface Recorded {
  method: string
  url: string
  headers: http.IncomingHttpHeaders
  body: string
}

type Handler = (req: Recorded, res: http.ServerResponse) => void

let server: http.Server
let baseUrl: string
let handler: Handler
let recorded: Recorded[]

beforeAll(async () => {
  server = http.createServer((req, res) => {
    // The test page (jsdom) is on another origin, as the H5 dev build can be: answer CORS.
    res.setHeader('Access-Control-Allow-Origin', '*')
    res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, Idempotency-Key, If-None-Match')
    res.setHeader('Access-Control-Expose-Headers', 'ETag, Retry-After')
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE')
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end()
      return
    }
    let body = ''
    req.on('data', (chunk) => (body += chunk))
    req.on('end', () => {
      const entry = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body }
      recorded.push(entry)
      handler(entry, res)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterEach(() => jest.restoreAllMocks())

afterAll(async () => {
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

beforeEach(() => {
  recorded = []
  localStorage.clear()
})

/** jsdom logs refused connections to the console; the tests below assert on them instead. */
function quietRefusedConnections() {
  return jest.spyOn(console, 'error').mockImplementation(() => undefined)
}

function json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers })
  res.end(JSON.stringify(body))
}

const noSleep = () => Promise.resolve()

function client(extra: Partial<Parameters<typeof createApiClient>[0]> = {}) {
  return createApiClient({ baseUrl, sleep: noSleep, timeoutMs: 2000, ...extra })
}

test('GET unwraps the envelope and sends query and token', async () => {
  handler = (_req, res) => json(res, 200, { data: { items: [1, 2] }, meta: { total: 2 } })
  const api = client({ getToken: () => 'tok-123', now: () => 42 })
  const result = await api.get<{ items: number[] }>('/api/v1/things', { query: { county: '330802', empty: '', none: undefined } })
  expect(result).toEqual({ data: { items: [1, 2] }, meta: { total: 2 }, fetchedAt: 42, fromCache: false })
  expect(recorded[0].url).toBe('/api/v1/things?county=330802')
  expect(recorded[0].headers.authorization).toBe('Bearer tok-123')
})

test('server errors become ApiError with the server code and Chinese message', async () => {
  handler = (_req, res) => json(res, 409, { error: { code: 'CLAIM_IN_FLIGHT', message: '上一次领取仍在处理中' } })
  await expect(client().post('/api/v1/batches/b1/claims', {})).rejects.toMatchObject({
    name: 'ApiError',
    code: 'CLAIM_IN_FLIGHT',
    status: 409,
    message: '上一次领取仍在处理中',
  })
})

test('an English server message is replaced by a Chinese one', async () => {
  handler = (_req, res) => json(res, 404, { error: { code: 'NOT_FOUND', message: 'Not Found' } })
  const error = await client().get('/missing').catch((caught: unknown) => caught)
  expect(error).toBeInstanceOf(ApiError)
  expect((error as ApiError).message).toBe('没有找到相关内容')
})

test('429 carries Retry-After', async () => {
  handler = (_req, res) => json(res, 429, { error: { code: 'RATE_LIMITED', message: '操作太频繁，请 3 秒后再试' } }, { 'Retry-After': '3' })
  await expect(client().post('/x', {})).rejects.toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 3 })
})

test('401 signs the resident out', async () => {
  handler = (_req, res) => json(res, 401, { error: { code: 'TOKEN_EXPIRED', message: '登录已过期，请重新登录' } })
  const onUnauthorized = jest.fn()
  await expect(client({ onUnauthorized }).get('/api/v1/me')).rejects.toMatchObject({ status: 401 })
  expect(onUnauthorized).toHaveBeenCalledTimes(1)
})

test('GET is retried on 503, then succeeds', async () => {
  let calls = 0
  handler = (_req, res) => {
    calls += 1
    if (calls < 3) json(res, 503, { error: { code: 'UNAVAILABLE', message: '服务繁忙' } })
    else json(res, 200, { data: 'ok' })
  }
  const result = await client({ getRetries: 2 }).get<string>('/flaky')
  expect(result.data).toBe('ok')
  expect(calls).toBe(3)
})

test('POST is never retried by the client', async () => {
  handler = (_req, res) => json(res, 503, { error: { code: 'UNAVAILABLE', message: '服务繁忙，请稍后重试' } })
  await expect(client({ getRetries: 2 }).post('/api/v1/batches/b1/claims', { roundId: 'r1' }, { idempotencyKey: 'key-1' })).rejects.toMatchObject({ status: 503 })
  expect(recorded).toHaveLength(1)
  expect(recorded[0].headers['idempotency-key']).toBe('key-1')
  expect(JSON.parse(recorded[0].body)).toEqual({ roundId: 'r1' })
})

test('a slow server times out with a Chinese message', async () => {
  handler = (_req, res) => setTimeout(() => json(res, 200, { data: 'late' }), 1500)
  await expect(client({ timeoutMs: 200, getRetries: 0 }).get('/slow')).rejects.toMatchObject({ code: 'TIMEOUT', status: 0, message: expect.stringContaining('超时') })
})

test('a body without the envelope is reported, not passed on', async () => {
  handler = (_req, res) => json(res, 200, { items: [] })
  await expect(client().get('/bare')).rejects.toMatchObject({ code: 'BAD_RESPONSE' })
})

test('cached GET: ETag revalidation, then served offline with its fetch time', async () => {
  let now = 1000
  handler = (req, res) => {
    if (req.headers['if-none-match'] === '"v1"') {
      res.writeHead(304, { ETag: '"v1"' }).end()
      return
    }
    json(res, 200, { data: ['活动'] }, { ETag: '"v1"' })
  }
  const api = client({ now: () => now, getRetries: 1 })
  const first = await api.get<string[]>('/api/v1/events', { cacheKey: 'events' })
  expect(first).toMatchObject({ data: ['活动'], fetchedAt: 1000, fromCache: false })

  now = 2000
  const revalidated = await api.get<string[]>('/api/v1/events', { cacheKey: 'events' })
  expect(recorded[1].headers['if-none-match']).toBe('"v1"')
  // Confirmed at 2000, sent at 1000: a meta.serverTime in it is as of 1000.
  expect(revalidated).toMatchObject({ data: ['活动'], fetchedAt: 2000, fromCache: false, servedAt: 1000 })

  now = 3000
  quietRefusedConnections()
  const offline = createApiClient({ baseUrl: 'http://127.0.0.1:1', sleep: noSleep, now: () => now, getRetries: 1, timeoutMs: 500 })
  const stale = await offline.get<string[]>('/api/v1/events', { cacheKey: 'events' })
  expect(stale).toEqual({ data: ['活动'], meta: undefined, fetchedAt: 2000, fromCache: true, servedAt: 1000 })
})

test('offline with nothing cached: a network error in Chinese', async () => {
  quietRefusedConnections()
  const offline = createApiClient({ baseUrl: 'http://127.0.0.1:1', sleep: noSleep, getRetries: 0, timeoutMs: 500 })
  await expect(offline.get('/api/v1/events', { cacheKey: 'never-fetched' })).rejects.toMatchObject({ code: 'NETWORK_ERROR', message: expect.stringContaining('网络') })
})
