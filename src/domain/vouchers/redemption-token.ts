/**
 * The code a cashier scans (issue 6): a short-lived token signed by the server and shown as a QR
 * code, refreshed every minute, so a screenshot is useless a minute later. The HMAC is passed in
 * — the server signs with node:crypto (`createHmac('sha256', key).update(m).digest()`); the domain
 * stays free of Node built-ins and the app only displays what the server gives it.
 *
 * Format: base64url(payload) '.' base64url(first 16 bytes of HMAC('redeem:' + payloadPart)).
 * Payload bytes: version 1 · voucherId · ownerId · issuedAt (u32 Unix seconds) · ttl (u8 seconds).
 * Ids are packed: a canonical lowercase UUID in 16 bytes, a decimal id as a varint, any other id
 * (letters, digits, - and _, ≤ 64) as length + ASCII. Two UUIDs give a 77-character token: QR
 * version 4 at level L, version 5 at level M.
 */
import { assertInstant, VoucherError } from './errors'

/** HMAC-SHA256 (or any MAC of at least 16 bytes) of a UTF-8 string, with the server's secret. */
export type Hmac = (message: string) => Uint8Array

export const REDEMPTION_TOKEN_TTL_SECONDS = 60
/** Accepted past expiresAt: the time a cashier needs between the scan and the server's check. */
export const REDEMPTION_TOKEN_GRACE_SECONDS = 5
/** The app asks for the next token this long before the shown one expires. */
export const REDEMPTION_TOKEN_REFRESH_BEFORE_SECONDS = 10

const VERSION = 1
const SIGNATURE_BYTES = 16
const SIGNATURE_CHARS = 22
const MAX_TOKEN_CHARS = 256
const SIGNING_PREFIX = 'redeem:'
const ID_ASCII = 0
const ID_UUID = 1
const ID_DECIMAL = 2
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const DECIMAL = /^(0|[1-9]\d{0,15})$/
const ASCII_ID = /^[A-Za-z0-9_-]{1,64}$/

export interface RedemptionTokenPayload {
  voucherId: string
  ownerId: string
  /** Epoch ms, whole seconds. */
  issuedAt: number
  /** Epoch ms: issuedAt + ttl. */
  expiresAt: number
}

export type RedemptionTokenErrorCode = 'TOKEN_MALFORMED' | 'TOKEN_FORGED' | 'TOKEN_EXPIRED' | 'TOKEN_NOT_YET_VALID'

export const REDEMPTION_TOKEN_MESSAGES: Record<RedemptionTokenErrorCode, string> = {
  TOKEN_MALFORMED: '这不是衢惠通的消费券码，请让顾客打开券包重新出示',
  TOKEN_FORGED: '券码校验失败，请让顾客打开券包重新出示',
  TOKEN_EXPIRED: '券码已过期（每分钟刷新），请让顾客刷新后重新出示',
  TOKEN_NOT_YET_VALID: '券码时间异常，请让顾客刷新后重新出示',
}

export type RedemptionTokenVerification =
  | { ok: true; payload: RedemptionTokenPayload }
  | { ok: false; code: RedemptionTokenErrorCode; message: string }

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

export function encodeBase64Url(bytes: Uint8Array): string {
  let text = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const chunk = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6))
    for (let j = 0; j < chars; j += 1) text += ALPHABET[(chunk >> (18 - 6 * j)) & 63]
  }
  return text
}

/** Strict: only the base64url alphabet, no padding, and only the canonical spelling of the bytes. */
export function decodeBase64Url(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null
  const bytes: number[] = []
  let buffer = 0
  let bits = 0
  for (const char of text) {
    const value = ALPHABET.indexOf(char)
    if (value < 0) return null
    buffer = ((buffer << 6) | value) & 0xffffff
    bits += 6
    if (bits >= 8) {
      bits -= 8
      bytes.push((buffer >> bits) & 0xff)
    }
  }
  const result = Uint8Array.from(bytes)
  return encodeBase64Url(result) === text ? result : null
}

