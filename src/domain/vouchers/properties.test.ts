/**
 * Properties over random wallets, bills and claim counts. The oracles below restate the rules
 * independently of the implementation, so a wrong order of checks or an off-by-one shows up.
 */
import fc from 'fast-check'
import { bestVoucher, type WalletEntry } from './best-voucher'
import { decideClaim } from './claim'
import { checkRedemption } from './redemption'
import { quotaForRound } from './rounds'
import { VOUCHER_COUNTY_CODES, MERCHANT_CATEGORY_CODES, type VoucherCountyCode } from './places'
import { addDays, formatShanghai, shanghaiDateOf } from '../time'
import { formatWhen, parseIsoInstant, toIsoShanghaiMs, tryParseIsoInstant } from '../time/shanghai'
import { voucherValidity } from './validity'
import type { Merchant, VoucherBatch } from './schema'
import { makeBatch, sh } from './test-fixtures'

const AT = sh('2025-05-02 12:00')
const MERCHANT_IDS = ['m1', 'm2', 'm3']

const countyArb = fc.constantFrom(...VOUCHER_COUNTY_CODES)
const merchantArb: fc.Arbitrary<Merchant> = fc.record({
  id: fc.constantFrom(...MERCHANT_IDS),
  name: fc.constant('店'),
  county: countyArb,
  category: fc.constantFrom(...MERCHANT_CATEGORY_CODES),
  address: fc.constant('衢州'),
})

const batchArb: fc.Arbitrary<VoucherBatch> = fc
  .record({
    id: fc.constantFrom('b1', 'b2', 'b3'),
    faceValueFen: fc.integer({ min: 1, max: 5000 }),
    extraThreshold: fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: null }),
    merchants: fc.oneof(
      fc.record({
        kind: fc.constant('categories' as const),
        categories: fc.uniqueArray(fc.constantFrom(...MERCHANT_CATEGORY_CODES), { minLength: 1 }),
      }),
      fc.record({
        kind: fc.constant('merchants' as const),
        merchantIds: fc.uniqueArray(fc.constantFrom(...MERCHANT_IDS), { minLength: 1 }),
      }),
    ),
    counties: fc.uniqueArray(countyArb, { minLength: 1 }),
  })
  .map(({ extraThreshold, faceValueFen, ...rest }) =>
    makeBatch({
      ...rest,
      faceValueFen,
      thresholdFen: extraThreshold === null ? 0 : faceValueFen + extraThreshold,
      budgetFen: 1_000_000_000,
    }),
  )

const entryArb: fc.Arbitrary<WalletEntry> = fc
  .record({
    batch: batchArb,
    id: fc.string({ minLength: 1, maxLength: 6 }).map((text) => `v${text.replace(/[^A-Za-z0-9]/g, 'x')}`),
    status: fc.constantFrom('usable' as const, 'usable' as const, 'used' as const, 'expired' as const),
    fromOffsetMin: fc.integer({ min: -20_000, max: 600 }),
    lengthMin: fc.integer({ min: 0, max: 20_000 }),
  })
  .map(({ batch, id, status, fromOffsetMin, lengthMin }) => {
    const validFromMs = AT + fromOffsetMin * 60_000
    return {
      batch,
      voucher: {
        id,
        batchId: batch.id,
        roundId: 'r1',
        ownerId: 'u1',
        status,
        claimedAt: toIsoShanghaiMs(validFromMs),
        validFrom: toIsoShanghaiMs(validFromMs),
        validTo: toIsoShanghaiMs(validFromMs + lengthMin * 60_000),
        usedAt: null,
        redemptionId: status === 'used' ? 'rd' : null,
        restoredAfterRefundAt: null,
      },
    }
  })

const walletArb = fc.uniqueArray(entryArb, { maxLength: 8, selector: (entry) => entry.voucher.id })
const billArb = fc.oneof(fc.integer({ min: 0, max: 30_000 }), fc.integer({ min: 0, max: 10_000_000 }))

function oracleApplies({ voucher, batch }: WalletEntry, merchant: Merchant | null, billFen: number): boolean {
  const timeOk = AT >= parseIsoInstant(voucher.validFrom) && AT <= parseIsoInstant(voucher.validTo)
  const shopOk =
    merchant === null ||
    ((batch.merchants.kind === 'categories'
      ? batch.merchants.categories.includes(merchant.category)
      : batch.merchants.merchantIds.includes(merchant.id)) &&
      batch.counties.includes(merchant.county))
  return voucher.status === 'usable' && timeOk && shopOk && billFen >= Math.max(1, batch.thresholdFen)
}

const oracleSaving = ({ batch }: WalletEntry, billFen: number) => Math.min(batch.faceValueFen, billFen)

