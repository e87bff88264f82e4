/**
 * WeChat's session_key is a secret that signs and decrypts the user's data (wx.getPhoneNumber,
 * addPhoneCalendar signatures): it is kept sealed with AES-256-GCM under a key from the config
 * (SESSION_KEY_SECRET), so a copy of the database alone reveals none (issue 16, PIPL art. 51).
 * Outside production, without the variable, a key is generated once and kept in the store.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'
import type { Config } from '../config'
import type { Db } from '../store/db'
import { ensureSecret } from '../store/vouchers'

const VERSION = 'v1'

export class SessionKeyCipher {
  private readonly key: Buffer

  constructor(secret: string) {
    this.key = Buffer.from(hkdfSync('sha256', secret, 'quhuitong', 'wechat-session-key/v1', 32))
  }

  seal(plain: string): string {
    const iv = randomBytes(12)
    const cipher = createCipheriv('aes-256-gcm', this.key, iv)
    const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
    return [VERSION, iv.toString('base64url'), sealed.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.')
  }

  /** The plain session_key, or null when it was sealed under another key or tampered with. */
  open(stored: string): string | null {
    const [version, iv, sealed, tag] = stored.split('.')
    if (version !== VERSION || !iv || !sealed || !tag) return null
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'))
      decipher.setAuthTag(Buffer.from(tag, 'base64url'))
      return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]).toString('utf8')
    } catch {
      return null
    }
  }
}

/** The configured key; outside production one generated and kept in the store; null otherwise (keys are then not kept). */
export async function sessionKeyCipherFor(db: Db, config: Pick<Config, 'production' | 'sessionKeySecret'>): Promise<SessionKeyCipher | null> {
  if (config.sessionKeySecret) return new SessionKeyCipher(config.sessionKeySecret)
  if (config.production) return null
  return new SessionKeyCipher(await ensureSecret(db, 'session-key-seal', () => randomBytes(32).toString('base64url')))
}
