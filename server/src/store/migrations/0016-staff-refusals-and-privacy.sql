-- Issue 16. Numbered after the issue so it never collides with another area's next migration.

-- Every refused attempt by a staff account to take a resident's place: a merchant or operator
-- claiming a resident voucher, a merchant redeeming a voucher claimed by an account bound to its
-- own shop. Who, what, when, why — for the operator console; purged after PURGE_REFUSALS_DAYS
-- (docs/PRIVACY.md). A deleted account's rows keep the role and shop but lose the account.
create table if not exists staff_refusals (
  id uuid primary key,
  at timestamptz not null,
  user_id uuid references users (id) on delete set null,
  role text not null check (role in ('resident', 'merchant', 'operator')),
  merchant_id text,
  action text not null check (action in ('claim', 'redeem')),
  -- The batch asked for (claim) or the voucher presented (redeem).
  target text not null,
  code text not null,
  reason text not null,
  request_id text
);
create index if not exists staff_refusals_at_idx on staff_refusals (at desc);
create index if not exists staff_refusals_user_idx on staff_refusals (user_id, at desc);

-- 注销账号 (PIPL art. 47): the account and what is only about it go; vouchers and redemptions stay
-- for the city's accounts (stock, budget, merchant settlement) with no owner / no cashier.
alter table vouchers alter column owner_id drop not null;
alter table vouchers drop constraint if exists vouchers_owner_id_fkey;
alter table vouchers add constraint vouchers_owner_id_fkey foreign key (owner_id) references users (id) on delete set null;
alter table voucher_redemptions alter column redeemed_by drop not null;
alter table voucher_redemptions drop constraint if exists voucher_redemptions_redeemed_by_fkey;
alter table voucher_redemptions add constraint voucher_redemptions_redeemed_by_fkey foreign key (redeemed_by) references users (id) on delete set null;
create index if not exists voucher_redemptions_redeemed_by_idx on voucher_redemptions (redeemed_by);
create index if not exists reminder_send_log_user_idx on reminder_send_log (user_id, at);

-- WeChat session_keys are kept sealed (AES-256-GCM, server/src/auth/session-key-cipher.ts). The
-- plain ones stored so far are dropped: WeChat hands out a new one at the next login anyway.
delete from wechat_session_keys;
alter table wechat_session_keys rename column session_key to sealed_session_key;
