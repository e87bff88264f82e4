#!/usr/bin/env node
/**
 * Writes src/domain/search/static-keys.ts: pinyin and initials of every bundled search title,
 * computed here with pinyin-pro so the app never bundles its dictionary (issue 8, size budgets).
 *
 *   node scripts/generate-search-keys.mjs           rewrite the file
 *   node scripts/generate-search-keys.mjs --check   exit 1 if the committed file is stale
 *
 * The titles live in TypeScript (src/domain/search/static-sources.ts); tsx, which the server
 * already depends on, loads them.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { format, resolveConfig } from 'prettier'

const root = new URL('..', import.meta.url)
const { tsImport } = await import(new URL('server/node_modules/tsx/dist/esm/api/index.mjs', root).href)
const { renderStaticKeysSource, STATIC_KEYS_FILE } = await tsImport('./lib/search-keys.ts', import.meta.url)

const target = new URL(STATIC_KEYS_FILE, root)
// Formatted as `npm run format` would, so formatting the repo never makes the file stale.
const fresh = await format(renderStaticKeysSource(), { ...((await resolveConfig(target.pathname)) ?? {}), filepath: target.pathname })
let current = ''
try {
  current = readFileSync(target, 'utf8')
} catch {
  // first run: nothing generated yet
}

if (process.argv.includes('--check')) {
  if (current !== fresh) {
    console.error(`${STATIC_KEYS_FILE} is stale: run node scripts/generate-search-keys.mjs`)
    process.exit(1)
  }
  console.info(`${STATIC_KEYS_FILE} is up to date`)
} else if (current === fresh) {
  console.info(`${STATIC_KEYS_FILE} unchanged`)
} else {
  writeFileSync(target, fresh)
  console.info(`wrote ${STATIC_KEYS_FILE}`)
}
