-- Accounts: residents, merchants (bound to one merchant) and operators; opaque session tokens
-- stored only as SHA-256 hashes; WeChat session_key kept server-side, apart from the user row.
create table if not exists users (
  id uuid primary key,
  openid text unique,
  unionid text,
  dev_name text unique,
  nickname text,
  role text not null default 'resident' check (role in ('resident', 'merchant', 'operator')),
  merchant_id text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint users_merchant_binding check ((role = 'merchant') = (merchant_id is not null)),
  constraint users_identity check (openid is not null or dev_name is not null)
);
create index if not exists users_merchant_idx on users (merchant_id) where merchant_id is not null;

create table if not exists wechat_session_keys (
  user_id uuid primary key references users (id) on delete cascade,
  session_key text not null,
  updated_at timestamptz not null default now()
);

create table if not exists sessions (
  id uuid primary key,
  user_id uuid not null references users (id) on delete cascade,
  token_hash text not null unique,
  login text not null check (login in ('wechat', 'dev')),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz,
  user_agent text
);
create index if not exists sessions_user_idx on sessions (user_id, created_at desc);

-- Content: the validated document as jsonb, plus the columns listings filter and sort on.
create table if not exists policy_versions (
  version text primary key,
  published_on date not null,
  effective_from date not null,
  effective_to date,
  doc jsonb not null,
  imported_at timestamptz not null default now()
);

-- One operator override document per kind ('subsidy', 'toll'), as the owning domain area defines
-- it; the latest import replaces the previous one and the app applies it over its bundled data.
create table if not exists policy_overrides (
  kind text primary key check (kind in ('subsidy', 'toll')),
  doc jsonb not null,
  imported_at timestamptz not null default now()
);

create table if not exists merchants (
  id text primary key,
  name text not null,
  county text not null,
  category text not null,
  doc jsonb not null,
  imported_at timestamptz not null default now()
);
create index if not exists merchants_county_category_idx on merchants (county, category);

alter table users drop constraint if exists users_merchant_fk;
alter table users add constraint users_merchant_fk foreign key (merchant_id) references merchants (id);

create table if not exists voucher_batches (
  id text primary key,
  counties text[] not null,
  event_id text,
  claim_opens_at timestamptz not null,
  claim_closes_at timestamptz not null,
  usable_until timestamptz not null,
  doc jsonb not null,
  imported_at timestamptz not null default now()
);
create index if not exists voucher_batches_claim_idx on voucher_batches (claim_opens_at, claim_closes_at);
create index if not exists voucher_batches_usable_idx on voucher_batches (usable_until);

-- One row per round, so the claim engines (issue 6) can shard or pre-mint stock per round.
create table if not exists voucher_rounds (
  batch_id text not null references voucher_batches (id) on delete cascade,
  id text not null,
  position int not null,
  opens_at timestamptz not null,
  closes_at timestamptz not null,
  quota int not null check (quota > 0),
  primary key (batch_id, id)
);
create index if not exists voucher_rounds_opens_idx on voucher_rounds (opens_at);

create table if not exists events (
  id text primary key,
  type text not null,
  county text not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  admission text not null,
  status text not null,
  sample boolean not null,
  doc jsonb not null,
  imported_at timestamptz not null default now()
);
create index if not exists events_span_idx on events (starts_at, ends_at);
create index if not exists events_type_county_idx on events (type, county);

create table if not exists content_imports (
  id uuid primary key,
  imported_at timestamptz not null default now(),
  source text not null,
  files jsonb not null,
  counts jsonb not null
);
