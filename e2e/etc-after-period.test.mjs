/**
 * 衢城畅行 in a year whose period is not known (issue 13, clause 二十六), on a phone whose clock
 * stands at 2026-12-06: the bundled period ended 2025-12-31 and nobody has announced another.
 * On the default server 我的车 tells a qualifying 浙H car 待官方确认 — never 通行免费 — and a trip
 * check answers neither 免费 nor 收费; both offer 公布时提醒, which signs in only when tapped and is
 * then listed in 我的提醒. On a second server where the operator imported a 2026 period
 * (`npm run server:import`), the same car and trip are 免费 again, with no offer.
 * Screenshots go to e2e/out/etc-after-period-*.png.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { assertNoBlockingAxe } from './lib/axe.mjs'
import { BASE_URL, screenshot, visiblePage, waitForShownText } from './lib/browser.mjs'
import { overrideJourney } from './lib/content-server.mjs'

const DAY = new Date('2026-12-06T10:00:00+08:00')
const SOURCE = '衢州市人民政府公告（示例）'
const PERIOD_2026 = {
  tollOverride: {
    version: '2026.1',
    period: { value: { from: '2026-01-01', to: '2026-12-31' }, clause: '二十六', source: SOURCE, status: 'provisional' },
  },
}
const OFFER = '公布时提醒：“衢城畅行”新实施期'
const VERDICT = /✓ 免费|✗ 收费|？ 是否免费待官方确认/

const journey = overrideJourney('toll-period-2026', PERIOD_2026, DAY)
const shown = () => visiblePage(journey.phone.page)

async function open(origin, route, expectedText) {
  await journey.phone.page.goto(`${origin}/#/${route}`)
  await waitForShownText(journey.phone.page, expectedText)
}

async function fillCar(origin) {
  await open(origin, 'packages/etc/pages/car/index', '车牌号')
  await shown().getByRole('textbox', { name: '车牌号' }).fill('浙h·12345')
  await shown()
    .getByRole('radio', { name: /一类客车/ })
    .click()
  await shown()
    .getByRole('radio', { name: /ETC 记账卡/ })
    .click()
}

async function chooseStation(fieldLabel, search, station) {
  await shown()
    .getByRole('button', { name: `选择${fieldLabel}` })
    .click()
  const panel = shown().getByRole('region', { name: `选择${fieldLabel}` })
  await panel.getByRole('textbox').fill(search)
  await panel
    .getByRole('option', { name: new RegExp(`^${station}，`) })
    .first()
    .click()
}

async function judgeTrip() {
  await shown().getByRole('link', { name: '查一趟行程是否免费' }).click()
  await waitForShownText(journey.phone.page, '这趟行程')
  assert.equal(await shown().getByLabel('日期', { exact: true }).inputValue(), '2026-12-06')
  await chooseStation('入口收费站', 'qzd', '衢州东')
  await chooseStation('出口收费站', 'ly', '龙游')
  return shown().getByRole('status').filter({ hasText: VERDICT })
}

test('我的车 after the period: 待官方确认, never 通行免费, with the reminder offer', async () => {
  await fillCar(BASE_URL)
  const car = shown().getByRole('status').filter({ hasText: '逐项核对' })
  await car.getByText('？ 2026 年是否免费待官方确认').waitFor()
  const text = await car.innerText()
  assert.doesNotMatch(text, /通行免费/)
  assert.doesNotMatch(text, /您的车符合免费条件/)
  assert.match(text, /2025-12-31 之后是否延续待官方确认/)
  assert.ok(await car.getByRole('group', { name: OFFER }).isVisible())
  await screenshot(journey.phone.page, 'etc-after-period-car')
  await assertNoBlockingAxe(journey.phone.page, '我的车（实施期之后）')
})

test('公布时提醒: signs in only when tapped, then it is set and listed in 我的提醒', async () => {
  const offer = shown().getByRole('group', { name: OFFER })
  await offer.getByRole('button', { name: `公布时提醒我：“衢城畅行”新实施期` }).click()
  await offer.getByText(/已设置：官方公布时提醒你/).waitFor()
  await offer.getByRole('link', { name: '管理我的提醒' }).click()
  await waitForShownText(journey.phone.page, '“衢城畅行”新实施期')
  const card = shown().getByRole('listitem', { name: '公布时提醒：“衢城畅行”新实施期' })
  assert.match(await card.innerText(), /公布时间：尚未公布，官方公布后提醒你/)
  await screenshot(journey.phone.page, 'etc-after-period-reminders')
})

test('a trip check after the period: neither 免费 nor 收费, but 待官方确认 with the offer', async () => {
  await open(BASE_URL, 'packages/etc/pages/car/index', '车牌号')
  const verdict = await judgeTrip()
  await verdict.getByText('？ 是否免费待官方确认').waitFor()
  const text = await verdict.innerText()
  assert.doesNotMatch(text, /✓ 免费|✗ 收费/)
  assert.match(text, /2026-12-06 在已知实施期（2025-01-01 至 2025-12-31）之后：是否延续待官方确认/)
  assert.match(text, /若收费，预计通行费\s*约 ¥\d+\.\d{2}\s*（估算）/)
  assert.ok(await verdict.getByRole('group', { name: OFFER }).isVisible())
  await verdict.getByText('？ 是否免费待官方确认').scrollIntoViewIfNeeded()
  await screenshot(journey.phone.page, 'etc-after-period-trip')
  await assertNoBlockingAxe(journey.phone.page, '行程查询（实施期之后）')
})

test('with a 2026 period imported by the operator, the same car and trip are 免费 again', async () => {
  await fillCar(journey.server.url)
  await shown().getByText('✓ 您的车符合免费条件').waitFor()
  assert.equal(await shown().getByRole('group', { name: OFFER }).count(), 0)
  const verdict = await judgeTrip()
  await verdict.getByText('✓ 免费').waitFor()
  const text = await verdict.innerText()
  assert.match(text, /2026-12-06 在“衢城畅行”实施期内（2026-01-01 至 2026-12-31）/)
  assert.match(text, /数据版本 2026\.1/)
  assert.equal(await shown().getByRole('group', { name: OFFER }).count(), 0)
  await screenshot(journey.phone.page, 'etc-after-period-imported')
})

test('no console errors on the way', () => {
  assert.deepEqual(journey.phone.consoleErrors, [])
})