function writeVarint(value: number, out: number[]): void {
  let rest = value
  while (rest >= 128) {
    out.push(rest % 128 | 128)
    rest = Math.floor(rest / 128)
  }
  out.push(rest)
}

export function writeId(id: string, field: string, out: number[]): void {
  if (UUID.test(id)) {
    out.push(ID_UUID)
    const hex = id.replace(/-/g, '')
    for (let i = 0; i < 32; i += 2) out.push(parseInt(hex.slice(i, i + 2), 16))
  } else if (DECIMAL.test(id) && Number(id) <= Number.MAX_SAFE_INTEGER) {
    out.push(ID_DECIMAL)
    writeVarint(Number(id), out)
  } else if (ASCII_ID.test(id)) {
    out.push(ID_ASCII, id.length)
    for (const char of id) out.push(char.charCodeAt(0))
  } else {
    throw new VoucherError('TOKEN_ID_UNSUPPORTED', `${field} 只能包含字母、数字、- 和 _，且不超过 64 个字符`, field)
  }
}

export class Reader {
  private offset = 0
  constructor(private readonly bytes: Uint8Array) {}
  get done(): boolean {
    return this.offset === this.bytes.length
  }
  byte(): number {
    if (this.offset >= this.bytes.length) throw new RangeError('truncated')
    return this.bytes[this.offset++]
  }
  varint(): number {
    let value = 0
    let scale = 1
    for (let i = 0; i < 8; i += 1) {
      const byte = this.byte()
      value += (byte & 127) * scale
      if (byte < 128) return value
      scale *= 128
    }
    throw new RangeError('varint too long')
  }
  id(): string {
    const tag = this.byte()
    if (tag === ID_UUID) {
      let hex = ''
      for (let i = 0; i < 16; i += 1) hex += this.byte().toString(16).padStart(2, '0')
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
    }
    if (tag === ID_DECIMAL) return String(this.varint())
    if (tag === ID_ASCII) {
      const length = this.byte()
      let text = ''
      for (let i = 0; i < length; i += 1) text += String.fromCharCode(this.byte())
      return text
    }
    throw new RangeError('unknown id tag')
  }
}

export function encodeRedemptionPayload(payload: RedemptionTokenPayload): string {
  const issuedSeconds = Math.floor(assertInstant(payload.issuedAt, 'issuedAt') / 1000)
  const ttlSeconds = Math.round((payload.expiresAt - issuedSeconds * 1000) / 1000)
  if (issuedSeconds < 0 || issuedSeconds > 0xffffffff) {
    throw new VoucherError('INSTANT_INVALID', 'issuedAt 超出券码可表示的范围', 'issuedAt')
  }
  if (!(ttlSeconds >= 1 && ttlSeconds <= 255)) {
    throw new VoucherError('INSTANT_INVALID', '券码有效期应为 1 到 255 秒', 'expiresAt')
  }
  const bytes: number[] = [VERSION]
  writeId(payload.voucherId, 'voucherId', bytes)
  writeId(payload.ownerId, 'ownerId', bytes)
  bytes.push((issuedSeconds >>> 24) & 0xff, (issuedSeconds >>> 16) & 0xff, (issuedSeconds >>> 8) & 0xff, issuedSeconds & 0xff)
  bytes.push(ttlSeconds)
  return encodeBase64Url(Uint8Array.from(bytes))
}

