-- The operators' console (issue 17): staff accounts signed in with password (argon2id) + TOTP,
-- the 审计 (auditor) role that reads everything and changes nothing, the audit log of every
-- staff action, batch drafts, the per-round pause switch and batch closure the claim gate reads,
-- and merchant suspension. Numbered after the issue so it never collides with another area's.
alter table users drop constraint if exists users_role_check;
alter table users add constraint users_role_check check (role in ('resident', 'merchant', 'operator', 'auditor'));
alter table users add column if not exists staff_account text unique;
alter table users drop constraint if exists users_identity;
alter table users add constraint users_identity check (openid is not null or dev_name is not null or staff_account is not null);

alter table sessions drop constraint if exists sessions_login_check;
alter table sessions add constraint sessions_login_check check (login in ('wechat', 'dev', 'staff'));

create table if not exists staff_credentials (
  user_id uuid primary key references users (id) on delete cascade,
  account text not null unique,
  -- argon2id in PHC form ($argon2id$v=19$m=…); null until the one-time setup link is used.
  password_hash text,
  -- Base32 TOTP secret (RFC 6238); enrolled once a code from the authenticator app matched it.
  totp_secret text not null,
  totp_enrolled boolean not null default false,
  -- The time step of the last accepted code: a code is accepted once (no replay within its window).
  last_totp_step bigint,
  -- SHA-256 of the one-time setup token; cleared when used.
  setup_token_hash text unique,
  setup_expires_at timestamptz,
  failed_attempts int not null default 0,
  locked_until timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table if not exists admin_audit_log (
  id uuid primary key,
  at timestamptz not null,
  actor_id uuid,
  actor_account text not null,
  actor_role text not null,
  action text not null,
  target_type text not null,
  target_id text,
  summary text not null,
  before jsonb,
  after jsonb,
  request_id text
);
create index if not exists admin_audit_log_at_idx on admin_audit_log (at desc);
create index if not exists admin_audit_log_action_idx on admin_audit_log (action, at desc);

-- A batch being prepared: validated with the batch schema on every save, published into
-- voucher_batches (where residents see it) only by an operator's explicit publish.
create table if not exists voucher_batch_drafts (
  id text primary key,
  doc jsonb not null,
  created_by uuid references users (id),
  updated_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  published_at timestamptz
);

-- The kill switch: a paused round refuses every new claim (ROUND_PAUSED). Each server reads
-- this table at least once a second; the server that takes the operator's request applies it at once.
create table if not exists voucher_round_controls (
  batch_id text not null references voucher_batches (id) on delete cascade,
  round_id text not null,
  paused boolean not null,
  changed_at timestamptz not null,
  changed_by uuid references users (id),
  primary key (batch_id, round_id)
);

-- A batch closed early by an operator: no more claims; what was unclaimed is recorded as handed
-- back (quotaReturn.unclaimed) or withdrawn.
create table if not exists voucher_batch_closures (
  batch_id text primary key references voucher_batches (id) on delete cascade,
  closed_at timestamptz not null,
  closed_by uuid references users (id),
  unclaimed jsonb not null
);

alter table merchants add column if not exists suspended_at timestamptz;
alter table content_imports add column if not exists imported_by text;
