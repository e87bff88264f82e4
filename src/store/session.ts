/**
 * Who is signed in. The token is the server's own opaque session token — never WeChat's
 * session_key, which stays on the server.
 */
import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { configureApi } from '../services/api'
import { persistOptions } from './persist-storage'

export type Role = 'resident' | 'merchant' | 'operator'

export interface Session {
  token: string
  userId: string
  role: Role
  displayName: string
  merchantId?: string | null
  /** ISO-8601 with offset, from the server. */
  expiresAt: string
}

interface SessionState {
  session: Session | null
  signIn: (session: Session) => void
  signOut: () => void
}

export const useSessionStore = create<SessionState>()(
  persist(
    (set) => ({
      session: null,
      signIn: (session) => set({ session }),
      signOut: () => set({ session: null }),
    }),
    persistOptions<SessionState, Pick<SessionState, 'session'>>({
      name: 'session',
      version: 1,
      partialize: (state) => ({ session: state.session }),
    }),
  ),
)

export function currentToken(now: number = Date.now()): string | null {
  const { session } = useSessionStore.getState()
  if (!session) return null
  const expires = Date.parse(session.expiresAt)
  return Number.isFinite(expires) && expires <= now ? null : session.token
}

// The one API client sends this session's token and forgets the session when the server says it
// is no longer valid (401); wired here so the client never imports a store.
configureApi({ getToken: () => currentToken(), onUnauthorized: () => useSessionStore.getState().signOut() })
