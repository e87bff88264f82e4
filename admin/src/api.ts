/**
 * The console's one API client: the bearer token of the staff session (kept in sessionStorage, so
 * closing the browser signs out), the server's envelope unwrapped, and every failure as an
 * ApiError with the server's Chinese message. A 401 anywhere ends the session in the UI.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

const TOKEN_KEY = 'qht-admin-token'
let onSignedOut: (() => void) | null = null

export const session = {
  token: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  set(token: string) {
    sessionStorage.setItem(TOKEN_KEY, token)
  },
  clear() {
    sessionStorage.removeItem(TOKEN_KEY)
  },
  onSignedOut(listener: () => void) {
    onSignedOut = listener
  },
}

async function send(method: string, path: string, body?: unknown): Promise<Response> {
  const token = session.token()
  let response: Response
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    })
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '连不上服务器，请检查网络后重试')
  }
  if (!response.ok) {
    let code = 'HTTP_ERROR'
    let message = `服务器返回错误（${response.status}）`
    try {
      const parsed = (await response.json()) as { error?: { code: string; message: string } }
      if (parsed.error) ({ code, message } = parsed.error)
    } catch {
      // not JSON: keep the generic words
    }
    if (response.status === 401 && token) {
      session.clear()
      onSignedOut?.()
    }
    throw new ApiError(response.status, code, message)
  }
  return response
}

export async function api<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const response = await send(method, path, body)
  const parsed = (await response.json()) as { data: T }
  return parsed.data
}

export async function apiPage<T>(path: string): Promise<{ data: T[]; meta: { total: number; page: number; pageSize: number } }> {
  const response = await send('GET', path)
  return (await response.json()) as { data: T[]; meta: { total: number; page: number; pageSize: number } }
}

/** Downloads a file answer (CSV, XLSX) under the name the server gives. */
export async function download(path: string): Promise<string> {
  const response = await send('GET', path)
  const disposition = response.headers.get('content-disposition') ?? ''
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'export'
  const blob = await response.blob()
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = name
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
  return name
}

export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.message
  if (error instanceof Error && /[\u4e00-\u9fff]/.test(error.message)) return error.message
  return '出了点问题，请稍后重试'
}
