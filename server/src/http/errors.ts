/**
 * Every failure leaves the server as `{ error: { code, message } }` with a 4xx or 5xx status: the
 * code is stable for the app to switch on, the message is Chinese and says what to do. Nothing a
 * client sends can produce a 500: parsing, validation, size, media type and rate limits all map
 * to 4xx here; only a real fault on our side is a 500, and it is logged with the request id.
 */
import { STATUS_CODES } from 'node:http'
import type { Socket } from 'node:net'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import { isDomainError } from '../../../src/domain/errors'

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    /** Seconds, sent as Retry-After (429 and 503). */
    readonly retryAfterSeconds?: number,
    /** The input field at fault, when there is one. */
    readonly field?: string,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

export interface ErrorBody {
  error: { code: string; message: string; field?: string }
}

const STATUS_DEFAULTS: Record<number, [code: string, message: string]> = {
  400: ['BAD_REQUEST', '请求有误，请检查后重试'],
  401: ['AUTH_REQUIRED', '请先登录'],
  403: ['FORBIDDEN', '没有权限进行这个操作'],
  404: ['NOT_FOUND', '找不到这个接口或内容'],
  405: ['METHOD_NOT_ALLOWED', '不支持这个请求方法'],
  406: ['NOT_ACCEPTABLE', '无法按要求的格式返回'],
  408: ['REQUEST_TIMEOUT', '请求超时，请重试'],
  409: ['CONFLICT', '请求与当前状态冲突，请刷新后重试'],
  411: ['LENGTH_REQUIRED', '请求缺少长度信息'],
  413: ['BODY_TOO_LARGE', '请求内容太大'],
  414: ['URI_TOO_LONG', '请求地址太长'],
  415: ['UNSUPPORTED_MEDIA_TYPE', '只接受 JSON 格式的请求内容（Content-Type: application/json）'],
  422: ['UNPROCESSABLE', '请求内容无法处理'],
  429: ['RATE_LIMITED', '请求太频繁，请稍后再试'],
  431: ['HEADERS_TOO_LARGE', '请求头太大'],
  503: ['UNAVAILABLE', '服务暂时不可用，请稍后再试'],
}

const FASTIFY_CODES: Record<string, [status: number, code: string, message: string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'INVALID_JSON', '请求内容不是有效的 JSON'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'EMPTY_BODY', '请求内容不能为空；没有内容时请不要带 Content-Type: application/json'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'BODY_TOO_LARGE', '请求内容太大'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'UNSUPPORTED_MEDIA_TYPE', '只接受 JSON 格式的请求内容（Content-Type: application/json）'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'BAD_CONTENT_LENGTH', '请求长度与内容不符'],
  FST_ERR_CTP_INVALID_TYPE: [400, 'BAD_CONTENT_TYPE', 'Content-Type 请求头无效'],
  FST_ERR_BAD_URL: [400, 'BAD_URL', '请求地址无效'],
  FST_ERR_MAX_PARAM_LENGTH: [414, 'URI_TOO_LONG', '请求地址太长'],
  FST_ERR_ASYNC_CONSTRAINT: [400, 'BAD_REQUEST', '请求有误'],
}

const PART_LABEL: Record<string, string> = { body: '请求内容', querystring: '查询参数', params: '路径参数', headers: '请求头' }

interface ValidationIssue {
  instancePath: string
  keyword?: string
  message?: string
  params?: { keys?: string[] }
}

function validationMessage(part: string | undefined, issues: readonly ValidationIssue[]): { message: string; field?: string } {
  const first = issues[0]
  const where = PART_LABEL[part ?? ''] ?? '请求'
  const more = issues.length > 1 ? `（另有 ${issues.length - 1} 处问题）` : ''
  const parent = first.instancePath.replace(/^\//, '').replace(/\//g, '.')
  const unknownKeys = first.keyword === 'unrecognized_keys' ? first.params?.keys : undefined
  if (unknownKeys?.length) {
    const field = [parent, unknownKeys[0]].filter(Boolean).join('.')
    return { message: `${where}有误：不允许的字段 ${unknownKeys.join('、')}${more}`, field }
  }
  const field = parent || undefined
  return { message: `${where}有误${field ? `：${field}` : ''}：${first.message ?? '格式不对'}${more}`, field }
}

/** Turns anything thrown into a status and an error body. Pure, so tests can table it. */
export function toErrorResponse(error: unknown): { status: number; body: ErrorBody; retryAfterSeconds?: number; internal: boolean } {
  if (error instanceof ApiError) {
    const body = { error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) } }
    return { status: error.statusCode, body, retryAfterSeconds: error.retryAfterSeconds, internal: false }
  }
  if (isDomainError(error)) {
    return { status: 400, body: { error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) } }, internal: false }
  }
  const fastifyError = error as Partial<FastifyError> & { validationContext?: string }
  if (hasZodFastifySchemaValidationErrors(error) || Array.isArray(fastifyError.validation)) {
    const { message, field } = validationMessage(fastifyError.validationContext, (fastifyError.validation ?? []) as ValidationIssue[])
    return { status: 400, body: { error: { code: 'VALIDATION_FAILED', message, ...(field ? { field } : {}) } }, internal: false }
  }
  const known = fastifyError.code ? FASTIFY_CODES[fastifyError.code] : undefined
  if (known) return { status: known[0], body: { error: { code: known[1], message: known[2] } }, internal: false }
  const status = typeof fastifyError.statusCode === 'number' ? fastifyError.statusCode : 500
  if (status >= 400 && status < 500) {
    const [code, message] = STATUS_DEFAULTS[status] ?? STATUS_DEFAULTS[400]
    return { status, body: { error: { code, message } }, internal: false }
  }
  if (status === 503) return { status, body: { error: { code: 'UNAVAILABLE', message: STATUS_DEFAULTS[503][1] } }, internal: true }
  return { status: 500, body: { error: { code: 'INTERNAL', message: '服务器出了点问题，请稍后再试' } }, internal: true }
}

export function errorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const response = toErrorResponse(error)
  if (response.internal) request.log.error({ err: error }, 'request failed')
  else request.log.info({ code: response.body.error.code, status: response.status }, 'request rejected')
  if (response.retryAfterSeconds !== undefined) void reply.header('retry-after', String(response.retryAfterSeconds))
  return reply.status(response.status).send(response.body)
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return reply.status(404).send({ error: { code: 'NOT_FOUND', message: `找不到接口 ${request.method} ${request.url.split('?')[0].slice(0, 120)}` } } satisfies ErrorBody)
}

/**
 * What Node's HTTP parser refuses before any route runs — headers too large (431), a request not
 * complete in time (408, slowloris), a malformed request line (400) — in the same envelope as
 * every other error, then the socket is closed.
 */
export function clientErrorHandler(this: FastifyInstance, error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return
  const [status, code, message] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'REQUEST_TIMEOUT', STATUS_DEFAULTS[408][1]]
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'HEADERS_TOO_LARGE', STATUS_DEFAULTS[431][1]]
        : error.code === 'HPE_URI_TOO_LONG'
          ? [414, 'URI_TOO_LONG', STATUS_DEFAULTS[414][1]]
          : [400, 'BAD_REQUEST', '请求格式有误']
  this.log.debug({ err: error, status }, 'client error')
  if (socket.writable) {
    const body = JSON.stringify({ error: { code, message } } satisfies ErrorBody)
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`,
    )
  }
  socket.destroy()
}