describe('bestVoucher properties', () => {
  test('the saving never exceeds the bill or the face value, and the pick always applies', () => {
    fc.assert(
      fc.property(billArb, walletArb, fc.option(merchantArb, { nil: null }), (billFen, wallet, merchant) => {
        const result = bestVoucher(billFen, wallet, merchant, AT)
        const applicable = wallet.filter((entry) => oracleApplies(entry, merchant, billFen))
        if (applicable.length === 0) {
          expect(result.best).toBeNull()
          return
        }
        const best = result.best!
        expect(best.savingFen).toBeLessThanOrEqual(billFen)
        expect(best.savingFen).toBeLessThanOrEqual(best.batch.faceValueFen)
        expect(best.savingFen).toBeGreaterThan(0)
        expect(best.payFen).toBe(billFen - best.savingFen)
        expect(oracleApplies(best, merchant, billFen)).toBe(true)
        const maxSaving = Math.max(...applicable.map((entry) => oracleSaving(entry, billFen)))
        expect(best.savingFen).toBe(maxSaving)
        const earliest = Math.min(
          ...applicable
            .filter((entry) => oracleSaving(entry, billFen) === maxSaving)
            .map((entry) => parseIsoInstant(entry.voucher.validTo)),
        )
        expect(parseIsoInstant(best.voucher.validTo)).toBe(earliest)
      }),
      { numRuns: 500 },
    )
  })

  test('every voucher is either the pick or explained once, and a rejected one really does not apply', () => {
    fc.assert(
      fc.property(billArb, walletArb, fc.option(merchantArb, { nil: null }), (billFen, wallet, merchant) => {
        const result = bestVoucher(billFen, wallet, merchant, AT)
        const seen = [result.best?.voucher.id, ...result.others.map((other) => other.voucher.id)].filter(Boolean).sort()
        expect(seen).toEqual(wallet.map((entry) => entry.voucher.id).sort())
        for (const other of result.others) {
          expect(other.applicable).toBe(oracleApplies(other, merchant, billFen))
          if (!other.applicable && other.rejection.code === 'BELOW_THRESHOLD') {
            expect(billFen + other.rejection.shortfallFen).toBe(Math.max(1, other.batch.thresholdFen))
          }
        }
      }),
      { numRuns: 300 },
    )
  })

  test('the cashier accepts the voucher the app recommends, for the same saving', () => {
    fc.assert(
      fc.property(billArb, walletArb, merchantArb, (billFen, wallet, merchant) => {
        const { best } = bestVoucher(billFen, wallet, merchant, AT)
        if (!best) return
        const redemption = checkRedemption({
          voucher: best.voucher,
          batch: best.batch,
          merchant,
          orderAmountFen: billFen,
          at: AT,
          merchantRedemptionsToday: { count: 0, discountFen: 0 },
          ownerId: best.voucher.ownerId,
          scannedBy: merchant.id,
          batchRedeemedFen: 0,
        })
        expect(redemption).toMatchObject({ ok: true, discountFen: best.savingFen })
      }),
      { numRuns: 300 },
    )
  })
})

describe('decideClaim properties', () => {
  const batch = makeBatch({ residentCounties: ['330802', '330881'], limits: { perRound: 2, perBatch: 3 } })
  const windowOpen = (at: number) =>
    batch.rounds.some((round) => at >= parseIsoInstant(round.opensAt) && at < parseIsoInstant(round.closesAt))

  test('grants exactly when the window is open, stock is left, the resident qualifies and limits allow', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: sh('2025-04-30 00:00'), max: sh('2025-05-04 00:00') }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: -3, max: 3 }),
        fc.option(fc.constantFrom<VoucherCountyCode | '330100'>(...VOUCHER_COUNTY_CODES, '330100'), { nil: null }),
        (at, inRound, inBatchExtra, remaining, county) => {
          const inBatch = inRound + inBatchExtra
          const decision = decideClaim({
            batch,
            at,
            userClaimsInRound: inRound,
            userClaimsInBatch: inBatch,
            remainingInRound: remaining,
            resident: { countyCode: county },
          })
          const eligible = county === '330802' || county === '330881'
          const shouldGrant = windowOpen(at) && remaining > 0 && eligible && inRound < 2 && inBatch < 3
          expect(decision.ok).toBe(shouldGrant)
          if (remaining <= 0 || inRound >= 2 || inBatch >= 3) expect(decision.ok).toBe(false)
        },
      ),
      { numRuns: 1000 },
    )
  })
})

