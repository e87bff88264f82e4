/**
 * How this platform signs in (H5). A browser has no wx.login, so H5 can only use the server's
 * development login, and only in builds made with TARO_APP_DEV_LOGIN=true (local runs and the
 * browser tests); the production server does not even register that route. The weapp build uses
 * login.weapp.ts instead.
 */
import { ApiError } from '../api/errors'

export interface LoginRequest {
  path: string
  body: Record<string, string>
}

/** The resident the H5 development build signs in as. */
export const DEV_RESIDENT_NAME = '示例居民'

/** Accounts seeded by the server's sample content that a developer may switch to on H5. */
export const DEV_ACCOUNTS: readonly { name: string; title: string }[] = [
  { name: DEV_RESIDENT_NAME, title: '示例居民' },
  { name: '示例商户-1', title: '示例商户（核销）' },
]

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

export async function loginRequest(devName: string = DEV_RESIDENT_NAME): Promise<LoginRequest> {
  if (!devLoginEnabled()) {
    throw new ApiError('LOGIN_UNAVAILABLE', '网页版不能登录，请在微信里打开“衢惠通”小程序领券', 0)
  }
  return { path: '/api/v1/auth/dev', body: { name: devName } }
}
