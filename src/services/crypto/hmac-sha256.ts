/**
 * HMAC-SHA256 on the phone, for the offline code at the till (src/domain/vouchers/offline-code.ts).
 * WeChat has no WebCrypto in every base library, and WebCrypto is async anyway, so the app uses
 * @noble/hashes (audited, no dependencies; sha2 + hmac add ~4 KB minified to the vouchers
 * subpackage). The server computes the same thing with node:crypto.
 */
import { hmac } from '@noble/hashes/hmac'
import { sha256 } from '@noble/hashes/sha2'
// Relative, not `@/`: server/test imports this file to check the phone and server agree.
import type { KeyedHmac } from '../../domain/vouchers/offline-code'

/** UTF-8 without TextEncoder, which older WeChat base libraries lack. */
export function utf8Bytes(text: string): Uint8Array {
  const out: number[] = []
  for (const char of text) {
    const code = char.codePointAt(0)!
    if (code < 0x80) out.push(code)
    else if (code < 0x800) out.push(0xc0 | (code >> 6), 0x80 | (code & 63))
    else if (code < 0x10000) out.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63))
    else out.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63))
  }
  return Uint8Array.from(out)
}

export const hmacSha256: KeyedHmac = (key, message) => hmac(sha256, key, utf8Bytes(message))
