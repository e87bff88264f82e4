/**
 * The HTTP surface: every route answers bad input with a 4xx envelope carrying a code and a
 * Chinese message (never a 500), content carries ETags, limits answer 413/415/429, request ids
 * flow through, and a fuzz pass throws arbitrary JSON and query strings at every route.
 */
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { AddressInfo } from 'node:net'
import fc from 'fast-check'
import type { LightMyRequestResponse } from 'fastify'
import { buildApp } from '../src/app'
import { loadConfig } from '../src/config'
import { openDb } from '../src/store/db'
import { migrate } from '../src/store/migrate'
import { bearer, HAS_CHINESE, startHarness, type Harness } from './helpers/harness'

let h: Harness
let resident: { token: string; userId: string; sessionId: string }
let operator: { token: string; userId: string; sessionId: string }
let shop: string
let batchId: string
let eventId: string

before(async () => {
  h = await startHarness()
  resident = await h.login('健壮性居民')
  operator = await h.login('健壮性运营', 'operator')
  shop = (await h.request({ method: 'GET', url: '/api/v1/merchants' })).json().data[0].id
  batchId = (await h.request({ method: 'GET', url: '/api/v1/batches?state=all' })).json().data[0].id
  eventId = (await h.request({ method: 'GET', url: '/api/v1/events' })).json().data[0].id
})
after(() => h.close())

function assertErrorEnvelope(response: LightMyRequestResponse, label: string): void {
  assert.ok(response.statusCode >= 400 && response.statusCode < 500, `${label}: expected 4xx, got ${response.statusCode} ${response.body}`)
  const body = response.json()
  assert.equal(typeof body.error?.code, 'string', label)
  assert.match(body.error.message, HAS_CHINESE, `${label}: message should be Chinese`)
  assert.equal(body.data, undefined, label)
}

