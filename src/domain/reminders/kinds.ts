/**
 * One reminder mechanism for every kind (issue 7): a voucher round opening, a voucher expiring,
 * an event starting and a subsidy rule set ending. How long before the moment each one fires is
 * data here, so changing "10 minutes before" never touches the logic.
 *
 * 'rule-published' (公布时提醒, issue 13) has no moment known in advance: it fires when an operator
 * import publishes what it watches (published-subjects.ts), so its one offset is 0 and the server
 * queues its fire time at the import, not when the reminder is set.
 */
import { DomainError } from '../errors'
import { isoShanghai, MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, parseShanghaiIso } from '../time/shanghai'

export const REMINDER_KINDS = [
  'round-opening',
  'voucher-expiring',
  'event-starting',
  'rule-set-ending',
  'rule-published',
  'toll-period-ending',
] as const
export type ReminderKind = (typeof REMINDER_KINDS)[number]

export interface ReminderOffset {
  /** How long before the target moment the reminder fires, in ms. */
  beforeMs: number
  /** What the person sees in 我的提醒, e.g. '开抢前 10 分钟'. */
  label: string
}

export interface ReminderKindSpec {
  kind: ReminderKind
  label: string
  /** What the target moment is, e.g. '开抢时间'. */
  target: string
  /** Largest first. */
  offsets: readonly ReminderOffset[]
  /**
   * 'one': the resident picks one lead time (a round's 5 / 15 / 60 minutes); 'many': any
   * non-empty subset (an event's day before and hour before).
   */
  choose: 'one' | 'many'
  /** What a 提醒我 tap sets when the resident has not chosen (issue 14: a round, 5 minutes). */
  defaultOffsetsMs: readonly number[]
}

export const REMINDER_KIND_SPECS: Readonly<Record<ReminderKind, ReminderKindSpec>> = {
  'round-opening': {
    kind: 'round-opening',
    label: '消费券开抢提醒',
    target: '开抢时间',
    offsets: [
      { beforeMs: 60 * MS_PER_MINUTE, label: '开抢前 1 小时' },
      { beforeMs: 15 * MS_PER_MINUTE, label: '开抢前 15 分钟' },
      { beforeMs: 5 * MS_PER_MINUTE, label: '开抢前 5 分钟' },
    ],
    choose: 'one',
    defaultOffsetsMs: [5 * MS_PER_MINUTE],
  },
  'voucher-expiring': {
    kind: 'voucher-expiring',
    label: '消费券到期提醒',
    target: '到期时间',
    offsets: [
      { beforeMs: 3 * MS_PER_DAY, label: '到期前 3 天' },
      { beforeMs: MS_PER_DAY, label: '到期前 1 天' },
    ],
    choose: 'one',
    defaultOffsetsMs: [MS_PER_DAY],
  },
  'event-starting': {
    kind: 'event-starting',
    label: '活动开始提醒',
    target: '开始时间',
    offsets: [
      { beforeMs: MS_PER_DAY, label: '开始前 1 天' },
      { beforeMs: MS_PER_HOUR, label: '开始前 1 小时' },
    ],
    choose: 'many',
    defaultOffsetsMs: [MS_PER_DAY, MS_PER_HOUR],
  },
  'rule-set-ending': {
    kind: 'rule-set-ending',
    label: '补贴政策截止提醒',
    target: '截止时间',
    offsets: [
      { beforeMs: 7 * MS_PER_DAY, label: '截止前 7 天' },
      { beforeMs: 3 * MS_PER_DAY, label: '截止前 3 天' },
      { beforeMs: MS_PER_DAY, label: '截止前 1 天' },
    ],
    choose: 'one',
    defaultOffsetsMs: [7 * MS_PER_DAY],
  },
  'rule-published': {
    kind: 'rule-published',
    label: '公布时提醒',
    target: '公布时间',
    offsets: [{ beforeMs: 0, label: '官方公布时' }],
    choose: 'one',
    defaultOffsetsMs: [0],
  },
  // 衢城畅行 (clause 二十六): the known period's last day; the period after it is a 公布时提醒.
  'toll-period-ending': {
    kind: 'toll-period-ending',
    label: '衢城畅行到期提醒',
    target: '实施期结束',
    offsets: [
      { beforeMs: 7 * MS_PER_DAY, label: '结束前 7 天' },
      { beforeMs: MS_PER_DAY, label: '结束前 1 天' },
    ],
    choose: 'one',
    defaultOffsetsMs: [7 * MS_PER_DAY],
  },
}

