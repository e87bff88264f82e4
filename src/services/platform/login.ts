/**
 * How this platform signs in (H5). A browser has no wx.login, so H5 can only use the server's
 * development login, and only in builds made with TARO_APP_DEV_LOGIN=true (local runs and the
 * browser tests); the production server does not even register that route. The weapp build uses
 * login.weapp.ts instead.
 */
import { ApiError } from '../api/errors'
import { readStored, writeStored } from './storage'

export interface LoginRequest {
  path: string
  body: Record<string, string>
}

/** What every demo resident's name starts with: the account is sample data (示例), said in its name. */
export const DEV_RESIDENT_NAME = '示例居民'

const DEMO_RESIDENT_KEY = 'demo-resident-name'
/** 示例居民-<8 of [0-9a-z]>: 13 characters, inside the dev login's 20 (server/src/routes/accounts.ts). */
const DEMO_RESIDENT_NAME = new RegExp(`^${DEV_RESIDENT_NAME}-[0-9a-z]{8}$`)
const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz'

function randomSuffix(length: number): string {
  const bytes = new Uint8Array(length)
  if (typeof crypto !== 'undefined' && typeof crypto.getRandomValues === 'function') crypto.getRandomValues(bytes)
  else for (let index = 0; index < length; index += 1) bytes[index] = Math.floor(Math.random() * 256)
  return Array.from(bytes, (byte) => ALPHABET[byte % ALPHABET.length]).join('')
}

/**
 * This browser's own demo resident (issue 19 item 9): made on first use and kept in the browser,
 * so two visitors of the demo never share one wallet and one set of claim limits.
 */
export function demoResidentName(): string {
  const stored = readStored<string>(DEMO_RESIDENT_KEY)
  if (typeof stored === 'string' && DEMO_RESIDENT_NAME.test(stored)) return stored
  const name = `${DEV_RESIDENT_NAME}-${randomSuffix(8)}`
  writeStored(DEMO_RESIDENT_KEY, name)
  return name
}

/** Accounts a visitor of the demo may switch to on H5, each by an explicit tap: their own demo resident, a sample merchant. */
export function devAccounts(): readonly { name: string; title: string }[] {
  return [
    { name: demoResidentName(), title: '示例居民' },
    { name: '示例商户-1', title: '示例商户（核销）' },
  ]
}

export function devLoginEnabled(): boolean {
  return process.env.TARO_APP_DEV_LOGIN === 'true'
}

/**
 * Whether a resident can sign in here at all. A browser can only through the development login,
 * so a production H5 build cannot: features kept on the server (公布时提醒) say why instead of
 * offering a sign-in that is bound to fail.
 */
export function canSignIn(): boolean {
  return devLoginEnabled()
}

/** Whether this build can switch between the development accounts above. */
export function canSwitchDevAccount(): boolean {
  return devLoginEnabled()
}

/** Without a name: this browser's demo resident; a merchant only when asked for by name. */
export async function loginRequest(devName?: string): Promise<LoginRequest> {
  if (!devLoginEnabled()) {
    throw new ApiError('LOGIN_UNAVAILABLE', '网页版不能登录，请在微信里打开“衢惠通”小程序领券', 0)
  }
  return { path: '/api/v1/auth/dev', body: { name: devName ?? demoResidentName() } }
}
