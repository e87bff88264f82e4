/**
 * Voucher tables (migration 0006): stock slots, wallets, redemptions, batch totals, quota returns
 * and idempotency keys. Only SQL and row mapping live here; every rule is decided by
 * src/domain/vouchers in the caller, and the constraints of the migration make each "at most
 * once" hold even if a caller gets it wrong.
 */
import type { Queryable } from './db'
import { toIsoShanghaiMs } from '../../../src/domain/time/shanghai'
import type { Redemption, WalletVoucher } from '../../../src/domain/vouchers/schema'

// Rows and mapping ---------------------------------------------------------------------------

export interface VoucherRow {
  id: string
  batch_id: string
  round_id: string
  owner_id: string
  status: WalletVoucher['status']
  claimed_at: Date
  valid_from: Date
  valid_to: Date
  used_at: Date | null
  redemption_id: string | null
  restored_after_refund_at: Date | null
  [key: string]: unknown
}

export const VOUCHER_COLUMNS =
  'id, batch_id, round_id, owner_id, status, claimed_at, valid_from, valid_to, used_at, redemption_id, restored_after_refund_at'

const iso = (value: Date) => toIsoShanghaiMs(value.getTime())
const isoOrNull = (value: Date | null) => (value ? iso(value) : null)

export function toWalletVoucher(row: VoucherRow): WalletVoucher {
  return {
    id: row.id,
    batchId: row.batch_id,
    roundId: row.round_id,
    ownerId: row.owner_id,
    status: row.status,
    claimedAt: iso(row.claimed_at),
    validFrom: iso(row.valid_from),
    validTo: iso(row.valid_to),
    usedAt: isoOrNull(row.used_at),
    redemptionId: row.redemption_id,
    restoredAfterRefundAt: isoOrNull(row.restored_after_refund_at),
  }
}

export interface RedemptionRow {
  id: string
  voucher_id: string
  batch_id: string
  merchant_id: string
  order_id: string
  order_amount_fen: number
  discount_fen: number
  redeemed_at: Date
  refund_at: Date | null
  refund_full: boolean | null
  refund_restored: boolean | null
  [key: string]: unknown
}

const REDEMPTION_COLUMNS =
  'id, voucher_id, batch_id, merchant_id, order_id, order_amount_fen, discount_fen, redeemed_at, refund_at, refund_full, refund_restored'

export function toRedemption(row: RedemptionRow): Redemption {
  return {
    id: row.id,
    voucherId: row.voucher_id,
    batchId: row.batch_id,
    merchantId: row.merchant_id,
    orderId: row.order_id,
    orderAmountFen: row.order_amount_fen,
    discountFen: row.discount_fen,
    redeemedAt: iso(row.redeemed_at),
    refund: row.refund_at ? { at: iso(row.refund_at), full: row.refund_full === true, restored: row.refund_restored === true } : null,
  }
}

// Counts per round ---------------------------------------------------------------------------

export type CountByRound = Record<string, number>

/** Vouchers claimed in each round of a batch (whatever became of them since). */
export async function claimedByRound(q: Queryable, batchId: string): Promise<CountByRound> {
  const rows = await q.query<{ round_id: string; n: number }>(
    'select round_id, count(*)::int as n from vouchers where batch_id = $1 group by round_id',
    [batchId],
  )
  return Object.fromEntries(rows.map((row) => [row.round_id, row.n]))
}

/** Expired vouchers the expiry job handed to each round. */
export async function returnedByRound(q: Queryable, batchId: string): Promise<CountByRound> {
  const rows = await q.query<{ to_round_id: string; n: number }>(
    'select to_round_id, count(*)::int as n from voucher_quota_returns where batch_id = $1 group by to_round_id',
    [batchId],
  )
  return Object.fromEntries(rows.map((row) => [row.to_round_id, row.n]))
}

export interface SlotStats {
  /** Highest slot number minted (slots are 1..maxSlot, minted in order). */
  maxSlot: number
  free: number
}

