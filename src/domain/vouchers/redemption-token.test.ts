import { createHmac } from 'node:crypto'
import fc from 'fast-check'
import qrcode from 'qrcode-generator'
import {
  decodeBase64Url,
  decodeRedemptionPayload,
  encodeBase64Url,
  encodeRedemptionPayload,
  issueRedemptionToken,
  redemptionTokenRefreshAt,
  verifyRedemptionToken,
  type Hmac,
} from './redemption-token'
import { VoucherError } from './errors'
import { sh } from './test-fixtures'

const hmacWith =
  (key: string): Hmac =>
  (message) =>
    createHmac('sha256', key).update(message).digest()
const serverHmac = hmacWith('server-secret')
const issuedAt = sh('2025-05-02 12:00:00')
const UUID_V = '3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b'
const UUID_U = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d'

function qrVersion(text: string, level: 'L' | 'M'): number {
  const code = qrcode(0, level)
  code.addData(text)
  code.make()
  return (code.getModuleCount() - 17) / 4
}

describe('a token round-trips and stays small', () => {
  test.each([
    ['UUIDs', UUID_V, UUID_U],
    ['decimal ids', '90071992547409', '42'],
    ['other ids', 'v_2025-05-abc', 'wx-oAbC123_xyz'],
    ['zero', '0', '0'],
  ])('%s', (_case, voucherId, ownerId) => {
    const { token, payload } = issueRedemptionToken({ voucherId, ownerId, issuedAt }, serverHmac)
    expect(payload).toEqual({ voucherId, ownerId, issuedAt, expiresAt: issuedAt + 60_000 })
    expect(verifyRedemptionToken(token, issuedAt + 1000, serverHmac)).toEqual({ ok: true, payload })
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/)
  })

  test('two UUIDs make a 77-character token: QR version 4 at level L, 5 at level M', () => {
    const { token } = issueRedemptionToken({ voucherId: UUID_V, ownerId: UUID_U, issuedAt }, serverHmac)
    expect(token).toHaveLength(77)
    expect(qrVersion(token, 'L')).toBe(4)
    expect(qrVersion(token, 'M')).toBe(5)
  })

  test('issuedAt is kept in whole seconds', () => {
    const { payload } = issueRedemptionToken({ voucherId: '1', ownerId: '2', issuedAt: issuedAt + 999 }, serverHmac)
    expect(payload.issuedAt).toBe(issuedAt)
  })

  test('ids the format cannot carry are refused when issuing', () => {
    expect(() => issueRedemptionToken({ voucherId: '券一', ownerId: 'u', issuedAt }, serverHmac)).toThrow(VoucherError)
    expect(() => issueRedemptionToken({ voucherId: 'x'.repeat(65), ownerId: 'u', issuedAt }, serverHmac)).toThrow(VoucherError)
    expect(() => issueRedemptionToken({ voucherId: 'v', ownerId: 'u', issuedAt }, () => new Uint8Array(8))).toThrow(VoucherError)
  })
})

