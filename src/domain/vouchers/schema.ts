/**
 * Voucher batches, merchants, wallet vouchers and redemptions as data (clause 十五: 发放消费券
 * 1.1 亿元). Quzhou has not published its voucher mechanics, so every rule a calculator or the claim engine needs — face value, 满 X 减 Y,
 * limits, rounds, validity, where it can be spent, caps, refunds, quota return, budget — is a
 * field here that an operator fills in, never a constant in the logic.
 *
 * Validation rejects a document whole and returns every problem as `{ file, path, reason }` with
 * a Chinese reason.
 */
import { z } from 'zod'
import { isValidDate, shanghaiDateOf } from '../time'
import { VOUCHER_COUNTY_CODES, MERCHANT_CATEGORY_CODES } from './places'
import { SHANGHAI_ISO_PATTERN, tryParseIsoInstant } from './instants'

const idSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, '编号只能包含字母、数字、- 和 _，且不超过 64 个字符')

const dateSchema = z.string().refine(isValidDate, '日期格式应为 YYYY-MM-DD，例如 2025-05-01')

const shanghaiIsoSchema = z
  .string()
  .regex(SHANGHAI_ISO_PATTERN, '时间应为北京时间 ISO 格式，例如 2025-05-01T10:00:00+08:00')
  .refine((text) => tryParseIsoInstant(text) !== null, '没有这个时间，请检查日期')

/** Instants the server writes back (wallet, redemptions): any explicit offset, normally +08:00. */
const isoInstantSchema = z
  .string()
  .refine((text) => tryParseIsoInstant(text) !== null, '时间应为带时区的 ISO 格式，例如 2025-05-01T10:00:00+08:00')

const fenSchema = z.number().int('金额必须是整数分').min(0, '金额不能是负数')
const positiveFenSchema = z.number().int('金额必须是整数分').min(1, '金额必须大于 0')
const countSchema = z.number().int('必须是整数').min(1, '至少为 1')

const countySchema = z.enum(VOUCHER_COUNTY_CODES, { error: `区县代码应为 ${VOUCHER_COUNTY_CODES.join('、')} 之一` })
const categorySchema = z.enum(MERCHANT_CATEGORY_CODES, {
  error: `商户类别应为 ${MERCHANT_CATEGORY_CODES.join('、')} 之一`,
})

export const voucherRoundSchema = z.object({
  id: idSchema,
  /** First instant claims are accepted (inclusive), Shanghai time with +08:00. */
  opensAt: shanghaiIsoSchema,
  /** First instant claims are refused (exclusive). */
  closesAt: shanghaiIsoSchema,
  /** Vouchers this round offers before any carried-over or returned quota. */
  quota: countSchema,
})

export const voucherValiditySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('fixed'),
    /** Usable from the start of this Shanghai day… */
    from: dateSchema,
    /** …to the end of this one (inclusive). */
    to: dateSchema,
  }),
  z.object({
    kind: z.literal('days-after-claim'),
    /** Claimed on day D → usable until the end of Shanghai day D + days. */
    days: z.number().int('天数必须是整数').min(1, '有效天数至少为 1').max(366, '有效天数不超过 366'),
    /** Optional hard stop: never valid past the end of this day (活动结束日). */
    notAfter: dateSchema.nullable(),
  }),
])

export const merchantEligibilitySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('categories'), categories: z.array(categorySchema).min(1, '至少列出一个商户类别') }),
  z.object({ kind: z.literal('merchants'), merchantIds: z.array(idSchema).min(1, '至少列出一个商户') }),
])

export const merchantDailyCapSchema = z.object({
  /** Redemptions per merchant per Shanghai day for this batch; null = no count cap. */
  count: countSchema.nullable(),
  /** Sum of discounts (the public money, not the order amounts) per merchant per day; null = none. */
  amountFen: positiveFenSchema.nullable(),
})

export const REFUND_POLICIES = ['restore-on-full-refund-within-validity', 'never-restore'] as const
export type RefundPolicy = (typeof REFUND_POLICIES)[number]

export const batchProvenanceSchema = z.object({
  clause: z.literal('十五'),
  source: z.string().min(1, '请写明规则来源'),
  status: z.enum(['confirmed', 'provisional', 'unknown']),
  note: z.string().optional(),
})

