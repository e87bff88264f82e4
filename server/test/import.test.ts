/**
 * The operator import: line-precise problems, all-or-nothing application, the CLI's exit codes,
 * and the generated sample content on any day.
 */
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import fc from 'fast-check'
import { stringify } from 'yaml'
import { batchSpan, contentBundleSchema, eventSpan } from '../../src/domain/content'
import { generateSampleContent } from '../content/sample/generate'
import { importContentFiles } from '../src/content/import'
import { parseSourceText } from '../src/content/source-files'
import { getMerchant, hasImportedContent } from '../src/store/content'
import { openDb, type Db } from '../src/store/db'
import { migrate } from '../src/store/migrate'

const run = promisify(execFile)
const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const repoRoot = path.resolve(serverDir, '..')
const NOW = new Date('2025-05-02T04:00:00.000Z')

let dir: string
let db: Db
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'qht-import-'))
  db = await openDb({ engine: 'pglite', dataDir: null })
  await migrate(db)
})
after(async () => {
  await db.close()
  await rm(dir, { recursive: true, force: true })
})

const sample = generateSampleContent(NOW)
const shop = (id: string, name = `示例·${id}`) => ({ id, name, county: '330802', category: 'catering', address: '柯城区（示例地址）' })

const BAD_YAML = `# line 1
merchants:
  - id: yaml-shop
    name: 示例·好店
    county: "330802"
    category: catering
    address: 柯城区
    phone: "0570-1234567"
batches: []
events:
  - id: yaml-event
    type: concert
    title: 示例·音乐会
    county: "330802"
    venue: { name: 场地, lng: 118.87, lat: 28.94, coordinateStatus: provisional }
    allDay: true
    start: "2025-02-30"
    end: "2025-03-01"
    admission: { kind: free }
    organiser: null
    provenance: { source: 示例, status: provisional, sample: true }
`

describe('files are parsed with positions', () => {
  test('a YAML problem is reported with its line, an unknown field by name', async () => {
    const file = path.join(dir, 'bad.yaml')
    await writeFile(file, BAD_YAML)
    const result = await importContentFiles(db, [file], { source: 'test' })
    assert.equal(result.ok, false)
    const problems = !result.ok ? result.problems : []
    const unknown = problems.find((problem) => problem.path === 'merchants[0]')
    assert.equal(unknown?.line, 8, JSON.stringify(problems))
    assert.match(unknown!.reason, /phone/)
    const date = problems.find((problem) => problem.path === 'events[0].start')
    assert.equal(date?.line, 17, JSON.stringify(problems))
    assert.match(date!.reason, /\p{Script=Han}/u)
    assert.ok(problems.every((problem) => problem.file === file))
  })

  test('JSON syntax errors and duplicate keys are reported with their line', () => {
    const broken = parseSourceText('a.json', '{\n  "merchants": [\n    {"id": "x",}\n  ]\n}')
    assert.equal(broken.ok, false)
    assert.equal(!broken.ok && broken.problems[0].position?.line, 3)
    const duplicate = parseSourceText('b.json', '{\n  "merchants": [],\n  "merchants": []\n}')
    assert.equal(duplicate.ok, false)
    assert.equal(!duplicate.ok && duplicate.problems[0].position?.line, 3)
    const yamlDuplicate = parseSourceText('c.yaml', 'events: []\nevents: []\n')
    assert.equal(yamlDuplicate.ok, false)
    assert.equal(parseSourceText('d.txt', '{}').ok, false)
  })

  test('a JSON validation problem points at the line of the bad value', () => {
    const text = JSON.stringify({ merchants: [shop('json-a'), { ...shop('json-b'), county: '999999' }] }, null, 2)
    const parsed = parseSourceText('m.json', text)
    assert.ok(parsed.ok)
    const line = parsed.ok ? parsed.parsed.locate(['merchants', 1, 'county'])?.line : undefined
    assert.equal(line, text.split('\n').findIndex((row) => row.includes('999999')) + 1)
  })
})

