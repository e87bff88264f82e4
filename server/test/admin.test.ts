/**
 * The operators' console API (issue 17): every admin route refuses anonymous callers, residents,
 * merchants and an operator role reached through the mini-program's login; 审计 reads and is
 * refused every change; 运营 may do it all. Then staff sign-in (setup link once, TOTP replay,
 * lockout, expiry), the batch life cycle with the pause switch, settlement totals in CSV and
 * XLSX against the batch budgets, policy corrections as a dry run then applied, merchant
 * suspension, and an event moved with its reminders following. Responses are checked against
 * the same schemas the console imports from src/domain/admin.
 */
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import readXlsxFile from 'read-excel-file/node'
import {
  adminBatchSchema,
  auditEntrySchema,
  dashboardSchema,
  policyImportResultSchema,
  residentViewSchema,
  settlementSchema,
} from '../../src/domain/admin/schemas'
import { MS_PER_DAY } from '../../src/domain/time'
import { toIsoShanghaiMs } from '../../src/domain/time/shanghai'
import { MAX_FAILED_SIGN_INS } from '../src/admin/staff'
import { HAS_CHINESE, startHarness, type Harness } from './helpers/harness'
import { nextStep, setUpStaff, STAFF_PASSWORD, staffSession, totpAt } from './helpers/staff'
import { rushBatch } from './helpers/voucher-fixtures'

const MINUTE = 60_000

