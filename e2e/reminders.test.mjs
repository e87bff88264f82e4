/**
 * Reminders journey (issue 14) on the H5 build served by the real server with its sample content:
 * claim a voucher and set its expiry reminder right there, set a reminder for an upcoming round
 * 15 minutes before it opens, see both in 我的提醒 with their kind, title and time, cancel one, and
 * find it gone after a reload while the other stays. H5 has no WeChat messages, so each is kept
 * in-app and says so. Needs an H5 build made with TARO_APP_DEV_LOGIN=true (scripts/e2e-run.mjs).
 */
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { scanAccessibility } from './lib/axe.mjs'
import { BASE_URL, launchPhone, openRoute, screenshot, visiblePage } from './lib/browser.mjs'

let phone

before(async () => {
  const response = await fetch(`${BASE_URL}/api/v1/batches`, { headers: { Accept: 'application/json' } }).catch(() => null)
  assert.ok(response?.ok, `no voucher API at ${BASE_URL}/api/v1/batches`)
  phone = await launchPhone()
})

after(async () => {
  await phone?.close()
})

test('claim a voucher, remind its expiry and a round, see both in 我的提醒, cancel one', async () => {
  const { page, consoleErrors } = phone
  const view = () => visiblePage(page)
  const problems = []
  const expectAccessible = async (label) => {
    const blocking = await scanAccessibility(page, label)
    if (blocking.length) problems.push(`${label}: ${JSON.stringify(blocking)}`)
  }

  await openRoute(page, 'pages/vouchers/index', '消费券')
  const openButtons = view().locator('[role="button"][aria-label^="立即领取："]:not([aria-disabled="true"])')
  await openButtons.first().waitFor({ timeout: 15_000 })

  // 1. Claim (the dev login happens on the tap); the first batch this resident may claim.
  const titles = []
  for (const button of await openButtons.all()) titles.push((await button.getAttribute('aria-label')).replace('立即领取：', ''))
  let claimed = null
  for (const title of titles) {
    const card = view().getByRole('region', { name: title })
    await card.getByRole('button', { name: `立即领取：${title}` }).click()
    const outcome = card.locator('.claim__outcome').getByText(/^[✓✗⚠] /)
    await outcome.waitFor({ timeout: 15_000 })
    if ((await outcome.textContent()).startsWith('✓ 领取成功')) {
      claimed = title
      break
    }
  }
  assert.ok(claimed, `one of the open batches could be claimed (${titles.join(' / ')})`)

  // 2. Offered right after the claim: 到期前提醒我, 1 day before by default.
  const card = view().getByRole('region', { name: claimed })
  const expiry = card.getByRole('group', { name: `消费券到期提醒：${claimed}` })
  await expiry.waitFor({ timeout: 15_000 })
  assert.equal(await expiry.getByRole('radio', { name: '到期前 1 天' }).getAttribute('aria-checked'), 'true')
  await expiry.getByRole('button', { name: `到期前提醒我：${claimed}` }).click()
  await expiry.getByText('已设置提醒：到期前 1 天 · 应用内提醒（在「我的提醒」查看）').waitFor({ timeout: 15_000 })
  assert.match(await expiry.getByRole('status').textContent(), /提醒已保存在「我的 → 我的提醒」/)
  await screenshot(page, 'reminders-after-claim')

  // 3. A round that has not opened: 提醒我 15 minutes before.
  const round = view().locator('.batch__round--upcoming [role="group"][aria-label^="消费券开抢提醒："]').first()
  await round.waitFor({ timeout: 15_000 })
  const roundTitle = (await round.getAttribute('aria-label')).replace('消费券开抢提醒：', '')
  assert.equal(await round.getByRole('radio', { name: '开抢前 5 分钟' }).getAttribute('aria-checked'), 'true', 'five minutes by default')
  await round.getByRole('radio', { name: '开抢前 15 分钟' }).click()
  await round.getByRole('button', { name: `提醒我：${roundTitle}` }).click()
  await round.getByText('已设置提醒：开抢前 15 分钟 · 应用内提醒（在「我的提醒」查看）').waitFor({ timeout: 15_000 })
  await screenshot(page, 'reminders-round-set')
  await expectAccessible('vouchers tab with reminders')

  // 4. Both in 我的提醒, each with its kind, title and when.
  await openRoute(page, 'packages/reminders/pages/list/index', '我的提醒')
  const list = view().getByRole('list', { name: '我的提醒' })
  const expiryCard = list.getByRole('listitem', { name: `消费券到期提醒：${claimed}` })
  const roundCard = list.getByRole('listitem', { name: `消费券开抢提醒：${roundTitle}` })
  await expiryCard.waitFor({ timeout: 15_000 })
  await roundCard.waitFor()
  await expiryCard.getByText(/^到期时间：/).waitFor()
  await roundCard.getByText(/^开抢时间：/).waitFor()
  assert.equal(await roundCard.getByRole('radio', { name: '开抢前 15 分钟' }).getAttribute('aria-checked'), 'true')
  await page.waitForTimeout(400)
  await screenshot(page, 'reminders-list')
  await expectAccessible('my reminders')

  // 5. Cancel the round's, after confirming; the expiry one stays, also after a reload.
  await roundCard.getByRole('button', { name: `取消提醒：${roundTitle}` }).click()
  await roundCard.getByRole('button', { name: '确定取消' }).click()
  await roundCard.waitFor({ state: 'detached', timeout: 15_000 })
  await page.reload()
  await view().getByRole('list', { name: '我的提醒' }).getByRole('listitem', { name: `消费券到期提醒：${claimed}` }).waitFor({ timeout: 15_000 })
  assert.equal(await view().getByRole('listitem', { name: `消费券开抢提醒：${roundTitle}` }).count(), 0, 'the cancelled one is gone')
  await screenshot(page, 'reminders-after-cancel')

  assert.deepEqual(problems, [], 'no serious or critical axe violations')
  assert.deepEqual(
    consoleErrors.filter((text) => !/favicon|status of (403|409) /.test(text)),
    [],
    'nothing logged as an error',
  )
})
