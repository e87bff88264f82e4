/**
 * What the reminder routes do, apart from HTTP: create (from kind + subject, with the 提醒我 tap's
 * subscribe result), list, edit, cancel, and record credits. Every rule — offsets, fire times,
 * what a subscribe answer means — is the domain's (src/domain/reminders); this file decides only
 * what to store.
 *
 * Channel: a reminder is delivered over WeChat when the resident holds an unspent credit for its
 * kind's template (and WeChat can be used at all: a real template id, WeChat configured, a WeChat
 * login); otherwise in-app, in 我的提醒. Credits are per (resident, template), one per accepted
 * one-time subscription; a credit from a reminder's own tap is spent on that reminder first.
 */
import {
  chooseOffsets,
  firesOnPublication,
  ReminderError,
  interpretSubscribeResult,
  isPlaceholderTemplateId,
  REMINDER_KIND_SPECS,
  REMINDER_KINDS,
  type ReminderKind,
  type SubscribeInterpretation,
} from '../../../src/domain/reminders'
import { toIsoShanghai } from '../../../src/domain/time'
import { ApiError } from '../http/errors'
import type { Db, Queryable } from '../store/db'
import {
  addCredits,
  availableCredits,
  getOwnReminder,
  listDeliveries,
  listOwnReminders,
  skipPendingDeliveries,
  syncDeliveries,
  unlinkCredits,
  updateReminder,
  upsertReminder,
  type AvailableCredits,
  type Delivery,
  type Reminder,
} from '../store/reminders'
import type { ReminderCreditView, ReminderFireTimeView, ReminderView, SubscribeOutcomeView } from '../../../src/domain/contract/reminders'
import type { SubscribeMessenger } from '../wechat/subscribe-messages'
import type { ReminderConfig } from './config'
import { PASSED_MESSAGE, plannedFireTimes, resolveSubject, type SubjectPlan } from './subjects'

export interface SubscribeTap {
  /** The template ids the tap asked wx.requestSubscribeMessage for. */
  templateIds: string[]
  /** What its success or fail callback received, untouched; null where the API does not exist (H5). */
  result: Record<string, unknown> | null
}

export type FireTimeView = ReminderFireTimeView
export type { ReminderView, SubscribeOutcomeView }
export type CreditView = ReminderCreditView

const targetOf = (plan: SubjectPlan): Date | null => (plan.targetMs === null ? null : new Date(plan.targetMs))

const notFound = () => new ApiError(404, 'REMINDER_NOT_FOUND', '找不到这个提醒')

export class ReminderService {
  constructor(
    private readonly deps: { db: Db; config: ReminderConfig; messenger: SubscribeMessenger; now: () => Date },
  ) {}

  private templateOf(kind: ReminderKind): string {
    return this.deps.config.catalogue[kind].templateId
  }

  private async wechatPossible(q: Queryable, userId: string, kind: ReminderKind): Promise<boolean> {
    if (isPlaceholderTemplateId(this.templateOf(kind)) || !this.deps.messenger.configured) return false
    const [row] = await q.query<{ openid: string | null }>('select openid from users where id = $1', [userId])
    return Boolean(row?.openid)
  }

  /** The domain's rule (chooseOffsets) as a typed 400. */
  private checkOffsets(kind: ReminderKind, offsetsMs: number[] | undefined): number[] {
    try {
      return chooseOffsets(kind, offsetsMs)
    } catch (error) {
      if (error instanceof ReminderError) throw new ApiError(400, 'BAD_OFFSETS', error.message)
      throw error
    }
  }

  private async plan(kind: ReminderKind, subjectId: string, userId: string): Promise<SubjectPlan> {
    const now = this.deps.now().getTime()
    const resolved = await resolveSubject(this.deps.db, { kind, subjectId, userId, now })
    if (!resolved.ok) throw new ApiError(resolved.status, resolved.code, resolved.message)
    if (resolved.plan.targetMs !== null && resolved.plan.targetMs <= now) throw new ApiError(409, 'SUBJECT_PASSED', PASSED_MESSAGE[kind])
    return resolved.plan
  }

  /** At least one kept fire time must still be ahead, or the reminder could never fire. */
  private checkFuture(plan: SubjectPlan, offsetsMs: number[]): void {
    if (plan.targetMs === null) return
    const now = this.deps.now().getTime()
    const kept = plan.fireTimes.filter((time) => offsetsMs.includes(time.beforeMs))
    if (!kept.some((time) => time.fireAtMs > now)) {
      throw new ApiError(409, 'TOO_LATE', `${kept.map((time) => time.label).join('、')}的提醒时间已经过了`)
    }
  }

