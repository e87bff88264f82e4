/**
 * The app in-process for the voucher tests, on the engine asked for: 'pglite' (in memory),
 * 'postgres' (TEST_DATABASE_URL, a throwaway schema) or 'redis' (TEST_REDIS_URL with a key prefix
 * of its own, PostgreSQL as the record when TEST_DATABASE_URL is set, else PGlite). A settable
 * clock; background timers off, so a test runs the jobs itself.
 */
import { randomUUID } from 'node:crypto'
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import { buildApp, type AppDeps } from '../../src/app'
import { loadConfig } from '../../src/config'
import { importParsedFiles } from '../../src/content/import'
import { inMemoryFile } from '../../src/content/source-files'
import { openDb, type Db } from '../../src/store/db'
import { dropSchema } from '../../src/store/postgres-db'
import { migrate } from '../../src/store/migrate'
import { generateSampleContent } from '../../content/sample/generate'
import type { VoucherService } from '../../src/vouchers/service'

export type EngineName = 'pglite' | 'postgres' | 'redis'

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL || undefined

/** Why an engine's tests cannot run here, or null when they can. */
export function skipReason(engine: EngineName): string | null {
  if (engine === 'postgres' && !TEST_DATABASE_URL) return 'TEST_DATABASE_URL is not set: PostgreSQL voucher tests skipped'
  if (engine === 'redis' && !TEST_REDIS_URL) return 'TEST_REDIS_URL is not set: Redis voucher tests skipped'
  return null
}

export const ENGINES: EngineName[] = ['pglite', 'postgres', 'redis']

export interface Account {
  token: string
  userId: string
}

export interface VoucherHarness {
  engine: EngineName
  app: FastifyInstance
  db: Db
  vouchers: VoucherService
  clock: { now: Date }
  redisPrefix: string | null
  request(options: InjectOptions): Promise<LightMyRequestResponse>
  login(
    name: string,
    options?: { role?: 'resident' | 'merchant' | 'operator'; merchantId?: string; county?: string | null },
  ): Promise<Account>
  close(): Promise<void>
}

export interface HarnessOptions {
  now?: Date
  seed?: boolean
  env?: Record<string, string>
  vouchers?: AppDeps['vouchers']
  /** Reuse a store (e.g. to start a second app on the same data after a crash). */
  db?: Db
  redisPrefix?: string
}

export async function startVoucherHarness(engine: EngineName, options: HarnessOptions = {}): Promise<VoucherHarness> {
  const schema = `t_vouchers_${randomUUID().replace(/-/g, '').slice(0, 12)}`
  const usePostgres = engine === 'postgres' || (engine === 'redis' && TEST_DATABASE_URL !== undefined)
  const ownsDb = !options.db
  const db =
    options.db ??
    (usePostgres
      ? await openDb({ engine: 'postgres', url: TEST_DATABASE_URL!, schema, maxConnections: 20 })
      : await openDb({ engine: 'pglite', dataDir: null }))
  const redisPrefix = engine === 'redis' ? (options.redisPrefix ?? `test-${randomUUID().slice(0, 8)}:`) : null
  const config = loadConfig({
    NODE_ENV: 'test',
    // The development sign-in these tests log in with exists only in demo mode.
    DEMO_MODE: '1',
    STATIC_DIR: '',
    LOG_LEVEL: 'silent',
    RATE_LIMIT_IP_PER_MINUTE: '1000000',
    RATE_LIMIT_USER_PER_MINUTE: '1000000',
    RATE_LIMIT_LOGIN_PER_MINUTE: '1000000',
    CLAIM_RATE_LIMIT_USER_PER_10S: '1000000',
    CLAIM_RATE_LIMIT_IP_PER_10S: '1000000',
    ...(engine === 'redis' ? { REDIS_URL: TEST_REDIS_URL!, REDIS_KEY_PREFIX: redisPrefix! } : {}),
    ...options.env,
  })
  const clock = { now: options.now ?? new Date() }
  if (ownsDb) {
    await migrate(db)
    if (options.seed !== false) {
      const seeded = await importParsedFiles(db, [inMemoryFile('sample', generateSampleContent(clock.now))], { source: 'test' })
      if (!seeded.ok) throw new Error(`sample rejected: ${JSON.stringify(seeded.problems)}`)
    }
  }
  const built = await buildApp({ config, db, now: () => clock.now, logger: false, vouchers: { timers: false, ...options.vouchers } })
  await built.app.ready()
  const request = (injectOptions: InjectOptions) => built.app.inject(injectOptions)
  let closed = false
  return {
    engine,
    app: built.app,
    db,
    vouchers: built.vouchers,
    clock,
    redisPrefix,
    request,
    async login(name, loginOptions = {}) {
      const response = await request({ method: 'POST', url: '/api/v1/auth/dev', payload: { name, ...loginOptions } })
      if (response.statusCode !== 200) throw new Error(`dev login failed: ${response.body}`)
      const { token, user } = response.json().data
      return { token, userId: user.id }
    },
    async close() {
      if (closed) return
      closed = true
      if (redisPrefix && built.vouchers.engine.kind === 'redis') {
        const { RedisClaimEngine } = await import('../../src/vouchers/redis-engine')
        if (built.vouchers.engine instanceof RedisClaimEngine && !options.redisPrefix) await built.vouchers.engine.purgeAll()
      }
      if (ownsDb) {
        await built.shutdown()
        if (usePostgres) await dropSchema(TEST_DATABASE_URL!, schema)
      } else {
        await built.app.close()
      }
    },
  }
}

export const bearer = (account: Account) => ({ authorization: `Bearer ${account.token}` })

let keyCounter = 0
/** A fresh Idempotency-Key, as a new tap makes. */
export function newKey(): string {
  keyCounter += 1
  return `k${process.pid}-${Date.now().toString(36)}-${keyCounter}`
}
