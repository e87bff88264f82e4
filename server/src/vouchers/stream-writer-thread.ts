/**
 * The Redis gate's stream writer in a worker thread (PostgreSQL stores only: PGlite's files belong
 * to one thread). The claim path and the writer then run on different cores: the event loop that
 * answers claims no longer parses stream entries or builds the writer's statements. Same work as
 * the in-process writer (RedisClaimEngine.writeLoop: consumer group, written by voucher id,
 * acknowledged after the commit), on its own Redis and PostgreSQL connections; it follows the
 * batches table itself (one cheap query a second) and reports errors to the main thread's log.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { openDb, type StoreOptions } from '../store/db'
import { BatchCache } from './batch-cache'
import { RedisClaimEngine } from './redis-engine'

export interface WriterThreadData {
  store: StoreOptions
  url: string
  prefix: string
  consumer: string
  writeIntervalMs?: number
  heartbeatMs?: number
}

export type WriterThreadMessage = { type: 'ready' } | { type: 'error'; message: string; stack?: string }

async function run(data: WriterThreadData): Promise<void> {
  const port = parentPort!
  const report = (error: unknown) =>
    port.postMessage({
      type: 'error',
      message: error instanceof Error ? error.message : String(error),
      stack: error instanceof Error ? error.stack : undefined,
    } satisfies WriterThreadMessage)
  const db = await openDb({ ...data.store, ...(data.store.engine === 'postgres' ? { maxConnections: 2 } : {}) })
  const batches = new BatchCache(db)
  const engine = new RedisClaimEngine(db, {
    url: data.url,
    prefix: data.prefix,
    consumer: data.consumer,
    writeIntervalMs: data.writeIntervalMs,
    heartbeatMs: data.heartbeatMs,
    writer: 'loop',
    persistence: 'skip',
    log: { error: (obj) => report((obj as { err?: unknown }).err ?? obj), warn: (obj) => report((obj as { err?: unknown }).err ?? obj) },
  })
  const follow = async () => {
    await batches.refresh()
    for (const batch of batches.all()) engine.follow(batch)
  }
  await follow()
  await engine.start()
  const timer = setInterval(() => void follow().catch(report), 1000)
  port.postMessage({ type: 'ready' } satisfies WriterThreadMessage)
  port.once('message', () => {
    // Stop: finish the batch in hand (written and acknowledged), then let the thread end.
    clearInterval(timer)
    void engine
      .close()
      .then(() => db.close())
      .catch(report)
      .finally(() => port.close())
  })
}

if (parentPort) void run(workerData as WriterThreadData)
