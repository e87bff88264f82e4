/**
 * The Redis gate for the rush (REDIS_URL). One Lua script (redis-scripts.ts), atomic in Redis,
 * checks the resident's limits and the round's stock, reserves, and appends the claim to the
 * batch's stream; the answer goes back at once. The stream writer (redis-writer.ts) puts the
 * stream in PostgreSQL; the reconciler (redis-reconciler.ts) proves Redis ≡ PostgreSQL and rebuilds
 * Redis from the record when they differ; the claim journal (claim-journal.ts) keeps this process's
 * 201s until they are written. The keys: redis-shared.ts.
 *
 * A new claim costs one round trip: BIND_AND_CLAIM_SCRIPT counts the claim route's rate limits,
 * binds the Idempotency-Key (in the resident's slot, so a key reused for another batch or round is
 * refused whatever batch it names) and claims (issue 20). A 201 is never
 * stored as text: a retry rebuilds it, byte for byte, from the claim record. Only refusals are
 * written back to the idempotency record; a missing state is rebuilt before the claim is answered,
 * and Redis unreachable answers 503 CLAIM_BUSY (issue 16; server/README.md, "Redis durability").
 */
import { hostname } from 'node:os'
import { randomUUID } from 'node:crypto'
import type { Worker } from 'node:worker_threads'
import { Redis } from 'ioredis'
import { decideClaim, newWalletVoucher } from '../../../src/domain/vouchers/claim'
import type { VoucherBatch } from '../../../src/domain/vouchers/schema'
import { MS_PER_DAY } from '../../../src/domain/time'
import { ApiError } from '../http/errors'
import { rateLimited } from '../http/user-rate-limit'
import type { Db } from '../store/db'
import { claimedByRound, returnedByRound, type CountByRound } from '../store/vouchers'
import { claimedAnswer, inFlightAnswer, keyReusedAnswer, rejectedAnswer, type Answer } from './answers'
import { ClaimJournal } from './claim-journal'
import type { ClaimEngine, ClaimRequest, ClaimResult } from './engine'
import { checkPersistence, type PersistencePolicy } from './redis-persistence'
import { Reconciler, type ReconcileReport, type VerifyReport } from './redis-reconciler'
import { BIND_AND_CLAIM_SCRIPT, CLAIM_SCRIPT, RAISE_SCRIPT } from './redis-scripts'
import { RedisShared, type BatchKeys } from './redis-shared'
import { StreamWriter } from './redis-writer'
import { roundNeedsStock, roundStocks } from './stock'

export type { ReconcileReport, RoundComparison, VerifyReport } from './redis-reconciler'
export type { StreamEntry } from './redis-writer'

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
  /** The writer reads the stream at most this often (default 300 ms), so a rush is written in large transactions. */
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

type ScriptReply = [string, ...string[]]

type KeyStart =
  | { kind: 'replay'; status: number; body: string }
  | { kind: 'mismatch' }
  /** Bound to this same request earlier (a retry): its claim record or its lease decides. */
  | { kind: 'bound'; leaseLive: boolean }

type Reserve = { done: ClaimResult } | { retry: 'missing' | 'paused' }

