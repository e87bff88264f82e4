-- Issue 20: the claim route trusts a resident's signed session token (src/auth/signed-session.ts)
-- without reading the session, so it must hear of everything that makes such a token wrong: a
-- session revoked (logout, an operator's revoke) or cut short, a user whose role, merchant or
-- county changed, a user or a live session deleted. Triggers note each of these here, whatever
-- code path made it; every server process reads the notes twice a second. A note is a user
-- (session_id null: every session of theirs) or one session; `at` is the store's clock.
create table if not exists auth_changes (
  seq bigserial primary key,
  at timestamptz not null default clock_timestamp(),
  user_id uuid not null,
  session_id uuid
);
create index if not exists auth_changes_at_idx on auth_changes (at);

create or replace function note_session_change() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    -- The retention purge deletes expired and revoked sessions: nothing a token could still use.
    if old.revoked_at is null and old.expires_at > now() then
      insert into auth_changes (user_id, session_id) values (old.user_id, old.id);
    end if;
    return old;
  end if;
  if new.revoked_at is distinct from old.revoked_at or new.expires_at < old.expires_at then
    insert into auth_changes (user_id, session_id) values (new.user_id, new.id);
  end if;
  return new;
end $$;

drop trigger if exists sessions_note_change on sessions;
create trigger sessions_note_change after update of revoked_at, expires_at or delete on sessions
  for each row execute function note_session_change();

create or replace function note_user_change() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    insert into auth_changes (user_id) values (old.id);
    return old;
  end if;
  if new.role is distinct from old.role or new.merchant_id is distinct from old.merchant_id
     or new.resident_county is distinct from old.resident_county then
    insert into auth_changes (user_id) values (new.id);
  end if;
  return new;
end $$;

drop trigger if exists users_note_change on users;
create trigger users_note_change after update of role, merchant_id, resident_county or delete on users
  for each row execute function note_user_change();
