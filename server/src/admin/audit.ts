/**
 * The audit log of the console: one row per staff action with who, when, what, and the state
 * before and after. Written in the transaction of the change itself wherever the change is one,
 * so a change is never without its row. Read-only: no route updates or deletes a row.
 */
import { randomUUID } from 'node:crypto'
import type { AuditEntry } from '../../../src/domain/admin/schemas'
import { toIsoShanghai } from '../../../src/domain/time'
import type { Caller } from '../auth/guard'
import type { Queryable } from '../store/db'

export interface AuditInput {
  action: string
  targetType: string
  targetId: string | null
  summary: string
  before?: unknown
  after?: unknown
}

export interface AuditActor {
  id: string | null
  account: string
  role: string
}

export function actorOf(caller: Caller): AuditActor {
  return { id: caller.user.id, account: caller.user.nickname ?? caller.user.id, role: caller.user.role }
}

export async function writeAudit(q: Queryable, actor: AuditActor, entry: AuditInput, at: Date, requestId: string | null = null): Promise<void> {
  await q.query(
    `insert into admin_audit_log (id, at, actor_id, actor_account, actor_role, action, target_type, target_id, summary, before, after, request_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11::jsonb, $12)`,
    [
      randomUUID(),
      at,
      actor.id,
      actor.account,
      actor.role,
      entry.action,
      entry.targetType,
      entry.targetId,
      entry.summary,
      entry.before === undefined ? null : JSON.stringify(entry.before),
      entry.after === undefined ? null : JSON.stringify(entry.after),
      requestId,
    ],
  )
}

export interface AuditFilter {
  from?: Date
  to?: Date
  action?: string
  actor?: string
  targetId?: string
  limit: number
  offset: number
}

interface AuditRow {
  id: string
  at: Date
  actor_account: string
  actor_role: string
  action: string
  target_type: string
  target_id: string | null
  summary: string
  before: unknown
  after: unknown
  [key: string]: unknown
}

export async function listAudit(q: Queryable, filter: AuditFilter): Promise<{ items: AuditEntry[]; total: number }> {
  const where = `($1::timestamptz is null or at >= $1) and ($2::timestamptz is null or at < $2) and ($3::text is null or action = $3)
    and ($4::text is null or actor_account = $4) and ($5::text is null or target_id = $5)`
  const params = [filter.from ?? null, filter.to ?? null, filter.action ?? null, filter.actor ?? null, filter.targetId ?? null]
  const rows = await q.query<AuditRow>(`select * from admin_audit_log where ${where} order by at desc, id limit $6 offset $7`, [
    ...params,
    filter.limit,
    filter.offset,
  ])
  const [{ total }] = await q.query<{ total: number }>(`select count(*)::int as total from admin_audit_log where ${where}`, params)
  return {
    items: rows.map((row) => ({
      id: row.id,
      at: toIsoShanghai(row.at),
      actorAccount: row.actor_account,
      actorRole: row.actor_role,
      action: row.action,
      targetType: row.target_type,
      targetId: row.target_id,
      summary: row.summary,
      before: row.before ?? null,
      after: row.after ?? null,
    })),
    total,
  }
}
