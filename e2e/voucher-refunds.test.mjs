/**
 * Claim, redeem and refund under each refund rule of the sample batches (issue 19 items 1–3), on
 * two phones against the real server: a resident's (this browser's own demo resident) and a
 * cashier's (示例商户-1, 示例·水亭门老字号面馆, chosen by an explicit switch).
 *
 * - 满20减5 (refund: returned on a full refund while valid): one voucher refunded in full comes
 *   back and is listed under 可使用 with its 退款已退回 note; one refunded in part stays used.
 * - 柯城专场 满100减30 (refund: never returned): refunded in full, it stays used, and the cashier is
 *   never told it would come back.
 * Then 用哪张最划算 counts exactly the vouchers 可使用 lists. (A full refund after the validity has
 * ended — the third outcome of the first rule — needs a clock past validTo, which a journey of a
 * few minutes cannot have; the merchant desk's component test and the server's refund test cover it.)
 */
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { BASE_URL, launchPhone, openRoute, screenshot, visiblePage } from './lib/browser.mjs'

const SMALL = '示例·乐享衢州·有礼惠购 满20减5'
const KECHENG = '示例·餐饮消费欢乐季·柯城专场 满100减30'

let resident
let cashier

before(async () => {
  const response = await fetch(`${BASE_URL}/api/v1/batches`).catch(() => null)
  assert.ok(response?.ok, `no voucher API at ${BASE_URL}/api/v1/batches`)
  resident = await launchPhone()
  cashier = await launchPhone()
})

after(async () => {
  await resident?.close()
  await cashier?.close()
})

const shown = (phone) => visiblePage(phone.page)
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The number in "第 N 轮进行中，剩余 M 张" on a batch card. */
async function remainingOn(card) {
  const text = await card.getByText(/^第 \d+ 轮进行中，剩余 \d+ 张$/).textContent()
  return Number(/剩余 (\d+) 张/.exec(text)[1])
}

async function claim(card, title) {
  await card.getByRole('button', { name: `立即领取：${title}` }).click()
  await card
    .locator('.claim__outcome')
    .getByText(/^[✓✗⚠] /)
    .waitFor({ timeout: 15_000 })
}

/** On the resident's phone: the code text of the first voucher of `title` under 可使用. */
async function codeOf(title) {
  await openRoute(resident.page, 'packages/vouchers/pages/wallet/index', '可使用')
  const item = shown(resident)
    .getByRole('link', { name: new RegExp(`^${escape(title)}，`) })
    .first()
  await item.waitFor({ timeout: 15_000 })
  await resident.page.waitForTimeout(350)
  await item.click()
  await shown(resident)
    .getByRole('img', { name: /消费券二维码/ })
    .waitFor({ timeout: 15_000 })
  await shown(resident).getByRole('button', { name: '扫不出来？显示券码文字' }).click()
  return (await shown(resident).locator('.voucher-code__text').textContent()).trim()
}

/** On the cashier's phone: redeem `code` for an order of `amount` yuan; returns the order id. */
async function redeem(code, amount) {
  const view = shown(cashier)
  const inputs = view.locator('input')
  await inputs.nth(0).fill(code)
  await inputs.nth(1).fill(amount)
  const orderId = await view.getByRole('textbox', { name: '订单号' }).inputValue()
  await view.getByRole('button', { name: '确认核销' }).click()
  await view.getByText(/✓ 核销成功：优惠 ¥/).waitFor({ timeout: 15_000 })
  return orderId
}

/** Opens the refund prompt of one of today's redemptions and returns the row and the prompt's words. */
async function refundPrompt(orderId, kind) {
  const row = shown(cashier)
    .getByRole('listitem')
    .filter({ hasText: `订单号 ${orderId}` })
  await row.getByRole('button', { name: `为订单 ${orderId} ${kind}` }).waitFor({ timeout: 15_000 })
  await row.getByRole('button', { name: `为订单 ${orderId} ${kind}` }).click()
  const prompt = row.getByRole('group', { name: `确认${kind}` })
  // The prompt waits for the batch's rule: no promise is made before it is known.
  await prompt.getByText(/部分退款时券不退回|会退回顾客券包|用过后退款也不退回/).waitFor({ timeout: 15_000 })
  return { row, words: await prompt.textContent() }
}