describe('bad input on every route → 4xx with a code and a Chinese message', () => {
  const json = (payload: unknown) => ({ payload: JSON.stringify(payload), headers: { 'content-type': 'application/json' } })
  const cases = (): [string, string, Record<string, unknown>][] => {
    const resident_ = { headers: bearer(resident.token) }
    const operator_ = { headers: bearer(operator.token) }
    const withAuth = (token: string, extra: { payload?: string; headers?: Record<string, string> }) => ({ ...extra, headers: { ...extra.headers, ...bearer(token) } })
    return [
      ['GET', '/healthz?verbose=1', {}],
      ['GET', '/readyz?x=1', {}],
      ['POST', '/api/v1/auth/wechat', json({})],
      ['POST', '/api/v1/auth/wechat', json({ code: 42 })],
      ['POST', '/api/v1/auth/wechat', json({ code: '' })],
      ['POST', '/api/v1/auth/wechat', json({ code: 'ok', role: 'operator' })],
      ['POST', '/api/v1/auth/wechat', json([])],
      ['POST', '/api/v1/auth/wechat', json(null)],
      ['POST', '/api/v1/auth/wechat', { payload: '{"code": ', headers: { 'content-type': 'application/json' } }],
      ['POST', '/api/v1/auth/wechat', { payload: 'code=abc', headers: { 'content-type': 'application/x-www-form-urlencoded' } }],
      ['POST', '/api/v1/auth/wechat', { payload: 'abc', headers: { 'content-type': 'text/plain' } }],
      ['POST', '/api/v1/auth/wechat', { payload: '', headers: { 'content-type': 'application/json' } }],
      ['POST', '/api/v1/auth/dev', json({ name: { first: 'a' } })],
      ['POST', '/api/v1/auth/dev', json({ name: '张三', merchantId: 'x' })],
      ['POST', '/api/v1/auth/logout', withAuth(resident.token, json({ everywhere: true }))],
      ['GET', '/api/v1/me?include=sessionKey', resident_],
      ['PATCH', '/api/v1/me', withAuth(resident.token, json({ nickname: '' }))],
      ['PATCH', '/api/v1/me', withAuth(resident.token, json({ nickname: 'ok', role: 'operator' }))],
      ['GET', '/api/v1/me/sessions?all=true', resident_],
      ['DELETE', '/api/v1/me/sessions/123', resident_],
      ['GET', '/api/v1/policy?version=1', {}],
      ['GET', '/api/v1/toll?x=1', {}],
      ['GET', '/api/v1/events?from=2025-02-30', {}],
      ['GET', '/api/v1/events?from=tomorrow', {}],
      ['GET', '/api/v1/events?from=2025-05-02&to=2025-05-01', {}],
      ['GET', '/api/v1/events?from=2020-01-01&to=2025-12-31', {}],
      ['GET', '/api/v1/events?type=party', {}],
      ['GET', '/api/v1/events?county=110000', {}],
      ['GET', '/api/v1/events?page=0', {}],
      ['GET', '/api/v1/events?pageSize=100000', {}],
      ['GET', '/api/v1/events?sort=desc', {}],
      ['GET', '/api/v1/events/%E4%B8%AD%E6%96%87', {}],
      ['GET', `/api/v1/events/${'a'.repeat(150)}`, {}],
      ['GET', `/api/v1/events/${eventId}?full=1`, {}],
      ['GET', '/api/v1/batches?state=open', {}],
      ['GET', '/api/v1/batches/..%2F..%2Fetc', {}],
      ['GET', `/api/v1/batches/${batchId}?x=1`, {}],
      ['GET', '/api/v1/merchants?category=bank', {}],
      ['GET', `/api/v1/merchants?q=${'长'.repeat(31)}`, {}],
      ['GET', '/api/v1/merchants/a%20b', {}],
      ['GET', '/api/v1/merchants/no-such-shop', {}],
      ['GET', '/api/v1/stations?inScheme=yes', {}],
      ['GET', '/api/v1/stations?highway=G1', {}],
      ['GET', '/api/v1/stations/nowhere', {}],
      ['GET', `/api/v1/merchants/${shop}/accounts?x=1`, operator_],
      ['GET', '/api/v1/merchants/a%20b/accounts', operator_],
      ['GET', '/api/v1/admin/users/not-a-uuid', operator_],
      ['PUT', `/api/v1/admin/users/${resident.userId}/role`, withAuth(operator.token, json({ role: 'merchant', merchantId: '' }))],
      ['PUT', `/api/v1/admin/users/${resident.userId}/role`, withAuth(operator.token, json('operator'))],
      ['GET', '/api/v1/nowhere', {}],
      ['POST', '/api/v1/events', json({})],
    ]
  }

  test('each case', async () => {
    for (const [method, url, options] of cases()) {
      const response = await h.request({ method: method as 'GET', url, ...options })
      assertErrorEnvelope(response, `${method} ${url}`)
    }
  })

  test('a body over the limit → 413', async () => {
    const response = await h.request({ method: 'POST', url: '/api/v1/auth/dev', payload: JSON.stringify({ name: 'x'.repeat(200_000) }), headers: { 'content-type': 'application/json' } })
    assert.equal(response.statusCode, 413)
    assertErrorEnvelope(response, '413')
  })

  test('a wrong media type → 415', async () => {
    const response = await h.request({ method: 'POST', url: '/api/v1/auth/dev', payload: 'name=张三', headers: { 'content-type': 'text/plain' } })
    assert.equal(response.statusCode, 415)
  })

  test('logout accepts no body or {}', async () => {
    const a = await h.login('空请求体')
    assert.equal((await h.request({ method: 'POST', url: '/api/v1/auth/logout', headers: bearer(a.token) })).statusCode, 200)
    const b = await h.login('空请求体')
    assert.equal((await h.request({ method: 'POST', url: '/api/v1/auth/logout', headers: bearer(b.token), payload: {} })).statusCode, 200)
  })
})

describe('content is public and cacheable', () => {
  const urls = () => [
    '/api/v1/policy',
    '/api/v1/toll',
    '/api/v1/events',
    `/api/v1/events/${eventId}`,
    '/api/v1/batches',
    `/api/v1/batches/${batchId}`,
    '/api/v1/merchants',
    `/api/v1/merchants/${shop}`,
    '/api/v1/stations',
    '/api/v1/stations/quzhoudong',
  ]

  test('200 with an ETag, then 304 with no body for If-None-Match', async () => {
    for (const url of urls()) {
      const first = await h.request({ method: 'GET', url })
      assert.equal(first.statusCode, 200, url)
      assert.ok(first.json().data !== undefined, url)
      const etag = first.headers.etag as string
      assert.match(etag, /^"[A-Za-z0-9_-]+"$/, url)
      const second = await h.request({ method: 'GET', url, headers: { 'if-none-match': etag } })
      assert.equal(second.statusCode, 304, url)
      assert.equal(second.body, '', url)
      const weak = await h.request({ method: 'GET', url, headers: { 'if-none-match': `"other", W/${etag}` } })
      assert.equal(weak.statusCode, 304, url)
      const stale = await h.request({ method: 'GET', url, headers: { 'if-none-match': '"stale"' } })
      assert.equal(stale.statusCode, 200, url)
    }
  })

  test('the ETag changes when the content does', async () => {
    const before = (await h.request({ method: 'GET', url: '/api/v1/stations?inScheme=true' })).headers.etag
    const after = (await h.request({ method: 'GET', url: '/api/v1/stations?inScheme=false' })).headers.etag
    assert.notEqual(before, after)
  })

  test('lists are paged with meta', async () => {
    const response = await h.request({ method: 'GET', url: '/api/v1/events?pageSize=1&page=2' })
    const body = response.json()
    assert.equal(body.data.length, 1)
    assert.equal(body.meta.page, 2)
    assert.ok(body.meta.total >= 2)
  })

  test('the sample always has a claimable round, an upcoming round and upcoming events', async () => {
    assert.ok((await h.request({ method: 'GET', url: '/api/v1/batches?state=claimable' })).json().data.length > 0)
    assert.ok((await h.request({ method: 'GET', url: '/api/v1/batches?state=upcoming' })).json().data.length > 0)
    assert.ok((await h.request({ method: 'GET', url: '/api/v1/events' })).json().meta.total > 0)
  })
})

