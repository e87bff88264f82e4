/**
 * Everything the voucher endpoints do, on top of a claim engine: the in-process rush gate,
 * live stock for GET /batches, the wallet and its signed redemption codes, merchant redemptions
 * and refunds, the expiry job, and the upkeep that keeps each round stocked. Every decision is
 * the domain's (src/domain/vouchers); this file gathers the counts the domain asks for, in the
 * transaction that writes the outcome.
 */
import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto'
import { fastClaimCheck } from '../../../src/domain/vouchers/claim'
import { MS_PER_DAY } from '../../../src/domain/time'
import { parseIsoInstant, toIsoShanghaiMs } from '../../../src/domain/time/shanghai'
import { checkRedemption, applyRedemption, redemptionDay, type RedemptionRejection } from '../../../src/domain/vouchers/redemption'
import {
  issueRedemptionToken,
  REDEMPTION_TOKEN_REFRESH_BEFORE_SECONDS,
  verifyRedemptionToken,
  type Hmac,
} from '../../../src/domain/vouchers/redemption-token'
import {
  deriveOfflineCodeSecret,
  encodeOfflineCodeSecret,
  isOfflineCode,
  isOfflineCodeReused,
  OFFLINE_CODE_MESSAGES,
  OFFLINE_CODE_SKEW_STEPS,
  OFFLINE_CODE_STEP_SECONDS,
  verifyOfflineCode,
  type KeyedHmac,
} from '../../../src/domain/vouchers/offline-code'
import { decideRefund } from '../../../src/domain/vouchers/refund'
import { openRound, roundForReturnedQuota } from '../../../src/domain/vouchers/rounds'
import type { VoucherBatch } from '../../../src/domain/vouchers/schema'
import type { WalletStatus } from '../../../src/domain/vouchers/validity'
import type { VoucherConfig } from '../config'
import { isMerchantSuspended } from '../admin/store'
import { ApiError } from '../http/errors'
import { getUser } from '../store/accounts'
import { getBatch, getMerchant } from '../store/content'
import type { Db } from '../store/db'
import { lastAcceptedCodeStep, recordAcceptedCodeStep } from '../store/redemption-code-steps'
import { recordStaffRefusal } from '../store/staff-refusals'
import {
  addBatchRedeemed,
  ensureSecret,
  expireDue,
  findOrderRedemption,
  findRedemption,
  finishIdempotent,
  getVoucher,
  insertRedemption,
  listMerchantRedemptions,
  listOwnVouchers,
  lockBatchTotals,
  markVoucherUsed,
  merchantDayTotals,
  orderVouchers,
  purgeIdempotencyKeys,
  recordQuotaReturns,
  recordRefund,
  releaseIdempotent,
  restoreVoucher,
  returnedByRound,
  startIdempotent,
  type CountByRound,
} from '../store/vouchers'
import { errorAnswer, keyReusedAnswer, presentVoucher, rejectedAnswer, type Answer, type WalletVoucherView } from './answers'
import { BatchCache, type CachedBatch } from './batch-cache'
import { CONTROL_REFRESH_MS, RefusalCounter, RoundControls } from './controls'
import type { ClaimEngine, ClaimLimits, ClaimRequest, ClaimResult, LimitUsage } from './engine'
import { RedisClaimEngine, type RedisEngineOptions } from './redis-engine'
import { roundStocks } from './stock'
import { StoreClaimEngine, type StoreEngineOptions } from './store-engine'

export interface Logger {
  info(obj: unknown, msg?: string): void
  warn(obj: unknown, msg?: string): void
  error(obj: unknown, msg?: string): void
}

export interface VoucherServiceOptions {
  db: Db
  config: VoucherConfig
  now: () => Date
  log: Logger
  /** Background ticks (batch reload, upkeep, expiry). Tests turn them off and call the jobs. */
  timers?: boolean
  storeEngine?: StoreEngineOptions
  redisEngine?: Partial<RedisEngineOptions>
}

export interface LiveStock {
  at: number
  claimedByRound: CountByRound
  remainingByRound: Record<string, number>
}

export type BatchView = CachedBatch & { live: LiveStock & { serverTime: string } }

