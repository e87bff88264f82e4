/**
 * The parts of the event model that need no schema library: the kinds, levels and statuses of
 * events with their Chinese labels, the limits, and EventError. The 活动 tab lives in the
 * mini-program's main package, where zod alone would add about 95 KB; the calendar, occurrences,
 * .ics and reminders code import from here, and only what validates input (model.ts: the schema,
 * the operator import) brings zod in. model.ts re-exports everything here.
 */
import { DomainError } from '../errors'
import type { IsoWeekday } from '../time/shanghai'

export const EVENT_TYPES = ['promotion', 'dining', 'market', 'sports', 'concert', 'other'] as const
export type EventType = (typeof EVENT_TYPES)[number]

export const EVENT_TYPE_LABEL: Readonly<Record<EventType, string>> = {
  promotion: '促消费活动',
  dining: '餐饮欢乐季',
  market: '南孔市集',
  sports: '体育赛事',
  concert: '演唱会·音乐节',
  other: '其他活动',
}

export const SPORTS_LEVELS = ['national', 'provincial', 'municipal'] as const
export type SportsLevel = (typeof SPORTS_LEVELS)[number]

export const SPORTS_LEVEL_LABEL: Readonly<Record<SportsLevel, string>> = {
  national: '国家级',
  provincial: '省级',
  municipal: '市级',
}

export const EVENT_STATUSES = ['scheduled', 'changed', 'cancelled'] as const
export type EventStatus = (typeof EVENT_STATUSES)[number]

export const EVENT_STATUS_LABEL: Readonly<Record<EventStatus, string>> = {
  scheduled: '按计划举行',
  changed: '有变更',
  cancelled: '已取消',
}

export const WEEKDAY_LABEL: Readonly<Record<IsoWeekday, string>> = {
  1: '周一',
  2: '周二',
  3: '周三',
  4: '周四',
  5: '周五',
  6: '周六',
  7: '周日',
}

/** A weekly rule may not run longer than this past its first occurrence (a typo guard). */
export const MAX_RECURRENCE_SPAN_DAYS = 3 * 366
/** A single occurrence may not last longer than this (a season is many occurrences, not one). */
export const MAX_OCCURRENCE_DAYS = 62

export type EventErrorCode = 'EVENT_INVALID' | 'EVENT_CANCELLED' | 'EVENT_BAD_RANGE' | 'CALENDAR_BAD_MONTH'
export class EventError extends DomainError<EventErrorCode> {}
