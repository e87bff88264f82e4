/**
 * The reminder scheduler: a loop over the store instead of a job queue, so the embedded PGlite
 * store works exactly like PostgreSQL and there is one queue to reason about.
 *
 * Exactly once. Each fire time is one row of reminder_deliveries, unique per (reminder, fire key),
 * so it cannot be queued twice. A worker takes due rows with `for update skip locked`, marking
 * them 'sending' with a lease and a fresh claim token; it records the outcome only while it still
 * holds that token. A worker that dies mid-batch leaves 'sending' rows behind; once their lease
 * has run out the next run puts them back to pending (or fails them when their attempts are used
 * up). The one window no database can close — WeChat accepted a message and the process died
 * before writing 'sent' — is closed by WeChat itself: the retry spends no second credit, because
 * the user's one-time subscription was used by the first send and WeChat answers 43101.
 *
 * Per delivery, in order (WECHAT.md, issue 7):
 *  1. the reminder was cancelled or paused → skipped;
 *  2. the subject is re-read: gone, cancelled, used → skipped; its time moved → this fire time is
 *     skipped and the new ones queued; the target passed, or a later fire time is also due
 *     already (the server was down) → skipped;
 *  3. no WeChat possible (template still a placeholder, WeChat not configured, no openid) → fired
 *     in-app ('sent', channel 'in-app': 我的提醒 shows it);
 *  4. message data built and checked with buildSubscribeMessageData before anything is sent, so
 *     WeChat never sees a value it would answer 47003 to → otherwise failed, in-app;
 *  5. a credit is reserved (none → in-app) and subscribeMessage.send called:
 *       ok → sent, credit spent · 43101 → skipped, credit spent, never retried, in-app ·
 *       47003 / 40003 / 40037 → failed, not retried, credit back, in-app ·
 *       anything else (-1, timeouts, token failures) → retried with exponential backoff up to
 *       maxAttempts, keeping the credit; then failed, credit back, in-app.
 * Every decision and every send attempt is one row of reminder_send_log.
 */
import { createHash } from 'node:crypto'
import {
  buildSubscribeMessageData,
  isPlaceholderTemplateId,
  MessageDataError,
  type ReminderKind,
  type ReminderPayloads,
} from '../../../src/domain/reminders'
import type { Db, Queryable } from '../store/db'
import {
  claimDueDeliveries,
  finishDelivery,
  hasLaterDueSibling,
  heldCredit,
  logSend,
  recoverExpiredLeases,
  releaseCreditsOf,
  reserveCredit,
  settleCredit,
  syncDeliveries,
  updateReminder,
  type ClaimedDelivery,
  type DeliveryChannel,
  type DeliveryOutcome,
  type SendLogOutcome,
} from '../store/reminders'
import type { SubscribeMessenger, SubscribeSendResult } from '../wechat/subscribe-messages'
import type { ReminderConfig } from './config'
import { plannedFireTimes, resolveSubject } from './subjects'

export interface SchedulerLogger {
  info(object: object, message: string): void
  warn(object: object, message: string): void
  error(object: object, message: string): void
}

export interface RunSummary {
  claimed: number
  recovered: number
  sent: number
  inApp: number
  retried: number
  failed: number
  skipped: number
}

/** WeChat answers that another try cannot fix (WECHAT.md). */
export const NOT_RETRIED: Readonly<Record<number, string>> = {
  47003: '消息内容不符合微信要求（47003）',
  40003: '用户的 openid 无效（40003）',
  40037: '订阅模板 ID 无效（40037）',
}
export const NO_SUBSCRIPTION_ERRCODE = 43101

const emptySummary = (): RunSummary => ({ claimed: 0, recovered: 0, sent: 0, inApp: 0, retried: 0, failed: 0, skipped: 0 })

/** Backoff before attempt n+1: base·2^(n−1), capped, plus up to 20% spread fixed by the delivery id (no herd after a WeChat outage). */
export function retryDelayMs(deliveryId: string, attempts: number, settings: { retryBaseMs: number; retryMaxMs: number }): number {
  const exponential = Math.min(settings.retryMaxMs, settings.retryBaseMs * 2 ** Math.max(0, attempts - 1))
  const spread = createHash('sha256').update(`${deliveryId}:${attempts}`).digest().readUInt16BE(0) / 0xffff
  return Math.round(exponential * (1 + 0.2 * spread))
}