export async function slotStats(q: Queryable, batchId: string): Promise<Record<string, SlotStats>> {
  const rows = await q.query<{ round_id: string; max_slot: number; free: number }>(
    `select round_id, max(slot)::int as max_slot, (count(*) - count(voucher_id))::int as free
     from voucher_slots where batch_id = $1 group by round_id`,
    [batchId],
  )
  return Object.fromEntries(rows.map((row) => [row.round_id, { maxSlot: row.max_slot, free: row.free }]))
}

/**
 * Mints free slots up to slot number `upTo` (inclusive). Idempotent and safe to race: slot
 * numbers are the primary key, so two minters computing the same range insert it once, and no
 * caller can ever create a slot numbered above the round's quota it passes in.
 */
export async function mintSlots(q: Queryable, batchId: string, roundId: string, upTo: number): Promise<number> {
  const rows = await q.query<{ n: number }>(
    `with minted as (
       insert into voucher_slots (batch_id, round_id, slot)
       select $1, $2, g from generate_series(
         (select coalesce(max(slot), 0) + 1 from voucher_slots where batch_id = $1 and round_id = $2), $3::int) as g
       on conflict do nothing returning 1)
     select count(*)::int as n from minted`,
    [batchId, roundId, upTo],
  )
  return rows[0].n
}

// Claims ---------------------------------------------------------------------------------------

export interface UserClaimCounts {
  byRound: CountByRound
  inBatch: number
  residentCounty: string | null
}

export interface NewVoucherRow {
  voucher: WalletVoucher
  batchSeq: number
  roundSeq: number
  claimKey: string
}

/**
 * The Redis engine's writer: vouchers the gate already reserved, written idempotently (a voucher
 * id already present is skipped), each on a slot of its round — a free pre-minted one if any,
 * else a slot minted for it. Returns the ids written now. Run inside a transaction. The rows go
 * as one JSON document and times as their ISO text: building ten typed arrays and Date objects
 * per row cost the server more than the rows cost PostgreSQL.
 */
export async function writeReservedVouchers(q: Queryable, batchId: string, items: readonly NewVoucherRow[]): Promise<string[]> {
  if (items.length === 0) return []
  // One writer per round at a time (concurrent writers would otherwise pick the same new slot
  // numbers), locks taken in one order (no deadlock between writers of several rounds), and only
  // then what is already written: after Redis came back behind its answers the stream writer and a
  // claim journal write the same vouchers at once, and a look taken before the lock would miss the
  // other's commit and place the voucher on a second slot.
  for (const roundId of [...new Set(items.map((item) => item.voucher.roundId))].sort())
    await q.query('select pg_advisory_xact_lock(hashtext($1))', [`slots:${batchId}:${roundId}`])
  const ids = items.map((item) => item.voucher.id)
  const present = new Set((await q.query<{ id: string }>('select id from vouchers where id = any($1::text[])', [ids])).map((row) => row.id))
  const todo = present.size === 0 ? items : items.filter((item) => !present.has(item.voucher.id))
  const byRound = new Map<string, NewVoucherRow[]>()
  for (const item of todo) {
    const group = byRound.get(item.voucher.roundId)
    if (group) group.push(item)
    else byRound.set(item.voucher.roundId, [item])
  }
  for (const [roundId, group] of byRound) {
    const free = await q.query<{ slot: number }>(
      `select slot from voucher_slots where batch_id = $1 and round_id = $2 and voucher_id is null
       order by slot limit $3 for update skip locked`,
      [batchId, roundId, group.length],
    )
    const slots = free.map((row) => row.slot)
    if (slots.length < group.length) {
      const [{ max_slot: maxSlot }] = await q.query<{ max_slot: number }>(
        'select coalesce(max(slot), 0)::int as max_slot from voucher_slots where batch_id = $1 and round_id = $2',
        [batchId, roundId],
      )
      for (let next = maxSlot + 1; slots.length < group.length; next += 1) slots.push(next)
    }
    const placed = await q.query<{ n: number }>(
      `with placed as (
         insert into voucher_slots (batch_id, round_id, slot, voucher_id)
         select $1, $2, s, v from unnest($3::int[], $4::text[]) as u(s, v)
         on conflict (batch_id, round_id, slot) do update set voucher_id = excluded.voucher_id where voucher_slots.voucher_id is null
         returning 1)
       select count(*)::int as n from placed`,
      [batchId, roundId, slots, group.map((item) => item.voucher.id)],
    )
    if (placed[0].n !== group.length) throw new Error(`slots for ${batchId}/${roundId}: placed ${placed[0].n} of ${group.length}`)
  }
  if (todo.length > 0) {
    const rows = todo.map(({ voucher, batchSeq, roundSeq, claimKey }) => ({
      i: voucher.id,
      r: voucher.roundId,
      o: voucher.ownerId,
      b: batchSeq,
      s: roundSeq,
      c: voucher.claimedAt,
      f: voucher.validFrom,
      t: voucher.validTo,
      k: claimKey,
    }))
    await q.query(
      // A claim answered by the Redis gate whose resident deleted their account before the writer
      // got to it is written without an owner (as 注销账号 leaves their other vouchers), instead of
      // failing the foreign key and stalling every entry written with it.
      `insert into vouchers (id, batch_id, round_id, owner_id, batch_seq, round_seq, status, claimed_at, valid_from, valid_to, claim_key)
       select i, $1, r, users.id, b, s, 'usable', c, f, t, k
       from json_to_recordset($2::json) as u(i text, r text, o uuid, b int, s int, c timestamptz, f timestamptz, t timestamptz, k text)
       left join users on users.id = u.o`,
      [batchId, JSON.stringify(rows)],
    )
  }
  return todo.map((item) => item.voucher.id)
}

