/**
 * The 201s this process answered whose stream entries are not yet known to be in PostgreSQL. While
 * Redis keeps its stream the writer records them and this journal only forgets them; when Redis
 * lost the stream (FLUSHALL, a Redis restarted without its append-only file, a failover to a
 * replica that had not received them) the journal writes them to PostgreSQL itself — by voucher
 * id, so a voucher the writer also wrote is written once — before the gate is rebuilt from
 * PostgreSQL, so the rebuilt counters include them (issue 16: an acknowledged claim is never lost).
 *
 * Each stream has an epoch: a random value set when its consumer group is created, returned by the
 * claim script with every entry. An entry is settled when its epoch is current, the group has
 * delivered it and it is no longer pending (written and acknowledged). An entry whose epoch is gone
 * or replaced is an orphan: its stream is not the one it was added to.
 */
import type { VoucherBatch } from '../../../src/domain/vouchers/schema'
import type { Db } from '../store/db'
import { writeReservedVouchers, type NewVoucherRow } from '../store/vouchers'

/** {epoch, last-delivered id, pending count, smallest pending id} of a batch's stream; {epoch} alone when the stream or group is gone; {''} when the epoch is. */
export const JOURNAL_SCRIPT = `
local epoch = redis.call('GET', KEYS[2])
if not epoch then
  return {''}
end
if redis.call('EXISTS', KEYS[1]) == 0 then
  return {epoch}
end
local ok, groups = pcall(redis.call, 'XINFO', 'GROUPS', KEYS[1])
if not ok then
  return {epoch}
end
local last = nil
for _, group in ipairs(groups) do
  local name = nil
  local delivered = nil
  for index = 1, #group, 2 do
    if group[index] == 'name' then name = group[index + 1] end
    if group[index] == 'last-delivered-id' then delivered = group[index + 1] end
  end
  if name == ARGV[1] then last = delivered end
end
if not last then
  return {epoch}
end
local pending = redis.call('XPENDING', KEYS[1], ARGV[1])
return {epoch, last, tostring(pending[1]), pending[2] or ''}
`

export interface JournalEntry {
  epoch: string
  streamId: string
  item: NewVoucherRow
}

/** Stream ids ('<ms>-<seq>') in order. */
export function compareStreamIds(a: string, b: string): number {
  const [aMs, aSeq] = a.split('-')
  const [bMs, bSeq] = b.split('-')
  if (aMs.length !== bMs.length) return aMs.length - bMs.length
  if (aMs !== bMs) return aMs < bMs ? -1 : 1
  return Number(aSeq) - Number(bSeq)
}

export type StreamState = { epoch: string; lastDelivered: string | null; pending: number; minPending: string }

export function parseStreamState(reply: unknown): StreamState {
  const [epoch, lastDelivered, pending, minPending] = reply as [string, string?, string?, string?]
  return { epoch, lastDelivered: lastDelivered ?? null, pending: Number(pending ?? 0), minPending: minPending ?? '' }
}

export function entryFate(entry: JournalEntry, state: StreamState): 'settled' | 'orphan' | 'waiting' {
  if (state.epoch === '' || state.epoch !== entry.epoch || state.lastDelivered === null) return 'orphan'
  if (compareStreamIds(entry.streamId, state.lastDelivered) > 0) return 'waiting'
  if (state.pending > 0 && compareStreamIds(entry.streamId, state.minPending) >= 0) return 'waiting'
  return 'settled'
}

export class ClaimJournal {
  private readonly entries = new Map<string, { batch: VoucherBatch; list: JournalEntry[] }>()
  private settling: Promise<number> | null = null
  private timer: NodeJS.Timeout | null = null
  /** Orphans this journal wrote to PostgreSQL itself (they would have been lost with the stream). */
  orphansWritten = 0

  constructor(
    private readonly db: Db,
    /** Runs JOURNAL_SCRIPT for a batch. */
    private readonly streamState: (batchId: string) => Promise<StreamState>,
    private readonly intervalMs: number,
    private readonly log?: { error(obj: unknown, msg?: string): void; warn?(obj: unknown, msg?: string): void },
  ) {}

  get size(): number {
    let size = 0
    for (const { list } of this.entries.values()) size += list.length
    return size
  }

  add(batch: VoucherBatch, entry: JournalEntry): void {
    const held = this.entries.get(batch.id)
    if (held) {
      held.batch = batch
      held.list.push(entry)
    } else this.entries.set(batch.id, { batch, list: [entry] })
    if (!this.timer && this.intervalMs > 0) {
      this.timer = setInterval(() => {
        void this.settle().catch((error) => this.log?.error({ err: error }, 'claim journal: settling failed; retrying'))
      }, this.intervalMs)
      this.timer.unref()
    }
  }

  /** Forgets what PostgreSQL holds, writes orphans there; returns the entries still waiting. Single-flight. */
  settle(batchId?: string): Promise<number> {
    if (this.settling) return this.settling.then(() => this.settle(batchId))
    this.settling = this.settleOnce(batchId).finally(() => {
      this.settling = null
    })
    return this.settling
  }

  private async settleOnce(only?: string): Promise<number> {
    for (const [batchId, held] of [...this.entries]) {
      if (only !== undefined && batchId !== only) continue
      const state = await this.streamState(batchId)
      const snapshot = held.list.length
      const keep: JournalEntry[] = []
      const orphans: JournalEntry[] = []
      for (const entry of held.list.slice(0, snapshot)) {
        const fate = entryFate(entry, state)
        if (fate === 'waiting') keep.push(entry)
        else if (fate === 'orphan') orphans.push(entry)
      }
      if (orphans.length > 0) {
        await this.db.transaction((tx) =>
          writeReservedVouchers(
            tx,
            batchId,
            orphans.map((entry) => entry.item),
          ),
        )
        this.orphansWritten += orphans.length
        this.log?.warn?.({ batchId, orphans: orphans.length }, 'claim journal: answered claims lost from Redis written to PostgreSQL')
      }
      // Entries added while this ran stay for the next pass.
      held.list = keep.concat(held.list.slice(snapshot))
      if (held.list.length === 0) this.entries.delete(batchId)
    }
    if (this.entries.size === 0 && this.timer) {
      clearInterval(this.timer)
      this.timer = null
    }
    return this.size
  }

  close(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }
}