test('claim, redeem and refund under each refund rule; the wallet and 用哪张最划算 agree afterwards', async () => {
  // The resident claims twice from 满20减5 (2 per round): the card shows each claim at once.
  await openRoute(resident.page, 'pages/vouchers/index', '消费券')
  const small = shown(resident).getByRole('region', { name: SMALL })
  await small.getByRole('button', { name: `立即领取：${SMALL}` }).waitFor({ timeout: 15_000 })
  const before = await remainingOn(small)
  await claim(small, SMALL)
  await small.getByText('✓ 领取成功，已放入券包，可在“我的券包”查看和使用').waitFor()
  await small.getByText('已领 1 张（每人每轮限 2 张，本券共 4 张）').waitFor({ timeout: 5_000 })
  assert.ok((await remainingOn(small)) <= before - 1, 'the remaining count drops at once, without a reload')
  assert.ok(await small.getByRole('link', { name: '去我的券包查看' }).isVisible())
  await claim(small, SMALL)
  await small.getByText('已领 2 张（每人每轮限 2 张，本券共 4 张）').waitFor({ timeout: 5_000 })
  await small.getByRole('button', { name: `本轮已领满：${SMALL}` }).waitFor()
  assert.equal(await small.getByRole('button', { name: `本轮已领满：${SMALL}` }).getAttribute('aria-disabled'), 'true')
  await screenshot(resident.page, 'refunds-claimed-twice')

  // 柯城专场 is for 柯城 residents: this browser's new demo resident says so, then claims.
  const kecheng = shown(resident).getByRole('region', { name: KECHENG })
  await claim(kecheng, KECHENG)
  await kecheng.getByText('✗ 本券只限柯城区居民领取').waitFor()
  await kecheng.getByRole('button', { name: '我是柯城区居民' }).click()
  await kecheng.getByText(/^✓ 领取成功/).waitFor({ timeout: 15_000 })
  await kecheng.getByText('已领 1 张（每人每轮限 1 张，本券共 1 张）').waitFor({ timeout: 5_000 })
  await kecheng.getByRole('button', { name: `已领满：${KECHENG}` }).waitFor()

  // The cashier's phone: switching to the sample merchant is an explicit tap.
  await openRoute(cashier.page, 'pages/mine/index', '账号')
  await shown(cashier).getByRole('button', { name: '切换为示例商户（核销）（开发）' }).click()
  await shown(cashier).getByText('示例商户-1（商户账号）').waitFor({ timeout: 15_000 })
  await shown(cashier).getByRole('link', { name: '商户核销' }).click()
  await shown(cashier).getByText('核销消费券').waitFor({ timeout: 15_000 })

  const returned = await redeem(await codeOf(SMALL), '26.5')
  const partial = await redeem(await codeOf(SMALL), '30')
  const never = await redeem(await codeOf(KECHENG), '120')

  // Returned while valid: the prompt promises the return on that condition, the result confirms it.
  {
    const { row, words } = await refundPrompt(returned, '全额退款')
    assert.match(words, /券在有效期内会退回顾客券包，有效期不变；已过有效期则不退回/)
    await row.getByRole('button', { name: `确认全额退款：订单 ${returned}` }).click()
    await row.getByText('✓ 已全额退款，消费券已退回顾客的券包，有效期不变').waitFor({ timeout: 15_000 })
    await row.getByText('已全额退款，券已退回顾客').waitFor({ timeout: 15_000 })
  }
  // A partial refund never returns the voucher.
  {
    const { row, words } = await refundPrompt(partial, '部分退款')
    assert.match(words, /部分退款时券不退回/)
    await row.getByRole('button', { name: `确认部分退款：订单 ${partial}` }).click()
    await row.getByText('✓ 已部分退款。部分退款时消费券不退回，顾客的券仍算已使用').waitFor({ timeout: 15_000 })
  }
  // Never returned (柯城专场): nothing may tell the customer it comes back.
  {
    const { row, words } = await refundPrompt(never, '全额退款')
    assert.match(words, /这批消费券的规则是用过后退款也不退回，券不会回到顾客券包/)
    assert.doesNotMatch(words, /会退回顾客券包/)
    await screenshot(cashier.page, 'refunds-never-prompt')
    await row.getByRole('button', { name: `确认全额退款：订单 ${never}` }).click()
    await row.getByText('✓ 已全额退款。这批消费券的规则是用过后不退回').waitFor({ timeout: 15_000 })
    await row.getByText('已全额退款，本批券规则不退回').waitFor({ timeout: 15_000 })
    assert.equal(await row.getByText(/退回顾客券包|券已退回顾客/).count(), 0)
  }
  await screenshot(cashier.page, 'refunds-desk')

  // The resident's wallet: the returned voucher is usable again and listed under 可使用, marked.
  await openRoute(resident.page, 'packages/vouchers/pages/wallet/index', '可使用')
  const usable = shown(resident).getByRole('list', { name: '可使用的券' })
  const returnedItem = usable.getByRole('link', { name: new RegExp(`^${escape(SMALL)}，.*全额退款后退回，仍可使用`) })
  await returnedItem.waitFor({ timeout: 15_000 })
  assert.ok(await usable.getByText('↩ 退款已退回').isVisible())
  const usableTitles = await usable.locator('.voucher-item__title').allTextContents()
  assert.deepEqual(usableTitles, [SMALL], 'only the returned 满20减5 is usable: the partial and the 柯城 refunds stay used')
  await resident.page.waitForTimeout(350)
  await screenshot(resident.page, 'refunds-wallet-usable')

  await shown(resident)
    .getByRole('tab', { name: /已使用/ })
    .click()
  const used = shown(resident).getByRole('list', { name: '已使用的券' })
  await used.locator('.voucher-item').first().waitFor({ timeout: 15_000 })
  assert.deepEqual((await used.locator('.voucher-item__title').allTextContents()).sort(), [SMALL, KECHENG].sort())

  // 用哪张最划算 counts exactly what 可使用 lists: the returned 满20减5, nothing else.
  await openRoute(resident.page, 'packages/vouchers/pages/best/index', '这笔消费多少钱')
  await shown(resident).locator('input').first().fill('100')
  const result = shown(resident).getByRole('region', { name: '推荐结果' })
  await result.getByText('✓ 用这张省 ¥5', { exact: false }).waitFor({ timeout: 15_000 })
  assert.equal(await result.locator('.best-result__best .title').textContent(), SMALL)
  assert.equal(await result.locator('.best-other').count(), 0, 'no other voucher is compared: the used ones are not counted')
  await screenshot(resident.page, 'refunds-best')

  for (const phone of [resident, cashier]) {
    assert.deepEqual(
      phone.consoleErrors.filter((text) => !/favicon|status of (403|409) /.test(text)),
      [],
      'nothing logged as an error',
    )
  }
})
