import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { sessionKeyCipherFor } from '../src/auth/session-key-cipher'
import { getWechatSessionKey } from '../src/store/accounts'
import { newSessionToken } from '../src/auth/tokens'
import { bearer, HAS_CHINESE, startHarness, type Harness } from './helpers/harness'

let h: Harness
before(async () => {
  h = await startHarness({}, { seed: false })
})
after(() => h.close())

const wechatLogin = (code: string) => h.request({ method: 'POST', url: '/api/v1/auth/wechat', payload: { code } })

describe('WeChat login through code2Session', () => {
  test('a success without errcode gives a resident a signed session token; session_key stays on the server', async () => {
    const response = await wechatLogin('resident-a')
    assert.equal(response.statusCode, 200)
    const { data } = response.json()
    // Signed for the claim route (issue 20: auth/signed-session.ts), stored as a hash like any token.
    assert.match(data.token, /^qht1\.[A-Za-z0-9_-]{64}\.[A-Za-z0-9_-]{22}$/)
    assert.equal(data.user.role, 'resident')
    assert.ok(!response.body.includes(h.wechat.sessionKeyFor('resident-a')), 'session_key must never reach the client')
    assert.ok(!/session_?key/i.test(response.body))
    assert.equal(await getWechatSessionKey(h.db, data.user.id, (await sessionKeyCipherFor(h.db, h.config))!), h.wechat.sessionKeyFor('resident-a'))
    const stored = await h.db.query<{ sealed_session_key: string }>('select sealed_session_key from wechat_session_keys')
    assert.ok(stored.length > 0 && stored.every((row) => !row.sealed_session_key.includes(h.wechat.sessionKeyFor('resident-a'))), 'sealed at rest')
    const call = h.wechat.calls.at(-1)!
    assert.equal(call.get('grant_type'), 'authorization_code')
    assert.equal(call.get('js_code'), 'resident-a')

    const me = await h.request({ method: 'GET', url: '/api/v1/me', headers: bearer(data.token) })
    assert.equal(me.statusCode, 200)
    assert.equal(me.json().data.user.id, data.user.id)
    assert.ok(!/session_?key/i.test(me.body))
  })

  test('the same WeChat user logging in again is the same account, with a fresh token', async () => {
    const first = (await wechatLogin('resident-b')).json().data
    const second = (await wechatLogin('resident-b')).json().data
    assert.equal(first.user.id, second.user.id)
    assert.notEqual(first.token, second.token)
  })

  const failures: [code: string, status: number, errorCode: string][] = [
    ['err-40029', 400, 'WECHAT_CODE_INVALID'],
    ['err-40163', 400, 'WECHAT_CODE_USED'],
    ['err-45011', 429, 'WECHAT_RATE_LIMITED'],
    ['err-40226', 403, 'WECHAT_HIGH_RISK_USER'],
    ['err-minus1', 503, 'WECHAT_BUSY'],
    ['bad-json', 502, 'WECHAT_UNREACHABLE'],
  ]
  for (const [code, status, errorCode] of failures) {
    test(`${code} → ${status} ${errorCode} with a Chinese message`, async () => {
      const response = await wechatLogin(code)
      assert.equal(response.statusCode, status)
      const body = response.json()
      assert.equal(body.error.code, errorCode)
      assert.match(body.error.message, HAS_CHINESE)
      assert.equal(body.data, undefined)
      if (status === 429 || status === 503) assert.ok(Number(response.headers['retry-after']) > 0)
    })
  }

  test('a WeChat that does not answer in time → 502, not a hang or a 500', async () => {
    const response = await wechatLogin('slow')
    assert.equal(response.statusCode, 502)
    assert.equal(response.json().error.code, 'WECHAT_UNREACHABLE')
  })

  test('missing appid/secret → 503 WECHAT_NOT_CONFIGURED', async () => {
    const unconfigured = await startHarness({ WECHAT_APPID: '', WECHAT_SECRET: '' }, { seed: false })
    try {
      const response = await unconfigured.request({ method: 'POST', url: '/api/v1/auth/wechat', payload: { code: 'x1' } })
      assert.equal(response.statusCode, 503)
      assert.equal(response.json().error.code, 'WECHAT_NOT_CONFIGURED')
    } finally {
      await unconfigured.close()
    }
  })

  test('extra fields in the login body → 400 (no mass assignment)', async () => {
    const response = await h.request({ method: 'POST', url: '/api/v1/auth/wechat', payload: { code: 'resident-c', role: 'operator' } })
    assert.equal(response.statusCode, 400)
    assert.equal(response.json().error.code, 'VALIDATION_FAILED')
    assert.equal(response.json().error.field, 'role')
  })
})

