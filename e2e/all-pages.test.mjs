/**
 * Every page of the app, in normal and in 长辈模式: it renders (no blank page, no error), passes
 * axe-core (WCAG 2 A/AA) with no serious or critical violation, and in elder mode its body text is
 * ≥ 18 px and its buttons and text fields are ≥ 60×60 px. Screenshots: e2e/out/page-<key>-<mode>.png.
 * The page list is checked against src/routes.ts, so a new page cannot skip this test.
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { after, before, test } from 'node:test'
import { scanAccessibility } from './lib/axe.mjs'
import { BASE_URL, launchPhone, screenshot, setElderMode, visiblePage } from './lib/browser.mjs'

// The registry itself (TypeScript, loaded through esbuild as check:weapp does), not a regex over it.
const { transformSync } = createRequire(import.meta.url)('esbuild')
const routesModule = { exports: {} }
new Function('module', 'exports', transformSync(readFileSync(new URL('../src/routes.ts', import.meta.url), 'utf8'), { loader: 'ts', format: 'cjs' }).code)(
  routesModule,
  routesModule.exports,
)
const ROUTE_KEYS = routesModule.exports.pageShareTable().map((row) => row.key)

/** key → [path, query] for every page; ids come from the sample content at run time. */
function pageList(sample) {
  return {
    home: ['pages/home/index'],
    subsidy: ['pages/subsidy/index'],
    vouchers: ['pages/vouchers/index'],
    events: ['pages/events/index'],
    mine: ['pages/mine/index'],
    'policy-clause': ['packages/policy/pages/clause/index', 'id=十四'],
    'etc-car': ['packages/etc/pages/car/index'],
    'etc-trip': ['packages/etc/pages/trip/index'],
    'etc-trips': ['packages/etc/pages/trips/index'],
    'etc-stations': ['packages/etc/pages/stations/index'],
    'event-detail': ['packages/events/pages/detail/index', `id=${encodeURIComponent(sample.eventId)}`],
    'event-progress': ['packages/events/pages/progress/index'],
    'my-reminders': ['packages/reminders/pages/list/index'],
    'my-data': ['packages/account/pages/my-data/index'],
    'vouchers-batch': ['packages/vouchers/pages/batch/index', `id=${encodeURIComponent(sample.batchId)}`],
    'vouchers-wallet': ['packages/vouchers/pages/wallet/index'],
    'vouchers-detail': ['packages/vouchers/pages/detail/index', 'id=not-a-voucher'],
    'vouchers-best': ['packages/vouchers/pages/best/index'],
    'vouchers-merchants': ['packages/vouchers/pages/merchants/index'],
    'vouchers-merchant-desk': ['packages/vouchers/pages/merchant-desk/index'],
    'subsidy-appliance': ['packages/subsidy/pages/appliance/index', 'category=air-conditioner'],
    'subsidy-furniture': ['packages/subsidy/pages/furniture/index'],
    'subsidy-digital': ['packages/subsidy/pages/digital/index'],
    'subsidy-car': ['packages/subsidy/pages/car/index'],
    'subsidy-ebike': ['packages/subsidy/pages/ebike/index'],
    'subsidy-renovation': ['packages/subsidy/pages/renovation/index'],
    'subsidy-basket': ['packages/subsidy/pages/basket/index'],
    'subsidy-guide': ['packages/subsidy/pages/guide/index'],
    search: ['packages/search/pages/search/index'],
    'info-privacy': ['packages/info/pages/privacy/index'],
    'info-terms': ['packages/info/pages/terms/index'],
    'info-about': ['packages/info/pages/about/index'],
    'info-feedback': ['packages/info/pages/feedback/index'],
  }
}

let phone
let pages

before(async () => {
  const events = await (await fetch(`${BASE_URL}/api/v1/events`)).json()
  const batches = await (await fetch(`${BASE_URL}/api/v1/batches`)).json()
  pages = pageList({ eventId: events.data[0]?.id ?? 'missing', batchId: batches.data[0]?.id ?? 'missing' })
  phone = await launchPhone()
})

after(async () => {
  await phone?.close()
})

test('the list covers every page in src/routes.ts', () => {
  assert.deepEqual([...ROUTE_KEYS].sort(), Object.keys(pages).sort())
})

/**
 * Buttons and text fields smaller than the elder-mode minimum (60×60 CSS px), by their text. A
 * text field counts by its real <input>: on H5 that sits inside Taro's wrapper, and a tap on the
 * wrapper outside the input does not focus it.
 */
async function smallTargets(page) {
  return visiblePage(page)
    .locator('[role=button], [role=switch], [role=tab], [role=checkbox], [role=radio], button, input:not([type=checkbox]):not([type=radio]):not([type=hidden]), textarea')
    .evaluateAll((elements) =>
      elements
        .filter((element) => element.getClientRects().length > 0)
        .map((element) => ({ text: (element.getAttribute('aria-label') || element.textContent || '').trim().slice(0, 20), box: element.getBoundingClientRect() }))
        .filter(({ box }) => box.width > 0 && (box.width < 59.5 || box.height < 59.5))
        .map(({ text, box }) => `${text} ${Math.round(box.width)}×${Math.round(box.height)}`),
    )
}

for (const mode of ['normal', 'elder']) {
  test(`every page in ${mode} mode renders, passes axe and fits the mode`, async () => {
    const { page, consoleErrors } = phone
    const problems = []
    await page.goto(`${BASE_URL}/#/pages/home/index`)
    await setElderMode(page, mode === 'elder')
    for (const [key, [path, query]] of Object.entries(pages)) {
      await page.goto(`${BASE_URL}/#/${path}${query ? `?${query}` : ''}`)
      await page.reload()
      const main = visiblePage(page).locator('.page').first()
      try {
        await main.waitFor({ timeout: 15_000 })
      } catch {
        problems.push({ key, problem: 'page did not render' })
        continue
      }
      await page.waitForTimeout(600) // data from the local server, fonts
      const text = (await main.innerText()).trim()
      if (text.length < 10) problems.push({ key, problem: 'blank page' })
      if (/NaN|undefined|\[object Object\]/.test(text)) problems.push({ key, problem: `bad text on screen: ${text.match(/.{0,20}(NaN|undefined|\[object Object\]).{0,20}/)?.[0]}` })
      for (const violation of await scanAccessibility(page, `${key} ${mode}`)) problems.push({ key, problem: `axe ${violation.id}: ${violation.help}`, nodes: violation.nodes })
      if (mode === 'elder') {
        const size = await main.evaluate((element) => parseFloat(getComputedStyle(element).fontSize))
        if (size < 18) problems.push({ key, problem: `body text ${size}px < 18px` })
        const small = await smallTargets(page)
        if (small.length) problems.push({ key, problem: `targets under 60×60: ${small.slice(0, 5).join('; ')}` })
      }
      await screenshot(page, `page-${key}-${mode}`)
    }
    const errors = consoleErrors.filter((message) => !/Failed to load resource: the server responded with a status of (401|404)/.test(message))
    assert.deepEqual({ problems, errors }, { problems: [], errors: [] })
  })
}
