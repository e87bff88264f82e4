/**
 * What the Redis gate (redis-engine.ts), its stream writer (redis-writer.ts) and its reconciler
 * (redis-reconciler.ts) share: the connection, the key names, the script runner, the batches
 * followed, and each batch's stream group and epoch.
 *
 * Keys of one batch share the hash tag {batchId}, so a script's keys sit in one cluster slot:
 *   <prefix>{b}:total:<round>   stock the round may hand out (missing → MISSING: rebuilt from PostgreSQL)
 *   <prefix>{b}:taken:<round>   reserved so far
 *   <prefix>{b}:user:<user>     hash: b → vouchers in the batch, r:<round> → in that round
 *   <prefix>{b}:claim:<user>:<key>  the voucher a key already got (replayed, never claimed twice)
 *   <prefix>{b}:stream          claims for the writer;   <prefix>{b}:paused  set while rebuilding
 *   <prefix>{b}:epoch           set with the stream's consumer group: which stream a claim's entry went to
 *   <prefix>writer:<consumer>   a live stream writer's heartbeat (its pending entries are its own)
 *   <prefix>idem:{u:<user>}:<key>   the HTTP idempotency record: the request's fingerprint, and either
 *                                   a lease (the answer is the claim record, or still being made)
 *                                   or the first answer when it was not a claim
 */
import { randomUUID } from 'node:crypto'
import type { Redis } from 'ioredis'
import type { VoucherBatch } from '../../../src/domain/vouchers/schema'
import { Batcher } from './batcher'
import { JOURNAL_SCRIPT, parseStreamState, type StreamState } from './claim-journal'

/** The stream writers' consumer group. */
export const GROUP = 'writers'

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

export interface BatchKeys {
  total(roundId: string): string
  taken(roundId: string): string
  user(userId: string): string
  claim(userId: string, key: string): string
  stream: string
  paused: string
  epoch: string
  userPattern: string
}

interface ScriptCall {
  source: string
  keys: readonly string[]
  args: readonly (string | number)[]
  /** Set on the scripts that grant a claim: the claim's time, for the rebuild a lost script cache calls for. */
  grantsAt?: number
}

type ScriptOutcome = { value: unknown } | { error: unknown }

export class RedisShared {
  private readonly shas = new Map<string, string>()
  private readonly scriptCalls = new Batcher<ScriptCall, ScriptOutcome>((calls) => this.runScripts(calls), {
    maxBatch: 1000,
    maxInFlight: 64,
  })
  private readonly keyNames = new Map<string, BatchKeys>()
  /** NOSCRIPT recoveries so far (a SCRIPT FLUSH or a Redis restart). */
  scriptReloads = 0
  /**
   * Run once (single-flight) when a script that grants claims meets NOSCRIPT, before it runs again.
   * Redis lost its script cache: it restarted, failed over or was flushed, and its data may be
   * behind what it acknowledged — with appendfsync everysec Redis answers while a slow fsync holds
   * back the append-only write (a kill -9 then loses those answers: seen here, 240 claims answered
   * and 102 replayed); a promoted replica lags its primary. Nothing grants until the handler has
   * rebuilt the gates from the record, because nobody's EVALSHA of the claim script succeeds before
   * this EVAL loads it again.
   */
  onScriptCacheLost: ((at: number) => Promise<void>) | null = null
  /** Completed onScriptCacheLost runs: a NOSCRIPT from a pipeline sent before the last one is already handled. */
  cacheLossRecoveries = 0
  private recovering: Promise<void> | null = null
  /** The batches whose streams the writer reads (upkeep, reconcile and follow add them). */
  readonly known = new Map<string, VoucherBatch>()
  readonly groupsReady = new Set<string>()
  /** Batches whose stream epoch this process has seen: a missing epoch then means Redis lost the batch. */
  readonly epochsSeen = new Set<string>()

  constructor(
    readonly redis: Redis,
    readonly prefix: string,
    readonly consumer: string,
  ) {}