const voucherBatchObject = z.object({
  id: idSchema,
  title: z.string().min(1, '请填写批次名称'),
  /** Who issues it, e.g. 衢州市商务局. */
  sponsor: z.string().min(1, '请填写发放单位'),
  /** The campaign it belongs to, e.g. 乐享衢州·有礼惠购 or 餐饮消费欢乐季. */
  campaign: z.string().min(1, '请填写所属活动'),
  /** The event in the calendar this batch is tied to, if any. */
  eventId: idSchema.nullable(),
  /** 减 Y. */
  faceValueFen: positiveFenSchema,
  /** 满 X; 0 means 无门槛. */
  thresholdFen: fenSchema,
  limits: z.object({ perRound: countSchema, perBatch: countSchema }),
  rounds: z.array(voucherRoundSchema).min(1, '至少要有一轮'),
  validity: voucherValiditySchema,
  merchants: merchantEligibilitySchema,
  /** Counties whose merchants accept it. */
  counties: z.array(countySchema).min(1, '至少列出一个区县'),
  /** Who may claim: residents of these counties; null = anyone. */
  residentCounties: z.array(countySchema).min(1, '不限区县请填 null').nullable(),
  oneVoucherPerTransaction: z.boolean(),
  merchantDailyCap: merchantDailyCapSchema,
  refund: z.enum(REFUND_POLICIES),
  /** Whether quota goes back to rounds that have not opened yet. */
  quotaReturn: z.object({ unclaimed: z.boolean(), expired: z.boolean() }),
  /** Total discount this batch may ever pay out. */
  budgetFen: positiveFenSchema,
  provenance: batchProvenanceSchema,
})

function hasDuplicates(values: readonly string[]): string | null {
  const seen = new Set<string>()
  for (const value of values) {
    if (seen.has(value)) return value
    seen.add(value)
  }
  return null
}

// zod runs this even when a length or format check above failed (those do not abort), so it
// must cope with an empty round list or an unparseable time.
export const voucherBatchSchema = voucherBatchObject.superRefine((batch, ctx) => {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message })
  if (batch.thresholdFen > 0 && batch.thresholdFen < batch.faceValueFen) {
    issue(['thresholdFen'], '门槛（满 X）不能小于面额（减 Y）；无门槛请填 0')
  }
  if (batch.limits.perRound > batch.limits.perBatch) issue(['limits', 'perRound'], '每轮限领不能多于整批限领')
  const duplicateRound = hasDuplicates(batch.rounds.map((round) => round.id))
  if (duplicateRound) issue(['rounds'], `轮次编号重复：${duplicateRound}`)
  let previousClose = -Infinity
  batch.rounds.forEach((round, index) => {
    const opens = tryParseIsoInstant(round.opensAt) ?? NaN
    const closes = tryParseIsoInstant(round.closesAt) ?? NaN
    if (!(opens < closes)) issue(['rounds', index, 'closesAt'], '结束时间必须晚于开抢时间')
    if (opens < previousClose) issue(['rounds', index, 'opensAt'], '轮次须按时间先后排列且互不重叠')
    previousClose = closes
  })
  if (hasDuplicates(batch.counties)) issue(['counties'], '区县重复')
  if (batch.merchants.kind === 'categories' && hasDuplicates(batch.merchants.categories)) {
    issue(['merchants', 'categories'], '商户类别重复')
  }
  if (batch.merchants.kind === 'merchants') {
    const duplicate = hasDuplicates(batch.merchants.merchantIds)
    if (duplicate) issue(['merchants', 'merchantIds'], `商户重复：${duplicate}`)
  }
  // A voucher claimed in the last minute of the last round must still be spendable afterwards.
  const lastRound = batch.rounds[batch.rounds.length - 1]
  const lastClose = lastRound ? tryParseIsoInstant(lastRound.closesAt) : null
  const lastClaimDay = lastClose === null ? null : shanghaiDateOf(lastClose - 1)
  if (batch.validity.kind === 'fixed') {
    if (batch.validity.to < batch.validity.from) issue(['validity', 'to'], '有效期结束日不能早于开始日')
    if (lastClaimDay && batch.validity.to < lastClaimDay) issue(['validity', 'to'], '有效期须覆盖最后一轮的领取时间')
  } else if (batch.validity.notAfter && lastClaimDay && batch.validity.notAfter < lastClaimDay) {
    issue(['validity', 'notAfter'], '有效期截止日须不早于最后一轮的领取时间')
  }
  // Every redeemed voucher spends one unit of base quota for good (an expired one hands its unit
  // back), so quota × face value bounds what the batch can ever pay out.
  const totalQuota = batch.rounds.reduce((sum, round) => sum + round.quota, 0)
  if (totalQuota * batch.faceValueFen > batch.budgetFen) {
    issue(['budgetFen'], `各轮名额合计 ${totalQuota} 张 × 面额超过了总预算`)
  }
})

export const merchantSchema = z
  .object({
    id: idSchema,
    name: z.string().min(1, '请填写商户名称'),
    county: countySchema,
    category: categorySchema,
    address: z.string().min(1, '请填写地址'),
    /** WGS-84, like the station coordinates; map pages convert for GCJ-02 maps. */
    lng: z.number().min(73, '经度超出中国范围').max(136, '经度超出中国范围').optional(),
    lat: z.number().min(3, '纬度超出中国范围').max(54, '纬度超出中国范围').optional(),
    /** Free tags such as 衢州智造新城 (a functional zone, not a county). */
    tags: z.array(z.string().min(1)).optional(),
  })
  .superRefine((merchant, ctx) => {
    if ((merchant.lng === undefined) !== (merchant.lat === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['lat'], message: '经度和纬度要么都填，要么都不填' })
    }
  })

