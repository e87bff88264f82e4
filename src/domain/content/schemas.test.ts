import {
  batchSpan,
  checkContentConsistency,
  contentBundleSchema,
  eventSpan,
  findDroppedFields,
  formatPath,
  tollStationSchema,
  type ContentBundle,
} from './index'
import { SUBSIDY_OVERRIDE_FORMAT } from '../policy/subsidy-overrides'
import { eventInput } from '../events/test-fixtures'
import { makeBatch } from '../vouchers/test-fixtures'

// The shared builders, with what these tests read: a second round a week later and a fixed validity.
const batch = makeBatch({
  id: 'xfq-spring',
  rounds: [
    { id: 'r1', opensAt: '2025-05-01T10:00:00+08:00', closesAt: '2025-05-01T22:00:00+08:00', quota: 100 },
    { id: 'r2', opensAt: '2025-05-08T10:00:00+08:00', closesAt: '2025-05-08T22:00:00+08:00', quota: 100 },
  ],
  validity: { kind: 'fixed', from: '2025-05-01', to: '2025-05-15' },
})

const event = eventInput({ id: 'xinfeng-2025', type: 'concert', title: '新蜂音乐节', allDay: true, start: '2025-05-04', end: '2025-05-05' })

const station = {
  id: 'quzhoudong',
  name: '衢州东',
  highway: 'G60',
  county: '330803',
  lng: 118.928419,
  lat: 29.002295,
  inScheme: true,
  status: 'provisional',
}

const bundle = (value: unknown): ContentBundle => contentBundleSchema.parse(value)
const noIds = { merchants: new Set<string>(), batches: new Set<string>(), events: new Set<string>() }

describe('content bundle', () => {
  const policy = { version: '2025.1', title: '2025 年政策数据', document: '衢政发〔2025〕4号', publishedOn: '2025-04-11', effective: { from: '2025-01-01', to: '2025-12-31' } }

  it('accepts every kind in one file, each checked by its own area', () => {
    const parsed = bundle({
      policy,
      subsidyOverrides: {
        format: SUBSIDY_OVERRIDE_FORMAT,
        ruleSets: [{ id: 'quzhou-2025', patch: { title: '衢州市 2025 年以旧换新（运营方更正）' } }],
      },
      tollOverride: { version: '2025.2', period: { value: { from: '2025-01-01', to: '2026-12-31' }, clause: '二十六', source: '示例', status: 'provisional' } },
      batches: [batch],
      events: [event],
    })
    expect(parsed.batches?.[0].id).toBe('xfq-spring')
    expect(parsed.tollOverride?.version).toBe('2025.2')
  })

  it.each<[string, unknown]>([
    ['an empty file', {}],
    ['an unknown top-level kind', { vouchers: [] }],
    ['a subsidy override for a rule set that does not exist', { subsidyOverrides: { format: SUBSIDY_OVERRIDE_FORMAT, ruleSets: [{ id: 'nowhere', patch: { title: 'x' } }] } }],
    ['a subsidy override in another format', { subsidyOverrides: { format: 'v0', ruleSets: [] } }],
    ['a toll override with nothing to replace', { tollOverride: { version: '2025.2' } }],
    ['a policy version that is not 年份.序号', { policy: { ...policy, version: 'v1' } }],
  ])('rejects %s', (_name, value) => {
    expect(contentBundleSchema.safeParse(value).success).toBe(false)
  })

  it.each<[string, Record<string, unknown>]>([
    ['a station outside Quzhou', { lng: 120.15 }],
    ['a station name ending in 收费站', { name: '衢州东收费站' }],
    ['an unknown field on a station', { open: true }],
  ])('rejects %s', (_name, change) => {
    expect(tollStationSchema.safeParse({ ...station, ...change }).success).toBe(false)
  })

  it('fills a station\'s highway and county names from the shared tables', () => {
    const parsed = tollStationSchema.parse(station)
    expect(parsed.highway).toEqual({ code: 'G60', name: '沪昆高速' })
    expect(parsed.county).toEqual({ code: '330803', name: '衢江区' })
  })
})

