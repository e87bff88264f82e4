/**
 * The operator import: validate every file first (each document with its area's schema, then the
 * references between files and to what the store already holds), and only if nothing is wrong
 * apply everything in one transaction. Any problem rejects the whole set; each problem names the
 * file, the path, the line where known, and the reason in Chinese.
 */
import { readFile } from 'node:fs/promises'
import {
  checkContentConsistency,
  contentBundleSchema,
  findDroppedFields,
  formatPath,
  type ContentPath,
  type DroppedField,
  type LocatedBundle,
} from '../../../src/domain/content'
import { cityEventSchema } from '../../../src/domain/events/model'
import { merchantSchema, voucherBatchSchema } from '../../../src/domain/vouchers/schema'
import { publishedStateOf, queueRemindersForPublication, type PublishedFired } from '../reminders/published'
import { applyBundles, knownContentIds, recordImport, type ContentCounts } from '../store/content'
import type { Db, Queryable } from '../store/db'
import { generateSampleContent } from '../../content/sample/generate'
import { inMemoryFile, parseSourceText, type ParsedFile, type Position, type SourceProblem } from './source-files'

export interface ImportProblem {
  file: string
  /** e.g. `events[2].venue.lng`, or `(文件顶层)`. */
  path: string
  line?: number
  column?: number
  reason: string
}

export type ImportResult =
  | { ok: true; counts: ContentCounts; importId: string | null; dryRun: boolean; published: PublishedFired }
  | { ok: false; problems: ImportProblem[] }

function present(problem: SourceProblem): ImportProblem {
  return {
    file: problem.file,
    path: formatPath(problem.path),
    ...(problem.position ? { line: problem.position.line, column: problem.position.column } : {}),
    reason: problem.reason,
  }
}

interface ZodIssueLike {
  path: PropertyKey[]
  message: string
  code: string
  keys?: string[]
}

function issueProblems(parsed: ParsedFile, issues: readonly ZodIssueLike[]): SourceProblem[] {
  return issues.map((issue) => {
    const issuePath = issue.path.filter((part): part is string | number => typeof part !== 'symbol')
    // An unknown key is reported on its own line, and by name.
    const pointAt: ContentPath = issue.code === 'unrecognized_keys' && issue.keys?.length ? [...issuePath, issue.keys[0]] : issuePath
    const reason = issue.code === 'unrecognized_keys' && issue.keys ? `不认识的字段：${issue.keys.join('、')}` : issue.message
    const position: Position | undefined = parsed.locate(pointAt)
    return { file: parsed.file, path: issuePath, position, reason }
  })
}

const ITEM_SCHEMAS = {
  merchants: merchantSchema,
  batches: voucherBatchSchema,
  events: cityEventSchema,
} as const

/**
 * Unknown fields that a schema would drop, found item by item so they are reported together
 * with the file's other problems rather than only once those are fixed.
 */
function droppedFieldsByItem(data: unknown): DroppedField[] {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return []
  const record = data as Record<string, unknown>
  return Object.entries(ITEM_SCHEMAS).flatMap(([kind, schema]) => {
    const items = record[kind]
    if (!Array.isArray(items)) return []
    return items.flatMap((item, index) => {
      const parsed = (schema as { safeParse(value: unknown): { success: boolean; data?: unknown } }).safeParse(item)
      return parsed.success ? findDroppedFields(item, parsed.data, [kind, index]) : []
    })
  })
}

/** Validates all files against each other and the store; pure apart from reading known ids. */
export async function validateFiles(q: Queryable, files: readonly ParsedFile[]): Promise<{ bundles: LocatedBundle[]; problems: SourceProblem[] }> {
  const problems: SourceProblem[] = []
  const bundles: LocatedBundle[] = []
  for (const parsed of files) {
    const result = contentBundleSchema.safeParse(parsed.data)
    const dropped = result.success ? findDroppedFields(parsed.data, result.data) : droppedFieldsByItem(parsed.data)
    const droppedProblems = dropped.map(({ path, key }) => ({ file: parsed.file, path, position: parsed.locate([...path, key]), reason: `不认识的字段：${key}` }))
    if (!result.success) problems.push(...issueProblems(parsed, result.error.issues as ZodIssueLike[]))
    problems.push(...droppedProblems)
    if (result.success && droppedProblems.length === 0) bundles.push({ file: parsed.file, bundle: result.data })
  }
  if (problems.length > 0) return { bundles, problems }
  const byFile = new Map(files.map((parsed) => [parsed.file, parsed]))
  for (const problem of checkContentConsistency(bundles, await knownContentIds(q))) {
    problems.push({ ...problem, position: byFile.get(problem.file)?.locate(problem.path) })
  }
  return { bundles, problems }
}

