import { claimAllowance, claimCountsByBatch, withClaim } from './my-claims'
import { makeBatch } from './test-fixtures'

const batch = makeBatch({ limits: { perRound: 2, perBatch: 3 } })
const voucher = (batchId: string, roundId: string) => ({ batchId, roundId })

test('counts every claimed voucher per batch and round', () => {
  const counts = claimCountsByBatch([voucher('a', 'r1'), voucher('a', 'r1'), voucher('a', 'r2'), voucher('b', 'r1')])
  expect(counts).toEqual({ a: { inBatch: 3, byRound: { r1: 2, r2: 1 } }, b: { inBatch: 1, byRound: { r1: 1 } } })
})

test('withClaim adds one without touching the counts it was given', () => {
  const before = claimCountsByBatch([voucher('a', 'r1')])
  const after = withClaim(before, voucher('a', 'r1'))
  expect(after.a).toEqual({ inBatch: 2, byRound: { r1: 2 } })
  expect(before.a).toEqual({ inBatch: 1, byRound: { r1: 1 } })
  expect(withClaim({}, voucher('c', 'r2')).c).toEqual({ inBatch: 1, byRound: { r2: 1 } })
})

test.each([
  ['nothing claimed', [], 'r1', { claimed: 0, limitReached: null }],
  ['one of two in the round', [voucher(batch.id, 'r1')], 'r1', { claimed: 1, limitReached: null }],
  ['the round limit', [voucher(batch.id, 'r1'), voucher(batch.id, 'r1')], 'r1', { claimed: 2, limitReached: 'round' }],
  ['the round limit, next round free', [voucher(batch.id, 'r1'), voucher(batch.id, 'r1')], 'r2', { claimed: 2, limitReached: null }],
  [
    'the batch limit',
    [voucher(batch.id, 'r1'), voucher(batch.id, 'r1'), voucher(batch.id, 'r2')],
    'r2',
    { claimed: 3, limitReached: 'batch' },
  ],
  [
    'the batch limit with no round open',
    [voucher(batch.id, 'r1'), voucher(batch.id, 'r1'), voucher(batch.id, 'r2')],
    null,
    { claimed: 3, limitReached: 'batch' },
  ],
] as const)('claimAllowance: %s', (_name, vouchers, roundId, expected) => {
  expect(claimAllowance(batch, roundId, claimCountsByBatch(vouchers)[batch.id])).toEqual(expected)
})
