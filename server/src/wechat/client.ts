/**
 * The one way to WeChat's server APIs. The base URL is configuration, so tests point it at a fake
 * on loopback. Only code2Session lives here for now; stable_token and subscribeMessage.send
 * (reminders, issue 7) belong beside it.
 *
 * code2Session answers success with openid + session_key and *no* errcode; failures carry errcode:
 * 40029 invalid code, 40163 code already used, 45011 rate limited, 40226 high-risk user, -1 busy.
 */
import { ApiError } from '../http/errors'

export interface WechatLogin {
  openid: string
  unionid?: string
  sessionKey: string
}

export interface WechatOptions {
  baseUrl: string
  appId?: string
  secret?: string
  timeoutMs: number
}

const ERRCODES: Record<number, [status: number, code: string, message: string, retryAfter?: number]> = {
  40029: [400, 'WECHAT_CODE_INVALID', '微信登录凭证无效或已过期，请重新登录'],
  40163: [400, 'WECHAT_CODE_USED', '微信登录凭证已被使用，请重新登录'],
  45011: [429, 'WECHAT_RATE_LIMITED', '登录太频繁，请稍后再试', 60],
  40226: [403, 'WECHAT_HIGH_RISK_USER', '该微信账号暂时无法登录，请在微信中完成安全验证后再试'],
  [-1]: [503, 'WECHAT_BUSY', '微信服务繁忙，请稍后再试', 5],
}

export class WechatClient {
  constructor(private readonly options: WechatOptions) {}

  get configured(): boolean {
    return Boolean(this.options.appId && this.options.secret)
  }

  async code2Session(code: string): Promise<WechatLogin> {
    if (!this.configured) throw new ApiError(503, 'WECHAT_NOT_CONFIGURED', '服务器未配置微信登录，请使用其他方式登录')
    const url = new URL(`${this.options.baseUrl}/sns/jscode2session`)
    url.searchParams.set('appid', this.options.appId!)
    url.searchParams.set('secret', this.options.secret!)
    url.searchParams.set('js_code', code)
    url.searchParams.set('grant_type', 'authorization_code')
    let body: Record<string, unknown>
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(this.options.timeoutMs) })
      body = (await response.json()) as Record<string, unknown>
    } catch {
      throw new ApiError(502, 'WECHAT_UNREACHABLE', '暂时连不上微信服务，请稍后再试', 5)
    }
    const errcode = typeof body.errcode === 'number' ? body.errcode : 0
    if (errcode !== 0) {
      const known = ERRCODES[errcode]
      if (known) throw new ApiError(known[0], known[1], known[2], known[3])
      throw new ApiError(502, 'WECHAT_ERROR', `微信登录失败（错误码 ${errcode}），请稍后再试`)
    }
    if (typeof body.openid !== 'string' || typeof body.session_key !== 'string' || body.openid === '') {
      throw new ApiError(502, 'WECHAT_BAD_RESPONSE', '微信登录返回的数据不完整，请稍后再试')
    }
    return { openid: body.openid, sessionKey: body.session_key, ...(typeof body.unionid === 'string' ? { unionid: body.unionid } : {}) }
  }
}
