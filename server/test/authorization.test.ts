/**
 * Object-level authorization on every endpoint that carries an id and acts for someone: two
 * residents, two merchants (bound to different shops) and an operator.
 */
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { bearer, startHarness, type Harness } from './helpers/harness'

type Account = { token: string; userId: string; sessionId: string }
let h: Harness
let residentA: Account
let residentB: Account
let merchantA: Account
let merchantB: Account
let operator: Account
let shopA: string
let shopB: string

before(async () => {
  h = await startHarness()
  const merchants = (await h.request({ method: 'GET', url: '/api/v1/merchants' })).json().data as { id: string }[]
  ;[shopA, shopB] = merchants.map((merchant) => merchant.id)
  residentA = await h.login('居民甲')
  residentB = await h.login('居民乙')
  merchantA = await h.login('商户甲', 'merchant', shopA)
  merchantB = await h.login('商户乙', 'merchant', shopB)
  operator = await h.login('运营', 'operator')
})
after(() => h.close())

const as = (account: Account | null) => (account ? bearer(account.token) : {})

describe('my sessions: /me/sessions/:sessionId', () => {
  test("resident B cannot revoke resident A's session: 404, and A's token keeps working", async () => {
    const response = await h.request({ method: 'DELETE', url: `/api/v1/me/sessions/${residentA.sessionId}`, headers: as(residentB) })
    assert.equal(response.statusCode, 404)
    assert.equal(response.json().error.code, 'SESSION_NOT_FOUND')
    assert.equal((await h.request({ method: 'GET', url: '/api/v1/me', headers: as(residentA) })).statusCode, 200)
  })

  test('neither a merchant nor the operator can revoke it through this endpoint', async () => {
    for (const account of [merchantA, operator]) {
      const response = await h.request({ method: 'DELETE', url: `/api/v1/me/sessions/${residentA.sessionId}`, headers: as(account) })
      assert.equal(response.statusCode, 404)
    }
  })

  test('the owner can revoke it, and then the token is dead', async () => {
    const second = await h.login('居民甲')
    const response = await h.request({ method: 'DELETE', url: `/api/v1/me/sessions/${second.sessionId}`, headers: as(residentA) })
    assert.equal(response.statusCode, 200)
    assert.equal((await h.request({ method: 'GET', url: '/api/v1/me', headers: as(second) })).statusCode, 401)
  })

  test('anonymous → 401; a malformed id → 400', async () => {
    assert.equal((await h.request({ method: 'DELETE', url: `/api/v1/me/sessions/${residentA.sessionId}` })).statusCode, 401)
    assert.equal((await h.request({ method: 'DELETE', url: '/api/v1/me/sessions/not-a-uuid', headers: as(residentA) })).statusCode, 400)
  })
})

describe('merchant accounts: /merchants/:merchantId/accounts', () => {
  const accounts = (merchantId: string, account: Account | null) =>
    h.request({ method: 'GET', url: `/api/v1/merchants/${merchantId}/accounts`, headers: as(account) })

  test('a merchant sees its own shop', async () => {
    const response = await accounts(shopA, merchantA)
    assert.equal(response.statusCode, 200)
    assert.deepEqual(
      response.json().data.map((user: { id: string }) => user.id),
      [merchantA.userId],
    )
  })

  test("a merchant cannot see another shop's accounts", async () => {
    assert.equal((await accounts(shopB, merchantA)).statusCode, 403)
    assert.equal((await accounts(shopA, merchantB)).statusCode, 403)
  })

  test('residents get 403, anonymous 401, the operator sees both', async () => {
    assert.equal((await accounts(shopA, residentA)).statusCode, 403)
    assert.equal((await accounts(shopA, null)).statusCode, 401)
    assert.equal((await accounts(shopA, operator)).statusCode, 200)
    assert.equal((await accounts(shopB, operator)).statusCode, 200)
    assert.equal((await accounts('no-such-shop', operator)).statusCode, 404)
  })
})

describe('operator endpoints: /admin/users/:userId', () => {
  test('only the operator may read a user', async () => {
    for (const account of [residentA, residentB, merchantA, merchantB]) {
      const response = await h.request({ method: 'GET', url: `/api/v1/admin/users/${residentA.userId}`, headers: as(account) })
      assert.equal(response.statusCode, 403)
    }
    const response = await h.request({ method: 'GET', url: `/api/v1/admin/users/${residentA.userId}`, headers: as(operator) })
    assert.equal(response.statusCode, 200)
    assert.equal(response.json().data.id, residentA.userId)
  })

  test('only the operator may change a role; a resident cannot make itself operator', async () => {
    for (const account of [residentA, merchantA]) {
      const response = await h.request({ method: 'PUT', url: `/api/v1/admin/users/${account.userId}/role`, headers: as(account), payload: { role: 'operator' } })
      assert.equal(response.statusCode, 403)
    }
    const me = await h.request({ method: 'GET', url: '/api/v1/me', headers: as(residentA) })
    assert.equal(me.json().data.user.role, 'resident')
  })

  test('the operator binds a resident to a shop, and it applies to the live session at once', async () => {
    const newcomer = await h.login('新店员')
    const bound = await h.request({ method: 'PUT', url: `/api/v1/admin/users/${newcomer.userId}/role`, headers: as(operator), payload: { role: 'merchant', merchantId: shopB } })
    assert.equal(bound.statusCode, 200)
    assert.equal(bound.json().data.merchantId, shopB)
    assert.equal((await h.request({ method: 'GET', url: `/api/v1/merchants/${shopB}/accounts`, headers: as(newcomer) })).statusCode, 200)
    const back = await h.request({ method: 'PUT', url: `/api/v1/admin/users/${newcomer.userId}/role`, headers: as(operator), payload: { role: 'resident' } })
    assert.equal(back.json().data.merchantId, null)
    assert.equal((await h.request({ method: 'GET', url: `/api/v1/merchants/${shopB}/accounts`, headers: as(newcomer) })).statusCode, 403)
  })

  test('role bodies are strict: extra fields, a merchant without a shop, an unknown shop', async () => {
    const url = `/api/v1/admin/users/${residentB.userId}/role`
    const cases: [unknown, number][] = [
      [{ role: 'resident', merchantId: shopA }, 400],
      [{ role: 'operator', id: residentA.userId }, 400],
      [{ role: 'merchant' }, 400],
      [{ role: 'superuser' }, 400],
      [{ role: 'merchant', merchantId: 'no-such-shop' }, 404],
    ]
    for (const [payload, status] of cases) {
      const response = await h.request({ method: 'PUT', url, headers: as(operator), payload: payload as object })
      assert.equal(response.statusCode, status, JSON.stringify(payload))
    }
    assert.equal((await h.request({ method: 'GET', url: '/api/v1/me', headers: as(residentB) })).json().data.user.role, 'resident')
  })

  test('an unknown user → 404', async () => {
    const response = await h.request({ method: 'GET', url: '/api/v1/admin/users/00000000-0000-4000-8000-000000000000', headers: as(operator) })
    assert.equal(response.statusCode, 404)
  })
})
