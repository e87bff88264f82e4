/**
 * The code at the till without a network (issue 15): a mall basement has no signal, so the phone
 * cannot fetch the server-signed token of redemption-token.ts every minute. Instead, while online,
 * the owner's phone receives a per-voucher secret once; the code shown is derived on the phone
 * from that secret and the clock, and changes every 30 s like an RFC 6238 TOTP (HMAC-SHA256 over
 * the time step, the step counted from the Unix epoch). The cashier's server derives the same
 * secret from its own key, accepts a step within a small clock-skew window and refuses a step
 * already used for the voucher, so a screenshot or a replayed scan is worthless.
 *
 * The HMAC is passed in, as in redemption-token.ts: the server uses node:crypto, the app a small
 * audited JS implementation (WeChat has no WebCrypto in every base library); this file stays pure.
 *
 * Token: base64url(payload) '.' base64url(first 16 bytes of HMAC(secret, 'totp:' + payloadPart)).
 * Payload bytes: version 2 · voucherId · ownerId · step (u32). Two UUIDs: 75 characters, a QR of
 * the same size as the online token.
 */
import { assertInstant, VoucherError } from './errors'
import { constantTimeEqual, decodeBase64Url, encodeBase64Url, Reader, writeId, type Hmac, type RedemptionTokenErrorCode } from './redemption-token'

/** HMAC-SHA256 with an explicit key (the voucher's secret). */
export type KeyedHmac = (key: Uint8Array, message: string) => Uint8Array

export const OFFLINE_CODE_VERSION = 2
export const OFFLINE_CODE_STEP_SECONDS = 30
/**
 * Steps accepted either side of the server's own: ±2 × 30 s covers a phone clock a minute off
 * plus the seconds between showing the code and the cashier's scan reaching the server.
 */
export const OFFLINE_CODE_SKEW_STEPS = 2
export const OFFLINE_CODE_SECRET_BYTES = 32

const SIGNATURE_BYTES = 16
const SIGNATURE_CHARS = 22
const MAX_TOKEN_CHARS = 256
const SECRET_PREFIX = 'offline-code-secret:v1:'
const CODE_PREFIX = 'totp:'

export interface OfflineCodePayload {
  voucherId: string
  ownerId: string
  /** floor(unix seconds / 30) of the phone's clock when the code was derived. */
  step: number
}

export type OfflineCodeErrorCode = RedemptionTokenErrorCode | 'CODE_REUSED'

export const OFFLINE_CODE_MESSAGES: Record<OfflineCodeErrorCode, string> = {
  TOKEN_MALFORMED: '这不是衢惠通的消费券码，请让顾客打开券包重新出示',
  TOKEN_FORGED: '券码校验失败，请让顾客打开券包重新出示',
  TOKEN_EXPIRED: '券码已过期（每 30 秒更换），请让顾客出示当前的券码；若一直过期，请顾客把手机时间设为自动',
  TOKEN_NOT_YET_VALID: '券码时间比现在晚，请让顾客把手机时间设为自动后重新出示',
  CODE_REUSED: '这个券码已经用过了，请让顾客出示当前的新券码',
}

export type OfflineCodeVerification =
  | { ok: true; payload: OfflineCodePayload }
  | { ok: false; code: OfflineCodeErrorCode; message: string }

export function offlineCodeStep(now: number): number {
  return Math.floor(assertInstant(now, 'now') / 1000 / OFFLINE_CODE_STEP_SECONDS)
}

/** When the code of `step` stops being the current one on the phone (epoch ms). */
export function offlineCodeStepEndsAt(step: number): number {
  return (step + 1) * OFFLINE_CODE_STEP_SECONDS * 1000
}

function firstBytes(mac: Uint8Array, count: number, field: string): Uint8Array {
  // isView rather than instanceof: a Node Buffer comes from another realm under jsdom or a vm.
  if (!ArrayBuffer.isView(mac) || mac.length < count) throw new VoucherError('HMAC_INVALID', `HMAC 至少要有 ${count} 字节`, field)
  return mac.subarray(0, count)
}

/**
 * Server side: the voucher's secret, derived from the server's key, so nothing new is stored and
 * every server instance agrees. Bound to the owner: another account's secret is another value.
 */
export function deriveOfflineCodeSecret(voucher: { voucherId: string; ownerId: string }, serverHmac: Hmac): Uint8Array {
  writeId(voucher.voucherId, 'voucherId', [])
  writeId(voucher.ownerId, 'ownerId', [])
  return Uint8Array.from(firstBytes(serverHmac(`${SECRET_PREFIX}${voucher.voucherId}:${voucher.ownerId}`), OFFLINE_CODE_SECRET_BYTES, 'hmac'))
}

export function encodeOfflineCodeSecret(secret: Uint8Array): string {
  return encodeBase64Url(secret)
}

/** The secret as the phone stored it; null when it is not one. */
export function decodeOfflineCodeSecret(text: unknown): Uint8Array | null {
  if (typeof text !== 'string') return null
  const bytes = decodeBase64Url(text)
  return bytes && bytes.length === OFFLINE_CODE_SECRET_BYTES ? bytes : null
}

