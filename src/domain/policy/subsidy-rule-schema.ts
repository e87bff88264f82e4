/**
 * The zod schema of a whole SubsidyRuleSet, and the checks zod cannot express alone (a figure
 * citing a document the set does not carry, tiers out of order or above their cap, a measure
 * outside its set's dates). The override loader, the server's import CLI and the tests of the
 * bundled data all validate with these, so bundled and overridden data obey the same rules.
 * Overlaps between rule sets are checked where sets are combined (subsidy-overrides.ts).
 */
import { z } from 'zod'
import { effectivePeriodSchema, figureStatusSchema } from '../content/schemas'
import { MAX_AMOUNT_FEN } from '../money'
import { APPLIANCE_CATEGORIES, DIGITAL_CATEGORIES, EBIKE_BATTERY_TYPES, RENOVATION_KINDS, SUBSIDY_MEASURES } from './subsidy-vocabulary'
import { residentSourceProblem } from './resident-source'
import { listFigures, type DataPath, type SubsidyRuleSet } from './subsidy-rules'

/** A real 'YYYY-MM-DD' date, as the shared period schema checks it. */
const dateSchema = effectivePeriodSchema.shape.from

const fenSchema = z
  .number()
  .int({ message: '金额应为整数分（例如 ¥2,000 写作 200000）' })
  .min(0, { message: '金额不能为负' })
  .max(MAX_AMOUNT_FEN, { message: '金额过大' })

const percentSchema = z
  .number()
  .gt(0, { message: '比例应大于 0' })
  .max(100, { message: '比例不能超过 100' })
  .refine((value) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-9, { message: '比例最多两位小数' })

const countSchema = z.number().int({ message: '应为整数' }).min(0, { message: '不能为负' })
const textSchema = z.string().trim().min(1, { message: '不能为空' })

const provenanceShape = {
  clause: textSchema,
  source: textSchema,
  status: figureStatusSchema,
  note: z.string().optional(),
}

const sourcedPeriodSchema = z
  .strictObject({ ...effectivePeriodSchema.shape, ...provenanceShape })
  .refine((period) => period.to === null || period.from <= period.to, { message: '结束日期不能早于开始日期', path: ['to'] })

function figureSchema<Value extends z.ZodType>(value: Value) {
  return z.strictObject({ label: textSchema, value, ...provenanceShape, effective: effectivePeriodSchema })
}

function uniqueList<Item extends z.ZodType>(item: Item) {
  return z
    .array(item)
    .min(1, { message: '至少要有一项' })
    .refine((items) => new Set(items).size === items.length, { message: '有重复项' })
}

const gradedRatesSchema = z.strictObject({
  byGrade: z.strictObject({
    '1': figureSchema(percentSchema).optional(),
    '2': figureSchema(percentSchema).optional(),
    '3': figureSchema(percentSchema).optional(),
    '4': figureSchema(percentSchema).optional(),
    '5': figureSchema(percentSchema).optional(),
  }),
  otherGrades: figureSchema(percentSchema).nullable(),
})

const tierSchema = z.strictObject({ minPriceFen: fenSchema, amountFen: fenSchema })

const carAmountSchema = z.discriminatedUnion('basis', [
  z.strictObject({ basis: z.literal('fixed'), amountFen: figureSchema(fenSchema) }),
  z.strictObject({ basis: z.literal('rate'), ratePercent: figureSchema(percentSchema), capFen: figureSchema(fenSchema) }),
  z.strictObject({
    basis: z.literal('tiers'),
    tiers: figureSchema(z.array(tierSchema).min(1, { message: '至少要有一档' })),
    capFen: figureSchema(fenSchema),
  }),
])

const applianceRuleSchema = z.strictObject({
  effective: sourcedPeriodSchema,
  categories: figureSchema(uniqueList(z.enum(APPLIANCE_CATEGORIES))),
  rates: gradedRatesSchema,
  capFen: figureSchema(fenSchema),
  perPersonLimit: figureSchema(
    z.strictObject({ perCategory: countSchema, byCategory: z.partialRecord(z.enum(APPLIANCE_CATEGORIES), countSchema) }),
  ),
})

const furnitureRuleSchema = z.strictObject({
  effective: sourcedPeriodSchema,
  rates: gradedRatesSchema,
  capFen: figureSchema(fenSchema),
  perPersonTotalCapFen: figureSchema(fenSchema.nullable()),
})

