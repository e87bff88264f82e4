/**
 * The Redis gate for the rush (REDIS_URL). One Lua script, atomic in Redis, checks the resident's
 * limits and the round's stock, reserves, and appends the claim to the batch's stream; the
 * answer goes back at once. A worker (consumer group) writes the stream to PostgreSQL — each
 * voucher by its id, so writing twice is harmless — and acknowledges only after the commit. A
 * reconciler re-drives entries a dead worker left pending and proves Redis ≡ PostgreSQL,
 * rebuilding Redis from the record when they differ (e.g. Redis restarted empty).
 *
 * Keys of one batch share the hash tag {batchId}, so the script's keys sit in one cluster slot:
 *   <prefix>{b}:total:<round>   stock the round may hand out (missing → sold out: fail closed)
 *   <prefix>{b}:taken:<round>   reserved so far
 *   <prefix>{b}:user:<user>     hash: b → vouchers in the batch, r:<round> → in that round
 *   <prefix>{b}:claim:<user>:<key>  the voucher a key already got (replayed, never claimed twice)
 *   <prefix>{b}:stream          claims for the writer;   <prefix>{b}:paused  set while rebuilding
 *   <prefix>{b}:epoch           set with the stream's consumer group: which stream a claim's entry went to
 *   <prefix>writer:<consumer>   a live stream writer's heartbeat (its pending entries are its own)
 *   <prefix>idem:{u:<user>}:<key>   the HTTP idempotency record: the request's fingerprint, and either
 *                                   a lease (the answer is the claim record, or still being made)
 *                                   or the first answer when it was not a claim
 *
 * A claim costs two round trips: START_SCRIPT binds the key (its own slot, so a key reused for
 * another batch or round is refused whatever batch it names), then CLAIM_SCRIPT. A 201 is never
 * stored as text: a retry rebuilds it, byte for byte, from the claim record. Only refusals are
 * written back to the idempotency record.
 */
import { hostname } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { randomUUID } from 'node:crypto'
import { Worker } from 'node:worker_threads'
import { Redis } from 'ioredis'
import { decideClaim, newWalletVoucher } from '../../../src/domain/vouchers/claim'
import type { VoucherBatch } from '../../../src/domain/vouchers/schema'
import { MS_PER_DAY } from '../../../src/domain/time'
import { ApiError } from '../http/errors'
import type { Db } from '../store/db'
import {
  claimedByRound,
  ownerRoundCounts,
  recentClaimKeys,
  returnedByRound,
  writeReservedVouchers,
  type CountByRound,
  type NewVoucherRow,
} from '../store/vouchers'
import { claimedAnswer, inFlightAnswer, keyReusedAnswer, rejectedAnswer, type Answer } from './answers'
import { Batcher } from './batcher'
import { ClaimJournal, JOURNAL_SCRIPT, parseStreamState, type StreamState } from './claim-journal'
import { checkPersistence, type PersistencePolicy } from './redis-persistence'
import type { ClaimEngine, ClaimRequest, ClaimResult } from './engine'
import { roundNeedsStock, roundStocks } from './stock'
import type { WriterThreadData, WriterThreadMessage } from './stream-writer-thread'

/**
 * The claim, atomically. Integer replies are compared with `== 1`: in Lua 0 is true, so
 * `if redis.call('EXISTS', k) then` would take every claim for a duplicate. The claim record
 * (KEYS[4]) is the first answer of a key that claimed: a retry gets DUPLICATE with it — even while
 * the gate is paused, as a replay changes nothing — and with ARGV[9] = 'replay' the script only
 * looks (NONE: the key has not claimed). A missing counter or stream epoch (KEYS[7]) is MISSING,
 * never SOLD_OUT: Redis lost the batch's state, which is rebuilt from PostgreSQL before the claim
 * is answered (issue 16). A claim returns the stream's epoch and the entry's id for the journal.
 */
export const CLAIM_SCRIPT = `
if redis.call('EXISTS', KEYS[4]) == 1 then
  return {'DUPLICATE', redis.call('GET', KEYS[4])}
end
if ARGV[9] == 'replay' then
  return {'NONE'}
end
if redis.call('EXISTS', KEYS[6]) == 1 then
  return {'PAUSED'}
end
local total = redis.call('GET', KEYS[1])
local taken = redis.call('GET', KEYS[2])
local epoch = redis.call('GET', KEYS[7])
if not total or not taken or not epoch then
  return {'MISSING'}
end
if tonumber(taken) >= tonumber(total) then
  return {'SOLD_OUT'}
end
local roundField = 'r:' .. ARGV[1]
local inBatch = tonumber(redis.call('HGET', KEYS[3], 'b') or '0')
local inRound = tonumber(redis.call('HGET', KEYS[3], roundField) or '0')
if inBatch >= tonumber(ARGV[6]) or inRound >= tonumber(ARGV[5]) then
  return {'LIMIT_REACHED', tostring(inBatch), tostring(inRound)}
end
redis.call('INCR', KEYS[2])
inBatch = redis.call('HINCRBY', KEYS[3], 'b', 1)
inRound = redis.call('HINCRBY', KEYS[3], roundField, 1)
local record = ARGV[3] .. '|' .. ARGV[4] .. '|' .. ARGV[1]
local id = redis.call('XADD', KEYS[5], '*', 'v', ARGV[3], 'u', ARGV[2], 'r', ARGV[1], 'bs', inBatch, 'rs', inRound, 't', ARGV[4], 'k', ARGV[7])
redis.call('SET', KEYS[4], record, 'PX', ARGV[8])
return {'CLAIMED', record, tostring(inBatch), tostring(inRound), epoch, id}
`

/**
 * Binds an Idempotency-Key to its request, or returns what it is already bound to: GET, and SET
 * only when there was nothing (one round trip; SET NX GET would need Redis 7).
 */
export const START_SCRIPT = `
local previous = redis.call('GET', KEYS[1])
if previous then
  return previous
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return false
`

