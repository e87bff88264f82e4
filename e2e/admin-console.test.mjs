/**
 * The operators' console journey (issue 17), at a desk (Chromium 1366 × 768) against its own real
 * server (fresh PGlite store, sample content, the H5 app and the console): an operator made with the
 * CLI (`npm run server:admin -- create-operator`) opens the one-time setup link, sets a password and
 * enrols an authenticator (the TOTP code is computed here from the shown secret, RFC 6238), signs in
 * with password + code, creates and publishes a batch with one round, watches a resident's claim from
 * the H5 app appear on 今日, pauses the round (the app's next claim is refused in plain Chinese),
 * exports the day's redemptions and checks the totals, and finds both actions in the audit log.
 * axe-core finds no serious or critical violation on any console page.
 */
import assert from 'node:assert/strict'
import { createHmac, randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { startAppServer } from '../scripts/lib/app-server.mjs'
import { scanAccessibility } from './lib/axe.mjs'
import { launchDesk, launchPhone, screenshot, visiblePage } from './lib/browser.mjs'

const root = new URL('..', import.meta.url).pathname
const ACCOUNT = 'ops.journey'
const PASSWORD = 'quzhou winter vouchers 2026'
const BATCH_ID = `journey-${randomUUID().slice(0, 6)}`
const TITLE = `旅程测试券 ${BATCH_ID.slice(-6)}`

/** RFC 6238 TOTP (SHA-1, 30 s, 6 digits) from a Base32 secret: what an authenticator app shows. */
function totp(secret, atMs) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  let bits = ''
  for (const char of secret.replace(/=+$/, '').toUpperCase()) bits += alphabet.indexOf(char).toString(2).padStart(5, '0')
  const key = Buffer.from(bits.match(/.{8}/g).map((byte) => parseInt(byte, 2)))
  const counter = Buffer.alloc(8)
  counter.writeBigUInt64BE(BigInt(Math.floor(atMs / 30_000)))
  const hmac = createHmac('sha1', key).update(counter).digest()
  const offset = hmac[hmac.length - 1] & 0xf
  return String((hmac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0')
}

/** 'YYYY-MM-DD HH:mm' in Shanghai for an instant. */
function shanghai(ms) {
  return new Date(ms).toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 16)
}

let server
let desk
let phone

before(async () => {
  server = await startAppServer({ root, staticDir: join(root, 'dist/h5'), operators: [ACCOUNT] })
  desk = await launchDesk()
  phone = await launchPhone()
})

after(async () => {
  await phone?.close()
  await desk?.close()
  await server?.close()
})

async function api(method, path, { token, body, key } = {}) {
  const response = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}), ...(key ? { 'idempotency-key': key } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  })
  const json = await response.json()
  assert.ok(response.ok, `${method} ${path}: ${response.status} ${JSON.stringify(json)}`)
  return json.data
}

