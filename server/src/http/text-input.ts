/**
 * One check for every route (issue 16): no string a client sends — in the JSON body, the query
 * string or a path parameter, at any depth, keys included — may carry a control character (NUL
 * used to reach PostgreSQL and come back as a 500), a bidirectional override (a nickname shown
 * reversed) or a lone surrogate. Runs before schema validation, so no route can forget it and
 * every schema stays about its own field's shape; refused with 400 INVALID_CHARACTERS, the field
 * and a Chinese message (src/domain/text/unsafe-characters.ts).
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { unsafeTextMessage } from '../../../src/domain/text/unsafe-characters'
import { ApiError } from './errors'

const PART_LABEL = { body: '请求内容', querystring: '查询参数', params: '路径参数' } as const
/** How a resident knows the fields they type into; any other is named by its path. */
const FIELD_LABEL: Record<string, string> = { nickname: '昵称', orderId: '订单号', name: '名字', q: '搜索词', code: '券码' }
// An ApiError, not the domain's UnsafeTextError: the server loads src/domain through two module
// systems, and a class thrown from one is not `instanceof` the other's DomainError.
function assertSafeText(text: string, field: string, label: string): void {
  const message = unsafeTextMessage(text, label)
  if (message) throw new ApiError(400, 'INVALID_CHARACTERS', message, undefined, field)
}

/** Bodies are at most BODY_LIMIT_BYTES; this only bounds the walk of a pathological nesting. */
const MAX_DEPTH = 32

function walk(value: unknown, path: string, label: string, depth: number): void {
  if (typeof value === 'string') {
    assertSafeText(value, path, FIELD_LABEL[path] ?? `${label}${path ? ` ${path} ` : ''}`)
    return
  }
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return
  if (Array.isArray(value)) {
    value.forEach((item, index) => walk(item, path ? `${path}.${index}` : String(index), label, depth + 1))
    return
  }
  for (const [key, item] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key
    assertSafeText(key, at, `${label}字段名`)
    walk(item, at, label, depth + 1)
  }
}

/** A callback hook (no promise per request): every request of every route passes it. */
export function refuseUnsafeText(request: FastifyRequest, _reply: FastifyReply, done: (error?: Error) => void): void {
  try {
    walk(request.params, '', PART_LABEL.params, 0)
    walk(request.query, '', PART_LABEL.querystring, 0)
    walk(request.body, '', PART_LABEL.body, 0)
  } catch (error) {
    done(error as Error)
    return
  }
  done()
}
