/**
 * An app in-process on an in-memory PGlite with a settable clock and a fake WeChat: what most
 * tests use (TOOLCHAIN: keep suites fast on 2 cores).
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import { buildApp, type App, type AppDeps } from '../../src/app'
import { loadConfig, type Config } from '../../src/config'
import { importParsedFiles } from '../../src/content/import'
import { inMemoryFile } from '../../src/content/source-files'
import { setRole, type Role } from '../../src/store/accounts'
import { openDb, type Db } from '../../src/store/db'
import { migrate } from '../../src/store/migrate'
import { generateSampleContent } from '../../content/sample/generate'
import { startFakeWechat, type FakeWechat } from './fake-wechat'

export interface Harness {
  app: FastifyInstance
  reminders: App['reminders']
  db: Db
  wechat: FakeWechat
  config: Config
  clock: { now: Date }
  request(options: InjectOptions): Promise<LightMyRequestResponse>
  /** Dev-login a named user, give it a role, return its token and id. */
  login(name: string, role?: Role, merchantId?: string): Promise<{ token: string; userId: string; sessionId: string }>
  close(): Promise<void>
}

export const HAS_CHINESE = /[\u4e00-\u9fff]/

export async function startHarness(
  env: Record<string, string> = {},
  options: { db?: Db; seed?: boolean; deps?: Omit<Partial<AppDeps>, 'config' | 'db' | 'now'> } = {},
): Promise<Harness> {
  const wechat = await startFakeWechat()
  const config = loadConfig({
    NODE_ENV: 'test',
    // The development sign-in these tests log in with exists only in demo mode.
    DEMO_MODE: '1',
    STATIC_DIR: '',
    WECHAT_API_BASE: wechat.baseUrl,
    WECHAT_APPID: 'wx-test-app',
    WECHAT_SECRET: 'test-secret',
    WECHAT_TIMEOUT_MS: '1000',
    RATE_LIMIT_IP_PER_MINUTE: '100000',
    RATE_LIMIT_USER_PER_MINUTE: '100000',
    RATE_LIMIT_LOGIN_PER_MINUTE: '100000',
    LOG_LEVEL: 'silent',
    ...env,
  })
  const db = options.db ?? (await openDb({ engine: 'pglite', dataDir: null }))
  await migrate(db)
  const clock = { now: new Date() }
  if (options.seed !== false) {
    const seeded = await importParsedFiles(db, [inMemoryFile('sample', generateSampleContent(clock.now))], { source: 'test' })
    if (!seeded.ok) throw new Error(`sample rejected: ${JSON.stringify(seeded.problems)}`)
  }
  const { app, reminders, shutdown } = await buildApp({ config, db, now: () => clock.now, logger: false, ...options.deps })
  await app.ready()
  const request = (injectOptions: InjectOptions) => app.inject(injectOptions)
  return {
    app,
    reminders,
    db,
    wechat,
    config,
    clock,
    request,
    async login(name, role = 'resident', merchantId) {
      const response = await request({ method: 'POST', url: '/api/v1/auth/dev', payload: { name } })
      if (response.statusCode !== 200) throw new Error(`dev login failed: ${response.body}`)
      const { token, user } = response.json().data
      if (role !== 'resident') await setRole(db, user.id, role, merchantId ?? null)
      const me = await request({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })
      return { token, userId: user.id, sessionId: me.json().data.session.id }
    },
    async close() {
      await shutdown()
      await wechat.close()
    },
  }
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
