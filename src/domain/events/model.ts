/**
 * What's on in Quzhou: the event model behind the 活动 tab, the server's event endpoints and the
 * operator's event import. Clause (十五) of 衢政发〔2025〕4号 promises the kinds of events listed in
 * EVENT_TYPES; each event carries where its data came from (provenance) so samples and
 * unconfirmed details are always marked.
 *
 * Times are Asia/Shanghai: a timed event has `start`/`end` as ISO-8601 with +08:00 (end
 * exclusive, as an instant); an all-day event has 'YYYY-MM-DD' dates with `end` the last day
 * (inclusive), which is how people say "5月4日至5日". A recurring event (a weekly 南孔市集) is its
 * first occurrence plus a weekly rule, like DTSTART + RRULE in RFC 5545.
 */
import { z } from 'zod'
import { APP_ASSUMPTION, repositoryReferenceProblem, residentSourceProblem } from '../policy/resident-source'
import { isValidDate, type DateString } from '../time'
import { COUNTY_CODES, QUZHOU_BOUNDS } from './places'
import { dayNumberOf, isoWeekdayOf, MS_PER_DAY, parseShanghaiIso, type IsoWeekday } from '../time/shanghai'
import { EVENT_STATUSES, EVENT_TYPES, EventError, MAX_OCCURRENCE_DAYS, MAX_RECURRENCE_SPAN_DAYS, SPORTS_LEVELS, WEEKDAY_LABEL } from './event-basics'


const dateString = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2025-05-01')
  .refine((text) => isValidDate(text), '没有这一天')

const venueSchema = z
  .object({
    name: z.string().trim().min(1, '请填写地点名称').max(60, '地点名称最多 60 字'),
    address: z.string().trim().min(1).max(120, '地址最多 120 字').optional(),
    /** Longitude and latitude in GCJ-02 unless said otherwise: what Taro.openLocation expects. */
    lng: z.number().min(QUZHOU_BOUNDS.minLng, '经度不在衢州市范围内，请检查经纬度是否写反').max(QUZHOU_BOUNDS.maxLng, '经度不在衢州市范围内，请检查经纬度是否写反'),
    lat: z.number().min(QUZHOU_BOUNDS.minLat, '纬度不在衢州市范围内，请检查经纬度是否写反').max(QUZHOU_BOUNDS.maxLat, '纬度不在衢州市范围内，请检查经纬度是否写反'),
    coordinateSystem: z.enum(['gcj02', 'wgs84']).default('gcj02'),
    /** provisional: placed by hand from a description, not surveyed — show as 位置仅供参考. */
    coordinateStatus: z.enum(['confirmed', 'provisional']),
    coordinateNote: z.string().max(200).optional(),
    /** For secondary venues: what happens there, e.g. '开幕式'. */
    role: z.string().trim().min(1).max(40).optional(),
  })
  .strict()

const recurrenceSchema = z
  .object({
    frequency: z.literal('weekly'),
    /** Every n weeks, counted from the Monday of the first occurrence's week (WKST=MO). */
    interval: z.number().int().min(1).max(4).default(1),
    /** ISO weekdays, 1 = Monday … 7 = Sunday. */
    weekdays: z
      .array(z.number().int().min(1, '星期应为 1（周一）到 7（周日）').max(7, '星期应为 1（周一）到 7（周日）'))
      .min(1, '请至少选择一个星期几')
      .transform((days) => Array.from(new Set(days)).sort((a, b) => a - b) as IsoWeekday[]),
    /** Last date an occurrence may start on (inclusive). */
    until: dateString,
    /** Dates on which the rule does not happen (holiday, weather, venue taken). */
    exceptDates: z.array(dateString).default([]),
  })
  .strict()

const admissionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('free') }).strict(),
  z.object({ kind: z.literal('ticketed'), priceText: z.string().trim().min(1, '请填写票价说明').max(60) }).strict(),
  /** Not stated by the source: shown as 票务信息待确认, matched by neither the free nor the paid filter. */
  z.object({ kind: z.literal('unknown') }).strict(),
])

