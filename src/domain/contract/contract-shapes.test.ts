/**
 * The shapes the client checks answers with (shapes.generated.ts) are the contract's zod schemas,
 * reduced: this test regenerates them and fails on any drift. After changing a schema in
 * src/domain/contract, run `UPDATE_SHAPES=1 npx jest src/domain/contract/contract-shapes` and commit
 * the file it writes. Then, on samples: what the schema accepts the shape accepts, and the damage
 * the app could not draw (a missing key, a wrong type) both refuse.
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { makeBatch } from '../vouchers/test-fixtures'
import { SHAPES } from './shapes.generated'
import { matchesShape, shapeOfJsonSchema, type Shape } from './shape'
import { reminderCreatedSchema, reminderTemplatesSchema, reminderViewSchema, subscribeOutcomeViewSchema, subscriptionsRecordedSchema } from './reminders'
import { batchViewSchema, claimAnswerSchema, walletVoucherViewSchema } from './vouchers'

/** Each answer the client checks, by name; later ones reuse earlier ones by name in the file. */
const SOURCES = {
  batchView: batchViewSchema,
  walletVoucherView: walletVoucherViewSchema,
  batchList: z.array(batchViewSchema),
  walletList: z.array(walletVoucherViewSchema),
  claimAnswer: claimAnswerSchema,
  reminderView: reminderViewSchema,
  reminderList: z.array(reminderViewSchema),
  subscribeOutcome: subscribeOutcomeViewSchema,
  reminderCreated: reminderCreatedSchema,
  reminderTemplates: reminderTemplatesSchema,
  subscriptionsRecorded: subscriptionsRecordedSchema,
} satisfies Record<keyof typeof SHAPES, z.ZodType>

const shapeOf = (schema: z.ZodType): Shape => shapeOfJsonSchema(z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as never)

function generatedFile(): string {
  const names = Object.keys(SOURCES) as (keyof typeof SOURCES)[]
  const lines = names.map((name) => {
    let text = JSON.stringify(shapeOf(SOURCES[name]))
    for (const earlier of names.slice(0, names.indexOf(name))) text = text.split(JSON.stringify(shapeOf(SOURCES[earlier]))).join(earlier)
    return `const ${name}: Shape = ${text}`
  })
  return [
    '// GENERATED from the zod schemas of src/domain/contract by contract-shapes.test.ts; do not edit.',
    "import type { Shape } from './shape'",
    '',
    ...lines,
    '',
    `export const SHAPES = { ${names.join(', ')} }`,
    '',
  ].join('\n')
}

test('the generated shapes are the contract’s schemas (UPDATE_SHAPES=1 rewrites them)', () => {
  const file = path.join(__dirname, 'shapes.generated.ts')
  if (process.env.UPDATE_SHAPES) writeFileSync(file, generatedFile())
  for (const [name, schema] of Object.entries(SOURCES)) expect([name, SHAPES[name as keyof typeof SHAPES]]).toEqual([name, shapeOf(schema)])
})

const batch = { ...makeBatch({ id: 'b-1' }), updatedAt: '2026-01-05T09:30:00+08:00', live: { serverTime: '2026-01-05T09:30:00.000+08:00', remainingByRound: { r1: 3 }, claimedByRound: {} } }

test.each<[string, (value: Record<string, unknown>) => void]>([
  ['a missing title', (value) => delete value.title],
  ['a face value as text', (value) => (value.faceValueFen = '500')],
  ['a face value with decimals', (value) => (value.faceValueFen = 5.5)],
  ['rounds not a list', (value) => (value.rounds = {})],
  ['an unknown validity kind', (value) => (value.validity = { kind: 'forever' })],
  ['live counts missing', (value) => delete value.live],
])('a batch with %s is refused by the schema and the shape alike', (_label, damage) => {
  expect(batchViewSchema.safeParse(batch).success).toBe(true)
  expect(matchesShape(SHAPES.batchView, batch)).toBe(true)
  const damaged = JSON.parse(JSON.stringify(batch)) as Record<string, unknown>
  damage(damaged)
  expect(batchViewSchema.safeParse(damaged).success).toBe(false)
  expect(matchesShape(SHAPES.batchView, damaged)).toBe(false)
})

test('a key the contract does not name (a newer server) is let through', () => {
  expect(matchesShape(SHAPES.batchList, [{ ...batch, somethingNew: 1 }])).toBe(true)
  expect(matchesShape(SHAPES.batchList, null)).toBe(false)
})

const reminder = {
  id: '00000000-0000-4000-8000-000000000001',
  kind: 'event-starting',
  kindLabel: '活动开始提醒',
  subjectId: 'jiangshan-run@2025-10-11',
  title: '江山半程马拉松',
  targetAt: '2025-10-11T07:30:00+08:00',
  targetLabel: '活动开始',
  status: 'active',
  channel: 'in-app',
  templateId: 'TPL-EVENT',
  offsets: [{ beforeMs: 3_600_000, label: '开始前 1 小时', selected: true }],
  fireTimes: [],
  nextFireAt: null,
  due: false,
  createdAt: '2025-10-01T10:00:00+08:00',
  updatedAt: '2025-10-01T10:00:00+08:00',
}

test.each<[string, (value: Record<string, unknown>) => void]>([
  ['no title', (value) => delete value.title],
  ['an unknown status', (value) => (value.status = 'snoozed')],
  ['an unknown kind', (value) => (value.kind = 'birthday')],
  ['a lead time as text', (value) => (value.offsets = [{ beforeMs: '1h', label: '开始前 1 小时', selected: true }])],
])('a reminder with %s is refused by the schema and the shape alike', (_label, damage) => {
  expect(reminderViewSchema.safeParse(reminder).success).toBe(true)
  expect(matchesShape(SHAPES.reminderList, [reminder])).toBe(true)
  const damaged = JSON.parse(JSON.stringify(reminder)) as Record<string, unknown>
  damage(damaged)
  expect(reminderViewSchema.safeParse(damaged).success).toBe(false)
  expect(matchesShape(SHAPES.reminderList, [damaged])).toBe(false)
})
