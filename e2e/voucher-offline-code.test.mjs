/**
 * The code at the till with no network (issue 15), on the H5 build and the real server: the
 * resident opens a usable voucher while online (the phone receives the voucher's secret), the
 * network goes off, two hours pass on the phone (Playwright's fake clock) and the page still shows
 * a freshly derived code, drawn as a QR code, with every request failing. The server's clock cannot
 * be moved, so before going back online the phone's clock is set to the server's present again and
 * the code it then derives — still offline — is the one the merchant desk accepts once and refuses
 * the second time. (Domain and server tests check codes derived two hours later against a moved
 * server clock: src/domain/vouchers/offline-code.test.ts, server/test/voucher-offline-code.test.ts.)
 */
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { scanAccessibility } from './lib/axe.mjs'
import { BASE_URL, launchPhone, openRoute, screenshot, visiblePage } from './lib/browser.mjs'

const OFFLINE_MS = (2 * 60 + 5) * 60 * 1000
/** The demo resident this browser signs in as (src/services/platform/login.ts demoResidentName). */
const RESIDENT = '示例居民-e2eoffln'

/** Claims a voucher for that resident over the API, as its own tap on 立即领取 would. */
async function claimForSampleResident() {
  const login = await (await fetch(`${BASE_URL}/api/v1/auth/dev`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: RESIDENT }) })).json()
  const headers = { authorization: `Bearer ${login.data.token}`, 'content-type': 'application/json' }
  const batches = (await (await fetch(`${BASE_URL}/api/v1/batches`)).json()).data
  for (const batch of batches) {
    const response = await fetch(`${BASE_URL}/api/v1/batches/${batch.id}/claims`, { method: 'POST', headers: { ...headers, 'idempotency-key': `e2e-offline-${batch.id}-${Date.now()}` }, body: '{}' })
    if (response.status === 201) return (await response.json()).data.voucher.id
  }
  return null
}

let phone

before(async () => {
  phone = await launchPhone()
  await phone.context.clock.install({ time: Date.now() })
})

after(async () => {
  await phone?.close()
})

test('with the network off for two hours the phone shows a valid code; back online the desk accepts it once', async () => {
  const { page, context } = phone
  const view = () => visiblePage(page)
  const problems = []

  // Online: open a usable voucher of the resident's; the phone receives its secret.
  await page.goto(`${BASE_URL}/#/pages/home/index`)
  await page.evaluate((name) => localStorage.setItem('demo-resident-name', JSON.stringify({ data: name })), RESIDENT)
  const claimed = await claimForSampleResident()
  const ids = [claimed, 'sample-v-ends-tomorrow', 'sample-v-returned'].filter(Boolean)
  let opened = null
  for (const id of ids) {
    await openRoute(page, `packages/vouchers/pages/detail/index?id=${id}`)
    const shown = await view()
      .getByRole('img', { name: /消费券二维码/ })
      .waitFor({ timeout: 15_000 })
      .then(
        () => true,
        () => false,
      )
    if (shown) {
      opened = id
      break
    }
  }
  if (!opened) await screenshot(page, 'voucher-offline-code-not-opened')
  assert.ok(opened, `one of ${ids.join(', ')} shows its code: ${await view().innerText().catch(() => '')}`)
  const rule = await view().locator('.amount').first().textContent()
  const threshold = Number(/^满(\d+)减/.exec(rule)?.[1] ?? 0)
  await view().getByRole('button', { name: '扫不出来？显示券码文字' }).click()
  const onlineCode = (await view().locator('.voucher-code__text').textContent()).trim()

  // Network off; two hours and five minutes pass on the phone.
  await context.setOffline(true)
  await context.clock.fastForward(OFFLINE_MS)
  const reached = await page.evaluate(() =>
    fetch('/api/v1/batches').then(
      () => true,
      () => false,
    ),
  )
  assert.equal(reached, false, 'the phone cannot reach the server')
  await view().getByText('⟳ 每 30 秒自动更换', { exact: false }).waitFor()
  const qr = view().getByRole('img', { name: /消费券二维码/ })
  await qr.waitFor()
  const modules = await qr.locator('.qr__run').count()
  assert.ok(modules > 100, `the QR code is drawn offline (${modules} runs)`)
  const offlineCode = (await view().locator('.voucher-code__text').textContent()).trim()
  assert.match(offlineCode, /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/)
  assert.notEqual(offlineCode, onlineCode, 'the code changed while offline')
  await screenshot(page, 'voucher-offline-code')
  // Still offline: the phone's clock back on the server's present; the page derives that code.
  await context.clock.setSystemTime(Date.now())
  await context.clock.runFor(31_000)
  const presentCode = (await view().locator('.voucher-code__text').textContent()).trim()
  assert.notEqual(presentCode, offlineCode)
  const blocking = await scanAccessibility(page, 'voucher code offline')
  if (blocking.length) problems.push(`voucher code offline: ${JSON.stringify(blocking)}`)

  // Back online, at the shop's desk (development login on H5: 我的 → 切换为示例商户 → 商户核销).
  await context.setOffline(false)
  await openRoute(page, 'pages/mine/index', '账号')
  await view().getByRole('button', { name: /切换为示例商户/ }).click()
  await view().getByText('示例商户-1（商户账号）').waitFor({ timeout: 15_000 })
  await view().getByRole('link', { name: '商户核销' }).click()
  await view().getByText('核销消费券').waitFor({ timeout: 15_000 })
  const redeem = async () => {
    const inputs = view().locator('input')
    await inputs.nth(0).fill(presentCode)
    await inputs.nth(1).fill(String(Math.max(threshold, 1) + 6.5))
    await view().getByRole('button', { name: '确认核销' }).click()
  }
  await redeem()
  await view().getByText(/✓ 核销成功：优惠 ¥/).waitFor({ timeout: 15_000 })
  await screenshot(page, 'voucher-offline-code-redeemed')

  // The same code again (a screenshot shown twice): refused in words.
  await redeem()
  await view().getByText(/已经用过/).first().waitFor({ timeout: 15_000 })
  assert.deepEqual(problems, [], 'no serious or critical axe violations')
})