/**
 * Per resident and round, for rebuilding the Redis gate's counters from the record. Vouchers of a
 * deleted account (owner null, kept for the city's accounts) count for the round, not for anyone.
 */
export async function ownerRoundCounts(q: Queryable, batchId: string): Promise<{ owner_id: string; round_id: string; n: number }[]> {
  return q.query(
    'select owner_id, round_id, count(*)::int as n from vouchers where batch_id = $1 and owner_id is not null group by owner_id, round_id',
    [batchId],
  )
}

export async function recentClaimKeys(
  q: Queryable,
  batchId: string,
  since: Date,
): Promise<{ id: string; owner_id: string; round_id: string; claim_key: string; claimed_at: Date }[]> {
  return q.query('select id, owner_id, round_id, claim_key, claimed_at from vouchers where batch_id = $1 and claimed_at >= $2 and owner_id is not null', [
    batchId,
    since,
  ])
}

export interface ClaimKeyRecord {
  fingerprint: string
  state: 'in-flight' | 'done'
  leasedUntil: Date | null
  status: number | null
  body: string | null
}

export interface ClaimState {
  /** The recorded Idempotency-Keys among those asked for, by `${userId}\n${key}` (a new key is absent). */
  keys: Map<string, ClaimKeyRecord>
  /** Each resident's vouchers of the batch and county. */
  counts: Map<string, UserClaimCounts>
}

/**
 * The records of these claim keys that were used before (an idempotency record exists), read
 * together: the in-process gate asks before it refuses from memory, so a retry gets its first answer.
 */
export async function usedClaimKeys(q: Queryable, items: readonly { userId: string; key: string }[]): Promise<Map<string, ClaimKeyRecord>> {
  if (items.length === 0) return new Map()
  const rows = await q.query<{ user_id: string; key: string; fingerprint: string; state: 'in-flight' | 'done'; leased_until: Date | null; status: number | null; body: string | null }>(
    `select i.user_id, i.key, k.fingerprint, k.state, k.leased_until, k.status, k.body
     from unnest($1::uuid[], $2::text[]) as i(user_id, key)
     join idempotency_keys k on k.scope = 'claim' and k.user_id = i.user_id and k.key = i.key`,
    [items.map((item) => item.userId), items.map((item) => item.key)],
  )
  return new Map(
    rows.map((row): [string, ClaimKeyRecord] => [
      `${row.user_id}\n${row.key}`,
      { fingerprint: row.fingerprint, state: row.state, leasedUntil: row.leased_until, status: row.status, body: row.body },
    ]),
  )
}

