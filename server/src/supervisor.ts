/**
 * SERVER_PROCESSES > 1 (issue 20): this process becomes a supervisor of that many server
 * processes sharing one port through node:cluster (the supervisor accepts and hands each
 * connection to a worker in turn; a kept-alive connection stays with its worker). One Node event
 * loop uses one core: the claim rush of a round is bounded by it long before Redis or PostgreSQL.
 *
 * The supervisor migrates and seeds once, before any worker serves, so workers only open the store.
 * Everything the workers share is in PostgreSQL and Redis already (sessions are signed, the claim
 * gate's limits and keys are in Redis, the reminder queue and the jobs take leases), which is what
 * two-processes.test.ts proves. A worker that dies is started again after a second; a crash loop
 * (5 deaths within a minute) stops the whole server with exit code 1, so the process manager sees it.
 */
import cluster, { type Worker } from 'node:cluster'
import pino from 'pino'
import type { Config } from './config'

const RESTART_DELAY_MS = 1000
const CRASH_WINDOW_MS = 60_000
const CRASHES_TO_GIVE_UP = 5

/** The one-time work before workers start: migrations, the demo's sample content and accounts. */
export type Prepare = (log: pino.Logger) => Promise<void>

export async function supervise(config: Config, prepare: Prepare): Promise<void> {
  const log = pino({ level: config.logLevel, base: { pid: process.pid, role: 'supervisor' } })
  await prepare(log)

  const alive = new Set<Worker>()
  const listening = new Set<number>()
  const crashes: number[] = []
  let stopping = false
  let exitCode = 0

  const fork = () => alive.add(cluster.fork())
  cluster.on('listening', (worker: Worker, address) => {
    listening.add(worker.id)
    if (listening.size === config.processes) {
      log.info({ processes: config.processes, port: address.port }, 'all server processes listening')
    }
  })
  cluster.on('exit', (worker: Worker, code, signal) => {
    listening.delete(worker.id)
    alive.delete(worker)
    if (stopping) {
      log.info({ pid: worker.process.pid, code, signal }, 'a server process stopped')
      // Killed by our own SIGTERM before its handler was installed (still starting): a clean stop too.
      if (code !== 0 && signal !== 'SIGTERM') exitCode = 1
      if (alive.size === 0) process.exit(exitCode)
      return
    }
    const now = Date.now()
    crashes.push(now)
    while (crashes.length > 0 && crashes[0] < now - CRASH_WINDOW_MS) crashes.shift()
    if (crashes.length >= CRASHES_TO_GIVE_UP) {
      log.fatal({ pid: worker.process.pid, code, signal, crashes: crashes.length }, 'server processes keep dying; stopping the server')
      stop(1)
      return
    }
    log.error({ pid: worker.process.pid, code, signal }, 'a server process died; starting another in 1 s')
    setTimeout(() => {
      if (!stopping) fork()
    }, RESTART_DELAY_MS)
  })

  // Each worker finishes its in-flight requests on SIGTERM (main.ts); the supervisor waits for all.
  const stop = (code: number) => {
    if (stopping) return
    stopping = true
    exitCode = code
    if (alive.size === 0) process.exit(exitCode)
    for (const worker of alive) worker.process.kill('SIGTERM')
    setTimeout(() => {
      log.error('server processes did not stop in time; killing them')
      for (const worker of alive) worker.process.kill('SIGKILL')
      process.exit(1)
    }, config.shutdownTimeoutMs + 2000).unref()
  }
  process.on('SIGTERM', () => stop(0))
  process.on('SIGINT', () => stop(0))

  for (let index = 0; index < config.processes; index += 1) fork()
  log.info({ processes: config.processes }, 'server processes starting')
}