/** Raises a round's total (quota handed back, carry-over once final); never creates or lowers it. */
export const RAISE_SCRIPT = `
local current = redis.call('GET', KEYS[1])
if not current then
  return -1
end
if tonumber(ARGV[1]) > tonumber(current) then
  redis.call('SET', KEYS[1], ARGV[1])
  return 1
end
return 0
`

/**
 * A worker thread does not get the `--import tsx` of the process that runs TypeScript from source
 * (Node 20), so the thread loads tsx (its ESM and CommonJS hooks) itself before its entry.
 */
const THREAD_BOOT = `(async () => {
  const { workerData } = await import('node:worker_threads')
  if (workerData.tsx) {
    ;(await import(workerData.tsx.esm)).register();
    ;(await import(workerData.tsx.cjs)).register();
  }
  await import(workerData.entry)
})()`
const THREAD_ENTRY = new URL(`./stream-writer-thread${path.extname(fileURLToPath(import.meta.url))}`, import.meta.url).href

function tsxLoader(): { esm: string; cjs: string } | null {
  if (!THREAD_ENTRY.endsWith('.ts')) return null
  return { esm: import.meta.resolve('tsx/esm/api'), cjs: import.meta.resolve('tsx/cjs/api') }
}

const GROUP = 'writers'

/** Drops the gate's pause only if this rebuild still holds it. */
const UNPAUSE_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
`

/** How a claim answers when Redis cannot be reached or is rebuilding: not an answer, so nothing is stored against its key. */
export const claimBusy = () => new ApiError(503, 'CLAIM_BUSY', '领券的人太多，系统正在处理，请 1 秒后再试（不会重复领券）', 1)

/**
 * Redis could not be reached or cannot serve now (down, restarting, loading its file, a failover):
 * the claim answers 503 CLAIM_BUSY with Retry-After and the app retries with the same key.
 */
export function isRedisUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false
  if (error.name === 'MaxRetriesPerRequestError' || error.name === 'AbortError') return true
  if (/^(LOADING|BUSY|MASTERDOWN|READONLY|TRYAGAIN|CLUSTERDOWN|NOREPLICAS|MISCONF)\b/.test(error.message)) return true
  const code = (error as NodeJS.ErrnoException).code ?? ''
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTCONN', 'EHOSTUNREACH'].includes(code) ||
    /Connection is closed|Stream isn't writeable|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE/.test(error.message)
  )
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

export interface RedisEngineOptions {
  url: string
  prefix: string
  /** Run the stream writer in this process (tests turn it off to play a crash). */
  worker?: boolean
  /**
   * Where the writer runs: 'thread' (a worker thread, so it does not share the claim path's core;
   * the default on PostgreSQL) or 'loop' (this event loop; the only choice on PGlite).
   */
  writer?: 'thread' | 'loop'
  /** The writer's consumer name in the group (default: host, pid and a random part). */
  consumer?: string
  leaseMs?: number
  /** Pending entries idle this long are taken over from their (presumably dead) consumer. */
  staleMs?: number
  /** The writer reads the stream at most this often (default 100 ms), so a rush is written in large transactions. */
  writeIntervalMs?: number
  /**
   * The start-up check of Redis's persistence settings (redis-persistence.ts): 'require' in
   * production, 'warn' elsewhere (the default), 'assured' when the operator vouches for a managed
   * Redis, 'skip' for the writer thread (its process checked).
   */
  persistence?: PersistencePolicy
  /**
   * After Redis lost a batch's state, how long the rebuild waits (the gate paused) for the other
   * server processes' journals to write their orphaned claims to PostgreSQL (they look every
   * journalIntervalMs), so the rebuilt counters include them. Default 1000 ms.
   */
  lossGraceMs?: number
  /** How often the claim journal looks whether its entries reached PostgreSQL (default 200 ms). */
  journalIntervalMs?: number
  /**
   * A writer's heartbeat (renewed every second) lives this long; a consumer without one is dead:
   * its pending entries are taken over, and its process's key leases need not be waited out (default 3000 ms).
   */
  heartbeatMs?: number
  log?: { error(obj: unknown, msg?: string): void; warn(obj: unknown, msg?: string): void; info?(obj: unknown, msg?: string): void }
}

export interface StreamEntry {
  id: string
  item: NewVoucherRow
}

export interface RoundComparison {
  roundId: string
  redisTotal: number | null
  redisTaken: number | null
  pgClaimed: number
}

export interface ReconcileReport {
  batchId: string
  /** Entries found pending or unread and written to PostgreSQL by this run. */
  redriven: number
  /** Whether Redis already agreed with PostgreSQL before any rewrite. */
  agreed: boolean
  rewritten: boolean
  /** Pending entries still held by other consumers (then nothing is rewritten). */
  pendingElsewhere: number
  /** Another process was already rebuilding the batch: this run waited for it and changed nothing. */
  heldElsewhere?: boolean
  rounds: RoundComparison[]
}

export interface VerifyReport {
  ok: boolean
  rounds: RoundComparison[]
  residents: number
  residentMismatches: number
  pending: number
  streamLength: number
}

type ScriptReply = [string, ...string[]]

interface ScriptCall {
  source: string
  keys: readonly string[]
  args: readonly (string | number)[]
}

type ScriptOutcome = { value: unknown } | { error: unknown }

type KeyStart =
  | { kind: 'new' }
  | { kind: 'replay'; status: number; body: string }
  | { kind: 'mismatch' }
  /** Bound to this same request earlier (a retry): its claim record or its lease decides. */
  | { kind: 'bound'; leaseLive: boolean }

type Reserve = { done: ClaimResult } | { retry: 'missing' | 'paused' }

export class RedisClaimEngine implements ClaimEngine {
  readonly kind = 'redis' as const
  readonly redis: Redis
  private readonly blocking: Redis
  readonly prefix: string
  readonly consumer: string
  private readonly shas = new Map<string, string>()
  private readonly scriptCalls = new Batcher<ScriptCall, ScriptOutcome>((calls) => this.runScripts(calls), {
    maxBatch: 1000,
    maxInFlight: 64,
  })
  private readonly keyNames = new Map<
    string,
    {
      total(roundId: string): string
      taken(roundId: string): string
      user(userId: string): string
      claim(userId: string, key: string): string
      stream: string
      paused: string
      epoch: string
      userPattern: string
    }
  >()
  /** NOSCRIPT recoveries so far (a SCRIPT FLUSH or a Redis restart). */
  scriptReloads = 0
  private readonly known = new Map<string, VoucherBatch>()
  private readonly groupsReady = new Set<string>()
  private readonly upkeeps = new Map<string, Promise<void>>()
  private readonly leaseMs: number
  private readonly staleMs: number
  private readonly writeIntervalMs: number
  private running = false
  private loop: Promise<void> | null = null
  private thread: Worker | null = null
  /** The writer reads its own pending entries first: at start, after a failure and after every reconnect. */
  private ownPending = true
  /** user + key of the claims running in this process: a retry of a key whose claim failed here takes it over at once. */
  private readonly inFlight = new Map<string, number>()
  /** Batches whose stream epoch this process has seen: a missing epoch then means Redis lost the batch. */
  private readonly epochsSeen = new Set<string>()
  readonly journal: ClaimJournal
  private readonly lossGraceMs: number
  private readonly heartbeatMs: number

  constructor(
    private readonly db: Db,
    private readonly options: RedisEngineOptions,
  ) {
    this.prefix = options.prefix
    this.consumer = options.consumer ?? `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`
    // Named, so an operator (and the fault test) can tell the gate's connections from the writer's in CLIENT LIST.
    this.redis = new Redis(options.url, {
      enableAutoPipelining: true,
      maxRetriesPerRequest: 2,
      lazyConnect: true,
      connectionName: `gate-${this.consumer}`,
    })
    this.blocking = new Redis(options.url, { maxRetriesPerRequest: null, lazyConnect: true, connectionName: `writer-${this.consumer}` })
    // A reconnect may have lost the reply of a read: the entries it delivered are pending here and
    // would wait for staleMs; read them again at once.
    const again = () => {
      this.ownPending = true
    }
    this.redis.on('ready', again)
    this.blocking.on('ready', again)
    // One line per outage, not one per reconnect attempt; claims meanwhile answer 503 CLAIM_BUSY.
    let down = false
    const lost = (error: Error) => {
      if (down) return
      down = true
      this.options.log?.error({ err: error }, 'Redis unreachable: claims answer 503 CLAIM_BUSY until it is back')
    }
    this.redis.on('error', lost)
    this.blocking.on('error', lost)
    this.redis.on('ready', () => {
      down = false
    })
    this.leaseMs = options.leaseMs ?? 30_000
    this.staleMs = options.staleMs ?? 30_000
    this.writeIntervalMs = options.writeIntervalMs ?? 100
    this.lossGraceMs = options.lossGraceMs ?? 1000
    this.heartbeatMs = options.heartbeatMs ?? 3000
    this.journal = new ClaimJournal(db, (batchId) => this.streamState(batchId), options.journalIntervalMs ?? 200, options.log)
  }

  // Keys ---------------------------------------------------------------------------------------

  private tag(batchId: string) {
    return `${this.prefix}{${batchId}}`
  }
  /** A batch's key names (made once per batch: every claim asks). */
  keys(batchId: string) {
    let keys = this.keyNames.get(batchId)
    if (!keys) {
      const tag = this.tag(batchId)
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
  private idemKey(userId: string, key: string) {
    return `${this.prefix}idem:{u:${userId}}:${key}`
  }

  // Lifecycle ----------------------------------------------------------------------------------

  async start(): Promise<void> {
    await this.redis.connect()
    await checkPersistence(this.redis, this.options.persistence ?? 'warn', this.options.log)
    if (this.options.worker === false) return
    this.running = true
    const shareable = this.db.shareable
    if ((this.options.writer ?? (shareable ? 'thread' : 'loop')) === 'thread' && shareable) {
      await this.startThread(shareable)
      return
    }
    await this.blocking.connect()
    this.loop = this.writeLoop()
  }

  async close(): Promise<void> {
    this.running = false
    this.journal.close()
    this.blocking.disconnect()
    await this.loop?.catch(() => undefined)
    await this.stopThread()
    await Promise.allSettled([...this.upkeeps.values()])
    this.redis.disconnect()
  }

  /** The writer's worker thread, when it runs in one. */
  get writerThread(): Worker | null {
    return this.thread
  }

  /** Makes a batch's stream one the writer reads (upkeep and reconcile do this too). */
  follow(batch: VoucherBatch): void {
    this.known.set(batch.id, batch)
  }

  /** The writer in a worker thread (stream-writer-thread.ts), started again if it dies. */
  private startThread(store: NonNullable<Db['shareable']>): Promise<void> {
    const data: WriterThreadData = {
      store,
      url: this.options.url,
      prefix: this.prefix,
      consumer: `${this.consumer}-writer`,
      writeIntervalMs: this.options.writeIntervalMs,
      heartbeatMs: this.options.heartbeatMs,
    }
    const worker = new Worker(THREAD_BOOT, { eval: true, workerData: { ...data, entry: THREAD_ENTRY, tsx: tsxLoader() } })
    this.thread = worker
    return new Promise<void>((resolve, reject) => {
      worker.on('message', (message: WriterThreadMessage) => {
        if (message.type === 'ready') resolve()
        else
          this.options.log?.error(
            { err: Object.assign(new Error(message.message), { stack: message.stack }) },
            'voucher stream writer thread',
          )
      })
      worker.once('error', (error) => {
        this.options.log?.error({ err: error }, 'voucher stream writer thread failed')
        reject(error)
      })
      worker.once('exit', (code) => {
        if (this.thread === worker) this.thread = null
        if (!this.running) return
        // Died while the server runs: its entries stay pending (the reconciler re-drives them); start another.
        this.options.log?.error({ code }, 'voucher stream writer thread exited; starting another in 1 s')
        const again = setTimeout(() => {
          if (this.running && !this.thread) void this.startThread(store).catch(() => undefined)
        }, 1000)
        again.unref()
      })
    })
  }

  private async stopThread(): Promise<void> {
    const worker = this.thread
    if (!worker) return
    this.thread = null
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
    worker.postMessage('stop')
    const timer = setTimeout(() => void worker.terminate(), 10_000)
    await exited
    clearTimeout(timer)
  }

  /**
   * EVALSHA, and on NOSCRIPT (SCRIPT FLUSH, a restarted or failed-over Redis) EVAL once, which
   * loads the script again for the next EVALSHA.
   */
  async runScript(source: string, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown> {
    const outcome = await this.scriptCalls.load({ source, keys, args })
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
    const replies = (await pipeline.exec()) ?? []
    return Promise.all(
      calls.map(async ({ source, keys, args }, index): Promise<ScriptOutcome> => {
        const [error, value] = replies[index] ?? [new Error('no reply from Redis'), null]
        if (!error) return { value }
        if (!error.message.startsWith('NOSCRIPT')) return { error }
        this.scriptReloads += 1
        try {
          return { value: await this.redis.eval(source, keys.length, ...keys, ...args) }
        } catch (evalError) {
          return { error: evalError }
        }
      }),
    )
  }

  // Claims -------------------------------------------------------------------------------------

  async claim(request: ClaimRequest): Promise<ClaimResult> {
    const seen = `${request.userId}\n${request.key}`
    this.inFlight.set(seen, (this.inFlight.get(seen) ?? 0) + 1)
    try {
      return await this.claimOnce(request, seen)
    } catch (error) {
      if (!(error instanceof ApiError) && isRedisUnavailable(error)) throw claimBusy()
      throw error
    } finally {
      const left = this.inFlight.get(seen)! - 1
      if (left === 0) this.inFlight.delete(seen)
      else this.inFlight.set(seen, left)
    }
  }

  private async claimOnce(request: ClaimRequest, seen: string): Promise<ClaimResult> {
    const { userId, key, fingerprint } = request
    const started = await this.startKey(userId, key, fingerprint, seen)
    if (started.kind === 'replay') return { status: started.status, body: started.body }
    if (started.kind === 'mismatch') return keyReusedAnswer()
    if (started.kind === 'bound') {
      // A retry of a key bound to this request: its claim if it made one; else it is still running
      // (409), or its process died with the lease (or its claim failed here), and this request takes the key over.
      const replay = await this.replay(request)
      if (replay) return replay
      if (started.leaseLive) return inFlightAnswer()
      await this.redis.set(this.idemKey(userId, key), this.leaseRecord(fingerprint), 'PX', MS_PER_DAY)
    }
    let result: ClaimResult
    try {
      result = await this.decideAndReserve(request)
    } catch (error) {
      // Not an answer (Redis unreachable, rebuilding): the key stays free for the retry.
      await this.redis.del(this.idemKey(userId, key)).catch(() => undefined)
      throw error
    }
    // A claim's answer is its claim record; a refusal is definitive and recorded here, to be replayed as it was.
    if (result.status !== 201) await this.finishKey(userId, key, fingerprint, result)
    return result
  }

  /** The first answer of a key that claimed, from the claim record; null when it has not claimed. */
  private async replay(request: ClaimRequest): Promise<ClaimResult | null> {
    const { batch, userId, key } = request
    const k = this.keys(batch.id)
    const reply = (await this.runScript(
      CLAIM_SCRIPT,
      [k.total(''), k.taken(''), k.user(userId), k.claim(userId, key), k.stream, k.paused, k.epoch],
      ['', userId, '', 0, 0, 0, key, MS_PER_DAY, 'replay'],
    )) as ScriptReply
    return reply[0] === 'DUPLICATE' ? this.duplicateAnswer(batch, userId, reply[1]) : null
  }

  private duplicateAnswer(batch: VoucherBatch, userId: string, record: string): ClaimResult {
    const [previousId, previousAt, previousRound] = record.split('|')
    return claimedAnswer(
      newWalletVoucher({ id: previousId, batch, roundId: previousRound, ownerId: userId, claimedAt: Number(previousAt) }),
      batch,
    )
  }

  private async decideAndReserve(request: ClaimRequest): Promise<ClaimResult> {
    const { batch, at } = request
    const resident = { countyCode: request.residentCounty ?? null }
    const base = { batch, roundId: request.roundId, at, resident }
    // Window and eligibility first, in-process; limits and stock are the script's.
    const first = decideClaim({
      ...base,
      userClaimsInRound: 0,
      userClaimsInBatch: 0,
      remainingInRound: Math.max(1, request.remainingHint ?? 1),
    })
    if (!first.ok) return rejectedAnswer(first)
    const roundId = first.round.id
    const voucherId = randomUUID()
    // Missing state is rebuilt from PostgreSQL and a pause waited out before the claim is answered;
    // if Redis still cannot decide, 503 CLAIM_BUSY (never SOLD_OUT from missing state).
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const outcome = await this.reserve(request, base, roundId, voucherId)
      if ('done' in outcome) return outcome.done
      if (outcome.retry === 'missing') await this.upkeep(batch, at)
      else await this.waitUnpaused(batch, 3000)
    }
    throw claimBusy()
  }

  private async reserve(
    request: ClaimRequest,
    base: Pick<Parameters<typeof decideClaim>[0], 'batch' | 'roundId' | 'at' | 'resident'>,
    roundId: string,
    voucherId: string,
  ): Promise<Reserve> {
    const { batch, userId, key, at } = request
    const k = this.keys(batch.id)
    const reply = (await this.runScript(
      CLAIM_SCRIPT,
      [k.total(roundId), k.taken(roundId), k.user(userId), k.claim(userId, key), k.stream, k.paused, k.epoch],
      [roundId, userId, voucherId, at, batch.limits.perRound, batch.limits.perBatch, key, MS_PER_DAY],
    )) as ScriptReply
    switch (reply[0]) {
      case 'CLAIMED': {
        const voucher = newWalletVoucher({ id: voucherId, batch, roundId, ownerId: userId, claimedAt: at })
        this.journal.add(batch, {
          epoch: reply[4],
          streamId: reply[5],
          item: { voucher, batchSeq: Number(reply[2]), roundSeq: Number(reply[3]), claimKey: key },
        })
        return { done: claimedAnswer(voucher, batch) }
      }
      case 'DUPLICATE':
        return { done: this.duplicateAnswer(batch, userId, reply[1]) }
      case 'LIMIT_REACHED': {
        const limited = decideClaim({
          ...base,
          userClaimsInBatch: Number(reply[1]),
          userClaimsInRound: Number(reply[2]),
          remainingInRound: 1,
        })
        if (limited.ok) throw new Error('the claim script and decideClaim disagree about the limits')
        return { done: rejectedAnswer(limited) }
      }
      case 'SOLD_OUT': {
        const soldOut = decideClaim({ ...base, userClaimsInRound: 0, userClaimsInBatch: 0, remainingInRound: 0 })
        if (soldOut.ok) throw new Error('decideClaim granted a claim with no stock left')
        return { done: { ...rejectedAnswer(soldOut), soldOutRoundId: roundId } }
      }
      case 'MISSING':
        return { retry: 'missing' }
      case 'PAUSED':
        return { retry: 'paused' }
      default:
        throw new Error(`unexpected claim script reply ${String(reply[0])}`)
    }
  }

  /** Until the batch's gate is no longer paused (a rebuild here or in another process), at most `limitMs`. */
  private async waitUnpaused(batch: VoucherBatch, limitMs: number, options: { pollOnly?: boolean } = {}): Promise<void> {
    const own = options.pollOnly ? undefined : this.upkeeps.get(batch.id)
    if (own) {
      await own
      return
    }
    const paused = this.keys(batch.id).paused
    const until = performance.now() + limitMs
    while (performance.now() < until && (await this.redis.exists(paused)) === 1) await sleep(25)
  }

  /** 'l|<lease until, epoch ms>|<fingerprint>|<process>': bound to this request, the answer not recorded here. */
  private leaseRecord(fingerprint: string): string {
    return `l|${Date.now() + this.leaseMs}|${fingerprint}|${this.consumer}`
  }

  private async startKey(userId: string, key: string, fingerprint: string, seen: string): Promise<KeyStart> {
    const raw = (await this.runScript(START_SCRIPT, [this.idemKey(userId, key)], [this.leaseRecord(fingerprint), MS_PER_DAY])) as string | null
    if (raw === null) return { kind: 'new' }
    if (raw.startsWith('l|')) {
      const [, until, boundTo, owner] = raw.split('|')
      if (boundTo !== fingerprint) return { kind: 'mismatch' }
      if (Number(until) <= Date.now()) return { kind: 'bound', leaseLive: false }
      // Leased by this process and not running here: its claim failed before an answer (Redis went
      // away). Leased by a process whose writer has no heartbeat: it was killed. Either way the
      // retry need not wait the lease out — and a claim still racing it would find the claim record
      // the script writes atomically, and answer with that voucher.
      if (owner === this.consumer) return { kind: 'bound', leaseLive: this.inFlight.get(seen) !== 1 }
      const alive = owner !== undefined && (await this.redis.exists(this.writerKey(owner), this.writerKey(`${owner}-writer`))) > 0
      return { kind: 'bound', leaseLive: owner === undefined || alive }
    }
    const record = JSON.parse(raw) as { s: string; fp: string; st: number; b: string }
    if (record.fp !== fingerprint) return { kind: 'mismatch' }
    return { kind: 'replay', status: record.st, body: record.b }
  }

  private async finishKey(userId: string, key: string, fingerprint: string, answer: Answer): Promise<void> {
    await this.redis.set(
      this.idemKey(userId, key),
      JSON.stringify({ s: 'done', fp: fingerprint, st: answer.status, b: answer.body }),
      'PX',
      MS_PER_DAY,
    )
  }

  async claimedByRound(batch: VoucherBatch): Promise<CountByRound> {
    const k = this.keys(batch.id)
    // Redis unreachable: the record's counts (a little behind the gate) rather than no live stock at all.
    const values = await this.redis.mget(...batch.rounds.map((round) => k.taken(round.id))).catch(() => batch.rounds.map(() => null))
    if (values.every((value) => value !== null))
      return Object.fromEntries(batch.rounds.map((round, index) => [round.id, Number(values[index])]))
    const recorded = await claimedByRound(this.db, batch.id)
    return Object.fromEntries(
      batch.rounds.map((round, index) => [round.id, values[index] !== null ? Number(values[index]) : (recorded[round.id] ?? 0)]),
    )
  }

  // Stock upkeep -------------------------------------------------------------------------------

  /** Makes the batch known to the writer, initialises or rebuilds missing counters, raises totals. Single-flight. */
  upkeep(batch: VoucherBatch, at: number): Promise<void> {
    const running = this.upkeeps.get(batch.id)
    if (running) return running
    const work = this.upkeepOnce(batch, at).finally(() => this.upkeeps.delete(batch.id))
    this.upkeeps.set(batch.id, work)
    return work
  }

  private async upkeepOnce(batch: VoucherBatch, at: number): Promise<void> {
    this.known.set(batch.id, batch)
    await this.ensureGroup(batch.id)
    const k = this.keys(batch.id)
    const live = batch.rounds.map((_, index) => index).filter((index) => roundNeedsStock(batch, index, at, MS_PER_DAY))
    if (live.length === 0) return
    const values = await this.redis.mget(
      ...live.flatMap((index) => [k.total(batch.rounds[index].id), k.taken(batch.rounds[index].id)]),
      k.epoch,
    )
    if (values.some((value) => value === null)) {
      await this.reconcile(batch, at, { staleMs: this.staleMs })
      return
    }
    const claimed = await this.claimedByRound(batch)
    const stocks = roundStocks(batch, at, claimed, await returnedByRound(this.db, batch.id))
    for (const index of live) await this.runScript(RAISE_SCRIPT, [k.total(stocks[index].roundId)], [stocks[index].stockable])
    await this.redriveStale(batch, this.staleMs)
  }

  /** The batch's stream and group, and its epoch: a new one with a new group (the old stream is gone). */
  private async ensureGroup(batchId: string): Promise<void> {
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
  private async streamState(batchId: string): Promise<StreamState> {
    const k = this.keys(batchId)
    return parseStreamState(await this.runScript(JOURNAL_SCRIPT, [k.stream, k.epoch], [GROUP]))
  }

  // The writer ---------------------------------------------------------------------------------

  parseEntry(batch: VoucherBatch, id: string, fields: string[]): StreamEntry {
    const map = new Map<string, string>()
    for (let index = 0; index + 1 < fields.length; index += 2) map.set(fields[index], fields[index + 1])
    const voucher = newWalletVoucher({
      id: map.get('v')!,
      batch,
      roundId: map.get('r')!,
      ownerId: map.get('u')!,
      claimedAt: Number(map.get('t')),
    })
    return { id, item: { voucher, batchSeq: Number(map.get('bs')), roundSeq: Number(map.get('rs')), claimKey: map.get('k')! } }
  }

  /** Writes entries to PostgreSQL in one transaction, then acknowledges (and deletes) them. */
  async writeEntries(batch: VoucherBatch, entries: readonly StreamEntry[], options: { ack?: boolean } = {}): Promise<number> {
    if (entries.length === 0) return 0
    const written = await this.db.transaction((tx) =>
      writeReservedVouchers(
        tx,
        batch.id,
        entries.map((entry) => entry.item),
      ),
    )
    if (options.ack !== false) {
      const stream = this.keys(batch.id).stream
      const ids = entries.map((entry) => entry.id)
      await this.redis.xack(stream, GROUP, ...ids)
      await this.redis.xdel(stream, ...ids)
    }
    return written.length
  }

  /**
   * Reads up to `count` new entries of the known batches for `consumer` (they become its pending
   * entries); with `pending`, the entries this consumer read before and has not acknowledged.
   */
  async readNew(
    consumer: string,
    count: number,
    blockMs: number | null,
    options: { connection?: Redis; batchIds?: readonly string[]; pending?: boolean } = {},
  ): Promise<{ batch: VoucherBatch; entries: StreamEntry[] }[]> {
    const batches = [...this.known.values()].filter((batch) => !options.batchIds || options.batchIds.includes(batch.id))
    if (batches.length === 0) return []
    const streams = batches.map((batch) => this.keys(batch.id).stream)
    const args: (string | number)[] = ['GROUP', GROUP, consumer, 'COUNT', count]
    if (blockMs !== null) args.push('BLOCK', blockMs)
    args.push('STREAMS', ...streams, ...streams.map(() => (options.pending ? '0' : '>')))
    const connection = (options.connection ?? this.redis) as unknown as { xreadgroup(...a: (string | number)[]): Promise<unknown> }
    type Reply = [string, [string, string[] | null][]][] | null
    let reply: Reply
    try {
      for (const batch of batches) await this.ensureGroup(batch.id)
      reply = (await connection.xreadgroup(...args)) as Reply
    } catch (error) {
      // A stream or its group vanished (Redis restarted or was flushed): create them again, once.
      if (!(error instanceof Error) || !error.message.startsWith('NOGROUP')) throw error
      for (const batch of batches) this.groupsReady.delete(batch.id)
      for (const batch of batches) await this.ensureGroup(batch.id)
      reply = (await connection.xreadgroup(...args)) as Reply
    }
    if (!reply) return []
    const groups: { batch: VoucherBatch; entries: StreamEntry[] }[] = []
    for (const [stream, raw] of reply) {
      const batch = batches[streams.indexOf(stream)]
      // A pending entry deleted from the stream comes back without fields: just acknowledge it.
      const gone = raw.filter(([, fields]) => fields === null).map(([id]) => id)
      if (gone.length > 0) await this.redis.xack(stream, GROUP, ...gone)
      groups.push({
        batch,
        entries: raw.filter(([, fields]) => fields !== null).map(([id, fields]) => this.parseEntry(batch, id, fields!)),
      })
    }
    return groups
  }

  private async writeLoop(): Promise<void> {
    let lastRead = 0
    let lastBeat = -Infinity
    while (this.running) {
      try {
        if (performance.now() - lastBeat >= 1000) {
          lastBeat = performance.now()
          await this.beat()
        }
        if (this.known.size === 0) {
          await new Promise((resolve) => setTimeout(resolve, 200))
          continue
        }
        // At most one write per writeIntervalMs: during a rush each transaction then carries
        // hundreds of vouchers (PostgreSQL's CPU per voucher falls ~4× from 50 to 1,000 a
        // transaction); when quiet a voucher waits at most that long.
        const wait = lastRead + this.writeIntervalMs - performance.now()
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
        lastRead = performance.now()
        // First, after a failure and after every reconnect: the entries this consumer read and did
        // not acknowledge (a lost reply, a commit whose XACK failed); then new ones.
        const ownPending = this.ownPending
        this.ownPending = false
        const groups = await this.readNew(this.consumer, 5000, ownPending ? null : 500, { connection: this.blocking, pending: ownPending })
        for (const { batch, entries } of groups) await this.writeEntries(batch, entries)
        if (ownPending && groups.some((group) => group.entries.length > 0)) this.ownPending = true
      } catch (error) {
        if (!this.running) return
        this.ownPending = true
        this.options.log?.error({ err: error }, 'voucher stream writer failed; retrying in 1 s (entries stay pending)')
        await new Promise((resolve) => setTimeout(resolve, 1000))
      }
    }
  }

  private writerKey(consumer: string): string {
    return `${this.prefix}writer:${consumer}`
  }

  /** This writer's heartbeat, and the pending entries of writers that have none (their process died) taken over. */
  private async beat(): Promise<void> {
    await this.redis.set(this.writerKey(this.consumer), '1', 'PX', this.heartbeatMs)
    for (const batch of this.known.values()) await this.takeOverDead(batch)
  }

  /**
   * Pending entries of consumers without a heartbeat — a killed server's writer, a reconciler that
   * died mid-drain — written here within about a second of the loss, instead of after staleMs.
   */
  async takeOverDead(batch: VoucherBatch): Promise<number> {
    const stream = this.keys(batch.id).stream
    const summary = (await this.redis.xpending(stream, GROUP).catch(() => [0])) as [number, unknown?, unknown?, [string, string][]?]
    if (!summary[0] || !summary[3]) return 0
    let written = 0
    for (const [name] of summary[3]) {
      if (name === this.consumer || (await this.redis.exists(this.writerKey(name))) === 1) continue
      for (let pass = 0; pass < 1000; pass += 1) {
        const held = (await this.redis.xpending(stream, GROUP, 'IDLE', 1000, '-', '+', 1000, name)) as [string, ...unknown[]][]
        if (held.length === 0) break
        const claimed = (await this.redis.xclaim(stream, GROUP, this.consumer, 1000, ...held.map(([id]) => id))) as [
          string,
          string[] | null,
        ][]
        const entries = claimed.filter(([, fields]) => fields !== null).map(([id, fields]) => this.parseEntry(batch, id, fields!))
        written += await this.writeEntries(batch, entries)
        const gone = claimed.filter(([, fields]) => fields === null).map(([id]) => id)
        if (gone.length > 0) await this.redis.xack(stream, GROUP, ...gone)
        if (held.length < 1000) break
      }
    }
    return written
  }

  /** Takes over entries pending longer than `staleMs` (a dead or stuck consumer) and writes them. */
  async redriveStale(batch: VoucherBatch, staleMs: number): Promise<number> {
    const stream = this.keys(batch.id).stream
    let cursor = '0-0'
    let redriven = 0
    for (let pass = 0; pass < 10_000; pass += 1) {
      const [next, claimed] = (await this.redis.xautoclaim(stream, GROUP, this.consumer, staleMs, cursor, 'COUNT', 1000)) as [
        string,
        [string, string[] | null][],
      ]
      const entries = claimed.filter(([, fields]) => fields !== null).map(([id, fields]) => this.parseEntry(batch, id, fields!))
      redriven += await this.writeEntries(batch, entries)
      // Entries deleted from the stream while pending come back with null fields: just acknowledge them.
      const gone = claimed.filter(([, fields]) => fields === null).map(([id]) => id)
      if (gone.length > 0) await this.redis.xack(stream, GROUP, ...gone)
      if (next === '0-0') break
      cursor = next
    }
    return redriven
  }

  /** Writes everything not yet in PostgreSQL: stale pending entries, then unread ones. */
  private async drain(batch: VoucherBatch, staleMs: number): Promise<number> {
    let redriven = await this.redriveStale(batch, staleMs)
    const reader = `reconciler-${this.consumer}`
    for (let pass = 0; pass < 10_000; pass += 1) {
      const groups = await this.readNew(reader, 2000, null, { batchIds: [batch.id] })
      const count = groups.reduce((sum, group) => sum + group.entries.length, 0)
      for (const group of groups) redriven += await this.writeEntries(group.batch, group.entries)
      if (count === 0) break
    }
    await this.redis.xgroup('DELCONSUMER', this.keys(batch.id).stream, GROUP, reader).catch(() => undefined)
    return redriven
  }

  // Reconciliation -----------------------------------------------------------------------------

  private async compareRounds(batch: VoucherBatch): Promise<RoundComparison[]> {
    const k = this.keys(batch.id)
    const values = await this.redis.mget(...batch.rounds.flatMap((round) => [k.total(round.id), k.taken(round.id)]))
    const recorded = await claimedByRound(this.db, batch.id)
    return batch.rounds.map((round, index) => ({
      roundId: round.id,
      redisTotal: values[2 * index] === null ? null : Number(values[2 * index]),
      redisTaken: values[2 * index + 1] === null ? null : Number(values[2 * index + 1]),
      pgClaimed: recorded[round.id] ?? 0,
    }))
  }

  /**
   * Pauses the batch's gate (one rebuild at a time across processes), writes every claim not yet in
   * PostgreSQL — this process's orphaned 201s from the journal, then stale pending and unread
   * stream entries, after waiting for the other writers' in-hand entries — compares the counters
   * with the record and, when they differ (or a key is missing), rebuilds the batch's keys from
   * PostgreSQL: taken, totals, each resident's counts and the recent claim records. When the
   * stream's epoch was lost with claims possibly made, it first waits lossGraceMs for the other
   * processes' journals to write their orphans.
   */
  async reconcile(batch: VoucherBatch, at: number, options: { staleMs?: number; force?: boolean } = {}): Promise<ReconcileReport> {
    this.known.set(batch.id, batch)
    const k = this.keys(batch.id)
    const epochLost =
      (await this.redis.exists(k.epoch)) === 0 &&
      (this.epochsSeen.has(batch.id) || Object.values(await claimedByRound(this.db, batch.id)).some((n) => n > 0))
    // The stream and its group may be gone with the rest of Redis: create them again if so.
    this.groupsReady.delete(batch.id)
    await this.ensureGroup(batch.id)
    const token = `${this.consumer}:${randomUUID()}`
    if ((await this.redis.set(k.paused, token, 'PX', 60_000, 'NX')) === null) {
      await this.waitUnpaused(batch, 10_000, { pollOnly: true })
      return { batchId: batch.id, redriven: 0, agreed: false, rewritten: false, pendingElsewhere: 0, heldElsewhere: true, rounds: [] }
    }
    try {
      await this.journal.settle(batch.id)
      if (epochLost && this.lossGraceMs > 0) await sleep(this.lossGraceMs)
      const redriven = await this.drain(batch, options.staleMs ?? this.staleMs)
      // Other writers finish the entries in hand (the gate is paused, so no new ones come).
      let pending = (await this.redis.xpending(k.stream, GROUP)) as [number, ...unknown[]]
      for (let waited = 0; pending[0] > 0 && waited < 3000; waited += 50) {
        await sleep(50)
        pending = (await this.redis.xpending(k.stream, GROUP)) as [number, ...unknown[]]
      }
      const before = await this.compareRounds(batch)
      const agreed = before.every((round) => round.redisTaken === round.pgClaimed && round.redisTotal !== null)
      if (pending[0] > 0) return { batchId: batch.id, redriven, agreed, rewritten: false, pendingElsewhere: pending[0], rounds: before }
      if (agreed && !options.force) return { batchId: batch.id, redriven, agreed, rewritten: false, pendingElsewhere: 0, rounds: before }
      await this.rebuild(batch, at)
      const report = { batchId: batch.id, redriven, agreed, rewritten: true, pendingElsewhere: 0, rounds: await this.compareRounds(batch) }
      // The operator's trace of a loss: what Redis said against the record before the rebuild.
      if (!agreed) this.options.log?.warn({ ...report, before, epochLost }, 'voucher gate rebuilt from PostgreSQL (Redis disagreed or lost state)')
      return report
    } finally {
      await this.runScript(UNPAUSE_SCRIPT, [k.paused], [token])
    }
  }

  private async rebuild(batch: VoucherBatch, at: number): Promise<void> {
    const k = this.keys(batch.id)
    const claimed = await claimedByRound(this.db, batch.id)
    const stocks = roundStocks(batch, at, claimed, await returnedByRound(this.db, batch.id))
    for (const stock of stocks)
      await this.redis.mset(k.taken(stock.roundId), String(stock.claimed), k.total(stock.roundId), String(stock.stockable))
    await this.deleteMatching(k.userPattern)
    const counts = await ownerRoundCounts(this.db, batch.id)
    for (let start = 0; start < counts.length; start += 1000) {
      const pipeline = this.redis.pipeline()
      for (const row of counts.slice(start, start + 1000)) {
        pipeline.hincrby(k.user(row.owner_id), 'b', row.n)
        pipeline.hset(k.user(row.owner_id), `r:${row.round_id}`, row.n)
      }
      await pipeline.exec()
    }
    const recent = await recentClaimKeys(this.db, batch.id, new Date(at - MS_PER_DAY))
    for (let start = 0; start < recent.length; start += 1000) {
      const pipeline = this.redis.pipeline()
      for (const row of recent.slice(start, start + 1000)) {
        const ttl = Math.max(1000, row.claimed_at.getTime() + MS_PER_DAY - at)
        pipeline.set(k.claim(row.owner_id, row.claim_key), `${row.id}|${row.claimed_at.getTime()}|${row.round_id}`, 'PX', ttl)
      }
      await pipeline.exec()
    }
  }

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

  /**
   * Read-only proof that Redis and PostgreSQL agree for a batch: per round reserved = recorded,
   * per resident the gate's counts = the wallet's, nothing pending or unread. Meaningful when
   * the batch is quiet (after a rush, or after reconcile).
   */
  async verify(batch: VoucherBatch): Promise<VerifyReport> {
    const k = this.keys(batch.id)
    const rounds = await this.compareRounds(batch)
    const counts = await ownerRoundCounts(this.db, batch.id)
    const expected = new Map<string, Record<string, number>>()
    for (const row of counts) {
      const entry = expected.get(row.owner_id) ?? { b: 0 }
      entry.b += row.n
      entry[`r:${row.round_id}`] = row.n
      expected.set(row.owner_id, entry)
    }
    let mismatches = 0
    const owners = [...expected.keys()]
    for (let start = 0; start < owners.length; start += 1000) {
      const slice = owners.slice(start, start + 1000)
      const pipeline = this.redis.pipeline()
      for (const owner of slice) pipeline.hgetall(k.user(owner))
      const results = (await pipeline.exec()) ?? []
      slice.forEach((owner, index) => {
        const actual = (results[index]?.[1] ?? {}) as Record<string, string>
        const wanted = expected.get(owner)!
        const same =
          Object.keys(wanted).length === Object.keys(actual).length &&
          Object.entries(wanted).every(([field, n]) => Number(actual[field]) === n)
        if (!same) mismatches += 1
      })
    }
    let userKeys = 0
    let cursor = '0'
    do {
      const [next, found] = await this.redis.scan(cursor, 'MATCH', k.userPattern, 'COUNT', 1000)
      userKeys += found.length
      cursor = next
    } while (cursor !== '0')
    mismatches += Math.max(0, userKeys - owners.length)
    const pending = (await this.redis.xpending(k.stream, GROUP).catch(() => [0])) as [number]
    const streamLength = await this.redis.xlen(k.stream)
    const roundsAgree = rounds.every((round) => (round.redisTaken === null ? round.pgClaimed === 0 : round.redisTaken === round.pgClaimed))
    return {
      ok: roundsAgree && mismatches === 0 && pending[0] === 0 && streamLength === 0,
      rounds,
      residents: owners.length,
      residentMismatches: mismatches,
      pending: pending[0],
      streamLength,
    }
  }

  /** Removes every key under this engine's prefix (tests and benchmarks). */
  async purgeAll(): Promise<number> {
    return this.deleteMatching(`${this.prefix}*`)
  }
}