describe('verifyRedemptionToken: expired, forged and malformed are told apart', () => {
  const { token } = issueRedemptionToken({ voucherId: UUID_V, ownerId: UUID_U, issuedAt }, serverHmac)
  const [payloadPart, signature] = token.split('.')
  const otherOwner = encodeRedemptionPayload({ voucherId: UUID_V, ownerId: '7', issuedAt, expiresAt: issuedAt + 60_000 })
  const flipped = (text: string, index: number) => text.slice(0, index) + (text[index] === 'A' ? 'B' : 'A') + text.slice(index + 1)

  test.each<[string, unknown, number, string | null]>([
    ['at issue time', token, issuedAt, null],
    ['at expiresAt', token, issuedAt + 60_000, null],
    ['at the end of the 5 s grace', token, issuedAt + 65_000, null],
    ['one ms after the grace', token, issuedAt + 65_001, 'TOKEN_EXPIRED'],
    ['an hour later (a screenshot)', token, issuedAt + 3_600_000, 'TOKEN_EXPIRED'],
    ['from the future beyond the grace', token, issuedAt - 5_001, 'TOKEN_NOT_YET_VALID'],
    [
      'signed with another key',
      issueRedemptionToken({ voucherId: UUID_V, ownerId: UUID_U, issuedAt }, hmacWith('guess')).token,
      issuedAt,
      'TOKEN_FORGED',
    ],
    ['payload swapped under a genuine signature', `${otherOwner}.${signature}`, issuedAt, 'TOKEN_FORGED'],
    ['one signature character changed', `${payloadPart}.${flipped(signature, 3)}`, issuedAt, 'TOKEN_FORGED'],
    ['signature cut short', `${payloadPart}.${signature.slice(0, 21)}`, issuedAt, 'TOKEN_MALFORMED'],
    ['no signature', payloadPart, issuedAt, 'TOKEN_MALFORMED'],
    ['three parts', `${token}.x`, issuedAt, 'TOKEN_MALFORMED'],
    ['not base64url', `${payloadPart}+.${signature}`, issuedAt, 'TOKEN_MALFORMED'],
    ['a URL someone scanned', 'https://example.com/pay?id=1', issuedAt, 'TOKEN_MALFORMED'],
    ['an empty string', '', issuedAt, 'TOKEN_MALFORMED'],
    ['not a string', 12345, issuedAt, 'TOKEN_MALFORMED'],
    ['a huge string', 'A'.repeat(5000), issuedAt, 'TOKEN_MALFORMED'],
    ['payload truncated', `${payloadPart.slice(0, 20)}.${signature}`, issuedAt, 'TOKEN_MALFORMED'],
  ])('%s', (_case, candidate, now, code) => {
    const result = verifyRedemptionToken(candidate, now, serverHmac)
    if (code === null) {
      expect(result.ok).toBe(true)
    } else {
      expect(result).toMatchObject({ ok: false, code, message: expect.stringMatching(/[\u4e00-\u9fa5]/) })
    }
  })

  test('the app can read when to refresh without the key', () => {
    expect(redemptionTokenRefreshAt(token)).toBe(issuedAt + 50_000)
    expect(redemptionTokenRefreshAt('garbage')).toBeNull()
  })
})

describe('encoding', () => {
  test('base64url matches Node for any bytes and decodes back', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const text = encodeBase64Url(bytes)
        expect(text).toBe(Buffer.from(bytes).toString('base64url'))
        expect(decodeBase64Url(text)).toEqual(bytes)
      }),
    )
  })

  test('only the canonical spelling decodes', () => {
    expect(decodeBase64Url('QQ')).toEqual(Uint8Array.from([65]))
    expect(decodeBase64Url('QR')).toBeNull()
    expect(decodeBase64Url('Q')).toBeNull()
    expect(decodeBase64Url('QQ==')).toBeNull()
  })

  test('any id pair the format accepts decodes to itself', () => {
    const id = fc.oneof(
      fc.uuid().filter((text) => text === text.toLowerCase()),
      fc.nat({ max: Number.MAX_SAFE_INTEGER }).map(String),
      fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
    )
    fc.assert(
      fc.property(id, id, fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 1, max: 255 }), (voucherId, ownerId, seconds, ttl) => {
        const payload = { voucherId, ownerId, issuedAt: seconds * 1000, expiresAt: (seconds + ttl) * 1000 }
        expect(decodeRedemptionPayload(encodeRedemptionPayload(payload))).toEqual(payload)
      }),
    )
  })

  test('a payload of another version or with trailing bytes is not one', () => {
    const good = decodeBase64Url(encodeRedemptionPayload({ voucherId: '1', ownerId: '2', issuedAt, expiresAt: issuedAt + 60_000 }))!
    expect(decodeRedemptionPayload(encodeBase64Url(Uint8Array.from([2, ...good.subarray(1)])))).toBeNull()
    expect(decodeRedemptionPayload(encodeBase64Url(Uint8Array.from([...good, 0])))).toBeNull()
  })
})
