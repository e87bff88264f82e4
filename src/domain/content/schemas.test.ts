import {
  checkContentConsistency,
  contentBundleSchema,
  eventSchema,
  eventSpan,
  batchSpan,
  formatPath,
  voucherBatchSchema,
  type ContentBundle,
  type ContentEventInput,
  type VoucherBatchInput,
} from './index'

const provenance = { status: 'provisional', source: '示例数据' } as const

const batch: VoucherBatchInput = {
  id: 'xfq-spring',
  title: '示例 春季消费券',
  issuer: '衢州市商务局',
  counties: ['330800'],
  faceValueYuan: '20',
  thresholdYuan: 80,
  perPersonPerRound: 1,
  perPersonPerBatch: 2,
  rounds: [
    { id: 'r1', opensAt: '2025-05-01 10:00', closesAt: '2025-05-01 22:00', quota: 1000 },
    { id: 'r2', opensAt: '2025-05-08 10:00', closesAt: '2025-05-08 22:00', quota: 1000 },
  ],
  validity: { kind: 'fixed', from: '2025-05-01', to: '2025-05-15' },
  provenance,
}

const event: ContentEventInput = {
  id: 'xinfeng-2025',
  type: 'concert',
  title: '新蜂音乐节',
  county: '330802',
  venue: { name: '鹿鸣大草坪' },
  start: '2025-05-04',
  end: '2025-05-05',
  ticket: { free: false },
  provenance: { status: 'confirmed', source: 'facts.md' },
}

function issuesOf(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return (result.error?.issues ?? []).map((issue) => `${issue.path.join('.')}: ${issue.message}`)
}

describe('voucher batch schema', () => {
  it('parses yuan into fen and fills the default rules', () => {
    const parsed = voucherBatchSchema.parse(batch)
    expect(parsed.faceValueFen).toBe(2000)
    expect(parsed.thresholdFen).toBe(8000)
    expect(parsed).not.toHaveProperty('faceValueYuan')
    expect(parsed.oneVoucherPerTransaction).toBe(true)
    expect(parsed.refund).toBe('restore-on-full-refund-within-validity')
  })

  it.each<[string, Partial<VoucherBatchInput>, string]>([
    ['threshold not above face value', { thresholdYuan: 20 }, 'thresholdYuan'],
    ['per batch below per round', { perPersonPerBatch: 0 }, 'perPersonPerBatch'],
    ['validity ends before the last round', { validity: { kind: 'fixed', from: '2025-05-01', to: '2025-05-05' } }, 'validity.to'],
    ['budget below face value times quota', { budgetYuan: '100' }, 'budgetYuan'],
    ['an impossible date', { rounds: [{ id: 'r1', opensAt: '2025-02-30 10:00', closesAt: '2025-03-01 10:00', quota: 1 }] }, 'rounds.0.opensAt'],
    [
      'rounds overlapping',
      {
        rounds: [
          { id: 'r1', opensAt: '2025-05-01 10:00', closesAt: '2025-05-02 10:00', quota: 1 },
          { id: 'r2', opensAt: '2025-05-01 12:00', closesAt: '2025-05-03 10:00', quota: 1 },
        ],
      },
      'rounds.1.opensAt',
    ],
    ['a round closing before it opens', { rounds: [{ id: 'r1', opensAt: '2025-05-01 10:00', closesAt: '2025-05-01 09:00', quota: 1 }] }, 'rounds.0.closesAt'],
    ['money with three decimals', { faceValueYuan: '20.001' }, 'faceValueYuan'],
    ['an unknown county', { counties: ['110000' as never] }, 'counties.0'],
  ])('rejects %s', (_name, change, path) => {
    const messages = issuesOf(voucherBatchSchema.safeParse({ ...batch, ...change }))
    expect(messages.some((message) => message.startsWith(`${path}:`))).toBe(true)
  })

  it('rejects an unknown field instead of dropping it', () => {
    const result = voucherBatchSchema.safeParse({ ...batch, stock: 5 })
    expect(result.success).toBe(false)
  })

  it('spans the claim window and the validity', () => {
    const span = batchSpan(voucherBatchSchema.parse(batch))
    expect(new Date(span.claimOpensAtMs).toISOString()).toBe('2025-05-01T02:00:00.000Z')
    expect(new Date(span.claimClosesAtMs).toISOString()).toBe('2025-05-08T14:00:00.000Z')
    expect(new Date(span.usableUntilMs).toISOString()).toBe('2025-05-15T16:00:00.000Z')
  })
})

describe('event schema', () => {
  it('accepts the 2025 新蜂音乐节 as an all-day two-day event', () => {
    const parsed = eventSchema.parse(event)
    expect(parsed.status).toBe('scheduled')
    const span = eventSpan(parsed)
    expect(new Date(span.startsAtMs).toISOString()).toBe('2025-05-03T16:00:00.000Z')
    expect(new Date(span.endsAtMs).toISOString()).toBe('2025-05-05T16:00:00.000Z')
  })

  it.each<[string, Partial<ContentEventInput>, string]>([
    ['sports without a level', { type: 'sports' }, 'sportsLevel'],
    ['a level on a concert', { sportsLevel: 'national' }, 'sportsLevel'],
    ['end before start', { start: '2025-05-05', end: '2025-05-04' }, 'end'],
    ['mixed date and date-time', { start: '2025-05-04 19:00', end: '2025-05-05' }, 'end'],
    ['cancelled without a note', { status: 'cancelled' }, 'statusNote'],
    ['a multi-day weekly event', { recurrence: { frequency: 'weekly', weekdays: [6], until: '2025-12-31' } }, 'recurrence'],
  ])('rejects %s', (_name, change, path) => {
    const messages = issuesOf(eventSchema.safeParse({ ...event, ...change }))
    expect(messages.some((message) => message.startsWith(`${path}:`))).toBe(true)
  })

  it('spans a weekly market to its last Saturday evening', () => {
    const market = eventSchema.parse({
      ...event,
      type: 'nankong-market',
      start: '2025-06-07 18:00',
      end: '2025-06-07 21:30',
      recurrence: { frequency: 'weekly', weekdays: [6], until: '2025-06-28' },
    })
    expect(new Date(eventSpan(market).endsAtMs).toISOString()).toBe('2025-06-28T13:30:00.000Z')
  })
})

describe('content bundle consistency', () => {
  const bundle = (value: unknown): ContentBundle => contentBundleSchema.parse(value)

  it('rejects an empty file', () => {
    expect(contentBundleSchema.safeParse({}).success).toBe(false)
  })

  it('finds duplicate ids across files and dangling references', () => {
    const problems = checkContentConsistency(
      [
        { file: 'a.yaml', bundle: bundle({ batches: [batch], events: [{ ...event, voucherBatchIds: ['xfq-missing'] }] }) },
        { file: 'b.yaml', bundle: bundle({ batches: [{ ...batch, eligibleMerchantIds: ['m-nowhere'] }] }) },
      ],
      { merchants: new Set(), batches: new Set() },
    )
    expect(problems.map((problem) => `${problem.file} ${formatPath(problem.path)}`)).toEqual([
      'b.yaml batches[0].id',
      'a.yaml events[0].voucherBatchIds[0]',
      'b.yaml batches[0].eligibleMerchantIds[0]',
    ])
  })

  it('accepts references to ids already in the store', () => {
    const problems = checkContentConsistency(
      [{ file: 'a.yaml', bundle: bundle({ events: [{ ...event, voucherBatchIds: ['xfq-old'] }] }) }],
      { merchants: new Set(), batches: new Set(['xfq-old']) },
    )
    expect(problems).toEqual([])
  })
})
