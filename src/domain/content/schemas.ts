/**
 * One operator import file: the policy data version and figure overrides, merchants, voucher
 * batches with their rounds (clause 十五), events (clause 十五) and the 衢城畅行 toll stations
 * (clause 二十六). Each kind is validated by the schema its own domain area owns — vouchers,
 * events — so the server, the import CLI and the app read one definition. What no area owns yet
 * (the policy version, a figure override, a station record) is defined here.
 */
import { z } from 'zod'
import { isValidDate } from '../time'
import { cityEventSchema } from '../events/model'
import { merchantSchema, voucherBatchSchema } from '../vouchers/schema'
import { HIGHWAYS, QUZHOU_COUNTIES, type TollStation } from '../policy/toll-stations'

const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2025-05-01')
  .refine((text) => isValidDate(text), '没有这一天')

export const figureStatusSchema = z.enum(['confirmed', 'provisional', 'unknown'], {
  error: 'status 只能是 confirmed、provisional 或 unknown',
})

export const effectivePeriodSchema = z
  .strictObject({ from: dateSchema, to: dateSchema.nullable() })
  .refine((period) => period.to === null || period.to >= period.from, { error: '结束日期不能早于开始日期', path: ['to'] })

/** Which edition of the policy data the app should show ("数据版本 2025.2，2025-06-01 更新"). */
export const policyVersionSchema = z.strictObject({
  version: z.string().regex(/^\d{4}\.\d{1,3}$/, '版本号格式为 年份.序号，例如 2025.1'),
  title: z.string().trim().min(1, '请填写标题').max(80),
  document: z.string().trim().min(1, '请填写政策文件').max(200),
  publishedOn: dateSchema,
  effective: effectivePeriodSchema,
  note: z.string().trim().max(500).optional(),
})

/**
 * One policy figure corrected by the operator: the DatedFigure fields of
 * policy/subsidy-rules.ts plus the data path it replaces, e.g.
 * `subsidy.quzhou-2025.measures.ebike.baseAmountFen` or `toll.period`.
 */
export const policyOverrideSchema = z.strictObject({
  key: z.string().regex(/^(subsidy|toll)\.[a-zA-Z0-9-]+(\.[a-zA-Z0-9-]+)*$/, 'key 是以 subsidy. 或 toll. 开头的数据路径，例如 toll.period'),
  label: z.string().trim().min(1, '请写明这是什么数字').max(60),
  value: z.json(),
  clause: z.string().trim().min(1, '请写明条款').max(40),
  source: z.string().trim().min(1, '请写明来源').max(200),
  status: figureStatusSchema,
  note: z.string().trim().max(500).optional(),
  effective: effectivePeriodSchema,
})

const countyCodes = QUZHOU_COUNTIES.map((county) => county.code) as [string, ...string[]]
const highwayCodes = Object.keys(HIGHWAYS) as [keyof typeof HIGHWAYS, ...(keyof typeof HIGHWAYS)[]]

/**
 * A toll station record as policy/toll-stations.ts types it. Operators write the highway and
 * county by code; the names are filled in from the same tables the bundled list uses.
 */
export const tollStationSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, 'id 用站名拼音小写，例如 quzhoudong'),
    name: z.string().trim().min(1, '请填写站名').max(20).refine((name) => !name.endsWith('收费站'), '站名不带“收费站”，例如 衢州东'),
    highway: z.enum(highwayCodes, { error: `高速编号只能是 ${highwayCodes.join('、')}` }),
    county: z.enum(countyCodes, { error: `区县代码只能是 ${countyCodes.join('、')}` }),
    lng: z.number().min(117.9, '经度不在衢州市范围内').max(119.5, '经度不在衢州市范围内'),
    lat: z.number().min(28.1, '纬度不在衢州市范围内').max(29.6, '纬度不在衢州市范围内'),
    inScheme: z.boolean(),
    status: figureStatusSchema,
    pinyin: z.string().regex(/^[a-z]+$/).optional(),
    pinyinInitials: z.string().regex(/^[a-z]+$/).optional(),
  })
  .transform(
    (station): TollStation => ({
      ...station,
      highway: HIGHWAYS[station.highway],
      county: QUZHOU_COUNTIES.find((county) => county.code === station.county) ?? { code: station.county, name: station.county },
    }),
  )

export const CONTENT_KINDS = ['policy', 'overrides', 'merchants', 'batches', 'events', 'stations'] as const
export type ContentKind = (typeof CONTENT_KINDS)[number]

export const contentBundleSchema = z
  .strictObject({
    policy: policyVersionSchema.optional(),
    overrides: z.array(policyOverrideSchema).optional(),
    merchants: z.array(merchantSchema).optional(),
    batches: z.array(voucherBatchSchema).optional(),
    events: z.array(cityEventSchema).optional(),
    stations: z.array(tollStationSchema).optional(),
  })
  .refine((bundle) => CONTENT_KINDS.some((kind) => bundle[kind] !== undefined), {
    error: `文件里没有内容：顶层应有 ${CONTENT_KINDS.join('、')} 中的至少一项`,
  })

export type PolicyVersion = z.output<typeof policyVersionSchema>
export type PolicyOverride = z.output<typeof policyOverrideSchema>
export type ContentBundle = z.output<typeof contentBundleSchema>
export type ContentBundleInput = z.input<typeof contentBundleSchema>
export type TollStationInput = z.input<typeof tollStationSchema>