describe('spans', () => {
  it('runs an all-day event through its last day', () => {
    const span = eventSpan(bundle({ events: [event] }).events![0])
    expect(new Date(span.startsAtMs).toISOString()).toBe('2025-05-03T16:00:00.000Z')
    expect(new Date(span.endsAtMs).toISOString()).toBe('2025-05-05T16:00:00.000Z')
  })

  it('runs a weekly market to the end of its last evening', () => {
    const market = {
      ...event,
      id: 'nankong-market',
      type: 'market',
      allDay: false,
      start: '2025-06-07T18:00:00+08:00',
      end: '2025-06-07T21:30:00+08:00',
      recurrence: { frequency: 'weekly', weekdays: [6], until: '2025-06-28' },
    }
    const span = eventSpan(bundle({ events: [market] }).events![0])
    expect(new Date(span.endsAtMs).toISOString()).toBe('2025-06-28T13:30:00.000Z')
  })

  it('spans the claim window and a fixed validity', () => {
    const span = batchSpan(bundle({ batches: [batch] }).batches![0])
    expect(new Date(span.claimOpensAtMs).toISOString()).toBe('2025-05-01T02:00:00.000Z')
    expect(new Date(span.claimClosesAtMs).toISOString()).toBe('2025-05-08T14:00:00.000Z')
    expect(new Date(span.usableUntilMs).toISOString()).toBe('2025-05-15T16:00:00.000Z')
  })

  it('spans N days after the last claim, capped by notAfter', () => {
    const days = { ...batch, validity: { kind: 'days-after-claim', days: 7, notAfter: null } }
    expect(new Date(batchSpan(bundle({ batches: [days] }).batches![0]).usableUntilMs).toISOString()).toBe('2025-05-15T16:00:00.000Z')
    const capped = { ...batch, validity: { kind: 'days-after-claim', days: 7, notAfter: '2025-05-10' } }
    expect(new Date(batchSpan(bundle({ batches: [capped] }).batches![0]).usableUntilMs).toISOString()).toBe('2025-05-10T16:00:00.000Z')
  })
})

describe('consistency across files', () => {
  it('finds duplicate ids across files and dangling references', () => {
    const problems = checkContentConsistency(
      [
        { file: 'a.yaml', bundle: bundle({ batches: [batch], events: [{ ...event, voucherBatchIds: ['xfq-missing'] }] }) },
        { file: 'b.yaml', bundle: bundle({ batches: [{ ...batch, eventId: 'no-event', merchants: { kind: 'merchants', merchantIds: ['m-nowhere'] } }] }) },
      ],
      noIds,
    )
    expect(problems.map((problem) => `${problem.file} ${formatPath(problem.path)}`)).toEqual([
      'b.yaml batches[0].id',
      'a.yaml events[0].voucherBatchIds[0]',
      'b.yaml batches[0].eventId',
      'b.yaml batches[0].merchants.merchantIds[0]',
    ])
  })

  it('accepts references to ids already in the store', () => {
    const problems = checkContentConsistency([{ file: 'a.yaml', bundle: bundle({ events: [{ ...event, voucherBatchIds: ['xfq-old'] }] }) }], {
      ...noIds,
      batches: new Set(['xfq-old']),
    })
    expect(problems).toEqual([])
  })

  it('rejects a one-per-store document given in two files', () => {
    const policy = { version: '2025.1', title: 't', document: 'd', publishedOn: '2025-04-11', effective: { from: '2025-01-01', to: null } }
    const problems = checkContentConsistency(
      [
        { file: 'a.yaml', bundle: bundle({ policy }) },
        { file: 'b.yaml', bundle: bundle({ policy }) },
      ],
      noIds,
    )
    expect(problems).toEqual([{ file: 'b.yaml', path: ['policy'], reason: expect.stringContaining('a.yaml') }])
  })
})

describe('fields a schema would silently drop', () => {
  it('finds a mistyped key however deep, and nothing in a clean document', () => {
    const input = { batches: [{ ...batch, tresholdFen: 500, limits: { perRound: 1, perBatch: 2, perDay: 1 } }] }
    const parsed = contentBundleSchema.parse(input)
    expect(findDroppedFields(input, parsed)).toEqual([
      { path: ['batches', 0, 'limits'], key: 'perDay' },
      { path: ['batches', 0], key: 'tresholdFen' },
    ])
    const clean = { batches: [batch], events: [event] }
    expect(findDroppedFields(clean, contentBundleSchema.parse(clean))).toEqual([])
  })
})
