-- Vouchers (issue 6): stock, wallets, redemptions, refunds, quota returns, idempotency keys.
-- Every "at most once" of the rules is a constraint here, so a bug or a crash in the server can
-- at worst refuse a claim, never hand out a second voucher, a second redemption or a unit of
-- stock that does not exist.

-- The county a resident says they live in (self-declared), for batches with residentCounties.
alter table users add column if not exists resident_county text;

-- Stock: one pre-minted row per unit of a round's quota. A claim takes one free row with
-- FOR UPDATE SKIP LOCKED, so concurrent claims spread over many rows instead of queueing on one
-- counter; voucher_id unique means one unit is one voucher. Rows are added (never removed) as a
-- round's quota grows: carried-over unclaimed quota and expired vouchers handed back.
create table if not exists voucher_slots (
  batch_id text not null references voucher_batches (id) on delete cascade,
  round_id text not null,
  slot int not null check (slot >= 1),
  voucher_id text,
  primary key (batch_id, round_id, slot)
);
create unique index if not exists voucher_slots_voucher_idx on voucher_slots (voucher_id) where voucher_id is not null;
create index if not exists voucher_slots_free_idx on voucher_slots (batch_id, round_id, slot) where voucher_id is null;

-- Wallet. batch_seq / round_seq number a resident's vouchers of a batch (1..perBatch) and of a
-- round (1..perRound): two racing claims of one resident that both read "1 so far" write the same
-- number, and the unique constraint lets only one of them in. claim_key is the Idempotency-Key
-- of the claim that made the voucher (one voucher per key and resident, whatever the engine).
-- batch_id has no foreign key on purpose: every claim would take a KEY SHARE lock on the one
-- batch row, and thousands of concurrent share-lockers make that row hot again (MultiXact).
create table if not exists vouchers (
  id text primary key,
  batch_id text not null,
  round_id text not null,
  owner_id uuid not null references users (id),
  batch_seq int not null check (batch_seq >= 1),
  round_seq int not null check (round_seq >= 1),
  status text not null check (status in ('usable', 'used', 'expired')),
  claimed_at timestamptz not null,
  valid_from timestamptz not null,
  valid_to timestamptz not null,
  used_at timestamptz,
  redemption_id text,
  restored_after_refund_at timestamptz,
  claim_key text not null,
  constraint vouchers_owner_claim_key unique (owner_id, claim_key),
  constraint vouchers_owner_batch_seq unique (owner_id, batch_id, batch_seq),
  constraint vouchers_owner_round_seq unique (owner_id, batch_id, round_id, round_seq),
  constraint vouchers_used_has_redemption check ((status = 'used') = (redemption_id is not null))
);
create index if not exists vouchers_owner_idx on vouchers (owner_id, claimed_at desc);
create index if not exists vouchers_usable_expiry_idx on vouchers (valid_to) where status = 'usable';
create index if not exists vouchers_batch_round_idx on vouchers (batch_id, round_id);

-- Redemptions (核销). A voucher has at most one redemption that was not undone by a restoring
-- refund; (merchant, order, voucher) is unique, so a repeated scan of one order is one row.
create table if not exists voucher_redemptions (
  id text primary key,
  voucher_id text not null references vouchers (id),
  batch_id text not null references voucher_batches (id),
  merchant_id text not null references merchants (id),
  order_id text not null,
  order_amount_fen int not null check (order_amount_fen >= 0),
  discount_fen int not null check (discount_fen > 0),
  redeemed_at timestamptz not null,
  redeemed_day date not null,
  redeemed_by uuid not null references users (id),
  refund_at timestamptz,
  refund_full boolean,
  refund_restored boolean,
  constraint voucher_redemptions_refund_whole check ((refund_at is null) = (refund_full is null) and (refund_at is null) = (refund_restored is null))
);
create unique index if not exists voucher_redemptions_live_idx on voucher_redemptions (voucher_id) where refund_restored is not true;
create unique index if not exists voucher_redemptions_order_idx on voucher_redemptions (merchant_id, order_id, voucher_id);
create index if not exists voucher_redemptions_day_idx on voucher_redemptions (merchant_id, redeemed_day, batch_id);

-- What each batch has paid out, net of restoring refunds: read and raised under a row lock in
-- the redemption transaction, so the budget can never be overspent by two tills at once.
create table if not exists voucher_batch_totals (
  batch_id text primary key references voucher_batches (id) on delete cascade,
  redeemed_fen bigint not null default 0 check (redeemed_fen >= 0)
);

-- Expired vouchers handed back to a later round (batch setting quotaReturn.expired): one row per
-- voucher, written by the expiry job in the transaction that expires it, so a unit returns once.
create table if not exists voucher_quota_returns (
  voucher_id text primary key references vouchers (id),
  batch_id text not null references voucher_batches (id),
  to_round_id text not null,
  returned_at timestamptz not null
);
create index if not exists voucher_quota_returns_round_idx on voucher_quota_returns (batch_id, to_round_id);

-- Idempotency-Key records: the first answer (status + exact body) per (scope, user, key), and
-- the fingerprint of the request that made it. 'in-flight' rows carry a lease, so a process that
-- died mid-request does not block the key for ever.
create table if not exists idempotency_keys (
  scope text not null check (scope in ('claim', 'redemption')),
  user_id uuid not null references users (id) on delete cascade,
  key text not null,
  fingerprint text not null,
  state text not null check (state in ('in-flight', 'done')),
  leased_until timestamptz,
  status int,
  body text,
  created_at timestamptz not null default now(),
  primary key (scope, user_id, key)
);
create index if not exists idempotency_keys_created_idx on idempotency_keys (created_at);

-- Secrets the server generates for itself outside production (the redemption-code key), so
-- every process on one store signs alike and a restart keeps codes valid.
create table if not exists server_secrets (
  name text primary key,
  value text not null,
  created_at timestamptz not null default now()
);
