/**
 * The reminder API as the app uses it: the server works out when from the subject, one reminder
 * per subject, credits from the 提醒我 tap, edit / pause / cancel, in-app reminders that are due,
 * object-level authorization between two residents, and bad input answered 4xx in Chinese.
 */
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from '../../src/domain/time/shanghai'
import { HAS_CHINESE, startHarness, type Harness } from './helpers/harness'
import { auth, deliveriesOf, ENGINES, tap, TEMPLATES, testReminderConfig, wechatResident, type Resident } from './helpers/reminders'

const EVENT = 'sample-sports-municipal'

if (!process.env.TEST_DATABASE_URL) console.log('# reminder API on PostgreSQL SKIPPED: set TEST_DATABASE_URL to run it')

for (const engine of ENGINES) {
  describe(`reminder API: ${engine.name}`, { skip: engine.skip }, () => {
    let h: Harness
    let store: Awaited<ReturnType<typeof engine.open>>
    let eventStartMs: number
    let seededAt: Date
    let residentA: Resident
    let residentB: Resident
    let devResident: { token: string; userId: string }

    before(async () => {
      store = await engine.open()
      // Every template configured except rule-set-ending, which stays a placeholder: in-app only.
      const templates = Object.fromEntries(
        Object.entries(TEMPLATES)
          .filter(([kind]) => kind !== 'rule-set-ending')
          .map(([kind, templateId]) => [kind, { templateId }]),
      )
      h = await startHarness({}, { db: store.db, deps: { reminders: testReminderConfig({ WECHAT_SUBSCRIBE_TEMPLATES: JSON.stringify(templates) }) } })
      seededAt = h.clock.now
      eventStartMs = Date.parse((await h.request({ method: 'GET', url: `/api/v1/events/${EVENT}` })).json().data.start)
      h.clock.now = new Date(eventStartMs - 3 * MS_PER_DAY)
      residentA = await wechatResident(h, `api-a-${engine.name}`)
      residentB = await wechatResident(h, `api-b-${engine.name}`)
      devResident = await h.login(`开发居民${engine.name === 'PGlite' ? '甲' : '乙'}`)
    })
    after(async () => {
      await h?.close()
      await store?.cleanup()
    })

    const post = (token: string, payload: unknown) => h.request({ method: 'POST', url: '/api/v1/me/reminders', headers: auth(token), payload: payload as Record<string, unknown> })
    const list = async (token: string, query = '') => (await h.request({ method: 'GET', url: `/api/v1/me/reminders${query}`, headers: auth(token) })).json().data as { id: string; due: boolean; status: string }[]

    test('GET /reminders/templates: offsets and template ids per kind, placeholders marked', async () => {
      const response = await h.request({ method: 'GET', url: '/api/v1/reminders/templates' })
      assert.equal(response.statusCode, 200)
      const { kinds, maxTemplatesPerRequest } = response.json().data
      assert.equal(maxTemplatesPerRequest, 3)
      assert.deepEqual(
        kinds.map((item: { kind: string; wechat: boolean; offsets: { beforeMs: number }[] }) => [item.kind, item.wechat, item.offsets.map((offset) => offset.beforeMs)]),
        [
          ['round-opening', true, [60 * MS_PER_MINUTE, 15 * MS_PER_MINUTE, 5 * MS_PER_MINUTE]],
          ['voucher-expiring', true, [3 * MS_PER_DAY, MS_PER_DAY]],
          ['event-starting', true, [MS_PER_DAY, MS_PER_HOUR]],
          ['rule-set-ending', false, [7 * MS_PER_DAY, 3 * MS_PER_DAY, MS_PER_DAY]],
          ['rule-published', true, [0]],
          ['toll-period-ending', true, [7 * MS_PER_DAY, MS_PER_DAY]],
        ],
      )
      assert.ok(response.headers.etag)
    })

    test('event-starting: the server computes both fire times; asking again is the same reminder', async () => {
      const first = await post(residentA.token, { kind: 'event-starting', subjectId: EVENT })
      assert.equal(first.statusCode, 201, first.body)
      const { reminder, subscribe } = first.json().data
      assert.equal(subscribe, null)
      assert.match(reminder.subjectId, new RegExp(`^${EVENT}@\\d{4}-\\d{2}-\\d{2}$`))
      assert.equal(Date.parse(reminder.targetAt), eventStartMs)
      assert.deepEqual(
        reminder.fireTimes.map((time: { fireAt: string; label: string; status: string }) => [Date.parse(time.fireAt), time.label, time.status]),
        [
          [eventStartMs - MS_PER_DAY, '开始前 1 天', 'pending'],
          [eventStartMs - MS_PER_HOUR, '开始前 1 小时', 'pending'],
        ],
      )
      assert.equal(reminder.channel, 'in-app')
      assert.equal(reminder.kindLabel, '活动开始提醒')
      assert.equal(Date.parse(reminder.nextFireAt), eventStartMs - MS_PER_DAY)
      const again = await post(residentA.token, { kind: 'event-starting', subjectId: reminder.subjectId })
      assert.equal(again.statusCode, 200)
      assert.equal(again.json().data.reminder.id, reminder.id)
      assert.equal((await deliveriesOf(h.db, reminder.id)).length, 2, 'no fire time queued twice')
    })

    test('round-opening: 5 minutes before the round opens by default; the batch alone means its next round', async () => {
      const batch = (await h.request({ method: 'GET', url: '/api/v1/batches/sample-lexiang-40-10' })).json().data
      const next = batch.rounds.find((round: { opensAt: string }) => Date.parse(round.opensAt) > h.clock.now.getTime())
      const response = await post(residentA.token, { kind: 'round-opening', subjectId: batch.id })
      assert.equal(response.statusCode, 201, response.body)
      const { reminder } = response.json().data
      assert.equal(reminder.subjectId, `${batch.id}:${next.id}`)
      assert.deepEqual(
        reminder.fireTimes.map((time: { fireAt: string }) => Date.parse(time.fireAt)),
        [Date.parse(next.opensAt) - 5 * MS_PER_MINUTE],
      )
      assert.deepEqual(reminder.offsets.filter((offset: { selected: boolean }) => offset.selected).map((offset: { label: string }) => offset.label), ['开抢前 5 分钟'])
    })

    test('round-opening: one lead time of 5 / 15 / 60 minutes, chosen when set and changed later', async () => {
      const batch = (await h.request({ method: 'GET', url: '/api/v1/batches/sample-lexiang-40-10' })).json().data
      const next = batch.rounds.find((round: { opensAt: string }) => Date.parse(round.opensAt) > h.clock.now.getTime() + MS_PER_HOUR)
      const opensAt = Date.parse(next.opensAt)
      const { token } = await h.login(`api-lead-${engine.name}`)
      const created = await post(token, { kind: 'round-opening', subjectId: `${batch.id}:${next.id}`, offsetsMs: [15 * MS_PER_MINUTE] })
      assert.equal(created.statusCode, 201, created.body)
      const { reminder } = created.json().data
      assert.equal(Date.parse(reminder.nextFireAt), opensAt - 15 * MS_PER_MINUTE)
      const changed = await h.request({ method: 'PATCH', url: `/api/v1/me/reminders/${reminder.id}`, headers: auth(token), payload: { offsetsMs: [60 * MS_PER_MINUTE] } })
      assert.equal(changed.statusCode, 200, changed.body)
      assert.equal(Date.parse(changed.json().data.nextFireAt), opensAt - 60 * MS_PER_MINUTE)
      const rows = await deliveriesOf(h.db, reminder.id)
      assert.deepEqual(rows.map((row) => [row.before_ms, row.status]).sort(), [[15 * MS_PER_MINUTE, 'skipped'], [60 * MS_PER_MINUTE, 'pending']].sort())
      for (const [offsetsMs, why] of [[[5 * MS_PER_MINUTE, 15 * MS_PER_MINUTE], 'two lead times'], [[10 * MS_PER_MINUTE], 'not one of 5 / 15 / 60']] as const) {
        const refused = await h.request({ method: 'PATCH', url: `/api/v1/me/reminders/${reminder.id}`, headers: auth(token), payload: { offsetsMs } })
        assert.equal(refused.statusCode, 400, why)
        assert.equal(refused.json().error.code, 'BAD_OFFSETS', why)
        assert.match(refused.json().error.message, /选择一个/, why)
      }
      const paused = await h.request({ method: 'PATCH', url: `/api/v1/me/reminders/${reminder.id}`, headers: auth(token), payload: { enabled: false } })
      assert.equal(paused.json().data.status, 'paused')
      assert.equal(paused.json().data.nextFireAt, null)
    })

    test('toll-period-ending: counts back from the 衢城畅行 period in force; once it has ended, 409 SUBJECT_PASSED', async () => {
      const saved = h.clock.now
      h.clock.now = new Date('2025-12-01T12:00:00+08:00')
      try {
        const { token } = await h.login(`api-toll-${engine.name}`)
        const response = await post(token, { kind: 'toll-period-ending', subjectId: 'toll-period', offsetsMs: [MS_PER_DAY] })
        assert.equal(response.statusCode, 201, response.body)
        const { reminder } = response.json().data
        assert.equal(reminder.kindLabel, '衢城畅行到期提醒')
        assert.equal(reminder.targetAt, '2026-01-01T00:00:00+08:00')
        assert.deepEqual(reminder.fireTimes.map((time: { fireAt: string }) => time.fireAt), ['2025-12-31T00:00:00+08:00'])
        h.clock.now = new Date('2025-12-31T00:00:00+08:00')
        assert.equal((await h.reminders.scheduler.runOnce()).inApp, 1)
        assert.equal((await h.reminders.scheduler.runOnce()).claimed, 0, 'once')
        h.clock.now = new Date('2026-01-02T09:00:00+08:00')
        const later = await h.login(`toll2-${engine.name}`)
        const late = await post(later.token, { kind: 'toll-period-ending', subjectId: 'toll-period' })
        assert.equal(late.statusCode, 409)
        assert.equal(late.json().error.code, 'SUBJECT_PASSED')
        const wrong = await post(later.token, { kind: 'toll-period-ending', subjectId: 'measure:furniture' })
        assert.equal(wrong.statusCode, 404)
        assert.equal(wrong.json().error.code, 'SUBJECT_NOT_FOUND')
      } finally {
        h.clock.now = saved
      }
    })

    test('rule-set-ending: 7 days before the set stops; its template is a placeholder, so in-app even when "accepted"', async () => {
      const saved = h.clock.now
      h.clock.now = new Date('2025-12-01T12:00:00+08:00')
      try {
        const { token } = await wechatResident(h, `api-rules-${engine.name}`)
        const response = await post(token, { kind: 'rule-set-ending', subjectId: 'quzhou-2025', subscribe: tap({ 'PLACEHOLDER_RULE_SET_ENDING': 'accept' }) })
        assert.equal(response.statusCode, 201, response.body)
        const { reminder, subscribe } = response.json().data
        assert.equal(reminder.targetAt, '2026-01-01T00:00:00+08:00')
        assert.equal(reminder.fireTimes[0].fireAt, '2025-12-25T00:00:00+08:00')
        assert.equal(reminder.channel, 'in-app')
        assert.equal(subscribe.creditsStored, 1)
        h.clock.now = new Date('2025-12-25T00:00:00+08:00')
        assert.equal((await h.reminders.scheduler.runOnce()).inApp, 1)
        assert.equal((await deliveriesOf(h.db, reminder.id))[0].outcome_code, 'IN_APP_NO_TEMPLATE')
        assert.equal(h.wechat.messages.attempts.length, 0)
      } finally {
        h.clock.now = saved
      }
    })

    test('voucher-expiring: 1 day before the wallet voucher’s validTo; only for the owner', async (t) => {
      // A voucher claimed through the voucher API (docs/api-vouchers.md), as a resident would, at
      // the time the sample was made for (it has a round open then).
      const saved = h.clock.now
      t.after(() => {
        h.clock.now = saved
      })
      h.clock.now = seededAt
      const claimable = await h.request({ method: 'GET', url: '/api/v1/batches?state=claimable' })
      const batch = (claimable.json().data as { id: string; title: string; residentCounties?: unknown }[]).find((item) => !item.residentCounties)
      assert.ok(batch, 'the sample always has an open round for everyone at the time it was made for')
      const claim = await h.request({
        method: 'POST',
        url: `/api/v1/batches/${batch.id}/claims`,
        headers: { ...auth(residentA.token), 'idempotency-key': `remind-${engine.name}-voucher` },
        payload: {},
      })
      assert.equal(claim.statusCode, 201, claim.body)
      const voucher = claim.json().data.voucher as { id: string; validTo: string }
      h.clock.now = saved
      const mine = await post(residentA.token, { kind: 'voucher-expiring', subjectId: voucher.id })
      assert.equal(mine.statusCode, 201, mine.body)
      assert.equal(Date.parse(mine.json().data.reminder.fireTimes[0].fireAt), Math.floor((Date.parse(voucher.validTo) - MS_PER_DAY) / 1000) * 1000)
      assert.equal(mine.json().data.reminder.title, batch.title)
      const theirs = await post(residentB.token, { kind: 'voucher-expiring', subjectId: voucher.id })
      assert.equal(theirs.statusCode, 404)
      assert.match(theirs.json().error.message, HAS_CHINESE)
    })

    test('a subscribe tap: accept stores a credit and makes the channel wechat; 20004 says where to switch it on', async () => {
      const accepted = await post(residentB.token, { kind: 'event-starting', subjectId: 'sample-concert', subscribe: tap({ [TEMPLATES['event-starting']]: 'accept' }) })
      assert.equal(accepted.statusCode, 201, accepted.body)
      assert.equal(accepted.json().data.subscribe.creditsStored, 1)
      assert.equal(accepted.json().data.subscribe.message, '已订阅，到时微信会提醒你')
      assert.equal(accepted.json().data.reminder.channel, 'wechat')

      const off = await h.request({
        method: 'POST',
        url: '/api/v1/me/subscriptions',
        headers: auth(residentB.token),
        payload: { templateIds: [TEMPLATES['round-opening']], result: { errMsg: 'requestSubscribeMessage:fail', errCode: 20004 } },
      })
      assert.equal(off.statusCode, 200, off.body)
      assert.equal(off.json().data.subscribe.mainSwitchOff, true)
      assert.equal(off.json().data.subscribe.creditsStored, 0)
      assert.match(off.json().data.subscribe.message, /设置/)

      const h5 = await h.request({ method: 'POST', url: '/api/v1/me/subscriptions', headers: auth(residentB.token), payload: { templateIds: [TEMPLATES['round-opening']], result: null } })
      assert.equal(h5.json().data.subscribe.decisions[0].outcome, 'unsupported')

      const more = await h.request({
        method: 'POST',
        url: '/api/v1/me/subscriptions',
        headers: auth(residentB.token),
        payload: tap({ [TEMPLATES['round-opening']]: 'accept', [TEMPLATES['voucher-expiring']]: 'reject', 'tmpl-unknown': 'accept' }),
      })
      assert.equal(more.json().data.subscribe.creditsStored, 1, 'only accepted templates of known kinds')
      const credits = (await h.request({ method: 'GET', url: '/api/v1/me/subscriptions', headers: auth(residentB.token) })).json().data
      assert.deepEqual(
        credits.map((item: { kind: string; available: number }) => [item.kind, item.available]),
        [['round-opening', 1], ['voucher-expiring', 0], ['event-starting', 1], ['rule-set-ending', 0], ['rule-published', 0], ['toll-period-ending', 0]],
      )
    })

    test('a resident logged in without WeChat (no openid) is reminded in-app even with a credit', async () => {
      const response = await post(devResident.token, { kind: 'event-starting', subjectId: EVENT, offsetsMs: [MS_PER_HOUR], subscribe: tap({ [TEMPLATES['event-starting']]: 'accept' }) })
      assert.equal(response.statusCode, 201, response.body)
      assert.equal(response.json().data.reminder.channel, 'in-app')
    })

    test('PATCH: pause and resume, keep only one offset, then both again', async () => {
      const { reminder } = (await post(residentA.token, { kind: 'event-starting', subjectId: 'sample-other-changed' })).json().data
      const patch = (payload: Record<string, unknown>) => h.request({ method: 'PATCH', url: `/api/v1/me/reminders/${reminder.id}`, headers: auth(residentA.token), payload })
      assert.equal((await patch({ enabled: false })).json().data.status, 'paused')
      assert.equal((await patch({ enabled: false })).json().data.nextFireAt, null)
      assert.equal((await patch({ enabled: true })).json().data.status, 'active')
      const hourOnly = (await patch({ offsetsMs: [MS_PER_HOUR] })).json().data
      assert.deepEqual(hourOnly.offsets.map((offset: { selected: boolean }) => offset.selected), [false, true])
      assert.deepEqual(hourOnly.fireTimes.map((time: { status: string }) => time.status), ['skipped', 'pending'])
      const both = (await patch({ offsetsMs: [MS_PER_DAY, MS_PER_HOUR] })).json().data
      assert.deepEqual(both.fireTimes.map((time: { status: string }) => time.status), ['pending', 'pending'], 'a fire time skipped before it fired comes back')
      assert.equal((await deliveriesOf(h.db, reminder.id)).length, 2)
    })

    test('DELETE cancels: not listed, nothing fires; asking again re-activates the same reminder', async () => {
      const { reminder } = (await post(residentA.token, { kind: 'event-starting', subjectId: 'sample-sports-provincial' })).json().data
      const cancel = await h.request({ method: 'DELETE', url: `/api/v1/me/reminders/${reminder.id}`, headers: auth(residentA.token) })
      assert.equal(cancel.statusCode, 200)
      assert.deepEqual(cancel.json().data, { cancelled: true })
      assert.ok(!(await list(residentA.token)).some((item) => item.id === reminder.id))
      assert.equal((await list(residentA.token, '?status=all')).find((item) => item.id === reminder.id)?.status, 'cancelled')
      assert.ok((await deliveriesOf(h.db, reminder.id)).every((row) => row.status === 'skipped'))
      const patched = await h.request({ method: 'PATCH', url: `/api/v1/me/reminders/${reminder.id}`, headers: auth(residentA.token), payload: { enabled: true } })
      assert.equal(patched.statusCode, 409)
      assert.match(patched.json().error.message, HAS_CHINESE)
      const again = await post(residentA.token, { kind: 'event-starting', subjectId: reminder.subjectId })
      assert.equal(again.statusCode, 200)
      assert.equal(again.json().data.reminder.id, reminder.id)
      assert.deepEqual(again.json().data.reminder.fireTimes.map((time: { status: string }) => time.status), ['pending', 'pending'])
    })

    test('?due=1 lists the in-app reminders whose time has come, until the target passes', async () => {
      const resident = await wechatResident(h, `api-due-${engine.name}`)
      const { reminder } = (await post(resident.token, { kind: 'event-starting', subjectId: EVENT, offsetsMs: [MS_PER_HOUR] })).json().data
      const saved = h.clock.now
      try {
        assert.deepEqual(await list(resident.token, '?due=1'), [])
        h.clock.now = new Date(eventStartMs - MS_PER_HOUR)
        await h.reminders.scheduler.drain()
        h.clock.now = new Date(eventStartMs - 30 * MS_PER_MINUTE)
        const due = await list(resident.token, '?due=1')
        assert.deepEqual(due.map((item) => item.id), [reminder.id])
        assert.equal(due[0].due, true)
        h.clock.now = new Date(eventStartMs + 1)
        assert.deepEqual(await list(resident.token, '?due=1'), [])
      } finally {
        h.clock.now = saved
      }
    })

    test("object-level authorization: resident B cannot read, edit or cancel A's reminder (404), and A's stays as it was", async () => {
      const { reminder } = (await post(residentA.token, { kind: 'event-starting', subjectId: 'sample-sports-national' })).json().data
      const url = `/api/v1/me/reminders/${reminder.id}`
      for (const [method, payload] of [['GET', undefined], ['PATCH', { enabled: false }], ['PATCH', { offsetsMs: [MS_PER_HOUR] }], ['DELETE', undefined]] as const) {
        const response = await h.request({ method, url, headers: auth(residentB.token), ...(payload ? { payload } : {}) })
        assert.equal(response.statusCode, 404, `${method} ${JSON.stringify(payload)}`)
        assert.equal(response.json().error.code, 'REMINDER_NOT_FOUND')
        assert.match(response.json().error.message, HAS_CHINESE)
      }
      assert.ok(!(await list(residentB.token, '?status=all')).some((item) => item.id === reminder.id))
      const mine = (await h.request({ method: 'GET', url, headers: auth(residentA.token) })).json().data
      assert.equal(mine.status, 'active')
      assert.deepEqual(mine.offsets.map((offset: { selected: boolean }) => offset.selected), [true, true])
      assert.ok((await deliveriesOf(h.db, reminder.id)).every((row) => row.status === 'pending'))
      for (const method of ['GET', 'POST'] as const) {
        const anonymous = await h.request({ method, url: '/api/v1/me/reminders', ...(method === 'POST' ? { payload: { kind: 'event-starting', subjectId: EVENT } } : {}) })
        assert.equal(anonymous.statusCode, 401)
      }
    })

    test('subjects that cannot be reminded: 404 / 409 with a Chinese message', async () => {
      const cases: [string, Record<string, unknown>, number, string][] = [
        ['unknown event', { kind: 'event-starting', subjectId: 'no-such-event' }, 404, 'SUBJECT_NOT_FOUND'],
        ['a day without that event', { kind: 'event-starting', subjectId: `${EVENT}@2020-01-01` }, 404, 'SUBJECT_NOT_FOUND'],
        ['an event that already ran', { kind: 'event-starting', subjectId: 'xinfeng-music-festival-2025' }, 409, 'SUBJECT_PASSED'],
        ['unknown batch', { kind: 'round-opening', subjectId: 'no-such-batch:r1' }, 404, 'SUBJECT_NOT_FOUND'],
        ['unknown round', { kind: 'round-opening', subjectId: 'sample-lexiang-40-10:r9' }, 404, 'SUBJECT_NOT_FOUND'],
        ['a round already open', { kind: 'round-opening', subjectId: 'sample-lexiang-20-5:r1' }, 409, 'SUBJECT_PASSED'],
        ['unknown voucher', { kind: 'voucher-expiring', subjectId: 'no-such-voucher' }, 404, 'SUBJECT_NOT_FOUND'],
        ['unknown rule set', { kind: 'rule-set-ending', subjectId: 'no-such-rules' }, 404, 'SUBJECT_NOT_FOUND'],
        ['an offset not of this kind', { kind: 'event-starting', subjectId: EVENT, offsetsMs: [5 * MS_PER_MINUTE] }, 400, 'BAD_OFFSETS'],
      ]
      for (const [name, payload, status, code] of cases) {
        const response = await post(residentA.token, payload)
        assert.equal(response.statusCode, status, `${name}: ${response.body}`)
        assert.equal(response.json().error.code, code, name)
        assert.match(response.json().error.message, HAS_CHINESE, name)
      }
      const saved = h.clock.now
      try {
        h.clock.now = new Date(eventStartMs - 30 * MS_PER_MINUTE)
        const late = await post(residentA.token, { kind: 'event-starting', subjectId: 'sample-sports-municipal', offsetsMs: [MS_PER_DAY] })
        assert.equal(late.statusCode, 409)
        assert.equal(late.json().error.code, 'TOO_LATE')
        assert.match(late.json().error.message, /开始前 1 天/)
      } finally {
        h.clock.now = saved
      }
    })

    test('bad input → 400 VALIDATION_FAILED with a Chinese message, nothing stored', async () => {
      const { token } = residentA
      const before = (await list(token, '?status=all')).length
      const cases: [string, string, string, unknown][] = [
        ['POST', '/api/v1/me/reminders', 'unknown kind', { kind: 'birthday', subjectId: EVENT }],
        ['POST', '/api/v1/me/reminders', 'no subject', { kind: 'event-starting' }],
        ['POST', '/api/v1/me/reminders', 'empty subject', { kind: 'event-starting', subjectId: '  ' }],
        ['POST', '/api/v1/me/reminders', 'extra field', { kind: 'event-starting', subjectId: EVENT, fireAt: '2030-01-01T00:00:00+08:00' }],
        ['POST', '/api/v1/me/reminders', 'offsets not numbers', { kind: 'event-starting', subjectId: EVENT, offsetsMs: ['1h'] }],
        ['POST', '/api/v1/me/reminders', 'no offsets', { kind: 'event-starting', subjectId: EVENT, offsetsMs: [] }],
        ['POST', '/api/v1/me/reminders', 'four templates', { kind: 'event-starting', subjectId: EVENT, subscribe: { templateIds: ['a', 'b', 'c', 'd'], result: null } }],
        ['POST', '/api/v1/me/reminders', 'result a string', { kind: 'event-starting', subjectId: EVENT, subscribe: { templateIds: ['a'], result: 'accept' } }],
        ['POST', '/api/v1/me/subscriptions', 'no template ids', { templateIds: [], result: null }],
        ['POST', '/api/v1/me/subscriptions', 'no result', { templateIds: ['a'] }],
        ['PATCH', '/api/v1/me/reminders/00000000-0000-4000-8000-000000000000', 'nothing to change', {}],
        ['PATCH', '/api/v1/me/reminders/00000000-0000-4000-8000-000000000000', 'enabled as text', { enabled: 'yes' }],
        ['GET', '/api/v1/me/reminders?due=maybe', 'due not 1/0', undefined],
        ['GET', '/api/v1/me/reminders?sort=asc', 'unknown query', undefined],
        ['GET', '/api/v1/me/reminders/not-a-uuid', 'bad id', undefined],
        ['DELETE', '/api/v1/me/reminders/123', 'bad id', undefined],
      ]
      for (const [method, url, name, payload] of cases) {
        const response = await h.request({ method: method as 'GET', url, headers: auth(token), ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) })
        assert.equal(response.statusCode, 400, `${name}: ${response.body}`)
        assert.equal(response.json().error.code, 'VALIDATION_FAILED', name)
        assert.match(response.json().error.message, HAS_CHINESE, name)
      }
      assert.equal((await list(token, '?status=all')).length, before)
    })
  })
}
