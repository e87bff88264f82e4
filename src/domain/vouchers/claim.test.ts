import { decideClaim, fastClaimCheck, newWalletVoucher, type ClaimInput } from './claim'
import { VoucherError } from './errors'
import { makeBatch, sh, testDecisionTable } from './test-fixtures'

const batch = makeBatch({ residentCounties: ['330802', '330803'] })
const base: ClaimInput = {
  batch,
  at: sh('2025-05-01 10:00'),
  userClaimsInRound: 0,
  userClaimsInBatch: 0,
  remainingInRound: 10,
  resident: { countyCode: '330802' },
}

describe('decideClaim: one row per outcome', () => {
  testDecisionTable(decideClaim, base, 'ok', 'CLAIMED', [
    ['exactly at opensAt', 'CLAIMED', {}, '领取成功，已放入券包'],
    ['the last unit of stock', 'CLAIMED', { remainingInRound: 1 }, '领取成功，已放入券包'],
    ['one below both limits', 'CLAIMED', { userClaimsInRound: 1, userClaimsInBatch: 2 }, '领取成功，已放入券包'],
    ['one ms before opensAt', 'NOT_OPEN', { at: sh('2025-05-01 10:00') - 1 }, '还没开抢，5月1日 10:00 开抢'],
    ['exactly at closesAt of round 1, round 2 to come', 'NOT_OPEN', { at: sh('2025-05-01 22:00') }, '还没开抢，5月3日 10:00 开抢'],
    [
      'round 1 named, exactly at its closesAt',
      'CLOSED',
      { roundId: 'r1', at: sh('2025-05-01 22:00') },
      '本轮领取已结束，下一轮 5月3日 10:00 开抢',
    ],
    ['after the last round', 'CLOSED', { at: sh('2025-05-03 22:00') }, '本批次领取已结束'],
    ['no stock', 'SOLD_OUT', { remainingInRound: 0 }, '本轮已抢完，下一轮 5月3日 10:00 开抢'],
    ['oversold stock', 'SOLD_OUT', { remainingInRound: -2 }, '本轮已抢完，下一轮 5月3日 10:00 开抢'],
    ['round limit reached', 'LIMIT_REACHED', { userClaimsInRound: 2, userClaimsInBatch: 2 }, '本轮每人限领 2 张，您已领满，可在下一轮再领'],
    ['batch limit reached', 'LIMIT_REACHED', { userClaimsInRound: 0, userClaimsInBatch: 3 }, '本券每人限领 3 张，您已领满'],
    ['county not eligible', 'NOT_ELIGIBLE', { resident: { countyCode: '330881' } }, '本券限柯城区、衢江区居民领取'],
    ['county unknown', 'NOT_ELIGIBLE', { resident: { countyCode: null } }, '本券限柯城区、衢江区居民领取，请先在“我的”里选择所在区县'],
    [
      'county not a Quzhou code',
      'NOT_ELIGIBLE',
      { resident: { countyCode: '330100' } },
      '本券限柯城区、衢江区居民领取，请先在“我的”里选择所在区县',
    ],
  ])

  test('anyone may claim when the batch does not restrict residents', () => {
    const open = makeBatch({ residentCounties: null })
    expect(decideClaim({ ...base, batch: open, resident: { countyCode: null } }).code).toBe('CLAIMED')
  })

  test('a claim names its round and the new voucher validity', () => {
    const decision = decideClaim({ ...base, at: sh('2025-05-03 15:30') })
    expect(decision).toMatchObject({ ok: true, roundIndex: 1, round: { id: 'r2' } })
    expect(decision.ok && decision.validity.validTo).toBe('2025-05-12T23:59:59.999+08:00')
  })

  test('rejections carry what the page needs: countdown target, next round, limit scope, allowed counties', () => {
    expect(decideClaim({ ...base, at: sh('2025-05-01 09:00') })).toMatchObject({ roundId: 'r1', opensAtMs: sh('2025-05-01 10:00') })
    expect(decideClaim({ ...base, remainingInRound: 0 })).toMatchObject({
      roundId: 'r1',
      nextRoundId: 'r2',
      nextOpensAtMs: sh('2025-05-03 10:00'),
    })
    expect(decideClaim({ ...base, userClaimsInRound: 2, userClaimsInBatch: 2 })).toMatchObject({ scope: 'round', limit: 2 })
    expect(decideClaim({ ...base, userClaimsInBatch: 3 })).toMatchObject({ scope: 'batch', limit: 3 })
    expect(decideClaim({ ...base, resident: { countyCode: '330881' } })).toMatchObject({
      reason: 'COUNTY_NOT_ELIGIBLE',
      allowedCounties: ['330802', '330803'],
    })
  })

  test('the order is window, stock, residence, limits', () => {
    const everythingWrong = { userClaimsInRound: 5, userClaimsInBatch: 5, remainingInRound: 0, resident: { countyCode: null } }
    expect(decideClaim({ ...base, ...everythingWrong, at: sh('2025-05-01 09:00') }).code).toBe('NOT_OPEN')
    expect(decideClaim({ ...base, ...everythingWrong }).code).toBe('SOLD_OUT')
    expect(decideClaim({ ...base, ...everythingWrong, remainingInRound: 1 }).code).toBe('NOT_ELIGIBLE')
    expect(decideClaim({ ...base, ...everythingWrong, remainingInRound: 1, resident: { countyCode: '330803' } }).code).toBe('LIMIT_REACHED')
  })
})