describe('request ids and health', () => {
  test('a sane incoming X-Request-Id is kept; anything else is replaced', async () => {
    const kept = await h.request({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'abc-12345678' } })
    assert.equal(kept.headers['x-request-id'], 'abc-12345678')
    const replaced = await h.request({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'bad id\nwith newline' } })
    assert.match(replaced.headers['x-request-id'] as string, /^[0-9a-f-]{36}$/)
  })

  test('/healthz and /readyz', async () => {
    assert.deepEqual((await h.request({ method: 'GET', url: '/healthz' })).json(), { data: { status: 'ok' } })
    assert.deepEqual((await h.request({ method: 'GET', url: '/readyz' })).json(), { data: { status: 'ready', store: 'pglite' } })
  })

  test('OpenAPI is served at /docs', async () => {
    assert.equal((await h.request({ method: 'GET', url: '/docs' })).statusCode, 200)
    const spec = (await h.request({ method: 'GET', url: '/docs/json' })).json()
    assert.ok(spec.paths['/api/v1/auth/wechat'])
    assert.ok(spec.paths['/api/v1/events/{eventId}'])
  })
})

describe('rate limits → 429 with Retry-After and a Chinese message', () => {
  test('per IP, per user and on login', async () => {
    const limited = await startHarness({ RATE_LIMIT_IP_PER_MINUTE: '8', RATE_LIMIT_USER_PER_MINUTE: '3', RATE_LIMIT_LOGIN_PER_MINUTE: '2' }, { seed: false })
    try {
      const one = await limited.login('限流一')
      const two = await limited.login('限流二')
      const third = await limited.request({ method: 'POST', url: '/api/v1/auth/dev', payload: { name: '限流三' } })
      assert.equal(third.statusCode, 429, 'login limit')
      assertErrorEnvelope(third, 'login 429')
      assert.ok(Number(third.headers['retry-after']) > 0)

      const codes = []
      for (let i = 0; i < 4; i += 1) codes.push((await limited.request({ method: 'GET', url: '/api/v1/me', headers: bearer(one.token), remoteAddress: `10.0.0.${i}` })).statusCode)
      assert.deepEqual(codes, [200, 200, 429, 429], 'user one (logged in once already counts as /me in login()) is limited across addresses')
      assert.equal((await limited.request({ method: 'GET', url: '/api/v1/me', headers: bearer(two.token), remoteAddress: '10.0.1.1' })).statusCode, 200, 'another user is not')

      let last: LightMyRequestResponse | undefined
      for (let i = 0; i < 10; i += 1) last = await limited.request({ method: 'GET', url: '/api/v1/policy', remoteAddress: '10.9.9.9' })
      assert.equal(last!.statusCode, 429, 'per-IP limit')
      assert.match(last!.json().error.message, /秒后再试/)
      assert.ok(Number(last!.headers['retry-after']) > 0)
      const page = await limited.request({ method: 'GET', url: '/healthz', remoteAddress: '10.9.9.9' })
      assert.equal(page.statusCode, 200, 'what is not an API call (the H5 files, health) is not counted against the IP')
    } finally {
      await limited.close()
    }
  })
})