const provenanceSchema = z
  .object({
    source: z
      .string()
      .trim()
      .min(1, '请写明数据来源')
      .refine((source) => repositoryReferenceProblem(source) === null, { error: (issue) => `来源${repositoryReferenceProblem(String(issue.input))}` }),
    status: z.enum(['confirmed', 'provisional']),
    /** Sample data for a fresh server: never counted toward the clause (十五) targets. */
    sample: z.boolean(),
    note: z.string().max(300).optional(),
  })
  .strict()
  // Residents read the source on the event page: a confirmed event cites a public report or notice.
  .refine(
    (provenance) =>
      provenance.status !== 'confirmed' || (residentSourceProblem(provenance.source) === null && !provenance.source.startsWith(APP_ASSUMPTION)),
    { message: '标为 confirmed 的活动要写公开来源（发布单位和日期，或文号）；否则请标为 provisional', path: ['source'] },
  )

export const eventObjectSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,79}$/, 'id 只能用小写字母、数字和连字符，2–80 个字符'),
    type: z.enum(EVENT_TYPES),
    /** Required for, and only for, sports events: clause (十五) counts them by level. */
    sportsLevel: z.enum(SPORTS_LEVELS).optional(),
    title: z.string().trim().min(1, '请填写活动名称').max(60, '活动名称最多 60 字'),
    summary: z.string().trim().max(500).optional(),
    county: z.enum(COUNTY_CODES),
    /** Free-form tags; 智造新城 (a functional zone, not a county) goes here. */
    tags: z.array(z.string().trim().min(1).max(20)).default([]),
    venue: venueSchema,
    otherVenues: z.array(venueSchema).default([]),
    allDay: z.boolean(),
    start: z.string(),
    end: z.string(),
    recurrence: recurrenceSchema.optional(),
    admission: admissionSchema,
    organiser: z.string().trim().min(1).max(60).nullable(),
    voucherBatchIds: z.array(z.string().trim().min(1)).default([]),
    status: z.enum(EVENT_STATUSES).default('scheduled'),
    /** Required when status is changed or cancelled: what changed, in words a resident understands. */
    changeNote: z.string().trim().min(1).max(200).optional(),
    /** Bumped on every change; becomes the .ics SEQUENCE so calendars replace the old copy. */
    revision: z.number().int().min(0).default(0),
    provenance: provenanceSchema,
  })
  .strict()

type EventShape = z.output<typeof eventObjectSchema>

function checkEvent(event: EventShape, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message })

  if (event.type === 'sports' && !event.sportsLevel) issue(['sportsLevel'], '体育赛事请注明级别：national、provincial 或 municipal')
  if (event.type !== 'sports' && event.sportsLevel) issue(['sportsLevel'], '只有体育赛事才有级别')
  if (event.status !== 'scheduled' && !event.changeNote) issue(['changeNote'], '活动变更或取消时请写明变更说明')
  if (event.provenance.sample && !event.title.includes('示例')) issue(['title'], '示例活动的名称须含“示例”')

  let startDay: number
  let endDay: number
  if (event.allDay) {
    const startOk = /^\d{4}-\d{2}-\d{2}$/.test(event.start) && isValidDate(event.start)
    const endOk = /^\d{4}-\d{2}-\d{2}$/.test(event.end) && isValidDate(event.end)
    if (!startOk) issue(['start'], '全天活动的开始日期格式应为 2025-05-04')
    if (!endOk) issue(['end'], '全天活动的结束日期格式应为 2025-05-05（最后一天）')
    if (!startOk || !endOk) return
    startDay = dayNumberOf(event.start)
    endDay = dayNumberOf(event.end)
    if (endDay < startDay) return issue(['end'], '结束日期不能早于开始日期')
  } else {
    const startMs = parseShanghaiIso(event.start)
    const endMs = parseShanghaiIso(event.end)
    if (Number.isNaN(startMs)) issue(['start'], '开始时间应为北京时间，例如 2025-05-04T18:30:00+08:00')
    if (Number.isNaN(endMs)) issue(['end'], '结束时间应为北京时间，例如 2025-05-04T22:00:00+08:00')
    if (Number.isNaN(startMs) || Number.isNaN(endMs)) return
    if (endMs <= startMs) return issue(['end'], '结束时间应晚于开始时间')
    startDay = dayNumberOf(event.start.slice(0, 10))
    endDay = startDay + Math.ceil((endMs - startMs) / MS_PER_DAY)
  }
  if (endDay - startDay + 1 > MAX_OCCURRENCE_DAYS) {
    issue(['end'], `单场活动最长 ${MAX_OCCURRENCE_DAYS} 天；持续更久的活动请拆成多场或用每周规则`)
  }

  const rule = event.recurrence
  if (!rule) return
  const firstWeekday = isoWeekdayOf(startDay)
  if (!rule.weekdays.includes(firstWeekday)) {
    issue(['recurrence', 'weekdays'], `第一场（${event.start.slice(0, 10)}，${WEEKDAY_LABEL[firstWeekday]}）不在所选的星期几中`)
  }
  const untilDay = dayNumberOf(rule.until)
  if (untilDay < startDay) issue(['recurrence', 'until'], '重复截止日期不能早于第一场')
  if (untilDay - startDay > MAX_RECURRENCE_SPAN_DAYS) issue(['recurrence', 'until'], '每周重复最长 3 年，请检查截止日期')
  rule.exceptDates.forEach((date, index) => {
    const day = dayNumberOf(date)
    if (day < startDay || day > untilDay || !rule.weekdays.includes(isoWeekdayOf(day))) {
      issue(['recurrence', 'exceptDates', index], `${date} 本来就没有这项活动，请检查例外日期`)
    }
  })
}

