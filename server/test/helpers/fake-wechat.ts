/**
 * A fake of WeChat's code2Session on loopback. The code picks the answer:
 *   'err-40029' | 'err-40163' | 'err-45011' | 'err-40226' | 'err-minus1' → that errcode;
 *   'bad-json' → not JSON; 'slow' → answers after 2 s; anything else → success, *without*
 *   errcode (as WeChat does), openid derived from the code so one code = one WeChat user.
 * stable_token and subscribeMessage.send: fake-wechat-messages.ts, reached as `messages`.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createFakeSubscribeMessages, type FakeSubscribeMessages } from './fake-wechat-messages'

export interface FakeWechat {
  baseUrl: string
  calls: URLSearchParams[]
  messages: FakeSubscribeMessages
  sessionKeyFor(code: string): string
  close(): Promise<void>
}

const ERRORS: Record<string, { errcode: number; errmsg: string }> = {
  'err-40029': { errcode: 40029, errmsg: 'invalid code' },
  'err-40163': { errcode: 40163, errmsg: 'code been used' },
  'err-45011': { errcode: 45011, errmsg: 'api minute-quota reach limit' },
  'err-40226': { errcode: 40226, errmsg: 'high risk user' },
  'err-minus1': { errcode: -1, errmsg: 'system error' },
}

export async function startFakeWechat(): Promise<FakeWechat> {
  const calls: URLSearchParams[] = []
  const sessionKeyFor = (code: string) => `sk-${Buffer.from(code).toString('base64url')}==`
  const messages = createFakeSubscribeMessages({ appId: 'wx-test-app', secret: 'test-secret' })
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://fake')
    if (messages.handle(request, response, url)) return
    if (url.pathname !== '/sns/jscode2session') {
      response.writeHead(404).end()
      return
    }
    calls.push(url.searchParams)
    const code = url.searchParams.get('js_code') ?? ''
    const send = (body: unknown) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body))
    if (url.searchParams.get('appid') !== 'wx-test-app' || url.searchParams.get('secret') !== 'test-secret') return send({ errcode: 40013, errmsg: 'invalid appid' })
    if (ERRORS[code]) return send(ERRORS[code])
    if (code === 'bad-json') return response.writeHead(200).end('<html>oops</html>')
    if (code === 'slow') return void setTimeout(() => send({ openid: 'o-slow', session_key: sessionKeyFor(code) }), 2000)
    const unionid = code.startsWith('union-') ? { unionid: `u-${code}` } : {}
    return send({ openid: `o-${code}`, session_key: sessionKeyFor(code), ...unionid })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    calls,
    messages,
    sessionKeyFor,
    close: () => {
      messages.releaseHangs()
      return new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