describe('a claim that names its round', () => {
  test.each([
    ['round 2 before it opens, while round 1 is open', 'r2', sh('2025-05-01 12:00'), 'NOT_OPEN'],
    ['round 1 after it closed', 'r1', sh('2025-05-03 12:00'), 'CLOSED'],
    ['round 2 while open', 'r2', sh('2025-05-03 12:00'), 'CLAIMED'],
  ])('%s', (_case, roundId, at, code) => {
    expect(decideClaim({ ...base, roundId, at }).code).toBe(code)
  })

  test('an unknown round id or a fractional count is a caller bug, not an outcome', () => {
    expect(() => decideClaim({ ...base, roundId: 'r9' })).toThrow(VoucherError)
    expect(() => decideClaim({ ...base, userClaimsInRound: 0.5 })).toThrow(VoucherError)
    expect(() => decideClaim({ ...base, at: Number.NaN })).toThrow(VoucherError)
  })
})

describe('fastClaimCheck answers the same as decideClaim without the user', () => {
  test.each([
    ['before opening', sh('2025-05-01 09:00'), { r1: 10 }, 'NOT_OPEN'],
    ['sold out', sh('2025-05-01 12:00'), { r1: 0 }, 'SOLD_OUT'],
    ['closed', sh('2025-05-04 12:00'), { r2: 10 }, 'CLOSED'],
    ['open with stock', sh('2025-05-01 12:00'), { r1: 10 }, null],
    ['open, stock not cached', sh('2025-05-01 12:00'), {}, null],
  ])('%s', (_case, at, remaining, code) => {
    const fast = fastClaimCheck(batch, at, remaining)
    expect(fast?.code ?? null).toBe(code)
    if (fast) {
      const full = decideClaim({ ...base, at, remainingInRound: Object.values(remaining)[0] ?? 10 })
      expect(full).toEqual(fast)
    }
  })
})

test('newWalletVoucher builds a usable voucher with the batch validity', () => {
  expect(newWalletVoucher({ id: 'v9', batch, roundId: 'r1', ownerId: 'u1', claimedAt: sh('2025-05-01 10:00:01') })).toEqual({
    id: 'v9',
    batchId: 'batch-20-5',
    roundId: 'r1',
    ownerId: 'u1',
    status: 'usable',
    claimedAt: '2025-05-01T10:00:01.000+08:00',
    validFrom: '2025-05-01T10:00:01.000+08:00',
    validTo: '2025-05-10T23:59:59.999+08:00',
    usedAt: null,
    redemptionId: null,
    restoredAfterRefundAt: null,
  })
  expect(() => newWalletVoucher({ id: 'v9', batch, roundId: 'nope', ownerId: 'u1', claimedAt: 0 })).toThrow(VoucherError)
})
