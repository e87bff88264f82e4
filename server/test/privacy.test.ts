/**
 * Issue 16, gap 6 (PIPL): 注销账号 deletes the account and its data while its vouchers stay,
 * anonymised, for the city's accounts; 导出我的数据 gives back everything kept about me and
 * nothing about anyone else; sessions, send logs and staff refusals are purged when their
 * retention ends; the WeChat session_key is sealed at rest. On every engine.
 */
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import { SessionKeyCipher } from '../src/auth/session-key-cipher'
import { RetentionJob } from '../src/privacy/retention-job'
import { upsertWechatUser } from '../src/store/accounts'
import { importBatches, rushBatch } from './helpers/voucher-fixtures'
import { ENGINES, bearer, newKey, skipReason, startVoucherHarness, type Account, type VoucherHarness } from './helpers/voucher-harness'

const DAY = 86_400_000

for (const engine of ENGINES) {
  const skip = skipReason(engine)
  describe(`注销账号 and 导出我的数据 on ${engine}`, { skip: skip ?? false }, () => {
    let h: VoucherHarness
    let cashier: Account

    const claim = async (who: Account) => {
      const response = await h.request({ method: 'POST', url: '/api/v1/batches/privacy-test/claims', headers: { ...bearer(who), 'idempotency-key': newKey() } })
      assert.equal(response.statusCode, 201, response.body)
      return response.json().data.voucher.id as string
    }
    const inWallet = async (who: Account, voucherId: string) => {
      for (let tries = 0; tries < 50; tries += 1) {
        if ((await h.request({ method: 'GET', url: `/api/v1/me/vouchers/${voucherId}`, headers: bearer(who) })).statusCode === 200) return
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      assert.fail(`voucher ${voucherId} never reached the wallet`)
    }
    const addReminderAndLog = async (userId: string) => {
      const reminderId = randomUUID()
      await h.db.query(
        `insert into reminders (id, user_id, kind, subject_id, title, target_at, offsets_ms, payload) values ($1, $2, 'event-starting', 'e-1', '示例活动', now() + interval '2 days', '{3600000}', '{}')`,
        [reminderId, userId],
      )
      await h.db.query(
        `insert into reminder_send_log (id, reminder_id, user_id, attempt, at, channel, outcome, message) values ($1, $2, $3, 1, now(), 'in-app', 'in-app', '{"thing1":"示例活动"}')`,
        [randomUUID(), reminderId, userId],
      )
      return reminderId
    }

    before(async () => {
      h = await startVoucherHarness(engine)
      await importBatches(h.db, [rushBatch('privacy-test', h.clock.now.getTime(), { quota: 50, perRound: 5, perBatch: 5 })])
      await h.vouchers.tick()
      cashier = await h.login(`隐私收银-${engine}`, { role: 'merchant', merchantId: 'sample-m-kecheng-noodles' })
    })
    after(() => h?.close())

    test('deleting my account: confirmed, my data gone, my vouchers kept without me, my token dead', async () => {
      const me = await h.login(`注销居民-${engine}`)
      const other = await h.login(`留下居民-${engine}`)
      const used = await claim(me)
      const kept = await claim(me)
      const othersVoucher = await claim(other)
      await inWallet(me, used)
      await inWallet(me, kept)
      const token = (await h.request({ method: 'POST', url: `/api/v1/me/vouchers/${used}/code`, headers: bearer(me) })).json().data.token
      const redeemed = await h.request({ method: 'POST', url: '/api/v1/merchant/redemptions', headers: bearer(cashier), payload: { code: token, orderAmountFen: 10_000, orderId: `p-${engine}` } })
      assert.equal(redeemed.statusCode, 201, redeemed.body)
      await addReminderAndLog(me.userId)
      await addReminderAndLog(other.userId)

      for (const body of [{}, { confirm: false }, { confirm: 'yes' }]) {
        const unconfirmed = await h.request({ method: 'POST', url: '/api/v1/me/deletion', headers: bearer(me), payload: body })
        assert.equal(unconfirmed.statusCode, 400, JSON.stringify(body))
        assert.match(unconfirmed.json().error.message, /[\u4e00-\u9fff]/)
      }
      const deleted = await h.request({ method: 'POST', url: '/api/v1/me/deletion', headers: bearer(me), payload: { confirm: true } })
      assert.equal(deleted.statusCode, 200, deleted.body)
      assert.deepEqual(deleted.json().data, { deleted: true, vouchersKept: 2 })

      const after = await h.request({ method: 'GET', url: '/api/v1/me', headers: bearer(me) })
      assert.equal(after.statusCode, 401)
      const count = async (sql: string, params: unknown[] = [me.userId]) => (await h.db.query<{ n: number }>(sql, params))[0].n
      assert.equal(await count('select count(*)::int as n from users where id = $1'), 0)
      assert.equal(await count('select count(*)::int as n from sessions where user_id = $1'), 0)
      assert.equal(await count('select count(*)::int as n from reminders where user_id = $1'), 0)
      assert.equal(await count('select count(*)::int as n from reminder_send_log where user_id = $1'), 0)
      assert.equal(await count('select count(*)::int as n from idempotency_keys where user_id = $1'), 0)
      assert.equal(await count('select count(*)::int as n from vouchers where id = any($1::text[]) and owner_id is null', [[used, kept]]), 2, 'vouchers kept, anonymised')
      assert.equal(await count('select count(*)::int as n from voucher_redemptions where voucher_id = $1', [used]), 1, 'the redemption stays for the budget')
      assert.equal(await count('select count(*)::int as n from reminder_send_log where user_id = $1', [other.userId]), 1, "another resident's data is untouched")
      assert.equal((await h.request({ method: 'GET', url: `/api/v1/me/vouchers/${othersVoucher}`, headers: bearer(other) })).statusCode, 200)
      assert.equal(await count(`select count(*)::int as n from vouchers where batch_id = 'privacy-test'`, []), 3, 'the batch still counts the kept vouchers as claimed')
    })

    test('a cashier can delete their account too: the redemptions they made stay without them', async () => {
      const resident = await h.login(`收银顾客-${engine}`)
      const till = await h.login(`离职收银-${engine}`, { role: 'merchant', merchantId: 'sample-m-kecheng-noodles' })
      const voucherId = await claim(resident)
      await inWallet(resident, voucherId)
      const token = (await h.request({ method: 'POST', url: `/api/v1/me/vouchers/${voucherId}/code`, headers: bearer(resident) })).json().data.token
      assert.equal((await h.request({ method: 'POST', url: '/api/v1/merchant/redemptions', headers: bearer(till), payload: { code: token, orderAmountFen: 10_000, orderId: `t-${engine}` } })).statusCode, 201)
      const deleted = await h.request({ method: 'POST', url: '/api/v1/me/deletion', headers: bearer(till), payload: { confirm: true } })
      assert.equal(deleted.statusCode, 200, deleted.body)
      const [row] = await h.db.query<{ redeemed_by: string | null }>('select redeemed_by from voucher_redemptions where voucher_id = $1', [voucherId])
      assert.equal(row.redeemed_by, null)
    })

    test('exporting my data: my account, sessions, vouchers, reminders and log — nobody else’s, no secret', async () => {
      const me = await h.login(`导出居民-${engine}`)
      const other = await h.login(`旁人居民-${engine}`)
      const mine = await claim(me)
      const theirs = await claim(other)
      await inWallet(me, mine)
      await addReminderAndLog(me.userId)
      await addReminderAndLog(other.userId)
      const response = await h.request({ method: 'GET', url: '/api/v1/me/export', headers: bearer(me) })
      assert.equal(response.statusCode, 200, response.body)
      assert.match(String(response.headers['content-disposition']), /attachment; filename="quhuitong-my-data-\d{8}\.json"/)
      const data = response.json().data
      assert.equal(data.format, 'quhuitong/account-export@1')
      assert.equal(data.account.id, me.userId)
      assert.equal(data.account.devName, `导出居民-${engine}`)
      assert.deepEqual(data.vouchers.map((voucher: { id: string }) => voucher.id), [mine])
      assert.equal(data.sessions.length, 1)
      assert.equal(data.reminders.length, 1)
      assert.equal(data.reminderSendLog.length, 1)
      assert.ok(!response.body.includes(other.userId) && !response.body.includes(theirs), 'nothing about another resident')
      assert.ok(!/token_hash|session_key"/.test(response.body), 'no secret')
      assert.equal((await h.request({ method: 'GET', url: '/api/v1/me/export' })).statusCode, 401)
    })
  })
}

describe('retention and sealed session keys', () => {
  let h: VoucherHarness
  before(async () => {
    h = await startVoucherHarness('pglite', { seed: false })
  })
  after(() => h?.close())

  test('sessions, send logs and staff refusals are purged when their retention ends; newer ones stay', async () => {
    const now = h.clock.now
    const ago = (days: number) => new Date(now.getTime() - days * DAY)
    const user = (await h.db.query<{ id: string }>(`insert into users (id, dev_name) values ($1, '留存测试') returning id`, [randomUUID()]))[0].id
    const session = (expiresAt: Date, revokedAt: Date | null) =>
      h.db.query('insert into sessions (id, user_id, token_hash, login, expires_at, revoked_at) values ($1, $2, $3, $4, $5, $6)', [
        randomUUID(),
        user,
        randomUUID(),
        'dev',
        expiresAt,
        revokedAt,
      ])
    await session(ago(31), null) // expired 31 days ago → purged
    await session(ago(29), null) // expired 29 days ago → kept
    await session(new Date(now.getTime() + DAY), ago(40)) // revoked 40 days ago → purged
    await session(new Date(now.getTime() + DAY), null) // live → kept
    for (const days of [91, 10])
      await h.db.query(`insert into reminder_send_log (id, user_id, attempt, at, channel, outcome) values ($1, $2, 1, $3, 'in-app', 'in-app')`, [randomUUID(), user, ago(days)])
    for (const days of [181, 5])
      await h.db.query(
        `insert into staff_refusals (id, at, user_id, role, action, target, code, reason) values ($1, $2, $3, 'operator', 'claim', 'b', 'STAFF_CANNOT_CLAIM', 'x')`,
        [randomUUID(), ago(days), user],
      )
    const job = new RetentionJob(h.db, { sessionsDays: 30, sendLogDays: 90, refusalsDays: 180, intervalMs: 3_600_000 }, () => now, h.app.log)
    assert.deepEqual(await job.purge(), { sessions: 2, sendLog: 1, refusals: 1 })
    assert.deepEqual(await job.purge(), { sessions: 0, sendLog: 0, refusals: 0 }, 'nothing twice')
    const left = async (table: string) => (await h.db.query<{ n: number }>(`select count(*)::int as n from ${table} where user_id = $1`, [user]))[0].n
    assert.equal(await left('sessions'), 2)
    assert.equal(await left('reminder_send_log'), 1)
    assert.equal(await left('staff_refusals'), 1)
  })

  test('the defaults purge on a schedule: 30 / 90 / 180 days, hourly', async () => {
    const { loadConfig } = await import('../src/config')
    assert.deepEqual(loadConfig({}).retention, { sessionsDays: 30, sendLogDays: 90, refusalsDays: 180, intervalMs: 3_600_000 })
  })

  test('a session_key is stored sealed (AES-256-GCM) and opens only with its key', async () => {
    const cipher = new SessionKeyCipher('k'.repeat(40))
    const user = await upsertWechatUser(h.db, { openid: 'o-sealed', sessionKey: 'PLAIN-wechat-session-key==' }, cipher)
    const [row] = await h.db.query<Record<string, string>>('select * from wechat_session_keys where user_id = $1', [user.id])
    assert.ok(!JSON.stringify(row).includes('PLAIN-wechat-session-key'), 'no plain text at rest')
    assert.equal(cipher.open(row.sealed_session_key), 'PLAIN-wechat-session-key==')
    assert.equal(new SessionKeyCipher('x'.repeat(40)).open(row.sealed_session_key), null)
    // The tag's first character: its last carries padding bits (A↔B there changed nothing, 1 run in 16).
    const [version, iv, sealed, tag] = row.sealed_session_key.split('.')
    const tampered = [version, iv, sealed, `${tag[0] === 'A' ? 'B' : 'A'}${tag.slice(1)}`].join('.')
    assert.equal(cipher.open(tampered), null)
    await upsertWechatUser(h.db, { openid: 'o-sealed', sessionKey: 'other' }, null)
    assert.equal((await h.db.query('select 1 from wechat_session_keys where user_id = $1', [user.id])).length, 0, 'without a key, none is kept')
  })
})