/** Kinds that fire on an operator's publication rather than at a time known when they are set. */
export function firesOnPublication(kind: ReminderKind): boolean {
  return kind === 'rule-published'
}

/**
 * The lead times a resident keeps, checked against the kind's data: undefined → the default;
 * only the kind's offsets, at least one, exactly one where the kind says 'one'. Largest first.
 */
export function chooseOffsets(kind: ReminderKind, offsetsMs: readonly number[] | undefined): number[] {
  const spec = REMINDER_KIND_SPECS[kind]
  if (offsetsMs === undefined) return [...spec.defaultOffsetsMs]
  const unique = Array.from(new Set(offsetsMs)).sort((a, b) => b - a)
  const known = unique.every((value) => spec.offsets.some((offset) => offset.beforeMs === value))
  if (!known || unique.length === 0 || (spec.choose === 'one' && unique.length > 1)) {
    const choices = spec.offsets.map((offset) => `${offset.beforeMs}（${offset.label}）`).join('、')
    const how = spec.choose === 'one' ? '选择一个' : '选择一个或几个'
    throw new ReminderError('REMINDER_BAD_OFFSETS', `提醒时间请从这些中${how}：${choices}`, 'offsetsMs')
  }
  return unique
}

/**
 * An all-day event "starts" at this Shanghai wall-clock time for reminders and calendar alarms:
 * "1 day before" then rings at 09:00 the day before rather than at midnight.
 */
export const ALL_DAY_EVENT_REMINDER_TIME = { hour: 9, minute: 0 } as const

export type ReminderErrorCode = 'REMINDER_BAD_TARGET' | 'REMINDER_UNKNOWN_KIND' | 'REMINDER_BAD_OFFSETS'
export class ReminderError extends DomainError<ReminderErrorCode> {}

export interface ReminderFireTime {
  kind: ReminderKind
  /** Stable per (kind, target, offset): the server's idempotency key part for exactly-once. */
  key: string
  label: string
  beforeMs: number
  targetMs: number
  fireAtMs: number
  /** 'YYYY-MM-DDTHH:mm:ss+08:00' */
  fireAt: string
}

/**
 * When the reminders of `kind` fire for a target moment (epoch ms, or ISO-8601 with +08:00),
 * earliest first. With `now`, times already past are dropped: a reminder scheduled late never
 * fires "in the past"; if the target itself has passed the list is empty.
 */
export function reminderFireTimes(
  kind: ReminderKind,
  targetTime: number | string,
  options: { now?: number; spec?: ReminderKindSpec } = {},
): ReminderFireTime[] {
  const spec = options.spec ?? REMINDER_KIND_SPECS[kind]
  if (!spec) throw new ReminderError('REMINDER_UNKNOWN_KIND', `未知的提醒类型：${kind}`, 'kind')
  const targetMs = typeof targetTime === 'number' ? targetTime : parseShanghaiIso(targetTime)
  if (!Number.isFinite(targetMs)) {
    throw new ReminderError('REMINDER_BAD_TARGET', '提醒时间应为北京时间，例如 2025-05-04T18:30:00+08:00', 'targetTime')
  }
  const now = options.now
  return spec.offsets
    .map((offset) => ({
      kind,
      key: `${kind}:${targetMs}:${offset.beforeMs}`,
      label: offset.label,
      beforeMs: offset.beforeMs,
      targetMs,
      fireAtMs: targetMs - offset.beforeMs,
      fireAt: isoShanghai(targetMs - offset.beforeMs),
    }))
    .filter((time) => now === undefined || time.fireAtMs > now)
    .sort((a, b) => a.fireAtMs - b.fireAtMs)
}