describe('operators’ console API', () => {
  let h: Harness
  let operator: { headers: { authorization: string }; userId: string }
  let auditor: { headers: { authorization: string }; userId: string }
  let resident: { token: string; userId: string }
  let bystander: { token: string; userId: string }
  let merchant: { token: string; userId: string }
  let devOperator: { token: string; userId: string }
  let merchantId: string
  let eventId: string
  let matrixEventId: string
  let matrixStaffId: string
  let batchId: string

  const key = (() => {
    let n = 0
    return () => `admin-test-${Date.now()}-${(n += 1)}`
  })()
  const claim = (token: string, id: string) =>
    h.request({ method: 'POST', url: `/api/v1/batches/${id}/claims`, headers: { authorization: `Bearer ${token}`, 'idempotency-key': key() } })

  before(async () => {
    h = await startHarness({}, { deps: { vouchers: { timers: false } } })
    operator = await staffSession(h, 'ops.zhang', 'operator')
    auditor = await staffSession(h, 'audit.li', 'auditor')
    resident = await h.login('控制台测试居民')
    bystander = await h.login('控制台矩阵居民')
    const [shop] = await h.db.query<{ id: string }>("select id from merchants where category = 'catering' order by id limit 1")
    merchantId = shop.id
    merchant = await h.login('控制台测试店员', 'merchant', merchantId)
    devOperator = await h.login('控制台测试小程序运营', 'operator')
    const [event, other] = await h.db.query<{ id: string }>("select id from events where starts_at > now() + interval '3 days' and doc->'recurrence' is null order by starts_at limit 2")
    eventId = event.id
    matrixEventId = other.id
    matrixStaffId = (await setUpStaff(h, 'matrix.target', 'auditor')).userId
    const [batch] = await h.db.query<{ id: string }>('select id from voucher_batches order by id limit 1')
    batchId = batch.id
  })
  after(() => h.close())

  test('every admin route: anonymous 401, resident / merchant / mini-program operator 403, 审计 reads only, 运营 allowed', async () => {
    const routes: { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; url: string; write: boolean; payload?: unknown }[] = [
      { method: 'GET', url: '/api/v1/admin/auth/me', write: false },
      { method: 'GET', url: '/api/v1/admin/dashboard', write: false },
      { method: 'GET', url: '/api/v1/admin/batches', write: false },
      { method: 'GET', url: `/api/v1/admin/batches/${batchId}`, write: false },
      { method: 'POST', url: '/api/v1/admin/batches/validate', write: false, payload: { id: 'x' } },
      { method: 'PUT', url: '/api/v1/admin/batches/matrix-draft/draft', write: true, payload: rushBatch('matrix-draft', h.clock.now.getTime(), { quota: 10, opensInMs: 2 * MS_PER_DAY }) },
      { method: 'POST', url: '/api/v1/admin/batches/matrix-draft/publish', write: true },
      { method: 'PUT', url: '/api/v1/admin/batches/matrix-draft', write: true, payload: rushBatch('matrix-draft', h.clock.now.getTime(), { quota: 12, opensInMs: 2 * MS_PER_DAY }) },
      { method: 'POST', url: '/api/v1/admin/batches/matrix-draft/rounds/r1/pause', write: true, payload: { paused: true } },
      { method: 'POST', url: '/api/v1/admin/batches/matrix-draft/close', write: true },
      { method: 'GET', url: '/api/v1/admin/exports/redemptions?from=2026-01-01&to=2026-12-31', write: false },
      { method: 'GET', url: `/api/v1/admin/residents/${resident.userId}`, write: false },
      { method: 'POST', url: `/api/v1/admin/residents/${bystander.userId}/revoke-sessions`, write: true },
      { method: 'GET', url: '/api/v1/admin/merchants', write: false },
      { method: 'PUT', url: `/api/v1/admin/merchants/matrix-shop`, write: true, payload: { id: 'matrix-shop', name: '矩阵小店', county: '330802', category: 'catering', address: '衢州市柯城区测试路 1 号' } },
      { method: 'POST', url: '/api/v1/admin/merchants/matrix-shop/suspend', write: true, payload: { suspended: true } },
      { method: 'POST', url: '/api/v1/admin/merchants/matrix-shop/accounts', write: true, payload: { userId: bystander.userId } },
      { method: 'DELETE', url: `/api/v1/admin/merchants/matrix-shop/accounts/${bystander.userId}`, write: true },
      { method: 'GET', url: '/api/v1/admin/events?from=2026-01-01&to=2027-12-31', write: false },
      { method: 'PUT', url: `/api/v1/admin/events/${matrixEventId}`, write: true, payload: { id: 'placeholder' } },
      { method: 'POST', url: `/api/v1/admin/events/${matrixEventId}/move`, write: true, payload: { start: '2027-01-01', end: '2027-01-01', changeNote: '改期' } },
      { method: 'POST', url: `/api/v1/admin/events/${matrixEventId}/cancel`, write: true, payload: { changeNote: '天气原因取消' } },
      { method: 'GET', url: '/api/v1/admin/policy', write: false },
      { method: 'POST', url: '/api/v1/admin/policy/dry-run', write: false, payload: { fileName: 'x.json', contentBase64: Buffer.from('{}').toString('base64') } },
      { method: 'POST', url: '/api/v1/admin/policy/import', write: true, payload: { fileName: 'x.json', contentBase64: Buffer.from('{}').toString('base64') } },
      { method: 'GET', url: '/api/v1/admin/policy/imports', write: false },
      { method: 'GET', url: '/api/v1/admin/staff', write: false },
      { method: 'POST', url: '/api/v1/admin/staff', write: true, payload: { account: 'matrix.new', role: 'auditor' } },
      { method: 'PUT', url: `/api/v1/admin/staff/${matrixStaffId}/role`, write: true, payload: { role: 'auditor' } },
      { method: 'POST', url: `/api/v1/admin/staff/${matrixStaffId}/reset`, write: true },
      { method: 'GET', url: '/api/v1/admin/audit', write: false },
      { method: 'POST', url: '/api/v1/admin/auth/logout', write: false },
    ]
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
    for (const route of routes) {
      const send = (headers: Record<string, string>) => h.request({ method: route.method, url: route.url, headers, ...(route.payload !== undefined ? { payload: route.payload as object } : {}) })
      const anonymous = await send({})
      assert.equal(anonymous.statusCode, 401, `${route.method} ${route.url} anonymous: ${anonymous.body}`)
      for (const [who, token] of [['resident', resident.token], ['merchant', merchant.token], ['mini-program operator', devOperator.token]] as const) {
        const refused = await send(bearer(token))
        assert.equal(refused.statusCode, 403, `${route.method} ${route.url} as ${who}: ${refused.body}`)
        assert.equal(refused.json().error.code, 'STAFF_ONLY')
      }
      if (route.url.endsWith('/logout')) continue
      const asAuditor = await send(auditor.headers)
      if (route.write) {
        assert.equal(asAuditor.statusCode, 403, `${route.method} ${route.url} as 审计: ${asAuditor.body}`)
        assert.equal(asAuditor.json().error.code, 'READ_ONLY')
        assert.match(asAuditor.json().error.message, HAS_CHINESE)
      } else {
        assert.ok(asAuditor.statusCode < 400, `${route.method} ${route.url} as 审计: ${asAuditor.statusCode} ${asAuditor.body}`)
      }
      const asOperator = await send(operator.headers)
      assert.ok(![401, 403].includes(asOperator.statusCode), `${route.method} ${route.url} as 运营: ${asOperator.statusCode} ${asOperator.body}`)
      assert.ok(asOperator.statusCode < 500, `${route.method} ${route.url} as 运营: ${asOperator.body}`)
    }
    // Every admin route of the OpenAPI document is in the table above.
    const documented = Object.entries((h.app.swagger() as { paths: Record<string, Record<string, unknown>> }).paths)
      // Sign-in and setup are public; /admin/users and /admin/staff-refusals are the mini-program's operator routes (tested in authorization.test.ts).
      .filter(([path]) => path.startsWith('/api/v1/admin/') && !/^\/api\/v1\/admin\/(auth\/login|auth\/setup|users|staff-refusals)/.test(path))
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`))
    const tested = new Set(routes.map((route) => `${route.method} ${route.url.split('?')[0]}`))
    for (const entry of documented) {
      const pattern = new RegExp(`^${entry.replace(/\{[^}]+\}/g, '[^/]+').replace(/:[A-Za-z]+/g, '[^/]+')}$`)
      assert.ok([...tested].some((item) => pattern.test(item)), `admin route without an authorization test: ${entry}`)
    }
  })

  test('staff sign-in: the setup link works once, a code is accepted once, 5 failures lock the account, sessions expire', async () => {
    const { secret } = await setUpStaff(h, 'ops.lockout', 'operator')
    const login = async (password: string, code?: string) =>
      h.request({ method: 'POST', url: '/api/v1/admin/auth/login', payload: { account: 'ops.lockout', password, code: code ?? (await totpAt(secret, h.clock.now)) } })
    // The code used for the setup is spent: the same step is refused.
    const replay = await login(STAFF_PASSWORD)
    assert.equal(replay.statusCode, 401, replay.body)
    nextStep(h)
    const ok = await login(STAFF_PASSWORD)
    assert.equal(ok.statusCode, 200, ok.body)
    const { token, expiresAt } = ok.json().data
    assert.ok(Date.parse(expiresAt) - h.clock.now.getTime() <= 8 * 3_600_000 + 1000)
    for (let attempt = 1; attempt < MAX_FAILED_SIGN_INS; attempt += 1) {
      nextStep(h)
      const wrong = await login('wrong password here')
      assert.equal(wrong.statusCode, 401)
      assert.equal(wrong.json().error.code, 'SIGN_IN_FAILED')
      assert.match(wrong.json().error.message, /账号、密码或验证码不正确/)
    }
    nextStep(h)
    const locked = await login('wrong password here')
    assert.equal(locked.statusCode, 423, locked.body)
    assert.equal(locked.json().error.code, 'ACCOUNT_LOCKED')
    nextStep(h)
    assert.equal((await login(STAFF_PASSWORD)).statusCode, 423, 'the right password is refused while locked')
    h.clock.now = new Date(h.clock.now.getTime() + 15 * MINUTE)
    assert.equal((await login(STAFF_PASSWORD)).statusCode, 200, 'unlocked after 15 minutes')
    // The first session has expired by now? Not yet (8 h); move past it.
    h.clock.now = new Date(Date.parse(expiresAt) + 1000)
    const expired = await h.request({ method: 'GET', url: '/api/v1/admin/auth/me', headers: { authorization: `Bearer ${token}` } })
    assert.equal(expired.statusCode, 401)
    assert.equal(expired.json().error.code, 'AUTH_EXPIRED')
    h.clock.now = new Date()
    operator = await staffSession(h, 'ops.after-expiry', 'operator')
    auditor = await staffSession(h, 'audit.after-expiry', 'auditor')
  })

  test('a batch: draft → validate → publish → claim → pause (claims refused in Chinese) → resume; safe edits only; all audited', async () => {
    const at = h.clock.now.getTime()
    const batch = rushBatch('console-rush', at, { quota: 5, perRound: 1, opensInMs: -MINUTE, lastsMs: 2 * 3_600_000 })
    const invalid = await h.request({ method: 'POST', url: '/api/v1/admin/batches/validate', headers: operator.headers, payload: { ...batch, thresholdFen: 100 } })
    assert.equal(invalid.json().data.ok, false)
    assert.ok(invalid.json().data.problems.some((problem: { path: string }) => problem.path === 'thresholdFen'))
    const draft = await h.request({ method: 'PUT', url: '/api/v1/admin/batches/console-rush/draft', headers: operator.headers, payload: batch })
    assert.equal(draft.statusCode, 200, draft.body)
    assert.equal(adminBatchSchema.parse(draft.json().data).status, 'draft')
    assert.equal((await claim(resident.token, 'console-rush')).statusCode, 404, 'a draft is not visible to residents')
    const published = await h.request({ method: 'POST', url: '/api/v1/admin/batches/console-rush/publish', headers: operator.headers })
    assert.equal(published.statusCode, 200, published.body)
    assert.equal(adminBatchSchema.parse(published.json().data).status, 'open')
    assert.equal((await claim(resident.token, 'console-rush')).statusCode, 201)

    const paused = await h.request({ method: 'POST', url: '/api/v1/admin/batches/console-rush/rounds/r1/pause', headers: operator.headers, payload: { paused: true } })
    assert.equal(paused.statusCode, 200, paused.body)
    assert.equal(adminBatchSchema.parse(paused.json().data).rounds[0].paused, true)
    const other = await h.login('控制台测试居民乙')
    const refused = await claim(other.token, 'console-rush')
    assert.equal(refused.statusCode, 409)
    assert.equal(refused.json().error.code, 'ROUND_PAUSED')
    assert.match(refused.json().error.message, /暂停/)
    const dashboard = dashboardSchema.parse((await h.request({ method: 'GET', url: '/api/v1/admin/dashboard', headers: auditor.headers })).json().data)
    const row = dashboard.rounds.find((round) => round.batchId === 'console-rush')
    assert.ok(row && row.paused && row.claimed === 1 && row.remaining === 4, JSON.stringify(row))
    assert.ok(dashboard.refusals.some((refusal) => refusal.code === 'ROUND_PAUSED'))
    await h.request({ method: 'POST', url: '/api/v1/admin/batches/console-rush/rounds/r1/pause', headers: operator.headers, payload: { paused: false } })
    assert.equal((await claim(other.token, 'console-rush')).statusCode, 201)

    const frozen = await h.request({ method: 'PUT', url: '/api/v1/admin/batches/console-rush', headers: operator.headers, payload: { ...batch, faceValueFen: 1000 } })
    assert.equal(frozen.statusCode, 409)
    assert.match(frozen.json().error.message, /面额/)
    const safe = await h.request({ method: 'PUT', url: '/api/v1/admin/batches/console-rush', headers: operator.headers, payload: { ...batch, title: '改名后的批次', rounds: [{ ...batch.rounds[0], quota: 8 }] } })
    assert.equal(safe.statusCode, 200, safe.body)
    assert.equal(adminBatchSchema.parse(safe.json().data).rounds[0].total, 8)

    const audit = await h.request({ method: 'GET', url: '/api/v1/admin/audit?targetId=console-rush:r1', headers: auditor.headers })
    const actions = audit.json().data.map((entry: unknown) => auditEntrySchema.parse(entry).action)
    assert.deepEqual(actions.sort(), ['batch.round.pause', 'batch.round.resume'])
    const publishEntry = (await h.request({ method: 'GET', url: '/api/v1/admin/audit?action=batch.publish&targetId=console-rush', headers: auditor.headers })).json().data[0]
    assert.equal(publishEntry.actorAccount, 'ops.after-expiry')

    const closed = await h.request({ method: 'POST', url: '/api/v1/admin/batches/console-rush/close', headers: operator.headers })
    assert.equal(closed.statusCode, 200, closed.body)
    assert.equal(closed.json().data.unclaimed[0].unclaimed, 6)
    const afterClose = await claim((await h.login('控制台测试居民丙')).token, 'console-rush')
    assert.equal(afterClose.statusCode, 409)
    assert.equal(afterClose.json().error.code, 'CLOSED')
  })

  test('settlement: per merchant, day and batch; restored refunds not paid; CSV and XLSX totals equal the batch budgets’ records', async () => {
    const at = h.clock.now.getTime()
    const batch = rushBatch('console-settle', at, { quota: 20, perRound: 5, perBatch: 5, extra: { faceValueFen: 1000, thresholdFen: 5000 } })
    await h.request({ method: 'PUT', url: '/api/v1/admin/batches/console-settle/draft', headers: operator.headers, payload: batch })
    assert.equal((await h.request({ method: 'POST', url: '/api/v1/admin/batches/console-settle/publish', headers: operator.headers })).statusCode, 200)
    const buyer = await h.login('控制台对账居民')
    const redemptionIds: string[] = []
    for (let i = 0; i < 3; i += 1) {
      const voucherId = (await claim(buyer.token, 'console-settle')).json().data.voucher.id
      const code = (await h.request({ method: 'POST', url: `/api/v1/me/vouchers/${voucherId}/code`, headers: { authorization: `Bearer ${buyer.token}` } })).json().data.token
      const redeemed = await h.request({ method: 'POST', url: '/api/v1/merchant/redemptions', headers: { authorization: `Bearer ${merchant.token}` }, payload: { code, orderAmountFen: 6000 + i, orderId: `settle-${i}` } })
      assert.equal(redeemed.statusCode, 201, redeemed.body)
      redemptionIds.push(redeemed.json().data.redemption.id)
    }
    const refunded = await h.request({ method: 'POST', url: '/api/v1/merchant/refunds', headers: { authorization: `Bearer ${merchant.token}` }, payload: { redemptionId: redemptionIds[0], full: true } })
    assert.equal(refunded.json().data.outcome, 'RESTORED')
    const today = toIsoShanghaiMs(h.clock.now.getTime()).slice(0, 10)
    const url = `/api/v1/admin/exports/redemptions?from=${today}&to=${today}&batchId=console-settle`
    const settlement = settlementSchema.parse((await h.request({ method: 'GET', url, headers: auditor.headers })).json().data)
    assert.deepEqual(
      { n: settlement.totals.redemptions, discount: settlement.totals.discountFen, restored: settlement.totals.restoredFen, net: settlement.totals.netFen },
      { n: 3, discount: 3000, restored: 1000, net: 2000 },
    )
    const [budget] = await h.db.query<{ redeemed_fen: string }>("select redeemed_fen from voucher_batch_totals where batch_id = 'console-settle'")
    assert.equal(Number(budget.redeemed_fen), settlement.totals.netFen)
    const csv = await h.request({ method: 'GET', url: `${url}&format=csv`, headers: auditor.headers })
    assert.match(String(csv.headers['content-type']), /text\/csv/)
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n')
    assert.equal(lines.length, 3, 'header, one row, 合计')
    const header = lines[0].split(',')
    const total = lines[2].split(',')
    assert.equal(total[0], '合计')
    assert.equal(total[header.indexOf('应结算金额（元）')], '20.00')
    assert.equal(total[header.indexOf('抵扣金额（元）')], '30.00')
    const xlsx = await h.request({ method: 'GET', url: `${url}&format=xlsx`, headers: auditor.headers })
    const [{ data: sheet }] = (await readXlsxFile(xlsx.rawPayload)) as unknown as { data: unknown[][] }[]
    const last = sheet[sheet.length - 1]
    assert.equal(last[0], '合计')
    assert.equal(last[(sheet[0] as string[]).indexOf('应结算金额（元）')], 20)
    const exported = (await h.request({ method: 'GET', url: '/api/v1/admin/audit?action=export.redemptions', headers: auditor.headers })).json().data
    assert.ok(exported.length >= 2, 'each file export is audited')
  })

  test('policy correction: dry run lists before → after by screen and writes nothing; import applies it, with who in the history', async () => {
    const [shop] = await h.db.query<{ doc: Record<string, unknown> }>('select doc from merchants where id = $1', [merchantId])
    const changed = { ...shop.doc, address: '衢州市柯城区更正后的地址 8 号' }
    const body = { fileName: 'fix-address.json', contentBase64: Buffer.from(JSON.stringify({ merchants: [changed] }, null, 2)).toString('base64') }
    const dryResponse = await h.request({ method: 'POST', url: '/api/v1/admin/policy/dry-run', headers: auditor.headers, payload: body })
    assert.equal(dryResponse.statusCode, 200, dryResponse.body)
    const dry = policyImportResultSchema.parse(dryResponse.json().data)
    assert.equal(dry.ok, true)
    assert.equal(dry.applied, false)
    assert.deepEqual(dry.changes.map((change) => [change.screen, change.change, change.fields]), [['消费券 · 适用商户', 'changed', [{ path: 'address', before: shop.doc.address, after: changed.address }]]])
    const [still] = await h.db.query<{ doc: { address: string } }>('select doc from merchants where id = $1', [merchantId])
    assert.equal(still.doc.address, shop.doc.address)
    const bad = policyImportResultSchema.parse((await h.request({ method: 'POST', url: '/api/v1/admin/policy/dry-run', headers: operator.headers, payload: { fileName: 'bad.yaml', contentBase64: Buffer.from('merchants:\n  - id: x\n').toString('base64') } })).json().data)
    assert.equal(bad.ok, false)
    assert.ok(bad.problems.every((problem) => HAS_CHINESE.test(problem.reason)))
    const applied = policyImportResultSchema.parse((await h.request({ method: 'POST', url: '/api/v1/admin/policy/import', headers: operator.headers, payload: body })).json().data)
    assert.equal(applied.applied, true)
    const [now] = await h.db.query<{ doc: { address: string } }>('select doc from merchants where id = $1', [merchantId])
    assert.equal(now.doc.address, changed.address)
    const history = (await h.request({ method: 'GET', url: '/api/v1/admin/policy/imports', headers: auditor.headers })).json().data
    assert.equal(history[0].by, 'ops.after-expiry')
    assert.deepEqual(history[0].files, ['fix-address.json'])
  })

  test('merchants: a suspended merchant cannot redeem; residents: claims without personal data, sessions revoked', async () => {
    const suspended = await h.request({ method: 'POST', url: `/api/v1/admin/merchants/${merchantId}/suspend`, headers: operator.headers, payload: { suspended: true } })
    assert.equal(suspended.json().data.suspended, true)
    const voucherId = (await claim(resident.token, 'console-settle')).json().data.voucher?.id
    if (voucherId) {
      const code = (await h.request({ method: 'POST', url: `/api/v1/me/vouchers/${voucherId}/code`, headers: { authorization: `Bearer ${resident.token}` } })).json().data.token
      const refused = await h.request({ method: 'POST', url: '/api/v1/merchant/redemptions', headers: { authorization: `Bearer ${merchant.token}` }, payload: { code, orderAmountFen: 9000, orderId: 'suspended-1' } })
      assert.equal(refused.statusCode, 403)
      assert.equal(refused.json().error.code, 'MERCHANT_SUSPENDED')
    }
    await h.request({ method: 'POST', url: `/api/v1/admin/merchants/${merchantId}/suspend`, headers: operator.headers, payload: { suspended: false } })
    const fresh = await h.login('控制台注销居民')
    await claim(fresh.token, 'console-settle')
    const view = residentViewSchema.parse((await h.request({ method: 'GET', url: `/api/v1/admin/residents/${fresh.userId}`, headers: auditor.headers })).json().data)
    assert.equal(view.claims.length, 1)
    assert.equal(view.activeSessions, 1)
    assert.ok(!('nickname' in view) && !('openid' in view))
    const revoked = await h.request({ method: 'POST', url: `/api/v1/admin/residents/${fresh.userId}/revoke-sessions`, headers: operator.headers })
    assert.equal(revoked.json().data.revoked, 1)
    assert.equal((await h.request({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${fresh.token}` } })).statusCode, 401)
  })

  test('events: moving an event moves its residents’ reminders; cancelling stops them', async () => {
    const fan = await h.login('控制台活动居民')
    const made = await h.request({ method: 'POST', url: '/api/v1/me/reminders', headers: { authorization: `Bearer ${fan.token}` }, payload: { kind: 'event-starting', subjectId: eventId } })
    assert.ok(made.statusCode < 300, made.body)
    const before = made.json().data.reminder
    const [stored] = await h.db.query<{ doc: { start: string; end: string; allDay: boolean } }>('select doc from events where id = $1', [eventId])
    const shift = (text: string) => (stored.doc.allDay ? toIsoShanghaiMs(Date.parse(`${text}T00:00:00+08:00`) + 7 * MS_PER_DAY).slice(0, 10) : toIsoShanghaiMs(Date.parse(text) + 7 * MS_PER_DAY).replace('.000', ''))
    const moved = await h.request({ method: 'POST', url: `/api/v1/admin/events/${eventId}/move`, headers: operator.headers, payload: { start: shift(stored.doc.start), end: shift(stored.doc.end), changeNote: '因场地调整推迟一周' } })
    assert.equal(moved.statusCode, 200, moved.body)
    assert.equal(moved.json().data.remindersUpdated, 1)
    const afterMove = (await h.request({ method: 'GET', url: `/api/v1/me/reminders/${before.id}`, headers: { authorization: `Bearer ${fan.token}` } })).json().data
    assert.equal(Date.parse(afterMove.targetAt) - Date.parse(before.targetAt), 7 * MS_PER_DAY, JSON.stringify(afterMove))
    const cancelled = await h.request({ method: 'POST', url: `/api/v1/admin/events/${eventId}/cancel`, headers: operator.headers, payload: { changeNote: '因天气原因取消' } })
    assert.equal(cancelled.statusCode, 200, cancelled.body)
    const [{ pending }] = await h.db.query<{ pending: number }>("select count(*)::int as pending from reminder_deliveries where reminder_id = $1 and status = 'pending'", [before.id])
    assert.equal(pending, 0)
  })
})