/**
 * What the store engine reads before deciding a group of claims on one batch, in one statement:
 * the records of their Idempotency-Keys (keys used before: a retry, a reuse) and each resident's
 * vouchers of the batch per round and county.
 */
export async function claimState(q: Queryable, batchId: string, items: readonly { userId: string; key: string }[]): Promise<ClaimState> {
  const rows = await q.query<{
    kind: 'k' | 'c'
    user_id: string
    key: string | null
    fingerprint: string | null
    state: 'in-flight' | 'done' | null
    leased_until: Date | null
    status: number | null
    body: string | null
    round_id: string | null
    n: number | null
    county: string | null
  }>(
    // Lookups per key and per resident (LATERAL): during a rush vouchers and keys grow faster than
    // their statistics, and a join the planner is free to choose turned into a scan of every
    // claim so far, per group.
    `select 'k' as kind, i.user_id, i.key, k.fingerprint, k.state, k.leased_until, k.status, k.body,
            null::text as round_id, null::int as n, null::text as county
     from unnest($2::uuid[], $3::text[]) as i(user_id, key)
     cross join lateral (
       -- limit 1 keeps this a lookup by primary key (a plain subquery is pulled up into a join).
       select fingerprint, state, leased_until, status, body from idempotency_keys
       where scope = 'claim' and user_id = i.user_id and key = i.key limit 1
     ) as k
     union all
     select 'c', u.id, null, null, null, null, null, null, c.round_id, coalesce(c.n, 0)::int, u.resident_county
     from users u
     left join lateral (
       select round_id, count(*) as n from vouchers where owner_id = u.id and batch_id = $1 group by round_id
     ) as c on true
     where u.id = any($4::uuid[])`,
    [batchId, items.map((item) => item.userId), items.map((item) => item.key), [...new Set(items.map((item) => item.userId))]],
  )
  const keys = new Map<string, ClaimKeyRecord>()
  const counts = new Map<string, UserClaimCounts>()
  for (const row of rows) {
    if (row.kind === 'k') {
      keys.set(`${row.user_id}\n${row.key}`, {
        fingerprint: row.fingerprint!,
        state: row.state!,
        leasedUntil: row.leased_until,
        status: row.status,
        body: row.body,
      })
      continue
    }
    const entry = counts.get(row.user_id) ?? { byRound: {}, inBatch: 0, residentCounty: row.county }
    if (row.round_id !== null) {
      entry.byRound[row.round_id] = row.n!
      entry.inBatch += row.n!
    }
    counts.set(row.user_id, entry)
  }
  return { keys, counts }
}

export interface ClaimAnswerRecord {
  userId: string
  key: string
  fingerprint: string
  status: number
  body: string
}

/**
 * Records refused claims' answers on their keys. A key some other request recorded first is left
 * alone (its answer stands); returns the `${userId}\n${key}` of those recorded now.
 */
export async function recordClaimAnswers(q: Queryable, items: readonly ClaimAnswerRecord[]): Promise<Set<string>> {
  if (items.length === 0) return new Set()
  const rows = await q.query<{ user_id: string; key: string }>(
    `insert into idempotency_keys (scope, user_id, key, fingerprint, state, status, body)
     select 'claim', u, k, f, 'done', s, b from unnest($1::uuid[], $2::text[], $3::text[], $4::int[], $5::text[]) as x(u, k, f, s, b)
     on conflict (scope, user_id, key) do nothing
     returning user_id, key`,
    [
      items.map((item) => item.userId),
      items.map((item) => item.key),
      items.map((item) => item.fingerprint),
      items.map((item) => item.status),
      items.map((item) => item.body),
    ],
  )
  return new Set(rows.map((row) => `${row.user_id}\n${row.key}`))
}

