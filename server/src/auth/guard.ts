/**
 * Who is calling. `requireUser` resolves the bearer token to a live session and its user (reading
 * the user row each time, so a role change applies at once) or answers 401; `requireRole`
 * adds 403 for the wrong role. Object-level checks (is this merchant yours?) stay in the routes.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { ApiError } from '../http/errors'
import { findSessionByTokenHash, type Role, type Session, type User } from '../store/accounts'
import type { Db } from '../store/db'
import { bearerToken, hashToken, isWellFormedToken } from './tokens'

export interface Caller {
  user: User
  session: Session
}

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | null
  }
}

export function authError(code: 'AUTH_REQUIRED' | 'AUTH_INVALID' | 'AUTH_EXPIRED' | 'AUTH_REVOKED'): ApiError {
  const messages = {
    AUTH_REQUIRED: '请先登录',
    AUTH_INVALID: '登录状态无效，请重新登录',
    AUTH_EXPIRED: '登录已过期，请重新登录',
    AUTH_REVOKED: '已退出登录，请重新登录',
  }
  return new ApiError(401, code, messages[code])
}

/** The hash of the request's bearer token: 401 AUTH_REQUIRED without one, AUTH_INVALID when malformed. */
export function bearerTokenHash(header: string | undefined): string {
  const token = bearerToken(header)
  if (token === null) throw authError('AUTH_REQUIRED')
  if (!isWellFormedToken(token)) throw authError('AUTH_INVALID')
  return hashToken(token)
}

/**
 * The session found for a token, if it is still live at `at` (epoch ms); else the 401 that says why.
 * A development sign-in's session (login 'dev') is live only on a server in demo mode: one made by
 * a demo against a store that a real server shares is refused there (issue 16).
 */
export function liveCaller<T extends Caller>(found: T | null, at: number, demo: boolean): T {
  if (!found) throw authError('AUTH_INVALID')
  if (found.session.login === 'dev' && !demo) throw authError('AUTH_INVALID')
  if (found.session.revokedAt) throw authError('AUTH_REVOKED')
  if (found.session.expiresAt.getTime() <= at) throw authError('AUTH_EXPIRED')
  return found
}

export async function resolveCaller(db: Db, header: string | undefined, now: Date, demo: boolean): Promise<Caller> {
  return liveCaller(await findSessionByTokenHash(db, bearerTokenHash(header)), now.getTime(), demo)
}

export function makeGuards(db: Db, now: () => Date, demo: boolean) {
  const requireUser = async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    request.caller = await resolveCaller(db, request.headers.authorization, now(), demo)
  }
  const requireRole =
    (...roles: Role[]) =>
    async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
      await requireUser(request, reply)
      if (!roles.includes(request.caller!.user.role)) throw new ApiError(403, 'FORBIDDEN', '没有权限进行这个操作')
    }
  return { requireUser, requireRole }
}

export function callerOf(request: FastifyRequest): Caller {
  if (!request.caller) throw authError('AUTH_REQUIRED')
  return request.caller
}
