import { VoucherError } from './errors'
import { formatCountdown, TimeError } from '../time/shanghai'
import { openRound, quotaForRound, roundForReturnedQuota, roundState, roundView, roundViews } from './rounds'
import { makeBatch, sh } from './test-fixtures'

const batch = makeBatch()
const [r1] = batch.rounds

describe('a round window is [opensAt, closesAt)', () => {
  test.each([
    ['one ms before opensAt', sh('2025-05-01 10:00') - 1, null, 'upcoming'],
    ['exactly at opensAt', sh('2025-05-01 10:00'), null, 'open'],
    ['one ms before closesAt', sh('2025-05-01 22:00') - 1, null, 'open'],
    ['exactly at closesAt', sh('2025-05-01 22:00'), null, 'closed'],
    ['open with stock', sh('2025-05-01 12:00'), 5, 'open'],
    ['open with no stock left', sh('2025-05-01 12:00'), 0, 'sold-out'],
    ['oversold (negative remaining)', sh('2025-05-01 12:00'), -3, 'sold-out'],
    ['upcoming with no stock is still upcoming', sh('2025-05-01 09:00'), 0, 'upcoming'],
    ['closed with stock left is closed', sh('2025-05-02 09:00'), 50, 'closed'],
  ])('%s', (_case, at, remaining, phase) => {
    expect(roundView(r1, 0, at, remaining).phase).toBe(phase)
  })

  test('the countdown counts to opensAt; an open round says how long is left', () => {
    const before = roundView(r1, 0, sh('2025-05-01 09:58:30'))
    expect(before.msUntilOpen).toBe(90_000)
    expect(before.msUntilClose).toBeNull()
    const during = roundView(r1, 0, sh('2025-05-01 21:00'))
    expect(during.msUntilClose).toBe(3_600_000)
    expect(during.msUntilOpen).toBeNull()
  })

  test('a fractional remaining count is a caller bug', () => {
    expect(() => roundView(r1, 0, sh('2025-05-01 12:00'), 1.5)).toThrow(VoucherError)
  })

  test('the window is parsed once per round, and again when the round is edited in place', () => {
    const round = { ...r1 }
    expect(roundView(round, 0, sh('2025-05-01 12:00')).phase).toBe('open')
    round.opensAt = '2025-05-01T13:00:00+08:00'
    expect(roundView(round, 0, sh('2025-05-01 12:00')).phase).toBe('upcoming')
    round.opensAt = 'not a time'
    expect(() => roundView(round, 0, sh('2025-05-01 12:00'))).toThrow(TimeError)
  })
})

describe('roundState: what a batch card shows', () => {
  test.each([
    ['before the first round', sh('2025-05-01 08:00'), {}, 'upcoming', 'r1', '第 1 轮 5月1日 10:00 开抢（还有 02:00:00）'],
    ['first round open, stock unknown', sh('2025-05-01 10:00'), {}, 'open', 'r1', '第 1 轮进行中'],
    ['first round open with stock', sh('2025-05-01 10:00'), { r1: 42 }, 'open', 'r1', '第 1 轮进行中，剩余 42 张'],
    ['first round sold out', sh('2025-05-01 10:00:05'), { r1: 0 }, 'sold-out', 'r1', '第 1 轮已抢完，下一轮 5月3日 10:00 开抢'],
    ['between rounds', sh('2025-05-02 12:00'), { r1: 0 }, 'upcoming', 'r2', '第 2 轮 5月3日 10:00 开抢（还有 22:00:00）'],
    ['last round sold out', sh('2025-05-03 11:00'), { r2: 0 }, 'sold-out', 'r2', '第 2 轮已抢完'],
    ['after the last round', sh('2025-05-03 22:00'), {}, 'closed', 'r2', '本批次领取已结束'],
  ])('%s', (_case, at, remaining, phase, roundId, message) => {
    const state = roundState(batch, at, remaining)
    expect(state.phase).toBe(phase)
    expect(state.message).toBe(message)
    const shown = state.phase === 'upcoming' ? state.next : state.phase === 'closed' ? state.last : state.current
    expect(shown.round.id).toBe(roundId)
  })

  test('between rounds the previous round is given too', () => {
    const state = roundState(batch, sh('2025-05-02 12:00'))
    expect(state.phase === 'upcoming' && state.previous?.round.id).toBe('r1')
  })

  test('openRound finds only a round inside its window', () => {
    expect(openRound(batch, sh('2025-05-03 10:00'))?.round.id).toBe('r2')
    expect(openRound(batch, sh('2025-05-03 10:00'))?.index).toBe(1)
    expect(openRound(batch, sh('2025-05-02 10:00'))).toBeNull()
    expect(roundViews(batch, sh('2025-05-02 10:00')).map((view) => view.phase)).toEqual(['closed', 'upcoming'])
  })
})

