/**
 * How the mini-program signs in: wx.login gives a one-time code (valid 5 minutes, single use,
 * WECHAT.md "Privacy and login") that the server exchanges with code2Session for the openid and
 * its own session token; WeChat's session_key never reaches the phone. The H5 build uses login.ts.
 */
import Taro from '@tarojs/taro'
import { ApiError } from '../api/errors'
import { isSinglePageMode, SINGLE_PAGE_MODE_MESSAGE } from './single-page-mode'

export interface LoginRequest {
  path: string
  body: Record<string, string>
}

export const DEV_RESIDENT_NAME = '示例居民'

/** The mini-program has no demo accounts: WeChat sign-in only. */
export function devAccounts(): readonly { name: string; title: string }[] {
  return []
}

export function devLoginEnabled(): boolean {
  return false
}

/** wx.login is always there. */
export function canSignIn(): boolean {
  return true
}

export function canSwitchDevAccount(): boolean {
  return false
}

export async function loginRequest(): Promise<LoginRequest> {
  // 朋友圈's 单页模式 allows no wx.login (WECHAT.md, share): say so rather than "登录没有成功".
  if (isSinglePageMode()) throw new ApiError('LOGIN_FAILED', SINGLE_PAGE_MODE_MESSAGE, 0)
  let code: string | undefined
  try {
    code = (await Taro.login()).code
  } catch {
    code = undefined
  }
  if (!code) throw new ApiError('LOGIN_FAILED', '微信登录没有成功，请稍后再试', 0)
  return { path: '/api/v1/auth/wechat', body: { code } }
}
