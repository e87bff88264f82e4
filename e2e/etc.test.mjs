/**
 * 衢城畅行 journey on H5 (issue 4): from 首页 to 我的车, 浙h·12345 as typed, 一类客车, 记账卡 → the
 * car qualifies; two in-scheme stations → 免费 with 约 … 估算; the card switched to 储值卡 in place →
 * 收费 with the reason; the trip logged into 我的行程; nearest stations with a granted location; the
 * same in 长辈模式 with its larger targets; axe on every page. Screenshots go to e2e/out/etc-*.png.
 *
 * The bundled scheme period is 2025 (待官方确认, clause 二十六 names no dates), so the browser clock
 * is set to a 2025 day: on a later day the same trip is 收费 for the period, which jest covers.
 */
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { assertNoBlockingAxe as assertNoBlockingAxeOn } from './lib/axe.mjs'
import { launchPhone, openRoute, screenshot, visiblePage, waitForShownText } from './lib/browser.mjs'

const SCHEME_DAY = new Date('2025-06-16T10:00:00+08:00')
const QUZHOU_CENTRE = { longitude: 118.874, latitude: 28.942 }

let phone

before(async () => {
  phone = await launchPhone()
  await phone.page.clock.setFixedTime(SCHEME_DAY)
})

after(async () => {
  await phone?.close()
})

const shown = () => visiblePage(phone.page)

const waitForText = (text) => waitForShownText(phone.page, text)

async function chooseStation(fieldLabel, search, station) {
  await shown().getByRole('button', { name: `选择${fieldLabel}` }).click()
  const panel = shown().getByRole('region', { name: `选择${fieldLabel}` })
  if (search) await panel.getByRole('textbox').fill(search)
  await panel.getByRole('option', { name: new RegExp(`^${station}，`) }).first().click()
}

const assertNoBlockingAxe = (label) => assertNoBlockingAxeOn(phone.page, label)

test('浙h·12345, 一类客车, 记账卡 → the car qualifies', async () => {
  const { page } = phone
  await openRoute(page, 'pages/home/index', '衢惠通')
  await shown().getByRole('link', { name: 'ETC 免费查询' }).click()
  await waitForText('车牌号')

  await shown().getByRole('textbox', { name: '车牌号' }).fill('浙h·12345')
  await shown().getByRole('radio', { name: /一类客车/ }).click()
  await shown().getByRole('radio', { name: /ETC 记账卡/ }).click()
  assert.equal(await shown().getByRole('textbox', { name: '车牌号' }).inputValue(), '浙H·12345', 'the plate is tidied when the field is left')
  await shown().getByText('✓ 您的车符合免费条件').waitFor()
  assert.equal(await shown().getByText('✓ 符合').count(), 3)
  await screenshot(page, 'etc-car')
  await assertNoBlockingAxe('我的车')
})

test('a plate that cannot be right shows the Chinese error under the field', async () => {
  const plate = shown().getByRole('textbox', { name: '车牌号' })
  await plate.fill('浙HI2345')
  await shown().getByRole('alert').filter({ hasText: '车牌中不使用字母 I 和 O' }).waitFor()
  await screenshot(phone.page, 'etc-car-plate-error')
  await plate.fill('浙h·12345')
  await shown().getByRole('radio', { name: /一类客车/ }).click()
  await shown().getByText('✓ 您的车符合免费条件').waitFor()
})

test('two in-scheme stations → 免费 with the saving as 约 … 估算; 储值卡 → 收费 with the reason', async () => {
  const { page } = phone
  await shown().getByRole('link', { name: '查一趟行程是否免费' }).click()
  await waitForText('这趟行程')
  await chooseStation('入口收费站', 'qzd', '衢州东')
  await chooseStation('出口收费站', null, '龙游')

  const verdict = shown().getByRole('status').filter({ hasText: /✓ 免费|✗ 收费/ })
  await verdict.getByText('✓ 免费').waitFor()
  const text = await verdict.innerText()
  assert.match(text, /预计省下\s*约 ¥\d+\.\d{2}\s*（估算）/)
  assert.match(text, /待官方确认/)
  await verdict.getByText('✓ 免费').scrollIntoViewIfNeeded()
  await screenshot(page, 'etc-trip-free')
  await assertNoBlockingAxe('行程查询 免费')

  await shown().getByRole('button', { name: '修改车辆信息' }).click()
  await shown().getByRole('radio', { name: /ETC 储值卡/ }).click()
  await verdict.getByText('✗ 收费').waitFor()
  assert.ok(await verdict.getByText('使用的是 ETC 储值卡：只有 ETC 记账卡免费').first().isVisible())
  await verdict.getByText('✗ 收费').scrollIntoViewIfNeeded()
  await screenshot(page, 'etc-trip-charged')

  await shown().getByRole('radio', { name: /ETC 记账卡/ }).click()
  await verdict.getByText('✓ 免费').waitFor()
})

