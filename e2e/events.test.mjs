/**
 * 活动 journey on the H5 build against the real server with its sample content: the month view,
 * choosing a day, an event page, the .ics download (parsed with ical.js), 目标进度, axe in normal
 * and elder mode, and a measurement of a month with 500 events (printed, never asserted on time).
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import ICAL from 'ical.js'
import { scanAccessibility } from './lib/axe.mjs'
import { launchPhone, openRoute, OUT_DIR, screenshot, visiblePage } from './lib/browser.mjs'

let phone

before(async () => {
  phone = await launchPhone()
})

after(async () => {
  await phone?.close()
})

const dayWithEvents = (page) => visiblePage(page).locator('[role="radio"][aria-label*="个活动"]:not([aria-label*="均已取消"])')

/** A day after today that has events not all cancelled, so an event page offers its actions. */
async function futureDayWithEvents(page) {
  const labels = await visiblePage(page)
    .locator('[role="radiogroup"] [role="radio"]')
    .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('aria-label')))
  const today = labels.findIndex((label) => label.includes('今天'))
  const label = labels.slice(today + 1).find((item) => /个活动/.test(item) && !/均已取消/.test(item))
  assert.ok(label, 'the sample has events after today in this grid')
  return visiblePage(page).getByRole('radio', { name: label, exact: true })
}

/**
 * 长辈模式 shows one day at a time (no month grid): steps 后一天 until a day lists an event that is
 * not cancelled, and answers that event's link.
 */
async function elderFutureEventWithActions(page) {
  const shown = visiblePage(page)
  for (let step = 0; step < 31; step += 1) {
    await shown.getByRole('button', { name: /^后一天/ }).click()
    await shown.getByText('正在加载活动…').waitFor({ state: 'detached', timeout: 15_000 })
    const open = shown.getByRole('region', { name: '当天活动' }).getByRole('link').filter({ hasNotText: '已取消' })
    if ((await open.count()) > 0) return open.first()
  }
  assert.fail('the sample has events in the 31 days after today')
}

/**
 * Opens a route on a fresh load: after a subpackage page, Taro's H5 router left alone with a hash
 * change shows no page at all, so each journey starts from a reload at its route.
 */
async function freshRoute(page, route, text) {
  await openRoute(page, route)
  await page.reload()
  await visiblePage(page).getByText(text, { exact: false }).first().waitFor({ timeout: 15_000 })
}

async function openEventsTab(page) {
  await freshRoute(page, 'pages/events/index', '本周活动')
  await visiblePage(page)
    .getByText(/数据更新于|内置的数据|上次保存的数据/)
    .first()
    .waitFor({ timeout: 15_000 })
}

test('month view: Monday first, 休/班 legend, today marked, days announced', async () => {
  const { page } = phone
  await openEventsTab(page)
  const shown = visiblePage(page)
  const cells = shown.locator('[role="radiogroup"] [role="radio"]')
  assert.equal(await cells.count(), 42)
  assert.match(await cells.first().getAttribute('aria-label'), /周一/)
  assert.ok((await shown.locator('[role="radio"][aria-label*="今天"]').count()) === 1, 'today is marked once')
  await shown.getByText('法定节假日').waitFor()
  await shown.getByText('调休上班').waitFor()
  assert.ok((await dayWithEvents(page).count()) > 0, 'the server sample has events this month')
  await screenshot(page, 'events-month')
})

test('selecting a day lists its events; an event opens with time, venue and actions', async () => {
  const { page } = phone
  await openEventsTab(page)
  const shown = visiblePage(page)
  const day = dayWithEvents(page).first()
  const label = await day.getAttribute('aria-label')
  await day.click()
  assert.equal(await day.getAttribute('aria-checked'), 'true')
  const region = shown.getByRole('region', { name: '当天活动' })
  const count = Number(/(\d+) 个活动/.exec(label)[1])
  await region.getByRole('link').first().waitFor()
  assert.equal(await region.getByRole('link').count(), Math.min(count, 20))
  await screenshot(page, 'events-day-selected')

  await region.getByRole('link').first().click()
  const detail = visiblePage(page)
  await detail.getByText('时间（北京时间）').waitFor({ timeout: 15_000 })
  await detail
    .getByRole('button', { name: /^在地图上查看/ })
    .first()
    .waitFor()
  await screenshot(page, 'event-detail')
})

