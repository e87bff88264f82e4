/** Users, sessions and WeChat session keys. Every function takes a Queryable: a Db or a transaction. */
import { randomUUID } from 'node:crypto'
import type { SessionKeyCipher } from '../auth/session-key-cipher'
import type { Queryable } from './db'
import { pickColumns } from './rows'

/** 'auditor' (审计) is a console role: it reads everything there and changes nothing (issue 17). */
export type Role = 'resident' | 'merchant' | 'operator' | 'auditor'

export interface User {
  id: string
  role: Role
  merchantId: string | null
  nickname: string | null
  /** Set for accounts made by the development login. */
  devName: string | null
  createdAt: Date
}

export interface Session {
  id: string
  userId: string
  login: 'wechat' | 'dev' | 'staff'
  createdAt: Date
  expiresAt: Date
  revokedAt: Date | null
  userAgent: string | null
}

interface UserRow {
  id: string
  role: Role
  merchant_id: string | null
  nickname: string | null
  dev_name: string | null
  created_at: Date
  [key: string]: unknown
}

interface SessionRow {
  session_id: string
  user_id: string
  login: 'wechat' | 'dev' | 'staff'
  session_created_at: Date
  expires_at: Date
  revoked_at: Date | null
  user_agent: string | null
  [key: string]: unknown
}

const USER_FIELDS = ['id', 'role', 'merchant_id', 'nickname', 'dev_name', 'created_at'] as const
const USER_COLUMNS = USER_FIELDS.map((column) => `users.${column}`).join(', ')
const SESSION_COLUMNS =
  'sessions.id as session_id, sessions.user_id, sessions.login, sessions.created_at as session_created_at, sessions.expires_at, sessions.revoked_at, sessions.user_agent'

function toUser(row: UserRow): User {
  return pickColumns(row, USER_FIELDS)
}

function toSession(row: SessionRow): Session {
  return {
    id: row.session_id,
    userId: row.user_id,
    login: row.login,
    createdAt: row.session_created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    userAgent: row.user_agent,
  }
}

/**
 * The WeChat user for this openid, created on first login; the session_key is replaced each login,
 * kept only sealed (without a cipher — production missing SESSION_KEY_SECRET — it is not kept).
 */
export async function upsertWechatUser(
  q: Queryable,
  login: { openid: string; unionid?: string; sessionKey: string },
  cipher: SessionKeyCipher | null,
): Promise<User> {
  const [row] = await q.query<UserRow>(
    `insert into users (id, openid, unionid) values ($1, $2, $3)
     on conflict (openid) do update set unionid = coalesce(excluded.unionid, users.unionid), updated_at = now()
     returning ${USER_COLUMNS}`,
    [randomUUID(), login.openid, login.unionid ?? null],
  )
  if (!cipher) {
    await q.query('delete from wechat_session_keys where user_id = $1', [row.id])
    return toUser(row)
  }
  await q.query(
    `insert into wechat_session_keys (user_id, sealed_session_key) values ($1, $2)
     on conflict (user_id) do update set sealed_session_key = excluded.sealed_session_key, updated_at = now()`,
    [row.id, cipher.seal(login.sessionKey)],
  )
  return toUser(row)
}

export async function upsertDevUser(q: Queryable, name: string): Promise<User> {
  const [row] = await q.query<UserRow>(
    `insert into users (id, dev_name, nickname) values ($1, $2, $2)
     on conflict (dev_name) do update set updated_at = now()
     returning ${USER_COLUMNS}`,
    [randomUUID(), name],
  )
  return toUser(row)
}

/** For server-side signing only (e.g. wx.addPhoneCalendar signatures); never sent to a client. */
export async function getWechatSessionKey(q: Queryable, userId: string, cipher: SessionKeyCipher): Promise<string | null> {
  const [row] = await q.query<{ sealed_session_key: string }>('select sealed_session_key from wechat_session_keys where user_id = $1', [userId])
  return row ? cipher.open(row.sealed_session_key) : null
}