/** Drops a claim key left in flight by a process that died (its lease ran out before `now`), so a retry can take it. */
export async function dropStaleClaimKey(q: Queryable, userId: string, key: string, now: Date): Promise<void> {
  await q.query(
    `delete from idempotency_keys where scope = 'claim' and user_id = $1 and key = $2 and state = 'in-flight' and leased_until <= $3`,
    [userId, key, now],
  )
}

/**
 * The store engine's claim for a group of granted claims of one round, in one statement (so one
 * implicit transaction): takes up to as many free slots as there are claims (FOR UPDATE SKIP
 * LOCKED; with `wait`, the last look before SOLD_OUT, rows locked by claims in flight are waited
 * for and re-checked), pairs them in order, writes the vouchers and records each answer on its
 * Idempotency-Key — all or nothing. Returns the ids written; the rest found no free slot. A key
 * or a seq another request took first (a resident racing from another process) fails the whole
 * statement (23505), and the caller decides those claims again one by one.
 */
export async function claimSlots(
  q: Queryable,
  batchId: string,
  roundId: string,
  rows: readonly (NewVoucherRow & { fingerprint: string; answerBody: string })[],
  options: { wait?: boolean } = {},
): Promise<Set<string>> {
  if (rows.length === 0) return new Set()
  const lock = options.wait ? 'for update' : 'for update skip locked'
  const written = await q.query<{ id: string }>(
    `with wanted as (
       select * from rows from (json_to_recordset($3::json)
         as (id text, owner_id uuid, batch_seq int, round_seq int, claimed_at timestamptz, valid_from timestamptz, valid_to timestamptz, claim_key text, fingerprint text, body text)
       ) with ordinality as w(id, owner_id, batch_seq, round_seq, claimed_at, valid_from, valid_to, claim_key, fingerprint, body, n)
     ), free as (
       select tid, slot, row_number() over (order by slot) as n from (
         select ctid as tid, slot from voucher_slots where batch_id = $1 and round_id = $2 and voucher_id is null
         order by slot limit $4 ${lock}
       ) as locked
     ), paired as (
       select wanted.*, free.slot, free.tid from wanted join free using (n)
     ), taken as (
       -- By the locked rows' ctid (a TID scan): joining on the slot number let the planner scan
       -- the whole round's slots for every statement when its statistics were stale. RETURNING
       -- carries each claim on, so no later step joins two CTEs (nested loops, n² in the group).
       update voucher_slots s set voucher_id = paired.id from paired
       where s.ctid = paired.tid and s.batch_id = $1 and s.round_id = $2 and s.slot = paired.slot
       returning paired.*
     ), inserted as (
       -- Only claims whose slot was taken get a voucher: no voucher without its unit of stock.
       insert into vouchers (id, batch_id, round_id, owner_id, batch_seq, round_seq, status, claimed_at, valid_from, valid_to, claim_key)
       select id, $1, $2, owner_id, batch_seq, round_seq, 'usable', claimed_at, valid_from, valid_to, claim_key from taken
       returning id
     ), answered as (
       -- The key's first answer, written with the voucher: a key answered meanwhile fails the statement.
       insert into idempotency_keys (scope, user_id, key, fingerprint, state, status, body)
       select 'claim', owner_id, claim_key, fingerprint, 'done', 201, body from taken
       returning 1
     )
     select id from inserted`,
    [
      batchId,
      roundId,
      JSON.stringify(
        rows.map((row) => ({
          id: row.voucher.id,
          owner_id: row.voucher.ownerId,
          batch_seq: row.batchSeq,
          round_seq: row.roundSeq,
          claimed_at: row.voucher.claimedAt,
          valid_from: row.voucher.validFrom,
          valid_to: row.voucher.validTo,
          claim_key: row.claimKey,
          fingerprint: row.fingerprint,
          body: row.answerBody,
        })),
      ),
      rows.length,
    ],
  )
  return new Set(written.map((row) => row.id))
}

