/** Reads and writes of the operators' console that no other area owns. */
import type { RedemptionRecord } from '../../../src/domain/admin/settlement'
import type { VoucherBatch } from '../../../src/domain/vouchers/schema'
import type { Queryable } from '../store/db'

export async function isMerchantSuspended(q: Queryable, merchantId: string): Promise<boolean> {
  const [row] = await q.query<{ suspended: boolean }>('select suspended_at is not null as suspended from merchants where id = $1', [merchantId])
  return row?.suspended ?? false
}

export async function setMerchantSuspended(q: Queryable, merchantId: string, suspended: boolean, at: Date): Promise<boolean> {
  const rows = await q.query('update merchants set suspended_at = $2 where id = $1 returning id', [merchantId, suspended ? at : null])
  return rows.length > 0
}

export async function suspendedMerchantIds(q: Queryable, ids: readonly string[]): Promise<Set<string>> {
  const rows = await q.query<{ id: string }>('select id from merchants where id = any($1::text[]) and suspended_at is not null', [[...ids]])
  return new Set(rows.map((row) => row.id))
}

// Drafts --------------------------------------------------------------------------------------

export interface DraftRow {
  id: string
  doc: VoucherBatch
  updated_at: Date
  published_at: Date | null
  [key: string]: unknown
}

export async function listDrafts(q: Queryable): Promise<DraftRow[]> {
  return q.query<DraftRow>('select id, doc, updated_at, published_at from voucher_batch_drafts where published_at is null order by updated_at desc')
}

export async function getDraft(q: Queryable, id: string): Promise<DraftRow | null> {
  const [row] = await q.query<DraftRow>('select id, doc, updated_at, published_at from voucher_batch_drafts where id = $1', [id])
  return row ?? null
}

export async function saveDraft(q: Queryable, batch: VoucherBatch, by: string, at: Date): Promise<void> {
  await q.query(
    `insert into voucher_batch_drafts (id, doc, created_by, updated_by, created_at, updated_at) values ($1, $2::jsonb, $3, $3, $4, $4)
     on conflict (id) do update set doc = excluded.doc, updated_by = excluded.updated_by, updated_at = excluded.updated_at, published_at = null`,
    [batch.id, JSON.stringify(batch), by, at],
  )
}

export async function markDraftPublished(q: Queryable, id: string, at: Date): Promise<void> {
  await q.query('update voucher_batch_drafts set published_at = $2 where id = $1', [id, at])
}

// Pause and closure -----------------------------------------------------------------------------

export async function setRoundPaused(q: Queryable, batchId: string, roundId: string, paused: boolean, by: string, at: Date): Promise<void> {
  await q.query(
    `insert into voucher_round_controls (batch_id, round_id, paused, changed_at, changed_by) values ($1, $2, $3, $4, $5)
     on conflict (batch_id, round_id) do update set paused = excluded.paused, changed_at = excluded.changed_at, changed_by = excluded.changed_by`,
    [batchId, roundId, paused, at, by],
  )
}

export async function getClosure(q: Queryable, batchId: string): Promise<{ closed_at: Date; unclaimed: unknown } | null> {
  const [row] = await q.query<{ closed_at: Date; unclaimed: unknown }>('select closed_at, unclaimed from voucher_batch_closures where batch_id = $1', [batchId])
  return row ?? null
}

export async function recordClosure(q: Queryable, batchId: string, at: Date, by: string, unclaimed: unknown): Promise<boolean> {
  const rows = await q.query(
    `insert into voucher_batch_closures (batch_id, closed_at, closed_by, unclaimed) values ($1, $2, $3, $4::jsonb)
     on conflict (batch_id) do nothing returning batch_id`,
    [batchId, at, by, JSON.stringify(unclaimed)],
  )
  return rows.length > 0
}

export async function claimCount(q: Queryable, batchId: string): Promise<number> {
  const [row] = await q.query<{ n: number }>('select count(*)::int as n from vouchers where batch_id = $1', [batchId])
  return row.n
}

export async function batchRedeemedSummary(q: Queryable): Promise<Map<string, { count: number; netFen: number }>> {
  const rows = await q.query<{ batch_id: string; n: number; net: string | number }>(
    `select batch_id, count(*)::int as n, coalesce(sum(case when refund_restored is true then 0 else discount_fen end), 0)::bigint as net
     from voucher_redemptions group by batch_id`,
  )
  return new Map(rows.map((row) => [row.batch_id, { count: row.n, netFen: Number(row.net) }]))
}

