/**
 * One search over everything a resident may look for — subsidy measures, calculators, events,
 * merchants, toll stations, policy clauses and pages — by Chinese characters or by pinyin: "kt"
 * finds 空调, "kongtiao" too (issue 8). The app runs it over its bundled items on the phone, the
 * server over events and merchants, so both rank the same way.
 *
 * Pinyin is never computed here: a pinyin dictionary is far larger than our package budgets. Each
 * item carries its `pinyin` and `initials`, made once with pinyin-pro — at build time for bundled
 * items (scripts/generate-search-keys.mjs → static-keys.ts), on the server for events and merchants
 * — and both turn pinyin-pro's readings into keys with `searchKeysFromReadings` below.
 */
import { toHalfWidth } from '../etc/text'

export const SEARCH_KINDS = ['measure', 'calculator', 'event', 'merchant', 'station', 'clause', 'page'] as const
export type SearchKind = (typeof SEARCH_KINDS)[number]

export const SEARCH_KIND_LABEL: Record<SearchKind, string> = {
  measure: '补贴项目',
  calculator: '补贴计算',
  event: '活动',
  merchant: '商户',
  station: '收费站',
  clause: '政策原文',
  page: '功能',
}

/** Where a result leads: a key of src/routes.ts and its query parameters. */
export interface SearchRoute {
  key: string
  params?: Readonly<Record<string, string>>
}

export interface SearchItem {
  kind: SearchKind
  /** Unique within its kind. */
  id: string
  title: string
  subtitle?: string
  /** Other words a resident may type for it (matched by characters only). */
  keywords?: readonly string[]
  /** Toneless pinyin of the title, syllables separated by spaces: 'kong tiao'. */
  pinyin?: string
  /** First letter of each syllable, digits and Latin letters kept whole: 'kt', '2025xfyyj'. */
  initials?: string
  route: SearchRoute
}

export interface SearchKeys {
  pinyin: string
  initials: string
}

/**
 * Why an item matched, best first. Title matches rank above pinyin ones; a keyword or the subtitle
 * only count when nothing in the title does.
 */
export const MATCH_REASONS = [
  'title-exact',
  'title-prefix',
  'title-contains',
  'initials-prefix',
  'pinyin-prefix',
  'initials-contains',
  'pinyin-syllable',
  'keyword',
  'subtitle',
] as const
export type MatchReason = (typeof MATCH_REASONS)[number]

export interface SearchMatch<T extends SearchItem = SearchItem> {
  item: T
  reason: MatchReason
}

export interface SearchOptions {
  limit?: number
}

/**
 * The pinyin-pro options both key makers use: toneless, ü as v (what people type: 'lv' for 绿),
 * and a run of non-Chinese text ('ETC ', '2025') kept as one piece. `type: 'all'` tells Chinese
 * from the rest, and pinyin-pro reads whole words, so 行程 is xing and 银行 hang.
 */
export const PINYIN_PRO_OPTIONS = { toneType: 'none', type: 'all', nonZh: 'consecutive', v: true } as const

/** One piece of pinyin-pro's `type: 'all'` answer (the fields we read). */
export interface PinyinReading {
  origin: string
  pinyin: string
  isZh: boolean
}

/**
 * Folds what people type into one form: full width to half width (ＫＴ → kt), lower case, and no
 * spaces or punctuation ('乐享衢州·有礼惠购' = '乐享衢州有礼惠购'). Only Latin letters, digits and
 * Chinese characters remain.
 */
