/**
 * One contract for every store engine: PGlite always; PostgreSQL when TEST_DATABASE_URL is set
 * (e.g. postgres://postgres@127.0.0.1:5432/test), in a schema of its own that is dropped after.
 */
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import { generateSampleContent } from '../content/sample/generate'
import { SessionKeyCipher } from '../src/auth/session-key-cipher'
import { importParsedFiles } from '../src/content/import'
import { inMemoryFile } from '../src/content/source-files'
import {
  createSession,
  findSessionByTokenHash,
  getWechatSessionKey,
  listActiveSessions,
  revokeSession,
  setRole,
  upsertDevUser,
  upsertWechatUser,
} from '../src/store/accounts'
import { getBatch, getEvent, getPolicy, getTollData, hasImportedContent, listBatches, listEvents, listMerchants, upsertMerchant } from '../src/store/content'
import { openDb, type Db, type StoreOptions } from '../src/store/db'
import { loadMigrations, migrate } from '../src/store/migrate'
import { dropSchema } from '../src/store/postgres-db'

interface Engine {
  name: string
  options?: StoreOptions
  skip?: string
  cleanup?: () => Promise<void>
}

const postgresUrl = process.env.TEST_DATABASE_URL
const schema = `contract_${process.pid}_${randomBytes(4).toString('hex')}`
const engines: Engine[] = [
  { name: 'PGlite (in memory)', options: { engine: 'pglite', dataDir: null } },
  postgresUrl
    ? { name: 'PostgreSQL', options: { engine: 'postgres', url: postgresUrl, schema }, cleanup: () => dropSchema(postgresUrl, schema) }
    : { name: 'PostgreSQL', skip: 'TEST_DATABASE_URL is not set: PostgreSQL contract skipped' },
]
if (!postgresUrl) console.log('# PostgreSQL store contract SKIPPED: set TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test to run it')

const NOW = new Date('2025-05-02T04:00:00.000Z') // 2025-05-02 12:00 in Shanghai

