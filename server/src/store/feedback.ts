/** 意见反馈 rows (migration 0015-feedback): insert, and purge what is older than the kept period. */
import { randomUUID } from 'node:crypto'
import type { Queryable } from './db'

export const FEEDBACK_KEPT_DAYS = 365

export async function insertFeedback(db: Queryable, input: { content: string; contact: string | null; page: string | null; at: Date }): Promise<string> {
  const id = randomUUID()
  await db.query('insert into feedback (id, content, contact, page, created_at) values ($1, $2, $3, $4, $5)', [id, input.content, input.contact, input.page, input.at])
  return id
}

/** Deletes feedback older than FEEDBACK_KEPT_DAYS before `now`; returns how many rows went. */
export async function purgeOldFeedback(db: Queryable, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - FEEDBACK_KEPT_DAYS * 86_400_000)
  const rows = await db.query<{ id: string }>('delete from feedback where created_at < $1 returning id', [cutoff])
  return rows.length
}
