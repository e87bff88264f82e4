/**
 * 公布时提醒 (issue 13), on PGlite and (with TEST_DATABASE_URL) PostgreSQL: a resident asks to be told
 * when an unknown rule is published — the 2026 家居 rule, the next 衢城畅行 period — and an operator
 * import that publishes it fires the reminder exactly once, over WeChat with a credit or in-app;
 * an import (or a dry run) that changes nothing a reminder watches fires none; a queued reminder
 * survives a restart; a cancelled one never fires.
 */
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { NATIONAL_2026_RULES } from '../../src/domain/policy/subsidy-national-2026'
import { SUBSIDY_OVERRIDE_FORMAT } from '../../src/domain/policy/subsidy-overrides'
import { importParsedFiles } from '../src/content/import'
import { inMemoryFile } from '../src/content/source-files'
import type { Db } from '../src/store/db'
import { startFakeWechat } from './helpers/fake-wechat'
import { startHarness, type Harness } from './helpers/harness'
import { auth, deliveriesOf, ENGINES, tap, TEMPLATES, testReminderConfig, wechatResident, type Resident } from './helpers/reminders'

/** 2026-12-06 10:00 in Shanghai: after the last known 衢城畅行 period, inside national-2026. */
const NOW = new Date('2026-12-06T02:00:00Z')
const TEMPLATE = TEMPLATES['rule-published']

const YEAR_2026 = { from: '2026-01-01', to: '2026-12-31' }
/** Provenance as the bundled 2026 set writes it, so the patch passes the same checks. */
const appliance2026 = NATIONAL_2026_RULES.measures.appliance!
const provenance = { clause: appliance2026.capFen.clause, source: appliance2026.capFen.source, status: 'provisional' as const }
const dated = (label: string, value: unknown, status: 'provisional' | 'unknown' = 'provisional') => ({ label, value, ...provenance, status, effective: YEAR_2026 })

function furnitureRule(ratePercent: number) {
  return {
    effective: { ...YEAR_2026, ...provenance },
    rates: { byGrade: {}, otherGrades: dated('家居补贴比例', ratePercent) },
    capFen: dated('家居每件补贴上限', 1_000_00),
    perPersonTotalCapFen: dated('家居每人累计补贴上限', null, 'unknown'),
  }
}

const subsidyFile = (name: string, patch: Record<string, unknown>) =>
  inMemoryFile(name, { subsidyOverrides: { format: SUBSIDY_OVERRIDE_FORMAT, ruleSets: [{ id: 'national-2026', patch }] } })

const tollFile = (name: string, body: Record<string, unknown>) => inMemoryFile(name, { tollOverride: { version: '2026.1', ...body } })

const TOLL_PERIOD_2026 = { value: YEAR_2026, clause: '二十六', source: '示例：衢州市人民政府 2026 年公告', status: 'provisional' }

if (!process.env.TEST_DATABASE_URL) console.log('# 公布时提醒 on PostgreSQL SKIPPED: set TEST_DATABASE_URL to run it')

