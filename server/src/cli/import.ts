/**
 * `npm run server:import -- [--dry-run] [--sample] <files…>` from the repository root.
 * Validates every file first; applies all or nothing in one transaction; prints each problem as
 * `file:line:column  path  reason` and exits 1 on any problem (2 on a usage or store error).
 * Uses the same store as the server: DATABASE_URL, or PGlite under DATA_DIR (default data/).
 */
import path from 'node:path'
import { loadConfig } from '../config'
import { importParsedFiles, readContentFiles, sampleContentFile, type ImportProblem } from '../content/import'
import { runCli, withMigratedStore } from './run-cli'

const USAGE = `用法：npm run server:import -- [--dry-run] [--sample] <文件.json|文件.yaml …>
  --dry-run  只校验，不写入
  --sample   导入示例内容（日期按今天生成）和 2025 年真实活动`

function formatProblem(problem: ImportProblem): string {
  const where = problem.line ? `${problem.file}:${problem.line}:${problem.column ?? 1}` : problem.file
  return `  ${where}  ${problem.path}  ${problem.reason}`
}

async function run(argv: string[]): Promise<number> {
  const flags = new Set(argv.filter((arg) => arg.startsWith('--')))
  const unknown = [...flags].filter((flag) => !['--dry-run', '--sample', '--help'].includes(flag))
  const paths = argv.filter((arg) => !arg.startsWith('--'))
  if (flags.has('--help') || unknown.length > 0 || (paths.length === 0 && !flags.has('--sample'))) {
    if (unknown.length > 0) console.error(`不认识的选项：${unknown.join(' ')}`)
    console.error(USAGE)
    return flags.has('--help') ? 0 : 2
  }
  // npm runs scripts from the package directory; INIT_CWD is where the operator typed the command.
  const base = process.env.INIT_CWD ?? process.cwd()
  const { files, problems } = await readContentFiles(paths.map((file) => path.resolve(base, file)))
  if (flags.has('--sample')) files.unshift(sampleContentFile())
  const shown = (problem: ImportProblem) => ({
    ...problem,
    file: path.isAbsolute(problem.file) ? path.relative(base, problem.file) || problem.file : problem.file,
  })
  if (problems.length > 0) {
    console.error(`导入失败：${problems.length} 处问题，未写入任何内容。`)
    problems.map(shown).forEach((problem) => console.error(formatProblem(problem)))
    return 1
  }

  const config = loadConfig()
  if (flags.has('--sample') && config.production) {
    // 示例 batches in a production store would be claimable by real residents (issue 16).
    console.error('生产环境（NODE_ENV=production）不能导入示例内容（--sample）。')
    return 2
  }
  return withMigratedStore(config.store, async (db) => {
    const result = await importParsedFiles(db, files, { source: 'cli', dryRun: flags.has('--dry-run') })
    if (!result.ok) {
      console.error(`导入失败：${result.problems.length} 处问题，未写入任何内容。`)
      result.problems.map(shown).forEach((problem) => console.error(formatProblem(problem)))
      return 1
    }
    const summary = Object.entries(result.counts)
      .filter(([, count]) => count > 0)
      .map(([kind, count]) => `${kind} ${count}`)
      .join('，')
    process.stdout.write(
      `${result.dryRun ? '校验通过（--dry-run，未写入）' : '导入成功'}：${files.length} 个文件，${summary || '无内容'}。存储：${db.engine}\n`,
    )
    if (result.published.subjectIds.length > 0) {
      process.stdout.write(
        `规则有更新：${result.published.subjectIds.join('、')}；已安排 ${result.published.reminders} 个“公布时提醒”（服务器的提醒任务会发出）\n`,
      )
    }
    return 0
  })
}

runCli(run, '导入出错')
