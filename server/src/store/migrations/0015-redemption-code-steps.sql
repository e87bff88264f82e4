-- The offline code at the till (src/domain/vouchers/offline-code.ts): the last 30 s step accepted
-- for each voucher, written in the redemption's transaction under the voucher's row lock, so the
-- same code (or an older one) scanned again — after a refund restored the voucher, or a second
-- till — is refused as reused.
create table if not exists redemption_code_steps (
  voucher_id text primary key references vouchers (id) on delete cascade,
  last_step bigint not null check (last_step >= 0),
  used_at timestamptz not null
);
