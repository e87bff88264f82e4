/**
 * What an operator may load: the policy data version and figure overrides, merchants, voucher
 * batches with their rounds (issue 6's list of batch rules, clause 十五), events (issue 7's model,
 * clause 十五) and the 衢城畅行 toll stations (clause 二十六). The server validates imports with these
 * schemas and the app reads the same shapes back, so the two never disagree about a field.
 *
 * Files speak the operator's language: money in yuan ("20" or 20, parsed by `parseYuan`), times as
 * Shanghai wall-clock text. The parsed documents carry integer fen; wall-clock text is kept as
 * written, and `spans.ts` turns it into instants.
 */
import { z } from 'zod'
import { parseYuan } from '../money'
import { parseDate, parseDateTime } from '../time'
import { DIVISION_CODES } from './places'
import { isDateOnly, parseWallClock, parseWallClockEnd } from './wall-clock'

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

export const contentIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,63}$/, { error: 'id 只能由小写字母、数字和连字符组成（2–64 位），例如 xfq-2025-spring' })

const text = (max: number, what: string) =>
  z.string().trim().min(1, { error: `请填写${what}` }).max(max, { error: `${what}最多 ${max} 个字` })

export const dateSchema = z.string().superRefine((value, ctx) => {
  try {
    parseDate(value)
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: messageOf(error) })
  }
})

export const dateTimeSchema = z.string().superRefine((value, ctx) => {
  try {
    parseDateTime(value)
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: messageOf(error) })
  }
})

/** 'YYYY-MM-DD' (all day) or 'YYYY-MM-DD HH:mm', Shanghai wall clock. */
export const wallClockSchema = z.string().superRefine((value, ctx) => {
  try {
    parseWallClock(value)
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: `${messageOf(error)}（或 2025-05-01 10:00）` })
  }
})

/** Yuan as written by a person ("20", 20, "¥1,000") → integer fen. */
export const yuanSchema = z.union([z.number(), z.string()]).transform((value, ctx) => {
  try {
    return parseYuan(value)
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: messageOf(error) })
    return z.NEVER
  }
})

export const divisionCodeSchema = z.enum(DIVISION_CODES, { error: '地区须是衢州的行政区划代码，例如 330802（柯城区）' })

export const figureStatusSchema = z.enum(['confirmed', 'provisional', 'unknown'], {
  error: 'status 只能是 confirmed、provisional 或 unknown',
})

/** Where a piece of content comes from; anything not confirmed is shown as 待官方确认. */
export const provenanceSchema = z.strictObject({
  status: figureStatusSchema,
  source: text(200, '来源'),
  clause: z.string().trim().max(40).optional(),
  note: z.string().trim().max(500).optional(),
})

export const geoPointSchema = z.strictObject({
  lng: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
})

export const effectivePeriodSchema = z
  .strictObject({ from: dateSchema, to: dateSchema.nullable() })
  .refine((period) => period.to === null || period.to >= period.from, {
    error: '结束日期不能早于开始日期',
    path: ['to'],
  })

// Policy data ---------------------------------------------------------------------------------

export const policyVersionSchema = z.strictObject({
  version: z.string().regex(/^\d{4}\.\d{1,3}$/, { error: '版本号格式为 年份.序号，例如 2025.1' }),
  title: text(80, '标题'),
  document: text(200, '政策文件'),
  publishedOn: dateSchema,
  effective: effectivePeriodSchema,
  note: z.string().trim().max(500).optional(),
})

/**
 * One policy figure replaced by the operator, e.g. `subsidy.appliance.capFen`. The key names a
 * figure in the versioned policy data; the figure carries its own clause, source and status.
 */
export const policyOverrideSchema = z.strictObject({
  key: z.string().regex(/^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9-]+)+$/, {
    error: 'key 是点分隔的数据路径，例如 subsidy.appliance.capFen',
  }),
  value: z.json(),
  clause: text(40, '条款'),
  source: text(200, '来源'),
  status: figureStatusSchema,
  note: z.string().trim().max(500).optional(),
  effective: effectivePeriodSchema,
})

// Merchants -----------------------------------------------------------------------------------