describe('fuzz: arbitrary input never produces a 5xx', () => {
  test('random JSON bodies, query strings and path ids on every route', async () => {
    const routes = (): { method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; path: string; token?: string; body: boolean }[] => [
      { method: 'POST', path: '/api/v1/auth/wechat', body: true },
      { method: 'POST', path: '/api/v1/auth/dev', body: true },
      { method: 'POST', path: '/api/v1/auth/logout', token: operator.token, body: true },
      { method: 'GET', path: '/api/v1/me', token: resident.token, body: false },
      { method: 'PATCH', path: '/api/v1/me', token: resident.token, body: true },
      { method: 'GET', path: '/api/v1/me/sessions', token: resident.token, body: false },
      { method: 'DELETE', path: '/api/v1/me/sessions/:id', token: resident.token, body: false },
      { method: 'GET', path: '/api/v1/policy', body: false },
      { method: 'GET', path: '/api/v1/toll', body: false },
      { method: 'GET', path: '/api/v1/events', body: false },
      { method: 'GET', path: '/api/v1/events/:id', body: false },
      { method: 'GET', path: '/api/v1/batches', body: false },
      { method: 'GET', path: '/api/v1/batches/:id', body: false },
      { method: 'GET', path: '/api/v1/merchants', body: false },
      { method: 'GET', path: '/api/v1/merchants/:id', body: false },
      { method: 'GET', path: '/api/v1/merchants/:id/accounts', token: operator.token, body: false },
      { method: 'GET', path: '/api/v1/stations', body: false },
      { method: 'GET', path: '/api/v1/stations/:id', body: false },
      { method: 'GET', path: '/api/v1/admin/users/:id', token: operator.token, body: false },
      { method: 'PUT', path: '/api/v1/admin/users/:id/role', token: operator.token, body: true },
    ]
    const queryValue = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('2025-05-01', '2025-02-30', 'true', '0', '-1', '1e9', '330802', 'concert', 'all'))
    const query = fc.dictionary(fc.constantFrom('from', 'to', 'type', 'county', 'page', 'pageSize', 'state', 'q', 'inScheme', 'highway', 'x'), queryValue, { maxKeys: 3 })
    const id = fc.oneof(fc.string({ minLength: 1, maxLength: 20 }), fc.uuid(), fc.constantFrom('quzhoudong', shop, batchId, eventId))
    const body = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.record({ code: fc.jsonValue({ maxDepth: 1 }) }, { requiredKeys: [] }),
      fc.record({ name: fc.string({ maxLength: 25 }), role: fc.constantFrom('resident', 'merchant', 'operator', 'x') }, { requiredKeys: [] }),
      fc.record({ nickname: fc.string({ maxLength: 25 }), merchantId: fc.string({ maxLength: 10 }) }, { requiredKeys: [] }),
    )
    let requests = 0
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes()), query, id, body, async (route, queryParams, pathId, payload) => {
        // The fuzz may log out the operator; keep the token alive by not fuzzing logout with it.
        if (route.path === '/api/v1/auth/logout') route = { ...route, token: (await h.login('fuzz-logout')).token }
        const url = route.path.replace(':id', encodeURIComponent(pathId)) + (Object.keys(queryParams).length ? `?${new URLSearchParams(queryParams)}` : '')
        const response = await h.request({
          method: route.method,
          url,
          headers: route.token ? bearer(route.token) : {},
          ...(route.body ? { payload: JSON.stringify(payload), headers: { 'content-type': 'application/json', ...(route.token ? bearer(route.token) : {}) } } : {}),
        })
        requests += 1
        assert.ok(response.statusCode < 500, `${route.method} ${url} ${JSON.stringify(payload)} → ${response.statusCode} ${response.body}`)
        const parsed = response.json()
        if (response.statusCode >= 400) {
          assert.equal(typeof parsed.error.code, 'string')
          assert.match(parsed.error.message, HAS_CHINESE)
        } else {
          assert.ok('data' in parsed)
        }
      }),
      { numRuns: 600 },
    )
    assert.equal(requests, 600)
  })
})

describe('graceful shutdown', () => {
  test('an in-flight request finishes; requests after shutdown are refused', async () => {
    const db = await openDb({ engine: 'pglite', dataDir: null })
    await migrate(db)
    const config = loadConfig({ NODE_ENV: 'test', STATIC_DIR: '', LOG_LEVEL: 'silent' })
    const { app, shutdown } = await buildApp({ config, db, logger: false })
    let started!: () => void
    const slowStarted = new Promise<void>((resolve) => (started = resolve))
    app.get('/slow-for-test', async () => {
      started()
      await new Promise((resolve) => setTimeout(resolve, 500))
      return { data: { finished: true } }
    })
    await app.listen({ host: '127.0.0.1', port: 0 })
    const { port } = app.server.address() as AddressInfo
    const inFlight = fetch(`http://127.0.0.1:${port}/slow-for-test`).then(async (response) => ({ status: response.status, body: await response.json() }))
    await slowStarted
    const closing = shutdown()
    const result = await inFlight
    assert.deepEqual(result, { status: 200, body: { data: { finished: true } } })
    await closing
    await assert.rejects(fetch(`http://127.0.0.1:${port}/healthz`))
  })
})
