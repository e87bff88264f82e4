/** What both benchmarks need: their flags, a free port, readiness, a clean stop, Redis keys removed. */
import type { ChildProcess } from 'node:child_process'
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
