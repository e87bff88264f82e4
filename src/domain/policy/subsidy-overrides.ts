/**
 * Operator overrides of the trade-in rule sets (format in README.md beside this file). A file
 * replaces whole rule sets or patches parts of them (a figure, a tier table, guide text, dates);
 * the result is validated completely — schema, provenance, consistency, no overlapping dates —
 * and applied all or nothing: one problem anywhere and every rule set stays as bundled, while the
 * operator gets every problem at once as {file, path, reason}.
 */
import { z } from 'zod'
import { BUNDLED_SUBSIDY_RULE_SETS } from './subsidy-rule-sets'
import { checkRuleSetConsistency, subsidyRuleSetSchema } from './subsidy-rule-schema'
import { formatDataPath, isDatedFigure, type DataPath, type SubsidyRuleSet } from './subsidy-rules'
import type { OverrideIssue } from './toll-overrides'

export const SUBSIDY_OVERRIDE_FORMAT = 'quhuitong/subsidy-overrides@1'

/**
 * One problem in an override file, the same shape as the toll override's: `path` such as
 * 'ruleSets[0].patch.measures.ebike.baseAmountFen.value' ('' for the file itself), `reason` in
 * Chinese saying what to change.
 */
export type PolicyOverrideError = OverrideIssue

export type SubsidyOverrideResult =
  | { ok: true; ruleSets: SubsidyRuleSet[]; changedIds: string[] }
  /** `ruleSets` is the bundled data, untouched: nothing of a bad file is applied. */
  | { ok: false; ruleSets: readonly SubsidyRuleSet[]; errors: PolicyOverrideError[] }

const overrideEntrySchema = z
  .strictObject({
    id: z.string().trim().min(1, { message: '请写明要修改的规则集 id，例如 quzhou-2025' }),
    note: z.string().optional(),
    patch: z.record(z.string(), z.unknown()).optional(),
    replace: z.unknown().optional(),
  })
  .refine((entry) => (entry.patch === undefined) !== (entry.replace === undefined), {
    message: '每一项必须有且只有 patch（局部修改）或 replace（整套替换/新增）之一',
  })

/**
 * The envelope of an override file. Entry contents are checked against the rule-set schema by
 * `applySubsidyOverrides`; `subsidyOverrideFileSchema(bundled)` does both in one zod schema.
 */
export const subsidyOverrideDocumentSchema = z.strictObject({
  format: z.literal(SUBSIDY_OVERRIDE_FORMAT, { message: `format 应为 “${SUBSIDY_OVERRIDE_FORMAT}”` }),
  note: z.string().optional(),
  ruleSets: z.array(overrideEntrySchema).min(1, { message: 'ruleSets 至少要有一项' }),
})

export type SubsidyOverrideDocument = z.infer<typeof subsidyOverrideDocumentSchema>

const TYPE_NAME: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: 'true 或 false',
  object: '对象 {…}',
  record: '对象 {…}',
  array: '数组 […]',
  null: 'null',
  unknown: '任意值',
}

/** Chinese reasons for zod's own issues; messages written on the schema take precedence. */
const chineseErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = TYPE_NAME[issue.expected] ?? issue.expected
      return issue.input === undefined ? `缺少必填字段（应为${expected}）` : `类型不对：应为${expected}`
    }
    case 'unrecognized_keys':
      return `未知字段：${issue.keys.join('、')}（请检查拼写）`
    case 'invalid_value':
      return `取值应为以下之一：${issue.values.map((value) => JSON.stringify(value)).join('、')}`
    case 'invalid_union':
      return issue.note === 'No matching discriminator' ? 'basis 应为 "fixed"、"rate" 或 "tiers"' : '不符合任何一种允许的写法'
    case 'invalid_key':
      return '键名不在允许的范围内'
    case 'too_small':
      return `不能小于 ${String(issue.minimum)}`
    case 'too_big':
      return `不能大于 ${String(issue.maximum)}`
    default:
      return '取值不合法'
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

/**
 * Deep merge: objects merge key by key; arrays, numbers, strings, booleans and null replace.
 * A patch that changes a figure's value must also say where the new value comes from (source and
 * status): otherwise a changed number would keep claiming the old, possibly confirmed, provenance.
 */
function mergePatch(base: unknown, patch: unknown, path: DataPath, problems: Array<{ path: DataPath; reason: string }>): unknown {
  if (!isPlainObject(patch) || !isPlainObject(base)) return patch
  if (isDatedFigure(base) && 'value' in patch && !('source' in patch && 'status' in patch)) {
    problems.push({ path: [...path, 'value'], reason: '修改数值时必须同时填写 source（出处）和 status（confirmed/provisional/unknown）' })
  }
  const merged: Record<string, unknown> = { ...base }
  for (const [key, value] of Object.entries(patch)) {
    if (FORBIDDEN_KEYS.has(key)) {
      problems.push({ path: [...path, key], reason: `不允许的字段名 ${key}` })
      continue
    }
    merged[key] = mergePatch(base[key], value, [...path, key], problems)
  }
  return merged
}

function toDataPath(path: readonly PropertyKey[]): DataPath {
  return path.map((part) => (typeof part === 'number' ? part : String(part)))
}

function periodsOverlap(a: SubsidyRuleSet['effective'], b: SubsidyRuleSet['effective']): boolean {
  const aTo = a.to ?? '9999-12-31'
  const bTo = b.to ?? '9999-12-31'
  return a.from <= bTo && b.from <= aTo
}

function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch (error) {
    return { ok: false, reason: `不是合法的 JSON：${error instanceof Error ? error.message : String(error)}` }
  }
}

