/**
 * Accessibility scan of the page currently shown and any sheet or dialog open over it, with
 * axe-core (WCAG 2 A and AA rules). Only
 * serious and critical violations fail a journey; the rest are printed for the next engineer.
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

export async function scanAccessibility(page, label) {
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.addScriptTag({ content: AXE_SOURCE })
  const result = await page.evaluate(async () => {
    const shown = (element) => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden'
    const visible = [...document.querySelectorAll('.taro_page')].filter((element) => element.offsetParent !== null || getComputedStyle(element).display !== 'none')
    // Sheets and dialogs (Taro's H5 modal, toast, picker) are appended to <body>, outside the page:
    // an open one is scanned with the page, so a sheet cannot hide its contrast or size problems.
    const app = document.getElementById('app')
    const overlays = [...document.body.children].filter((element) => element !== app && !element.contains(app) && !['SCRIPT', 'STYLE', 'LINK'].includes(element.tagName) && shown(element))
    const context = visible.length ? { include: [visible[visible.length - 1], ...overlays], exclude: [] } : document
    const outcome = await window.axe.run(context, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] }, resultTypes: ['violations'] })
    return outcome.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')),
    }))
  })
  const blocking = result.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
  const minor = result.filter((violation) => !blocking.includes(violation))
  if (minor.length) console.info(`axe (${label}): ${minor.length} minor: ${minor.map((violation) => violation.id).join(', ')}`)
  return blocking
}

/** Fails the journey on any serious or critical violation on the page shown. */
export async function assertNoBlockingAxe(page, label) {
  const blocking = await scanAccessibility(page, label)
  assert.deepEqual(blocking, [], `${label}: ${JSON.stringify(blocking, null, 2)}`)
}
