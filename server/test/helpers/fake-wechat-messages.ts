/**
 * The subscribe-message half of the fake WeChat (fake-wechat.ts routes /cgi-bin/* here):
 *
 * POST /cgi-bin/stable_token — checks appid/secret, answers { access_token, expires_in }. In normal
 *   mode it hands back the current token while that is not expired (as WeChat does); force_refresh
 *   issues a new one. `expireToken()` makes sends with the current token answer 42001 and the next
 *   normal-mode call issue a new one; `invalidateToken()` makes them answer 40001 while normal mode
 *   keeps returning the stale token, so only force_refresh helps.
 * POST /cgi-bin/message/subscribe/send — checks the token, then validates the data the way WeChat
 *   does (thing ≤ 20 characters, phrase ≤ 5 汉字, …: 47003), then answers what was scripted for
 *   the next sends (`script(43101, 47003, 40003, 40037, -1, 'network', 'hang', 'ok')`), else
 *   success. With `enforceCredits`, a send needs a credit granted with `grant()` (one accepted
 *   one-time subscription) and answers 43101 without one, like WeChat. 'hang' delivers the message
 *   (and uses the credit) but never answers: a process dying after WeChat accepted.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'

export type ScriptedAnswer = number | 'ok' | 'network' | 'hang' | 'bad-json'

export interface SendRequest {
  touser: string
  template_id: string
  page?: string
  data: Record<string, { value: string }>
  miniprogram_state?: string
  lang?: string
  accessToken: string
}

export interface FakeSubscribeMessages {
  tokenCalls: { forceRefresh: boolean }[]
  /** Every send request that got past the token check, whatever it answered. */
  attempts: (SendRequest & { answer: string })[]
  /** Messages the resident would see. */
  delivered: SendRequest[]
  enforceCredits: boolean
  currentToken(): string
  grant(openid: string, templateId: string, count?: number): void
  creditsOf(openid: string, templateId: string): number
  script(...answers: ScriptedAnswer[]): void
  scriptFor(openid: string, ...answers: ScriptedAnswer[]): void
  expireToken(): void
  invalidateToken(): void
  /** Answers every hung request (with success), so sockets close. */
  releaseHangs(): void
  reset(): void
  handle(request: IncomingMessage, response: ServerResponse, url: URL): boolean
}

const HAN_ONLY = /^[\u3400-\u9fff]+$/

/** The checks behind 47003, as far as the fake needs them. */
function dataProblem(data: unknown): string | null {
  if (data === null || typeof data !== 'object') return 'data missing'
  for (const [key, entry] of Object.entries(data as Record<string, unknown>)) {
    const value = (entry as { value?: unknown } | null)?.value
    if (typeof value !== 'string' || value === '') return `${key} empty`
    const length = Array.from(value).length
    if (key.startsWith('thing') && length > 20) return `${key} longer than 20`
    if (key.startsWith('phrase') && (length > 5 || !HAN_ONLY.test(value))) return `${key} not a phrase`
    if (key.startsWith('time') && !/^\d{4}年\d{1,2}月\d{1,2}日( \d{2}:\d{2})?(~\d{4}年\d{1,2}月\d{1,2}日( \d{2}:\d{2})?)?$/.test(value)) return `${key} not a time`
    if (key.startsWith('amount') && !/^\d{1,10}(\.\d{1,2})?元$/.test(value)) return `${key} not an amount`
  }
  return null
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown> | null> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  try {
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'))
    return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : null
  } catch {
    return null
  }
}