describe('quotaForRound: unclaimed and expired quota go to later rounds only when the batch says so', () => {
  const threeRounds = (unclaimed: boolean, expired: boolean) =>
    makeBatch({
      quotaReturn: { unclaimed, expired },
      rounds: [
        { id: 'r1', opensAt: '2025-05-01T10:00:00+08:00', closesAt: '2025-05-01T22:00:00+08:00', quota: 100 },
        { id: 'r2', opensAt: '2025-05-03T10:00:00+08:00', closesAt: '2025-05-03T22:00:00+08:00', quota: 50 },
        { id: 'r3', opensAt: '2025-05-05T10:00:00+08:00', closesAt: '2025-05-05T22:00:00+08:00', quota: 20 },
      ],
      budgetFen: 170 * 500,
    })

  test.each([
    // unclaimed, expired, round, claimedByRound, expiredReturnedByRound, base, carried, returned, total
    ['first round is its own quota', true, true, 0, [], [], 100, 0, 0, 100],
    ['both off: just the base', false, false, 1, [60], [0, 7], 50, 0, 0, 50],
    ['unclaimed carries over', true, false, 1, [60], [0, 7], 50, 40, 0, 90],
    ['expired returns into the round', false, true, 1, [60], [0, 7], 50, 0, 7, 57],
    ['both on', true, true, 1, [60], [0, 7], 50, 40, 7, 97],
    ['carry is chained through rounds', true, true, 2, [60, 80], [0, 7, 3], 20, 17, 3, 40],
    ['expired unclaimed in a round is lost without unclaimed return', false, true, 2, [60, 50], [0, 7, 3], 20, 0, 3, 23],
    ['a sold-out round carries nothing', true, false, 1, [100], [], 50, 0, 0, 50],
    ['an oversold round never carries a negative amount', true, false, 1, [103], [], 50, 0, 0, 50],
  ])('%s', (_case, unclaimed, expired, roundIndex, claimed, returned, base, carriedUnclaimed, returnedExpired, total) => {
    expect(quotaForRound(threeRounds(unclaimed, expired), roundIndex, claimed, returned)).toEqual({
      roundIndex,
      base,
      carriedUnclaimed,
      returnedExpired,
      total,
    })
  })

  test('needs the claimed count of every earlier round and a real round index', () => {
    expect(() => quotaForRound(threeRounds(true, true), 2, [60])).toThrow(VoucherError)
    expect(() => quotaForRound(threeRounds(true, true), 3, [1, 2, 3])).toThrow(VoucherError)
    expect(() => quotaForRound(threeRounds(true, true), 1, [-1])).toThrow(VoucherError)
  })

  test('an expired voucher goes to the next round that has not opened, if the batch returns expired quota', () => {
    expect(roundForReturnedQuota(batch, sh('2025-05-01 12:00'))).toBe(1)
    expect(roundForReturnedQuota(batch, sh('2025-05-03 12:00'))).toBeNull()
    expect(roundForReturnedQuota(makeBatch({ quotaReturn: { unclaimed: true, expired: false } }), sh('2025-05-01 12:00'))).toBeNull()
  })
})

test.each([
  [0, '00:00:00'],
  [1, '00:00:01'],
  [999, '00:00:01'],
  [3_723_000, '01:02:03'],
  [2 * 86_400_000 + 5_000, '2天 00:00:05'],
  [-5, '00:00:00'],
])('formatCountdown(%p) → %s', (ms, text) => {
  expect(formatCountdown(ms)).toBe(text)
})
