/**
 * The actions of 我的数据与注销 (issue 16, 个人信息保护法 arts. 45 and 47): each calls the API and
 * then changes what the answer changed, so the page only shows their outcome.
 */
import { todayInShanghai } from '@/domain/time'
import { accountApi } from '@/services/api/account'
import { saveExport } from '@/services/platform/save-export'
import { resetResources } from '@/store/resource'
import { useSessionStore } from '@/store/session'

/** Fetches everything the server keeps about the account and saves it as JSON; says where. */
export async function exportMyData(): Promise<string> {
  const exported = await accountApi.exportMine()
  const fileName = `quhuitong-my-data-${todayInShanghai().replace(/-/g, '')}.json`
  return saveExport(fileName, JSON.stringify(exported, null, 2))
}

/**
 * Deletes the account, then signs out and forgets every server answer kept in memory: the wallet
 * and reminders read for it belong to an account that no longer exists.
 */
export async function deleteMyAccount(): Promise<void> {
  await accountApi.deleteMine()
  useSessionStore.getState().signOut()
  resetResources()
}
