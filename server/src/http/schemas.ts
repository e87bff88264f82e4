/**
 * The one envelope every response uses (server/README.md, "Envelope"):
 *   success → `{ data, meta? }`      failure → `{ error: { code, message, field? } }`
 * plus request-part schemas shared by routes. Every request schema is strict: an unknown field
 * is a 400, never silently dropped (mass assignment).
 */
import { z } from 'zod'

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().describe('稳定的错误码，例如 VALIDATION_FAILED、AUTH_EXPIRED'),
      message: z.string().describe('给用户看的中文说明'),
      field: z.string().optional().describe('出错的字段路径'),
    }),
  })
  .describe('错误')

export function envelope<T extends z.ZodType>(data: T) {
  return z.object({ data })
}

export const pageMetaSchema = z.object({ total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })

export function pagedEnvelope<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), meta: pageMetaSchema })
}

/** Error responses every route may give, for the OpenAPI document. */
export function errorResponses(...statuses: number[]) {
  return Object.fromEntries([400, 429, ...statuses].map((status) => [status, errorBodySchema]))
}

/** What a content id (batch, round, merchant…) may look like. */
export const CONTENT_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$/

export const contentIdParam = z.string().regex(CONTENT_ID, '编号只能包含字母、数字、- 和 _')

export const uuidParam = z.uuid({ error: '编号格式不对' })

export const pageQuery = {
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
}

export const booleanQuery = z.enum(['true', 'false']).transform((value) => value === 'true')

/** For routes that take no query parameters: any given is an error, not ignored. */
export const noQuery = z.strictObject({})

/** For POSTs without input: no body, or `{}`; anything else is an error. */
export const emptyBody = z.strictObject({}).nullish()

/**
 * The schema of a route for a signed-in caller, as /docs shows it: its tag and summary, the bearer
 * token, no query string (unless `parts` gives one), then its params, body and responses.
 */
export function signedInRoute<Parts extends object>(tag: string, summary: string, parts: Parts) {
  return { querystring: noQuery, tags: [tag], summary, security: [{ bearer: [] }], ...parts }
}