/** Reads a payload part without checking any signature; null when it is not one. */
export function decodeRedemptionPayload(text: string): RedemptionTokenPayload | null {
  const bytes = decodeBase64Url(text)
  if (!bytes) return null
  try {
    const reader = new Reader(bytes)
    if (reader.byte() !== VERSION) return null
    const voucherId = reader.id()
    const ownerId = reader.id()
    const issuedSeconds = ((reader.byte() << 24) >>> 0) + (reader.byte() << 16) + (reader.byte() << 8) + reader.byte()
    const ttlSeconds = reader.byte()
    if (!reader.done || ttlSeconds === 0) return null
    const payload = { voucherId, ownerId, issuedAt: issuedSeconds * 1000, expiresAt: (issuedSeconds + ttlSeconds) * 1000 }
    // Only the one canonical spelling of a payload is accepted (no padded ids, no long varints).
    return encodeRedemptionPayload(payload) === text ? payload : null
  } catch {
    return null
  }
}

function sign(payloadPart: string, hmac: Hmac): string {
  const mac = hmac(SIGNING_PREFIX + payloadPart)
  // isView rather than instanceof: a Node Buffer comes from another realm under jsdom or a vm.
  if (!ArrayBuffer.isView(mac) || mac.length < SIGNATURE_BYTES) {
    throw new VoucherError('HMAC_INVALID', `HMAC 至少要有 ${SIGNATURE_BYTES} 字节`, 'hmac')
  }
  return encodeBase64Url(mac.subarray(0, SIGNATURE_BYTES))
}

export function constantTimeEqual(a: string, b: string): boolean {
  let difference = a.length ^ b.length
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) difference |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0)
  return difference === 0
}

/** Server side: a fresh token for a voucher its owner is showing; issuedAt is the server clock. */
export function issueRedemptionToken(
  input: { voucherId: string; ownerId: string; issuedAt: number },
  hmac: Hmac,
  ttlSeconds: number = REDEMPTION_TOKEN_TTL_SECONDS,
): { token: string; payload: RedemptionTokenPayload } {
  const issuedAt = Math.floor(assertInstant(input.issuedAt, 'issuedAt') / 1000) * 1000
  const payload = { voucherId: input.voucherId, ownerId: input.ownerId, issuedAt, expiresAt: issuedAt + ttlSeconds * 1000 }
  const payloadPart = encodeRedemptionPayload(payload)
  return { token: `${payloadPart}.${sign(payloadPart, hmac)}`, payload }
}

/**
 * Server side, at the cashier's scan. Malformed (not our shape) is told apart from forged (our
 * shape, wrong signature) and from expired (genuine but older than ttl + grace).
 */
export function verifyRedemptionToken(token: unknown, now: number, hmac: Hmac): RedemptionTokenVerification {
  assertInstant(now, 'now')
  const fail = (code: RedemptionTokenErrorCode): RedemptionTokenVerification => ({
    ok: false,
    code,
    message: REDEMPTION_TOKEN_MESSAGES[code],
  })
  if (typeof token !== 'string' || token.length > MAX_TOKEN_CHARS) return fail('TOKEN_MALFORMED')
  const parts = token.trim().split('.')
  if (parts.length !== 2 || !/^[A-Za-z0-9_-]+$/.test(parts[1])) return fail('TOKEN_MALFORMED')
  const [payloadPart, signature] = parts
  const payload = decodeRedemptionPayload(payloadPart)
  if (!payload || signature.length !== SIGNATURE_CHARS) return fail('TOKEN_MALFORMED')
  if (!constantTimeEqual(signature, sign(payloadPart, hmac))) return fail('TOKEN_FORGED')
  const graceMs = REDEMPTION_TOKEN_GRACE_SECONDS * 1000
  if (now > payload.expiresAt + graceMs) return fail('TOKEN_EXPIRED')
  if (now < payload.issuedAt - graceMs) return fail('TOKEN_NOT_YET_VALID')
  return { ok: true, payload }
}

/** App side: when to fetch the next token, so the code on screen is never stale at the till. */
export function redemptionTokenRefreshAt(token: string): number | null {
  const payload = decodeRedemptionPayload(token.split('.')[0] ?? '')
  return payload ? payload.expiresAt - REDEMPTION_TOKEN_REFRESH_BEFORE_SECONDS * 1000 : null
}