const digitalRuleSchema = z.strictObject({
  effective: sourcedPeriodSchema,
  categories: figureSchema(uniqueList(z.enum(DIGITAL_CATEGORIES))),
  priceLimitFen: figureSchema(fenSchema),
  ratePercent: figureSchema(percentSchema),
  capFen: figureSchema(fenSchema),
  perPersonLimit: figureSchema(z.strictObject({ perCategory: countSchema })),
})

const carAmountsSchema = z.strictObject({ nev: carAmountSchema, fuel: carAmountSchema })

const carScrapRuleSchema = z.strictObject({
  effective: sourcedPeriodSchema,
  amounts: carAmountsSchema,
  fuelMaxDisplacementL: figureSchema(z.number().gt(0, { message: '排量应大于 0' })),
  oldCarRegisteredOnOrBefore: figureSchema(
    z.strictObject({ petrol: dateSchema, diesel: dateSchema, nev: dateSchema, other: dateSchema }),
  ).nullable(),
  oldCarOwnedOnOrBefore: figureSchema(dateSchema).nullable(),
  exclusiveWithReplace: figureSchema(z.boolean()),
  nevOnTaxExemptionCatalogue: figureSchema(z.boolean()).nullable().optional(),
  pointsToCheck: z.array(figureSchema(textSchema)).optional(),
})

const carReplaceRuleSchema = z.strictObject({
  effective: sourcedPeriodSchema,
  amounts: carAmountsSchema,
  oldCarOwnedOnOrBefore: figureSchema(dateSchema).nullable(),
  perPersonPerYear: figureSchema(countSchema),
  nevOnTaxExemptionCatalogue: figureSchema(z.boolean()).nullable().optional(),
  pointsToCheck: z.array(figureSchema(textSchema)).optional(),
})

const ebikeRuleSchema = z.strictObject({
  effective: sourcedPeriodSchema,
  requireRecycling: figureSchema(z.boolean()),
  requireCompliantNewBike: figureSchema(z.boolean()),
  baseAmountFen: figureSchema(fenSchema),
  extras: z.array(
    figureSchema(
      z.strictObject({
        oldBatteryType: z.enum(EBIKE_BATTERY_TYPES).optional(),
        newBatteryType: z.enum(EBIKE_BATTERY_TYPES).optional(),
        amountFen: fenSchema,
      }),
    ),
  ),
  perPersonLimit: figureSchema(countSchema.nullable()),
})

const renovationRuleSchema = z.strictObject({
  effective: sourcedPeriodSchema,
  kinds: z.partialRecord(z.enum(RENOVATION_KINDS), z.strictObject({ rates: gradedRatesSchema, capFen: figureSchema(fenSchema) })),
  perPersonTotalCapFen: figureSchema(fenSchema.nullable()),
})

const guideItemSchema = z.strictObject({ text: textSchema, status: figureStatusSchema, source: textSchema })

const applicationGuideSchema = z.strictObject({
  channel: guideItemSchema,
  steps: z.array(guideItemSchema).min(1, { message: '至少要有一步' }),
  materials: z.array(guideItemSchema),
  notes: z.array(guideItemSchema),
})

const unpublishedMeasureSchema = z.strictObject({ text: textSchema, ...provenanceShape })

const documentSchema = z.strictObject({ citation: textSchema, title: textSchema, text: textSchema, verbatim: z.boolean() })

export const subsidyRuleSetSchema: z.ZodType<SubsidyRuleSet> = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'id 只能用小写字母、数字和连字符，例如 zhejiang-2026' }),
  title: textSchema,
  status: figureStatusSchema,
  note: z.string().optional(),
  effective: sourcedPeriodSchema,
  documents: z.record(textSchema, documentSchema),
  measures: z.strictObject({
    appliance: applianceRuleSchema.nullable().optional(),
    furniture: furnitureRuleSchema.nullable().optional(),
    digital: digitalRuleSchema.nullable().optional(),
    'car-scrap': carScrapRuleSchema.nullable().optional(),
    'car-replace': carReplaceRuleSchema.nullable().optional(),
    ebike: ebikeRuleSchema.nullable().optional(),
    renovation: renovationRuleSchema.nullable().optional(),
  }),
  unpublished: z.partialRecord(z.enum(SUBSIDY_MEASURES), unpublishedMeasureSchema).optional(),
  guides: z.partialRecord(z.enum(SUBSIDY_MEASURES), applicationGuideSchema.nullable()),
})

export interface RuleSetIssue {
  path: DataPath
  reason: string
}

/** Reads a path in data that may not have passed the schema; anything unexpected is undefined. */
function at(node: unknown, ...path: Array<string | number>): unknown {
  let current = node
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined
    current = (current as Record<string | number, unknown>)[key]
  }
  return current
}

