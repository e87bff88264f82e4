/**
 * Staff accounts of the operators' console: account + password (argon2id, OWASP's minimum
 * m=19 MiB, t=2, p=1) + a TOTP code (RFC 6238, 30 s, 6 digits) from an authenticator app. Five
 * failed sign-ins in a row lock the account for 15 minutes; a code is accepted once (its time
 * step is recorded); sessions expire after STAFF_SESSION_TTL_MINUTES. A new account, or one reset
 * by an operator, gets a one-time setup link (24 h) where its holder sets the password and enrols
 * the authenticator; the link's token is stored only as a hash.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import { argon2id, argon2Verify } from 'hash-wasm'
import { generateSecret, generateURI, verify as verifyTotp } from 'otplib'
import type { Staff, StaffRole } from '../../../src/domain/admin/schemas'
import { toIsoShanghai } from '../../../src/domain/time'
import { hashToken, newSessionToken } from '../auth/tokens'
import { ApiError } from '../http/errors'
import { createSession, type Session } from '../store/accounts'
import type { Db, Queryable } from '../store/db'

export const MAX_FAILED_SIGN_INS = 5
export const LOCKOUT_MS = 15 * 60_000
export const SETUP_LINK_TTL_MS = 24 * 3_600_000
const TOTP_ISSUER = '衢惠通运营后台'

interface StaffRow {
  user_id: string
  account: string
  role: StaffRole
  password_hash: string | null
  totp_secret: string
  totp_enrolled: boolean
  last_totp_step: string | number | null
  failed_attempts: number
  locked_until: Date | null
  setup_expires_at: Date | null
  created_at: Date
  [key: string]: unknown
}

const STAFF_SELECT = `select c.user_id, c.account, u.role, c.password_hash, c.totp_secret, c.totp_enrolled, c.last_totp_step,
  c.failed_attempts, c.locked_until, c.setup_expires_at, c.created_at
  from staff_credentials c join users u on u.id = c.user_id`

export function presentStaff(row: StaffRow, now: Date): Staff {
  return {
    id: row.user_id,
    account: row.account,
    role: row.role,
    enrolled: row.totp_enrolled && row.password_hash !== null,
    lockedUntil: row.locked_until && row.locked_until > now ? toIsoShanghai(row.locked_until) : null,
    createdAt: toIsoShanghai(row.created_at),
  }
}

export async function hashPassword(password: string): Promise<string> {
  return argon2id({ password, salt: randomBytes(16), parallelism: 1, iterations: 2, memorySize: 19_456, hashLength: 32, outputType: 'encoded' })
}

// Verified against when the account does not exist, so a wrong account costs as long as a wrong password.
let dummyHash: Promise<string> | null = null

export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  if (hash === null) {
    dummyHash ??= hashPassword(randomBytes(16).toString('hex'))
    await argon2Verify({ password, hash: await dummyHash })
    return false
  }
  return argon2Verify({ password, hash })
}

function newSetupToken(): string {
  return randomBytes(24).toString('base64url')
}

export function setupPath(token: string): string {
  return `/admin/#/setup/${token}`
}

export async function findStaffByAccount(q: Queryable, account: string): Promise<StaffRow | null> {
  const [row] = await q.query<StaffRow>(`${STAFF_SELECT} where c.account = $1`, [account])
  return row ?? null
}

export async function findStaff(q: Queryable, userId: string): Promise<StaffRow | null> {
  const [row] = await q.query<StaffRow>(`${STAFF_SELECT} where c.user_id = $1`, [userId])
  return row ?? null
}

export async function listStaff(q: Queryable): Promise<StaffRow[]> {
  return q.query<StaffRow>(`${STAFF_SELECT} order by c.created_at, c.account`)
}

/** A new staff account with a fresh setup link; 409 when the account name is taken. */
export async function createStaff(
  db: Db,
  input: { account: string; role: StaffRole; now: Date },
): Promise<{ staff: StaffRow; setupToken: string; expiresAt: Date }> {
  const setupToken = newSetupToken()
  const expiresAt = new Date(input.now.getTime() + SETUP_LINK_TTL_MS)
  return db.transaction(async (tx) => {
    if (await findStaffByAccount(tx, input.account)) throw new ApiError(409, 'ACCOUNT_TAKEN', `账号 ${input.account} 已存在`)
    const userId = randomUUID()
    await tx.query('insert into users (id, staff_account, nickname, role) values ($1, $2, $2, $3)', [userId, input.account, input.role])
    await tx.query(
      `insert into staff_credentials (user_id, account, totp_secret, setup_token_hash, setup_expires_at) values ($1, $2, $3, $4, $5)`,
      [userId, input.account, generateSecret(), hashToken(setupToken), expiresAt],
    )
    return { staff: (await findStaff(tx, userId))!, setupToken, expiresAt }
  })
}

/** Clears the password and the authenticator, revokes every session, issues a new setup link. */
export async function resetStaff(q: Queryable, userId: string, now: Date): Promise<{ setupToken: string; expiresAt: Date } | null> {
  const setupToken = newSetupToken()
  const expiresAt = new Date(now.getTime() + SETUP_LINK_TTL_MS)
  const rows = await q.query(
    `update staff_credentials set password_hash = null, totp_secret = $2, totp_enrolled = false, last_totp_step = null,
       setup_token_hash = $3, setup_expires_at = $4, failed_attempts = 0, locked_until = null, updated_at = $5
     where user_id = $1 returning user_id`,
    [userId, generateSecret(), hashToken(setupToken), expiresAt, now],
  )
  if (rows.length === 0) return null
  await q.query('update sessions set revoked_at = $2 where user_id = $1 and revoked_at is null', [userId, now])
  return { setupToken, expiresAt }
}