/**
 * Applies an override document (parsed JSON, or the file's text) to the bundled rule sets.
 * `fileName` is only echoed in errors. All or nothing: `ok: false` lists every problem and
 * returns the bundled rule sets unchanged.
 */
export function applySubsidyOverrides(bundled: readonly SubsidyRuleSet[], overrideDoc: unknown, fileName: string): SubsidyOverrideResult {
  const errors: PolicyOverrideError[] = []
  const report = (path: DataPath, reason: string) => errors.push({ file: fileName, path: formatDataPath(path), reason })
  const fail = (): SubsidyOverrideResult => ({ ok: false, ruleSets: bundled, errors })

  let document = overrideDoc
  if (typeof overrideDoc === 'string') {
    const parsed = parseJsonText(overrideDoc)
    if (!parsed.ok) {
      report([], parsed.reason)
      return fail()
    }
    document = parsed.value
  }

  const envelope = z
    .strictObject({
      format: subsidyOverrideDocumentSchema.shape.format,
      note: z.string().optional(),
      ruleSets: z.array(z.unknown()).min(1, { message: 'ruleSets 至少要有一项' }),
    })
    .safeParse(document, { error: chineseErrorMap })
  if (!envelope.success) {
    for (const issue of envelope.error.issues) report(toDataPath(issue.path), issue.message)
  }
  const entries = isPlainObject(document) && Array.isArray(document.ruleSets) ? document.ruleSets : []

  const result = new Map<string, SubsidyRuleSet>(bundled.map((ruleSet) => [ruleSet.id, ruleSet]))
  const changedBy = new Map<string, DataPath>()
  const seenIds = new Set<string>()

  entries.forEach((rawEntry, index) => {
    const entryPath: DataPath = ['ruleSets', index]
    const entry = overrideEntrySchema.safeParse(rawEntry, { error: chineseErrorMap })
    if (!entry.success) {
      for (const issue of entry.error.issues) report([...entryPath, ...toDataPath(issue.path)], issue.message)
      return
    }
    const { id, replace } = entry.data
    // The raw patch, not zod's copy: a JSON "__proto__" key must be seen (and refused), not dropped.
    const patch = entry.data.patch === undefined ? undefined : (rawEntry as { patch: unknown }).patch
    if (seenIds.has(id)) {
      report([...entryPath, 'id'], `规则集 ${id} 在本文件中出现了不止一次；请合并为一项`)
      return
    }
    seenIds.add(id)
    const operation = patch !== undefined ? 'patch' : 'replace'
    const operationPath: DataPath = [...entryPath, operation]
    let candidate: unknown
    if (patch !== undefined) {
      const base = bundled.find((ruleSet) => ruleSet.id === id)
      if (!base) {
        report([...entryPath, 'id'], `没有 id 为 ${id} 的规则集可以修改；新增规则集请用 replace`)
        return
      }
      const problems: Array<{ path: DataPath; reason: string }> = []
      candidate = mergePatch(base, patch, [], problems)
      for (const problem of problems) report([...operationPath, ...problem.path], problem.reason)
    } else {
      candidate = replace
    }

    const parsed = subsidyRuleSetSchema.safeParse(candidate, { error: chineseErrorMap })
    if (!parsed.success) {
      for (const issue of parsed.error.issues) report([...operationPath, ...toDataPath(issue.path)], issue.message)
    }
    for (const issue of checkRuleSetConsistency(candidate)) report([...operationPath, ...issue.path], issue.reason)
    if (!parsed.success) return
    if (parsed.data.id !== id) {
      report([...operationPath, 'id'], `规则集内的 id（${parsed.data.id}）与该项的 id（${id}）不一致`)
      return
    }
    result.set(id, parsed.data)
    changedBy.set(id, operationPath)
  })

  const ruleSets = [...result.values()].sort((a, b) =>
    a.effective.from < b.effective.from ? -1 : a.effective.from > b.effective.from ? 1 : 0,
  )
  ruleSets.forEach((ruleSet, index) => {
    for (const other of ruleSets.slice(index + 1)) {
      if (!periodsOverlap(ruleSet.effective, other.effective)) continue
      const blamed = changedBy.has(other.id) ? other : ruleSet
      const path = changedBy.get(blamed.id) ?? []
      const otherId = blamed === other ? ruleSet.id : other.id
      report([...path, 'effective'], `规则集 ${blamed.id} 的有效期与 ${otherId} 重叠：同一天只能适用一套规则`)
    }
  })

  if (errors.length > 0) return fail()
  return { ok: true, ruleSets, changedIds: [...changedBy.keys()] }
}

/**
 * One zod schema for a whole override file against given bundled rule sets, for the server's
 * import CLI: `subsidyOverrideFileSchema(BUNDLED_SUBSIDY_RULE_SETS).safeParse(json)` reports every
 * problem as a zod issue whose path is the path in the file.
 */
export function subsidyOverrideFileSchema(bundled: readonly SubsidyRuleSet[] = BUNDLED_SUBSIDY_RULE_SETS) {
  return z.unknown().superRefine((document, context) => {
    const outcome = applySubsidyOverrides(bundled, document, '')
    if (outcome.ok) return
    for (const error of outcome.errors) {
      context.addIssue({ code: 'custom', message: error.reason, path: parseDataPath(error.path) })
    }
  })
}

function parseDataPath(text: string): DataPath {
  const path: DataPath = []
  for (const match of text.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    path.push(match[2] !== undefined ? Number(match[2]) : match[1])
  }
  return path
}
