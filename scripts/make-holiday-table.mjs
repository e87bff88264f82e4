#!/usr/bin/env node
/**
 * Writes src/domain/events/holiday-table.json: the public holidays (休), 调休 working days (班) and
 * in-lieu days from the maintained `chinese-days` package, from FIRST_YEAR on. The calendar sits
 * in the mini-program's main package (≤ 500 KB): the package's whole table (2004 onward) is ~45 KB
 * there, the years the app can show are ~6 KB. Run after updating chinese-days:
 *   node scripts/make-holiday-table.mjs
 * src/domain/events/holidays.test.ts fails until the table matches the installed package.
 */
import { writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const FIRST_YEAR = 2024
const require = createRequire(import.meta.url)
const source = require('chinese-days/dist/chinese-days.json')
const { version } = require('chinese-days/package.json')

const pick = (entries) =>
  Object.fromEntries(
    Object.entries(entries)
      .filter(([date]) => Number(date.slice(0, 4)) >= FIRST_YEAR)
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  )
const table = {
  source: `chinese-days@${version}`,
  firstYear: FIRST_YEAR,
  holidays: pick(source.holidays),
  workdays: pick(source.workdays),
  inLieuDays: pick(source.inLieuDays),
}
const file = new URL('../src/domain/events/holiday-table.json', import.meta.url)
writeFileSync(file, `${JSON.stringify(table, null, 2)}\n`)
console.info(
  `holiday-table.json: ${Object.keys(table.holidays).length} holidays, ${Object.keys(table.workdays).length} makeup workdays from ${FIRST_YEAR} (${table.source})`,
)