interface AttemptLog {
  templateId?: string | null
  errcode?: number | null
  errmsg?: string | null
  durationMs?: number
  message?: unknown
}

interface Decision {
  outcome: DeliveryOutcome
  /** `channel` is how this attempt went out: 'wechat' whenever WeChat was called. */
  log: AttemptLog & { outcome: SendLogOutcome; channel: DeliveryChannel }
  /** What to do with the credit this delivery holds. */
  credit: 'spend' | 'release' | 'keep'
  creditReason?: string
  /** Store changes that go with the outcome (a moved subject). */
  alsoWrite?: (q: Queryable) => Promise<void>
}

const skip = (code: string, reason: string): Decision => ({
  outcome: { status: 'skipped', channel: null, code, reason },
  log: { outcome: 'skipped', channel: 'in-app' },
  credit: 'release',
})
const inApp = (code: string, reason: string): Decision => ({
  outcome: { status: 'sent', channel: 'in-app', code, reason },
  log: { outcome: 'in-app', channel: 'in-app' },
  credit: 'release',
})

export interface SchedulerDeps {
  db: Db
  messenger: SubscribeMessenger
  config: ReminderConfig
  now: () => Date
  log: SchedulerLogger
}

export class ReminderScheduler {
  private timer: NodeJS.Timeout | null = null
  private running: Promise<unknown> | null = null
  private stopped = false
  private killed = false
  private readonly abort = new AbortController()
  /** Batches per poll, so one poll cannot run for ever while deliveries keep coming due. */
  private static readonly MAX_BATCHES_PER_POLL = 20

  constructor(private readonly deps: SchedulerDeps) {}

  get isRunning(): boolean {
    return this.timer !== null || this.running !== null
  }

  /** Polls every pollMs until stop(). */
  start(): void {
    if (this.timer || this.stopped) return
    const tick = async () => {
      this.timer = null
      const run = this.drain(ReminderScheduler.MAX_BATCHES_PER_POLL).catch((error: unknown) => this.deps.log.error({ err: error }, 'reminder scheduler run failed'))
      this.running = run
      await run
      this.running = null
      if (!this.stopped) this.timer = setTimeout(tick, this.deps.config.scheduler.pollMs)
    }
    this.timer = setTimeout(tick, 0)
  }

  /** Takes nothing new; waits for the batch in hand to finish and be recorded. */
  async stop(): Promise<void> {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    await this.running
  }

  /**
   * As if the process died here: in-flight sends are abandoned and nothing more is written. Used
   * by tests to prove the queue recovers; the rows it held stay 'sending' until their lease ends.
   */
  kill(): void {
    this.killed = true
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.abort.abort()
  }

  /** Runs batches until one comes back short (nothing more due), at most `maxBatches`. */
  async drain(maxBatches = ReminderScheduler.MAX_BATCHES_PER_POLL): Promise<RunSummary> {
    const total = emptySummary()
    for (let batch = 0; batch < maxBatches && !this.killed; batch += 1) {
      const summary = await this.runOnce()
      for (const key of Object.keys(total) as (keyof RunSummary)[]) total[key] += summary[key]
      if (summary.claimed < this.deps.config.scheduler.batchSize) break
    }
    return total
  }

  /** One batch: recover expired leases, claim what is due, process it with bounded concurrency. */
  async runOnce(): Promise<RunSummary> {
    const summary = emptySummary()
    if (this.killed) return summary
    const { db, config } = this.deps
    const settings = config.scheduler
    const now = this.deps.now()
    const claimed = await db.transaction(async (tx) => {
      const recovered = await recoverExpiredLeases(tx, now, settings.maxAttempts)
      await releaseCreditsOf(tx, recovered.failedIds)
      summary.recovered = recovered.requeued + recovered.failedIds.length
      summary.failed += recovered.failedIds.length
      return claimDueDeliveries(tx, now, settings.batchSize, settings.leaseMs)
    })
    summary.claimed = claimed.length
    let next = 0
    const worker = async () => {
      while (next < claimed.length && !this.killed) {
        const delivery = claimed[next]
        next += 1
        const status = await this.process(delivery).catch((error: unknown) => {
          // Left 'sending': its lease runs out and a later run tries it again.
          this.deps.log.error({ err: error, deliveryId: delivery.id }, 'reminder delivery failed unexpectedly')
          return null
        })
        if (status) summary[status] += 1
      }
    }
    await Promise.all(Array.from({ length: Math.min(settings.concurrency, claimed.length) }, worker))
    return summary
  }