// Wallet ---------------------------------------------------------------------------------------

export async function listOwnVouchers(q: Queryable, ownerId: string): Promise<WalletVoucher[]> {
  const rows = await q.query<VoucherRow>(
    `select ${VOUCHER_COLUMNS} from vouchers where owner_id = $1 order by claimed_at desc, id limit 500`,
    [ownerId],
  )
  return rows.map(toWalletVoucher)
}

export async function getVoucher(q: Queryable, id: string, options: { forUpdate?: boolean } = {}): Promise<WalletVoucher | null> {
  const [row] = await q.query<VoucherRow>(
    `select ${VOUCHER_COLUMNS} from vouchers where id = $1${options.forUpdate ? ' for update' : ''}`,
    [id],
  )
  return row ? toWalletVoucher(row) : null
}

/**
 * The expiry job's one UPDATE: exactly the usable vouchers whose last valid millisecond is before
 * `at` (shouldExpire in SQL), each moved once — RETURNING names the ones this run moved.
 */
export async function expireDue(q: Queryable, at: Date, limit: number): Promise<{ id: string; batch_id: string; round_id: string }[]> {
  return q.query(
    `update vouchers set status = 'expired'
     where id in (select id from vouchers where status = 'usable' and valid_to < $1 order by valid_to limit $2 for update skip locked)
       and status = 'usable'
     returning id, batch_id, round_id`,
    [at, limit],
  )
}

export async function recordQuotaReturns(
  q: Queryable,
  returns: readonly { voucherId: string; batchId: string; toRoundId: string }[],
  at: Date,
): Promise<number> {
  if (returns.length === 0) return 0
  const rows = await q.query<{ n: number }>(
    `with inserted as (
       insert into voucher_quota_returns (voucher_id, batch_id, to_round_id, returned_at)
       select v, b, r, $4 from unnest($1::text[], $2::text[], $3::text[]) as u(v, b, r)
       on conflict (voucher_id) do nothing returning 1)
     select count(*)::int as n from inserted`,
    [returns.map((item) => item.voucherId), returns.map((item) => item.batchId), returns.map((item) => item.toRoundId), at],
  )
  return rows[0].n
}

// Redemptions ----------------------------------------------------------------------------------

export async function findRedemption(q: Queryable, id: string, options: { forUpdate?: boolean } = {}): Promise<Redemption | null> {
  const [row] = await q.query<RedemptionRow>(
    `select ${REDEMPTION_COLUMNS} from voucher_redemptions where id = $1${options.forUpdate ? ' for update' : ''}`,
    [id],
  )
  return row ? toRedemption(row) : null
}

/** The live (not undone by a restoring refund) redemption of this voucher on this order here. */
export async function findOrderRedemption(
  q: Queryable,
  merchantId: string,
  orderId: string,
  voucherId: string,
): Promise<Redemption | null> {
  const [row] = await q.query<RedemptionRow>(
    `select ${REDEMPTION_COLUMNS} from voucher_redemptions
     where merchant_id = $1 and order_id = $2 and voucher_id = $3 and refund_restored is not true`,
    [merchantId, orderId, voucherId],
  )
  return row ? toRedemption(row) : null
}

export async function merchantDayTotals(
  q: Queryable,
  merchantId: string,
  batchId: string,
  day: string,
): Promise<{ count: number; discountFen: number }> {
  const [row] = await q.query<{ n: number; fen: number }>(
    `select count(*)::int as n, coalesce(sum(discount_fen), 0)::int as fen from voucher_redemptions
     where merchant_id = $1 and batch_id = $2 and redeemed_day = $3 and refund_restored is not true`,
    [merchantId, batchId, day],
  )
  return { count: row.n, discountFen: row.fen }
}