export const MERCHANT_CATEGORY_LABEL = {
  dining: '餐饮',
  retail: '零售',
  supermarket: '商超',
  appliance: '家电',
  furniture: '家居',
  digital: '数码',
  auto: '汽车',
  culture: '文旅',
  lodging: '住宿',
  other: '其他',
} as const

export type MerchantCategory = keyof typeof MERCHANT_CATEGORY_LABEL

export const merchantCategorySchema = z.enum(Object.keys(MERCHANT_CATEGORY_LABEL) as [MerchantCategory, ...MerchantCategory[]], {
  error: `商户类别只能是 ${Object.keys(MERCHANT_CATEGORY_LABEL).join('、')}`,
})

export const merchantSchema = z.strictObject({
  id: contentIdSchema,
  name: text(60, '商户名称'),
  county: divisionCodeSchema,
  tags: z.array(z.string().trim().min(1).max(20)).max(10).default([]),
  category: merchantCategorySchema,
  address: text(120, '地址'),
  location: geoPointSchema.optional(),
  phone: z
    .string()
    .regex(/^[0-9+\-() ]{5,20}$/, { error: '电话号码格式不对' })
    .optional(),
  openingHours: z.string().trim().max(60).optional(),
})

// Voucher batches (clause 十五; rules are data — shared/policy/facts.md, "voucher mechanics") ------

export const voucherRoundSchema = z
  .strictObject({
    id: contentIdSchema,
    opensAt: dateTimeSchema,
    closesAt: dateTimeSchema,
    quota: z.number().int().positive().max(10_000_000),
  })
  .refine((round) => !isValidPair(round.opensAt, round.closesAt) || parseDateTime(round.closesAt).isAfter(parseDateTime(round.opensAt)), {
    error: '结束时间必须晚于开抢时间',
    path: ['closesAt'],
  })

function isValidPair(a: string, b: string): boolean {
  try {
    parseWallClock(a)
    parseWallClock(b)
    return true
  } catch {
    return false
  }
}

export const voucherValiditySchema = z.discriminatedUnion(
  'kind',
  [
    z
      .strictObject({ kind: z.literal('fixed'), from: dateSchema, to: dateSchema })
      .refine((validity) => validity.to >= validity.from, { error: '有效期结束日期不能早于开始日期', path: ['to'] }),
    z.strictObject({ kind: z.literal('days-after-claim'), days: z.number().int().min(1).max(366) }),
  ],
  { error: '有效期 kind 只能是 fixed（固定日期）或 days-after-claim（领取后 N 天）' },
)

export const REFUND_RULE_LABEL = {
  'restore-on-full-refund-within-validity': '有效期内全额退款后退回券包，有效期不变',
  'never-restore': '退款后券不退回',
} as const

export const QUOTA_RETURN_LABEL = {
  none: '未领完和过期的券不再发放',
  'unclaimed-to-next-round': '未领完的额度滚入下一场',
  'unclaimed-and-expired-to-next-round': '未领完及过期未用的额度滚入下一场',
} as const

const voucherBatchInputSchema = z.strictObject({
  id: contentIdSchema,
  title: text(60, '标题'),
  summary: z.string().trim().max(500).optional(),
  issuer: text(60, '发放单位'),
  counties: z.array(divisionCodeSchema).min(1, { error: '至少填写一个适用地区' }),
  faceValueYuan: yuanSchema,
  /** 满 X 减 Y: the bill must reach X; 0 means no threshold. */
  thresholdYuan: yuanSchema,
  perPersonPerRound: z.number().int().min(1).max(100),
  perPersonPerBatch: z.number().int().min(1).max(1000),
  rounds: z.array(voucherRoundSchema).min(1, { error: '至少需要一场发放' }).max(200),
  validity: voucherValiditySchema,
  eligibleMerchantCategories: z.array(merchantCategorySchema).default([]),
  eligibleMerchantIds: z.array(contentIdSchema).default([]),
  oneVoucherPerTransaction: z.boolean().default(true),
  merchantDailyCap: z.number().int().positive().optional(),
  refund: z.enum(Object.keys(REFUND_RULE_LABEL) as [keyof typeof REFUND_RULE_LABEL]).default('restore-on-full-refund-within-validity'),
  quotaReturn: z.enum(Object.keys(QUOTA_RETURN_LABEL) as [keyof typeof QUOTA_RETURN_LABEL]).default('unclaimed-to-next-round'),
  budgetYuan: yuanSchema.optional(),
  provenance: provenanceSchema,
})

