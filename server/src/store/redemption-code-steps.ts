/**
 * The last offline-code step accepted per voucher (migration 0015). Read and written inside the
 * redemption's transaction, after the voucher's row is locked, so two tills scanning the same
 * code at once cannot both pass.
 */
import type { Queryable } from './db'

export async function lastAcceptedCodeStep(tx: Queryable, voucherId: string): Promise<number | null> {
  const [row] = await tx.query<{ last_step: string | number }>('select last_step from redemption_code_steps where voucher_id = $1', [voucherId])
  return row ? Number(row.last_step) : null
}

export async function recordAcceptedCodeStep(tx: Queryable, voucherId: string, step: number, at: Date): Promise<void> {
  await tx.query(
    `insert into redemption_code_steps (voucher_id, last_step, used_at) values ($1, $2, $3)
     on conflict (voucher_id) do update set last_step = greatest(redemption_code_steps.last_step, excluded.last_step), used_at = excluded.used_at`,
    [voucherId, step, at],
  )
}