for (const engine of ENGINES) {
  describe(`公布时提醒: ${engine.name}`, { skip: engine.skip }, () => {
    let h: Harness
    let store: Awaited<ReturnType<typeof engine.open>>
    let db: Db
    let count = 0
    const newResident = () => wechatResident(h, `published-${engine.name}-${(count += 1)}`)

    before(async () => {
      store = await engine.open()
      h = await startHarness({}, { db: store.db, deps: { reminders: testReminderConfig() } })
      db = h.db
      h.clock.now = NOW
    })
    after(async () => {
      await h?.close()
      await store?.cleanup()
    })

    async function remind(resident: Resident, subjectId: string, subscribe?: unknown) {
      const response = await h.request({
        method: 'POST',
        url: '/api/v1/me/reminders',
        headers: auth(resident.token),
        payload: { kind: 'rule-published', subjectId, ...(subscribe ? { subscribe } : {}) },
      })
      assert.equal(response.statusCode, 201, response.body)
      return response.json().data.reminder
    }

    async function importFiles(files: ReturnType<typeof inMemoryFile>[], dryRun = false) {
      const result = await importParsedFiles(db, files, { source: 'test', dryRun, now: h.clock.now })
      assert.ok(result.ok, JSON.stringify(!result.ok && result.problems))
      return result.published
    }

    const mine = async (resident: Resident) =>
      (await h.request({ method: 'GET', url: '/api/v1/me/reminders', headers: auth(resident.token) })).json().data as {
        id: string
        subjectId: string
        targetAt: string | null
        due: boolean
        fireTimes: { status: string; channel: string | null }[]
      }[]

    test('setting one: no moment yet, nothing queued; a subject that is not one is a 404', async () => {
      const resident = await newResident()
      const reminder = await remind(resident, 'measure:renovation')
      assert.equal(reminder.kindLabel, '公布时提醒')
      assert.equal(reminder.title, '家装补贴新规则')
      assert.equal(reminder.targetAt, null)
      assert.deepEqual(reminder.fireTimes, [])
      assert.deepEqual(
        reminder.offsets.map((offset: { label: string }) => offset.label),
        ['官方公布时'],
      )
      const bad = await h.request({ method: 'POST', url: '/api/v1/me/reminders', headers: auth(resident.token), payload: { kind: 'rule-published', subjectId: 'measure:yacht' } })
      assert.equal(bad.statusCode, 404)
      assert.equal(bad.json().error.code, 'SUBJECT_NOT_FOUND')
      assert.equal((await h.reminders.scheduler.drain()).claimed, 0)
    })

    test('an import publishing the 2026 家居 rule fires its reminders exactly once; imports that change nothing fire none', async () => {
      const wechat = await newResident()
      const inApp = await newResident()
      const cancelled = await newResident()
      const other = await newResident()
      const viaWechat = await remind(wechat, 'measure:furniture', tap({ [TEMPLATE]: 'accept' }))
      assert.equal(viaWechat.channel, 'wechat')
      const quiet = await remind(inApp, 'measure:furniture')
      const gone = await remind(cancelled, 'measure:furniture')
      await h.request({ method: 'DELETE', url: `/api/v1/me/reminders/${gone.id}`, headers: auth(cancelled.token) })
      const ebike = await remind(other, 'measure:ebike')
      await h.reminders.scheduler.drain()
      h.wechat.messages.reset()

      // Nothing a furniture reminder watches: the appliance cap, and a dry run of the real change.
      const cap = { ...appliance2026.capFen, value: 1_400_00 }
      assert.deepEqual(await importFiles([subsidyFile('appliance-cap', { measures: { appliance: { capFen: cap } } })]), { subjectIds: ['measure:appliance'], reminders: 0 })
      assert.deepEqual(await importFiles([subsidyFile('furniture-dry', { measures: { furniture: furnitureRule(15) } })], true), { subjectIds: [], reminders: 0 })
      assert.deepEqual(await importFiles([subsidyFile('appliance-cap', { measures: { appliance: { capFen: cap } } })]), { subjectIds: [], reminders: 0 }, 'the same file again changes nothing')
      assert.equal((await h.reminders.scheduler.drain()).claimed, 0)

      const published = await importFiles([subsidyFile('furniture-2026', { measures: { appliance: { capFen: cap }, furniture: furnitureRule(15) } })])
      assert.deepEqual(published, { subjectIds: ['measure:furniture'], reminders: 2 })
      const summary = await h.reminders.scheduler.drain()
      assert.equal(summary.sent, 1)
      assert.equal(summary.inApp, 1)
      const [message] = h.wechat.messages.delivered
      assert.equal(message.touser, wechat.openid)
      assert.equal(message.template_id, TEMPLATE)
      assert.equal(message.data.thing1.value, '家居补贴新规则')
      assert.equal(message.data.time2.value, '2026年12月6日 10:00')

      const [seen] = (await mine(inApp)).filter((item) => item.id === quiet.id)
      assert.equal(seen.due, true, '我的提醒 shows it as come')
      assert.equal(seen.targetAt, '2026-12-06T10:00:00+08:00')
      assert.deepEqual(seen.fireTimes.map((time) => [time.status, time.channel]), [['sent', 'in-app']])

      // The rule changes again: each reminder has fired already, so nothing more goes out.
      h.clock.now = new Date(NOW.getTime() + 60_000)
      assert.deepEqual(await importFiles([subsidyFile('furniture-2026b', { measures: { appliance: { capFen: cap }, furniture: furnitureRule(20) } })]), {
        subjectIds: ['measure:furniture'],
        reminders: 0,
      })
      assert.equal((await h.reminders.scheduler.drain()).claimed, 0)
      assert.equal(h.wechat.messages.delivered.length, 1)
      assert.deepEqual(await deliveriesOf(db, gone.id), [], 'a cancelled reminder never fires')
      assert.deepEqual(await deliveriesOf(db, ebike.id), [], 'another measure’s reminder does not fire')
      assert.equal((await deliveriesOf(db, viaWechat.id)).length, 1)
      h.clock.now = NOW
    })

    test('a new 衢城畅行 period fires the toll-period reminders; rates alone do not', async () => {
      const resident = await newResident()
      const reminder = await remind(resident, 'toll-period')
      assert.equal(reminder.title, '“衢城畅行”新实施期')
      const rates = { perTripFen: { value: 600, clause: '二十六', source: '示例', status: 'provisional' } }
      assert.deepEqual(await importFiles([tollFile('rates', { rates })]), { subjectIds: [], reminders: 0 })
      assert.equal((await h.reminders.scheduler.drain()).claimed, 0)
      assert.deepEqual(await importFiles([tollFile('period', { rates, period: TOLL_PERIOD_2026 })]), { subjectIds: ['toll-period'], reminders: 1 })
      assert.equal((await h.reminders.scheduler.drain()).inApp, 1)
      const [seen] = (await mine(resident)).filter((item) => item.id === reminder.id)
      assert.equal(seen.due, true)
      assert.deepEqual(await importFiles([tollFile('period-same', { rates, period: TOLL_PERIOD_2026 })]), { subjectIds: [], reminders: 0 })
    })
  })

  describe(`公布时提醒 across a restart: ${engine.name}`, { skip: engine.skip }, () => {
    test('queued by an import, the server stops before sending; the next server sends it once', { timeout: 60_000 }, async () => {
      const store = await engine.open()
      const config = testReminderConfig()
      const fake = await startFakeWechat()
      const first = await startHarness({ WECHAT_API_BASE: fake.baseUrl }, { db: store.db, deps: { reminders: config } })
      let second: Harness | null = null
      try {
        first.clock.now = NOW
        const resident = await wechatResident(first, `published-restart-${engine.name}`)
        fake.messages.grant(resident.openid, TEMPLATE)
        const created = await first.request({
          method: 'POST',
          url: '/api/v1/me/reminders',
          headers: auth(resident.token),
          payload: { kind: 'rule-published', subjectId: 'measure:furniture', subscribe: tap({ [TEMPLATE]: 'accept' }) },
        })
        assert.equal(created.statusCode, 201, created.body)
        const result = await importParsedFiles(first.db, [subsidyFile('furniture', { measures: { furniture: furnitureRule(15) } })], { source: 'test', now: NOW })
        assert.ok(result.ok && result.published.reminders === 1)
        await first.close()

        second = await startHarness({ WECHAT_API_BASE: fake.baseUrl }, { db: await store.reopen(), seed: false, deps: { reminders: config } })
        second.clock.now = new Date(NOW.getTime() + 5_000)
        assert.equal((await second.reminders.scheduler.drain()).sent, 1)
        assert.equal((await second.reminders.scheduler.drain()).claimed, 0)
        assert.equal(fake.messages.delivered.filter((message) => message.touser === resident.openid).length, 1)
      } finally {
        await second?.close()
        await fake.close()
        await store.cleanup()
      }
    })
  })
}
