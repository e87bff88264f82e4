import { shouldExpire, voucherTimeState, voucherValidity, walletStatus } from './validity'
import { makeBatch, makeVoucher, sh } from './test-fixtures'

describe('voucherValidity: N days after claiming ends at the end of that Shanghai day', () => {
  const nineDays = makeBatch({ validity: { kind: 'days-after-claim', days: 9, notAfter: null } })

  test.each([
    ['claimed mid-morning', '2025-05-01 10:00', '2025-05-10'],
    ['claimed at Shanghai midnight (16:00 UTC the day before)', '2025-05-01 00:00', '2025-05-10'],
    ['claimed in the last ms of a Shanghai day', '2025-05-01 23:59:59.999', '2025-05-10'],
    ['crossing January into February', '2025-01-25 10:00', '2025-02-03'],
    ['crossing February into March (2025, 28 days)', '2025-02-25 10:00', '2025-03-06'],
    ['crossing February into March (2024, leap year)', '2024-02-25 10:00', '2024-03-05'],
    ['crossing the year', '2025-12-28 10:00', '2026-01-06'],
  ])('%s → valid through %s', (_case, claimed, lastDay) => {
    const validity = voucherValidity(nineDays, sh(claimed))
    expect(validity.lastDay).toBe(lastDay)
    expect(validity.validFromMs).toBe(sh(claimed))
    expect(validity.validToMs).toBe(sh(`${lastDay} 23:59:59.999`))
    expect(validity.validTo).toBe(`${lastDay}T23:59:59.999+08:00`)
  })

  test('notAfter cuts the validity short, and only when it is earlier', () => {
    const capped = makeBatch({ validity: { kind: 'days-after-claim', days: 9, notAfter: '2025-05-06' } })
    expect(voucherValidity(capped, sh('2025-05-01 10:00')).validTo).toBe('2025-05-06T23:59:59.999+08:00')
    const loose = makeBatch({ validity: { kind: 'days-after-claim', days: 9, notAfter: '2025-06-30' } })
    expect(voucherValidity(loose, sh('2025-05-01 10:00')).lastDay).toBe('2025-05-10')
  })
})

describe('voucherValidity: fixed dates are whole Shanghai days whenever the voucher is claimed', () => {
  const fixed = makeBatch({ validity: { kind: 'fixed', from: '2025-05-02', to: '2025-05-31' } })

  test.each([['2025-05-01 10:00'], ['2025-05-03 21:59']])('claimed %s', (claimed) => {
    expect(voucherValidity(fixed, sh(claimed))).toEqual({
      validFrom: '2025-05-02T00:00:00.000+08:00',
      validTo: '2025-05-31T23:59:59.999+08:00',
      validFromMs: sh('2025-05-02 00:00'),
      validToMs: sh('2025-05-31 23:59:59.999'),
      lastDay: '2025-05-31',
    })
  })

  test('before its first day the voucher is not yet valid; both ends are inclusive', () => {
    const voucher = makeVoucher(fixed)
    expect(voucherTimeState(voucher, sh('2025-05-02 00:00') - 1)).toBe('not-yet-valid')
    expect(voucherTimeState(voucher, sh('2025-05-02 00:00'))).toBe('valid')
    expect(voucherTimeState(voucher, sh('2025-05-31 23:59:59.999'))).toBe('valid')
    expect(voucherTimeState(voucher, sh('2025-06-01 00:00'))).toBe('expired')
  })
})

describe('walletStatus: the four wallet filters', () => {
  const batch = makeBatch()
  const usable = makeVoucher(batch)
  const lastMs = sh('2025-05-10 23:59:59.999')

  test.each([
    ['usable inside validity', usable, lastMs, 'usable'],
    ['usable whose validTo has passed, before the expiry job ran', usable, lastMs + 1, 'expired'],
    ['stored expired', { ...usable, status: 'expired' as const }, sh('2025-05-02 10:00'), 'expired'],
    ['used', { ...usable, status: 'used' as const, usedAt: '2025-05-02T10:00:00.000+08:00', redemptionId: 'x' }, lastMs + 1, 'used'],
    [
      'given back after a full refund',
      { ...usable, restoredAfterRefundAt: '2025-05-03T10:00:00.000+08:00' },
      lastMs,
      'returned-after-refund',
    ],
    ['given back, then expired', { ...usable, restoredAfterRefundAt: '2025-05-03T10:00:00.000+08:00' }, lastMs + 1, 'expired'],
  ])('%s → %s', (_case, voucher, at, status) => {
    expect(walletStatus(voucher, at)).toBe(status)
  })

  test('the expiry job moves a usable voucher once, the first ms after validTo', () => {
    expect(shouldExpire(usable, lastMs)).toBe(false)
    expect(shouldExpire(usable, lastMs + 1)).toBe(true)
    expect(shouldExpire({ ...usable, status: 'expired' }, lastMs + 1)).toBe(false)
    expect(shouldExpire({ ...usable, status: 'used' }, lastMs + 1)).toBe(false)
  })
})
