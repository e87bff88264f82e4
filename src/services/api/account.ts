/**
 * 我的数据与注销 (issue 16, PIPL; server/src/routes/privacy.ts, docs/PRIVACY.md): everything the
 * server keeps about the signed-in account as one JSON document, and deleting the account.
 */
import type { ApiClient } from './client'
import { api } from './index'

const API = '/api/v1'

/** The export's top level (the server's AccountExport); the rest is passed on to the person as is. */
export interface AccountExport {
  format: 'quhuitong/account-export@1'
  exportedAt: string
  account: { id: string; role: string; nickname: string | null }
  [section: string]: unknown
}

export function createAccountApi(client: ApiClient) {
  return {
    async exportMine(): Promise<AccountExport> {
      const { data } = await client.get<AccountExport>(`${API}/me/export`)
      return data
    },
    /** Deletes the account; vouchers it claimed are kept without the owner for the city's accounts. */
    async deleteMine(): Promise<{ vouchersKept: number }> {
      const { data } = await client.post<{ deleted: true; vouchersKept: number }>(`${API}/me/deletion`, { confirm: true })
      return { vouchersKept: data.vouchersKept }
    },
  }
}

export type AccountApi = ReturnType<typeof createAccountApi>

export const accountApi = createAccountApi(api)
