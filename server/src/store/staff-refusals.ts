/**
 * The log of refused staff attempts (migration 0016): a merchant or operator account trying to
 * claim a resident voucher, a merchant redeeming a voucher an account of its own shop claimed.
 * Written when the refusal is answered, read by operators (GET /api/v1/admin/staff-refusals),
 * purged by the retention job.
 */
import { randomUUID } from 'node:crypto'
import type { Role } from './accounts'
import type { Queryable } from './db'

export type StaffRefusalAction = 'claim' | 'redeem'

export interface StaffRefusal {
  id: string
  at: Date
  userId: string | null
  role: Role
  merchantId: string | null
  action: StaffRefusalAction
  target: string
  code: string
  reason: string
  requestId: string | null
}

interface Row {
  id: string
  at: Date
  user_id: string | null
  role: Role
  merchant_id: string | null
  action: StaffRefusalAction
  target: string
  code: string
  reason: string
  request_id: string | null
  [key: string]: unknown
}

export async function recordStaffRefusal(q: Queryable, refusal: Omit<StaffRefusal, 'id'>): Promise<void> {
  await q.query(
    `insert into staff_refusals (id, at, user_id, role, merchant_id, action, target, code, reason, request_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [randomUUID(), refusal.at, refusal.userId, refusal.role, refusal.merchantId, refusal.action, refusal.target, refusal.code, refusal.reason, refusal.requestId],
  )
}

/** Newest first; `before` pages back through older ones. */
export async function listStaffRefusals(q: Queryable, options: { limit: number; before?: Date; userId?: string }): Promise<StaffRefusal[]> {
  const rows = await q.query<Row>(
    `select * from staff_refusals
     where ($1::timestamptz is null or at < $1) and ($2::uuid is null or user_id = $2)
     order by at desc, id limit $3`,
    [options.before ?? null, options.userId ?? null, options.limit],
  )
  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    userId: row.user_id,
    role: row.role,
    merchantId: row.merchant_id,
    action: row.action,
    target: row.target,
    code: row.code,
    reason: row.reason,
    requestId: row.request_id,
  }))
}
