/**
 * Pinyin keys for content that arrives after the app was built (events, merchants), made here
 * with pinyin-pro — the app never bundles its dictionary. The same options and folding as the
 * build-time keys of bundled items (scripts/lib/search-keys.ts), from src/domain/search.
 */
import { pinyin } from 'pinyin-pro'
import { PINYIN_PRO_OPTIONS, searchKeysFromReadings, type SearchKeys } from '../../../src/domain/search/search'

/** Titles repeat across rebuilds of the index; past this many distinct ones the memo starts over. */
const MEMO_LIMIT = 20_000
const memo = new Map<string, SearchKeys>()

export function pinyinKeysOf(text: string): SearchKeys {
  const known = memo.get(text)
  if (known) return known
  const keys = searchKeysFromReadings(pinyin(text, PINYIN_PRO_OPTIONS))
  if (memo.size >= MEMO_LIMIT) memo.clear()
  memo.set(text, keys)
  return keys
}
