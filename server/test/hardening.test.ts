/**
 * Issue 16, gaps 4 and 5: slow clients are cut (headers, body, idle sockets), and text input is
 * checked once for every route — control characters (NUL), bidi overrides and lone surrogates are
 * a Chinese 400, never a 500 — and every refusal, down to what Node's parser and the router
 * refuse (bad %-escapes, 414, 431), is in the JSON envelope.
 */
import assert from 'node:assert/strict'
import net, { type AddressInfo } from 'node:net'
import { after, before, describe, test } from 'node:test'
import fc from 'fast-check'
import { loadConfig } from '../src/config'
import { bearer, HAS_CHINESE, startHarness, type Harness } from './helpers/harness'

interface RawAnswer {
  /** The bytes the server sent before closing (or before we gave up). */
  text: string
  closedAfterMs: number | null
}

/** Opens a socket, runs `drive` with it, and reports what came back and when it was closed. */
function rawSocket(port: number, drive: (socket: net.Socket) => void, giveUpMs: number): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const started = Date.now()
    const socket = net.connect(port, '127.0.0.1')
    let text = ''
    let done = false
    const finish = (closedAfterMs: number | null) => {
      if (done) return
      done = true
      clearTimeout(timer)
      socket.destroy()
      resolve({ text, closedAfterMs })
    }
    const timer = setTimeout(() => finish(null), giveUpMs)
    socket.on('data', (chunk) => (text += chunk))
    socket.on('close', () => finish(Date.now() - started))
    socket.on('error', () => undefined)
    socket.on('connect', () => drive(socket))
  })
}

function envelopeOf(raw: string): { status: number; body: { error: { code: string; message: string } } } {
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1])
  return { status, body: JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)) }
}

