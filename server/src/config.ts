/**
 * Everything the server reads from the environment, validated once at start-up so a typo in a
 * variable stops the process with a clear message instead of misbehaving later.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

const positiveInt = z.coerce.number().int().positive()

/**
 * NODE_ENV spelled any way people spell it (`Production`, ` prod `): a typo that fell through to
 * "not production" would turn the development sign-in and generated secrets on in production.
 */
const NODE_ENVS: Record<string, 'production' | 'development' | 'test'> = {
  production: 'production',
  prod: 'production',
  development: 'development',
  dev: 'development',
  test: 'test',
}
const nodeEnvSchema = z
  .string()
  .default('development')
  .transform((value) => value.trim().toLowerCase())
  .refine((value) => Object.hasOwn(NODE_ENVS, value), '应为 production、development 或 test')
  .transform((value) => NODE_ENVS[value])

/** An explicit switch: 1/true/on/yes or 0/false/off/no, any case; anything else is a typo, not "off". */
const switchSchema = z
  .string()
  .transform((value) => value.trim().toLowerCase())
  .refine((value) => ['1', 'true', 'on', 'yes', '0', 'false', 'off', 'no'].includes(value), '应为 1 或 0（on/off、true/false）')
  .transform((value) => ['1', 'true', 'on', 'yes'].includes(value))

const envSchema = z.object({
  NODE_ENV: nodeEnvSchema,
  /**
   * The demo (`npm start`): the development sign-in, its seeded accounts and their sessions.
   * Never inferred from NODE_ENV; refused together with production.
   */
  DEMO_MODE: switchSchema.default(false),
  /** OpenAPI at /docs: on by default outside production, off in production unless set to 1. */
  API_DOCS: switchSchema.optional(),
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
  /** Key that encrypts WeChat session_keys at rest (AES-256-GCM, ≥ 32 characters); required in production. */
  SESSION_KEY_SECRET: z.string().min(32, '至少 32 个字符').optional(),
  /**
   * Slow clients (slowloris): all headers within HEADERS_TIMEOUT_MS, the whole request within
   * REQUEST_TIMEOUT_MS, an idle socket closed after CONNECTION_TIMEOUT_MS, a kept-alive one after
   * KEEP_ALIVE_TIMEOUT_MS. Node checks the first two every TIMEOUT_CHECK_INTERVAL_MS.
   */
  HEADERS_TIMEOUT_MS: positiveInt.default(10_000),
  REQUEST_TIMEOUT_MS: positiveInt.default(30_000),
  CONNECTION_TIMEOUT_MS: positiveInt.default(30_000),
  KEEP_ALIVE_TIMEOUT_MS: positiveInt.default(10_000),
  TIMEOUT_CHECK_INTERVAL_MS: positiveInt.default(2_000),
  /** Retention (docs/PRIVACY.md): days after which these are deleted, and how often the purge runs. */
  PURGE_SESSIONS_DAYS: positiveInt.default(30),
  PURGE_SEND_LOG_DAYS: positiveInt.default(90),
  PURGE_REFUSALS_DAYS: positiveInt.default(180),
  PURGE_INTERVAL_MINUTES: positiveInt.default(60),
  CLAIM_RATE_LIMIT_USER_PER_10S: positiveInt.default(20),
  CLAIM_RATE_LIMIT_IP_PER_10S: positiveInt.default(2000),
  /** How often the expiry job and the stock upkeep run. */
  VOUCHER_EXPIRY_INTERVAL_SECONDS: positiveInt.default(60),
  /** How long the claim route trusts a resolved session before reading it again. */
  CLAIM_SESSION_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(5),
  /**
   * Server processes on this machine, one port (node:cluster; issue 20): one event loop uses one
   * core, so a box with more cores runs more. Needs PostgreSQL (PGlite lives in one process).
   */
  SERVER_PROCESSES: z.coerce.number().int().min(1).max(64).default(1),
})

