/**
 * Session tokens are 256 random bits, shown to the client once and stored only as a SHA-256 hash:
 * a leaked database cannot be replayed as logins. The `qht_` prefix lets a malformed or forged
 * token be refused without touching the store. A resident's token is signed instead
 * (signed-session.ts), and stored as a hash all the same.
 */
import { createHash, randomBytes } from 'node:crypto'

const PREFIX = 'qht_'
/** Opaque (`qht_`, 256 random bits) or signed (`qht1.`, signed-session.ts: a resident's, for the claim route). */
const TOKEN_PATTERN = /^(?:qht_[A-Za-z0-9_-]{43}|qht1\.[A-Za-z0-9_-]{64}\.[A-Za-z0-9_-]{22})$/

export function newSessionToken(): string {
  return PREFIX + randomBytes(32).toString('base64url')
}

export function isWellFormedToken(token: string): boolean {
  return TOKEN_PATTERN.test(token)
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** The token from `Authorization: Bearer <token>`, or null when the header is absent. */
export function bearerToken(header: string | undefined): string | null {
  if (header === undefined) return null
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header)
  return match ? match[1] : ''
}
