/**
 * The event counts clause (十五) of 衢政发〔2025〕4号 promises, as data. Quoted from
 * 衢政发〔2025〕4号 (documents/quzhou-2025-policy.txt):
 *
 *   组织南孔市集40场以上。…2025年举办“乐享衢州·有礼惠购”促消费活动100场,餐饮消费欢乐季活动10场,
 *   发放消费券1.1亿元。全市域举办国家级体育赛事10场以上、省级体育赛事20场以上、市级体育赛事300场以上。
 *   全市域举办演唱会、音乐节20场以上。
 *
 * The voucher amount (1.1 亿元) and the scenic-area goals are not event counts and live elsewhere.
 * No target has been published for 2026: that year is listed as unpublished so the
 * screen says so instead of reusing 2025's numbers.
 */
import { z } from 'zod'
import { CITY_DOCUMENT, type EffectivePeriod, type FigureStatus } from './types'
import { EVENT_TYPES, SPORTS_LEVELS, type EventType, type SportsLevel } from '../events/event-basics'

export interface EventTarget {
  id: string
  label: string
  /** Which events count toward it. */
  match: { type: EventType; sportsLevel?: SportsLevel }
  value: number
  /** true for "N 场以上" (at least N), false for "N 场" (N promised). Either way, met when actual ≥ value. */
  atLeast: boolean
  /**
   * events: each event counts once, however many days it lasts (a two-day festival is one
   * festival); occurrences: each dated occurrence counts (a weekly 南孔市集 is one 场 per market day).
   */
  countBy: 'events' | 'occurrences'
  clause: string
  source: string
  status: FigureStatus
  note?: string
}

export type EventTargetSet =
  | { year: number; published: true; clause: string; document: string; effective: EffectivePeriod; targets: EventTarget[] }
  | { year: number; published: false; note: string }

const CLAUSE = '十五'
const SOURCE = `${CITY_DOCUMENT}（十五）`

export const EVENT_TARGETS_2025: EventTargetSet = {
  year: 2025,
  published: true,
  clause: CLAUSE,
  document: CITY_DOCUMENT,
  effective: { from: '2025-01-01', to: '2025-12-31' },
  targets: [
    { id: 'promotion', label: '“乐享衢州·有礼惠购”促消费活动', match: { type: 'promotion' }, value: 100, atLeast: false, countBy: 'events', clause: CLAUSE, source: SOURCE, status: 'confirmed' },
    { id: 'dining', label: '餐饮消费欢乐季活动', match: { type: 'dining' }, value: 10, atLeast: false, countBy: 'events', clause: CLAUSE, source: SOURCE, status: 'confirmed' },
    {
      id: 'market',
      label: '南孔市集',
      match: { type: 'market' },
      value: 40,
      atLeast: true,
      countBy: 'occurrences',
      clause: CLAUSE,
      source: SOURCE,
      status: 'confirmed',
      note: '条文未写年份（“组织南孔市集40场以上”），按本文件适用的 2025 年计',
    },
    { id: 'sports-national', label: '国家级体育赛事', match: { type: 'sports', sportsLevel: 'national' }, value: 10, atLeast: true, countBy: 'events', clause: CLAUSE, source: SOURCE, status: 'confirmed' },
    { id: 'sports-provincial', label: '省级体育赛事', match: { type: 'sports', sportsLevel: 'provincial' }, value: 20, atLeast: true, countBy: 'events', clause: CLAUSE, source: SOURCE, status: 'confirmed' },
    { id: 'sports-municipal', label: '市级体育赛事', match: { type: 'sports', sportsLevel: 'municipal' }, value: 300, atLeast: true, countBy: 'events', clause: CLAUSE, source: SOURCE, status: 'confirmed' },
    { id: 'concert', label: '演唱会、音乐节', match: { type: 'concert' }, value: 20, atLeast: true, countBy: 'events', clause: CLAUSE, source: SOURCE, status: 'confirmed' },
  ],
}

export const EVENT_TARGETS_2026: EventTargetSet = {
  year: 2026,
  published: false,
  note: '2026 年的活动目标尚未公布（衢政发〔2025〕4号只适用于 2025 年）',
}

export const EVENT_TARGET_SETS: readonly EventTargetSet[] = [EVENT_TARGETS_2025, EVENT_TARGETS_2026]

export function eventTargetsFor(year: number, sets: readonly EventTargetSet[] = EVENT_TARGET_SETS): EventTargetSet {
  return sets.find((set) => set.year === year) ?? { year, published: false, note: `${year} 年没有收录活动目标` }
}

const targetSchema = z
  .object({
    id: z.string().min(1),
    label: z.string().min(1),
    match: z.object({ type: z.enum(EVENT_TYPES), sportsLevel: z.enum(SPORTS_LEVELS).optional() }).strict(),
    value: z.number().int().min(1),
    atLeast: z.boolean(),
    countBy: z.enum(['events', 'occurrences']),
    clause: z.string().min(1),
    source: z.string().min(1),
    status: z.enum(['confirmed', 'provisional', 'unknown']),
    note: z.string().optional(),
  })
  .strict()

/** For an operator override of a year's targets (validated, all or nothing, like other policy data). */
export const eventTargetSetSchema = z.discriminatedUnion('published', [
  z
    .object({
      year: z.number().int().min(2025).max(2100),
      published: z.literal(true),
      clause: z.string().min(1),
      document: z.string().min(1),
      effective: z.object({ from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable() }).strict(),
      targets: z.array(targetSchema).min(1),
    })
    .strict(),
  z.object({ year: z.number().int().min(2025).max(2100), published: z.literal(false), note: z.string().min(1) }).strict(),
])
