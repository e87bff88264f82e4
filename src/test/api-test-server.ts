/**
 * A small real HTTP server on loopback for component tests of screens that talk to the API: the
 * screens go through the real client and Taro.request (no mock of either), the test decides each
 * answer and reads what was sent. A handler may `drop` a request (the socket is closed with no
 * answer) to play a network failure.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { configureApi } from '../services/api'
import { voucherApi } from '../services/api/vouchers'
import { auth } from '../store/auth'
import type { Session } from '../store/session'
import { useVoucherServices } from '../store/voucher-services'

export interface RecordedRequest {
  method: string
  /** Path without the query. */
  path: string
  query: URLSearchParams
  headers: http.IncomingHttpHeaders
  body: unknown
}

export interface Reply {
  status?: number
  body?: unknown
  headers?: Record<string, string>
  /** Close the connection without answering. */
  drop?: boolean
}

export type RequestHandler = (request: RecordedRequest) => Reply | undefined

export interface ApiTestServer {
  baseUrl: string
  requests: RecordedRequest[]
  /** Handlers are tried newest first; the first to return a reply answers. Unhandled → 404. */
  on: (handler: RequestHandler) => void
  reset: () => void
  close: () => Promise<void>
}

export async function startApiTestServer(): Promise<ApiTestServer> {
  let handlers: RequestHandler[] = []
  const requests: RecordedRequest[] = []
  const server = http.createServer((req, res) => {
    // The jsdom page is on another origin: answer CORS like a dev server would.
    res.setHeader('Access-Control-Allow-Origin', '*')
    res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, Idempotency-Key, If-None-Match, Accept')
    res.setHeader('Access-Control-Expose-Headers', 'ETag, Retry-After')
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE')
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end()
      return
    }
    let raw = ''
    req.on('data', (chunk) => (raw += chunk))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://test')
      let body: unknown = raw
      try {
        body = raw ? JSON.parse(raw) : undefined
      } catch {
        body = raw
      }
      const request: RecordedRequest = { method: req.method ?? '', path: url.pathname, query: url.searchParams, headers: req.headers, body }
      requests.push(request)
      let reply: Reply | undefined
      for (const handler of [...handlers].reverse()) {
        reply = handler(request)
        if (reply) break
      }
      if (reply?.drop) {
        req.socket.destroy()
        return
      }
      const status = reply?.status ?? 404
      const payload = reply ? reply.body : { error: { code: 'NOT_FOUND', message: '没有找到相关内容' } }
      res.writeHead(status, { 'Content-Type': 'application/json', ...(reply?.headers ?? {}) })
      res.end(payload === undefined ? '' : JSON.stringify(payload))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    on: (handler) => {
      handlers.push(handler)
    },
    reset: () => {
      handlers = []
      requests.length = 0
    },
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/**
 * For a test file: one loopback server for the whole file, and before each test an empty phone
 * storage and a server with no handlers and no recorded requests (a file's own beforeEach, which
 * runs after this one, adds its handlers). Use the returned server in tests and hooks.
 */
export function apiTestServerForSuite(): ApiTestServer {
  let started: ApiTestServer | null = null
  const current = (): ApiTestServer => {
    if (!started) throw new Error('the API test server starts in beforeAll')
    return started
  }
  beforeAll(async () => {
    started = await startApiTestServer()
  })
  afterAll(() => started?.close())
  beforeEach(() => {
    localStorage.clear()
    current().reset()
  })
  return {
    get baseUrl() {
      return current().baseUrl
    },
    get requests() {
      return current().requests
    },
    on: (handler) => current().on(handler),
    reset: () => current().reset(),
    close: () => current().close(),
  }
}

export const ok = (body: unknown, status = 200, headers?: Record<string, string>): Reply => ({ status, body, headers })
export const fail = (status: number, code: string, message: string, headers?: Record<string, string>): Reply => ({
  status,
  body: { error: { code, message } },
  headers,
})

/**
 * Points the one API client at the test server (no retries, short timeout) and every voucher
 * screen at it, through the real client and login service.
 */
export function useVoucherServicesAt(baseUrl: string): void {
  configureApi({ baseUrl, timeoutMs: 3000, getRetries: 0, sleep: () => Promise.resolve() })
  useVoucherServices.setState({ api: voucherApi, ensureLogin: auth.ensureLogin, claimRetryDelaysMs: [0, 0] })
}

export function testSession(overrides: Partial<Session> = {}): Session {
  return {
    token: 'tok-resident',
    userId: 'u-resident',
    role: 'resident',
    displayName: '示例居民',
    merchantId: null,
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    ...overrides,
  }
}

/** Answers POST /api/v1/auth/dev like the server does for the given account. */
export function devLoginHandler(user: Partial<{ id: string; role: Session['role']; merchantId: string | null }> = {}): RequestHandler {
  return (request) =>
    request.method === 'POST' && request.path === '/api/v1/auth/dev'
      ? ok({
          data: {
            token: `tok-dev-${user.id ?? 'u-resident'}`,
            expiresAt: new Date(Date.now() + 3600_000).toISOString(),
            user: {
              id: user.id ?? 'u-resident',
              role: user.role ?? 'resident',
              merchantId: user.merchantId ?? null,
              nickname: null,
              devName: (request.body as { name?: string })?.name ?? null,
              createdAt: new Date().toISOString(),
            },
          },
        })
      : undefined
}