function encodePayload(payload: OfflineCodePayload): string {
  if (!Number.isSafeInteger(payload.step) || payload.step < 0 || payload.step > 0xffffffff) {
    throw new VoucherError('INSTANT_INVALID', '券码时间超出可表示的范围', 'step')
  }
  const bytes: number[] = [OFFLINE_CODE_VERSION]
  writeId(payload.voucherId, 'voucherId', bytes)
  writeId(payload.ownerId, 'ownerId', bytes)
  const { step } = payload
  bytes.push((step >>> 24) & 0xff, (step >>> 16) & 0xff, (step >>> 8) & 0xff, step & 0xff)
  return encodeBase64Url(Uint8Array.from(bytes))
}

function decodePayload(text: string): OfflineCodePayload | null {
  const bytes = decodeBase64Url(text)
  if (!bytes) return null
  try {
    const reader = new Reader(bytes)
    if (reader.byte() !== OFFLINE_CODE_VERSION) return null
    const voucherId = reader.id()
    const ownerId = reader.id()
    const step = ((reader.byte() << 24) >>> 0) + (reader.byte() << 16) + (reader.byte() << 8) + reader.byte()
    if (!reader.done) return null
    const payload = { voucherId, ownerId, step }
    return encodePayload(payload) === text ? payload : null
  } catch {
    return null
  }
}

function sign(payloadPart: string, secret: Uint8Array, hmac: KeyedHmac): string {
  return encodeBase64Url(firstBytes(hmac(secret, CODE_PREFIX + payloadPart), SIGNATURE_BYTES, 'hmac'))
}

/** Whether a scanned code is the offline kind (version 2), to pick the verifier. */
export function isOfflineCode(token: unknown): boolean {
  if (typeof token !== 'string') return false
  const first = decodeBase64Url(token.trim().split('.')[0]?.slice(0, 4) ?? '')
  return !!first && first[0] === OFFLINE_CODE_VERSION
}

/** Phone side: the code to show now, and when it changes. Works with no network at all. */
export function deriveOfflineCode(
  input: { voucherId: string; ownerId: string; secret: Uint8Array; now: number },
  hmac: KeyedHmac,
): { token: string; step: number; changesAt: number } {
  if (input.secret.length !== OFFLINE_CODE_SECRET_BYTES) throw new VoucherError('HMAC_INVALID', '券码密钥无效，请联网后重新打开这张券', 'secret')
  const step = offlineCodeStep(input.now)
  const payloadPart = encodePayload({ voucherId: input.voucherId, ownerId: input.ownerId, step })
  return { token: `${payloadPart}.${sign(payloadPart, input.secret, hmac)}`, step, changesAt: offlineCodeStepEndsAt(step) }
}

/**
 * Server side, at the cashier's scan: malformed, forged, outside the skew window, or a step not
 * newer than the last one accepted for this voucher (`lastAcceptedStep`, null when none) — reuse.
 * The reuse check is also run inside the redemption's transaction (see the server), where the
 * last step is read under the voucher's row lock.
 */
export function verifyOfflineCode(
  token: unknown,
  now: number,
  keys: { serverHmac: Hmac; hmac: KeyedHmac },
  lastAcceptedStep: number | null = null,
): OfflineCodeVerification {
  const fail = (code: OfflineCodeErrorCode): OfflineCodeVerification => ({ ok: false, code, message: OFFLINE_CODE_MESSAGES[code] })
  const current = offlineCodeStep(now)
  if (typeof token !== 'string' || token.length > MAX_TOKEN_CHARS) return fail('TOKEN_MALFORMED')
  const parts = token.trim().split('.')
  if (parts.length !== 2 || !/^[A-Za-z0-9_-]+$/.test(parts[1])) return fail('TOKEN_MALFORMED')
  const [payloadPart, signature] = parts
  const payload = decodePayload(payloadPart)
  if (!payload || signature.length !== SIGNATURE_CHARS) return fail('TOKEN_MALFORMED')
  let secret: Uint8Array
  try {
    secret = deriveOfflineCodeSecret(payload, keys.serverHmac)
  } catch {
    return fail('TOKEN_MALFORMED')
  }
  if (!constantTimeEqual(signature, sign(payloadPart, secret, keys.hmac))) return fail('TOKEN_FORGED')
  if (payload.step < current - OFFLINE_CODE_SKEW_STEPS) return fail('TOKEN_EXPIRED')
  if (payload.step > current + OFFLINE_CODE_SKEW_STEPS) return fail('TOKEN_NOT_YET_VALID')
  if (isOfflineCodeReused(payload.step, lastAcceptedStep)) return fail('CODE_REUSED')
  return { ok: true, payload }
}

/** A step at or before the last one accepted for the voucher was used already (or is older than it). */
export function isOfflineCodeReused(step: number, lastAcceptedStep: number | null): boolean {
  return lastAcceptedStep !== null && step <= lastAcceptedStep
}
