/**
 * One error type for everything the server or the network can do to a request. The UI shows
 * `message` (always Chinese) and branches on `code`; `status` is the HTTP status, 0 for none.
 */
export class ApiError extends Error {
  readonly code: string
  readonly status: number
  /** Seconds to wait before retrying, from Retry-After on 429/503. */
  readonly retryAfterSeconds?: number

  constructor(code: string, message: string, status: number, retryAfterSeconds?: number) {
    super(message)
    this.name = 'ApiError'
    this.code = code
    this.status = status
    this.retryAfterSeconds = retryAfterSeconds
  }
}

const CHINESE = /[\u4e00-\u9fa5]/

const MESSAGE_BY_STATUS: Record<number, string> = {
  400: '提交的信息有误，请检查后重试',
  401: '登录已过期，请重新登录',
  403: '没有权限进行此操作',
  404: '没有找到相关内容',
  409: '上一次操作仍在处理中，请稍候',
  413: '提交的内容太大',
  422: '请求与之前的提交不一致',
  429: '操作太频繁，请稍后再试',
}

export const NETWORK_MESSAGE = '网络连接失败，请检查网络后重试'
export const TIMEOUT_MESSAGE = '网络较慢，请求超时，请稍后重试'
export const SERVER_MESSAGE = '服务暂时不可用，请稍后重试'

/** A Chinese message for a status, preferring the server's own words when it sent Chinese. */
export function messageFor(status: number, serverMessage?: unknown): string {
  if (typeof serverMessage === 'string' && CHINESE.test(serverMessage)) return serverMessage
  if (MESSAGE_BY_STATUS[status]) return MESSAGE_BY_STATUS[status]
  if (status >= 500) return SERVER_MESSAGE
  return '请求失败，请稍后重试'
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError
}

/** The message to show for anything thrown while talking to the server. */
export function userMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message
  if (error instanceof Error && CHINESE.test(error.message)) return error.message
  return '出了点问题，请稍后重试'
}
