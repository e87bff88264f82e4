#!/usr/bin/env node
/**
 * npm run bench:h5 — what a resident on a cheap Android phone waits for, measured in Debian's
 * Chromium against the real server with the sample content:
 *  - first-load bytes of 首页: every script, stylesheet and document fetched until the page is
 *    idle, raw and gzipped (what a gzip-serving CDN would send); budget in scripts/budgets.json;
 *  - time to first content of 首页 with the CPU throttled 4× (Chrome DevTools' "mid-tier mobile"),
 *    as first-contentful-paint and as "the home entries are on screen", median of 5 cold loads.
 * Prints one JSON line and a readable table. Fails only when the gzipped first load is over budget.
 * BENCH_SKIP_BUILD=1 reuses dist/h5.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { launchPhone } from '../e2e/lib/browser.mjs'
import { startAppServer } from './lib/app-server.mjs'

const root = new URL('..', import.meta.url).pathname
const budgets = JSON.parse(readFileSync(join(root, 'scripts/budgets.json'), 'utf8'))
const RUNS = Number(process.env.BENCH_RUNS ?? 5)

if (!process.env.BENCH_SKIP_BUILD) {
  const build = spawnSync('npx', ['taro', 'build', '--type', 'h5'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production', TARO_APP_API_BASE: '', TARO_APP_DEV_LOGIN: 'true' } })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

const app = await startAppServer({ root, staticDir: join(root, 'dist/h5') })
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

async function firstLoadBytes() {
  const phone = await launchPhone()
  const assets = new Map()
  phone.page.on('response', async (response) => {
    const type = response.request().resourceType()
    if (!['document', 'script', 'stylesheet'].includes(type) || !response.url().startsWith(app.url)) return
    try {
      const body = await response.body()
      assets.set(response.url(), { type, raw: body.length, gzip: gzipSync(body, { level: 9 }).length })
    } catch {
      // redirects and aborted requests have no body
    }
  })
  await phone.page.goto(`${app.url}/#/pages/home/index`, { waitUntil: 'networkidle' })
  await phone.close()
  const list = [...assets.entries()].map(([url, size]) => ({ file: url.replace(app.url, ''), ...size }))
  return { list, raw: list.reduce((sum, item) => sum + item.raw, 0), gzip: list.reduce((sum, item) => sum + item.gzip, 0) }
}

async function timeToFirstContent() {
  const fcp = []
  const content = []
  for (let run = 0; run < RUNS; run += 1) {
    const phone = await launchPhone()
    const cdp = await phone.context.newCDPSession(phone.page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
    const started = Date.now()
    await phone.page.goto(`${app.url}/#/pages/home/index`)
    await phone.page.getByText('补贴计算').first().waitFor({ timeout: 60_000 })
    content.push(Date.now() - started)
    fcp.push(await phone.page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1))
    await phone.close()
  }
  return { fcpMs: Math.round(median(fcp)), homeContentMs: median(content), runs: RUNS }
}

try {
  const bytes = await firstLoadBytes()
  const timing = await timeToFirstContent()
  console.info('\nfirst load of 首页 (H5)            raw KB   gzip KB')
  for (const item of bytes.list) console.info(`${item.file.padEnd(34).slice(0, 34)} ${(item.raw / 1024).toFixed(1).padStart(7)} ${(item.gzip / 1024).toFixed(1).padStart(8)}`)
  console.info(`${'total'.padEnd(34)} ${(bytes.raw / 1024).toFixed(1).padStart(7)} ${(bytes.gzip / 1024).toFixed(1).padStart(8)}   budget ${(budgets.h5FirstLoadGzipBytes / 1024).toFixed(0)} KB gzip`)
  console.info(`time to first content, CPU 4× slower, median of ${timing.runs}: FCP ${timing.fcpMs} ms, home entries visible ${timing.homeContentMs} ms\n`)
  console.info(JSON.stringify({ bench: 'h5-first-load', rawBytes: bytes.raw, gzipBytes: bytes.gzip, gzipBudgetBytes: budgets.h5FirstLoadGzipBytes, cpuThrottle: 4, fcpMs: timing.fcpMs, homeContentMs: timing.homeContentMs }))
  if (bytes.gzip > budgets.h5FirstLoadGzipBytes) {
    console.error(`H5 first load is ${bytes.gzip} bytes gzipped, over the budget of ${budgets.h5FirstLoadGzipBytes}`)
    process.exitCode = 1
  }
} finally {
  await app.close()
}
