/**
 * The operator's 衢城畅行 data reaches the resident (issue 4, clause 二十六): a second server is
 * started with a toll override imported by the operator's CLI (`npm run server:import`) — the
 * waiver period extended to 2026-12-31 and a new per-trip fee. On a 2026 day, 浙h·12345, 一类客车,
 * 记账卡 between two in-scheme stations is 免费 there, with the override's version and the new fee
 * in the estimate; the default e2e server (no override: the bundled period ends 2025-12-31) says
 * neither 免费 nor 收费 but 待官方确认 with the period as the reason. 站点一览 shows the extended period and who updated the data.
 * Screenshots go to e2e/out/etc-override-*.png.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { assertNoBlockingAxe } from './lib/axe.mjs'
import { BASE_URL, screenshot, visiblePage, waitForShownText } from './lib/browser.mjs'
import { overrideJourney } from './lib/content-server.mjs'

const DAY_2026 = new Date('2026-03-02T10:00:00+08:00')
const SOURCE = '衢州市交通运输局公告（示例）'
const OVERRIDE = {
  tollOverride: {
    version: '2026.1',
    period: { value: { from: '2025-01-01', to: '2026-12-31' }, clause: '二十六', source: SOURCE, status: 'provisional' },
    rates: { perTripFen: { value: 400, clause: '二十六', source: SOURCE, status: 'confirmed' } },
  },
}

const journey = overrideJourney('toll-override', OVERRIDE, DAY_2026)

const shown = () => visiblePage(journey.phone.page)

async function open(origin, route, expectedText) {
  await journey.phone.page.goto(`${origin}/#/${route}`)
  await waitForShownText(journey.phone.page, expectedText)
}

async function chooseStation(fieldLabel, search, station) {
  await shown().getByRole('button', { name: `选择${fieldLabel}` }).click()
  const panel = shown().getByRole('region', { name: `选择${fieldLabel}` })
  await panel.getByRole('textbox').fill(search)
  await panel.getByRole('option', { name: new RegExp(`^${station}，`) }).first().click()
}

/**
 * Each server is its own origin, with its own stored car: fill it in, then ask about 衢州东 → 龙游
 * today. `carHeadline`: what 我的车 must say first.
 */
async function judgeTodaysTrip(origin, carHeadline = '✓ 您的车符合免费条件') {
  await open(origin, 'packages/etc/pages/car/index', '车牌号')
  await shown().getByRole('textbox', { name: '车牌号' }).fill('浙h·12345')
  await shown().getByRole('radio', { name: /一类客车/ }).click()
  await shown().getByRole('radio', { name: /ETC 记账卡/ }).click()
  await shown().getByText(carHeadline).waitFor()
  await shown().getByRole('link', { name: '查一趟行程是否免费' }).click()
  await waitForShownText(journey.phone.page, '这趟行程')
  assert.equal(await shown().getByLabel('日期', { exact: true }).inputValue(), '2026-03-02')
  await chooseStation('入口收费站', 'qzd', '衢州东')
  await chooseStation('出口收费站', 'ly', '龙游')
  return shown().getByRole('status').filter({ hasText: /✓ 免费|✗ 收费|？ 是否免费待官方确认/ })
}

test('with the override: a 2026 trip is 免费, with the override’s version and fee', async () => {
  const verdict = await judgeTodaysTrip(journey.server.url)
  await verdict.getByText('✓ 免费').waitFor()
  const text = await verdict.innerText()
  assert.match(text, /2026-03-02 在“衢城畅行”实施期内（2025-01-01 至 2026-12-31）/)
  assert.match(text, /预计省下\s*约 ¥\d+\.\d{2}\s*（估算）/)
  assert.match(text, /0\.40 元\/公里 \+ 4\.00 元\/次/, 'the operator’s per-trip fee is in the estimate')
  assert.match(text, /数据版本 2026\.1/)
  assert.match(await shown().innerText(), /数据版本 2026\.1 · 运营方更新于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/)
  await verdict.getByText('✓ 免费').scrollIntoViewIfNeeded()
  await screenshot(journey.phone.page, 'etc-override-trip-free')
  await assertNoBlockingAxe(journey.phone.page, '行程查询（运营方数据）')
})

test('with the override: 站点一览 shows the extended period and who updated the data', async () => {
  await open(journey.server.url, 'packages/etc/pages/stations/index', '数据状态')
  const status = await shown().getByRole('region', { name: '数据状态' }).innerText()
  assert.match(status, /实施期：2025-01-01 至 2026-12-31/)
  assert.match(status, /数据版本 2026\.1 · 运营方更新于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/)
  await screenshot(journey.phone.page, 'etc-override-stations')
})

test('without an override (the default server): the same trip is 待官方确认 for the period', async () => {
  assert.notEqual(BASE_URL, journey.server.url)
  const verdict = await judgeTodaysTrip(BASE_URL, '？ 2026 年是否免费待官方确认')
  await verdict.getByText('？ 是否免费待官方确认').waitFor()
  const text = await verdict.innerText()
  assert.match(text, /2026-03-02 在已知实施期（2025-01-01 至 2025-12-31）之后：是否延续待官方确认/)
  assert.match(text, /0\.40 元\/公里 \+ 5\.00 元\/次/)
  assert.match(text, /数据版本 2025\.1/)
  assert.match(await shown().innerText(), /数据版本 2025\.1 · 应用内置数据/)
  await verdict.getByText('？ 是否免费待官方确认').scrollIntoViewIfNeeded()
  await screenshot(journey.phone.page, 'etc-override-default-unknown')
})

test('no console errors on the way', () => {
  assert.deepEqual(journey.phone.consoleErrors, [])
})
