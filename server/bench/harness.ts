/** What both benchmarks need: their flags, a free port, readiness, a clean stop, Redis keys removed. */
import type { ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { Redis } from 'ioredis'

/** `--name value` pairs; anything else is an error. */
export function parseFlags(argv: readonly string[]): Record<string, string> {
  const options: Record<string, string> = {}
  for (let index = 0; index < argv.length; index += 1) {
    const match = /^--([a-z]+)$/.exec(argv[index])
    if (!match || argv[index + 1] === undefined) throw new Error(`unexpected argument ${argv[index]}`)
    options[match[1]] = argv[(index += 1)]
  }
  return options
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
