/**
 * Content records no single domain area owns: the policy data version, the effective period and
 * figure status every area shares, and a toll station record (used by policy/toll-overrides.ts).
 * The file an operator imports is assembled from these and the areas' own schemas in bundle.ts.
 */
import { z } from 'zod'
import { isValidDate } from '../time'
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

export type PolicyVersion = z.output<typeof policyVersionSchema>
export type TollStationInput = z.input<typeof tollStationSchema>