export function createFakeSubscribeMessages(credentials: { appId: string; secret: string }): FakeSubscribeMessages {
  let tokenNumber = 1
  let token = 'tok-1'
  let tokenState: 'valid' | 'expired' | 'invalid' = 'valid'
  const retired = new Map<string, number>()
  const ledger = new Map<string, number>()
  let queue: ScriptedAnswer[] = []
  const perUser = new Map<string, ScriptedAnswer[]>()
  const hung: ServerResponse[] = []

  const issue = () => {
    retired.set(token, tokenState === 'invalid' ? 40001 : 42001)
    tokenNumber += 1
    token = `tok-${tokenNumber}`
    tokenState = 'valid'
  }
  const creditKey = (openid: string, templateId: string) => `${openid} ${templateId}`

  const fake: FakeSubscribeMessages = {
    tokenCalls: [],
    attempts: [],
    delivered: [],
    enforceCredits: false,
    currentToken: () => token,
    grant(openid, templateId, count = 1) {
      ledger.set(creditKey(openid, templateId), (ledger.get(creditKey(openid, templateId)) ?? 0) + count)
    },
    creditsOf: (openid, templateId) => ledger.get(creditKey(openid, templateId)) ?? 0,
    script(...answers) {
      queue.push(...answers)
    },
    scriptFor(openid, ...answers) {
      perUser.set(openid, [...(perUser.get(openid) ?? []), ...answers])
    },
    expireToken() {
      tokenState = 'expired'
    },
    invalidateToken() {
      tokenState = 'invalid'
    },
    releaseHangs() {
      for (const response of hung.splice(0)) {
        if (!response.writableEnded && !response.destroyed) response.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}')
      }
    },
    reset() {
      queue = []
      perUser.clear()
      ledger.clear()
      fake.attempts.length = 0
      fake.delivered.length = 0
      fake.tokenCalls.length = 0
      fake.enforceCredits = false
      fake.releaseHangs()
    },
    handle(request, response, url) {
      const send = (body: unknown) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body))
      if (url.pathname === '/cgi-bin/stable_token' && request.method === 'POST') {
        void readJson(request).then((body) => {
          if (!body || body.grant_type !== 'client_credential') return send({ errcode: 40002, errmsg: 'invalid grant_type' })
          if (body.appid !== credentials.appId) return send({ errcode: 40013, errmsg: 'invalid appid' })
          if (body.secret !== credentials.secret) return send({ errcode: 40125, errmsg: 'invalid appsecret' })
          const forceRefresh = body.force_refresh === true
          fake.tokenCalls.push({ forceRefresh })
          if (forceRefresh || tokenState === 'expired') issue()
          return send({ access_token: token, expires_in: 7200 })
        })
        return true
      }
      if (url.pathname === '/cgi-bin/message/subscribe/send' && request.method === 'POST') {
        const accessToken = url.searchParams.get('access_token') ?? ''
        void readJson(request).then((body) => {
          if (accessToken !== token) return send({ errcode: retired.get(accessToken) ?? 40001, errmsg: 'invalid credential, access_token is invalid or not latest' })
          if (tokenState !== 'valid') return send({ errcode: tokenState === 'expired' ? 42001 : 40001, errmsg: 'access_token expired or invalid' })
          if (!body) return send({ errcode: 47001, errmsg: 'data format error' })
          const message = { ...(body as unknown as SendRequest), accessToken }
          const answer = (label: string) => fake.attempts.push({ ...message, answer: label })
          if (typeof message.touser !== 'string' || message.touser === '') {
            answer('40003')
            return send({ errcode: 40003, errmsg: 'invalid openid' })
          }
          const problem = dataProblem(message.data)
          if (problem) {
            answer('47003')
            return send({ errcode: 47003, errmsg: `argument invalid! ${problem}` })
          }
          const scripted = perUser.get(message.touser)?.shift() ?? queue.shift() ?? 'ok'
          if (scripted === 'network') {
            answer('network')
            response.destroy()
            return undefined
          }
          if (scripted === 'bad-json') {
            answer('bad-json')
            return response.writeHead(502).end('<html>bad gateway</html>')
          }
          if (typeof scripted === 'number') {
            answer(String(scripted))
            return send({ errcode: scripted, errmsg: `scripted ${scripted}` })
          }
          const key = creditKey(message.touser, message.template_id)
          if (fake.enforceCredits && (ledger.get(key) ?? 0) <= 0) {
            answer('43101')
            return send({ errcode: 43101, errmsg: 'user refuse to accept the msg' })
          }
          if (fake.enforceCredits) ledger.set(key, (ledger.get(key) ?? 0) - 1)
          fake.delivered.push(message)
          answer(scripted)
          if (scripted === 'hang') {
            hung.push(response)
            return undefined
          }
          return send({ errcode: 0, errmsg: 'ok', msgid: fake.delivered.length })
        })
        return true
      }
      return false
    },
  }
  return fake
}
