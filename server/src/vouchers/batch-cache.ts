/**
 * The voucher batches in memory, so a claim finds its batch without touching the store (the
 * rush gate answers NOT_OPEN, CLOSED and SOLD_OUT from here). Reloaded when an import changes
 * the table — one cheap query per tick notices it — and read through on a miss.
 */
import { toIsoShanghai } from '../../../src/domain/time'
import type { VoucherBatch } from '../../../src/domain/vouchers/schema'
import { getBatch, type WithUpdatedAt } from '../store/content'
import type { Db, Queryable } from '../store/db'

export type CachedBatch = WithUpdatedAt<VoucherBatch>

export class BatchCache {
  private readonly byId = new Map<string, CachedBatch>()
  private signature = ''

  constructor(private readonly db: Db) {}

  /** Reloads every batch when the table changed since the last look; returns the changed ids. */
  async refresh(): Promise<string[]> {
    const [row] = await this.db.query<{ n: number; latest: Date | null }>(
      'select count(*)::int as n, max(imported_at) as latest from voucher_batches',
    )
    const signature = `${row.n}:${row.latest?.getTime() ?? 0}`
    if (signature === this.signature) return []
    const rows = await this.db.query<{ id: string; doc: VoucherBatch; imported_at: Date }>(
      'select id, doc, imported_at from voucher_batches',
    )
    const changed: string[] = []
    const seen = new Set<string>()
    for (const item of rows) {
      seen.add(item.id)
      const next: CachedBatch = { ...item.doc, updatedAt: toIsoShanghai(item.imported_at) }
      if (this.byId.get(item.id)?.updatedAt !== next.updatedAt) changed.push(item.id)
      this.byId.set(item.id, next)
    }
    for (const id of [...this.byId.keys()]) if (!seen.has(id)) this.byId.delete(id)
    this.signature = signature
    return changed
  }

  get(id: string): CachedBatch | undefined {
    return this.byId.get(id)
  }

  /** From memory, else from the store (`q` inside a transaction). */
  async load(id: string, q: Queryable = this.db): Promise<CachedBatch | null> {
    const cached = this.byId.get(id)
    if (cached) return cached
    const batch = await getBatch(q, id)
    if (batch) this.byId.set(id, batch)
    return batch
  }

  all(): CachedBatch[] {
    return [...this.byId.values()]
  }
}