export const voucherBatchSchema = voucherBatchInputSchema
  .superRefine((batch, ctx) => {
    if (batch.faceValueYuan <= 0) ctx.addIssue({ code: 'custom', message: '面额必须大于 0', path: ['faceValueYuan'] })
    if (batch.thresholdYuan !== 0 && batch.thresholdYuan <= batch.faceValueYuan) {
      ctx.addIssue({ code: 'custom', message: '使用门槛（满 X 元）必须高于面额，或填 0 表示无门槛', path: ['thresholdYuan'] })
    }
    if (batch.perPersonPerBatch < batch.perPersonPerRound) {
      ctx.addIssue({ code: 'custom', message: '每人每批上限不能小于每人每场上限', path: ['perPersonPerBatch'] })
    }
    const seen = new Set<string>()
    batch.rounds.forEach((round, index) => {
      if (seen.has(round.id)) ctx.addIssue({ code: 'custom', message: `场次 id 重复：${round.id}`, path: ['rounds', index, 'id'] })
      seen.add(round.id)
      const previous = batch.rounds[index - 1]
      if (previous && previous.closesAt > round.opensAt) {
        ctx.addIssue({ code: 'custom', message: '场次须按时间先后排列且互不重叠', path: ['rounds', index, 'opensAt'] })
      }
    })
    const lastRound = batch.rounds[batch.rounds.length - 1]
    if (batch.validity.kind === 'fixed' && lastRound && batch.validity.to < lastRound.closesAt.slice(0, 10)) {
      ctx.addIssue({ code: 'custom', message: '有效期不能在最后一场结束之前截止', path: ['validity', 'to'] })
    }
    const totalQuota = batch.rounds.reduce((sum, round) => sum + round.quota, 0)
    if (batch.budgetYuan !== undefined && batch.budgetYuan < totalQuota * batch.faceValueYuan) {
      ctx.addIssue({ code: 'custom', message: '预算不足以覆盖所有场次的发放额度（面额 × 总数量）', path: ['budgetYuan'] })
    }
  })
  .transform(({ faceValueYuan, thresholdYuan, budgetYuan, ...rest }) => ({
    ...rest,
    faceValueFen: faceValueYuan,
    thresholdFen: thresholdYuan,
    ...(budgetYuan === undefined ? {} : { budgetFen: budgetYuan }),
  }))

// Events (issue 7's model) ----------------------------------------------------------------------

export const EVENT_TYPE_LABEL = {
  promotion: '促消费活动',
  'dining-season': '餐饮欢乐季',
  'nankong-market': '南孔市集',
  sports: '体育赛事',
  concert: '演唱会·音乐节',
  other: '其他',
} as const

export type EventType = keyof typeof EVENT_TYPE_LABEL

export const SPORTS_LEVEL_LABEL = { national: '国家级', provincial: '省级', municipal: '市级' } as const

export const EVENT_STATUS_LABEL = { scheduled: '按期举行', changed: '有变更', cancelled: '已取消' } as const

export const eventRecurrenceSchema = z.strictObject({
  frequency: z.literal('weekly'),
  /** ISO weekdays: 1 = Monday … 7 = Sunday. */
  weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
  until: dateSchema,
})

