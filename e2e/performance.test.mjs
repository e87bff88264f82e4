/**
 * Numbers, not verdicts (targets live in benchmarks): time to first content of 首页 with the CPU
 * slowed 4× (Chrome's "mid-tier mobile"), printed for the record. `npm run bench:h5` adds the
 * first-load bytes and a median over several cold loads; the 500-event month is in events.test.mjs.
 * It fails only when the home page never shows its entries.
 */
import { test } from 'node:test'
import { BASE_URL, launchPhone } from './lib/browser.mjs'

test('首页 time to first content at 4× CPU throttling (printed)', async () => {
  const phone = await launchPhone()
  try {
    const cdp = await phone.context.newCDPSession(phone.page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
    const started = Date.now()
    await phone.page.goto(`${BASE_URL}/#/pages/home/index`)
    await phone.page.getByText('补贴计算').first().waitFor({ timeout: 60_000 })
    const homeContentMs = Date.now() - started
    const fcpMs = await phone.page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null)
    console.info(`home first content at 4× CPU: FCP ${fcpMs === null ? 'n/a' : Math.round(fcpMs)} ms, entries visible ${homeContentMs} ms`)
  } finally {
    await phone.close()
  }
})
