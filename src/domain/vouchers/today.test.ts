import { makeBatch, makeVoucher, sh } from './test-fixtures'
import { allRounds, EXPIRING_SOON_MS, nextRoundChange, roundsByWhen, vouchersExpiringSoon, type TodayRound } from './today'

// Two batches around Saturday 3 May 2025: one with a round every other day, one open all week.
const everyOtherDay = makeBatch({
  id: 'b-20-5',
  rounds: [
    { id: 'r1', opensAt: '2025-05-01T10:00:00+08:00', closesAt: '2025-05-01T22:00:00+08:00', quota: 100 },
    { id: 'r2', opensAt: '2025-05-03T10:00:00+08:00', closesAt: '2025-05-03T12:00:00+08:00', quota: 100 },
    { id: 'r3', opensAt: '2025-05-03T20:00:00+08:00', closesAt: '2025-05-03T22:00:00+08:00', quota: 100 },
    { id: 'r4', opensAt: '2025-05-05T10:00:00+08:00', closesAt: '2025-05-05T22:00:00+08:00', quota: 100 },
  ],
})
const allWeek = makeBatch({
  id: 'b-week',
  rounds: [{ id: 'w1', opensAt: '2025-04-30T10:00:00+08:00', closesAt: '2025-05-06T22:00:00+08:00', quota: 100 }],
})
const batches = [everyOtherDay, allWeek]
const key = ({ batch, view }: TodayRound) => `${batch.id}/${view.round.id}:${view.phase}`
const pick = (at: number, remaining: Record<string, Record<string, number>> = {}) => {
  const rounds = roundsByWhen(batches, at, (batch) => remaining[batch.id] ?? {})
  return { today: rounds.openingToday.map(key), now: rounds.openNow.map(key), next: rounds.next ? key(rounds.next) : null }
}

describe('roundsByWhen: opening today, open now since an earlier day, and the next opening', () => {
  test.each([
    [
      "early morning: both of today's rounds to come, the week-long round open since Wednesday",
      sh('2025-05-03 07:00'),
      {},
      { today: ['b-20-5/r2:upcoming', 'b-20-5/r3:upcoming'], now: ['b-week/w1:open'], next: 'b-20-5/r4:upcoming' },
    ],
    [
      '10:30: the morning round is open',
      sh('2025-05-03 10:30'),
      {},
      { today: ['b-20-5/r2:open', 'b-20-5/r3:upcoming'], now: ['b-week/w1:open'], next: 'b-20-5/r4:upcoming' },
    ],
    [
      '10:30 with the morning round sold out',
      sh('2025-05-03 10:30'),
      { 'b-20-5': { r2: 0 } },
      { today: ['b-20-5/r3:upcoming', 'b-20-5/r2:sold-out'], now: ['b-week/w1:open'], next: 'b-20-5/r4:upcoming' },
    ],
    [
      "15:00: the morning round is over but still today's",
      sh('2025-05-03 15:00'),
      {},
      { today: ['b-20-5/r3:upcoming', 'b-20-5/r2:closed'], now: ['b-week/w1:open'], next: 'b-20-5/r4:upcoming' },
    ],
    [
      '23:00: both over, the later one first',
      sh('2025-05-03 23:00'),
      {},
      { today: ['b-20-5/r3:closed', 'b-20-5/r2:closed'], now: ['b-week/w1:open'], next: 'b-20-5/r4:upcoming' },
    ],
    [
      "Sunday: nothing opens today; yesterday's rounds are not today's",
      sh('2025-05-04 12:00'),
      {},
      { today: [], now: ['b-week/w1:open'], next: 'b-20-5/r4:upcoming' },
    ],
    [
      'a week-long round sold out is not 正在抢',
      sh('2025-05-04 12:00'),
      { 'b-week': { w1: 0 } },
      { today: [], now: [], next: 'b-20-5/r4:upcoming' },
    ],
    [
      "tomorrow's round is the next one, even a minute before midnight",
      sh('2025-05-04 23:59'),
      {},
      { today: [], now: ['b-week/w1:open'], next: 'b-20-5/r4:upcoming' },
    ],
    ['Wednesday after everything', sh('2025-05-07 09:00'), {}, { today: [], now: [], next: null }],
  ])('%s', (_case, at, remaining, expected) => {
    expect(pick(at, remaining)).toEqual(expected)
  })

  test('today is the Shanghai date, not the UTC one: 00:30 in Shanghai is still the previous day in UTC', () => {
    const dawn = makeBatch({
      id: 'b-dawn',
      rounds: [{ id: 'd1', opensAt: '2025-05-03T06:00:00+08:00', closesAt: '2025-05-03T07:00:00+08:00', quota: 1 }],
    })
    expect(roundsByWhen([dawn], sh('2025-05-03 00:30')).openingToday.map(({ view }) => view.phase)).toEqual(['upcoming'])
    const dayBefore = roundsByWhen([dawn], sh('2025-05-02 23:30'))
    expect(dayBefore.openingToday).toEqual([])
    expect(dayBefore.next?.view.round.id).toBe('d1')
  })

  test('the list changes at the next opening or closing of a listed round', () => {
    const at = sh('2025-05-03 10:30')
    expect(nextRoundChange(allRounds(roundsByWhen(batches, at)), at)).toBe(sh('2025-05-03 12:00'))
    const evening = sh('2025-05-03 21:00')
    expect(nextRoundChange(allRounds(roundsByWhen(batches, evening)), evening)).toBe(sh('2025-05-03 22:00'))
    expect(nextRoundChange([], evening)).toBeNull()
  })
})

describe('vouchersExpiringSoon: spendable vouchers whose last valid moment is within three days', () => {
  // Claimed 1 May with 9 days' validity: valid until the end of 10 May.
  const batch = makeBatch()
  const voucher = (id: string, validTo: string, overrides = {}) => makeVoucher(batch, { id, validTo, ...overrides })
  const wallet = [
    voucher('in-4-days', '2025-05-10T23:59:59.999+08:00'),
    voucher('tonight', '2025-05-07T23:59:59.999+08:00'),
    voucher('in-3-days-exactly', '2025-05-10T10:00:00.000+08:00'),
    voucher('used', '2025-05-08T23:59:59.999+08:00', { status: 'used', usedAt: '2025-05-02T12:00:00+08:00' }),
    voucher('expired-unswept', '2025-05-07T09:00:00.000+08:00'),
    voucher('refunded', '2025-05-09T23:59:59.999+08:00', { restoredAfterRefundAt: '2025-05-05T12:00:00+08:00' }),
  ]

  test.each([
    ['on 7 May at 10:00', sh('2025-05-07 10:00'), ['tonight', 'refunded', 'in-3-days-exactly']],
    ['on 8 May at 09:00: the one valid to the end of 10 May joins', sh('2025-05-08 09:00'), ['refunded', 'in-3-days-exactly', 'in-4-days']],
    ['on 1 May: nothing ends within three days', sh('2025-05-01 12:00'), []],
  ])('%s', (_case, at, expected) => {
    expect(vouchersExpiringSoon(wallet, at).map((item) => item.id)).toEqual(expected)
  })

  test('the window can be asked for', () => {
    expect(vouchersExpiringSoon(wallet, sh('2025-05-07 10:00'), EXPIRING_SOON_MS / 3).map((item) => item.id)).toEqual(['tonight'])
  })
})