test('加入手机日历 on H5 downloads an .ics that parses, with the event on screen', async () => {
  const { page } = phone
  await openEventsTab(page)
  // A day whose events are not all cancelled, so the calendar action is offered.
  await (await futureDayWithEvents(page)).click()
  const region = visiblePage(page).getByRole('region', { name: '当天活动' })
  const link = region.locator('[role="link"]:not([aria-label*="已取消"])').first()
  await link.click()
  const detail = visiblePage(page)
  await detail.getByText('时间（北京时间）').waitFor({ timeout: 15_000 })
  const title = (await detail.getByRole('heading', { level: 1 }).textContent()).trim()

  const [download] = await Promise.all([page.waitForEvent('download'), detail.getByRole('button', { name: /加入手机日历/ }).click()])
  assert.match(download.suggestedFilename(), /^quhuitong-[a-z0-9-]+\.ics$/)
  const file = join(OUT_DIR, download.suggestedFilename())
  await download.saveAs(file)
  const calendar = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')))
  const events = calendar.getAllSubcomponents('vevent')
  assert.equal(events.length, 1)
  const vevent = new ICAL.Event(events[0])
  assert.equal(vevent.summary, title)
  assert.ok(vevent.startDate, 'has a start')
  assert.ok(events[0].getFirstSubcomponent('valarm'), 'has the day-before alarm')
  await detail
    .getByText(/已下载日历文件/)
    .first()
    .waitFor()
  await screenshot(page, 'event-ics-downloaded')
})

test('提醒我 on H5: kept in-app after the dev login, listed in 我的提醒, cancelled there', async () => {
  const { page } = phone
  await openEventsTab(page)
  await (await futureDayWithEvents(page)).click()
  await visiblePage(page).getByRole('region', { name: '当天活动' }).locator('[role="link"]:not([aria-label*="已取消"])').first().click()
  const detail = visiblePage(page)
  await detail.getByText('时间（北京时间）').waitFor({ timeout: 15_000 })
  const title = (await detail.getByRole('heading', { level: 1 }).textContent()).trim()
  await detail.getByRole('button', { name: `提醒我：${title}` }).click()
  await detail.getByText('提醒已保存在「我的 → 我的提醒」').first().waitFor({ timeout: 15_000 })
  await detail.getByText(/已设置提醒：.*应用内提醒/).waitFor()
  await screenshot(page, 'event-remind-me')

  await detail.getByRole('link', { name: '管理我的提醒' }).click()
  const list = visiblePage(page)
  const card = list.getByRole('listitem', { name: `活动开始提醒：${title}` })
  await card.waitFor({ timeout: 15_000 })
  const problems = await scanAccessibility(page, 'my reminders')
  await screenshot(page, 'my-reminders')
  await card.getByRole('button', { name: `取消提醒：${title}` }).click()
  await card.getByRole('button', { name: '确定取消' }).click()
  await card.waitFor({ state: 'detached', timeout: 15_000 })
  assert.deepEqual(problems, [])
})

test('目标进度: this year without published targets says so; 2025 shows each promise with the clause', async () => {
  const { page } = phone
  await openEventsTab(page)
  await visiblePage(page)
    .getByRole('link', { name: /目标进度/ })
    .click()
  const progress = visiblePage(page)
  await progress.getByText('条款（十五）承诺的活动，办了多少').waitFor({ timeout: 15_000 })
  const thisYear = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date())
  if (thisYear !== '2025') await progress.getByText(`${thisYear} 年没有公布活动目标`).waitFor({ timeout: 15_000 })
  await progress.getByRole('radio', { name: '2025 年' }).click()
  await progress.getByText('南孔市集', { exact: true }).waitFor({ timeout: 15_000 })
  await progress.getByText(/依据 衢政发〔2025〕4号/).waitFor()
  assert.ok((await progress.getByRole('listitem').count()) >= 7, 'one row per promised count')
  await screenshot(page, 'event-progress-2025')
})

test('活动 tab, event page and 目标进度 pass axe in normal and elder mode', async () => {
  const { page } = phone
  const problems = []
  for (const elder of [false, true]) {
    await page.evaluate((on) => {
      localStorage.setItem(
        'qht:preferences',
        JSON.stringify({ data: JSON.stringify({ state: { elderMode: on, elderModePrompted: true }, version: 2 }) }),
      )
    }, elder)
    await openEventsTab(page)
    await visiblePage(page).getByRole('button', { name: /^筛选/ }).click()
    for (const violation of await scanAccessibility(page, `events${elder ? ' elder' : ''}`))
      problems.push({ page: 'events', elder, ...violation })
    if (elder) await screenshot(page, 'events-month-elder')

    if (elder) {
      assert.equal(
        await visiblePage(page)
          .getByRole('radiogroup', { name: /选择日期查看当天活动/ })
          .count(),
        0,
        'no month grid in 长辈模式',
      )
      await (await elderFutureEventWithActions(page)).click()
    } else {
      await (await futureDayWithEvents(page)).click()
      await visiblePage(page).getByRole('region', { name: '当天活动' }).getByRole('link').first().click()
    }
    await visiblePage(page).getByText('时间（北京时间）').waitFor({ timeout: 15_000 })
    for (const violation of await scanAccessibility(page, `event detail${elder ? ' elder' : ''}`))
      problems.push({ page: 'detail', elder, ...violation })
    if (elder) await screenshot(page, 'event-detail-elder')

    await freshRoute(page, 'packages/events/pages/progress/index', '条款（十五）承诺的活动')
    await visiblePage(page).getByRole('radio', { name: '2025 年' }).click()
    await visiblePage(page).getByText('南孔市集', { exact: true }).waitFor({ timeout: 15_000 })
    for (const violation of await scanAccessibility(page, `progress${elder ? ' elder' : ''}`))
      problems.push({ page: 'progress', elder, ...violation })
  }
  await page.evaluate(() => localStorage.removeItem('qht:preferences'))
  assert.deepEqual(problems, [])
})

