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
  /** `if-empty`: import the generated sample content when the store has never had an import. */
  SEED_SAMPLE: z.enum(['never', 'if-empty']).default('never'),
  WECHAT_API_BASE: z.string().url().default('https://api.weixin.qq.com'),
  WECHAT_APPID: z.string().optional(),
  WECHAT_SECRET: z.string().optional(),
  WECHAT_TIMEOUT_MS: positiveInt.default(5000),
  SESSION_TTL_HOURS: positiveInt.default(24 * 30),
  BODY_LIMIT_BYTES: positiveInt.default(64 * 1024),
  RATE_LIMIT_IP_PER_MINUTE: positiveInt.default(600),
  RATE_LIMIT_USER_PER_MINUTE: positiveInt.default(120),
  RATE_LIMIT_LOGIN_PER_MINUTE: positiveInt.default(30),
  SHUTDOWN_TIMEOUT_MS: positiveInt.default(10_000),
  /** Honour X-Forwarded-For from this many proxies (0 = none), so per-IP limits see the resident. */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).default(0),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
})

export interface Config {
  production: boolean
  host: string
  port: number
  store: { engine: 'postgres'; url: string; schema?: string } | { engine: 'pglite'; dataDir: string | null }
  staticDir: string | null
  seedSample: 'never' | 'if-empty'
  wechat: { baseUrl: string; appId?: string; secret?: string; timeoutMs: number }
  sessionTtlMs: number
  bodyLimitBytes: number
  rateLimit: { ipPerMinute: number; userPerMinute: number; loginPerMinute: number }
  shutdownTimeoutMs: number
  trustProxyHops: number
  logLevel: string
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set" (as in most .env files), except STATIC_DIR where empty = API only.
  const given = Object.fromEntries(Object.entries(env).filter(([key, value]) => value !== '' || key === 'STATIC_DIR'))
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
    seedSample: e.SEED_SAMPLE,
    wechat: { baseUrl: e.WECHAT_API_BASE.replace(/\/+$/, ''), appId: e.WECHAT_APPID, secret: e.WECHAT_SECRET, timeoutMs: e.WECHAT_TIMEOUT_MS },
    sessionTtlMs: e.SESSION_TTL_HOURS * 3_600_000,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    rateLimit: { ipPerMinute: e.RATE_LIMIT_IP_PER_MINUTE, userPerMinute: e.RATE_LIMIT_USER_PER_MINUTE, loginPerMinute: e.RATE_LIMIT_LOGIN_PER_MINUTE },
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    trustProxyHops: e.TRUST_PROXY_HOPS,
    logLevel: e.LOG_LEVEL,
  }
}