describe('quotaForRound properties', () => {
  test('never negative; the base alone when nothing returns; more, never less, when quota returns', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.integer({ min: 0, max: 1500 }), { maxLength: 6 }),
        fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 6 }),
        fc.boolean(),
        fc.boolean(),
        (quotas, claimedRaw, returned, unclaimed, expired) => {
          const rounds = quotas.map((quota, index) => ({
            id: `r${index}`,
            opensAt: `2025-05-${String(index + 1).padStart(2, '0')}T10:00:00+08:00`,
            closesAt: `2025-05-${String(index + 1).padStart(2, '0')}T22:00:00+08:00`,
            quota,
          }))
          const batch = makeBatch({ rounds, quotaReturn: { unclaimed, expired }, budgetFen: 1_000_000_000 })
          const claimed = quotas.map((_, index) => claimedRaw[index] ?? 0)
          quotas.forEach((quota, index) => {
            const result = quotaForRound(batch, index, claimed, returned)
            expect(result.total).toBeGreaterThanOrEqual(quota)
            expect(result.total).toBe(result.base + result.carriedUnclaimed + result.returnedExpired)
            if (!unclaimed) expect(result.carriedUnclaimed).toBe(0)
            if (!expired) expect(result.returnedExpired).toBe(0)
            if (!unclaimed && !expired) expect(result.total).toBe(quota)
          })
        },
      ),
    )
  })
})

describe('claim-path time arithmetic agrees with dayjs', () => {
  // 2000-01-01 … 2100-01-01, any millisecond: the fixed-offset arithmetic on the claim path
  // (voucherValidity, formatWhen) against the calendar of dayjs.
  const instantArb = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) })

  test('days-after-claim validity ends at the end of Shanghai day D + days, capped by notAfter', () => {
    fc.assert(
      fc.property(
        instantArb,
        fc.integer({ min: 1, max: 366 }),
        fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
        (claimedAt, days, capIn) => {
          const claimedDay = shanghaiDateOf(claimedAt)
          const notAfter = capIn === null ? null : addDays(claimedDay, capIn)
          const batch = makeBatch({ validity: { kind: 'days-after-claim', days, notAfter } })
          const oracleDay = addDays(claimedDay, days)
          const lastDay = notAfter !== null && notAfter < oracleDay ? notAfter : oracleDay
          const validity = voucherValidity(batch, claimedAt)
          expect(validity.lastDay).toBe(lastDay)
          expect(validity.validTo).toBe(`${lastDay}T23:59:59.999+08:00`)
          expect(validity.validToMs).toBe(parseIsoInstant(validity.validTo))
          expect(validity.validFromMs).toBe(claimedAt)
        },
      ),
    )
  })

  test('formatWhen is M月D日 HH:mm in Shanghai', () => {
    fc.assert(
      fc.property(instantArb, (ms) => {
        expect(formatWhen(ms)).toBe(formatShanghai(ms, 'M月D日 HH:mm'))
      }),
    )
  })
})

describe('tryParseIsoInstant agrees with its regular expression', () => {
  // The oracle: the regex the parser replaced, with the same range checks.
  const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})$/
  function oracle(text: string): number | null {
    const match = ISO.exec(text)
    if (!match) return null
    const [, y, mo, d, h, mi, s = '0', ms = '0', offset] = match
    const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number)
    if (hour > 23 || minute > 59 || second > 59) return null
    const wall = Date.UTC(year, month - 1, day, hour, minute, second, Number(ms.padEnd(3, '0')))
    const check = new Date(wall)
    if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null
    const offsetMinutes = offset === 'Z' ? 0 : (offset[0] === '-' ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)))
    return wall - offsetMinutes * 60_000
  }
  const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max })
  // Mostly well-formed instants, with every part sometimes missing, too long or replaced.
  const part = (good: fc.Arbitrary<string>) =>
    fc.oneof({ arbitrary: good, weight: 8 }, { arbitrary: fc.string({ maxLength: 3 }), weight: 1 })
  const nearIso = fc
    .tuple(
      part(digits(4, 4)),
      part(fc.constant('-')),
      part(digits(2, 2)),
      part(fc.constant('-')),
      part(digits(2, 2)),
      part(fc.constantFrom('T', 't', ' ')),
      part(digits(2, 2)),
      part(fc.constant(':')),
      part(digits(2, 2)),
      fc.oneof(
        fc.constant(''),
        digits(1, 3).map((s) => `:${s}`),
      ),
      fc.oneof(
        fc.constant(''),
        digits(0, 4).map((s) => `.${s}`),
      ),
      fc.oneof(
        fc.constantFrom('Z', '+08:00', '-05:30', 'z', ''),
        fc.tuple(fc.constantFrom('+', '-'), digits(1, 3), fc.constantFrom(':', ''), digits(1, 3)).map((p) => p.join('')),
      ),
    )
    .map((parts) => parts.join(''))

  test('the same instant or null for near-ISO text and for any text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          nearIso,
          fc.string(),
          fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
        ),
        (text) => {
          expect(tryParseIsoInstant(text)).toBe(oracle(text))
        },
      ),
      { numRuns: 5000 },
    )
  })
})
