/**
 * The rules in force on the day a resident asks (issue 13), on H5 at a fixed clock of 2026-12-06:
 * the 补贴 tab shows the 2026 national rules (digital products with 智能眼镜, 待官方确认) and the
 * measures whose 2026 rule is not published (家居, 电动自行车, 家装) as 待公布 with their source and
 * the 公布时提醒 offer — never ✗ or 没有补贴; a phone bought today is quoted under the 2026 rule as
 * an estimate (以实际核销为准); a sofa bought today says 规则待公布 with the reminder offer and
 * nothing for the 购物清单. No source on screen is a repository file or a rule-set id.
 * Screenshots go to e2e/out/policy-2026-*.png.
 */
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { assertNoBlockingAxe } from './lib/axe.mjs'
import { clickTab, launchPhone, openRoute, screenshot, visiblePage, waitForShownText } from './lib/browser.mjs'

const TODAY = new Date('2026-12-06T10:00:00+08:00')
const NEVER_NO = /没有.*补贴|不能补贴|不符合|✗ 现在没有/
const NOT_A_PUBLIC_SOURCE = /shared\/|facts\.md|quzhou-2025|national-2026|数据版本/

let phone

before(async () => {
  phone = await launchPhone()
  await phone.page.clock.setFixedTime(TODAY)
})

after(async () => {
  await phone?.close()
})

const shown = () => visiblePage(phone.page)
const result = () => shown().locator('.subsidy-result')

test('补贴 tab on 2026-12-06: the 2026 rules, and 待公布 (not ✗) for the measures with no published rule', async () => {
  const { page } = phone
  await openRoute(page, 'pages/home/index', '衢惠通')
  await clickTab(page, '补贴', '今天（2026-12-06）适用的规则')
  await shown().getByText('2026 年消费品以旧换新（国家统一标准，待官方确认）').first().waitFor()

  const digital = shown().getByRole('group', { name: '数码产品' })
  await digital.getByText('✓ 可以申请').waitFor()
  await digital.getByText('单价 ¥6,000 以下 15% · 最高 ¥500/件').waitFor()
  await digital.getByText(/智能眼镜/).waitFor()

  for (const [name, text] of [
    ['家居', '2026 年家居换新补贴的规则尚未公布'],
    ['电动自行车', '2026 年电动自行车以旧换新补贴的规则尚未公布'],
    ['家装（旧房装修、厨卫改造、适老化改造）', '智能家居产品（含适老化家居产品）'],
  ]) {
    const card = shown().getByRole('group', { name, exact: true })
    await card.getByText('⚠ 待公布').waitFor()
    await card.getByText(new RegExp(text)).first().waitFor()
    await card.getByText(/依据：发改环资〔2025〕1745号的报道/).waitFor()
    await card.getByRole('group', { name: /^公布时提醒：/ }).waitFor()
    assert.doesNotMatch(await card.innerText(), NEVER_NO, name)
  }
  assert.doesNotMatch(await shown().innerText(), NOT_A_PUBLIC_SOURCE)
  await shown().getByRole('group', { name: '家居', exact: true }).scrollIntoViewIfNeeded()
  await screenshot(page, 'policy-2026-tab')
  await assertNoBlockingAxe(page, '补贴 tab 2026-12-06')
})

test('a phone bought today: the provisional 2026 rule, ¥450.00, said to be an estimate', async () => {
  const { page } = phone
  await shown().getByRole('link', { name: '数码产品补贴计算' }).click()
  await waitForShownText(page, '2026-12-06 购买适用的规则')
  await shown().getByRole('radio', { name: '手机' }).click()
  await shown().getByRole('textbox', { name: /售价/ }).fill('3000')
  await result().getByText('✓ 可以补贴').waitFor()
  await result().getByText('¥450.00', { exact: true }).waitFor()
  await result()
    .getByText(/以实际核销为准/)
    .first()
    .waitFor()
  await result()
    .getByText(/2026 年消费品以旧换新（国家统一标准，待官方确认）/)
    .first()
    .waitFor()
  const text = await result().innerText()
  assert.match(text, /待官方确认/)
  assert.doesNotMatch(text, NOT_A_PUBLIC_SOURCE)
  await result().getByRole('button', { name: '加入购物清单' }).waitFor()
  await screenshot(page, 'policy-2026-phone')
  await assertNoBlockingAxe(page, '数码产品 2026')
})

test('a sofa bought today: 规则待公布 with the source and the reminder offer; nothing for the 购物清单', async () => {
  const { page } = phone
  await openRoute(page, 'packages/subsidy/pages/furniture/index', '一件家居的售价')
  await shown().getByText('2026-12-06 购买：规则尚未公布').waitFor()
  await shown().getByRole('textbox', { name: /售价/ }).fill('3000')
  await shown().getByRole('radio', { name: '没有标识' }).click()
  await result().getByText('⚠ 规则待公布').waitFor()
  await result().getByText('金额待公布').waitFor()
  await result()
    .getByText(/2026 年家居换新补贴的规则尚未公布/)
    .first()
    .waitFor()
  const offer = result().getByRole('group', { name: '公布时提醒：家居补贴新规则' })
  await offer.waitFor()
  await offer.getByRole('button', { name: '公布时提醒我：家居补贴新规则' }).waitFor()
  const text = await result().innerText()
  assert.doesNotMatch(text, NEVER_NO)
  assert.doesNotMatch(text, /¥0\.00/)
  assert.equal(await result().getByRole('button', { name: '加入购物清单' }).count(), 0)
  await offer.scrollIntoViewIfNeeded()
  await screenshot(page, 'policy-2026-furniture')
  await assertNoBlockingAxe(page, '家居 2026 待公布')

  // The offer is real: tapping it signs in (the demo's dev sign-in) and sets the reminder.
  await offer.getByRole('button', { name: '公布时提醒我：家居补贴新规则' }).click()
  await offer.getByText(/已设置：官方公布时提醒你/).waitFor({ timeout: 20_000 })
  await screenshot(page, 'policy-2026-furniture-reminder')
})