const isDate = (value: unknown): value is string => typeof value === 'string' && dateSchema.safeParse(value).success
const isFen = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)

function within(inner: unknown, outer: unknown): boolean {
  const [innerFrom, innerTo, outerFrom, outerTo] = [at(inner, 'from'), at(inner, 'to'), at(outer, 'from'), at(outer, 'to')]
  if (!isDate(innerFrom) || !isDate(outerFrom)) return true
  const innerEnd = isDate(innerTo) ? innerTo : '9999-12-31'
  const outerEnd = isDate(outerTo) ? outerTo : '9999-12-31'
  return innerFrom >= outerFrom && innerEnd <= outerEnd
}

function checkTiers(amount: unknown, tiersPath: DataPath, issues: RuleSetIssue[]): void {
  const tiers = at(amount, 'tiers', 'value')
  if (at(amount, 'basis') !== 'tiers' || !Array.isArray(tiers) || tiers.length === 0) return
  const capFen = at(amount, 'capFen', 'value')
  const minimum = (index: number) => at(tiers, index, 'minPriceFen')
  if (isFen(minimum(0)) && minimum(0) !== 0) issues.push({ path: [...tiersPath, 0, 'minPriceFen'], reason: '第一档应从 0 元起' })
  tiers.forEach((tier, index) => {
    const [current, previous] = [minimum(index), minimum(index - 1)]
    if (index > 0 && isFen(current) && isFen(previous) && current <= previous) {
      issues.push({ path: [...tiersPath, index, 'minPriceFen'], reason: '各档起始价格应从低到高严格递增' })
    }
    const amountFen = at(tier, 'amountFen')
    if (isFen(amountFen) && isFen(capFen) && amountFen > capFen) {
      issues.push({ path: [...tiersPath, index, 'amountFen'], reason: `该档金额超过补贴上限 capFen（${capFen}）` })
    }
  })
}

/**
 * Every `source` is shown to residents (and served by GET /policy), so it must name a public
 * document or say 本应用暂定 with the reason — never a repository file or a rule-set id.
 */
function checkSources(node: unknown, path: DataPath, issues: RuleSetIssue[]): void {
  if (Array.isArray(node)) node.forEach((child, index) => checkSources(child, [...path, index], issues))
  else if (typeof node === 'object' && node !== null) {
    for (const [key, child] of Object.entries(node)) {
      if (key === 'source' && typeof child === 'string') {
        const problem = residentSourceProblem(child)
        if (problem) issues.push({ path: [...path, key], reason: `来源“${child}”：${problem}` })
      } else checkSources(child, [...path, key], issues)
    }
  }
}

/**
 * Checks a rule set for what the schema cannot see, and returns every issue with its path inside
 * the rule set. It reads defensively, so it also runs on a set that failed the schema elsewhere:
 * an operator gets the schema's and these problems from one run.
 */
export function checkRuleSetConsistency(ruleSet: unknown): RuleSetIssue[] {
  const issues: RuleSetIssue[] = []
  const documents = at(ruleSet, 'documents')
  const cites = (clause: unknown) =>
    typeof clause !== 'string' || (typeof documents === 'object' && documents !== null && clause in documents)
  for (const { path, figure } of listFigures(ruleSet as SubsidyRuleSet)) {
    if (!cites(figure.clause)) issues.push({ path: [...path, 'clause'], reason: `引用的条款 “${figure.clause}” 不在 documents 中` })
  }
  for (const measure of SUBSIDY_MEASURES) {
    const rule = at(ruleSet, 'measures', measure)
    if (typeof rule !== 'object' || rule === null) continue
    if (!within(at(rule, 'effective'), at(ruleSet, 'effective'))) {
      issues.push({ path: ['measures', measure, 'effective'], reason: '该项措施的有效期超出了整个规则集的有效期' })
    }
    const clause = at(rule, 'effective', 'clause')
    if (!cites(clause))
      issues.push({ path: ['measures', measure, 'effective', 'clause'], reason: `引用的条款 “${String(clause)}” 不在 documents 中` })
  }
  checkSources(ruleSet, [], issues)
  for (const measure of ['car-scrap', 'car-replace'] as const) {
    for (const energy of ['nev', 'fuel'] as const) {
      checkTiers(at(ruleSet, 'measures', measure, 'amounts', energy), ['measures', measure, 'amounts', energy, 'tiers', 'value'], issues)
    }
  }
  return issues
}