export interface ClaimInput {
  userId: string
  residentCounty: string | null | undefined
  batchId: string
  roundId?: string
  key: string
  /** The claim route's rate limits, for an engine that counts them in its own round trip (engine.countsLimits). */
  limits?: ClaimLimits
}

/** A claim's answer, and the resident's rate-limit window when the engine counted it. */
export type ClaimAnswer = Answer & { usage?: LimitUsage }

const LIVE_MAX_AGE_MS = 1000
const IDEMPOTENCY_KEEP_MS = 2 * MS_PER_DAY

/** 409 for the state of the voucher, the order or the day; 422 for what the cashier sent; 403 for who scans. */
function redemptionStatus(code: RedemptionRejection['code']): number {
  switch (code) {
    case 'ALREADY_USED':
    case 'EXPIRED':
    case 'NOT_YET_VALID':
    case 'ONE_PER_TRANSACTION':
    case 'DAILY_CAP':
    case 'BUDGET_EXHAUSTED':
      return 409
    case 'NOT_MERCHANT_STAFF':
      return 403
    default:
      return 422
  }
}

export class VoucherService {
  readonly batches: BatchCache
  readonly engine: ClaimEngine
  /** Paused rounds and closed batches (the operators' kill switch), asked by the claim gate. */
  readonly controls = new RoundControls()
  /** Today's refusals by code, for the console's dashboard. */
  readonly refusals = new RefusalCounter()
  private readonly db: Db
  private readonly now: () => Date
  private readonly log: Logger
  private hmac: Hmac | null = null
  /** Per batch: the last counts, when they were read (process time, not the injectable clock), and a refresh in flight. */
  private readonly live = new Map<string, { stock: LiveStock; readAt: number; refreshing: Promise<LiveStock> | null }>()
  private readonly fingerprints = new Map<string, string>()
  private readonly opensAt = new WeakMap<VoucherBatch, number>()
  private readonly timers: NodeJS.Timeout[] = []
  private jobs: Promise<unknown> | null = null

  constructor(private readonly options: VoucherServiceOptions) {
    this.db = options.db
    this.now = options.now
    this.log = options.log
    this.batches = new BatchCache(options.db)
    const { config } = options
    this.engine =
      config.engine === 'redis' && config.redisUrl
        ? new RedisClaimEngine(options.db, {
            url: config.redisUrl,
            prefix: config.redisKeyPrefix,
            log: options.log,
            // Production refuses a Redis that would forget answered claims on restart (issue 16).
            persistence: config.production ? (config.redisPersistenceAssured ? 'assured' : 'require') : 'warn',
            ...options.redisEngine,
          })
        : new StoreClaimEngine(options.db, options.storeEngine)
  }