/** 500 valid events spread over the month of `from`…`to` (the grid's range), 8:00–20:00. */
function fiveHundredEvents(from, to) {
  const types = ['promotion', 'dining', 'market', 'sports', 'concert', 'other']
  const counties = ['330802', '330803', '330822', '330824', '330825', '330881', '330800']
  const middle = new Date(`${from}T00:00:00Z`).getTime() + 14 * 86_400_000
  const month = new Date(middle).toISOString().slice(0, 7)
  const events = []
  for (let index = 0; index < 500; index += 1) {
    const day = String((index % 28) + 1).padStart(2, '0')
    const hour = String(8 + (index % 12)).padStart(2, '0')
    const end = String(9 + (index % 12)).padStart(2, '0')
    const type = types[index % types.length]
    events.push({
      id: `bulk-${index}`,
      type,
      ...(type === 'sports' ? { sportsLevel: 'municipal' } : {}),
      title: `测量活动 ${index}`,
      county: counties[index % counties.length],
      tags: [],
      venue: { name: '测量场地', lng: 118.87, lat: 28.94, coordinateSystem: 'gcj02', coordinateStatus: 'provisional' },
      otherVenues: [],
      allDay: false,
      start: `${month}-${day}T${hour}:00:00+08:00`,
      end: `${month}-${day}T${end}:00:00+08:00`,
      admission: index % 2 ? { kind: 'free' } : { kind: 'ticketed', priceText: '50 元' },
      organiser: null,
      voucherBatchIds: [],
      status: 'scheduled',
      revision: 0,
      provenance: { source: 'e2e', status: 'provisional', sample: false },
      updatedAt: new Date().toISOString(),
    })
  }
  return events.filter((event) => event.start.slice(0, 10) >= from && event.start.slice(0, 10) <= to)
}

test('a month with 500 events renders (measured, not asserted)', async () => {
  const { page } = phone
  await openEventsTab(page)
  // The next month is served 500 events by the browser itself, so the number measures the app.
  await page.route('**/api/v1/events?*', async (route) => {
    const url = new URL(route.request().url())
    const from = url.searchParams.get('from')
    const to = url.searchParams.get('to')
    const all = fiveHundredEvents(from, to)
    const pageNumber = Number(url.searchParams.get('page') ?? 1)
    const pageSize = Number(url.searchParams.get('pageSize') ?? 50)
    const data = all.slice((pageNumber - 1) * pageSize, pageNumber * pageSize)
    await route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ data, meta: { total: all.length, page: pageNumber, pageSize } }),
    })
  })
  const shown = visiblePage(page)
  const started = Date.now()
  await shown.getByRole('button', { name: '下个月' }).click()
  await shown.getByText('本月 500 个活动').waitFor({ timeout: 30_000 })
  const loadedAndRendered = Date.now() - started

  // Selecting a day in the busy month: the day list and two cells change, not the grid.
  const selectStarted = Date.now()
  await shown.locator('[role="radio"][aria-label*="个活动"]').nth(10).click()
  await shown.getByRole('region', { name: '当天活动' }).getByRole('link').first().waitFor()
  const selected = Date.now() - selectStarted

  // The same month again, from memory: only the grid build and render.
  await shown.getByRole('button', { name: '上个月' }).click()
  await shown.getByText('本周活动').waitFor()
  const renderStarted = Date.now()
  await shown.getByRole('button', { name: '下个月' }).click()
  await shown.getByText('本月 500 个活动').waitFor()
  const rendered = Date.now() - renderStarted
  await screenshot(page, 'events-month-500')
  await page.unroute('**/api/v1/events?*')

  console.info(`month-500-events render: ${rendered} ms`)
  console.info(`month-500-events fetch (3 pages) + render: ${loadedAndRendered} ms; select a day: ${selected} ms`)
})

test('no console errors on the way', () => {
  assert.deepEqual(phone.consoleErrors, [])
})
