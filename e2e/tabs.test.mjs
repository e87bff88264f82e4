/**
 * Foundation journey: every tab opens with real content, 长辈模式 switches and survives a reload,
 * and nothing is logged as an error on the way.
 */
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { scanAccessibility } from './lib/axe.mjs'
import { clickTab, launchPhone, openRoute, screenshot, visiblePage } from './lib/browser.mjs'

let phone

before(async () => {
  phone = await launchPhone()
})

after(async () => {
  await phone?.close()
})

test('every tab opens and shows its clause', async () => {
  const { page } = phone
  await openRoute(page, 'pages/home/index', '衢惠通')
  await screenshot(page, 'tab-home')
  const tabs = [
    ['补贴', '更大力度支持消费品以旧换新', 'tab-subsidy'],
    ['消费券', '实施提振消费专项行动', 'tab-vouchers'],
    ['活动', '实施提振消费专项行动', 'tab-events'],
    ['我的', '长辈模式', 'tab-mine'],
    ['首页', '补贴计算', 'tab-home-again'],
  ]
  for (const [name, text, shot] of tabs) {
    await clickTab(page, name, text)
    await screenshot(page, shot)
  }
})

test('长辈模式 switches, enlarges text and persists over a reload', async () => {
  const { page } = phone
  await openRoute(page, 'pages/mine/index', '长辈模式')
  const toggle = visiblePage(page).getByRole('switch', { name: /长辈模式/ })
  const bodySize = async () =>
    visiblePage(page)
      .locator('.page')
      .first()
      .evaluate((element) => parseFloat(getComputedStyle(element).fontSize))
  const before = await bodySize()
  assert.equal(await toggle.getAttribute('aria-checked'), 'false')
  await toggle.click()
  assert.equal(await toggle.getAttribute('aria-checked'), 'true')
  const after = await bodySize()
  assert.ok(after >= 18, `elder-mode body text is ${after}px, needs ≥ 18px`)
  assert.ok(after > before, 'elder mode makes text larger')
  await screenshot(page, 'mine-elder-mode')

  await page.reload()
  await visiblePage(page).getByRole('switch', { name: /长辈模式/ }).waitFor()
  assert.equal(await visiblePage(page).getByRole('switch', { name: /长辈模式/ }).getAttribute('aria-checked'), 'true')
  assert.ok((await bodySize()) >= 18)
  // Leave the profile as we found it for later tests in this file.
  await visiblePage(page).getByRole('switch', { name: /长辈模式/ }).click()
})

test('a clause link opens the policy text in its subpackage', async () => {
  const { page } = phone
  await openRoute(page, 'pages/subsidy/index', '阅读政策原文')
  await visiblePage(page).getByRole('link', { name: /阅读（十四）政策原文/ }).click()
  await visiblePage(page).getByText('衢政发〔2025〕4号', { exact: false }).first().waitFor()
  await screenshot(page, 'policy-clause')
})

test('every tab passes axe (WCAG 2 A/AA) in normal and elder mode', async () => {
  const { page } = phone
  const tabs = [
    ['pages/home/index', '补贴计算'],
    ['pages/subsidy/index', '阅读政策原文'],
    ['pages/vouchers/index', '阅读政策原文'],
    ['pages/events/index', '阅读政策原文'],
    ['pages/mine/index', '长辈模式'],
  ]
  const problems = []
  for (const elder of [false, true]) {
    await page.evaluate((on) => {
      localStorage.setItem('qht:preferences', JSON.stringify({ data: JSON.stringify({ state: { elderMode: on, elderModePrompted: true }, version: 2 }) }))
    }, elder)
    for (const [route, text] of tabs) {
      await openRoute(page, route, text)
      await page.reload()
      await visiblePage(page).getByText(text, { exact: false }).first().waitFor()
      for (const violation of await scanAccessibility(page, `${route}${elder ? ' elder' : ''}`)) problems.push({ route, elder, ...violation })
    }
  }
  assert.deepEqual(problems, [])
})

test('no console errors on the way', () => {
  assert.deepEqual(phone.consoleErrors, [])
})