export interface Config {
  production: boolean
  /** The demo of `npm start` (DEMO_MODE=1): development sign-in on, its sessions accepted. */
  demo: boolean
  /** OpenAPI UI and document at /docs. */
  docs: boolean
  /** Null when unset: outside production a key is generated and kept in the store. */
  sessionKeySecret: string | null
  timeouts: { headersMs: number; requestMs: number; connectionMs: number; keepAliveMs: number; checkIntervalMs: number }
  retention: { sessionsDays: number; sendLogDays: number; refusalsDays: number; intervalMs: number }
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
  /** SERVER_PROCESSES: 1 runs the server in this process; more, a supervisor and that many workers. */
  processes: number
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
  const production = e.NODE_ENV === 'production'
  if (production && e.DEMO_MODE) {
    throw new ConfigError('环境变量有误：\n  DEMO_MODE: 生产环境（NODE_ENV=production）不能开启演示模式（开发登录、示例账号）')
  }
  if (production && e.SEED_SAMPLE !== 'never') {
    throw new ConfigError('环境变量有误：\n  SEED_SAMPLE: 生产环境不能导入示例数据，请去掉 SEED_SAMPLE 或设为 never')
  }
  if (e.HEADERS_TIMEOUT_MS > e.REQUEST_TIMEOUT_MS) {
    throw new ConfigError('环境变量有误：\n  HEADERS_TIMEOUT_MS: 不能大于 REQUEST_TIMEOUT_MS')
  }
  if (e.SERVER_PROCESSES > 1 && !e.DATABASE_URL) {
    throw new ConfigError('环境变量有误：\n  SERVER_PROCESSES: 内嵌数据库（PGlite）只能由一个进程打开；多进程请设置 DATABASE_URL（PostgreSQL）')
  }
  return {
    production,
    demo: e.DEMO_MODE,
    docs: e.API_DOCS ?? !production,
    sessionKeySecret: e.SESSION_KEY_SECRET ?? null,
    timeouts: {
      headersMs: e.HEADERS_TIMEOUT_MS,
      requestMs: e.REQUEST_TIMEOUT_MS,
      connectionMs: e.CONNECTION_TIMEOUT_MS,
      keepAliveMs: e.KEEP_ALIVE_TIMEOUT_MS,
      checkIntervalMs: e.TIMEOUT_CHECK_INTERVAL_MS,
    },
    retention: {
      sessionsDays: e.PURGE_SESSIONS_DAYS,
      sendLogDays: e.PURGE_SEND_LOG_DAYS,
      refusalsDays: e.PURGE_REFUSALS_DAYS,
      intervalMs: e.PURGE_INTERVAL_MINUTES * 60_000,
    },
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
    processes: e.SERVER_PROCESSES,
    vouchers: {
      engine: e.REDIS_URL ? 'redis' : 'store',
      redisUrl: e.REDIS_URL ?? null,
      redisKeyPrefix: e.REDIS_KEY_PREFIX,
      redisPersistenceAssured: e.REDIS_PERSISTENCE_ASSURED === 'true',
      redemptionSecret: e.REDEMPTION_SECRET ?? null,
      production,
      claimRateLimit: { userPer10s: e.CLAIM_RATE_LIMIT_USER_PER_10S, ipPer10s: e.CLAIM_RATE_LIMIT_IP_PER_10S },
      upkeepIntervalMs: e.VOUCHER_EXPIRY_INTERVAL_SECONDS * 1000,
      sessionCacheMs: e.CLAIM_SESSION_CACHE_SECONDS * 1000,
    },
  }
}

/**
 * What a production server cannot run without, by variable name; empty outside production (there
 * the redemption and session-key secrets are generated and kept in the store, and WeChat login
 * answers 503 without its appid and secret).
 */
export function missingProductionSettings(config: Config): string[] {
  if (!config.production) return []
  const missing: string[] = []
  if (!config.wechat.appId) missing.push('WECHAT_APPID')
  if (!config.wechat.secret) missing.push('WECHAT_SECRET')
  if (!config.vouchers.redemptionSecret) missing.push('REDEMPTION_SECRET')
  if (!config.sessionKeySecret) missing.push('SESSION_KEY_SECRET')
  return missing
}
