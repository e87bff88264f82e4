/**
 * Who may use `/api/v1/admin/...`: a session opened by the staff sign-in (password + TOTP) of an
 * account whose role is 运营 (operator) or 审计 (auditor). `read` lets both in; `write` lets only
 * 运营 in — 审计 reads everything and changes nothing, enforced here, not by hiding buttons. A
 * resident, a merchant, or an operator role reached through the mini-program's login is refused.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { resolveCaller } from '../auth/guard'
import { ApiError } from '../http/errors'
import type { Db } from '../store/db'

export function makeStaffGuards(db: Db, now: () => Date, demo: boolean) {
  const guard =
    (write: boolean) =>
    async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
      const caller = await resolveCaller(db, request.headers.authorization, now(), demo)
      request.caller = caller
      const role = caller.user.role
      if (caller.session.login !== 'staff' || (role !== 'operator' && role !== 'auditor')) {
        request.log.warn({ userId: caller.user.id, role, login: caller.session.login }, 'admin API refused: not a staff session')
        throw new ApiError(403, 'STAFF_ONLY', '运营后台只能用后台账号登录使用')
      }
      if (write && role !== 'operator') {
        request.log.warn({ userId: caller.user.id, url: request.url }, 'admin API refused: auditor tried to change something')
        throw new ApiError(403, 'READ_ONLY', '审计账号只能查看，不能修改')
      }
    }
  return { read: guard(false), write: guard(true) }
}

export type StaffGuards = ReturnType<typeof makeStaffGuards>
