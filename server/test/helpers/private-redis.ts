/**
 * A redis-server of a test's own (its own loopback port and temporary folder), so a test can kill
 * it, restart it on its files, or flush it without touching the shared Redis. Append-only on by
 * default, as production requires. Skipped where no redis-server binary is installed.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Redis } from 'ioredis'
import { freePort } from '../../bench/harness'

export const REDIS_SERVER = process.env.REDIS_SERVER_BIN || 'redis-server'

export function privateRedisSkipReason(): string | null {
  const probe = spawnSync(REDIS_SERVER, ['--version'], { encoding: 'utf8' })
  return probe.status === 0 ? null : `${REDIS_SERVER} is not installed: private Redis tests skipped`
}

export interface PrivateRedis {
  url: string
  port: number
  dir: string
  /** kill -9: nothing is flushed beyond what Redis already wrote. */
  kill(): Promise<void>
  /**
   * Starts again on the same port and files (the append-only file is replayed); with `from`, on a
   * copy made earlier by copyAppendOnly — a Redis that comes back behind what it answered, as after
   * a kill -9 while everysec held a write back behind a slow fsync, or a failover to a lagging replica.
   */
  restart(from?: string): Promise<void>
  /** A copy of the append-only files as they are now (possibly mid-write, as a crash leaves them). */
  copyAppendOnly(): Promise<string>
  flushAll(): Promise<void>
  stop(): Promise<void>
}

export async function startPrivateRedis(
  options: { appendonly?: boolean; appendfsync?: 'always' | 'everysec' | 'no' } = {},
): Promise<PrivateRedis> {
  const port = await freePort()
  const dir = await mkdtemp(path.join(tmpdir(), 'qht-redis-'))
  const url = `redis://127.0.0.1:${port}`
  let child: ChildProcess | null = null

  const launch = async () => {
    const args = [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--save',
      '',
      '--daemonize',
      'no',
      '--appendonly',
      options.appendonly === false ? 'no' : 'yes',
      '--appendfsync',
      options.appendfsync ?? 'everysec',
      '--logfile',
      path.join(dir, 'redis.log'),
    ]
    child = spawn(REDIS_SERVER, args, { stdio: 'ignore' })
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null })
    probe.on('error', () => undefined)
    try {
      for (let attempt = 0; attempt < 200; attempt += 1) {
        if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode} (see ${dir}/redis.log)`)
        try {
          if (probe.status !== 'ready') await probe.connect()
          if ((await probe.ping()) === 'PONG') return
        } catch {
          probe.disconnect()
        }
        await new Promise((resolve) => setTimeout(resolve, 25))
      }
      throw new Error('redis-server did not answer in 5 s')
    } finally {
      probe.disconnect()
    }
  }

  const kill = async () => {
    const running = child
    if (!running || running.exitCode !== null) return
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()))
    running.kill('SIGKILL')
    await exited
  }

  await launch()
  return {
    url,
    port,
    dir,
    kill,
    async restart(from?: string) {
      if (from) {
        await rm(path.join(dir, 'appendonlydir'), { recursive: true, force: true })
        await cp(from, path.join(dir, 'appendonlydir'), { recursive: true })
      }
      await launch()
    },
    async copyAppendOnly() {
      const copy = path.join(dir, `appendonly-copy-${Date.now()}`)
      await cp(path.join(dir, 'appendonlydir'), copy, { recursive: true })
      return copy
    },
    async flushAll() {
      const redis = new Redis(url)
      try {
        await redis.flushall()
      } finally {
        redis.disconnect()
      }
    },
    async stop() {
      await kill()
      await rm(dir, { recursive: true, force: true })
    },
  }
}
