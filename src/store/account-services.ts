/**
 * What 我的数据与注销 talks to: the account API, the login and where an export is saved. One store
 * so a component test hands the page an API bound to its own HTTP server in one line.
 */
import { create } from 'zustand'
import { accountApi, type AccountApi } from '../services/api/account'
import { auth } from '../services/auth'
import { saveExport } from '../services/platform/save-export'
import type { Session } from './session'

export interface AccountServices {
  api: AccountApi
  ensureLogin: () => Promise<Session>
  saveExport: (fileName: string, json: string) => Promise<string>
}

export const useAccountServices = create<AccountServices>()(() => ({
  api: accountApi,
  ensureLogin: auth.ensureLogin,
  saveExport,
}))

export function accountServices(): AccountServices {
  return useAccountServices.getState()
}
