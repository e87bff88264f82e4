/**
 * subscribeMessage.send, with an access token from stable_token, through the same configurable
 * base URL as code2Session (wechat/client.ts), so tests talk to a fake WeChat on loopback.
 *
 * - The token comes from POST /cgi-bin/stable_token (not the old /cgi-bin/token): every process
 *   asking in normal mode gets the same token while it is valid, so several server processes do
 *   not invalidate each other. It is cached until shortly before `expires_in` runs out.
 * - When a send answers 40001 / 42001 / 40014 (token invalid or expired), the token is fetched
 *   again — in normal mode first, and with force_refresh only if WeChat hands back the very token
 *   that just failed — and the send is tried once more.
 * - Everything else is returned, not thrown: what an errcode means for the reminder (spend the
 *   credit, retry, give up) is the scheduler's decision (reminders/scheduler.ts).
 */
import type { WechatOptions } from './client'

export interface SubscribeMessageRequest {
  touser: string
  templateId: string
  /** Mini-program page opened from the message, with its query. */
  page?: string
  data: Record<string, { value: string }>
}

export type SubscribeSendResult =
  | { kind: 'sent'; msgid?: string }
  | { kind: 'wechat-error'; errcode: number; errmsg: string }
  /** No answer, a broken connection, a timeout or a body that is not WeChat's JSON. */
  | { kind: 'network'; errmsg: string }
  /** stable_token itself failed, so nothing was sent. */
  | { kind: 'token-error'; errcode: number | null; errmsg: string }

export type MiniprogramState = 'developer' | 'trial' | 'formal'

export interface SubscribeMessengerOptions extends WechatOptions {
  miniprogramState: MiniprogramState
}

/** Token errors after which a fresh token may succeed. */
export const TOKEN_ERRCODES: ReadonlySet<number> = new Set([40001, 42001, 40014])

/** Refresh this long before WeChat's expiry, so a token never dies between fetch and use. */
const TOKEN_EXPIRY_MARGIN_MS = 5 * 60_000

class TokenError extends Error {
  constructor(
    readonly errcode: number | null,
    message: string,
  ) {
    super(message)
  }
}

async function postJson(url: string, body: unknown, timeoutMs: number, signal?: AbortSignal): Promise<Record<string, unknown>> {
  const timeout = AbortSignal.timeout(timeoutMs)
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: signal ? AbortSignal.any([timeout, signal]) : timeout,
  })
  const parsed: unknown = await response.json()
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('WeChat answered with something other than a JSON object')
  return parsed as Record<string, unknown>
}

export class SubscribeMessenger {
  private cached: { token: string; refreshAtMs: number } | null = null
  private pending: Promise<string> | null = null
  /** stable_token calls made, for tests and logs. */
  tokenFetches = 0

  constructor(
    private readonly options: SubscribeMessengerOptions,
    private readonly now: () => number = Date.now,
  ) {}

  get configured(): boolean {
    return Boolean(this.options.appId && this.options.secret)
  }

  /** The cached token, or one fetched now; concurrent callers share one fetch. */
  async accessToken(signal?: AbortSignal): Promise<string> {
    if (this.cached && this.now() < this.cached.refreshAtMs) return this.cached.token
    this.pending ??= this.fetchToken(false, signal).finally(() => {
      this.pending = null
    })
    return this.pending
  }

  /** After `failed` was refused: a token that is not `failed`, forcing WeChat to issue one if needed. */
  private async replaceToken(failed: string, signal?: AbortSignal): Promise<string> {
    if (this.cached?.token === failed) this.cached = null
    const fresh = await this.accessToken(signal)
    if (fresh !== failed) return fresh
    return this.fetchToken(true, signal)
  }

  private async fetchToken(forceRefresh: boolean, signal?: AbortSignal): Promise<string> {
    if (!this.configured) throw new TokenError(null, 'WECHAT_APPID / WECHAT_SECRET are not set')
    this.tokenFetches += 1
    let body: Record<string, unknown>
    try {
      body = await postJson(
        `${this.options.baseUrl}/cgi-bin/stable_token`,
        { grant_type: 'client_credential', appid: this.options.appId, secret: this.options.secret, force_refresh: forceRefresh },
        this.options.timeoutMs,
        signal,
      )
    } catch (error) {
      throw new TokenError(null, `stable_token unreachable: ${error instanceof Error ? error.message : String(error)}`)
    }
    const errcode = typeof body.errcode === 'number' ? body.errcode : 0
    if (errcode !== 0) throw new TokenError(errcode, `stable_token ${errcode}: ${String(body.errmsg ?? '')}`)
    if (typeof body.access_token !== 'string' || body.access_token === '' || typeof body.expires_in !== 'number') {
      throw new TokenError(null, 'stable_token answered without access_token / expires_in')
    }
    const lifetimeMs = body.expires_in * 1000
    this.cached = { token: body.access_token, refreshAtMs: this.now() + Math.max(lifetimeMs / 2, lifetimeMs - TOKEN_EXPIRY_MARGIN_MS) }
    return body.access_token
  }

  private async sendWith(token: string, request: SubscribeMessageRequest, signal?: AbortSignal): Promise<SubscribeSendResult> {
    let body: Record<string, unknown>
    try {
      body = await postJson(
        `${this.options.baseUrl}/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`,
        {
          touser: request.touser,
          template_id: request.templateId,
          ...(request.page ? { page: request.page } : {}),
          data: request.data,
          miniprogram_state: this.options.miniprogramState,
          lang: 'zh_CN',
        },
        this.options.timeoutMs,
        signal,
      )
    } catch (error) {
      return { kind: 'network', errmsg: error instanceof Error ? error.message : String(error) }
    }
    const errcode = typeof body.errcode === 'number' ? body.errcode : 0
    if (errcode === 0) return { kind: 'sent', ...(body.msgid !== undefined ? { msgid: String(body.msgid) } : {}) }
    return { kind: 'wechat-error', errcode, errmsg: typeof body.errmsg === 'string' ? body.errmsg : '' }
  }

  async send(request: SubscribeMessageRequest, signal?: AbortSignal): Promise<SubscribeSendResult> {
    try {
      const token = await this.accessToken(signal)
      const first = await this.sendWith(token, request, signal)
      if (first.kind !== 'wechat-error' || !TOKEN_ERRCODES.has(first.errcode)) return first
      return await this.sendWith(await this.replaceToken(token, signal), request, signal)
    } catch (error) {
      if (error instanceof TokenError) return { kind: 'token-error', errcode: error.errcode, errmsg: error.message }
      throw error
    }
  }
}
