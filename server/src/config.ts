/**
 * Everything the server reads from the environment, validated once at start-up so a typo in a
 * variable stops the process with a clear message instead of misbehaving later.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

const positiveInt = z.coerce.number().int().positive()

const envSchema = z.object({
  NODE_ENV: z.string().default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  /** PostgreSQL connection string; when absent the embedded PGlite store is used. */
  DATABASE_URL: z.string().url().optional(),
  /** Where PGlite keeps its files (`<DATA_DIR>/pglite`). */
  DATA_DIR: z.string().default(path.join(REPO_ROOT, 'data')),
  /** The H5 build served on `/`; absent or empty → the API only. */
  STATIC_DIR: z.string().default(path.join(REPO_ROOT, 'dist/h5')),
  /** The operators' console build (admin/dist) served on /admin; empty, or unset with STATIC_DIR empty (API only) → no console. */
  ADMIN_DIR: z.string().default(path.join(REPO_ROOT, 'admin/dist')),
  /** `if-empty`: import the generated sample content when the store has never had an import. */
  SEED_SAMPLE: z.enum(['never', 'if-empty']).default('never'),
  WECHAT_API_BASE: z.string().url().default('https://api.weixin.qq.com'),
  WECHAT_APPID: z.string().optional(),
  WECHAT_SECRET: z.string().optional(),
  WECHAT_TIMEOUT_MS: positiveInt.default(5000),
  SESSION_TTL_HOURS: positiveInt.default(24 * 30),
  /** How long a console sign-in (password + TOTP) lasts before the operator signs in again. */
  STAFF_SESSION_TTL_MINUTES: positiveInt.default(8 * 60),
  BODY_LIMIT_BYTES: positiveInt.default(64 * 1024),
  RATE_LIMIT_IP_PER_MINUTE: positiveInt.default(600),
  RATE_LIMIT_USER_PER_MINUTE: positiveInt.default(120),
  RATE_LIMIT_LOGIN_PER_MINUTE: positiveInt.default(30),
  SHUTDOWN_TIMEOUT_MS: positiveInt.default(10_000),
  /** Honour X-Forwarded-For from this many proxies (0 = none), so per-IP limits see the resident. */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).default(0),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Redis for the voucher claim gate; when absent claims run on the store alone. */
  REDIS_URL: z.string().url().optional(),
  /** Prefix of every Redis key this server writes (one per deployment, or per test run). */
  REDIS_KEY_PREFIX: z.string().regex(/^[A-Za-z0-9:_-]{1,40}$/, '只能包含字母、数字、:、_ 和 -').default('qht:'),
  /**
   * A managed Redis that forbids CONFIG GET: the operator vouches that it keeps an append-only file
   * (appendfsync everysec or always), so production starts without reading the settings.
   */
  REDIS_PERSISTENCE_ASSURED: z.enum(['true', 'false']).default('false'),
  /** Key of the HMAC that signs redemption codes (≥ 32 characters); production redeems nothing without it. */
  REDEMPTION_SECRET: z.string().min(32, '至少 32 个字符').optional(),
  CLAIM_RATE_LIMIT_USER_PER_10S: positiveInt.default(20),
  CLAIM_RATE_LIMIT_IP_PER_10S: positiveInt.default(2000),
  /** How often the expiry job and the stock upkeep run. */
  VOUCHER_EXPIRY_INTERVAL_SECONDS: positiveInt.default(60),
  /** How long the claim route trusts a resolved session before reading it again. */
  CLAIM_SESSION_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(5),
})

export interface Config {
  production: boolean
  host: string
  port: number
  store: { engine: 'postgres'; url: string; schema?: string } | { engine: 'pglite'; dataDir: string | null }
  staticDir: string | null
  adminDir: string | null
  seedSample: 'never' | 'if-empty'
  wechat: { baseUrl: string; appId?: string; secret?: string; timeoutMs: number }
  sessionTtlMs: number
  staffSessionTtlMs: number
  bodyLimitBytes: number
  rateLimit: { ipPerMinute: number; userPerMinute: number; loginPerMinute: number }
  shutdownTimeoutMs: number
  trustProxyHops: number
  logLevel: string
  vouchers: VoucherConfig
}

export interface VoucherConfig {
  /** 'redis' when REDIS_URL is set, else 'store' (PGlite or PostgreSQL alone). */
  engine: 'store' | 'redis'
  redisUrl: string | null
  redisKeyPrefix: string
  /** REDIS_PERSISTENCE_ASSURED: production takes the Redis persistence settings on trust. */
  redisPersistenceAssured: boolean
  /**
   * Null when unset: outside production a key is generated once and kept in the store; in
   * production the redemption endpoints answer 503 until it is set (never a default key).
   */
  redemptionSecret: string | null
  production: boolean
  claimRateLimit: { userPer10s: number; ipPer10s: number }
  upkeepIntervalMs: number
  sessionCacheMs: number
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set" (as in most .env files), except STATIC_DIR where empty = API only.
  const given = Object.fromEntries(Object.entries(env).filter(([key, value]) => value !== '' || key === 'STATIC_DIR' || key === 'ADMIN_DIR'))
  const parsed = envSchema.safeParse(given)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
    throw new ConfigError(`环境变量有误：\n${lines.join('\n')}`)
  }
  const e = parsed.data
  return {
    production: e.NODE_ENV === 'production',
    host: e.HOST,
    port: e.PORT,
    store: e.DATABASE_URL ? { engine: 'postgres', url: e.DATABASE_URL } : { engine: 'pglite', dataDir: path.join(e.DATA_DIR, 'pglite') },
    staticDir: e.STATIC_DIR === '' ? null : e.STATIC_DIR,
    adminDir: given.ADMIN_DIR === '' || (given.ADMIN_DIR === undefined && given.STATIC_DIR === '') ? null : e.ADMIN_DIR,
    seedSample: e.SEED_SAMPLE,
    wechat: { baseUrl: e.WECHAT_API_BASE.replace(/\/+$/, ''), appId: e.WECHAT_APPID, secret: e.WECHAT_SECRET, timeoutMs: e.WECHAT_TIMEOUT_MS },
    sessionTtlMs: e.SESSION_TTL_HOURS * 3_600_000,
    staffSessionTtlMs: e.STAFF_SESSION_TTL_MINUTES * 60_000,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    rateLimit: { ipPerMinute: e.RATE_LIMIT_IP_PER_MINUTE, userPerMinute: e.RATE_LIMIT_USER_PER_MINUTE, loginPerMinute: e.RATE_LIMIT_LOGIN_PER_MINUTE },
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    trustProxyHops: e.TRUST_PROXY_HOPS,
    logLevel: e.LOG_LEVEL,
    vouchers: {
      engine: e.REDIS_URL ? 'redis' : 'store',
      redisUrl: e.REDIS_URL ?? null,
      redisKeyPrefix: e.REDIS_KEY_PREFIX,
      redisPersistenceAssured: e.REDIS_PERSISTENCE_ASSURED === 'true',
      redemptionSecret: e.REDEMPTION_SECRET ?? null,
      production: e.NODE_ENV === 'production',
      claimRateLimit: { userPer10s: e.CLAIM_RATE_LIMIT_USER_PER_10S, ipPer10s: e.CLAIM_RATE_LIMIT_IP_PER_10S },
      upkeepIntervalMs: e.VOUCHER_EXPIRY_INTERVAL_SECONDS * 1000,
      sessionCacheMs: e.CLAIM_SESSION_CACHE_SECONDS * 1000,
    },
  }
}