  private async process(delivery: ClaimedDelivery): Promise<Exclude<keyof RunSummary, 'claimed' | 'recovered'> | null> {
    const decision = await this.decide(delivery)
    if (this.killed) return null
    const now = this.deps.now()
    const recorded = await this.deps.db.transaction(async (tx) => {
      const mine = await finishDelivery(tx, delivery, decision.outcome, now)
      if (mine) {
        const creditId = decision.credit === 'keep' ? null : await heldCredit(tx, delivery.id)
        if (creditId && decision.credit === 'spend') await settleCredit(tx, creditId, { spent: true, reason: decision.creditReason ?? 'sent' }, now)
        if (creditId && decision.credit === 'release') await settleCredit(tx, creditId, { spent: false }, now)
        await decision.alsoWrite?.(tx)
      }
      await logSend(
        tx,
        {
          deliveryId: delivery.id,
          reminderId: delivery.reminderId,
          userId: delivery.userId,
          attempt: delivery.attempts,
          channel: decision.log.channel,
          templateId: decision.log.templateId ?? this.deps.config.catalogue[delivery.kind].templateId,
          outcome: decision.log.outcome,
          errcode: decision.log.errcode,
          errmsg: decision.log.errmsg,
          reason: mine ? `${decision.outcome.code}: ${decision.outcome.reason}` : `LEASE_LOST: ${decision.outcome.code}`,
          durationMs: decision.log.durationMs,
          message: decision.log.message,
        },
        now,
      )
      return mine
    })
    if (!recorded) {
      this.deps.log.warn({ deliveryId: delivery.id }, 'reminder delivery lease was lost before its outcome was recorded')
      return null
    }
    const status = decision.outcome.status
    if (status === 'pending') return 'retried'
    if (status === 'sent') return decision.outcome.channel === 'wechat' ? 'sent' : 'inApp'
    return status === 'failed' ? 'failed' : 'skipped'
  }

