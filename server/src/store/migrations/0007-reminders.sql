-- Reminders (issue 7): one row per (resident, kind, subject); one delivery per fire time, unique
-- per (reminder, fire key) so a fire time can never be queued twice; subscribe-message credits,
-- one row per accepted one-time template, spent by at most one delivery; and a log of every send
-- attempt. Numbered after the issue so it never collides with another area's next migration.
create table if not exists reminders (
  id uuid primary key,
  user_id uuid not null references users (id) on delete cascade,
  kind text not null check (kind in ('round-opening', 'voucher-expiring', 'event-starting', 'rule-set-ending')),
  subject_id text not null,
  title text not null,
  target_at timestamptz not null,
  -- Which of the kind's offsets (REMINDER_KIND_SPECS, ms before the target) the resident keeps.
  offsets_ms int[] not null,
  -- The message payload (ReminderPayloads[kind]) as last resolved from the subject.
  payload jsonb not null,
  status text not null default 'active' check (status in ('active', 'paused', 'cancelled')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint reminders_one_per_subject unique (user_id, kind, subject_id)
);
create index if not exists reminders_user_idx on reminders (user_id, target_at);

create table if not exists reminder_deliveries (
  id uuid primary key,
  reminder_id uuid not null references reminders (id) on delete cascade,
  -- ReminderFireTime.key: kind, target instant and offset, so a moved target is a new fire time.
  fire_key text not null,
  label text not null,
  before_ms int not null,
  fire_at timestamptz not null,
  status text not null default 'pending' check (status in ('pending', 'sending', 'sent', 'failed', 'skipped')),
  -- Set when the scheduler fires it: 'wechat' (a subscribe message went out) or 'in-app' (我的提醒).
  channel text check (channel in ('wechat', 'in-app')),
  attempts int not null default 0,
  next_attempt_at timestamptz not null,
  -- A 'sending' row whose lease has run out belongs to a worker that died: it goes back to pending.
  lease_until timestamptz,
  claim_token uuid,
  outcome_code text,
  reason text,
  finished_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint reminder_deliveries_once unique (reminder_id, fire_key),
  constraint reminder_deliveries_lease check ((status = 'sending') = (lease_until is not null and claim_token is not null))
);
create index if not exists reminder_deliveries_due_idx on reminder_deliveries (next_attempt_at) where status = 'pending';
create index if not exists reminder_deliveries_lease_idx on reminder_deliveries (lease_until) where status = 'sending';

create table if not exists subscribe_credits (
  id uuid primary key,
  user_id uuid not null references users (id) on delete cascade,
  template_id text not null,
  -- The reminder whose 提醒我 tap granted it: spent on that reminder first, on any other of the
  -- same template otherwise.
  reminder_id uuid references reminders (id) on delete set null,
  state text not null default 'available' check (state in ('available', 'reserved', 'spent')),
  delivery_id uuid references reminder_deliveries (id) on delete set null,
  granted_at timestamptz not null,
  spent_at timestamptz,
  spent_reason text,
  constraint subscribe_credits_available_unheld check (state <> 'available' or delivery_id is null)
);
create index if not exists subscribe_credits_available_idx on subscribe_credits (user_id, template_id, granted_at) where state = 'available';
-- One message, one credit: a delivery can hold or have spent at most one.
create unique index if not exists subscribe_credits_one_per_delivery on subscribe_credits (delivery_id) where delivery_id is not null;

create table if not exists reminder_send_log (
  id uuid primary key,
  delivery_id uuid references reminder_deliveries (id) on delete set null,
  reminder_id uuid,
  user_id uuid,
  attempt int not null,
  at timestamptz not null,
  channel text not null check (channel in ('wechat', 'in-app')),
  template_id text,
  outcome text not null check (outcome in ('sent', 'retry', 'failed', 'skipped', 'in-app')),
  errcode int,
  errmsg text,
  reason text,
  duration_ms int,
  message jsonb
);
create index if not exists reminder_send_log_delivery_idx on reminder_send_log (delivery_id, at);