  /** A batch's key names (made once per batch: every claim asks). */
  keys(batchId: string): BatchKeys {
    let keys = this.keyNames.get(batchId)
    if (!keys) {
      const tag = `${this.prefix}{${batchId}}`
      keys = {
        total: (roundId: string) => `${tag}:total:${roundId}`,
        taken: (roundId: string) => `${tag}:taken:${roundId}`,
        user: (userId: string) => `${tag}:user:${userId}`,
        claim: (userId: string, key: string) => `${tag}:claim:${userId}:${key}`,
        stream: `${tag}:stream`,
        paused: `${tag}:paused`,
        epoch: `${tag}:epoch`,
        userPattern: `${tag}:user:*`,
      }
      this.keyNames.set(batchId, keys)
    }
    return keys
  }

  idemKey(userId: string, key: string): string {
    return `${this.prefix}idem:{u:${userId}}:${key}`
  }

  writerKey(consumer: string): string {
    return `${this.prefix}writer:${consumer}`
  }

  /**
   * EVALSHA, and on NOSCRIPT (SCRIPT FLUSH, a restarted or failed-over Redis) EVAL once, which
   * loads the script again for the next EVALSHA.
   */
  async runScript(source: string, keys: readonly string[], args: readonly (string | number)[], grantsAt?: number): Promise<unknown> {
    const outcome = await this.scriptCalls.load({ source, keys, args, grantsAt })
    if ('error' in outcome) throw outcome.error
    return outcome.value
  }

  /**
   * The script calls of one turn of the event loop (every claim that arrived on any connection
   * meanwhile) as one pipeline: one write to Redis instead of one per request. Each call still
   * gets its own reply, and NOSCRIPT its own EVAL.
   */
  private async runScripts(calls: readonly ScriptCall[]): Promise<ScriptOutcome[]> {
    for (const source of new Set(calls.map((call) => call.source))) {
      if (!this.shas.has(source)) this.shas.set(source, (await this.redis.script('LOAD', source)) as string)
    }
    const pipeline = this.redis.pipeline()
    for (const { source, keys, args } of calls) pipeline.evalsha(this.shas.get(source)!, keys.length, ...keys, ...args)
    const sentAfter = this.cacheLossRecoveries
    const replies = (await pipeline.exec()) ?? []
    return Promise.all(
      calls.map(async ({ source, keys, args, grantsAt }, index): Promise<ScriptOutcome> => {
        const [error, value] = replies[index] ?? [new Error('no reply from Redis'), null]
        if (!error) return { value }
        if (!error.message.startsWith('NOSCRIPT')) return { error }
        this.scriptReloads += 1
        try {
          if (grantsAt !== undefined && this.cacheLossRecoveries === sentAfter) await this.recoverCacheLoss(grantsAt)
          return { value: await this.redis.eval(source, keys.length, ...keys, ...args) }
        } catch (evalError) {
          return { error: evalError }
        }
      }),
    )
  }

  private recoverCacheLoss(at: number): Promise<void> {
    if (!this.onScriptCacheLost) return Promise.resolve()
    this.recovering ??= this.onScriptCacheLost(at)
      .then(() => {
        this.cacheLossRecoveries += 1
      })
      .finally(() => {
        this.recovering = null
      })
    return this.recovering
  }

  /** The batch's stream and group, and its epoch: a new one with a new group (the old stream is gone). */
  async ensureGroup(batchId: string): Promise<void> {
    if (this.groupsReady.has(batchId)) return
    const k = this.keys(batchId)
    let created = false
    try {
      await this.redis.xgroup('CREATE', k.stream, GROUP, '0', 'MKSTREAM')
      created = true
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('BUSYGROUP')) throw error
    }
    if (created) await this.redis.set(k.epoch, randomUUID())
    else await this.redis.set(k.epoch, randomUUID(), 'NX')
    this.epochsSeen.add(batchId)
    this.groupsReady.add(batchId)
  }

  /** Where a batch's stream stands, for the claim journal. */
  async streamState(batchId: string): Promise<StreamState> {
    const k = this.keys(batchId)
    return parseStreamState(await this.runScript(JOURNAL_SCRIPT, [k.stream, k.epoch], [GROUP]))
  }

  /** Removes every key matching a pattern (SCAN + UNLINK, 1,000 at a time). */
  async deleteMatching(pattern: string): Promise<number> {
    let cursor = '0'
    let deleted = 0
    do {
      const [next, found] = await this.redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000)
      if (found.length > 0) deleted += await this.redis.unlink(...found)
      cursor = next
    } while (cursor !== '0')
    return deleted
  }
}