/**
 * A voucher in someone's wallet. `status` is what the store records; a usable voucher whose
 * validTo has passed is expired whatever the stored status says (see walletStatus). A voucher
 * given back after a full refund is `usable` again with its original validity and carries
 * `restoredAfterRefundAt` — the wallet shows it as 退款已退回.
 */
export const WALLET_VOUCHER_STATUSES = ['usable', 'used', 'expired'] as const
export type WalletVoucherStatus = (typeof WALLET_VOUCHER_STATUSES)[number]

export const walletVoucherSchema = z.object({
  id: idSchema,
  batchId: idSchema,
  roundId: idSchema,
  ownerId: idSchema,
  status: z.enum(WALLET_VOUCHER_STATUSES),
  claimedAt: isoInstantSchema,
  /** Inclusive. */
  validFrom: isoInstantSchema,
  /** Inclusive, to the millisecond: '2025-05-10T23:59:59.999+08:00'. */
  validTo: isoInstantSchema,
  usedAt: isoInstantSchema.nullable(),
  redemptionId: idSchema.nullable(),
  restoredAfterRefundAt: isoInstantSchema.nullable(),
})

export const redemptionSchema = z.object({
  id: idSchema,
  voucherId: idSchema,
  batchId: idSchema,
  merchantId: idSchema,
  orderId: z.string().min(1).max(64),
  orderAmountFen: fenSchema,
  discountFen: positiveFenSchema,
  redeemedAt: isoInstantSchema,
  refund: z.object({ at: isoInstantSchema, full: z.boolean(), restored: z.boolean() }).nullable(),
})

export type VoucherRound = z.infer<typeof voucherRoundSchema>
export type VoucherValidityRule = z.infer<typeof voucherValiditySchema>
export type MerchantEligibility = z.infer<typeof merchantEligibilitySchema>
export type VoucherBatch = z.infer<typeof voucherBatchSchema>
export type Merchant = z.infer<typeof merchantSchema>
export type WalletVoucher = z.infer<typeof walletVoucherSchema>
export type Redemption = z.infer<typeof redemptionSchema>

export interface ContentError {
  file: string
  /** Where in the file: 'batches[2].rounds[0].opensAt'. */
  path: string
  reason: string
}

export type ContentResult<T> = { ok: true; value: T } | { ok: false; errors: ContentError[] }

export const voucherContentSchema = z.object({
  batches: z.array(voucherBatchSchema),
  merchants: z.array(merchantSchema),
})

export type VoucherContent = z.infer<typeof voucherContentSchema>

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)),
    '',
  )
}

function zodErrors(file: string, error: z.ZodError): ContentError[] {
  return error.issues.map((issue) => ({ file, path: formatPath(issue.path), reason: issue.message }))
}

const CHINESE_ERRORS = { error: z.locales.zhCN().localeError }

function crossReferenceErrors(file: string, content: VoucherContent): ContentError[] {
  const errors: ContentError[] = []
  const duplicateBatch = hasDuplicates(content.batches.map((batch) => batch.id))
  if (duplicateBatch) errors.push({ file, path: 'batches', reason: `批次编号重复：${duplicateBatch}` })
  const duplicateMerchant = hasDuplicates(content.merchants.map((merchant) => merchant.id))
  if (duplicateMerchant) errors.push({ file, path: 'merchants', reason: `商户编号重复：${duplicateMerchant}` })
  const merchants = new Map(content.merchants.map((merchant) => [merchant.id, merchant]))
  content.batches.forEach((batch, batchIndex) => {
    if (batch.merchants.kind !== 'merchants') return
    batch.merchants.merchantIds.forEach((merchantId, index) => {
      const path = `batches[${batchIndex}].merchants.merchantIds[${index}]`
      const merchant = merchants.get(merchantId)
      if (!merchant) errors.push({ file, path, reason: `商户 ${merchantId} 不在商户名单中` })
      else if (!batch.counties.includes(merchant.county)) {
        errors.push({ file, path, reason: `商户 ${merchantId} 所在区县不在本批次的适用区县内` })
      }
    })
  })
  return errors
}

/**
 * One self-contained `{ batches, merchants }` document (what sampleVoucherContent returns, or an
 * admin preview), all or nothing. Beyond each item's own rules it checks ids are unique and that
 * listed merchants exist and sit in the batch's counties. Imports spread over several files go
 * through src/domain/content (checkContentConsistency), which reuses the schemas above.
 */
export function parseVoucherContent(input: unknown, file: string): ContentResult<VoucherContent> {
  const parsed = voucherContentSchema.safeParse(input, CHINESE_ERRORS)
  if (!parsed.success) return { ok: false, errors: zodErrors(file, parsed.error) }
  const errors = crossReferenceErrors(file, parsed.data)
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: parsed.data }
}

/** One batch (e.g. from an API response or an admin form), with the same Chinese reasons. */
export function parseVoucherBatch(input: unknown, file = 'batch'): ContentResult<VoucherBatch> {
  const parsed = voucherBatchSchema.safeParse(input, CHINESE_ERRORS)
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: zodErrors(file, parsed.error) }
}