describe('all or nothing', () => {
  test('one bad file rejects the whole set; a good set applies', async () => {
    const good = path.join(dir, 'good.yaml')
    const dangling = path.join(dir, 'dangling.json')
    await writeFile(good, stringify({ merchants: [shop('set-shop')] }))
    await writeFile(dangling, JSON.stringify({ events: [{ ...sample.events!.find((event) => event.provenance.sample)!, id: 'set-event', voucherBatchIds: ['no-such-batch'] }] }, null, 2))
    const rejected = await importContentFiles(db, [good, dangling], { source: 'test' })
    assert.equal(rejected.ok, false)
    assert.deepEqual(!rejected.ok && rejected.problems.map((problem) => [path.basename(problem.file), problem.path]), [['dangling.json', 'events[0].voucherBatchIds[0]']])
    assert.equal(await getMerchant(db, 'set-shop'), null, 'the good file of a rejected set is not applied')
    assert.equal(await hasImportedContent(db), false)

    const accepted = await importContentFiles(db, [good], { source: 'test' })
    assert.ok(accepted.ok)
    assert.equal((await getMerchant(db, 'set-shop'))?.name, '示例·set-shop')
  })

  test('a dry run validates and writes nothing', async () => {
    const file = path.join(dir, 'dry.yaml')
    await writeFile(file, stringify({ merchants: [shop('dry-shop')] }))
    const result = await importContentFiles(db, [file], { source: 'test', dryRun: true })
    assert.ok(result.ok && result.dryRun)
    assert.equal(await getMerchant(db, 'dry-shop'), null)
  })

  test('a missing file is a problem, not a crash', async () => {
    const result = await importContentFiles(db, [path.join(dir, 'nope.yaml')], { source: 'test' })
    assert.equal(result.ok, false)
    assert.match(!result.ok ? result.problems[0].reason : '', /找不到/)
  })
})

describe('the CLI', () => {
  test('npm run server:import: good files exit 0; a bad set exits 1, prints file:line path reason, writes nothing', async () => {
    const dataDir = path.join(dir, 'cli-data')
    const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' }
    delete (env as Record<string, string | undefined>).DATABASE_URL
    const good = path.join(dir, 'cli-good.yaml')
    await writeFile(good, stringify({ merchants: [shop('cli-shop')], batches: sample.batches!.slice(0, 1) }))
    const ok = await run('npm', ['run', '--silent', 'server:import', '--', path.relative(repoRoot, good)], { cwd: repoRoot, env })
    assert.match(ok.stdout, /导入成功/)

    const bad = path.join(dir, 'cli-bad.yaml')
    await writeFile(bad, BAD_YAML)
    const goodToo = path.join(dir, 'cli-good-2.yaml')
    await writeFile(goodToo, stringify({ merchants: [shop('cli-shop-2')] }))
    const failed = await run(process.execPath, ['--import', 'tsx', 'src/cli/import.ts', goodToo, bad], { cwd: serverDir, env }).then(
      () => assert.fail('expected a non-zero exit'),
      (error: { code: number; stderr: string }) => error,
    )
    assert.equal(failed.code, 1)
    assert.match(failed.stderr, /cli-bad\.yaml:17:\d+ {2}events\[0\]\.start {2}/)
    assert.match(failed.stderr, /cli-bad\.yaml:8:\d+ {2}merchants\[0\] {2}不认识的字段：phone/)
    assert.match(failed.stderr, /未写入任何内容/)

    const store = await openDb({ engine: 'pglite', dataDir: path.join(dataDir, 'pglite') })
    try {
      assert.ok(await getMerchant(store, 'cli-shop'))
      assert.equal(await getMerchant(store, 'cli-shop-2'), null)
    } finally {
      await store.close()
    }

    const usage = await run(process.execPath, ['--import', 'tsx', 'src/cli/import.ts'], { cwd: serverDir, env }).catch((error: { code: number; stderr: string }) => error)
    assert.equal((usage as { code: number }).code, 2)
  })
})

describe('generated sample content', () => {
  test('on any day: valid, 示例 on every sample title, open and upcoming rounds, upcoming events, vouchers about to expire', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }), (now) => {
        const parsed = contentBundleSchema.safeParse(generateSampleContent(now))
        assert.ok(parsed.success, JSON.stringify(!parsed.success && parsed.error.issues.slice(0, 3)))
        const content = parsed.data
        const t = now.getTime()
        const sampleEvents = content.events!.filter((event) => event.provenance.sample)
        for (const title of [...content.batches!.map((b) => b.title), ...content.merchants!.map((m) => m.name), ...sampleEvents.map((e) => e.title)]) {
          assert.match(title, /示例/)
        }
        assert.ok(content.events!.filter((event) => !event.provenance.sample).every((event) => !event.title.includes('示例')))
        const rounds = content.batches!.flatMap((batch) => batch.rounds)
        assert.ok(rounds.some((round) => Date.parse(round.opensAt) <= t && t < Date.parse(round.closesAt)) || rounds.some((round) => Date.parse(round.opensAt) > t && Date.parse(round.opensAt) - t < 86_400_000), 'a round open now or opening within a day')
        assert.ok(rounds.some((round) => Date.parse(round.opensAt) > t), 'an upcoming round')
        assert.ok(sampleEvents.some((event) => eventSpan(event).startsAtMs > t), 'an upcoming event')
        assert.ok(content.batches!.some((batch) => batch.validity.kind === 'fixed' && batchSpan(batch).usableUntilMs - t < 3 * 86_400_000 && batchSpan(batch).usableUntilMs > t), 'vouchers about to expire')
      }),
      { numRuns: 30 },
    )
  })
})
