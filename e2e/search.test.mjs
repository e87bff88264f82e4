/**
 * 搜索 journey on the H5 build against the real server with its sample content (issue 8): from the
 * 首页 search bar, "kt" → 空调 among the calculators → the appliance calculator; an event's pinyin
 * initials ("xf") → 2025新蜂音乐节 from the server, said to be over → its event page; axe on the
 * search page with results, in normal and elder mode, whose targets are at least 60 px tall.
 * Screenshots go to e2e/out/search-*.png.
 */
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { assertNoBlockingAxe as assertNoBlockingAxeOn } from './lib/axe.mjs'
import { launchPhone, openRoute, screenshot, visiblePage, waitForShownText } from './lib/browser.mjs'

let phone

before(async () => {
  phone = await launchPhone()
})

after(async () => {
  await phone?.close()
})

const shown = () => visiblePage(phone.page)
const searchBox = () => shown().getByRole('searchbox', { name: '搜索补贴、活动、商户、收费站' })

const waitForText = (text) => waitForShownText(phone.page, text)

const assertNoBlockingAxe = (label) => assertNoBlockingAxeOn(phone.page, label)

async function openSearchFromHome() {
  await openRoute(phone.page, 'pages/home/index', '衢惠通')
  await shown().getByRole('link', { name: '搜索补贴、活动、商户、收费站' }).click()
  await waitForText('可以这样搜')
}

test('kt → 空调 among the calculators → the appliance calculator', async () => {
  const { page } = phone
  await openSearchFromHome()
  await searchBox().fill('kt')
  const calculators = shown().getByRole('group', { name: /^补贴计算，/ })
  const airConditioner = calculators.getByRole('link', { name: /^空调，/ })
  await airConditioner.waitFor()
  await screenshot(page, 'search-kt')
  await assertNoBlockingAxe('搜索 kt')
  await airConditioner.click()
  await waitForText('买的是什么家电')
  await screenshot(page, 'search-kt-calculator')
})

test('xf → 2025新蜂音乐节 from the server, said to be over in words → its event page', async () => {
  const { page } = phone
  await openSearchFromHome()
  await searchBox().fill('xf')
  const events = shown().getByRole('group', { name: /^活动，/ })
  const festival = events.getByRole('link', { name: /^2025新蜂音乐节，/ })
  await festival.waitFor({ timeout: 15_000 })
  assert.match(await festival.getAttribute('aria-label'), /已结束/)
  await screenshot(page, 'search-xf')
  await festival.click()
  await waitForText('鹿鸣大草坪')
  await screenshot(page, 'search-xf-event')
})

test('长辈模式: the search bar and results are at least 60 px tall, text at least 18 px, no blocking axe finding', async () => {
  const { page } = phone
  await openRoute(page, 'pages/mine/index', '长辈模式')
  const toggle = shown().getByRole('switch', { name: /长辈模式/ })
  if ((await toggle.getAttribute('aria-checked')) !== 'true') await toggle.click()
  try {
    await openSearchFromHome()
    await searchBox().fill('qzd')
    const station = shown().getByRole('link', { name: /^衢州东，/ })
    await station.waitFor()
    await shown()
      .getByText(/^找到 \d+ 条$/)
      .waitFor({ timeout: 15_000 })
    const bodySize = await shown()
      .locator('.page')
      .first()
      .evaluate((element) => parseFloat(getComputedStyle(element).fontSize))
    assert.ok(bodySize >= 18, `elder-mode body text is ${bodySize}px`)
    for (const target of [shown().getByRole('search', { name: '搜索' }), station, shown().getByRole('button', { name: '清除搜索内容' })]) {
      const box = await target.boundingBox()
      assert.ok(box && box.height >= 60, `${await target.getAttribute('aria-label')} is ${box?.height}px tall`)
    }
    await screenshot(page, 'search-elder')
    await assertNoBlockingAxe('搜索（长辈模式）')
  } finally {
    await openRoute(page, 'pages/mine/index', '长辈模式')
    const switchBack = shown().getByRole('switch', { name: /长辈模式/ })
    if ((await switchBack.getAttribute('aria-checked')) === 'true') await switchBack.click()
  }
})