/** The event schema, for the operator import and the server's request validation. */
export const cityEventSchema = eventObjectSchema.superRefine(checkEvent)

export type CityEvent = z.output<typeof cityEventSchema>
/** What an operator file or API body may contain (defaults not yet applied). */
export type CityEventInput = z.input<typeof cityEventSchema>
export type Venue = CityEvent['venue']
export type Admission = CityEvent['admission']
export type RecurrenceRule = NonNullable<CityEvent['recurrence']>
export type EventProvenance = CityEvent['provenance']


export interface ImportError {
  file: string
  /** e.g. 'events[3].venue.lng' */
  path: string
  reason: string
}

export type EventImportResult = { ok: true; events: CityEvent[] } | { ok: false; errors: ImportError[] }

function formatPath(prefix: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : `${text}.${String(key)}`),
    prefix,
  )
}

/**
 * Operator import: an array of events, or `{ events: [...] }`. All or nothing — one bad event
 * rejects the file, with every problem listed as {file, path, reason}. Ids must be unique.
 */
export function parseEventImport(data: unknown, file: string): EventImportResult {
  const list = Array.isArray(data) ? data : (data as { events?: unknown } | null)?.events
  if (!Array.isArray(list)) {
    return { ok: false, errors: [{ file, path: 'events', reason: '文件应为活动数组，或 { "events": [...] }' }] }
  }
  const errors: ImportError[] = []
  const events: CityEvent[] = []
  const seen = new Map<string, number>()
  list.forEach((item, index) => {
    const result = cityEventSchema.safeParse(item)
    if (!result.success) {
      for (const issue of result.error.issues) {
        errors.push({ file, path: formatPath(`events[${index}]`, issue.path), reason: issue.message })
      }
      return
    }
    const first = seen.get(result.data.id)
    if (first !== undefined) {
      errors.push({ file, path: `events[${index}].id`, reason: `id “${result.data.id}” 与第 ${first + 1} 个活动重复` })
      return
    }
    seen.set(result.data.id, index)
    events.push(result.data)
  })
  return errors.length > 0 ? { ok: false, errors } : { ok: true, events }
}

/** Parses one event or throws EventError with the first problem, for code paths with one event. */
export function parseEvent(data: unknown): CityEvent {
  const result = cityEventSchema.safeParse(data)
  if (result.success) return result.data
  const issue = result.error.issues[0]
  throw new EventError('EVENT_INVALID', issue.message, formatPath('event', issue.path).slice('event.'.length) || undefined)
}

/** The Shanghai date of the first occurrence. */
export function firstDateOf(event: CityEvent): DateString {
  return event.start.slice(0, 10)
}