export async function setStaffRole(q: Queryable, userId: string, role: StaffRole): Promise<boolean> {
  const rows = await q.query(
    `update users set role = $2, updated_at = now() where id = $1 and staff_account is not null returning id`,
    [userId, role],
  )
  return rows.length > 0
}

async function findBySetupToken(q: Queryable, token: string, now: Date): Promise<StaffRow> {
  const [row] = await q.query<StaffRow>(`${STAFF_SELECT} where c.setup_token_hash = $1`, [hashToken(token)])
  if (!row || !row.setup_expires_at) throw new ApiError(404, 'SETUP_LINK_INVALID', '设置链接无效或已使用，请联系运营人员重新生成')
  if (row.setup_expires_at <= now) throw new ApiError(410, 'SETUP_LINK_EXPIRED', '设置链接已过期，请联系运营人员重新生成')
  return row
}

export async function setupInfo(q: Queryable, token: string, now: Date) {
  const row = await findBySetupToken(q, token, now)
  return {
    account: row.account,
    role: row.role,
    secret: row.totp_secret,
    otpauthUri: generateURI({ issuer: TOTP_ISSUER, label: row.account, secret: row.totp_secret }),
    expiresAt: toIsoShanghai(row.setup_expires_at!),
  }
}

/** The time step a code matched (±1 step for clock drift), or null; a step at or before `after` is refused (replay). */
async function matchTotp(secret: string, code: string, now: Date, after: number | null): Promise<number | null> {
  const result = await verifyTotp({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: 30,
    ...(after !== null ? { afterTimeStep: after } : {}),
  })
  if (!result.valid) return null
  // The TOTP result carries the matched step; the HOTP shape of the union does not.
  return 'timeStep' in result ? result.timeStep : Math.floor(now.getTime() / 30_000) + result.delta
}

export async function completeSetup(db: Db, input: { token: string; password: string; code: string; now: Date }): Promise<StaffRow> {
  const row = await findBySetupToken(db, input.token, input.now)
  const step = await matchTotp(row.totp_secret, input.code, input.now, null)
  if (step === null) throw new ApiError(422, 'TOTP_INVALID', '验证码不对：请确认已用身份验证器扫描二维码，并输入当前显示的 6 位数字', )
  const hash = await hashPassword(input.password)
  await db.query(
    `update staff_credentials set password_hash = $2, totp_enrolled = true, last_totp_step = $3, setup_token_hash = null,
       setup_expires_at = null, failed_attempts = 0, locked_until = null, updated_at = $4 where user_id = $1`,
    [row.user_id, hash, step, input.now],
  )
  return (await findStaff(db, row.user_id))!
}

const SIGN_IN_FAILED = '账号、密码或验证码不正确'

function lockedError(until: Date, now: Date): ApiError {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000))
  return new ApiError(423, 'ACCOUNT_LOCKED', `连续 ${MAX_FAILED_SIGN_INS} 次登录失败，账号已锁定，请 ${minutes} 分钟后再试`, minutes * 60)
}

/**
 * Password and code are both checked before answering, and any failure says the same words, so
 * the answer does not tell which of account, password or code was wrong.
 */
export async function signIn(
  db: Db,
  input: { account: string; password: string; code: string; now: Date; ttlMs: number; userAgent: string | null },
): Promise<{ token: string; session: Session; staff: StaffRow }> {
  const { now } = input
  const row = await findStaffByAccount(db, input.account)
  if (row?.locked_until && row.locked_until > now) throw lockedError(row.locked_until, now)
  const passwordOk = await verifyPassword(input.password, row?.password_hash ?? null)
  const lastStep = row?.last_totp_step === null || row?.last_totp_step === undefined ? null : Number(row.last_totp_step)
  const step = row && row.totp_enrolled ? await matchTotp(row.totp_secret, input.code, now, lastStep) : null
  if (!row || !passwordOk || step === null) {
    if (row) {
      const failed = row.failed_attempts + 1
      const lockedUntil = failed >= MAX_FAILED_SIGN_INS ? new Date(now.getTime() + LOCKOUT_MS) : null
      await db.query('update staff_credentials set failed_attempts = $2, locked_until = $3, updated_at = $4 where user_id = $1', [
        row.user_id,
        lockedUntil ? 0 : failed,
        lockedUntil,
        now,
      ])
      if (lockedUntil) throw lockedError(lockedUntil, now)
      if (!row.totp_enrolled || !row.password_hash) {
        throw new ApiError(401, 'SETUP_REQUIRED', '这个账号还没有完成设置，请用设置链接设置密码和验证器')
      }
      throw new ApiError(401, 'SIGN_IN_FAILED', `${SIGN_IN_FAILED}（再错 ${MAX_FAILED_SIGN_INS - failed} 次将锁定 15 分钟）`)
    }
    throw new ApiError(401, 'SIGN_IN_FAILED', SIGN_IN_FAILED)
  }
  const token = newSessionToken()
  const session = await db.transaction(async (tx) => {
    // The step is written only if no other sign-in took it first: one code, one session.
    const updated = await tx.query(
      `update staff_credentials set failed_attempts = 0, locked_until = null, last_totp_step = $2, updated_at = $3
       where user_id = $1 and (last_totp_step is null or last_totp_step < $2) returning user_id`,
      [row.user_id, step, now],
    )
    if (updated.length === 0) throw new ApiError(401, 'SIGN_IN_FAILED', '这个验证码刚刚已用过，请等下一个验证码')
    return createSession(tx, {
      userId: row.user_id,
      tokenHash: hashToken(token),
      login: 'staff',
      expiresAt: new Date(now.getTime() + input.ttlMs),
      userAgent: input.userAgent,
    })
  })
  return { token, session, staff: row }
}