  private interpret(tap: SubscribeTap | undefined): SubscribeInterpretation | null {
    if (!tap) return null
    return interpretSubscribeResult(tap.result, tap.templateIds, this.deps.config.catalogue)
  }

  /** Credits for accepted templates of known kinds; a template of this reminder's kind is linked to it. */
  private creditGrants(interpretation: SubscribeInterpretation | null, reminder: Reminder | null) {
    return (interpretation?.decisions ?? [])
      .filter((decision) => decision.store === 'credit' && decision.kind !== null)
      .map((decision) => ({ templateId: decision.templateId, reminderId: reminder && decision.kind === reminder.kind ? reminder.id : null }))
  }

  private outcomeView(interpretation: SubscribeInterpretation | null, stored: number): SubscribeOutcomeView | null {
    if (!interpretation) return null
    return { message: interpretation.message, mainSwitchOff: interpretation.mainSwitchOff, decisions: interpretation.decisions, creditsStored: stored }
  }

  async create(
    userId: string,
    input: { kind: ReminderKind; subjectId: string; offsetsMs?: number[]; subscribe?: SubscribeTap },
  ): Promise<{ reminder: ReminderView; created: boolean; subscribe: SubscribeOutcomeView | null }> {
    const offsetsMs = this.checkOffsets(input.kind, input.offsetsMs)
    const plan = await this.plan(input.kind, input.subjectId, userId)
    this.checkFuture(plan, offsetsMs)
    const interpretation = this.interpret(input.subscribe)
    const now = this.deps.now()
    const { reminder, created, stored } = await this.deps.db.transaction(async (tx) => {
      const saved = await upsertReminder(
        tx,
        { userId, kind: plan.kind, subjectId: plan.subjectId, title: plan.title, targetAt: targetOf(plan), offsetsMs, payload: plan.payload },
        now,
      )
      // A 公布时提醒 has no fire time until an import queues it; syncing would drop one queued already.
      if (plan.targetMs !== null) await syncDeliveries(tx, saved.reminder.id, plannedFireTimes(plan, offsetsMs), offsetsMs, now)
      const count = await addCredits(tx, userId, this.creditGrants(interpretation, saved.reminder), now)
      return { ...saved, stored: count }
    })
    return { reminder: await this.view(userId, reminder), created, subscribe: this.outcomeView(interpretation, stored) }
  }

  async list(userId: string, options: { due: boolean; includeCancelled: boolean }): Promise<ReminderView[]> {
    const reminders = await listOwnReminders(this.deps.db, userId, { includeCancelled: options.includeCancelled && !options.due })
    const views = await this.views(userId, reminders)
    return options.due ? views.filter((view) => view.due) : views
  }

  async get(userId: string, id: string): Promise<ReminderView> {
    const reminder = await getOwnReminder(this.deps.db, userId, id)
    if (!reminder) throw notFound()
    return this.view(userId, reminder)
  }

  async update(userId: string, id: string, changes: { enabled?: boolean; offsetsMs?: number[] }): Promise<ReminderView> {
    const reminder = await getOwnReminder(this.deps.db, userId, id)
    if (!reminder) throw notFound()
    if (reminder.status === 'cancelled') throw new ApiError(409, 'REMINDER_CANCELLED', '这个提醒已取消，请重新设置提醒')
    const now = this.deps.now()
    const status = changes.enabled === undefined ? undefined : changes.enabled ? ('active' as const) : ('paused' as const)
    let offsetsMs: number[] | undefined
    let plan: SubjectPlan | undefined
    if (changes.offsetsMs !== undefined) {
      offsetsMs = this.checkOffsets(reminder.kind, changes.offsetsMs)
      plan = await this.plan(reminder.kind, reminder.subjectId, userId)
      this.checkFuture(plan, offsetsMs)
    }
    const updated = await this.deps.db.transaction(async (tx) => {
      const saved = await updateReminder(
        tx,
        reminder.id,
        { status, offsetsMs, ...(plan ? { title: plan.title, targetAt: targetOf(plan) ?? undefined, payload: plan.payload } : {}) },
        now,
      )
      if (plan && offsetsMs && plan.targetMs !== null) await syncDeliveries(tx, reminder.id, plannedFireTimes(plan, offsetsMs), offsetsMs, now)
      return saved
    })
    return this.view(userId, updated)
  }

