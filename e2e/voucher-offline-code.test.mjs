/**
 * The code at the till with no network (issue 15), on the H5 build and the real server: the
 * resident opens a usable voucher of the sample wallet while online (the phone receives the
 * voucher's secret), the network goes off, two hours pass on the phone, and the page still shows
 * a fresh code derived on the phone; back online, the merchant desk accepts that code once and
 * refuses it the second time.
 *
 * How two hours pass: the server's clock cannot be moved, so the phone's clock starts 2 h 05 min
 * behind it (Playwright's fake clock) and is moved forward by 2 h 05 min while offline. From the
 * phone's side the code is shown 2 h 05 min after it last reached the server; the code it then
 * derives is for the server's present, which is what a cashier's scan is checked against. (The
 * page rightly warns while the phone's clock is behind.)
 */
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { scanAccessibility } from './lib/axe.mjs'
import { launchPhone, openRoute, screenshot, visiblePage } from './lib/browser.mjs'

const OFFLINE_MS = (2 * 60 + 5) * 60 * 1000
// The demo wallet (src/domain/vouchers/samples.ts sampleWallet): claimed yesterday, usable until
// tomorrow; the refunded one is usable again. Another journey may have redeemed the first.
const CANDIDATES = ['sample-v-ends-tomorrow', 'sample-v-returned', 'sample-v-ends-today']

let phone

before(async () => {
  phone = await launchPhone()
  await phone.context.clock.install({ time: Date.now() - OFFLINE_MS })
})

after(async () => {
  await phone?.close()
})

test('with the network off for two hours the phone shows a valid code; back online the desk accepts it once', async () => {
  const { page, context } = phone
  const view = () => visiblePage(page)
  const problems = []

  // Online: open a usable voucher; the phone receives its secret.
  let opened = null
  for (const id of CANDIDATES) {
    await openRoute(page, `packages/vouchers/pages/detail/index?id=${id}`, '使用规则')
    const qr = view().getByRole('img', { name: /消费券二维码/ })
    const shown = await qr.waitFor({ timeout: 10_000 }).then(
      () => true,
      () => false,
    )
    if (shown) {
      opened = id
      break
    }
  }
  assert.ok(opened, `one of ${CANDIDATES.join(', ')} shows its code`)
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
    await inputs.nth(0).fill(offlineCode)
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
