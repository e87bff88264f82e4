/** Who is signed in to the console: the staff account from /admin/auth/me, shared by every page. */
import { createContext, useContext } from 'react'
import type { Staff } from '../../src/domain/admin/schemas'

export interface SignedIn {
  staff: Staff
  expiresAt: string
  /** 审计 sees everything and changes nothing: the server refuses it, the UI says so. */
  readOnly: boolean
  signOut(): void
}

export const AuthContext = createContext<SignedIn | null>(null)

export function useAuth(): SignedIn {
  const value = useContext(AuthContext)
  if (!value) throw new Error('useAuth outside a signed-in console')
  return value
}
