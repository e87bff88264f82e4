/**
 * Signing in, asked only when a feature needs an account (claiming a voucher, the wallet, the
 * merchant desk) and never at launch: WeChat review rejects apps that demand login before the
 * person has seen what they do (WECHAT.md). The platform adapter says how (wx.login code on weapp,
 * the development login on H5); the server answers with its own session token.
 */
import { currentToken, useSessionStore, type Role, type Session } from '../store/session'
import { api } from './api'
import type { ApiClient } from './api/client'
import { loginRequest, type LoginRequest } from './platform/login'

/** What POST /auth/wechat and /auth/dev answer (server/src/routes/accounts.ts). */
export interface LoginResult {
  token: string
  expiresAt: string
  user: {
    id: string
    role: Role
    merchantId: string | null
    nickname: string | null
    devName: string | null
  }
}

const ROLE_NAME: Record<Role, string> = { resident: '居民', merchant: '商户', operator: '运营人员' }

export function sessionFromLogin(result: LoginResult): Session {
  const { user } = result
  return {
    token: result.token,
    userId: user.id,
    role: user.role,
    displayName: user.nickname ?? user.devName ?? ROLE_NAME[user.role],
    merchantId: user.merchantId,
    expiresAt: result.expiresAt,
  }
}

export interface Auth {
  /** The current session, signing in first when there is none (or it expired). */
  ensureLogin: () => Promise<Session>
  /** H5 demo builds: sign in as one of the sample accounts (e.g. a merchant); no name → this browser's demo resident. */
  signInAs: (devName?: string) => Promise<Session>
  signOut: () => Promise<void>
}

export function createAuth(client: ApiClient, platformLogin: (devName?: string) => Promise<LoginRequest> = loginRequest): Auth {
  // Two taps (or a tab and a page) asking at once share one login: a wx.login code is single use.
  let inFlight: Promise<Session> | null = null

  async function signInWith(request: LoginRequest): Promise<Session> {
    const { data } = await client.post<LoginResult>(request.path, request.body)
    const session = sessionFromLogin(data)
    useSessionStore.getState().signIn(session)
    return session
  }

  function once(devName?: string): Promise<Session> {
    inFlight ??= platformLogin(devName)
      .then(signInWith)
      .finally(() => {
        inFlight = null
      })
    return inFlight
  }

  return {
    async ensureLogin() {
      const { session } = useSessionStore.getState()
      if (session && currentToken() === session.token) return session
      return once()
    },
    signInAs(devName) {
      useSessionStore.getState().signOut()
      return once(devName)
    },
    async signOut() {
      try {
        if (currentToken()) await client.post('/api/v1/auth/logout')
      } catch {
        // Signing out on the phone must work offline too; the server token expires by itself.
      } finally {
        useSessionStore.getState().signOut()
      }
    },
  }
}

export const auth = createAuth(api)
export const ensureLogin = auth.ensureLogin
