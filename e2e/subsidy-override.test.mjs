/**
 * An operator's subsidy override reaches the resident (issue 3, clause 十四): a second server is
 * started with a subsidy override imported by the operator's CLI (`npm run server:import`) — the
 * provisional 2026 national appliance rule lowered to 一级能效 12%, at most ¥1,200 a piece. On a 2026
 * day the 补贴 tab's headline says so, with 运营方更新于 …; 空调 ¥5,000 一级 bought today gets ¥600.00
 * there, while the default e2e server (no override) still says ¥750.00 from the bundled rule.
 * Screenshots go to e2e/out/subsidy-override-*.png.
 */
import { test } from 'node:test'
import { assertNoBlockingAxe } from './lib/axe.mjs'
import { BASE_URL, screenshot, visiblePage, waitForShownText } from './lib/browser.mjs'
import { overrideJourney } from './lib/content-server.mjs'

const DAY_2026 = new Date('2026-03-16T10:00:00+08:00')
const NOTICE = { clause: '发改环资〔2025〕1745号', source: '商务部 2026-03-10 通知（示例）', status: 'provisional' }
const CONTENT_FILE = {
  subsidyOverrides: {
    format: 'quhuitong/subsidy-overrides@1',
    note: '2026-03 家电补贴标准调整（示例）',
    ruleSets: [
      {
        id: 'national-2026',
        patch: {
          measures: {
            appliance: {
              rates: { byGrade: { 1: { value: 12, ...NOTICE } } },
              capFen: { value: 120000, ...NOTICE },
            },
          },
        },
      },
    ],
  },
}

const journey = overrideJourney('subsidy-override', CONTENT_FILE, DAY_2026)

const shown = () => visiblePage(journey.phone.page)
const result = () => shown().locator('.subsidy-result')

async function airConditioner5000Grade1Today(origin) {
  await journey.phone.page.goto(`${origin}/#/packages/subsidy/pages/appliance/index`)
  await waitForShownText(journey.phone.page, '买的是什么家电')
  await shown().getByRole('radio', { name: '空调' }).click()
  await shown().getByRole('textbox', { name: /售价/ }).fill('5000')
  await shown().getByRole('radio', { name: '一级' }).click()
  await shown().getByRole('radio', { name: '今天' }).click()
}

test('补贴 tab: the 2026 appliance headline is the operator’s, with when it was updated', async () => {
  await journey.phone.page.goto(`${journey.server.url}/#/pages/subsidy/index`)
  await waitForShownText(journey.phone.page, '适用的规则')
  await shown().getByRole('group', { name: '家电' }).getByText('一级能效 12% · 最高 ¥1,200/件').waitFor()
  await shown()
    .getByText(/^补贴数据：运营方更新于 .+\d\d:\d\d$/)
    .waitFor()
  await screenshot(journey.phone.page, 'subsidy-override-tab')
  await assertNoBlockingAxe(journey.phone.page, '补贴 tab（运营方数据）')
})

test('空调 ¥5,000 一级 bought today: ¥600.00 under the override, with the operator’s source and update', async () => {
  await airConditioner5000Grade1Today(journey.server.url)
  await result().getByText('¥600.00', { exact: true }).waitFor()
  await result().getByText('¥5,000.00 × 12% = ¥600.00；封顶 ¥1,200.00').waitFor()
  await result().getByText('来源：商务部 2026-03-10 通知（示例）', { exact: false }).first().waitFor()
  const note = result().getByText(/^补贴数据：运营方更新于 .*（2026-03 家电补贴标准调整（示例））$/)
  await note.scrollIntoViewIfNeeded()
  await screenshot(journey.phone.page, 'subsidy-override-appliance')
  await assertNoBlockingAxe(journey.phone.page, '家电计算（运营方数据）')
})

test('the default server has no override: the bundled ¥750.00, said to be the app’s own data', async () => {
  await airConditioner5000Grade1Today(BASE_URL)
  await result().getByText('¥750.00', { exact: true }).waitFor()
  await result().getByText('补贴数据：应用内置').waitFor()
})
