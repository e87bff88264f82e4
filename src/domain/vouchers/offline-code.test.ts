import { createHmac } from 'node:crypto'
import fc from 'fast-check'
import {
  decodeOfflineCodeSecret,
  deriveOfflineCode,
  deriveOfflineCodeSecret,
  encodeOfflineCodeSecret,
  isOfflineCode,
  offlineCodeStep,
  OFFLINE_CODE_SKEW_STEPS,
  OFFLINE_CODE_STEP_SECONDS,
  verifyOfflineCode,
  type KeyedHmac,
} from './offline-code'
import { encodeBase64Url, issueRedemptionToken, type Hmac } from './redemption-token'
import { sh } from './test-fixtures'

const serverHmac: Hmac = (message) => createHmac('sha256', 'server-secret').update(message).digest()
const hmac: KeyedHmac = (key, message) => createHmac('sha256', key).update(message).digest()
const keys = { serverHmac, hmac }
const VOUCHER = '3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b'
const OWNER = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d'
const at = sh('2026-12-06 15:00:10')
const STEP_MS = OFFLINE_CODE_STEP_SECONDS * 1000
const secret = deriveOfflineCodeSecret({ voucherId: VOUCHER, ownerId: OWNER }, serverHmac)

function codeAt(now: number, voucherSecret = secret, voucherId = VOUCHER, ownerId = OWNER): string {
  return deriveOfflineCode({ voucherId, ownerId, secret: voucherSecret, now }, hmac).token
}

describe('derive', () => {
  test('the secret is 32 bytes, per voucher and per owner, and round-trips as text', () => {
    expect(secret).toHaveLength(32)
    expect(decodeOfflineCodeSecret(encodeOfflineCodeSecret(secret))).toEqual(secret)
    expect(deriveOfflineCodeSecret({ voucherId: VOUCHER, ownerId: '42' }, serverHmac)).not.toEqual(secret)
    expect(deriveOfflineCodeSecret({ voucherId: '7', ownerId: OWNER }, serverHmac)).not.toEqual(secret)
    expect(decodeOfflineCodeSecret('short')).toBeNull()
    expect(decodeOfflineCodeSecret(42)).toBeNull()
  })

  test('the code is the RFC 6238 construction: HMAC-SHA256 over the 30 s step of the Unix time', () => {
    const { token, step, changesAt } = deriveOfflineCode({ voucherId: VOUCHER, ownerId: OWNER, secret, now: at }, hmac)
    expect(step).toBe(Math.floor(at / 1000 / 30))
    expect(changesAt).toBe((step + 1) * 30_000)
    const [payloadPart, signature] = token.split('.')
    const expected = createHmac('sha256', secret).update(`totp:${payloadPart}`).digest().subarray(0, 16)
    expect(signature).toBe(encodeBase64Url(expected))
    // Two UUIDs fit the same small QR code as the online token.
    expect(token.length).toBeLessThanOrEqual(80)
    expect(isOfflineCode(token)).toBe(true)
  })

  test('an online (version 1) token is not taken for an offline one', () => {
    const { token } = issueRedemptionToken({ voucherId: VOUCHER, ownerId: OWNER, issuedAt: at }, serverHmac)
    expect(isOfflineCode(token)).toBe(false)
    expect(isOfflineCode('garbage')).toBe(false)
    expect(isOfflineCode(null)).toBe(false)
  })
})

describe('rotate', () => {
  test('the same code for the whole 30 s step, a new one at the next', () => {
    const stepStart = offlineCodeStep(at) * STEP_MS
    expect(codeAt(stepStart)).toBe(codeAt(stepStart + STEP_MS - 1))
    expect(codeAt(stepStart + STEP_MS)).not.toBe(codeAt(stepStart))
  })

  test('two hours later with no server contact, the phone still derives a code the server accepts', () => {
    const later = at + 2 * 60 * 60 * 1000 + 7_000
    const verified = verifyOfflineCode(codeAt(later), later, keys)
    expect(verified).toEqual({ ok: true, payload: { voucherId: VOUCHER, ownerId: OWNER, step: offlineCodeStep(later) } })
  })
})

describe('verify with skew', () => {
  test.each([
    [-OFFLINE_CODE_SKEW_STEPS - 1, 'TOKEN_EXPIRED'],
    [-OFFLINE_CODE_SKEW_STEPS, 'ok'],
    [-1, 'ok'],
    [0, 'ok'],
    [1, 'ok'],
    [OFFLINE_CODE_SKEW_STEPS, 'ok'],
    [OFFLINE_CODE_SKEW_STEPS + 1, 'TOKEN_NOT_YET_VALID'],
  ])('a phone %i steps off the server → %s', (stepsOff, expected) => {
    const verified = verifyOfflineCode(codeAt(at + stepsOff * STEP_MS), at, keys)
    expect(verified.ok ? 'ok' : verified.code).toBe(expected)
  })

  test('a code from another secret, or edited, is forged; not our shape is malformed', () => {
    const other = deriveOfflineCodeSecret({ voucherId: VOUCHER, ownerId: OWNER }, (message) => createHmac('sha256', 'other').update(message).digest())
    expect(verifyOfflineCode(codeAt(at, other), at, keys)).toMatchObject({ ok: false, code: 'TOKEN_FORGED' })
    const token = codeAt(at)
    const tampered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BA' : 'AA'}`
    expect(verifyOfflineCode(tampered, at, keys)).toMatchObject({ ok: false, code: 'TOKEN_FORGED' })
    for (const junk of ['', 'abc', `${token}.x`, token.replace('.', ''), 42, null]) {
      expect(verifyOfflineCode(junk, at, keys)).toMatchObject({ ok: false, code: 'TOKEN_MALFORMED' })
    }
  })

  test('one owner cannot derive a code for another owner', () => {
    const forged = codeAt(at, secret, VOUCHER, '99')
    expect(verifyOfflineCode(forged, at, keys)).toMatchObject({ ok: false, code: 'TOKEN_FORGED' })
  })

  test('property: any voucher, owner and moment verifies within the window and not outside it', () => {
    fc.assert(
      fc.property(
        fc.uuid(),
        fc.integer({ min: 1, max: 10_000_000 }).map(String),
        fc.integer({ min: sh('2025-01-01 00:00:00'), max: sh('2030-12-31 23:59:59') }),
        fc.integer({ min: -4, max: 4 }),
        (voucherId, ownerId, now, stepsOff) => {
          const voucherSecret = deriveOfflineCodeSecret({ voucherId, ownerId }, serverHmac)
          const verified = verifyOfflineCode(codeAt(now + stepsOff * STEP_MS, voucherSecret, voucherId, ownerId), now, keys)
          return verified.ok === Math.abs(stepsOff) <= OFFLINE_CODE_SKEW_STEPS
        },
      ),
      { numRuns: 200 },
    )
  })
})

describe('refuse reuse', () => {
  test('a step at or before the last accepted one is refused, a later one is not', () => {
    const step = offlineCodeStep(at)
    expect(verifyOfflineCode(codeAt(at), at, keys, step)).toMatchObject({ ok: false, code: 'CODE_REUSED' })
    expect(verifyOfflineCode(codeAt(at - STEP_MS), at, keys, step)).toMatchObject({ ok: false, code: 'CODE_REUSED' })
    expect(verifyOfflineCode(codeAt(at + STEP_MS), at, keys, step)).toMatchObject({ ok: true })
    expect(verifyOfflineCode(codeAt(at), at, keys, null)).toMatchObject({ ok: true })
  })
})
