/**
 * A small real HTTP server on loopback for component tests of screens that talk to the API: the
 * screens go through the real client and Taro.request (no mock of either), the test decides each
 * answer and reads what was sent. A handler may `drop` a request (the socket is closed with no
 * answer) to play a network failure.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { configureApi } from '../services/api'
import type { ApiClientOptions } from '../services/api/client'
import { useResources, type Resource } from '../store/resource'
import type { Session } from '../store/session'

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

/** The handlers and the record of one test server, whether it answers over a socket or in-process. */
function dispatcher() {
  let handlers: RequestHandler[] = []
  const requests: RecordedRequest[] = []
  return {
    requests,
    answer(request: RecordedRequest): Reply | undefined {
      requests.push(request)
      for (const handler of [...handlers].reverse()) {
        const reply = handler(request)
        if (reply) return reply
      }
      return undefined
    },
    on: (handler: RequestHandler) => void handlers.push(handler),
    reset: () => {
      handlers = []
      requests.length = 0
    },
  }
}

const NOT_FOUND = { error: { code: 'NOT_FOUND', message: '没有找到相关内容' } }

export async function startApiTestServer(): Promise<ApiTestServer> {
  const { requests, answer, on, reset } = dispatcher()
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
      const reply = answer({ method: req.method ?? '', path: url.pathname, query: url.searchParams, headers: req.headers, body })
      if (reply?.drop) {
        req.socket.destroy()
        return
      }
      const status = reply?.status ?? 404
      const payload = reply ? reply.body : NOT_FOUND
      res.writeHead(status, { 'Content-Type': 'application/json', ...(reply?.headers ?? {}) })
      res.end(payload === undefined ? '' : JSON.stringify(payload))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    on,
    reset,
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/**
 * The same server answering in-process, with no socket: for tests that drive the clock with jest's
 * fake timers, under which a real request never completes. Point the client at it with `useApiAt`.
 */
export function inProcessApiServer(): ApiTestServer & { transport: NonNullable<ApiClientOptions['transport']> } {
  const { requests, answer, on, reset } = dispatcher()
  return {
    baseUrl: 'http://in-process.test',
    requests,
    on,
    reset,
    close: async () => undefined,
    async transport({ url, method, data, header }) {
      const parsed = new URL(url)
      const headers = Object.fromEntries(Object.entries(header).map(([name, value]) => [name.toLowerCase(), value]))
      const reply = answer({ method, path: parsed.pathname, query: parsed.searchParams, headers, body: data === undefined ? undefined : JSON.parse(JSON.stringify(data)) })
      if (reply?.drop) throw { errMsg: 'request:fail' }
      return { statusCode: reply?.status ?? 404, data: reply ? (reply.body ?? null) : NOT_FOUND, header: reply?.headers ?? {} }
    },
  }
}

/**
 * The one test seam: points the one API client at a test server (no retries, short timeout, no
 * waiting), so every store and screen talks to it through the real client.
 */
export function useApiAt(server: Pick<ApiTestServer, 'baseUrl'> & { transport?: ApiClientOptions['transport'] }): void {
  configureApi({ baseUrl: server.baseUrl, transport: server.transport, timeoutMs: 3000, getRetries: 0, sleep: () => Promise.resolve() })
}

/**
 * Starts a loopback server with the app's own sign-in (the dev login, as in the H5 test builds)
 * allowed and the app's API client pointed at it, for suites that sign in during a test.
 */
export async function startSignInTestServer(): Promise<ApiTestServer> {
  const server = await startApiTestServer()
  process.env.TARO_APP_DEV_LOGIN = 'true'
  // eslint-disable-next-line react-hooks/rules-of-hooks -- useApiAt is the test seam above, not a React hook
  useApiAt(server)
  return server
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

/** A key of the resource cache as just answered by the server, with no request made. */
export function seedResource<T>(key: string, data: T, meta?: Record<string, unknown>): void {
  const entry: Resource<T> = { data, source: 'server', fetchedAt: Date.now(), meta, loading: false, error: null }
  useResources.setState((state) => ({ entries: { ...state.entries, [key]: entry } }))
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
