/**
 * The reminder scheduler against the fake WeChat on loopback, on PGlite and (with
 * TEST_DATABASE_URL) PostgreSQL: timing on an injected clock, credits, every errcode's handling,
 * the access token's life, and exactly-once across a crash and restart on the same store.
 */
import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, test } from 'node:test'
import { isoShanghai, MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from '../../src/domain/time/shanghai'
import { createReminders } from '../src/reminders'
import { retryDelayMs } from '../src/reminders/scheduler'
import type { Db } from '../src/store/db'
import { startFakeWechat } from './helpers/fake-wechat'
import { startHarness, type Harness } from './helpers/harness'
import {
  auth,
  creditStates,
  deliveriesOf,
  ENGINES,
  sendLog,
  tap,
  TEMPLATES,
  testReminderConfig,
  waitFor,
  wechatResident,
  type Resident,
} from './helpers/reminders'

const EVENT = 'sample-sports-municipal'
const EVENT_TEMPLATE = TEMPLATES['event-starting']

if (!process.env.TEST_DATABASE_URL) console.log('# reminder scheduler on PostgreSQL SKIPPED: set TEST_DATABASE_URL to run it')

for (const engine of ENGINES) {
  describe(`reminder scheduler: ${engine.name}`, { skip: engine.skip }, () => {
    let h: Harness
    let store: Awaited<ReturnType<typeof engine.open>>
    let db: Db
    let eventStartMs: number
    let residentCount = 0

    before(async () => {
      store = await engine.open()
      h = await startHarness({}, { db: store.db, deps: { reminders: testReminderConfig() } })
      db = h.db
      const event = (await h.request({ method: 'GET', url: `/api/v1/events/${EVENT}` })).json().data
      eventStartMs = Date.parse(event.start)
    })
    after(async () => {
      await h?.close()
      await store?.cleanup()
    })
    beforeEach(async () => {
      // Each test starts with an empty queue: earlier tests' fire times must not fire here.
      await db.query(`update reminder_deliveries set status = 'skipped', outcome_code = 'TEST_RESET' where status = 'pending'`)
      h.wechat.messages.reset()
      // Logins made now stay valid for every time a test moves the clock to around the event.
      h.clock.now = new Date(eventStartMs - 3 * MS_PER_DAY)
    })

    const at = (ms: number) => {
      h.clock.now = new Date(ms)
    }
    const run = () => h.reminders.scheduler.runOnce()
    const newResident = () => wechatResident(h, `sched-${engine.name}-${(residentCount += 1)}`)

    async function remind(resident: Resident, body: Record<string, unknown>) {
      const response = await h.request({ method: 'POST', url: '/api/v1/me/reminders', headers: auth(resident.token), payload: body })
      assert.ok(response.statusCode === 201 || response.statusCode === 200, response.body)
      return response.json().data
    }

    /** One fire time, 1 hour before the event, with one accepted credit. */
    async function creditedHourReminder(resident: Resident) {
      at(eventStartMs - 2 * MS_PER_DAY)
      const data = await remind(resident, { kind: 'event-starting', subjectId: EVENT, offsetsMs: [MS_PER_HOUR], subscribe: tap({ [EVENT_TEMPLATE]: 'accept' }) })
      assert.equal(data.subscribe.creditsStored, 1)
      assert.equal(data.reminder.channel, 'wechat')
      return data.reminder.id as string
    }

    test('nothing fires early; each fire time fires when due, once', async () => {
      const resident = await newResident()
      at(eventStartMs - 3 * MS_PER_DAY)
      const { reminder } = await remind(resident, { kind: 'event-starting', subjectId: EVENT })
      assert.deepEqual(
        reminder.fireTimes.map((time: { fireAt: string }) => Date.parse(time.fireAt)),
        [eventStartMs - MS_PER_DAY, eventStartMs - MS_PER_HOUR],
      )
      at(eventStartMs - MS_PER_DAY - 1)
      assert.equal((await run()).claimed, 0)
      at(eventStartMs - MS_PER_DAY)
      assert.deepEqual(await run(), { claimed: 1, recovered: 0, sent: 0, inApp: 1, retried: 0, failed: 0, skipped: 0 })
      assert.equal((await run()).claimed, 0, 'a fired time never fires again')
      at(eventStartMs - MS_PER_HOUR - 1)
      assert.equal((await run()).claimed, 0)
      at(eventStartMs - MS_PER_HOUR)
      assert.equal((await run()).inApp, 1)
      at(eventStartMs + MS_PER_DAY)
      assert.equal((await run()).claimed, 0)
      const rows = await deliveriesOf(db, reminder.id)
      assert.deepEqual(rows.map((row) => [row.status, row.channel, row.attempts]), [['sent', 'in-app', 1], ['sent', 'in-app', 1]])
      assert.equal(h.wechat.messages.attempts.length, 0, 'no credit: nothing goes to WeChat')
    })

    test('an accepted template is one credit: the first fire time goes over WeChat and spends it, the next is in-app', async () => {
      const resident = await newResident()
      at(eventStartMs - 3 * MS_PER_DAY)
      const { reminder, subscribe } = await remind(resident, { kind: 'event-starting', subjectId: EVENT, subscribe: tap({ [EVENT_TEMPLATE]: 'accept' }) })
      assert.equal(subscribe.creditsStored, 1)
      assert.equal(reminder.channel, 'wechat')
      at(eventStartMs - MS_PER_DAY)
      assert.equal((await run()).sent, 1)
      const [message] = h.wechat.messages.delivered
      assert.equal(message.touser, resident.openid)
      assert.equal(message.template_id, EVENT_TEMPLATE)
      assert.equal(message.page, `packages/reminders/pages/list/index?reminderId=${reminder.id}`)
      assert.equal(message.miniprogram_state, 'formal')
      assert.match(message.data.thing1.value, /衢州市全民健身夜跑/)
      assert.match(message.data.time2.value, /^\d{4}年\d{1,2}月\d{1,2}日 19:00$/)
      assert.deepEqual(await creditStates(db, resident.userId), { spent: 1 })
      at(eventStartMs - MS_PER_HOUR)
      assert.equal((await run()).inApp, 1)
      assert.equal(h.wechat.messages.delivered.length, 1)
      const credits = (await h.request({ method: 'GET', url: '/api/v1/me/subscriptions', headers: auth(resident.token) })).json().data
      assert.equal(credits.find((item: { kind: string }) => item.kind === 'event-starting').available, 0)
      const view = (await h.request({ method: 'GET', url: `/api/v1/me/reminders/${reminder.id}`, headers: auth(resident.token) })).json().data
      assert.deepEqual(view.fireTimes.map((time: { channel: string }) => time.channel), ['wechat', 'in-app'])
      assert.equal(view.due, true, 'the in-app one is due until the event starts')
    })

    for (const answer of ['reject', 'ban', 'filter']) {
      test(`a template answered '${answer}' stores no credit: the reminder stays in-app`, async () => {
        const resident = await newResident()
        at(eventStartMs - 2 * MS_PER_DAY)
        const { reminder, subscribe } = await remind(resident, { kind: 'event-starting', subjectId: EVENT, offsetsMs: [MS_PER_HOUR], subscribe: tap({ [EVENT_TEMPLATE]: answer }) })
        assert.equal(subscribe.creditsStored, 0)
        assert.equal(subscribe.decisions[0].store, 'in-app')
        assert.equal(reminder.channel, 'in-app')
        at(eventStartMs - MS_PER_HOUR)
        assert.equal((await run()).inApp, 1)
        assert.equal(h.wechat.messages.attempts.length, 0)
      })
    }

    test('43101: the credit is spent, never retried, and the reminder shows in-app', async () => {
      const resident = await newResident()
      const id = await creditedHourReminder(resident)
      h.wechat.messages.script(43101)
      at(eventStartMs - MS_PER_HOUR)
      assert.equal((await run()).skipped, 1)
      const [row] = await deliveriesOf(db, id)
      assert.deepEqual([row.status, row.channel, row.outcome_code, row.attempts], ['skipped', 'in-app', 'WECHAT_43101', 1])
      assert.deepEqual(await creditStates(db, resident.userId), { spent: 1 })
      at(eventStartMs - MS_PER_HOUR + MS_PER_DAY)
      assert.equal((await run()).claimed, 0)
      assert.equal(h.wechat.messages.attempts.length, 1)
      assert.deepEqual((await sendLog(db, id)).map((entry) => [entry.outcome, entry.channel, entry.errcode]), [['skipped', 'wechat', 43101]])
      at(eventStartMs - 30 * MS_PER_MINUTE)
      const due = (await h.request({ method: 'GET', url: '/api/v1/me/reminders?due=1', headers: auth(resident.token) })).json().data
      assert.deepEqual(due.map((item: { id: string }) => item.id), [id])
    })

    for (const errcode of [47003, 40003, 40037]) {
      test(`${errcode}: failed with its reason, not retried, the credit is kept for another message`, async () => {
        const resident = await newResident()
        const id = await creditedHourReminder(resident)
        h.wechat.messages.script(errcode)
        at(eventStartMs - MS_PER_HOUR)
        assert.equal((await run()).failed, 1)
        const [row] = await deliveriesOf(db, id)
        assert.deepEqual([row.status, row.channel, row.outcome_code], ['failed', 'in-app', `WECHAT_${errcode}`])
        assert.match(row.reason!, new RegExp(String(errcode)))
        assert.deepEqual(await creditStates(db, resident.userId), { available: 1 })
        at(eventStartMs - 30 * MS_PER_MINUTE)
        assert.equal((await run()).claimed, 0)
        assert.equal(h.wechat.messages.attempts.length, 1)
        const [entry] = await sendLog(db, id)
        assert.deepEqual([entry.outcome, entry.errcode], ['failed', errcode])
      })
    }

    for (const failure of [-1, 'network', 'bad-json'] as const) {
      test(`${failure}: retried with backoff, keeping the credit, until it goes through`, async () => {
        const resident = await newResident()
        const id = await creditedHourReminder(resident)
        h.wechat.messages.script(failure)
        const fireAt = eventStartMs - MS_PER_HOUR
        at(fireAt)
        assert.equal((await run()).retried, 1)
        const [waiting] = await deliveriesOf(db, id)
        assert.equal(waiting.status, 'pending')
        assert.equal(waiting.attempts, 1)
        const delay = retryDelayMs(waiting.id, 1, h.reminders.config.scheduler)
        assert.equal(waiting.next_attempt_at.getTime(), fireAt + delay)
        assert.ok(delay >= 60_000 && delay <= 72_000)
        assert.deepEqual(await creditStates(db, resident.userId), { reserved: 1 })
        at(fireAt + delay - 1)
        assert.equal((await run()).claimed, 0, 'not before the backoff')
        at(fireAt + delay)
        assert.equal((await run()).sent, 1)
        const [done] = await deliveriesOf(db, id)
        assert.deepEqual([done.status, done.channel, done.attempts], ['sent', 'wechat', 2])
        assert.deepEqual(await creditStates(db, resident.userId), { spent: 1 })
        assert.deepEqual((await sendLog(db, id)).map((entry) => entry.outcome), ['retry', 'sent'])
      })
    }

    test('retries stop after maxAttempts: failed, credit back, in-app', async () => {
      const resident = await newResident()
      const id = await creditedHourReminder(resident)
      h.wechat.messages.script(-1, -1, -1)
      let now = eventStartMs - MS_PER_HOUR
      at(now)
      for (let attempt = 1; attempt <= 3; attempt += 1) {
        const summary = await run()
        assert.equal(summary.claimed, 1, `attempt ${attempt}`)
        const [row] = await deliveriesOf(db, id)
        now = row.next_attempt_at.getTime()
        at(now)
      }
      const [row] = await deliveriesOf(db, id)
      assert.deepEqual([row.status, row.channel, row.outcome_code, row.attempts], ['failed', 'in-app', 'ATTEMPTS_EXHAUSTED', 3])
      assert.deepEqual(await creditStates(db, resident.userId), { available: 1 })
      assert.deepEqual((await sendLog(db, id)).map((entry) => entry.outcome), ['retry', 'retry', 'failed'])
    })

    test('the access token is cached, refreshed on 42001, and forced on a 40001 with a stale token', async () => {
      const messages = h.wechat.messages
      const sendOne = async () => {
        const id = await creditedHourReminder(await newResident())
        at(eventStartMs - MS_PER_HOUR)
        assert.equal((await run()).sent, 1)
        return id
      }
      await sendOne()
      await sendOne()
      assert.ok(messages.tokenCalls.length <= 1, 'two sends, at most one token fetch')
      const before = messages.tokenCalls.length
      messages.expireToken()
      await sendOne()
      assert.deepEqual(messages.tokenCalls.slice(before), [{ forceRefresh: false }])
      messages.invalidateToken()
      await sendOne()
      assert.deepEqual(messages.tokenCalls.slice(before + 1), [{ forceRefresh: false }, { forceRefresh: true }])
      const [tokens] = [messages.attempts.map((attempt) => attempt.accessToken)]
      assert.equal(new Set(tokens).size, 3)
    })

    test('long text is shortened before sending (thing ≤ 20), so WeChat never answers 47003', async () => {
      const resident = await newResident()
      at(Date.parse('2025-04-20T10:00:00+08:00'))
      const { reminder } = await remind(resident, {
        kind: 'event-starting',
        subjectId: 'may-day-qufeng-songyun-2025@2025-05-01',
        subscribe: tap({ [EVENT_TEMPLATE]: 'accept' }),
      })
      at(Date.parse('2025-04-30T09:00:00+08:00'))
      assert.equal((await run()).sent, 1)
      const [message] = h.wechat.messages.delivered
      assert.equal(Array.from(message.data.thing1.value).length, 20)
      assert.ok(message.data.thing1.value.endsWith('…'))
      assert.equal(message.data.time2.value, '2025年5月1日 00:00~2025年5月5日 23:59', 'an all-day event is sent as its period')
      const [entry] = await db.query<{ message: { shortened: { key: string }[] } }>('select message from reminder_send_log where reminder_id = $1', [reminder.id])
      assert.deepEqual(entry.message.shortened.map((item) => item.key), ['thing1'])
    })

    test('a cancelled or paused reminder does not fire; a moved event fires at its new time', async () => {
      const resident = await newResident()
      at(eventStartMs - 3 * MS_PER_DAY)
      const paused = (await remind(resident, { kind: 'event-starting', subjectId: 'sample-concert' })).reminder
      const cancelled = (await remind(resident, { kind: 'event-starting', subjectId: EVENT })).reminder
      await h.request({ method: 'PATCH', url: `/api/v1/me/reminders/${paused.id}`, headers: auth(resident.token), payload: { enabled: false } })
      await h.request({ method: 'DELETE', url: `/api/v1/me/reminders/${cancelled.id}`, headers: auth(resident.token) })
      at(eventStartMs)
      await run()
      assert.ok((await deliveriesOf(db, cancelled.id)).every((row) => row.status === 'skipped' && row.outcome_code === 'USER_CANCELLED' && row.attempts === 0))

      const concertStart = Date.parse(paused.targetAt)
      at(concertStart - MS_PER_DAY)
      assert.equal((await run()).skipped, 1)
      assert.equal((await deliveriesOf(db, paused.id))[0].outcome_code, 'PAUSED')

      // The event moves two hours later: the old fire time is skipped and the new ones are queued.
      const moved = new Date(concertStart + 2 * MS_PER_HOUR)
      await db.query(`update events set doc = jsonb_set(doc, '{start}', to_jsonb($2::text)) where id = $1`, ['sample-concert', isoShanghai(moved.getTime())])
      await db.query(`update events set doc = jsonb_set(doc, '{end}', to_jsonb($2::text)) where id = $1`, ['sample-concert', isoShanghai(moved.getTime() + 3 * MS_PER_HOUR)])
      await h.request({ method: 'PATCH', url: `/api/v1/me/reminders/${paused.id}`, headers: auth(resident.token), payload: { enabled: true } })
      at(concertStart - MS_PER_HOUR)
      assert.equal((await run()).skipped, 1)
      const rows = await deliveriesOf(db, paused.id)
      assert.equal(rows.find((row) => row.before_ms === MS_PER_HOUR && row.fire_at.getTime() === concertStart - MS_PER_HOUR)?.outcome_code, 'TIME_CHANGED')
      at(moved.getTime() - MS_PER_HOUR)
      assert.equal((await run()).inApp, 1)
    })
  })

  describe(`reminder scheduler exactly once across a restart: ${engine.name}`, { skip: engine.skip }, () => {
    test('a process killed mid-batch; a new server on the same store sends each reminder once', { timeout: 60_000 }, async () => {
      const store = await engine.open()
      const config = testReminderConfig({ REMINDER_CONCURRENCY: '1' })
      // One WeChat for both server lifetimes: it remembers what it delivered and which credits are used.
      const fake = await startFakeWechat()
      const first = await startHarness({ WECHAT_API_BASE: fake.baseUrl }, { db: store.db, deps: { reminders: config } })
      let second: Harness | null = null
      try {
        const round = (await first.request({ method: 'GET', url: '/api/v1/batches/sample-lexiang-40-10' })).json().data.rounds[1]
        const opensAt = Date.parse(round.opensAt)
        first.clock.now = new Date(opensAt - MS_PER_DAY)
        fake.messages.enforceCredits = true
        const residents: Resident[] = []
        for (let index = 0; index < 6; index += 1) {
          const resident = await wechatResident(first, `restart-${engine.name}-${index}`)
          residents.push(resident)
          fake.messages.grant(resident.openid, TEMPLATES['round-opening'])
          const response = await first.request({
            method: 'POST',
            url: '/api/v1/me/reminders',
            headers: auth(resident.token),
            payload: { kind: 'round-opening', subjectId: `sample-lexiang-40-10:${round.id}`, subscribe: tap({ [TEMPLATES['round-opening']]: 'accept' }) },
          })
          assert.equal(response.statusCode, 201, response.body)
        }
        const fireAt = opensAt - 5 * MS_PER_MINUTE
        first.clock.now = new Date(fireAt)
        fake.messages.script('ok', 'ok', 'hang')
        const batch = first.reminders.scheduler.runOnce()
        await waitFor(() => fake.messages.attempts.length === 3)
        // WeChat has accepted the third message; the process dies before recording it.
        first.reminders.scheduler.kill()
        await batch
        await first.close()
        const left = await store.reopen()
        const counts = await left.query<{ status: string; count: number }>('select status, count(*)::int as count from reminder_deliveries group by status order by status')
        assert.deepEqual(counts, [{ status: 'sending', count: 4 }, { status: 'sent', count: 2 }])

        second = await startHarness({ WECHAT_API_BASE: fake.baseUrl }, { db: left, seed: false, deps: { reminders: config } })
        second.clock.now = new Date(fireAt + 60_000)
        assert.equal((await second.reminders.scheduler.drain()).claimed, 0, 'not while the dead worker’s lease runs')
        second.clock.now = new Date(fireAt + config.scheduler.leaseMs)
        const summary = await second.reminders.scheduler.drain()
        assert.equal(summary.recovered, 4)
        assert.equal(summary.sent, 3)
        assert.equal(summary.skipped, 1, 'the message WeChat already took is answered 43101, not sent again')
        second.clock.now = new Date(opensAt + MS_PER_DAY)
        assert.equal((await second.reminders.scheduler.drain()).claimed, 0)

        const perResident = residents.map((resident) => fake.messages.delivered.filter((message) => message.touser === resident.openid).length)
        assert.deepEqual(perResident, [1, 1, 1, 1, 1, 1], 'each resident got exactly one message')
        const finals = await left.query<{ status: string; outcome_code: string; count: number }>(
          'select status, outcome_code, count(*)::int as count from reminder_deliveries group by status, outcome_code order by status',
        )
        assert.deepEqual(finals, [
          { status: 'sent', outcome_code: 'SENT', count: 5 },
          { status: 'skipped', outcome_code: 'WECHAT_43101', count: 1 },
        ])
        const [{ spent }] = await left.query<{ spent: number }>(`select count(*)::int as spent from subscribe_credits where state = 'spent'`)
        assert.equal(spent, 6, 'one credit spent per message')
        const [{ logged }] = await left.query<{ logged: number }>(`select count(*)::int as logged from reminder_send_log where channel = 'wechat'`)
        assert.equal(logged, 6, 'every recorded send attempt is logged (the killed one could not be)')
      } finally {
        await second?.close()
        await fake.close()
        await store.cleanup()
      }
    })

    test('a round reminder (15 minutes before) and a voucher-expiring reminder set before a restart fire once after it', { timeout: 60_000 }, async () => {
      const store = await engine.open()
      const config = testReminderConfig()
      const fake = await startFakeWechat()
      fake.messages.enforceCredits = true
      const first = await startHarness({ WECHAT_API_BASE: fake.baseUrl }, { db: store.db, deps: { reminders: config } })
      const servers: Harness[] = []
      try {
        // The sample has a round open at the moment it was made for: claim there, as a resident would.
        const resident = await wechatResident(first, `lifetimes-${engine.name}`)
        const claimable = (await first.request({ method: 'GET', url: '/api/v1/batches?state=claimable' })).json().data as { id: string; residentCounties?: unknown }[]
        const open = claimable.find((item) => !item.residentCounties)!
        const claim = await first.request({ method: 'POST', url: `/api/v1/batches/${open.id}/claims`, headers: { ...auth(resident.token), 'idempotency-key': `lifetimes-${engine.name}` }, payload: {} })
        assert.equal(claim.statusCode, 201, claim.body)
        const voucher = claim.json().data.voucher as { id: string; validTo: string }
        const round = (await first.request({ method: 'GET', url: '/api/v1/batches/sample-lexiang-40-10' })).json().data.rounds[1]
        const roundFireAt = Date.parse(round.opensAt) - 15 * MS_PER_MINUTE
        const voucherFireAt = Math.floor((Date.parse(voucher.validTo) - MS_PER_DAY) / 1000) * 1000
        assert.ok(roundFireAt > first.clock.now.getTime() && voucherFireAt > first.clock.now.getTime())
        for (const kind of ['round-opening', 'voucher-expiring'] as const) fake.messages.grant(resident.openid, TEMPLATES[kind])
        const set = async (body: Record<string, unknown>) => {
          const response = await first.request({ method: 'POST', url: '/api/v1/me/reminders', headers: auth(resident.token), payload: body })
          assert.equal(response.statusCode, 201, response.body)
          return response.json().data.reminder.id as string
        }
        const roundReminder = await set({ kind: 'round-opening', subjectId: `sample-lexiang-40-10:${round.id}`, offsetsMs: [15 * MS_PER_MINUTE], subscribe: tap({ [TEMPLATES['round-opening']]: 'accept' }) })
        const voucherReminder = await set({ kind: 'voucher-expiring', subjectId: voucher.id, subscribe: tap({ [TEMPLATES['voucher-expiring']]: 'accept' }) })
        assert.equal((await first.reminders.scheduler.drain()).claimed, 0, 'nothing is due yet')
        await first.close()

        // Each fire time is reached by a new server process on the same store (a restart in between).
        const fireTimes = [roundFireAt, voucherFireAt].sort((a, b) => a - b)
        for (const fireAt of fireTimes) {
          const server = await startHarness({ WECHAT_API_BASE: fake.baseUrl }, { db: await store.reopen(), seed: false, deps: { reminders: config } })
          servers.push(server)
          server.clock.now = new Date(fireAt + 1_000)
          assert.equal((await server.reminders.scheduler.drain()).sent, 1)
          assert.equal((await server.reminders.scheduler.drain()).claimed, 0, 'taken once')
          servers.pop()
          await server.close()
        }
        const last = await startHarness({ WECHAT_API_BASE: fake.baseUrl }, { db: await store.reopen(), seed: false, deps: { reminders: config } })
        servers.push(last)
        last.clock.now = new Date(Date.parse(voucher.validTo) - 1_000)
        assert.equal((await last.reminders.scheduler.drain()).claimed, 0, 'nothing fires again after another restart')
        const delivered = fake.messages.delivered.filter((message) => message.touser === resident.openid).map((message) => message.template_id)
        assert.deepEqual(delivered.sort(), [TEMPLATES['round-opening'], TEMPLATES['voucher-expiring']].sort(), 'one message per reminder')
        for (const id of [roundReminder, voucherReminder]) {
          const rows = await deliveriesOf(last.db, id)
          assert.deepEqual(rows.map((row) => [row.status, row.outcome_code]), [['sent', 'SENT']])
        }
        assert.equal((await deliveriesOf(last.db, roundReminder))[0].fire_at.getTime(), roundFireAt, 'at the lead time chosen, 15 minutes before')
      } finally {
        for (const server of servers) await server.close().catch(() => undefined)
        await fake.close()
        await store.cleanup()
      }
    })

    test('two schedulers on one store share the queue: each delivery is taken by one of them', { timeout: 60_000 }, async () => {
      const store = await engine.open()
      const config = testReminderConfig({ REMINDER_BATCH_SIZE: '3', REMINDER_CONCURRENCY: '2' })
      const fake = await startFakeWechat()
      const h1 = await startHarness({ WECHAT_API_BASE: fake.baseUrl }, { db: store.db, deps: { reminders: config } })
      // PostgreSQL: a second pool, as a second process would have; PGlite: one process, one handle.
      const otherDb = engine.name === 'PGlite' ? store.db : await store.reopen()
      const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined }
      const other = createReminders({ db: otherDb, config, wechat: h1.config.wechat, now: () => h1.clock.now, log: quiet })
      try {
        const round = (await h1.request({ method: 'GET', url: '/api/v1/batches/sample-lexiang-40-10' })).json().data.rounds[1]
        const opensAt = Date.parse(round.opensAt)
        h1.clock.now = new Date(opensAt - MS_PER_DAY)
        const residents: Resident[] = []
        for (let index = 0; index < 10; index += 1) {
          const resident = await wechatResident(h1, `pair-${engine.name}-${index}`)
          residents.push(resident)
          const response = await h1.request({
            method: 'POST',
            url: '/api/v1/me/reminders',
            headers: auth(resident.token),
            payload: { kind: 'round-opening', subjectId: `sample-lexiang-40-10:${round.id}`, subscribe: tap({ [TEMPLATES['round-opening']]: 'accept' }) },
          })
          assert.equal(response.statusCode, 201, response.body)
        }
        h1.clock.now = new Date(opensAt - 5 * MS_PER_MINUTE)
        const [a, b] = await Promise.all([h1.reminders.scheduler.drain(), other.scheduler.drain()])
        assert.equal(a.claimed + b.claimed, 10)
        assert.equal(a.sent + b.sent, 10)
        const perResident = residents.map((resident) => fake.messages.delivered.filter((message) => message.touser === resident.openid).length)
        assert.deepEqual(perResident, Array(10).fill(1))
      } finally {
        await h1.close()
        if (otherDb !== store.db) await otherDb.close()
        await fake.close()
        await store.cleanup()
      }
    })
  })
}