test('the trip goes into 我的行程 with its estimated saving', async () => {
  const { page } = phone
  await shown().getByRole('button', { name: '记入我的行程' }).click()
  await shown().getByText('✓ 已记入我的行程').waitFor()
  await shown().getByRole('link', { name: '查看我的行程' }).click()
  await waitForText('省下的通行费')
  const trips = shown().getByRole('list', { name: '行程记录' })
  await trips.getByText('衢州东 → 龙游').waitFor()
  assert.match(await trips.innerText(), /✓ 免费，省下 约 ¥\d+\.\d{2}（估算）/)
  assert.match(await shown().getByRole('region', { name: '省下的通行费' }).innerText(), /2025 年 6 月/)
  await screenshot(page, 'etc-trips')
  await assertNoBlockingAxe('我的行程')
})

test('with location allowed, the nearest stations come first', async () => {
  const { page, context } = phone
  await context.grantPermissions(['geolocation'])
  await context.setGeolocation(QUZHOU_CENTRE)
  await openRoute(page, 'packages/etc/pages/trip/index', '这趟行程')
  await shown().getByRole('button', { name: '用我的大致位置，把最近的收费站排在前面' }).click()
  await shown().getByText('已按您的大致位置把最近的站排在前面。').waitFor()
  // The page may be the one from the journey above (Taro keeps it), with 衢州东 already chosen.
  await shown().getByRole('button', { name: /^(选择)?入口收费站/ }).click()
  const nearest = shown().getByRole('listbox', { name: '离我最近（直线距离）' })
  assert.match((await nearest.getByRole('option').first().getAttribute('aria-label')) ?? '', /^衢州西，.*约 \d+(\.\d)? 公里/)
  await screenshot(page, 'etc-trip-nearest')
})

test('站点一览 shows every station, the scheme and the data status', async () => {
  const { page } = phone
  await openRoute(page, 'packages/etc/pages/stations/index', '数据状态')
  assert.match(await shown().getByRole('region', { name: '数据状态' }).innerText(), /其中 13 个在“衢城畅行”范围内[\s\S]*这 13 个站点是本应用暂定的选择，不是官方名单/)
  await screenshot(page, 'etc-stations')
  await assertNoBlockingAxe('站点一览')
})

test('长辈模式: larger text and touch targets of at least 60 px on the ETC pages', async () => {
  const { page } = phone
  await openRoute(page, 'pages/mine/index', '长辈模式')
  const toggle = shown().getByRole('switch', { name: /长辈模式/ })
  if ((await toggle.getAttribute('aria-checked')) !== 'true') await toggle.click()
  await shown().getByRole('link', { name: '我的车' }).click()
  await waitForText('车牌号')
  const bodySize = await shown().locator('.page').first().evaluate((element) => parseFloat(getComputedStyle(element).fontSize))
  assert.ok(bodySize >= 18, `elder-mode body text is ${bodySize}px`)
  for (const radio of await shown().getByRole('radio').all()) {
    const box = await radio.boundingBox()
    assert.ok(box && box.height >= 60, `radio ${await radio.getAttribute('aria-label')} is ${box?.height}px tall`)
  }
  await screenshot(page, 'etc-car-elder')
  await assertNoBlockingAxe('我的车（长辈模式）')

  await shown().getByRole('link', { name: '查一趟行程是否免费' }).click()
  await waitForText('这趟行程')
  await chooseStation('入口收费站', 'qzd', '衢州东')
  await chooseStation('出口收费站', 'ly', '龙游')
  const verdict = shown().getByRole('status').filter({ hasText: /✓ 免费|✗ 收费/ })
  await verdict.getByText('✓ 免费').waitFor()
  for (const name of ['修改车辆信息', '记入我的行程']) {
    const box = await shown().getByRole('button', { name }).boundingBox()
    assert.ok(box && box.height >= 60 && box.width >= 60, `${name} is ${box?.width}×${box?.height}px`)
  }
  await verdict.getByText('✓ 免费').scrollIntoViewIfNeeded()
  await screenshot(page, 'etc-trip-elder')
  await assertNoBlockingAxe('行程查询（长辈模式）')
  await toggleElderModeOff()
})

async function toggleElderModeOff() {
  await openRoute(phone.page, 'pages/mine/index', '长辈模式')
  const toggle = shown().getByRole('switch', { name: /长辈模式/ })
  if ((await toggle.getAttribute('aria-checked')) === 'true') await toggle.click()
}

test('no console errors on the way', () => {
  assert.deepEqual(phone.consoleErrors, [])
})
