/**
 * Signed session tokens for the claim route (issue 20: a claim that does not read PostgreSQL).
 *
 * A resident's login returns `qht1.<facts>.<mac>`: the session's id, the user's id, the county,
 * the session's expiry and the instant the store created it, with an HMAC-SHA256 (128 bits kept)
 * under a key derived from SESSION_KEY_SECRET. The token is still stored as a hash in `sessions`
 * like every other, so every route but the claim reads it as before. The claim route believes the
 * facts without a read, unless the store noted a change since the session began (AuthChanges: a
 * revoked session, a user whose role, merchant or county changed, a deleted user — migration
 * 0018's triggers); then it reads the session as for any other token. A revocation reaches the
 * claim route within about a second (the notes are read twice a second), sooner than the 5 s the
 * claim session cache allowed before.
 *
 * Staff and merchants get the opaque `qht_` tokens: their sessions are read each time.
 */
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Config } from '../config'
import type { Db } from '../store/db'
import { ensureSecret } from '../store/vouchers'

const PREFIX = 'qht1.'
/** session id 16, user id 16, expiry 6, creation 6 (epoch ms), county and flags 4. */
const FACTS_BYTES = 48
const MAC_BYTES = 16
const COUNTY_MASK = 0xfffff
const HAS_COUNTY = 1 << 20
const DEV = 1 << 21
export const SIGNED_TOKEN_PATTERN = /^qht1\.[A-Za-z0-9_-]{64}\.[A-Za-z0-9_-]{22}$/
const COUNTY = /^\d{6}$/
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** What a signed token says about its session. */
export interface SessionFacts {
  sessionId: string
  userId: string
  /** The resident's county when the session began; null when not given. */
  residentCounty: string | null
  expiresAtMs: number
  /** When the store created the session (the store's clock, like AuthChanges' notes). */
  createdAtMs: number
  /** A development sign-in (valid only on a server in demo mode). */
  dev: boolean
}

function uuidBytes(uuid: string, into: Buffer, offset: number): void {
  into.write(uuid.replace(/-/g, ''), offset, 16, 'hex')
}

function uuidText(buffer: Buffer, offset: number): string {
  const hex = buffer.toString('hex', offset, offset + 16)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

export class SessionSigner {
  private readonly key: Buffer

  constructor(secret: string) {
    this.key = Buffer.from(hkdfSync('sha256', secret, 'quhuitong', 'session-token/v1', 32))
  }

  /** A signed token for these facts, or null when they cannot be put in one (then the caller issues an opaque token). */
  issue(facts: SessionFacts): string | null {
    if (!UUID.test(facts.sessionId) || !UUID.test(facts.userId)) return null
    if (facts.residentCounty !== null && !COUNTY.test(facts.residentCounty)) return null
    const body = Buffer.alloc(FACTS_BYTES)
    uuidBytes(facts.sessionId, body, 0)
    uuidBytes(facts.userId, body, 16)
    body.writeUIntBE(facts.expiresAtMs, 32, 6)
    body.writeUIntBE(facts.createdAtMs, 38, 6)
    // Six digits fit in 20 bits; two flags above them.
    const county = facts.residentCounty === null ? 0 : Number(facts.residentCounty) | HAS_COUNTY
    body.writeUInt32BE(county | (facts.dev ? DEV : 0), 44)
    const text = `${PREFIX}${body.toString('base64url')}`
    return `${text}.${this.mac(text)}`
  }

  private mac(text: string): string {
    return createHmac('sha256', this.key).update(text).digest().subarray(0, MAC_BYTES).toString('base64url')
  }

  /** The facts of a token this key signed; null for any other string (opaque, forged, malformed). */
  verify(token: string): SessionFacts | null {
    if (!token.startsWith(PREFIX) || !SIGNED_TOKEN_PATTERN.test(token)) return null
    const dot = token.lastIndexOf('.')
    const expected = Buffer.from(this.mac(token.slice(0, dot)), 'base64url')
    const given = Buffer.from(token.slice(dot + 1), 'base64url')
    if (given.length !== MAC_BYTES || !timingSafeEqual(given, expected)) return null
    const body = Buffer.from(token.slice(PREFIX.length, dot), 'base64url')
    if (body.length !== FACTS_BYTES) return null
    const county = body.readUInt32BE(44)
    return {
      sessionId: uuidText(body, 0),
      userId: uuidText(body, 16),
      expiresAtMs: body.readUIntBE(32, 6),
      createdAtMs: body.readUIntBE(38, 6),
      dev: (county & DEV) !== 0,
      residentCounty: (county & HAS_COUNTY) !== 0 ? String(county & COUNTY_MASK).padStart(6, '0') : null,
    }
  }
}

/** The signer of this deployment: from SESSION_KEY_SECRET; outside production one kept in the store; null otherwise. */
export async function sessionSignerFor(db: Db, config: Pick<Config, 'production' | 'sessionKeySecret'>): Promise<SessionSigner | null> {
  if (config.sessionKeySecret) return new SessionSigner(config.sessionKeySecret)
  if (config.production) return null
  return new SessionSigner(await ensureSecret(db, 'session-token-sign', () => randomBytes(32).toString('base64url')))
}
