/**
 * Shared helpers for the H5 browser journeys: Debian's chromium driven by playwright-core at a
 * phone viewport, zh-CN, Asia/Shanghai, with a fresh profile and no background networking (this
 * machine has no internet; Chromium's own update/sync calls would only add noise).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'

export const OUT_DIR = new URL('../out/', import.meta.url).pathname
export const BASE_URL = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:8080'
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export const PHONE = {
  viewport: { width: 375, height: 812 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
}

/** The operators’ console is used at a desk: Chrome or Edge at 1366 × 768 and up. */
export const DESK = {
  viewport: { width: 1366, height: 768 },
  deviceScaleFactor: 1,
  isMobile: false,
  hasTouch: false,
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
}

export async function launchDesk() {
  return launchPhone(DESK)
}

export async function launchPhone(device = PHONE) {
  mkdirSync(OUT_DIR, { recursive: true })
  const profile = mkdtempSync(join(tmpdir(), 'qht-e2e-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    acceptDownloads: true,
    ...device,
  })
  const page = context.pages()[0] ?? (await context.newPage())
  const consoleErrors = []
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text())
  })
  page.on('pageerror', (error) => consoleErrors.push(String(error)))
  return {
    context,
    page,
    consoleErrors,
    async close() {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

/** Opens a hash route of the H5 app and waits until the page's text is there. */
export async function openRoute(page, route, expectedText) {
  await page.goto(`${BASE_URL}/#/${route.replace(/^\//, '')}`)
  if (expectedText) await visiblePage(page).getByText(expectedText, { exact: false }).first().waitFor({ timeout: 15_000 })
}

/** Clicks a tab in Taro's H5 tab bar and waits for the new page's text (slide animation ~300 ms). */
export async function clickTab(page, name, expectedText) {
  await page.locator('.taro-tabbar__tabbar').getByText(name, { exact: true }).click()
  await visiblePage(page).getByText(expectedText, { exact: false }).first().waitFor({ timeout: 15_000 })
  await page.waitForTimeout(350)
}

export async function screenshot(page, name) {
  await page.screenshot({ path: join(OUT_DIR, `${name}.png`), fullPage: false })
}

/** The page currently shown: Taro H5 keeps other tab and stack pages in the DOM, hidden. */
export function visiblePage(page) {
  return page.locator('.taro_page:visible').last()
}

/** Waits for text on the page shown, then lets Taro's H5 slide-in (~300 ms) settle. */
export async function waitForShownText(page, text) {
  await visiblePage(page).getByText(text, { exact: false }).first().waitFor({ timeout: 15_000 })
  await page.waitForTimeout(350)
}

/** Sets 长辈模式 in the app's persisted preferences (takes effect on the next load). */
export async function setElderMode(page, on) {
  await page.evaluate((elder) => {
    localStorage.setItem('qht:preferences', JSON.stringify({ data: JSON.stringify({ state: { elderMode: elder, elderModePrompted: true }, version: 2 }) }))
  }, on)
}

/**
 * Types a date into a native <input type="date"> from the keyboard, as a person would: focus it
 * and type the digits. Chromium orders the parts by its UI language (month/day/year here, year
 * first in a Chinese UI), so the month-first order is tried, then year-first.
 */
export async function typeDate(page, input, date) {
  const [year, month, day] = date.split('-')
  const orders = [
    [month, day, year],
    [year, month, day],
  ]
  for (const parts of orders) {
    await input.focus()
    for (const part of parts) {
      await page.keyboard.type(part)
      if (part === year) await page.keyboard.press('ArrowRight')
    }
    if ((await input.inputValue()) === date) return
    await input.fill('')
  }
  throw new Error(`could not type ${date} into the date field`)
}