for (const engine of engines) {
  describe(`store contract: ${engine.name}`, { skip: engine.skip }, () => {
    let db: Db
    before(async () => {
      db = await openDb(engine.options!)
    })
    after(async () => {
      await db?.close()
      await engine.cleanup?.()
    })

    test('migrations apply once and are idempotent', async () => {
      const all = await loadMigrations()
      assert.deepEqual(await migrate(db), all.map((migration) => migration.id))
      assert.deepEqual(await migrate(db), [])
      await Promise.all([migrate(db), migrate(db)])
      const [{ count }] = await db.query<{ count: number }>('select count(*)::int as count from schema_migrations')
      assert.equal(count, all.length)
    })

    test('a migration that fails leaves nothing behind', async () => {
      await assert.rejects(migrate(db, [{ id: '9999-broken', sql: 'create table half_done (id int); select * from no_such_table;' }]))
      const rows = await db.query("select 1 from information_schema.tables where table_name = 'half_done'")
      assert.equal(rows.length, 0)
      assert.equal((await db.query("select 1 from schema_migrations where id = '9999-broken'")).length, 0)
    })

    test('a transaction commits or rolls back as a whole', async () => {
      await assert.rejects(
        db.transaction(async (tx) => {
          await upsertDevUser(tx, '回滚测试')
          throw new Error('boom')
        }),
      )
      assert.equal((await db.query("select 1 from users where dev_name = '回滚测试'")).length, 0)
      await db.transaction((tx) => upsertDevUser(tx, '提交测试'))
      assert.equal((await db.query("select 1 from users where dev_name = '提交测试'")).length, 1)
    })

    test('WeChat users: one per openid; session_key kept server-side and replaced on login', async () => {
      const cipher = new SessionKeyCipher('contract-test-key-contract-test-key')
      const first = await upsertWechatUser(db, { openid: 'o-contract', sessionKey: 'key-1' }, cipher)
      const again = await upsertWechatUser(db, { openid: 'o-contract', unionid: 'u-1', sessionKey: 'key-2' }, cipher)
      assert.equal(first.id, again.id)
      assert.equal(await getWechatSessionKey(db, first.id, cipher), 'key-2')
      const [stored] = await db.query<{ sealed_session_key: string }>('select sealed_session_key from wechat_session_keys where user_id = $1', [first.id])
      assert.ok(!stored.sealed_session_key.includes('key-2'), 'kept sealed, not in plain text')
      assert.equal(await getWechatSessionKey(db, first.id, new SessionKeyCipher('another-key-another-key-another-key')), null)
      assert.ok(first.createdAt instanceof Date)
      assert.equal(first.role, 'resident')
    })

    test('sessions: found by hash, revocable only by their owner, listed while live', async () => {
      const alice = await upsertDevUser(db, 'alice')
      const bob = await upsertDevUser(db, 'bob')
      const expiresAt = new Date(NOW.getTime() + 3_600_000)
      const session = await createSession(db, { userId: alice.id, tokenHash: 'a'.repeat(64), login: 'dev', expiresAt, userAgent: 'test' })
      const expired = await createSession(db, { userId: alice.id, tokenHash: 'b'.repeat(64), login: 'dev', expiresAt: new Date(NOW.getTime() - 1), userAgent: null })
      const found = await findSessionByTokenHash(db, 'a'.repeat(64))
      assert.equal(found?.user.id, alice.id)
      assert.equal(found?.session.expiresAt.getTime(), expiresAt.getTime())
      assert.equal(await findSessionByTokenHash(db, 'c'.repeat(64)), null)
      assert.deepEqual((await listActiveSessions(db, alice.id, NOW)).map((item) => item.id), [session.id])
      assert.ok(!(await listActiveSessions(db, alice.id, NOW)).some((item) => item.id === expired.id))
      assert.equal(await revokeSession(db, bob.id, session.id), false)
      assert.equal(await revokeSession(db, alice.id, session.id), true)
      assert.equal(await revokeSession(db, alice.id, session.id), false)
      assert.ok((await findSessionByTokenHash(db, 'a'.repeat(64)))?.session.revokedAt instanceof Date)
      await assert.rejects(createSession(db, { userId: bob.id, tokenHash: 'b'.repeat(64), login: 'dev', expiresAt, userAgent: null }), 'token hashes are unique')
    })

    test('roles: a merchant is bound to an existing merchant, others to none', async () => {
      const user = await upsertDevUser(db, 'role-test')
      await assert.rejects(setRole(db, user.id, 'merchant', 'no-such-merchant'))
      await assert.rejects(db.query("update users set role = 'merchant', merchant_id = null where id = $1", [user.id]))
      await upsertMerchant(db, { id: 'contract-shop', name: '测试店', county: '330802', category: 'catering', address: '测试地址' })
      const merchant = await setRole(db, user.id, 'merchant', 'contract-shop')
      assert.equal(merchant?.merchantId, 'contract-shop')
      const operator = await setRole(db, user.id, 'operator', 'contract-shop')
      assert.equal(operator?.merchantId, null)
      assert.equal(await setRole(db, '00000000-0000-4000-8000-000000000000', 'operator', null), null)
    })

    test('content: the sample imports whole and reads back by the indexed columns', async () => {
      assert.equal(await hasImportedContent(db), false)
      const result = await importParsedFiles(db, [inMemoryFile('sample', generateSampleContent(NOW))], { source: 'test' })
      assert.ok(result.ok, JSON.stringify(!result.ok && result.problems))
      assert.equal(await hasImportedContent(db), true)

      const claimable = await listBatches(db, { state: 'claimable', now: NOW })
      const upcoming = await listBatches(db, { state: 'upcoming', now: NOW })
      const all = await listBatches(db, { state: 'all', now: NOW })
      assert.ok(claimable.length > 0 && upcoming.length > 0)
      assert.ok(claimable.every((batch) => all.some((item) => item.id === batch.id)))
      assert.match(all[0].updatedAt, /\+08:00$/)
      const [{ count: rounds }] = await db.query<{ count: number }>('select count(*)::int as count from voucher_rounds')
      assert.equal(rounds, all.reduce((sum, batch) => sum + batch.rounds.length, 0))

      const firstBatch = all[0]
      assert.deepEqual((await getBatch(db, firstBatch.id))?.rounds, firstBatch.rounds)
      assert.equal(await getBatch(db, 'nope'), null)

      const may = await listEvents(db, { from: new Date('2025-04-30T16:00:00Z'), to: new Date('2025-05-31T16:00:00Z'), limit: 100, offset: 0 })
      assert.ok(may.items.some((event) => event.title.includes('新蜂音乐节')))
      assert.equal(may.total, may.items.length)
      const concerts = await listEvents(db, { from: new Date('2025-01-01T00:00:00Z'), to: new Date('2026-01-01T00:00:00Z'), type: 'concert', limit: 1, offset: 0 })
      assert.equal(concerts.items.length, 1)
      assert.ok(concerts.total >= 1)
      assert.ok(concerts.items.every((event) => event.type === 'concert'))
      assert.equal((await getEvent(db, concerts.items[0].id))?.id, concerts.items[0].id)

      const policy = await getPolicy(db)
      assert.equal(policy.version?.version, '2025.1')
      assert.deepEqual(policy.overrides, [])
      assert.equal((await getTollData(db)).updatedAt, null)
    })

    test('re-importing replaces documents and drops rounds no longer listed', async () => {
      const content = generateSampleContent(NOW)
      const batch = content.batches!.find((item) => item.rounds.length > 1)!
      const trimmed = { ...batch, rounds: batch.rounds.slice(0, 1), title: `${batch.title}（改）` }
      const result = await importParsedFiles(db, [inMemoryFile('trim', { batches: [trimmed] })], { source: 'test' })
      assert.ok(result.ok)
      assert.equal((await getBatch(db, batch.id))?.title, trimmed.title)
      const rows = await db.query<{ id: string }>('select id from voucher_rounds where batch_id = $1', [batch.id])
      assert.deepEqual(rows.map((row) => row.id), [batch.rounds[0].id])
    })

    test('merchant search treats % and _ as text', async () => {
      await upsertMerchant(db, { id: 'percent-shop', name: '百分百_好店%', county: '330803', category: 'retail', address: '测试' })
      const found = await listMerchants(db, { query: '_好店%', limit: 10, offset: 0 })
      assert.deepEqual(found.items.map((item) => item.id), ['percent-shop'])
      assert.equal((await listMerchants(db, { query: '%', limit: 10, offset: 0 })).total, 1)
      const page = await listMerchants(db, { county: '330803', limit: 1, offset: 1 })
      assert.equal(page.items.length, 1)
      assert.ok(page.total >= 2)
    })
  })
}
