/** What the benchmarks and the process tests need: their flags, a free port, readiness, a clean stop, Redis keys removed. */
import type { ChildProcess } from 'node:child_process'
import { createWriteStream } from 'node:fs'
import { createServer } from 'node:net'
import { loadavg } from 'node:os'
import { Redis } from 'ioredis'

/** `--name value` pairs, and the switches named in `switches` (`--force` alone means 'true'); anything else is an error. */
export function parseFlags(argv: readonly string[], switches: readonly string[] = []): Record<string, string> {
  const options: Record<string, string> = {}
  for (let index = 0; index < argv.length; index += 1) {
    const match = /^--([a-z][a-z-]*)$/.exec(argv[index])
    if (match && switches.includes(match[1])) {
      options[match[1]] = 'true'
      continue
    }
    if (!match || argv[index + 1] === undefined) throw new Error(`unexpected argument ${argv[index]}`)
    options[match[1]] = argv[(index += 1)]
  }
  return options
}

/** Above this 1-minute load average the box is busy and a benchmark's numbers mean little (issue 20). */
export const QUIET_LOAD = 0.6

/**
 * Prints the load average at the start and refuses to go on when the box is busy, unless forced
 * (then the numbers are reported with the load beside them). Returns the 1-minute load.
 */
export function checkQuiet(force: boolean, log: (message: string) => void): number {
  const [one, five, fifteen] = loadavg()
  log(`load average ${one.toFixed(2)} ${five.toFixed(2)} ${fifteen.toFixed(2)} at the start`)
  if (one > QUIET_LOAD && !force)
    throw new Error(`the box is busy (load average ${one.toFixed(2)} > ${QUIET_LOAD}): wait until it is quiet, or pass --force to measure anyway`)
  return one
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

/** Polls GET /readyz until it answers 200 (60 s at most); fails at once if the server exits. */
export async function waitReady(base: string, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`)
    try {
      const response = await fetch(`${base}/readyz`)
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('server did not become ready in 60 s')
}

interface ServerEnvOptions {
  port: number
  logLevel: string
  processes: number
  sessionKeySecret: string
  /** WECHAT_SUBSCRIBE_TEMPLATES */
  templates: string
  /** Goes into the dummy secrets and appid, so a log tells which run started the server. */
  name: string
}

/**
 * The environment of a real production server (src/main.ts) for a benchmark or a process test:
 * loopback, API only, no sample data, every secret production requires (the residents of these
 * runs have sessions already), and the per-IP limits lifted (all traffic comes from one address).
 * The caller adds the store and Redis.
 */
export function productionServerEnv(options: ServerEnvOptions): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(options.port),
    STATIC_DIR: '',
    SEED_SAMPLE: 'never',
    LOG_LEVEL: options.logLevel,
    SERVER_PROCESSES: String(options.processes),
    REDEMPTION_SECRET: `${options.name}-only-redemption-secret-${options.name}-only`,
    WECHAT_APPID: `wx-${options.name}`,
    WECHAT_SECRET: `${options.name}-only-wechat-secret`,
    SESSION_KEY_SECRET: options.sessionKeySecret,
    WECHAT_SUBSCRIBE_TEMPLATES: options.templates,
    RATE_LIMIT_IP_PER_MINUTE: '100000000',
    CLAIM_RATE_LIMIT_IP_PER_10S: '100000000',
  }
}

/** What the supervisor of SERVER_PROCESSES > 1 logs (at info) once every server process listens. */
export const ALL_LISTENING = 'all server processes listening'

/**
 * Resolves when the child's stdout (spawned with 'pipe') has a line containing `text` (60 s at
 * most; fails at once if the child exits); copies its stdout to the file `keep` if given.
 */
export function waitForLine(child: ChildProcess, text: string, keep?: string): Promise<void> {
  const copy = keep ? createWriteStream(keep) : null
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not print "${text}" in 60 s`)), 60_000)
    const exited = (code: number | null) => reject(new Error(`server exited with ${code} before printing "${text}"`))
    child.once('exit', exited)
    let seen = ''
    let found = false
    child.stdout!.on('data', (chunk: Buffer) => {
      copy?.write(chunk)
      if (found) return
      seen = (seen + chunk.toString('utf8')).slice(-4096)
      if (seen.includes(text)) {
        found = true
        clearTimeout(timer)
        child.off('exit', exited)
        resolve()
      }
    })
  })
}

/** SIGTERM, and SIGKILL after 15 s. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
  await exited
  clearTimeout(timer)
}

/** Deletes every key under a run's prefix. */
export async function purgeRedisPrefix(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url)
  try {
    let cursor = '0'
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000)
      if (keys.length > 0) await redis.unlink(...keys)
      cursor = next
    } while (cursor !== '0')
  } finally {
    redis.disconnect()
  }
}