// Dashboard -----------------------------------------------------------------------------------

export async function claimsSince(q: Queryable, since: Date): Promise<number> {
  const [row] = await q.query<{ n: number }>('select count(*)::int as n from vouchers where claimed_at >= $1', [since])
  return row.n
}

export async function redemptionsByCounty(q: Queryable, day: string): Promise<{ county: string; count: number; netFen: number }[]> {
  const rows = await q.query<{ county: string; n: number; net: string | number }>(
    `select m.county, count(*)::int as n, coalesce(sum(case when r.refund_restored is true then 0 else r.discount_fen end), 0)::bigint as net
     from voucher_redemptions r join merchants m on m.id = r.merchant_id where r.redeemed_day = $1 group by m.county order by m.county`,
    [day],
  )
  return rows.map((row) => ({ county: row.county, count: row.n, netFen: Number(row.net) }))
}

export async function reminderCounts(q: Queryable, since: Date): Promise<{ queued: number; sentToday: number; inAppToday: number; failedToday: number }> {
  const [row] = await q.query<{ queued: number; sent: number; in_app: number; failed: number }>(
    `select
       (select count(*)::int from reminder_deliveries where status in ('pending', 'sending')) as queued,
       (select count(*)::int from reminder_deliveries where status = 'sent' and channel = 'wechat' and finished_at >= $1) as sent,
       (select count(*)::int from reminder_deliveries where status in ('sent', 'skipped') and channel = 'in-app' and finished_at >= $1) as in_app,
       (select count(*)::int from reminder_deliveries where status = 'failed' and finished_at >= $1) as failed`,
    [since],
  )
  return { queued: row.queued, sentToday: row.sent, inAppToday: row.in_app, failedToday: row.failed }
}

// Settlement ----------------------------------------------------------------------------------

export async function redemptionRecords(
  q: Queryable,
  filter: { from: string; to: string; batchId?: string; merchantId?: string },
): Promise<RedemptionRecord[]> {
  const rows = await q.query<{
    day: string | Date
    merchant_id: string
    merchant_name: string
    county: string
    batch_id: string
    batch_doc: VoucherBatch
    order_amount_fen: number
    discount_fen: number
    refund_restored: boolean | null
  }>(
    `select to_char(r.redeemed_day, 'YYYY-MM-DD') as day, r.merchant_id, m.name as merchant_name, m.county, r.batch_id, b.doc as batch_doc,
       r.order_amount_fen, r.discount_fen, r.refund_restored
     from voucher_redemptions r join merchants m on m.id = r.merchant_id join voucher_batches b on b.id = r.batch_id
     where r.redeemed_day >= $1::date and r.redeemed_day <= $2::date and ($3::text is null or r.batch_id = $3) and ($4::text is null or r.merchant_id = $4)
     order by r.redeemed_day, r.merchant_id, r.batch_id, r.redeemed_at`,
    [filter.from, filter.to, filter.batchId ?? null, filter.merchantId ?? null],
  )
  return rows.map((row) => ({
    day: String(row.day),
    merchantId: row.merchant_id,
    merchantName: row.merchant_name,
    county: row.county,
    batchId: row.batch_id,
    batchTitle: row.batch_doc.title,
    faceValueFen: row.batch_doc.faceValueFen,
    orderAmountFen: row.order_amount_fen,
    discountFen: row.discount_fen,
    refundRestored: row.refund_restored,
  }))
}

// Residents -----------------------------------------------------------------------------------

export async function residentFacts(q: Queryable, userId: string, now: Date) {
  const [row] = await q.query<{ id: string; role: string; resident_county: string | null; created_at: Date; staff_account: string | null; sessions: number }>(
    `select u.id, u.role, u.resident_county, u.created_at, u.staff_account,
       (select count(*)::int from sessions s where s.user_id = u.id and s.revoked_at is null and s.expires_at > $2) as sessions
     from users u where u.id = $1`,
    [userId, now],
  )
  return row ?? null
}

export async function revokeAllSessions(q: Queryable, userId: string, at: Date): Promise<number> {
  const rows = await q.query('update sessions set revoked_at = $2 where user_id = $1 and revoked_at is null and expires_at > $2 returning id', [userId, at])
  return rows.length
}

export async function importHistory(q: Queryable, limit: number) {
  return q.query<{ id: string; imported_at: Date; source: string; imported_by: string | null; files: string[]; counts: Record<string, number> }>(
    'select id, imported_at, source, imported_by, files, counts from content_imports order by imported_at desc limit $1',
    [limit],
  )
}