export async function orderVouchers(q: Queryable, merchantId: string, orderId: string): Promise<{ count: number; exclusive: boolean }> {
  const [row] = await q.query<{ n: number; exclusive: boolean | null }>(
    `select count(*)::int as n, bool_or((b.doc ->> 'oneVoucherPerTransaction')::boolean) as exclusive
     from voucher_redemptions r join voucher_batches b on b.id = r.batch_id
     where r.merchant_id = $1 and r.order_id = $2 and r.refund_restored is not true`,
    [merchantId, orderId],
  )
  return { count: row.n, exclusive: row.exclusive === true }
}

/** Locks the batch's payout row (created on first use) and returns what it has paid so far. */
export async function lockBatchTotals(q: Queryable, batchId: string): Promise<number> {
  await q.query('insert into voucher_batch_totals (batch_id) values ($1) on conflict do nothing', [batchId])
  const [row] = await q.query<{ fen: number }>(
    'select redeemed_fen::float8 as fen from voucher_batch_totals where batch_id = $1 for update',
    [batchId],
  )
  return row.fen
}

export async function addBatchRedeemed(q: Queryable, batchId: string, deltaFen: number): Promise<void> {
  await q.query('update voucher_batch_totals set redeemed_fen = redeemed_fen + $2 where batch_id = $1', [batchId, deltaFen])
}

export async function markVoucherUsed(q: Queryable, voucher: WalletVoucher): Promise<boolean> {
  const rows = await q.query(
    `update vouchers set status = 'used', used_at = $2, redemption_id = $3 where id = $1 and status = 'usable' returning id`,
    [voucher.id, new Date(voucher.usedAt!), voucher.redemptionId],
  )
  return rows.length === 1
}