  async start(): Promise<void> {
    const { redemptionSecret, production } = this.options.config
    const secret =
      redemptionSecret ?? (production ? null : await ensureSecret(this.db, 'redemption-token', () => randomBytes(32).toString('base64url')))
    if (secret) this.hmac = (message) => createHmac('sha256', secret).update(message).digest()
    else this.log.error({}, 'REDEMPTION_SECRET is not set: redemption codes cannot be issued or checked until it is')
    await this.engine.start()
    await this.batches.refresh()
    await this.controls.refresh(this.db)
    await this.upkeepAll()
    if (this.options.timers === false) return
    // Its own timer, not the tick's: the tick waits while the jobs run, a pause must not.
    const controls = setInterval(
      () => void this.controls.refresh(this.db).catch((error: unknown) => this.log.warn({ err: error }, 'round controls refresh failed')),
      CONTROL_REFRESH_MS,
    )
    controls.unref()
    this.timers.push(controls)
    const tick = setInterval(() => void this.guard('voucher tick', () => this.tick()), 1000)
    const jobs = setInterval(() => void this.guard('voucher jobs', () => this.runJobs()), this.options.config.upkeepIntervalMs)
    tick.unref()
    jobs.unref()
    this.timers.push(tick, jobs)
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer)
    await this.jobs?.catch(() => undefined)
    await this.engine.close()
  }

  private async guard(what: string, work: () => Promise<unknown>): Promise<void> {
    if (this.jobs) return
    this.jobs = work()
    try {
      await this.jobs
    } catch (error) {
      this.log.error({ err: error }, `${what} failed`)
    } finally {
      this.jobs = null
    }
  }

  /** Picks up imported batches and stocks them. */
  async tick(): Promise<void> {
    const changed = await this.batches.refresh()
    const at = this.now().getTime()
    for (const id of changed) {
      this.live.delete(id)
      const batch = this.batches.get(id)
      if (batch) await this.engine.upkeep(batch, at)
    }
  }

  /** The periodic jobs: expiry (with quota return), stock upkeep, old idempotency keys. */
  async runJobs(): Promise<void> {
    await this.batches.refresh()
    await this.expire()
    await this.upkeepAll()
    await purgeIdempotencyKeys(this.db, new Date(this.now().getTime() - IDEMPOTENCY_KEEP_MS))
  }

  /**
   * After vouchers were written to the store behind the engine's back (the development seed):
   * reload the batches and make the gate count from the store again.
   */
  async resyncFromStore(): Promise<void> {
    await this.batches.refresh()
    this.live.clear()
    const at = this.now().getTime()
    for (const batch of this.batches.all()) {
      if (this.engine instanceof RedisClaimEngine) await this.engine.reconcile(batch, at, { force: true })
      else await this.engine.upkeep(batch, at)
    }
  }

  async upkeepAll(): Promise<void> {
    const at = this.now().getTime()
    for (const batch of this.batches.all()) {
      await this.engine.upkeep(batch, at)
      this.live.delete(batch.id)
    }
  }

  // Live stock ----------------------------------------------------------------------------------

  private async computeLive(batch: VoucherBatch): Promise<LiveStock> {
    const at = this.now().getTime()
    const [claimed, returned] = await Promise.all([this.engine.claimedByRound(batch), returnedByRound(this.db, batch.id)])
    const stocks = roundStocks(batch, at, claimed, returned)
    return {
      at,
      claimedByRound: Object.fromEntries(stocks.map((stock) => [stock.roundId, stock.claimed])),
      remainingByRound: Object.fromEntries(stocks.map((stock) => [stock.roundId, stock.remaining])),
    }
  }

  private refreshLive(batch: VoucherBatch): Promise<LiveStock> {
    const entry = this.live.get(batch.id)
    if (entry?.refreshing) return entry.refreshing
    const refreshing = this.computeLive(batch).then(
      (stock) => {
        this.live.set(batch.id, { stock, readAt: performance.now(), refreshing: null })
        return stock
      },
      (error: unknown) => {
        const current = this.live.get(batch.id)
        if (current) current.refreshing = null
        else this.live.delete(batch.id)
        throw error
      },
    )
    if (entry) entry.refreshing = refreshing
    else this.live.set(batch.id, { stock: { at: 0, claimedByRound: {}, remainingByRound: {} }, readAt: -Infinity, refreshing })
    return refreshing
  }

  /** Live counts, at most ~1 s old. */
  async liveStock(batch: VoucherBatch): Promise<LiveStock> {
    const entry = this.live.get(batch.id)
    if (entry && performance.now() - entry.readAt <= LIVE_MAX_AGE_MS) return entry.stock
    return this.refreshLive(batch)
  }

  /** Counts read now, for the console (a handful of operators, not the rush). */
  async freshStock(batch: VoucherBatch): Promise<LiveStock> {
    return this.refreshLive(batch)
  }

  /** What the gate knows without I/O; starts a refresh in the background when it is stale. */
  private peekRemaining(batch: VoucherBatch): Record<string, number> | null {
    const entry = this.live.get(batch.id)
    if (!entry || performance.now() - entry.readAt > LIVE_MAX_AGE_MS) {
      void this.refreshLive(batch).catch((error) => this.log.warn({ err: error }, 'live stock refresh failed'))
    }
    return entry && entry.stock.at > 0 ? entry.stock.remainingByRound : null
  }

  async batchViews(batches: readonly CachedBatch[]): Promise<BatchView[]> {
    const serverTime = toIsoShanghaiMs(this.now().getTime())
    return Promise.all(batches.map(async (batch) => ({ ...batch, live: { ...(await this.liveStock(batch)), serverTime } })))
  }

  // Claims --------------------------------------------------------------------------------------

  async findBatch(batchId: string): Promise<CachedBatch> {
    const batch = this.batches.get(batchId) ?? (await this.batches.load(batchId))
    if (!batch) throw new ApiError(404, 'NOT_FOUND', '找不到这个消费券批次')
    return batch
  }

  /** What a claim's Idempotency-Key is bound to: the batch and the round asked for (a handful per batch, so kept). */
  private claimFingerprint(batchId: string, roundId: string | undefined): string {
    const id = `${batchId}\n${roundId ?? ''}`
    let fingerprint = this.fingerprints.get(id)
    if (fingerprint === undefined) {
      fingerprint = createHash('sha256').update(`claim\n${id}`).digest('base64url')
      if (this.fingerprints.size >= 10_000) this.fingerprints.clear()
      this.fingerprints.set(id, fingerprint)
    }
    return fingerprint
  }

  async claim(input: ClaimInput): Promise<ClaimAnswer> {
    const batch = await this.findBatch(input.batchId)
    if (input.roundId !== undefined && !batch.rounds.some((round) => round.id === input.roundId)) {
      throw new ApiError(404, 'NOT_FOUND', '这个批次没有这一轮')
    }
    const at = this.now().getTime()
    const remaining = this.peekRemaining(batch)
    const targetRound = input.roundId ?? openRound(batch, at)?.round.id
    const request: ClaimRequest = {
      batch,
      roundId: input.roundId,
      userId: input.userId,
      residentCounty: input.residentCounty,
      key: input.key,
      fingerprint: this.claimFingerprint(batch.id, input.roundId),
      at,
      remainingHint: targetRound && remaining ? (remaining[targetRound] ?? null) : null,
      limits: input.limits,
    }
    // The rush gate: paused or closed by an operator, not open yet, closed, or sold out — answered from memory.
    const refusal = this.controls.refusal(batch, input.roundId, at) ?? this.fastRefusal(batch, at, remaining, input.roundId)
    if (refusal) {
      // A key used before (here or in another process, or before a restart) gets its first answer,
      // never a refusal that contradicts it (a 201 in the wallet, then SOLD_OUT): one look-up, none
      // before the first round opens (no key can have an answer then that differs from this one).
      // So no process keeps the keys it answered (issue 20: one string less per claim in the old
      // generation the garbage collector walks).
      const first = at < this.firstOpensAt(batch) ? null : await this.engine.answered(request)
      if (first) return this.settled(batch, at, first)
      this.refusals.countAnswer(refusal.body, at)
      return refusal
    }
    return this.settled(batch, at, await this.engine.claim(request))
  }

  private fastRefusal(batch: VoucherBatch, at: number, remaining: Record<string, number> | null, roundId: string | undefined): Answer | null {
    const fast = fastClaimCheck(batch, at, remaining ?? {}, roundId)
    return fast ? rejectedAnswer(fast) : null
  }

  /** When the batch's first round opens (epoch ms), kept per batch object. */
  private firstOpensAt(batch: VoucherBatch): number {
    let opensAt = this.opensAt.get(batch)
    if (opensAt === undefined) {
      opensAt = batch.rounds.length > 0 ? parseIsoInstant(batch.rounds[0].opensAt) : Infinity
      this.opensAt.set(batch, opensAt)
    }
    return opensAt
  }

  /** The engine's answer: refusals counted for the console, a sold-out round remembered by the gate. */
  private settled(batch: VoucherBatch, at: number, result: ClaimResult): ClaimAnswer {
    if (result.status >= 400) this.refusals.countAnswer(result.body, at)
    if (result.soldOutRoundId) {
      const entry = this.live.get(batch.id)
      if (entry && entry.stock.at > 0) entry.stock.remainingByRound = { ...entry.stock.remainingByRound, [result.soldOutRoundId]: 0 }
    }
    return result.usage ? { status: result.status, body: result.body, usage: result.usage } : { status: result.status, body: result.body }
  }

  // Wallet ------------------------------------------------------------------------------------

  private async view(voucher: Parameters<typeof presentVoucher>[0], at: number): Promise<WalletVoucherView> {
    const batch = await this.batches.load(voucher.batchId)
    if (!batch) throw new Error(`voucher ${voucher.id} names a batch that is gone: ${voucher.batchId}`)
    return presentVoucher(voucher, batch, at)
  }

  async wallet(userId: string, status?: WalletStatus): Promise<WalletVoucherView[]> {
    const at = this.now().getTime()
    const views = await Promise.all((await listOwnVouchers(this.db, userId)).map((voucher) => this.view(voucher, at)))
    return status ? views.filter((view) => view.displayStatus === status) : views
  }

  async walletVoucher(userId: string, voucherId: string): Promise<WalletVoucherView> {
    const voucher = await getVoucher(this.db, voucherId)
    // Another resident's voucher answers exactly like a missing one.
    if (!voucher || voucher.ownerId !== userId) throw new ApiError(404, 'NOT_FOUND', '找不到这张券')
    return this.view(voucher, this.now().getTime())
  }

  async redemptionCode(userId: string, voucherId: string): Promise<{ token: string; expiresAt: string; refreshAt: string }> {
    const view = await this.walletVoucher(userId, voucherId)
    if (view.displayStatus !== 'usable' && view.displayStatus !== 'returned-after-refund') {
      throw new ApiError(409, 'NOT_USABLE', view.displayStatus === 'used' ? '这张券已经用过了' : '这张券已过期')
    }
    const { token, payload } = issueRedemptionToken(
      { voucherId: view.id, ownerId: view.ownerId, issuedAt: this.now().getTime() },
      this.requireHmac(),
    )
    return {
      token,
      expiresAt: toIsoShanghaiMs(payload.expiresAt),
      refreshAt: toIsoShanghaiMs(payload.expiresAt - REDEMPTION_TOKEN_REFRESH_BEFORE_SECONDS * 1000),
    }
  }

  /**
   * The voucher's offline-code secret (src/domain/vouchers/offline-code.ts), for its owner's phone
   * to keep: with it the phone shows a valid, rotating code at a till with no signal. Derived from
   * the server's key, so nothing is stored; only for a voucher that can still be used.
   */
  async offlineCodeKey(
    userId: string,
    voucherId: string,
  ): Promise<{ voucherId: string; ownerId: string; secret: string; stepSeconds: number; skewSteps: number; serverTime: string; validTo: string }> {
    const view = await this.walletVoucher(userId, voucherId)
    if (view.displayStatus !== 'usable' && view.displayStatus !== 'returned-after-refund') {
      throw new ApiError(409, 'NOT_USABLE', view.displayStatus === 'used' ? '这张券已经用过了' : '这张券已过期')
    }
    const secret = deriveOfflineCodeSecret({ voucherId: view.id, ownerId: view.ownerId }, this.requireHmac())
    return {
      voucherId: view.id,
      ownerId: view.ownerId,
      secret: encodeOfflineCodeSecret(secret),
      stepSeconds: OFFLINE_CODE_STEP_SECONDS,
      skewSteps: OFFLINE_CODE_SKEW_STEPS,
      serverTime: toIsoShanghaiMs(this.now().getTime()),
      validTo: view.validTo,
    }
  }

  private keyedHmac: KeyedHmac = (key, message) => createHmac('sha256', key).update(message).digest()

  private requireHmac(): Hmac {
    if (!this.hmac) throw new ApiError(503, 'REDEMPTION_UNAVAILABLE', '核销功能暂不可用，请稍后再试', 60)
    return this.hmac
  }

  // Merchants ---------------------------------------------------------------------------------

  async redeem(
    staff: { userId: string; merchantId: string; requestId?: string },
    input: { code: string; orderAmountFen: number; orderId: string },
    idempotencyKey: string | null,
  ): Promise<Answer> {
    const at = this.now().getTime()
    // A code derived on the phone (offline, rotating every 30 s) or a token the server signed.
    const offline = isOfflineCode(input.code)
    const verified = offline
      ? verifyOfflineCode(input.code, at, { serverHmac: this.requireHmac(), hmac: this.keyedHmac })
      : verifyRedemptionToken(input.code, at, this.requireHmac())
    if (!verified.ok) return errorAnswer(422, verified.code, verified.message)
    const { voucherId, ownerId } = verified.payload
    const codeStep = 'step' in verified.payload ? verified.payload.step : null
    const idem = idempotencyKey ? { scope: 'redemption' as const, userId: staff.userId, key: idempotencyKey } : null
    if (idem) {
      const fingerprint = createHash('sha256').update(`redeem\n${voucherId}\n${input.orderId}\n${input.orderAmountFen}`).digest('base64url')
      const started = await startIdempotent(this.db, { ...idem, fingerprint, now: new Date(at), leaseMs: 30_000 })
      if (started.kind === 'replay') return { status: started.status, body: started.body }
      if (started.kind === 'in-flight') return errorAnswer(409, 'REDEMPTION_IN_FLIGHT', '上一次核销还在处理中，请稍候')
      if (started.kind === 'mismatch') return keyReusedAnswer()
    }
    try {
      const answer = await this.redeemOnce(staff, input, voucherId, ownerId, at, offline ? codeStep : null)
      if (idem) await finishIdempotent(this.db, { ...idem, status: answer.status, body: answer.body })
      return answer
    } catch (error) {
      if (idem) await releaseIdempotent(this.db, idem).catch(() => undefined)
      throw error
    }
  }

  private async redeemOnce(
    staff: { userId: string; merchantId: string; requestId?: string },
    input: { orderAmountFen: number; orderId: string },
    voucherId: string,
    ownerId: string,
    at: number,
    codeStep: number | null,
  ): Promise<Answer> {
    const merchant = await getMerchant(this.db, staff.merchantId)
    if (!merchant) throw new ApiError(403, 'NOT_MERCHANT_STAFF', '当前账号绑定的商户不存在，不能核销')
    if (await isMerchantSuspended(this.db, merchant.id)) throw new ApiError(403, 'MERCHANT_SUSPENDED', '本店的消费券核销已被暂停，请联系商务局')
    // A shop never redeems a voucher claimed by one of its own accounts (the cashier's own, or a
    // colleague's): that is the shop paying itself the subsidy (issue 16). Logged for operators.
    const owner = await getUser(this.db, ownerId)
    if (owner?.merchantId === merchant.id) {
      const message = '不能核销本店员工账号领取的消费券'
      await recordStaffRefusal(this.db, {
        at: new Date(at),
        userId: staff.userId,
        role: 'merchant',
        merchantId: merchant.id,
        action: 'redeem',
        target: voucherId,
        code: 'OWN_STAFF_VOUCHER',
        reason: owner.id === staff.userId ? `${message}（本人领取）` : message,
        requestId: staff.requestId ?? null,
      })
      return errorAnswer(403, 'OWN_STAFF_VOUCHER', message)
    }
    const unlocked = await getVoucher(this.db, voucherId)
    if (!unlocked) return errorAnswer(404, 'NOT_FOUND', '找不到这张券，请让顾客刷新券码后重新出示')
    const batch = await this.batches.load(unlocked.batchId)
    if (!batch) throw new Error(`voucher ${voucherId} names a batch that is gone`)
    return this.db.transaction(async (tx) => {
      const voucher = (await getVoucher(tx, voucherId, { forUpdate: true }))!
      // The same voucher on the same order here again (a retried scan): the first redemption.
      const existing = await findOrderRedemption(tx, merchant.id, input.orderId, voucherId)
      if (existing)
        return { status: 201, body: JSON.stringify({ data: { redemption: existing, voucher: presentVoucher(voucher, batch, at) } }) }
      // An offline code redeems once: the same step (or an older one) again is a replay, even after
      // a refund restored the voucher. Read under the voucher's row lock taken above.
      if (codeStep !== null && isOfflineCodeReused(codeStep, await lastAcceptedCodeStep(tx, voucherId))) {
        return errorAnswer(409, 'CODE_REUSED', OFFLINE_CODE_MESSAGES.CODE_REUSED)
      }
      const batchRedeemedFen = await lockBatchTotals(tx, batch.id)
      const day = redemptionDay(at)
      const decision = checkRedemption({
        voucher,
        batch,
        merchant,
        orderAmountFen: input.orderAmountFen,
        at,
        merchantRedemptionsToday: await merchantDayTotals(tx, merchant.id, batch.id, day),
        ownerId,
        scannedBy: staff.merchantId,
        alreadyOnOrder: await orderVouchers(tx, merchant.id, input.orderId),
        batchRedeemedFen,
      })
      if (!decision.ok) return errorAnswer(redemptionStatus(decision.code), decision.code, decision.message)
      const applied = applyRedemption({
        redemptionId: randomUUID(),
        orderId: input.orderId,
        voucher,
        merchant,
        orderAmountFen: input.orderAmountFen,
        discountFen: decision.discountFen,
        at,
      })
      if (!(await markVoucherUsed(tx, applied.voucher))) throw new Error(`voucher ${voucherId} changed under its row lock`)
      await insertRedemption(tx, applied.redemption, decision.day, staff.userId)
      if (codeStep !== null) await recordAcceptedCodeStep(tx, voucherId, codeStep, new Date(at))
      await addBatchRedeemed(tx, batch.id, decision.discountFen)
      return {
        status: 201,
        body: JSON.stringify({ data: { redemption: applied.redemption, voucher: presentVoucher(applied.voucher, batch, at) } }),
      }
    })
  }

  async merchantRedemptions(merchantId: string, day: string) {
    return listMerchantRedemptions(this.db, merchantId, day)
  }

  async refund(staff: { merchantId: string }, input: { redemptionId: string; full: boolean }): Promise<Answer> {
    const at = this.now().getTime()
    const found = await findRedemption(this.db, input.redemptionId)
    // Another merchant's redemption answers exactly like a missing one.
    if (!found || found.merchantId !== staff.merchantId) throw new ApiError(404, 'NOT_FOUND', '找不到这笔核销记录')
    const batch = await this.batches.load(found.batchId)
    if (!batch) throw new Error(`redemption ${found.id} names a batch that is gone`)
    return this.db.transaction(async (tx) => {
      const redemption = (await findRedemption(tx, input.redemptionId, { forUpdate: true }))!
      const voucher = (await getVoucher(tx, redemption.voucherId, { forUpdate: true }))!
      const decision = decideRefund({ batch, redemption, voucher, full: input.full, at })
      if (decision.code === 'ALREADY_REFUNDED') return errorAnswer(409, 'ALREADY_REFUNDED', decision.message)
      if (!(await recordRefund(tx, decision.redemption))) throw new Error(`redemption ${redemption.id} changed under its row lock`)
      if (decision.restored) {
        if (!(await restoreVoucher(tx, decision.voucher, redemption.id)))
          throw new Error(`voucher ${voucher.id} changed under its row lock`)
        await lockBatchTotals(tx, batch.id)
        await addBatchRedeemed(tx, batch.id, -decision.budgetReleasedFen)
      }
      return {
        status: 200,
        body: JSON.stringify({
          data: { outcome: decision.code, message: decision.message, voucher: presentVoucher(decision.voucher, batch, at) },
        }),
      }
    })
  }

  // Expiry --------------------------------------------------------------------------------------

  /**
   * Moves usable vouchers past their validTo to expired — each exactly once: one UPDATE …
   * RETURNING per chunk, and the quota return (roundForReturnedQuota) written in the same
   * transaction for exactly the rows that UPDATE moved.
   */
  async expire(at: Date = this.now()): Promise<{ expired: number; returned: number }> {
    let expired = 0
    let returned = 0
    const touched = new Set<string>()
    for (let pass = 0; pass < 10_000; pass += 1) {
      const moved = await this.db.transaction(async (tx) => {
        const rows = await expireDue(tx, at, 1000)
        const returns: { voucherId: string; batchId: string; toRoundId: string }[] = []
        for (const row of rows) {
          touched.add(row.batch_id)
          const batch = this.batches.get(row.batch_id) ?? (await getBatch(tx, row.batch_id))
          const roundIndex = batch ? roundForReturnedQuota(batch, at.getTime()) : null
          if (batch && roundIndex !== null)
            returns.push({ voucherId: row.id, batchId: row.batch_id, toRoundId: batch.rounds[roundIndex].id })
        }
        returned += await recordQuotaReturns(tx, returns, at)
        return rows.length
      })
      expired += moved
      if (moved < 1000) break
    }
    for (const batchId of touched) {
      this.live.delete(batchId)
      const batch = await this.batches.load(batchId)
      if (batch) await this.engine.upkeep(batch, at.getTime())
    }
    return { expired, returned }
  }
}