export const eventSchema = z
  .strictObject({
    id: contentIdSchema,
    type: z.enum(Object.keys(EVENT_TYPE_LABEL) as [EventType, ...EventType[]], {
      error: `活动类型只能是 ${Object.keys(EVENT_TYPE_LABEL).join('、')}`,
    }),
    sportsLevel: z.enum(Object.keys(SPORTS_LEVEL_LABEL) as [keyof typeof SPORTS_LEVEL_LABEL]).optional(),
    title: text(60, '标题'),
    summary: z.string().trim().max(1000).optional(),
    county: divisionCodeSchema,
    tags: z.array(z.string().trim().min(1).max(20)).max(10).default([]),
    venue: z.strictObject({
      name: text(60, '场地名称'),
      address: z.string().trim().max(120).optional(),
      location: geoPointSchema.optional(),
    }),
    start: wallClockSchema,
    end: wallClockSchema,
    recurrence: eventRecurrenceSchema.optional(),
    ticket: z.strictObject({ free: z.boolean(), note: z.string().trim().max(100).optional() }),
    organiser: z.string().trim().max(80).optional(),
    voucherBatchIds: z.array(contentIdSchema).default([]),
    status: z.enum(Object.keys(EVENT_STATUS_LABEL) as [keyof typeof EVENT_STATUS_LABEL]).default('scheduled'),
    statusNote: z.string().trim().max(200).optional(),
    provenance: provenanceSchema,
  })
  .superRefine((event, ctx) => {
    if (event.type === 'sports' && !event.sportsLevel) {
      ctx.addIssue({ code: 'custom', message: '体育赛事须填写级别 sportsLevel（national、provincial 或 municipal）', path: ['sportsLevel'] })
    }
    if (event.type !== 'sports' && event.sportsLevel) {
      ctx.addIssue({ code: 'custom', message: '只有体育赛事才填写级别 sportsLevel', path: ['sportsLevel'] })
    }
    if (!isValidPair(event.start, event.end)) return
    if (isDateOnly(event.start) !== isDateOnly(event.end)) {
      ctx.addIssue({ code: 'custom', message: '开始和结束须同为日期（全天）或同为日期+时间', path: ['end'] })
      return
    }
    if (!parseWallClockEnd(event.end).isAfter(parseWallClock(event.start))) {
      ctx.addIssue({ code: 'custom', message: '结束时间必须晚于开始时间', path: ['end'] })
    }
    if (event.recurrence) {
      if (event.start.slice(0, 10) !== event.end.slice(0, 10)) {
        ctx.addIssue({ code: 'custom', message: '重复活动的每一场须在同一天内开始和结束', path: ['recurrence'] })
      }
      if (event.recurrence.until < event.start.slice(0, 10)) {
        ctx.addIssue({ code: 'custom', message: '重复截止日期不能早于第一场', path: ['recurrence', 'until'] })
      }
    }
    if (event.status !== 'scheduled' && !event.statusNote) {
      ctx.addIssue({ code: 'custom', message: '活动变更或取消时请在 statusNote 说明原因', path: ['statusNote'] })
    }
  })

// Toll stations (clause 二十六) ---------------------------------------------------------------------

export const tollStationSchema = z.strictObject({
  id: contentIdSchema,
  name: text(30, '收费站名称'),
  highway: z.string().regex(/^[GS]\d{1,5}$/, { error: '高速编号格式如 G60、G6021' }),
  highwayName: z.string().trim().max(30).optional(),
  county: divisionCodeSchema.optional(),
  location: geoPointSchema,
  /** Whether trips to and from this station are in 衢城畅行; the 13-station list is not published. */
  inScheme: z.boolean(),
  provenance: provenanceSchema,
})

// One import file -------------------------------------------------------------------------------

export const CONTENT_KINDS = ['policy', 'overrides', 'merchants', 'batches', 'events', 'stations'] as const
export type ContentKind = (typeof CONTENT_KINDS)[number]

export const contentBundleSchema = z
  .strictObject({
    policy: policyVersionSchema.optional(),
    overrides: z.array(policyOverrideSchema).optional(),
    merchants: z.array(merchantSchema).optional(),
    batches: z.array(voucherBatchSchema).optional(),
    events: z.array(eventSchema).optional(),
    stations: z.array(tollStationSchema).optional(),
  })
  .refine((bundle) => CONTENT_KINDS.some((kind) => bundle[kind] !== undefined), {
    error: `文件里没有内容：顶层应有 ${CONTENT_KINDS.join('、')} 中的至少一项`,
  })

export type PolicyVersion = z.output<typeof policyVersionSchema>
export type PolicyOverride = z.output<typeof policyOverrideSchema>
export type Merchant = z.output<typeof merchantSchema>
export type VoucherRound = z.output<typeof voucherRoundSchema>
export type VoucherBatch = z.output<typeof voucherBatchSchema>
export type VoucherBatchInput = z.input<typeof voucherBatchSchema>
export type ContentEvent = z.output<typeof eventSchema>
export type ContentEventInput = z.input<typeof eventSchema>
export type TollStation = z.output<typeof tollStationSchema>
export type ContentBundle = z.output<typeof contentBundleSchema>
export type ContentBundleInput = z.input<typeof contentBundleSchema>