  private async decide(delivery: ClaimedDelivery): Promise<Decision> {
    const { db, config, messenger } = this.deps
    if (delivery.reminderStatus === 'cancelled') return skip('USER_CANCELLED', '提醒已取消')
    if (delivery.reminderStatus === 'paused') return skip('PAUSED', '提醒已暂停，这次未发送')

    const now = this.deps.now().getTime()
    const resolved = await resolveSubject(db, { kind: delivery.kind, subjectId: delivery.subjectId, userId: delivery.userId, now })
    if (!resolved.ok) return skip(resolved.code, resolved.message)
    const plan = resolved.plan
    const kept = plannedFireTimes(plan, delivery.offsetsMs)
    const refresh = async (q: Queryable) => {
      const at = this.deps.now()
      await updateReminder(q, delivery.reminderId, { title: plan.title, targetAt: plan.targetMs === null ? undefined : new Date(plan.targetMs), payload: plan.payload }, at)
      await syncDeliveries(q, delivery.reminderId, kept, delivery.offsetsMs, at)
    }
    // A 公布时提醒 has one fire time, queued by the import that published its subject: none of the
    // moved / passed / superseded checks apply, and the message says when it was published.
    const payload = plan.targetMs === null ? { ...plan.payload, publishedAt: delivery.fireAt.getTime() } : plan.payload
    if (plan.targetMs !== null) {
      if (!kept.some((time) => time.key === delivery.fireKey)) return { ...skip('TIME_CHANGED', '时间已变更，已按新时间提醒'), alsoWrite: refresh }
      if (plan.targetMs <= now) return skip('TOO_LATE', '提醒时间已过，未发送')
      if (await hasLaterDueSibling(db, delivery, new Date(now))) return skip('SUPERSEDED', '已有更近的一次提醒，这次未发送')
    }

    const template = config.catalogue[delivery.kind]
    if (isPlaceholderTemplateId(template.templateId)) return inApp('IN_APP_NO_TEMPLATE', '微信提醒模板尚未配置，已在应用内提醒')
    if (!messenger.configured) return inApp('IN_APP_WECHAT_OFF', '服务器未配置微信，已在应用内提醒')
    if (!delivery.openid) return inApp('IN_APP_NO_OPENID', '未用微信登录，已在应用内提醒')

    let message: ReturnType<typeof buildSubscribeMessageData>
    try {
      message = buildSubscribeMessageData(delivery.kind as ReminderKind, payload as ReminderPayloads[ReminderKind], config.catalogue)
    } catch (error) {
      if (!(error instanceof MessageDataError)) throw error
      return {
        outcome: { status: 'failed', channel: 'in-app', code: 'MESSAGE_DATA_INVALID', reason: `消息内容有误，未发送：${error.message}` },
        log: { outcome: 'failed', channel: 'in-app', templateId: template.templateId },
        credit: 'release',
      }
    }

    const creditId = await reserveCredit(db, { deliveryId: delivery.id, userId: delivery.userId, templateId: template.templateId, reminderId: delivery.reminderId })
    if (!creditId) return inApp('IN_APP_NO_CREDIT', '没有可用的微信提醒次数，已在应用内提醒')
    // A kill between reserving and sending: nothing is written, the lease expires, the credit stays held for the retry.
    if (this.killed) return skip('KILLED', '进程已停止')

    const started = Date.now()
    const result = await messenger.send(
      { touser: delivery.openid, templateId: message.templateId, page: `${config.page}?reminderId=${delivery.reminderId}`, data: message.data },
      this.abort.signal,
    )
    const log: AttemptLog & { channel: DeliveryChannel } = {
      channel: 'wechat',
      templateId: message.templateId,
      durationMs: Date.now() - started,
      message: { data: message.data, shortened: message.shortened },
    }
    return this.judge(delivery, result, log)
  }

  private judge(delivery: ClaimedDelivery, result: SubscribeSendResult, log: AttemptLog & { channel: DeliveryChannel }): Decision {
    if (result.kind === 'sent') {
      return { outcome: { status: 'sent', channel: 'wechat', code: 'SENT', reason: '已通过微信提醒' }, log: { ...log, outcome: 'sent' }, credit: 'spend', creditReason: 'sent' }
    }
    const errcode = result.kind === 'wechat-error' ? result.errcode : result.kind === 'token-error' ? result.errcode : null
    const errLog = { ...log, errcode, errmsg: result.errmsg }
    if (errcode === NO_SUBSCRIPTION_ERRCODE) {
      return {
        outcome: { status: 'skipped', channel: 'in-app', code: 'WECHAT_43101', reason: '用户未订阅或已拒收微信提醒（43101），已在应用内提醒' },
        log: { ...errLog, outcome: 'skipped' },
        credit: 'spend',
        creditReason: '43101',
      }
    }
    if (result.kind === 'wechat-error' && NOT_RETRIED[result.errcode]) {
      return {
        outcome: { status: 'failed', channel: 'in-app', code: `WECHAT_${result.errcode}`, reason: `${NOT_RETRIED[result.errcode]}，已在应用内提醒` },
        log: { ...errLog, outcome: 'failed' },
        credit: 'release',
      }
    }
    const what = result.kind === 'network' ? '连不上微信' : result.kind === 'token-error' ? '获取微信凭证失败' : `微信返回错误 ${errcode}`
    const settings = this.deps.config.scheduler
    if (delivery.attempts >= settings.maxAttempts) {
      return {
        outcome: { status: 'failed', channel: 'in-app', code: 'ATTEMPTS_EXHAUSTED', reason: `${what}，重试 ${delivery.attempts} 次仍失败，已在应用内提醒` },
        log: { ...errLog, outcome: 'failed' },
        credit: 'release',
      }
    }
    const nextAttemptAt = new Date(this.deps.now().getTime() + retryDelayMs(delivery.id, delivery.attempts, settings))
    return {
      outcome: { status: 'pending', channel: null, code: 'RETRYING', reason: `${what}，稍后重试`, nextAttemptAt },
      log: { ...errLog, outcome: 'retry' },
      credit: 'keep',
    }
  }
}