/**
 * Validates, then applies all or nothing. `dryRun` validates only. A subsidy or toll override that
 * changes a rule residents asked to hear about queues their 公布时提醒 in the same transaction
 * (`now` decides which rule set is current).
 */
export async function importParsedFiles(
  db: Db,
  files: readonly ParsedFile[],
  options: { source: string; dryRun?: boolean; now?: Date },
): Promise<ImportResult> {
  const now = options.now ?? new Date()
  if (files.length === 0) return { ok: false, problems: [{ file: '(无)', path: '(文件顶层)', reason: '请至少给出一个文件' }] }
  const outcome = await db.transaction(async (tx) => {
    const { bundles, problems } = await validateFiles(tx, files)
    if (problems.length > 0) return { ok: false as const, problems: problems.map(present) }
    const overrides = bundles.some((located) => located.bundle.subsidyOverrides !== undefined || located.bundle.tollOverride !== undefined)
    const before = overrides ? await publishedStateOf(tx, now) : null
    const counts = await applyBundles(tx, bundles.map((located) => located.bundle))
    if (options.dryRun) throw new DryRunRollback(counts)
    const published = before ? await queueRemindersForPublication(tx, before, await publishedStateOf(tx, now), now) : { subjectIds: [], reminders: 0 }
    const importId = await recordImport(tx, options.source, files.map((file) => file.file), counts)
    return { ok: true as const, counts, importId, dryRun: false, published }
  }).catch((error: unknown) => {
    // A dry run applies inside the transaction (so database constraints are checked too) and rolls back.
    if (error instanceof DryRunRollback) return { ok: true as const, counts: error.counts, importId: null, dryRun: true, published: { subjectIds: [], reminders: 0 } }
    throw error
  })
  return outcome
}

class DryRunRollback extends Error {
  constructor(readonly counts: ContentCounts) {
    super('dry run')
  }
}

/** Reads and parses files from disk; unreadable or malformed files are problems like any other. */
export async function readContentFiles(paths: readonly string[]): Promise<{ files: ParsedFile[]; problems: ImportProblem[] }> {
  const files: ParsedFile[] = []
  const problems: ImportProblem[] = []
  for (const file of paths) {
    let text: string
    try {
      text = await readFile(file, 'utf8')
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      problems.push({ file, path: '(文件顶层)', reason: code === 'ENOENT' ? '找不到这个文件' : `无法读取文件（${code ?? 'unknown'}）` })
      continue
    }
    const outcome = parseSourceText(file, text)
    if (outcome.ok) files.push(outcome.parsed)
    else problems.push(...outcome.problems.map(present))
  }
  return { files, problems }
}

export async function importContentFiles(db: Db, paths: readonly string[], options: { source: string; dryRun?: boolean; now?: Date }): Promise<ImportResult> {
  const { files, problems } = await readContentFiles(paths)
  if (problems.length > 0) return { ok: false, problems }
  return importParsedFiles(db, files, options)
}

/** The generated sample (dates relative to today in Shanghai) with the real 2025 events. */
export function sampleContentFile(now: Date = new Date()): ParsedFile {
  return inMemoryFile('sample:generated', generateSampleContent(now))
}

export async function importSampleContent(db: Db, now: Date = new Date(), options: { dryRun?: boolean } = {}): Promise<ImportResult> {
  return importParsedFiles(db, [sampleContentFile(now)], { source: 'sample', dryRun: options.dryRun, now })
}
