/**
 * Sign-in only when needed, against a real HTTP server: the H5 development login, one login for
 * callers asking at once, the stored session reused until it expires, and a plain refusal on an H5
 * build without the development login.
 */
import { useSessionStore } from '../store/session'
import { devLoginHandler, apiTestServerForSuite, testSession } from '../test/api-test-server'
import { createApiClient } from './api/client'
import { createAuth, sessionFromLogin } from './auth'

const server = apiTestServerForSuite()

beforeEach(() => {
  server.on(devLoginHandler({ id: 'u-merchant', role: 'merchant', merchantId: 'm-1' }))
  useSessionStore.setState({ session: null })
  process.env.TARO_APP_DEV_LOGIN = 'true'
  localStorage.clear()
})

const auth = () => createAuth(createApiClient({ baseUrl: server.baseUrl, getRetries: 0, timeoutMs: 2000 }))
const logins = () => server.requests.filter((request) => request.path === '/api/v1/auth/dev')

test('callers asking at once share one login; the session is stored with the role and merchant', async () => {
  const { ensureLogin } = auth()
  const [a, b] = await Promise.all([ensureLogin(), ensureLogin()])
  expect(logins()).toHaveLength(1)
  expect(logins()[0].body).toEqual({ name: expect.stringMatching(/^示例居民-[0-9a-z]{8}$/) })
  expect(a).toBe(b)
  expect(useSessionStore.getState().session).toMatchObject({
    token: 'tok-dev-u-merchant',
    userId: 'u-merchant',
    role: 'merchant',
    merchantId: 'm-1',
    displayName: (logins()[0].body as { name: string }).name,
  })
  await ensureLogin()
  expect(logins()).toHaveLength(1)
})

test('each browser signs in as its own demo resident, still marked 示例; the same browser keeps it', async () => {
  await auth().ensureLogin()
  useSessionStore.setState({ session: null })
  await auth().ensureLogin()
  // Another browser: nothing stored.
  localStorage.clear()
  useSessionStore.setState({ session: null })
  await auth().ensureLogin()
  const [first, again, other] = logins().map((request) => (request.body as { name: string }).name)
  expect(first).toMatch(/^示例居民-[0-9a-z]{8}$/)
  expect(again).toBe(first)
  expect(other).toMatch(/^示例居民-[0-9a-z]{8}$/)
  expect(other).not.toBe(first)
})

test('switching to the demo merchant is explicit; switching back is to this browser\'s demo resident', async () => {
  await auth().signInAs('示例商户-1')
  await auth().signInAs()
  const [merchant, resident] = logins().map((request) => (request.body as { name: string }).name)
  expect(merchant).toBe('示例商户-1')
  expect(resident).toMatch(/^示例居民-[0-9a-z]{8}$/)
})

test('an expired session signs in again', async () => {
  useSessionStore.setState({ session: testSession({ expiresAt: new Date(Date.now() - 1000).toISOString() }) })
  await auth().ensureLogin()
  expect(logins()).toHaveLength(1)
})

test('signInAs switches to another development account', async () => {
  useSessionStore.setState({ session: testSession() })
  await auth().signInAs('示例商户-1')
  expect(logins()[0].body).toEqual({ name: '示例商户-1' })
})

test('an H5 build without the development login refuses in plain words and asks the server nothing', async () => {
  process.env.TARO_APP_DEV_LOGIN = undefined
  delete process.env.TARO_APP_DEV_LOGIN
  await expect(auth().ensureLogin()).rejects.toMatchObject({ code: 'LOGIN_UNAVAILABLE', message: expect.stringContaining('微信') })
  expect(server.requests).toHaveLength(0)
})

test('the display name prefers the WeChat nickname, then the dev name, then the role', () => {
  const base = { token: 't', expiresAt: '2030-01-01T00:00:00+08:00' }
  const user = { id: 'u', role: 'resident' as const, merchantId: null }
  expect(sessionFromLogin({ ...base, user: { ...user, nickname: '老王', devName: 'x' } }).displayName).toBe('老王')
  expect(sessionFromLogin({ ...base, user: { ...user, nickname: null, devName: null } }).displayName).toBe('居民')
})