describe('gap 4: request, header and keep-alive timeouts', () => {
  test('the defaults cut a slow client within about 30 s', () => {
    const { timeouts } = loadConfig({})
    assert.ok(timeouts.headersMs + timeouts.checkIntervalMs <= 30_000, 'headers')
    assert.ok(timeouts.requestMs + timeouts.checkIntervalMs <= 32_000, 'whole request')
    assert.ok(timeouts.connectionMs <= 30_000, 'idle socket')
    assert.ok(timeouts.keepAliveMs <= 30_000, 'kept-alive socket')
  })

  describe('on a listening server (timeouts shortened so the test is quick)', () => {
    let h: Harness
    let port: number
    before(async () => {
      h = await startHarness(
        { HEADERS_TIMEOUT_MS: '1000', REQUEST_TIMEOUT_MS: '2000', CONNECTION_TIMEOUT_MS: '1500', KEEP_ALIVE_TIMEOUT_MS: '1000', TIMEOUT_CHECK_INTERVAL_MS: '200' },
        { seed: false },
      )
      await h.app.listen({ host: '127.0.0.1', port: 0 })
      port = (h.app.server.address() as AddressInfo).port
    })
    after(() => h.close())

    test('slowloris: 100 sockets sending a header line every 300 ms are all answered 408 and closed', async () => {
      const answers = await Promise.all(
        Array.from({ length: 100 }, () =>
          rawSocket(
            port,
            (socket) => {
              socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n')
              const drip = setInterval(() => (socket.writable ? socket.write('X-Slow: 1\r\n') : clearInterval(drip)), 300)
              socket.on('close', () => clearInterval(drip))
            },
            8_000,
          ),
        ),
      )
      for (const answer of answers) {
        assert.ok(answer.closedAfterMs !== null && answer.closedAfterMs < 3_000, `closed after ${answer.closedAfterMs} ms`)
        const { status, body } = envelopeOf(answer.text)
        assert.equal(status, 408)
        assert.equal(body.error.code, 'REQUEST_TIMEOUT')
        assert.match(body.error.message, HAS_CHINESE)
      }
    })

    test('a body sent byte by byte is cut at the request timeout', async () => {
      const answer = await rawSocket(
        port,
        (socket) => {
          socket.write('POST /api/v1/auth/wechat HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{')
          const drip = setInterval(() => (socket.writable ? socket.write(' ') : clearInterval(drip)), 200)
          socket.on('close', () => clearInterval(drip))
        },
        8_000,
      )
      assert.ok(answer.closedAfterMs !== null && answer.closedAfterMs < 3_500, `closed after ${answer.closedAfterMs} ms`)
    })

    test('a socket that sends nothing, and a kept-alive one left idle, are closed', async () => {
      const silent = await rawSocket(port, () => undefined, 8_000)
      assert.ok(silent.closedAfterMs !== null && silent.closedAfterMs < 3_000, `silent: closed after ${silent.closedAfterMs} ms`)
      const kept = await rawSocket(port, (socket) => socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n'), 8_000)
      assert.match(kept.text, /^HTTP\/1\.1 200/)
      assert.ok(kept.closedAfterMs !== null && kept.closedAfterMs < 3_000, `kept-alive: closed after ${kept.closedAfterMs} ms`)
    })

    test('431 and a malformed request line answer in the envelope', async () => {
      const big = await rawSocket(port, (socket) => socket.write(`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`), 5_000)
      assert.equal(envelopeOf(big.text).status, 431)
      assert.equal(envelopeOf(big.text).body.error.code, 'HEADERS_TOO_LARGE')
      const longUrl = await rawSocket(port, (socket) => socket.write(`GET /api/v1/search?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`), 5_000)
      assert.equal(envelopeOf(longUrl.text).status, 431)
      assert.match(envelopeOf(longUrl.text).body.error.message, HAS_CHINESE)
      const garbage = await rawSocket(port, (socket) => socket.write('HELLO\u0000 WORLD\r\n\r\n'), 5_000)
      assert.equal(envelopeOf(garbage.text).status, 400)
      assert.match(envelopeOf(garbage.text).body.error.message, HAS_CHINESE)
    })
  })
})

describe('gap 5: text input and the envelope', () => {
  let h: Harness
  let resident: { token: string }
  let cashier: { token: string }
  before(async () => {
    h = await startHarness()
    resident = await h.login('文字居民')
    const shop = (await h.request({ method: 'GET', url: '/api/v1/merchants' })).json().data[0].id
    cashier = await h.login('文字收银', 'merchant', shop)
  })
  after(() => h.close())

  const BAD: [string, string][] = [
    ['NUL', 'a\u0000b'],
    ['bell', '小\u0007王'],
    ['line break', '小\n王'],
    ['DEL', '小\u007F'],
    ['C1', '\u0085小王'],
    ['right-to-left override', '小王\u202Egnaw'],
    ['isolate', '\u2066小王\u2069'],
    ['lone surrogate', '小\uD800王'],
  ]

  test('PATCH /me: a nickname with a control or bidi character is a Chinese 400 and is not stored', async () => {
    for (const [label, nickname] of BAD) {
      const response = await h.request({ method: 'PATCH', url: '/api/v1/me', headers: { ...bearer(resident.token), 'content-type': 'application/json' }, payload: JSON.stringify({ nickname }) })
      assert.equal(response.statusCode, 400, `${label}: ${response.body}`)
      assert.equal(response.json().error.code, 'INVALID_CHARACTERS', label)
      assert.equal(response.json().error.field, 'nickname', label)
      assert.match(response.json().error.message, /^昵称含有/, label)
    }
    const me = await h.request({ method: 'GET', url: '/api/v1/me', headers: bearer(resident.token) })
    assert.equal(me.json().data.user.nickname, '文字居民')
    const fine = await h.request({ method: 'PATCH', url: '/api/v1/me', headers: bearer(resident.token), payload: { nickname: '小王 👨‍👩‍👧' } })
    assert.equal(fine.statusCode, 200)
  })

  test('orderId on a redemption, a search query and a path parameter: 400, never 500', async () => {
    const redemption = await h.request({
      method: 'POST',
      url: '/api/v1/merchant/redemptions',
      headers: { ...bearer(cashier.token), 'content-type': 'application/json' },
      payload: JSON.stringify({ code: 'x', orderAmountFen: 1000, orderId: 'A\u0000001' }),
    })
    assert.equal(redemption.statusCode, 400, redemption.body)
    assert.equal(redemption.json().error.code, 'INVALID_CHARACTERS')
    assert.match(redemption.json().error.message, /^订单号/)
    for (const url of ['/api/v1/search?q=%E8%A1%A2%00', '/api/v1/events?type=%00', '/api/v1/merchants/a%00b', '/api/v1/me/reminders/%E2%80%AE']) {
      const response = await h.request({ method: 'GET', url, headers: bearer(resident.token) })
      assert.equal(response.statusCode, 400, `${url}: ${response.body}`)
      assert.match(response.json().error.message, HAS_CHINESE)
    }
    const key = await h.request({ method: 'PATCH', url: '/api/v1/me', headers: { ...bearer(resident.token), 'content-type': 'application/json' }, payload: '{"nick\\u0000name":"x"}' })
    assert.equal(key.statusCode, 400)
  })

  test('any string with a control character, on any body field, is a 400 with a code and Chinese message', async () => {
    const control = fc.integer({ min: 0, max: 0x9f }).filter((code) => code < 0x20 || code >= 0x7f).map((code) => String.fromCharCode(code))
    const bad = fc.tuple(fc.string({ maxLength: 8 }), control, fc.string({ maxLength: 8 })).map(([a, c, b]) => a + c + b)
    const routes = [
      { method: 'PATCH' as const, url: '/api/v1/me', token: () => resident.token, field: 'nickname' },
      { method: 'POST' as const, url: '/api/v1/merchant/redemptions', token: () => cashier.token, field: 'orderId' },
      { method: 'POST' as const, url: '/api/v1/auth/dev', token: () => resident.token, field: 'name' },
      { method: 'POST' as const, url: '/api/v1/auth/wechat', token: () => resident.token, field: 'code' },
      { method: 'POST' as const, url: '/api/v1/me/reminders', token: () => resident.token, field: 'subjectId' },
    ]
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), bad, async (route, text) => {
        const response = await h.request({
          method: route.method,
          url: route.url,
          headers: { ...bearer(route.token()), 'content-type': 'application/json' },
          payload: JSON.stringify({ [route.field]: text }),
        })
        assert.equal(response.statusCode, 400, `${route.url} ${JSON.stringify(text)} → ${response.statusCode} ${response.body}`)
        assert.equal(response.json().error.code, 'INVALID_CHARACTERS')
        assert.match(response.json().error.message, HAS_CHINESE)
      }),
      { numRuns: 150 },
    )
  })

  test('bad %-escapes and an over-long path parameter are in the envelope', async () => {
    for (const [url, status, code] of [
      ['/api/v1/batches/%E4%B', 400, 'BAD_URL'],
      ['/api/v1/events/%', 400, 'BAD_URL'],
      [`/api/v1/batches/${'a'.repeat(300)}`, 414, 'URI_TOO_LONG'],
    ] as const) {
      const response = await h.request({ method: 'GET', url })
      assert.equal(response.statusCode, status, url)
      assert.equal(response.json().error.code, code, url)
      assert.match(response.json().error.message, HAS_CHINESE, url)
    }
  })
})