export class RedisClaimEngine implements ClaimEngine {
  readonly kind = 'redis' as const
  readonly countsLimits = true
  readonly redis: Redis
  private readonly blocking: Redis
  readonly prefix: string
  readonly consumer: string
  readonly shared: RedisShared
  readonly writer: StreamWriter
  readonly reconciler: Reconciler
  readonly journal: ClaimJournal
  private readonly upkeeps = new Map<string, Promise<void>>()
  private readonly leaseMs: number
  private readonly staleMs: number
  /** user + key of the claims running in this process: a retry of a key whose claim failed here takes it over at once. */
  private readonly inFlight = new Map<string, number>()

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
    this.leaseMs = options.leaseMs ?? 30_000
    this.staleMs = options.staleMs ?? 30_000
    this.shared = new RedisShared(this.redis, this.prefix, this.consumer)
    this.writer = new StreamWriter(this.shared, db, this.blocking, this.consumer, {
      url: options.url,
      writeIntervalMs: options.writeIntervalMs,
      heartbeatMs: options.heartbeatMs,
      log: options.log,
    })
    this.journal = new ClaimJournal(db, (batchId) => this.shared.streamState(batchId), options.journalIntervalMs ?? 200, options.log)
    this.reconciler = new Reconciler(this.shared, db, this.writer, this.journal, {
      staleMs: this.staleMs,
      lossGraceMs: options.lossGraceMs ?? 1000,
      log: options.log,
    })
    this.shared.onScriptCacheLost = (at) => this.rebuildAfterCacheLoss(at)
    // A reconnect may have lost the reply of a read: the writer reads its pending entries again at once.
    const again = () => this.writer.reconnected()
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
  }

  /**
   * Redis lost its script cache (RedisShared.onScriptCacheLost): every gate this process follows is
   * reconciled as if Redis had lost claims — its stream epoch replaced, so each process's journal
   * writes the 201s it answered and PostgreSQL does not hold yet, then the counters are compared
   * with the record and rebuilt where Redis is behind. In parallel: the loss grace is waited once.
   */
  private async rebuildAfterCacheLoss(at: number): Promise<void> {
    const batches = [...this.shared.known.values()]
    this.options.log?.warn(
      { batches: batches.map((batch) => batch.id) },
      'Redis lost its scripts (restart, failover or SCRIPT FLUSH): checking every gate against PostgreSQL before the next claim',
    )
    try {
      await Promise.all(batches.map((batch) => this.reconciler.reconcile(batch, at, { suspectLoss: true })))
    } catch (error) {
      // Nothing was granted (the claim script is not loaded again until this succeeds): the claims
      // waiting on it are retryable, and the next one runs the check again.
      this.options.log?.error({ err: error }, 'Redis lost its scripts and the gates could not be checked yet: claims answer 503 CLAIM_BUSY')
      throw claimBusy()
    }
  }

  /** A batch's key names. */
  keys(batchId: string): BatchKeys {
    return this.shared.keys(batchId)
  }

  /** NOSCRIPT recoveries so far (a SCRIPT FLUSH or a Redis restart). */
  get scriptReloads(): number {
    return this.shared.scriptReloads
  }

  runScript(source: string, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown> {
    return this.shared.runScript(source, keys, args)
  }

  // Lifecycle ----------------------------------------------------------------------------------

  async start(): Promise<void> {
    await this.redis.connect()
    await checkPersistence(this.redis, this.options.persistence ?? 'warn', this.options.log)
    if (this.options.worker === false) return
    await this.writer.start(this.options.writer ?? (this.db.shareable ? 'thread' : 'loop'))
  }

  async close(): Promise<void> {
    this.journal.close()
    await this.writer.stop()
    await Promise.allSettled([...this.upkeeps.values()])
    this.redis.disconnect()
  }

  /** The writer's worker thread, when it runs in one. */
  get writerThread(): Worker | null {
    return this.writer.workerThread
  }

  /** Makes a batch's stream one the writer reads (upkeep and reconcile do this too). */
  follow(batch: VoucherBatch): void {
    this.shared.known.set(batch.id, batch)
  }

  /** See Reconciler.reconcile. */
  reconcile(batch: VoucherBatch, at: number, options: { staleMs?: number; force?: boolean } = {}): Promise<ReconcileReport> {
    return this.reconciler.reconcile(batch, at, options)
  }

  /** See Reconciler.verify. */
  verify(batch: VoucherBatch): Promise<VerifyReport> {
    return this.reconciler.verify(batch)
  }

  /** Removes every key under this engine's prefix (tests and benchmarks). */
  purgeAll(): Promise<number> {
    return this.reconciler.purgeAll()
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
    const { batch, userId, key, fingerprint } = request
    const base = this.decisionBase(request)
    const first = this.firstDecision(request, base)
    const roundId = first.ok ? first.round.id : ''
    const voucherId = first.ok ? randomUUID() : ''
    // One round trip for a new key (issue 20): the limits, the key's binding and the claim.
    const k = this.shared.keys(batch.id)
    const limits = request.limits
    const reply = (await this.shared.runScript(
      BIND_AND_CLAIM_SCRIPT,
      [
        this.shared.idemKey(userId, key),
        k.total(roundId),
        k.taken(roundId),
        k.user(userId),
        k.claim(userId, key),
        k.stream,
        k.paused,
        k.epoch,
        limits ? this.limitKey('claim-user', limits.userMax, limits.windowMs, userId) : '',
        limits ? this.limitKey('claim-ip', limits.ipMax, limits.windowMs, limits.ip) : '',
      ],
      [
        roundId,
        userId,
        voucherId,
        request.at,
        batch.limits.perRound,
        batch.limits.perBatch,
        key,
        MS_PER_DAY,
        first.ok ? 'claim' : 'bind',
        this.leaseRecord(fingerprint),
        limits?.windowMs ?? 0,
        limits?.userMax ?? 0,
        limits?.ipMax ?? 0,
      ],
      request.at,
    )) as [number, number, ...ScriptReply]
    const [used, left, ...outcome] = reply
    const usage = limits ? { used: Number(used), max: limits.userMax } : undefined
    const withUsage = (result: ClaimResult): ClaimResult => (usage ? { ...result, usage } : result)
    if (outcome[0] === 'RATE_LIMITED') throw rateLimited(outcome[1] === 'ip' ? 'ip' : 'user', Number(outcome[2] ?? left))
    if (outcome[0] === 'BOUND') return withUsage(await this.continueBound(request, this.keyStart(outcome[1], fingerprint, seen)))
    if (!first.ok) {
      // Refused in the process (not open, not eligible): the key is bound now; its answer is recorded.
      const refused = rejectedAnswer(first)
      await this.finishKey(userId, key, fingerprint, refused)
      return withUsage(refused)
    }
    let result: ClaimResult
    try {
      const done = this.interpret(request, base, roundId, voucherId, outcome)
      result = 'done' in done ? done.done : await this.reserveAgain(request, base, roundId, voucherId, done.retry)
    } catch (error) {
      // Not an answer (Redis unreachable, rebuilding): the key stays free for the retry.
      await this.redis.del(this.shared.idemKey(userId, key)).catch(() => undefined)
      throw error
    }
    // A claim's answer is its claim record; a refusal is definitive and recorded here, to be replayed as it was.
    if (result.status !== 201) await this.finishKey(userId, key, fingerprint, result)
    return withUsage(result)
  }

  /** A key bound before this request (KeyStart): its first answer, CLAIM_IN_FLIGHT, 422, or the claim taken over. */
  private async continueBound(request: ClaimRequest, started: Promise<KeyStart> | KeyStart): Promise<ClaimResult> {
    const { userId, key, fingerprint } = request
    const start = await started
    if (start.kind === 'replay') return { status: start.status, body: start.body }
    if (start.kind === 'mismatch') return keyReusedAnswer()
    // A retry of a key bound to this request: its claim if it made one; else it is still running
    // (409), or its process died with the lease (or its claim failed here), and this request takes the key over.
    const replay = await this.replay(request)
    if (replay) return replay
    if (start.leaseLive) return inFlightAnswer()
    await this.redis.set(this.shared.idemKey(userId, key), this.leaseRecord(fingerprint), 'PX', MS_PER_DAY)
    let result: ClaimResult
    try {
      result = await this.decideAndReserve(request)
    } catch (error) {
      await this.redis.del(this.shared.idemKey(userId, key)).catch(() => undefined)
      throw error
    }
    if (result.status !== 201) await this.finishKey(userId, key, fingerprint, result)
    return result
  }

  /**
   * The first answer of a key used before, by any process (its recorded refusal, or its 201 from
   * the claim record; 422 for a key bound to another request), or null: a key not used, or bound
   * and not answered, hears the gate's refusal. Never a new claim: the gate refuses for reasons the
   * engine does not know (an operator's pause).
   */
  async answered(request: ClaimRequest): Promise<ClaimResult | null> {
    try {
      const raw = await this.redis.get(this.shared.idemKey(request.userId, request.key))
      if (raw === null) return null
      if (!raw.startsWith('l|')) {
        const record = JSON.parse(raw) as { fp: string; st: number; b: string }
        return record.fp === request.fingerprint ? { status: record.st, body: record.b } : keyReusedAnswer()
      }
      if (raw.split('|')[2] !== request.fingerprint) return keyReusedAnswer()
      return await this.replay(request)
    } catch (error) {
      if (!(error instanceof ApiError) && isRedisUnavailable(error)) throw claimBusy()
      throw error
    }
  }

  private limitKey(name: string, max: number, windowMs: number, who: string): string {
    return `${this.prefix}rl:${name}:${max}/${windowMs}:${who}`
  }

  /** Window and eligibility, in-process (no I/O); limits and stock are the script's. */
  private firstDecision(request: ClaimRequest, base: ReturnType<RedisClaimEngine['decisionBase']>) {
    return decideClaim({ ...base, userClaimsInRound: 0, userClaimsInBatch: 0, remainingInRound: Math.max(1, request.remainingHint ?? 1) })
  }

  private decisionBase(request: ClaimRequest): Pick<Parameters<typeof decideClaim>[0], 'batch' | 'roundId' | 'at' | 'resident'> {
    return { batch: request.batch, roundId: request.roundId, at: request.at, resident: { countyCode: request.residentCounty ?? null } }
  }

  /** The first answer of a key that claimed, from the claim record; null when it has not claimed. */
  private async replay(request: ClaimRequest): Promise<ClaimResult | null> {
    const { batch, userId, key } = request
    const k = this.shared.keys(batch.id)
    const reply = (await this.shared.runScript(
      CLAIM_SCRIPT,
      [k.total(''), k.taken(''), k.user(userId), k.claim(userId, key), k.stream, k.paused, k.epoch],
      ['', userId, '', 0, 0, 0, key, MS_PER_DAY, 'replay'],
      request.at,
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
    const base = this.decisionBase(request)
    const first = this.firstDecision(request, base)
    if (!first.ok) return rejectedAnswer(first)
    const roundId = first.round.id
    const voucherId = randomUUID()
    const outcome = await this.reserve(request, base, roundId, voucherId)
    return 'done' in outcome ? outcome.done : this.reserveAgain(request, base, roundId, voucherId, outcome.retry)
  }

  /**
   * Missing state is rebuilt from PostgreSQL and a pause waited out before the claim is answered;
   * if Redis still cannot decide, 503 CLAIM_BUSY (never SOLD_OUT from missing state).
   */
  private async reserveAgain(
    request: ClaimRequest,
    base: Pick<Parameters<typeof decideClaim>[0], 'batch' | 'roundId' | 'at' | 'resident'>,
    roundId: string,
    voucherId: string,
    retry: 'missing' | 'paused',
  ): Promise<ClaimResult> {
    for (let attempt = 1; attempt < 3; attempt += 1) {
      if (retry === 'missing') await this.upkeep(request.batch, request.at)
      else await this.waitUnpaused(request.batch, 3000)
      const outcome = await this.reserve(request, base, roundId, voucherId)
      if ('done' in outcome) return outcome.done
      retry = outcome.retry
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
    const k = this.shared.keys(batch.id)
    const reply = (await this.shared.runScript(
      CLAIM_SCRIPT,
      [k.total(roundId), k.taken(roundId), k.user(userId), k.claim(userId, key), k.stream, k.paused, k.epoch],
      [roundId, userId, voucherId, at, batch.limits.perRound, batch.limits.perBatch, key, MS_PER_DAY, 'claim'],
      at,
    )) as ScriptReply
    return this.interpret(request, base, roundId, voucherId, reply)
  }

  /** What a claim script's reply means for this request. */
  private interpret(
    request: ClaimRequest,
    base: Pick<Parameters<typeof decideClaim>[0], 'batch' | 'roundId' | 'at' | 'resident'>,
    roundId: string,
    voucherId: string,
    reply: readonly string[],
  ): Reserve {
    const { batch, userId, key, at } = request
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
  private async waitUnpaused(batch: VoucherBatch, limitMs: number): Promise<void> {
    const own = this.upkeeps.get(batch.id)
    if (own) await own
    else await this.reconciler.waitUnpaused(batch.id, limitMs)
  }

  /** 'l|<lease until, epoch ms>|<fingerprint>|<process>': bound to this request, the answer not recorded here. */
  private leaseRecord(fingerprint: string): string {
    return `l|${Date.now() + this.leaseMs}|${fingerprint}|${this.consumer}`
  }

  /** What an Idempotency-Key bound before is bound to (a lease record or a recorded answer). */
  private keyStart(raw: string, fingerprint: string, seen: string): KeyStart | Promise<KeyStart> {
    if (raw.startsWith('l|')) {
      const [, until, boundTo, owner] = raw.split('|')
      if (boundTo !== fingerprint) return { kind: 'mismatch' }
      if (Number(until) <= Date.now()) return { kind: 'bound', leaseLive: false }
      // Leased by this process and not running here: its claim failed before an answer (Redis went
      // away). Leased by a process whose writer has no heartbeat: it was killed. Either way the
      // retry need not wait the lease out — and a claim still racing it would find the claim record
      // the script writes atomically, and answer with that voucher.
      if (owner === this.consumer) return { kind: 'bound', leaseLive: this.inFlight.get(seen) !== 1 }
      if (owner === undefined) return { kind: 'bound', leaseLive: true }
      return this.redis
        .exists(this.shared.writerKey(owner), this.shared.writerKey(`${owner}-writer`))
        .then((alive) => ({ kind: 'bound', leaseLive: alive > 0 }))
    }
    const record = JSON.parse(raw) as { s: string; fp: string; st: number; b: string }
    if (record.fp !== fingerprint) return { kind: 'mismatch' }
    return { kind: 'replay', status: record.st, body: record.b }
  }

  private async finishKey(userId: string, key: string, fingerprint: string, answer: Answer): Promise<void> {
    await this.redis.set(
      this.shared.idemKey(userId, key),
      JSON.stringify({ s: 'done', fp: fingerprint, st: answer.status, b: answer.body }),
      'PX',
      MS_PER_DAY,
    )
  }

  async claimedByRound(batch: VoucherBatch): Promise<CountByRound> {
    const k = this.shared.keys(batch.id)
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
    this.shared.known.set(batch.id, batch)
    await this.shared.ensureGroup(batch.id)
    const k = this.shared.keys(batch.id)
    const live = batch.rounds.map((_, index) => index).filter((index) => roundNeedsStock(batch, index, at, MS_PER_DAY))
    if (live.length === 0) return
    const values = await this.redis.mget(
      ...live.flatMap((index) => [k.total(batch.rounds[index].id), k.taken(batch.rounds[index].id)]),
      k.epoch,
    )
    if (values.some((value) => value === null)) {
      await this.reconciler.reconcile(batch, at)
      return
    }
    const claimed = await this.claimedByRound(batch)
    const stocks = roundStocks(batch, at, claimed, await returnedByRound(this.db, batch.id))
    for (const index of live) await this.shared.runScript(RAISE_SCRIPT, [k.total(stocks[index].roundId)], [stocks[index].stockable])
    await this.writer.redriveStale(batch, this.staleMs)
  }
}