export function normaliseSearchText(text: string): string {
  return toHalfWidth(text)
    .toLowerCase()
    .replace(/[^0-9a-z\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g, '')
}

/** pinyin-pro's readings of a text → the item's `pinyin` and `initials`. */
export function searchKeysFromReadings(readings: readonly PinyinReading[]): SearchKeys {
  const syllables: string[] = []
  let initials = ''
  for (const reading of readings) {
    const piece = normaliseSearchText(reading.isZh ? reading.pinyin : reading.origin)
    if (piece === '') continue
    syllables.push(piece)
    // A run of digits or Latin letters stays whole: '2025新蜂音乐节' → '2025xfyyj'.
    initials += reading.isZh ? piece[0] : piece
  }
  return { pinyin: syllables.join(' '), initials }
}

interface PreparedItem<T extends SearchItem> {
  item: T
  order: number
  title: string
  pinyinJoined: string
  /** Offsets in pinyinJoined where a syllable starts. */
  syllableStarts: number[]
  initials: string
  keywords: string[]
  subtitle: string
}

function prepare<T extends SearchItem>(item: T, order: number): PreparedItem<T> {
  const syllables = (item.pinyin ?? '').split(/\s+/).map(normaliseSearchText).filter(Boolean)
  const syllableStarts: number[] = []
  let offset = 0
  for (const syllable of syllables) {
    syllableStarts.push(offset)
    offset += syllable.length
  }
  return {
    item,
    order,
    title: normaliseSearchText(item.title),
    pinyinJoined: syllables.join(''),
    syllableStarts,
    initials: normaliseSearchText(item.initials ?? ''),
    keywords: (item.keywords ?? []).map(normaliseSearchText).filter(Boolean),
    subtitle: normaliseSearchText(item.subtitle ?? ''),
  }
}

const LATIN = /^[0-9a-z]+$/

function reasonFor(query: string, prepared: PreparedItem<SearchItem>): MatchReason | null {
  const { title } = prepared
  if (title === query) return 'title-exact'
  if (title.startsWith(query)) return 'title-prefix'
  if (title.includes(query)) return 'title-contains'
  const latin = LATIN.test(query)
  // One letter inside a word matches almost everything; from the second letter on it means something.
  const long = query.length >= 2
  if (latin) {
    if (prepared.initials.startsWith(query)) return 'initials-prefix'
    if (prepared.pinyinJoined.startsWith(query)) return 'pinyin-prefix'
    if (long && prepared.initials.includes(query)) return 'initials-contains'
    if (long && prepared.syllableStarts.some((start) => prepared.pinyinJoined.startsWith(query, start))) return 'pinyin-syllable'
  }
  if (latin && !long) return null
  if (prepared.keywords.some((keyword) => keyword.includes(query))) return 'keyword'
  if (long && prepared.subtitle.includes(query)) return 'subtitle'
  return null
}

/** Why `item` matches `query`, or null; exported for tests and for explaining a result. */
export function matchReason(query: string, item: SearchItem): MatchReason | null {
  const normalised = normaliseSearchText(query)
  return normalised === '' ? null : reasonFor(normalised, prepare(item, 0))
}

/**
 * The items matching `query`, best first: by reason (MATCH_REASONS order), then shorter titles
 * (空 → 空调 before 空气净化器), then the order given. An empty query finds nothing.
 */
export function searchItems<T extends SearchItem>(query: string, items: readonly T[], options: SearchOptions = {}): SearchMatch<T>[] {
  const normalised = normaliseSearchText(query)
  if (normalised === '') return []
  const matches: Array<{ prepared: PreparedItem<T>; rank: number; reason: MatchReason }> = []
  items.forEach((item, order) => {
    const prepared = prepare(item, order)
    const reason = reasonFor(normalised, prepared)
    if (reason) matches.push({ prepared, reason, rank: MATCH_REASONS.indexOf(reason) })
  })
  matches.sort(
    (a, b) =>
      a.rank - b.rank || Array.from(a.prepared.title).length - Array.from(b.prepared.title).length || a.prepared.order - b.prepared.order,
  )
  const limited = options.limit === undefined ? matches : matches.slice(0, Math.max(0, options.limit))
  return limited.map((match) => ({ item: match.prepared.item, reason: match.reason }))
}

export interface SearchGroup<T extends SearchItem = SearchItem> {
  kind: SearchKind
  matches: SearchMatch<T>[]
}

/** Ranked matches grouped by kind: the group holding the best match first, each keeping the ranking. */
export function groupMatchesByKind<T extends SearchItem>(matches: readonly SearchMatch<T>[]): SearchGroup<T>[] {
  const groups = new Map<SearchKind, SearchMatch<T>[]>()
  for (const match of matches) {
    const group = groups.get(match.item.kind) ?? []
    group.push(match)
    groups.set(match.item.kind, group)
  }
  return [...groups].map(([kind, grouped]) => ({ kind, matches: grouped }))
}