export async function createSession(
  q: Queryable,
  input: { id?: string; userId: string; tokenHash: string; login: Session['login']; expiresAt: Date; userAgent: string | null },
): Promise<Session> {
  const [row] = await q.query<SessionRow>(
    `insert into sessions (id, user_id, token_hash, login, expires_at, user_agent) values ($1, $2, $3, $4, $5, $6)
     returning ${SESSION_COLUMNS}`,
    [input.id ?? randomUUID(), input.userId, input.tokenHash, input.login, input.expiresAt, input.userAgent?.slice(0, 200) ?? null],
  )
  return toSession(row)
}

export async function findSessionByTokenHash(q: Queryable, tokenHash: string): Promise<{ session: Session; user: User } | null> {
  const [row] = await q.query<SessionRow & UserRow>(
    `select ${SESSION_COLUMNS}, ${USER_COLUMNS} from sessions join users on users.id = sessions.user_id where sessions.token_hash = $1`,
    [tokenHash],
  )
  return row ? { session: toSession(row), user: toUser(row) } : null
}

/**
 * Sessions with their users for many token hashes at once (the claim route's rush reads the
 * misses of one moment together), with the resident's county that the claim needs.
 */
export async function findSessionsByTokenHashes(
  q: Queryable,
  tokenHashes: readonly string[],
): Promise<{ tokenHash: string; session: Session; user: User; residentCounty: string | null }[]> {
  const rows = await q.query<SessionRow & UserRow & { token_hash: string; resident_county: string | null }>(
    `select sessions.token_hash, users.resident_county, ${SESSION_COLUMNS}, ${USER_COLUMNS}
     from sessions join users on users.id = sessions.user_id where sessions.token_hash = any($1::text[])`,
    [[...new Set(tokenHashes)]],
  )
  return rows.map((row) => ({ tokenHash: row.token_hash, session: toSession(row), user: toUser(row), residentCounty: row.resident_county }))
}

/** Revokes one of the user's own sessions; false when there is no such live session of theirs. */
export async function revokeSession(q: Queryable, userId: string, sessionId: string): Promise<boolean> {
  const rows = await q.query('update sessions set revoked_at = now() where id = $1 and user_id = $2 and revoked_at is null returning id', [
    sessionId,
    userId,
  ])
  return rows.length > 0
}

export async function listActiveSessions(q: Queryable, userId: string, now: Date): Promise<Session[]> {
  const rows = await q.query<SessionRow>(
    `select ${SESSION_COLUMNS} from sessions where user_id = $1 and revoked_at is null and expires_at > $2 order by sessions.created_at desc limit 50`,
    [userId, now],
  )
  return rows.map(toSession)
}

export async function getUser(q: Queryable, userId: string): Promise<User | null> {
  const [row] = await q.query<UserRow>(`select ${USER_COLUMNS} from users where id = $1`, [userId])
  return row ? toUser(row) : null
}

export async function findUserByDevName(q: Queryable, name: string): Promise<User | null> {
  const [row] = await q.query<UserRow>(`select ${USER_COLUMNS} from users where dev_name = $1`, [name])
  return row ? toUser(row) : null
}

export async function setNickname(q: Queryable, userId: string, nickname: string): Promise<User> {
  const [row] = await q.query<UserRow>(`update users set nickname = $2, updated_at = now() where id = $1 returning ${USER_COLUMNS}`, [
    userId,
    nickname,
  ])
  return toUser(row)
}

/** Sessions read the user row on every request, so a new role applies to live sessions at once. */
export async function setRole(q: Queryable, userId: string, role: Role, merchantId: string | null): Promise<User | null> {
  const [row] = await q.query<UserRow>(
    `update users set role = $2, merchant_id = $3, updated_at = now() where id = $1 returning ${USER_COLUMNS}`,
    [userId, role, role === 'merchant' ? merchantId : null],
  )
  return row ? toUser(row) : null
}

export async function listMerchantAccounts(q: Queryable, merchantId: string): Promise<User[]> {
  const rows = await q.query<UserRow>(`select ${USER_COLUMNS} from users where merchant_id = $1 order by users.created_at`, [merchantId])
  return rows.map(toUser)
}
