/**
 * Issue 20: a resident's signed session token lets the claim route skip the session read, and the
 * store's change notes (migration 0018) take that trust back within about a second of a logout,
 * a role or county change, or an account's deletion.
 */
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { SessionSigner } from '../src/auth/signed-session'
import { bulkResidents, importBatches, rushBatch } from './helpers/voucher-fixtures'
import { bearer, newKey, startVoucherHarness, type VoucherHarness } from './helpers/voucher-harness'

const facts = {
  sessionId: '0b9c3f4e-1d2a-4b5c-8d6e-7f8091a2b3c4',
  userId: 'f0e1d2c3-b4a5-4968-8776-655443322110',
  residentCounty: '330802',
  expiresAtMs: Date.UTC(2031, 0, 1),
  createdAtMs: Date.UTC(2030, 11, 1, 2, 3, 4, 567),
  dev: false,
}

describe('the signed token', () => {
  const signer = new SessionSigner('a-test-only-secret-of-at-least-32-chars')

  test('says what it was given, and nothing under another key or with one character changed', () => {
    const token = signer.issue(facts)!
    assert.match(token, /^qht1\.[A-Za-z0-9_-]{64}\.[A-Za-z0-9_-]{22}$/)
    assert.deepEqual(signer.verify(token), facts)
    assert.deepEqual(signer.verify(signer.issue({ ...facts, residentCounty: null, dev: true })!), { ...facts, residentCounty: null, dev: true })
    assert.equal(new SessionSigner('another-test-only-secret-of-32-chars!').verify(token), null)
    const body = token.split('.')[1]
    const flipped = `${body.slice(0, 20)}${body[20] === 'A' ? 'B' : 'A'}${body.slice(21)}`
    assert.equal(signer.verify(token.replace(body, flipped)), null, 'a changed fact breaks the MAC')
    assert.equal(signer.verify(`qht_${'A'.repeat(43)}`), null)
    assert.equal(signer.issue({ ...facts, residentCounty: 'abc' }), null, 'what does not fit gets an opaque token instead')
  })
})

describe('the claim route believes a signed token until the store notes a change', () => {
  let h: VoucherHarness
  before(async () => {
    h = await startVoucherHarness('pglite')
    await importBatches(h.db, [
      rushBatch('signed', h.clock.now.getTime(), { quota: 100, perRound: 1, perBatch: 1 }),
      rushBatch('signed-county', h.clock.now.getTime(), { quota: 100, extra: { residentCounties: ['330802'] } }),
    ])
    await h.vouchers.tick()
  })
  after(() => h?.close())

  const claim = (token: string, batchId = 'signed') =>
    h.request({ method: 'POST', url: `/api/v1/batches/${batchId}/claims`, headers: { authorization: `Bearer ${token}`, 'idempotency-key': newKey() } })
  /** The notes are read twice a second. */
  const noted = () => new Promise((resolve) => setTimeout(resolve, 1200))

  test('a claim with a signed token reads no session', async () => {
    const [resident] = await bulkResidents(h.db, 1)
    const sessionReads: string[] = []
    const original = h.db.query.bind(h.db)
    h.db.query = ((sql: string, params?: unknown[]) => {
      if (/from sessions/.test(sql)) sessionReads.push(sql)
      return original(sql, params)
    }) as typeof h.db.query
    try {
      const response = await claim(resident.token)
      assert.equal(response.statusCode, 201, response.body)
    } finally {
      h.db.query = original
    }
    assert.deepEqual(sessionReads, [])
  })

  test('logout: the token is refused (AUTH_REVOKED) once the note is read', async () => {
    const resident = await h.login('签名-退出')
    assert.ok(resident.token.startsWith('qht1.'))
    const [{ id }] = await h.db.query<{ id: string }>('select id from sessions where user_id = $1', [resident.userId])
    const revoked = await h.request({ method: 'DELETE', url: `/api/v1/me/sessions/${id}`, headers: bearer(resident) })
    assert.equal(revoked.statusCode, 200, revoked.body)
    await noted()
    const refused = await claim(resident.token)
    assert.equal(refused.statusCode, 401)
    assert.equal(refused.json().error.code, 'AUTH_REVOKED')
  })

  test('a resident made merchant staff: 403 STAFF_CANNOT_CLAIM once the note is read', async () => {
    const [resident] = await bulkResidents(h.db, 1)
    await h.db.query(`update users set role = 'operator' where id = $1`, [resident.userId])
    await noted()
    const refused = await claim(resident.token)
    assert.equal(refused.statusCode, 403)
    assert.equal(refused.json().error.code, 'STAFF_CANNOT_CLAIM')
  })

  test('a county changed here counts at once; a deleted account is refused once the note is read', async () => {
    const resident = await h.login('签名-区县', { county: '330803' })
    assert.equal((await claim(resident.token, 'signed-county')).json().error.code, 'NOT_ELIGIBLE')
    const moved = await h.request({ method: 'PUT', url: '/api/v1/me/resident-county', headers: bearer(resident), payload: { county: '330802' } })
    assert.equal(moved.statusCode, 200)
    assert.equal((await claim(resident.token, 'signed-county')).statusCode, 201)

    const [gone] = await bulkResidents(h.db, 1)
    await h.db.query('delete from users where id = $1', [gone.userId])
    await noted()
    assert.equal((await claim(gone.token)).statusCode, 401)
  })

  test('an expired signed token is AUTH_EXPIRED; a forged one AUTH_INVALID', async () => {
    const [resident] = await bulkResidents(h.db, 1)
    const saved = h.clock.now
    h.clock.now = new Date(saved.getTime() + 2 * 86_400_000)
    try {
      assert.equal((await claim(resident.token)).json().error.code, 'AUTH_EXPIRED')
    } finally {
      h.clock.now = saved
    }
    const forged = new SessionSigner('a-key-the-server-does-not-have-000000').issue({ ...facts, userId: resident.userId })!
    assert.equal((await claim(forged)).json().error.code, 'AUTH_INVALID')
  })
})