export async function insertRedemption(q: Queryable, redemption: Redemption, day: string, redeemedBy: string): Promise<void> {
  await q.query(
    `insert into voucher_redemptions (id, voucher_id, batch_id, merchant_id, order_id, order_amount_fen, discount_fen, redeemed_at, redeemed_day, redeemed_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      redemption.id,
      redemption.voucherId,
      redemption.batchId,
      redemption.merchantId,
      redemption.orderId,
      redemption.orderAmountFen,
      redemption.discountFen,
      new Date(redemption.redeemedAt),
      day,
      redeemedBy,
    ],
  )
}

export async function recordRefund(q: Queryable, redemption: Redemption): Promise<boolean> {
  const refund = redemption.refund!
  const rows = await q.query(
    `update voucher_redemptions set refund_at = $2, refund_full = $3, refund_restored = $4 where id = $1 and refund_at is null returning id`,
    [redemption.id, new Date(refund.at), refund.full, refund.restored],
  )
  return rows.length === 1
}

export async function restoreVoucher(q: Queryable, voucher: WalletVoucher, previousRedemptionId: string): Promise<boolean> {
  const rows = await q.query(
    `update vouchers set status = 'usable', used_at = null, redemption_id = null, restored_after_refund_at = $2
     where id = $1 and status = 'used' and redemption_id = $3 returning id`,
    [voucher.id, new Date(voucher.restoredAfterRefundAt!), previousRedemptionId],
  )
  return rows.length === 1
}

export async function listMerchantRedemptions(q: Queryable, merchantId: string, day: string): Promise<Redemption[]> {
  const rows = await q.query<RedemptionRow>(
    `select ${REDEMPTION_COLUMNS} from voucher_redemptions where merchant_id = $1 and redeemed_day = $2 order by redeemed_at desc, id limit 1000`,
    [merchantId, day],
  )
  return rows.map(toRedemption)
}

// Residents ------------------------------------------------------------------------------------

export async function setResidentCounty(q: Queryable, userId: string, county: string | null): Promise<void> {
  await q.query('update users set resident_county = $2, updated_at = now() where id = $1', [userId, county])
}

export async function getResidentCounty(q: Queryable, userId: string): Promise<string | null> {
  const [row] = await q.query<{ county: string | null }>('select resident_county as county from users where id = $1', [userId])
  return row?.county ?? null
}

// Idempotency keys -----------------------------------------------------------------------------

export type IdempotencyScope = 'claim' | 'redemption'

export type IdempotencyStart =
  | { kind: 'new' }
  | { kind: 'replay'; status: number; body: string }
  | { kind: 'in-flight' }
  | { kind: 'mismatch' }

interface KeyRow {
  inserted: number
  fingerprint: string | null
  state: 'in-flight' | 'done' | null
  leased_until: Date | null
  status: number | null
  body: string | null
  [key: string]: unknown
}

/**
 * Claims the key for this request (state in-flight, with a lease), or says why not: the first
 * answer to replay, another request with the same key still running, or the key used for a
 * different request. An in-flight key whose lease ran out (its process died) is taken over.
 */
export async function startIdempotent(
  q: Queryable,
  input: { scope: IdempotencyScope; userId: string; key: string; fingerprint: string; now: Date; leaseMs: number },
): Promise<IdempotencyStart> {
  const leasedUntil = new Date(input.now.getTime() + input.leaseMs)
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const [row] = await q.query<KeyRow>(
      `with ins as (
         insert into idempotency_keys (scope, user_id, key, fingerprint, state, leased_until) values ($1, $2, $3, $4, 'in-flight', $5)
         on conflict (scope, user_id, key) do nothing returning 1)
       select (select count(*)::int from ins) as inserted, k.fingerprint, k.state, k.leased_until, k.status, k.body
       from (select 1) as one left join idempotency_keys k on k.scope = $1 and k.user_id = $2 and k.key = $3`,
      [input.scope, input.userId, input.key, input.fingerprint, leasedUntil],
    )
    if (row.inserted === 1) return { kind: 'new' }
    // Inserted concurrently and committed after this statement's snapshot: look again.
    if (row.state === null) continue
    if (row.fingerprint !== input.fingerprint) return { kind: 'mismatch' }
    if (row.state === 'done') return { kind: 'replay', status: row.status!, body: row.body! }
    if (row.leased_until && row.leased_until.getTime() > input.now.getTime()) return { kind: 'in-flight' }
    const taken = await q.query(
      `update idempotency_keys set leased_until = $4 where scope = $1 and user_id = $2 and key = $3 and state = 'in-flight' and leased_until <= $5 returning 1`,
      [input.scope, input.userId, input.key, leasedUntil, input.now],
    )
    if (taken.length === 1) return { kind: 'new' }
  }
  return { kind: 'in-flight' }
}

export async function finishIdempotent(
  q: Queryable,
  input: { scope: IdempotencyScope; userId: string; key: string; status: number; body: string },
): Promise<void> {
  await q.query(
    `update idempotency_keys set state = 'done', status = $4, body = $5, leased_until = null where scope = $1 and user_id = $2 and key = $3`,
    [input.scope, input.userId, input.key, input.status, input.body],
  )
}

/** Forgets an in-flight key whose request failed on our side, so the retry runs afresh. */
export async function releaseIdempotent(q: Queryable, input: { scope: IdempotencyScope; userId: string; key: string }): Promise<void> {
  await q.query(`delete from idempotency_keys where scope = $1 and user_id = $2 and key = $3 and state = 'in-flight'`, [
    input.scope,
    input.userId,
    input.key,
  ])
}

export async function purgeIdempotencyKeys(q: Queryable, before: Date): Promise<number> {
  const rows = await q.query(`delete from idempotency_keys where created_at < $1 and state = 'done' returning 1`, [before])
  return rows.length
}

// Secrets --------------------------------------------------------------------------------------

/** The stored value of a named secret, created from `generate()` by whichever process asks first. */
export async function ensureSecret(q: Queryable, name: string, generate: () => string): Promise<string> {
  await q.query('insert into server_secrets (name, value) values ($1, $2) on conflict do nothing', [name, generate()])
  const [row] = await q.query<{ value: string }>('select value from server_secrets where name = $1', [name])
  return row.value
}
