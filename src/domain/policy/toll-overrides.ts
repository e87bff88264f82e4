/**
 * Operator file for clause (二十六) "衢城畅行": replaces the bundled station list (and which 13 are
 * in the scheme), the toll-rate figures, the station count and the scheme period, e.g. once the
 * city publishes the 13 names or extends the waiver into 2026. The format is documented in
 * README.md beside this file. Validation is complete and all or nothing: every problem is reported
 * as { file, path, reason } and, if there is any, the data in use stays as it was.
 *
 * The schema is exported for the server's import CLI; it is built against a base data set because
 * one rule crosses files: the number of in-scheme stations must equal the station count (the
 * file's, or else the base's 13 from the clause text).
 */
import { z } from 'zod'
import { effectivePeriodSchema, figureStatusSchema, tollStationSchema } from '../content/schemas'
import { BUNDLED_TOLL_DATA, type TollData } from './toll-scheme'
import type { TollRates } from './toll-rates'
import type { EffectivePeriod, Figure, PolicySource } from './types'

export interface OverrideIssue {
  file: string
  /** Where in the file: 'stations.list[3].lng'; '' for the file as a whole. */
  path: string
  reason: string
}

export type TollOverrideSection = 'stations' | 'stationCount' | 'rates' | 'period'

export type TollOverrideResult =
  | { ok: true; data: TollData; replaced: TollOverrideSection[] }
  | { ok: false; data: TollData; errors: OverrideIssue[] }

const provenanceShape = {
  clause: z.string({ error: '请写明条款，例如 "二十六"' }).trim().min(1, '请写明条款，例如 "二十六"'),
  source: z.string({ error: '请写明来源（文件、公告或网址）' }).trim().min(1, '请写明来源（文件、公告或网址）'),
  status: figureStatusSchema,
  note: z.string().optional(),
}

function figureOf<T extends z.ZodType>(value: T) {
  return z.object({ value, ...provenanceShape }).strict()
}

const ratesSchema = z
  .object({
    class1RatePerKmFen: figureOf(z.number().int('费率以“分/公里”写整数，例如 40').min(1).max(1000)).optional(),
    perTripFen: figureOf(z.number().int('每次收费以“分”写整数，例如 500').min(0).max(10000)).optional(),
    etcDiscountPercent: figureOf(z.number().min(0).max(100).multipleOf(0.01, '折扣百分比最多两位小数')).optional(),
    roadFactor: figureOf(z.number().min(1, '道路系数不能小于 1：直线距离是实际里程的下限').max(3)).optional(),
  })
  .strict()
  .refine((rates) => Object.keys(rates).length > 0, 'rates 里至少要有一项费率')

export function createTollOverrideSchema(base: TollData = BUNDLED_TOLL_DATA) {
  return z
    .object({
      version: z.string({ error: '请写数据版本，例如 "2026.1"' }).trim().min(1, '请写数据版本，例如 "2026.1"').max(40),
      stations: z
        .object({ ...provenanceShape, list: z.array(tollStationSchema).min(1, '站点列表不能为空') })
        .strict()
        .optional(),
      stationCount: figureOf(z.number().int().min(1).max(100)).optional(),
      rates: ratesSchema.optional(),
      period: figureOf(effectivePeriodSchema).optional(),
    })
    .strict()
    .superRefine(
      (file, context) => {
        if (!file.stations && !file.stationCount && !file.rates && !file.period) {
          context.addIssue({
            code: 'custom',
            path: [],
            message: '文件里没有要替换的内容：至少要有 stations、stationCount、rates 或 period 之一',
          })
        }
        // Runs even when some stations failed their own checks (see `when`), so items may be raw input.
        const fileList: unknown = file.stations?.list
        const list: readonly unknown[] = file.stations ? (Array.isArray(fileList) ? fileList : []) : base.stations
        const field = (station: unknown, key: string): unknown =>
          typeof station === 'object' && station !== null ? (station as Record<string, unknown>)[key] : undefined
        const ids = new Set<unknown>()
        const names = new Set<unknown>()
        if (file.stations) {
          list.forEach((station, index) => {
            const at = ['stations', 'list', index]
            const id = field(station, 'id')
            const name = field(station, 'name')
            if (typeof id === 'string' && ids.has(id)) context.addIssue({ code: 'custom', path: [...at, 'id'], message: `id "${id}" 重复` })
            if (typeof name === 'string' && names.has(name))
              context.addIssue({ code: 'custom', path: [...at, 'name'], message: `站名“${name}”重复` })
            ids.add(id)
            names.add(name)
          })
        }
        const countFigure: unknown = file.stationCount
        const fileCount = field(countFigure, 'value')
        const expected = typeof fileCount === 'number' ? fileCount : base.stationCount.value
        const inScheme = list.filter((station) => field(station, 'inScheme') === true).length
        if (list.length > 0 && inScheme !== expected) {
          context.addIssue({
            code: 'custom',
            path: file.stations ? ['stations', 'list'] : ['stationCount'],
            message: `纳入“衢城畅行”的站点（inScheme: true）有 ${inScheme} 个，应为 ${expected} 个（条款写明的数量；如有变化请同时提供 stationCount）`,
          })
        }
      },
      // Cross-field rules are reported together with the field errors, so one pass shows everything.
      { when: (payload) => typeof payload.value === 'object' && payload.value !== null && !Array.isArray(payload.value) },
    )
}

