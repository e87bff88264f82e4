/**
 * PIPL (个人信息保护法) in the store (issue 16; what is kept, why and how long: docs/PRIVACY.md):
 * a resident's own data as one document (art. 45, 导出我的数据), the account deleted with what is
 * only about it (art. 47, 注销账号), and the logs that are about people purged when their time is
 * up (art. 19: no longer than the purpose needs).
 */
import type { Queryable } from './db'

const ISO = (value: Date | null) => (value ? value.toISOString() : null)

export interface AccountExport {
  format: 'quhuitong/account-export@1'
  exportedAt: string
  account: {
    id: string
    role: string
    merchantId: string | null
    nickname: string | null
    devName: string | null
    wechatOpenid: string | null
    wechatUnionid: string | null
    residentCounty: string | null
    createdAt: string | null
    /** Only that one is kept (sealed), never its value: it is WeChat's key, not information about the resident. */
    wechatSessionKeyKept: boolean
  }
  sessions: Record<string, unknown>[]
  vouchers: Record<string, unknown>[]
  redemptionsOfMyVouchers: Record<string, unknown>[]
  reminders: Record<string, unknown>[]
  reminderDeliveries: Record<string, unknown>[]
  subscribeCredits: Record<string, unknown>[]
  reminderSendLog: Record<string, unknown>[]
  staffRefusals: Record<string, unknown>[]
}

/** Everything the store keeps about one account (null when there is no such account). */
export async function exportAccount(q: Queryable, userId: string, now: Date): Promise<AccountExport | null> {
  const [user] = await q.query<{
    id: string
    role: string
    merchant_id: string | null
    nickname: string | null
    dev_name: string | null
    openid: string | null
    unionid: string | null
    resident_county: string | null
    created_at: Date
    has_key: boolean
  }>(
    `select users.*, exists (select 1 from wechat_session_keys where user_id = users.id) as has_key from users where id = $1`,
    [userId],
  )
  if (!user) return null
  const rows = (sql: string) => q.query<Record<string, unknown>>(sql, [userId])
  const [sessions, vouchers, redemptions, reminders, deliveries, credits, sendLog, refusals] = await Promise.all([
    rows(`select id, login, created_at, expires_at, revoked_at, user_agent from sessions where user_id = $1 order by created_at`),
    rows(
      `select id, batch_id, round_id, status, claimed_at, valid_from, valid_to, used_at, redemption_id, restored_after_refund_at
       from vouchers where owner_id = $1 order by claimed_at`,
    ),
    rows(
      `select r.id, r.voucher_id, r.batch_id, r.merchant_id, r.order_id, r.order_amount_fen, r.discount_fen, r.redeemed_at, r.refund_at, r.refund_full, r.refund_restored
       from voucher_redemptions r join vouchers v on v.id = r.voucher_id where v.owner_id = $1 order by r.redeemed_at`,
    ),
    rows(`select id, kind, subject_id, title, target_at, offsets_ms, status, created_at, updated_at from reminders where user_id = $1 order by created_at`),
    rows(
      `select d.id, d.reminder_id, d.label, d.fire_at, d.status, d.channel, d.attempts, d.outcome_code, d.reason, d.finished_at
       from reminder_deliveries d join reminders r on r.id = d.reminder_id where r.user_id = $1 order by d.fire_at`,
    ),
    rows(`select id, template_id, reminder_id, state, granted_at, spent_at, spent_reason from subscribe_credits where user_id = $1 order by granted_at`),
    rows(`select id, reminder_id, attempt, at, channel, template_id, outcome, errcode, errmsg, reason, message from reminder_send_log where user_id = $1 order by at`),
    rows(`select id, at, role, merchant_id, action, target, code, reason from staff_refusals where user_id = $1 order by at`),
  ])
  const plain = (list: Record<string, unknown>[]) =>
    list.map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value])))
  return {
    format: 'quhuitong/account-export@1',
    exportedAt: now.toISOString(),
    account: {
      id: user.id,
      role: user.role,
      merchantId: user.merchant_id,
      nickname: user.nickname,
      devName: user.dev_name,
      wechatOpenid: user.openid,
      wechatUnionid: user.unionid,
      residentCounty: user.resident_county,
      createdAt: ISO(user.created_at),
      wechatSessionKeyKept: user.has_key,
    },
    sessions: plain(sessions),
    vouchers: plain(vouchers),
    redemptionsOfMyVouchers: plain(redemptions),
    reminders: plain(reminders),
    reminderDeliveries: plain(deliveries),
    subscribeCredits: plain(credits),
    reminderSendLog: plain(sendLog),
    staffRefusals: plain(refusals),
  }
}

export interface DeletedAccount {
  /** Vouchers kept for the city's accounts (stock, budget, settlement), now without an owner. */
  vouchersKept: number
}

/**
 * Deletes the account and everything only about it — sessions, the sealed session key, reminders
 * with their deliveries and credits, idempotency records, its send log — in one transaction.
 * Its vouchers and the redemptions of them stay, with no owner (migration 0016), as do
 * redemptions it made as a cashier (no cashier) and refusals it caused (no account).
 */
export async function deleteAccount(q: Queryable, userId: string): Promise<DeletedAccount | null> {
  const [{ n: vouchersKept }] = await q.query<{ n: number }>('select count(*)::int as n from vouchers where owner_id = $1', [userId])
  await q.query('delete from reminder_send_log where user_id = $1', [userId])
  const deleted = await q.query('delete from users where id = $1 returning id', [userId])
  return deleted.length > 0 ? { vouchersKept } : null
}

export interface Retention {
  /** Sessions are deleted this long after they expired or were revoked. */
  sessionsDays: number
  /** The reminder send log (what was sent to whom, WeChat's answer). */
  sendLogDays: number
  /** The staff refusal log. */
  refusalsDays: number
}

export interface Purged {
  sessions: number
  sendLog: number
  refusals: number
}

const DAY_MS = 86_400_000

/** Deletes what has outlived its retention at `now`; safe to run from several processes at once. */
export async function purgeExpiredPersonalData(q: Queryable, now: Date, retention: Retention): Promise<Purged> {
  const before = (days: number) => new Date(now.getTime() - days * DAY_MS)
  const count = async (sql: string, cutoff: Date) => (await q.query<{ n: number }>(`with gone as (${sql} returning 1) select count(*)::int as n from gone`, [cutoff]))[0].n
  return {
    sessions: await count('delete from sessions where least(expires_at, coalesce(revoked_at, expires_at)) < $1', before(retention.sessionsDays)),
    sendLog: await count('delete from reminder_send_log where at < $1', before(retention.sendLogDays)),
    refusals: await count('delete from staff_refusals where at < $1', before(retention.refusalsDays)),
  }
}