  /** Cancelling twice is fine; another resident's reminder is as absent as a missing one. */
  async cancel(userId: string, id: string): Promise<void> {
    const reminder = await getOwnReminder(this.deps.db, userId, id)
    if (!reminder) throw notFound()
    const now = this.deps.now()
    await this.deps.db.transaction(async (tx) => {
      await updateReminder(tx, reminder.id, { status: 'cancelled' }, now)
      await skipPendingDeliveries(tx, reminder.id, 'USER_CANCELLED', '提醒已取消', now)
      await unlinkCredits(tx, reminder.id)
    })
  }

  async recordSubscriptions(userId: string, tap: SubscribeTap): Promise<{ subscribe: SubscribeOutcomeView; credits: CreditView[] }> {
    const interpretation = this.interpret(tap)!
    const stored = await addCredits(this.deps.db, userId, this.creditGrants(interpretation, null), this.deps.now())
    return { subscribe: this.outcomeView(interpretation, stored)!, credits: await this.credits(userId) }
  }

  async credits(userId: string): Promise<CreditView[]> {
    const available = await availableCredits(this.deps.db, userId)
    return REMINDER_KINDS.map((kind) => {
      const templateId = this.templateOf(kind)
      return {
        kind,
        templateId,
        wechat: !isPlaceholderTemplateId(templateId),
        available: available.filter((item) => item.templateId === templateId).reduce((sum, item) => sum + item.count, 0),
      }
    })
  }

  private async view(userId: string, reminder: Reminder): Promise<ReminderView> {
    const [view] = await this.views(userId, [reminder])
    return view
  }

  private async views(userId: string, reminders: readonly Reminder[]): Promise<ReminderView[]> {
    if (reminders.length === 0) return []
    const q = this.deps.db
    const deliveries = await listDeliveries(q, reminders.map((reminder) => reminder.id))
    const credits = await availableCredits(q, userId)
    const possible = new Map<ReminderKind, boolean>()
    for (const kind of new Set(reminders.map((reminder) => reminder.kind))) possible.set(kind, await this.wechatPossible(q, userId, kind))
    const now = this.deps.now().getTime()
    return reminders.map((reminder) => this.present(reminder, deliveries.filter((item) => item.reminderId === reminder.id), credits, possible.get(reminder.kind)!, now))
  }

  private present(reminder: Reminder, deliveries: Delivery[], credits: AvailableCredits[], wechatPossible: boolean, now: number): ReminderView {
    const spec = REMINDER_KIND_SPECS[reminder.kind]
    const templateId = this.templateOf(reminder.kind)
    const usable = credits.filter((item) => item.templateId === templateId && (item.reminderId === null || item.reminderId === reminder.id))
    const hasCredit = usable.some((item) => item.count > 0)
    const active = reminder.status === 'active'
    // A published rule stays published: its in-app reminder shows until the resident clears it.
    const targetAhead = firesOnPublication(reminder.kind) || (reminder.targetAt !== null && reminder.targetAt.getTime() > now)
    const fireTimes = deliveries.map(
      (delivery): FireTimeView => ({
        key: delivery.fireKey,
        label: delivery.label,
        beforeMs: delivery.beforeMs,
        fireAt: toIsoShanghai(delivery.fireAt),
        status: delivery.status,
        channel: delivery.channel,
        reason: delivery.reason,
        due: active && targetAhead && delivery.channel === 'in-app' && delivery.fireAt.getTime() <= now,
      }),
    )
    const upcoming = deliveries.filter((delivery) => delivery.status === 'pending' || delivery.status === 'sending')
    return {
      id: reminder.id,
      kind: reminder.kind,
      kindLabel: spec.label,
      subjectId: reminder.subjectId,
      title: reminder.title,
      targetAt: reminder.targetAt === null ? null : toIsoShanghai(reminder.targetAt),
      targetLabel: spec.target,
      status: reminder.status,
      channel: wechatPossible && hasCredit ? 'wechat' : 'in-app',
      templateId,
      offsets: spec.offsets.map((offset) => ({ beforeMs: offset.beforeMs, label: offset.label, selected: reminder.offsetsMs.includes(offset.beforeMs) })),
      fireTimes,
      nextFireAt: active && upcoming.length > 0 ? toIsoShanghai(upcoming[0].fireAt) : null,
      due: fireTimes.some((time) => time.due),
      createdAt: toIsoShanghai(reminder.createdAt),
      updatedAt: toIsoShanghai(reminder.updatedAt),
    }
  }
}