/** The schema against the bundled data, for the server import CLI. */
export const tollOverrideSchema = createTollOverrideSchema()

export type TollOverrideFile = z.infer<typeof tollOverrideSchema>

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)),
    '',
  )
}

function parseJsonText(text: string, file: string): { ok: true; value: unknown } | { ok: false; issue: OverrideIssue } {
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch (error) {
    // V8 says "at position 42" and, in newer versions, also "(line 3 column 5)".
    const message = error instanceof Error ? error.message : ''
    const stated = /line (\d+)/.exec(message)
    const position = /position (\d+)/.exec(message)
    const line = stated ? Number(stated[1]) : position ? text.slice(0, Number(position[1])).split('\n').length : undefined
    const where = line === undefined ? '' : `（第 ${line} 行附近）`
    return { ok: false, issue: { file, path: '', reason: `不是有效的 JSON${where}：请检查引号、逗号和括号` } }
  }
}

const provenanceOf = ({ clause, source, status, note }: PolicySource): PolicySource =>
  note === undefined ? { clause, source, status } : { clause, source, status, note }

/**
 * Validates an operator file (JSON text or an already parsed value) and returns the data with
 * its sections replaced, or every error with the base data unchanged.
 */
export function applyTollOverride(input: unknown, file: string, base: TollData = BUNDLED_TOLL_DATA): TollOverrideResult {
  let value = input
  if (typeof input === 'string') {
    const parsed = parseJsonText(input, file)
    if (!parsed.ok) return { ok: false, data: base, errors: [parsed.issue] }
    value = parsed.value
  }
  const result = createTollOverrideSchema(base).safeParse(value, { error: z.locales.zhCN().localeError })
  if (!result.success) {
    return {
      ok: false,
      data: base,
      errors: result.error.issues.map((issue) => ({ file, path: formatPath(issue.path), reason: issue.message })),
    }
  }
  const override = result.data
  const replaced: TollOverrideSection[] = []
  const data: TollData = { ...base, version: override.version }
  if (override.stations) {
    data.stations = override.stations.list
    data.stationSet = provenanceOf(override.stations)
    replaced.push('stations')
  }
  if (override.stationCount) {
    data.stationCount = override.stationCount as Figure<number>
    replaced.push('stationCount')
  }
  if (override.rates) {
    const rates: TollRates = { ...base.rates }
    for (const key of Object.keys(override.rates) as (keyof TollRates)[]) {
      const figure = override.rates[key]
      if (figure) rates[key] = figure
    }
    data.rates = rates
    replaced.push('rates')
  }
  if (override.period) {
    data.period = override.period as Figure<EffectivePeriod>
    replaced.push('period')
  }
  return { ok: true, data, replaced }
}