describe('tokens', () => {
  test('logout revokes the token at once', async () => {
    const { token } = await h.login('退出测试')
    assert.equal((await h.request({ method: 'POST', url: '/api/v1/auth/logout', headers: bearer(token) })).statusCode, 200)
    const after = await h.request({ method: 'GET', url: '/api/v1/me', headers: bearer(token) })
    assert.equal(after.statusCode, 401)
    assert.equal(after.json().error.code, 'AUTH_REVOKED')
  })

  test('an expired token → 401 AUTH_EXPIRED', async () => {
    const { token } = await h.login('过期测试')
    const real = h.clock.now
    try {
      h.clock.now = new Date(real.getTime() + h.config.sessionTtlMs + 1000)
      const response = await h.request({ method: 'GET', url: '/api/v1/me', headers: bearer(token) })
      assert.equal(response.statusCode, 401)
      assert.equal(response.json().error.code, 'AUTH_EXPIRED')
      assert.match(response.json().error.message, HAS_CHINESE)
    } finally {
      h.clock.now = real
    }
  })

  const forged: [string, Record<string, string>, string][] = [
    ['no header', {}, 'AUTH_REQUIRED'],
    ['a well-formed token never issued', bearer(newSessionToken()), 'AUTH_INVALID'],
    ['a malformed token', bearer('qht_short'), 'AUTH_INVALID'],
    ['another scheme', { authorization: 'Basic dXNlcjpwYXNz' }, 'AUTH_INVALID'],
    ['an empty bearer', { authorization: 'Bearer ' }, 'AUTH_INVALID'],
    ['a JWT-looking token', bearer('eyJhbGciOiJub25lIn0.eyJyb2xlIjoib3BlcmF0b3IifQ.'), 'AUTH_INVALID'],
  ]
  for (const [name, headers, code] of forged) {
    test(`${name} → 401 ${code}`, async () => {
      const response = await h.request({ method: 'GET', url: '/api/v1/me', headers })
      assert.equal(response.statusCode, 401)
      assert.equal(response.json().error.code, code)
    })
  }

  test('a token differing in one character is refused', async () => {
    const { token } = await h.login('篡改测试')
    const last = token.at(-1) === 'A' ? 'B' : 'A'
    const response = await h.request({ method: 'GET', url: '/api/v1/me', headers: bearer(token.slice(0, -1) + last) })
    assert.equal(response.statusCode, 401)
  })

  test('tokens are stored only as hashes', async () => {
    const { token } = await h.login('哈希测试')
    const rows = await h.db.query<{ token_hash: string }>('select token_hash from sessions')
    assert.ok(rows.every((row) => row.token_hash !== token && /^[0-9a-f]{64}$/.test(row.token_hash)))
  })
})

describe('development login', () => {
  test('logs in as a named resident and is the same account next time', async () => {
    const first = await h.login('李四')
    const second = await h.login('李四')
    assert.equal(first.userId, second.userId)
    const me = await h.request({ method: 'GET', url: '/api/v1/me', headers: bearer(second.token) })
    assert.equal(me.json().data.user.devName, '李四')
    assert.equal(me.json().data.session.login, 'dev')
  })

  test('rejects a name that is not a plain name', async () => {
    for (const name of ['', ' ', 'a'.repeat(21), 'x<script>', 'a b']) {
      const response = await h.request({ method: 'POST', url: '/api/v1/auth/dev', payload: { name } })
      assert.equal(response.statusCode, 400, name)
    }
  })

  test('is absent in production: 404, while WeChat login stays', async () => {
    const production = await startHarness({ NODE_ENV: 'production', DEMO_MODE: '0' }, { seed: false })
    try {
      const dev = await production.request({ method: 'POST', url: '/api/v1/auth/dev', payload: { name: '张三' } })
      assert.equal(dev.statusCode, 404)
      assert.equal(dev.json().error.code, 'NOT_FOUND')
      const wechat = await production.request({ method: 'POST', url: '/api/v1/auth/wechat', payload: { code: 'prod-user' } })
      assert.equal(wechat.statusCode, 200)
      const docs = await production.request({ method: 'GET', url: '/docs/json' })
      assert.ok(!docs.body.includes('/auth/dev'))
    } finally {
      await production.close()
    }
  })
})

describe('my account', () => {
  test('PATCH /me changes the nickname only; role and merchantId are refused', async () => {
    const { token } = await h.login('改名测试')
    const ok = await h.request({ method: 'PATCH', url: '/api/v1/me', headers: bearer(token), payload: { nickname: '小王' } })
    assert.equal(ok.statusCode, 200)
    assert.equal(ok.json().data.user.nickname, '小王')
    for (const extra of [{ role: 'operator' }, { merchantId: 'sample-kecheng-noodles' }, { id: '00000000-0000-0000-0000-000000000000' }]) {
      const response = await h.request({ method: 'PATCH', url: '/api/v1/me', headers: bearer(token), payload: { nickname: '小王', ...extra } })
      assert.equal(response.statusCode, 400)
      assert.equal(response.json().error.code, 'VALIDATION_FAILED')
    }
    const me = await h.request({ method: 'GET', url: '/api/v1/me', headers: bearer(token) })
    assert.equal(me.json().data.user.role, 'resident')
  })

  test('lists my live sessions and marks the current one', async () => {
    const first = await h.login('多设备')
    const second = await h.login('多设备')
    const response = await h.request({ method: 'GET', url: '/api/v1/me/sessions', headers: bearer(second.token) })
    const sessions = response.json().data as { id: string; current: boolean }[]
    assert.ok(sessions.some((session) => session.id === first.sessionId && !session.current))
    assert.ok(sessions.some((session) => session.id === second.sessionId && session.current))
  })
})