test('an operator sets up, signs in, publishes a batch, watches a claim, pauses the round, exports and audits', async () => {
  const { page, consoleErrors } = desk
  const problems = []
  const axe = async (label) => {
    // A toast fades in and out over ~3 s (half transparent while it does): scan the page without it.
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined)
    await page.waitForTimeout(300)
    const blocking = await scanAccessibility(page, label)
    if (blocking.length) problems.push(`${label}: ${JSON.stringify(blocking)}`)
  }

  // The one-time setup link printed by the CLI.
  assert.ok(server.setupPaths[ACCOUNT], 'the CLI printed a setup link')
  await page.goto(`${server.url}${server.setupPaths[ACCOUNT]}`)
  const secret = (await page.getByTestId('totp-secret').textContent()).trim()
  assert.match(secret, /^[A-Z2-7]{16,}$/)
  await page.getByRole('img', { name: '身份验证器二维码' }).waitFor()
  await axe('setup page')
  await page.getByLabel('新密码（至少 12 位）').fill(PASSWORD)
  await page.getByLabel('再输入一次新密码').fill(PASSWORD)
  const setupAt = Date.now()
  await page.getByLabel('身份验证器上显示的 6 位验证码').fill(totp(secret, setupAt))
  await page.getByRole('button', { name: '完成设置' }).click()
  await page.getByText(`账号 ${ACCOUNT} 已设置好`).waitFor()
  await page.getByRole('button', { name: '去登录' }).click()

  // Sign in: a code is accepted once, so wait for the authenticator's next code.
  await page.getByRole('button', { name: '登录' }).waitFor()
  await axe('sign-in page')
  const nextStepAt = (Math.floor(setupAt / 30_000) + 1) * 30_000
  await page.getByLabel('账号').fill(ACCOUNT)
  await page.getByLabel('密码').fill('a wrong password!')
  await page.waitForTimeout(Math.max(0, nextStepAt - Date.now() + 500))
  await page.getByLabel('验证码（身份验证器上的 6 位数字）').fill(totp(secret, Date.now()))
  await page.getByRole('button', { name: '登录' }).click()
  await page.getByRole('alert').getByText(/账号、密码或验证码不正确/).waitFor()
  await page.getByLabel('密码').fill(PASSWORD)
  await page.getByRole('button', { name: '登录' }).click()
  await page.getByText(`${ACCOUNT}（运营）`).waitFor({ timeout: 15_000 })
  await page.getByText('今日开抢和进行中的轮次').waitFor()
  await screenshot(page, 'admin-dashboard')

  // A batch with one round, open from a minute ago for two hours.
  await page.getByRole('link', { name: '消费券批次' }).click()
  await page.getByRole('button', { name: '新建批次' }).click()
  const opens = Math.floor((Date.now() - 60_000) / 60_000) * 60_000
  await page.getByLabel('批次编号').fill(BATCH_ID)
  await page.getByLabel('批次名称（居民看到的标题）').fill(TITLE)
  await page.getByLabel('面额：减（元）').fill('5')
  await page.getByLabel('门槛：满（元，0 为无门槛）').fill('20')
  await page.getByLabel('每人每轮限领（张）').fill('2')
  await page.getByLabel('每人整批限领（张）').fill('2')
  await page.getByLabel('开抢时间').fill(shanghai(opens))
  await page.getByLabel('结束时间').fill(shanghai(opens + 2 * 3_600_000))
  await page.getByLabel('名额（张）').fill('100')
  await page.getByLabel('总预算（元）').fill('10')
  await page.getByRole('button', { name: '校验' }).click()
  await page.getByText(/各轮名额合计 100 张 × 面额超过了总预算/).first().waitFor()
  await page.getByLabel('总预算（元）').fill('1000')
  await page.getByRole('button', { name: '校验' }).click()
  await page.getByText('校验通过：批次规则、商户和活动都没有问题').waitFor()
  await page.getByRole('button', { name: '手机预览' }).click()
  const preview = page.getByRole('region', { name: '居民手机上的样子（预览）' })
  await preview.getByText(TITLE).waitFor()
  await preview.getByText('满 20 元可用').waitFor()
  const screen = await preview.evaluate((element) => getComputedStyle(element).width + ' × ' + getComputedStyle(element).height)
  assert.equal(screen, '375px × 667px', 'the preview is a phone screen')
  await axe('batch form with preview')
  await page.getByRole('dialog', { name: '居民看到的样子' }).getByRole('button', { name: /Close|关闭/ }).click()
  await page.getByRole('button', { name: '保存草稿' }).click()
  await page.getByText('草稿已保存（居民看不到）').waitFor()
  await page.getByRole('button', { name: TITLE }).click()
  await page.getByRole('button', { name: '发布', exact: true }).click()
  await page.getByText('发布后居民立即能在“消费券”里看到这个批次').waitFor()
  await axe('publish confirmation')
  await page.getByRole('dialog', { name: `发布「${TITLE}」？` }).getByRole('button', { name: '发布', exact: true }).click()
  await page.getByText('已发布，居民现在可以看到这个批次').waitFor()
  await axe('batches page with a batch open')

  // A resident claims it in the H5 app.
  const resident = phone.page
  await resident.goto(`${server.url}/#/pages/vouchers/index`)
  const card = visiblePage(resident).getByRole('region', { name: TITLE })
  await card.getByRole('button', { name: `立即领取：${TITLE}` }).click({ timeout: 20_000 })
  const outcome = card.locator('.claim__outcome').getByText(/^[✓✗⚠] /)
  await outcome.waitFor({ timeout: 15_000 })
  assert.match(await outcome.textContent(), /^✓ 领取成功/)

  // A redemption at a sample restaurant today, for the settlement export.
  const buyer = await api('POST', '/auth/dev', { body: { name: '旅程对账居民' } })
  const claimed = await api('POST', `/batches/${BATCH_ID}/claims`, { token: buyer.token, key: randomUUID() })
  const code = await api('POST', `/me/vouchers/${claimed.voucher.id}/code`, { token: buyer.token })
  const shops = await api('GET', '/merchants?category=catering')
  const cashier = await api('POST', '/auth/dev', { body: { name: '旅程对账店员', role: 'merchant', merchantId: shops[0].id } })
  await api('POST', '/merchant/redemptions', { token: cashier.token, key: randomUUID(), body: { code: code.token, orderAmountFen: 3000, orderId: `journey-${BATCH_ID}` } })

  // 今日 shows both claims of the round.
  await page.keyboard.press('Escape')
  await page.getByRole('link', { name: '今日' }).click()
  await page.getByTestId(`claimed-${BATCH_ID}-r1`).getByText('2 / 100').waitFor({ timeout: 10_000 })
  await axe('dashboard')
  await screenshot(page, 'admin-dashboard-claims')

  // Pause the round: the switch asks first and says what residents will see.
  await page.getByRole('link', { name: '消费券批次' }).click()
  await page.getByRole('button', { name: TITLE }).click()
  await page.getByRole('switch', { name: /第 r1 轮领取开关：开放/ }).click()
  await page.getByText(/居民点“领取”会看到：本轮领取已暂停/).waitFor()
  await page.getByRole('dialog', { name: '暂停第 r1 轮领取？' }).getByRole('button', { name: '暂停领取' }).click()
  await page.getByRole('switch', { name: /第 r1 轮领取开关：已暂停/ }).waitFor()
  await screenshot(page, 'admin-round-paused')
  await card.getByRole('button', { name: `立即领取：${TITLE}` }).click()
  await resident.waitForTimeout(300)
  await card.locator('.claim__outcome').getByText(/暂停/).waitFor({ timeout: 15_000 })
  assert.match(await card.locator('.claim__outcome').textContent(), /本轮领取已暂停，请稍后再试/)
  await screenshot(resident, 'admin-resident-paused')

  // Export the day's redemptions of this batch; the totals on screen, in the API and in the CSV agree.
  await page.keyboard.press('Escape')
  await page.getByRole('link', { name: '对账导出' }).click()
  await page.getByLabel('批次编号').fill(BATCH_ID)
  await page.getByRole('button', { name: '查询' }).click()
  await page.getByTestId('total-net').getByText('¥5.00').waitFor()
  assert.equal(await page.getByTestId('total-redemptions').textContent(), '1')
  await axe('exports page')
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 CSV' }).click()])
  const csv = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n')
  const header = csv[0].split(',')
  const total = csv[csv.length - 1].split(',')
  assert.equal(total[0], '合计')
  assert.equal(total[header.indexOf('应结算金额（元）')], '5.00')
  assert.equal(total[header.indexOf('核销笔数')], '1')
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel（XLSX）' }).click()])
  assert.match(xlsx.suggestedFilename(), /\.xlsx$/)

  // Both actions are in the audit log, with who did them.
  await page.getByRole('link', { name: '审计日志' }).click()
  await page.getByText(`发布批次「${TITLE}」`, { exact: false }).waitFor()
  await page.getByText(`暂停「${TITLE}」第 1 轮领取`).waitFor()
  assert.ok((await page.getByRole('cell', { name: `${ACCOUNT}（运营）` }).count()) >= 2)
  await axe('audit log')

  for (const [menu, text] of [
    ['商户', '核销账号'],
    ['活动', '新增活动'],
    ['政策数据', '导入历史'],
    ['居民', '查找'],
    ['账号', '新建并生成设置链接'],
    ['消费券批次', '新建批次'],
  ]) {
    await page.getByRole('link', { name: menu, exact: true }).click()
    await page.getByText(text).first().waitFor()
    await axe(`${menu} page`)
  }
  await page.reload()
  await page.getByRole('button', { name: '新建批次' }).waitFor({ timeout: 15_000 })

  assert.deepEqual(problems, [], 'no serious or critical axe violations on the console')
  assert.deepEqual(consoleErrors.filter((text) => !/favicon|status of (401|403|409|422) /.test(text)), [], 'nothing logged as an error')
})
