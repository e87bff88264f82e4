/**
 * Accounts a developer signs in as through the development login (never in production: the
 * route does not exist there and main.ts only seeds outside it): the resident the H5 build uses
 * (src/services/platform/login.ts), with a demo wallet showing every wallet status, two merchant
 * accounts bound to sample merchants, and an operator. The wallet is the domain's sampleWallet,
 * written on slots of its rounds like any claim, so the stock counts stay true.
 */
import { todayInShanghai } from '../../../src/domain/time'
import { sampleBatches, sampleMerchants, sampleWallet } from '../../../src/domain/vouchers/samples'
import { redemptionDay } from '../../../src/domain/vouchers/redemption'
import { parseIsoInstant } from '../../../src/domain/time/shanghai'
import { setRole, upsertDevUser, type Role } from '../store/accounts'
import type { Db } from '../store/db'
import {
  addBatchRedeemed,
  insertRedemption,
  lockBatchTotals,
  recordRefund,
  setResidentCounty,
  writeReservedVouchers,
  type NewVoucherRow,
} from '../store/vouchers'

export interface DevAccount {
  name: string
  role: Role
  merchantId?: string
  county?: string
  demoWallet?: boolean
}

const [noodles, , market] = sampleMerchants()

export const DEV_ACCOUNTS: readonly DevAccount[] = [
  { name: '示例居民', role: 'resident', county: '330802', demoWallet: true },
  { name: '示例商户-1', role: 'merchant', merchantId: noodles.id },
  { name: '示例商户-2', role: 'merchant', merchantId: market.id },
  { name: '示例运营', role: 'operator' },
]

/** Creates the accounts (idempotent) and, for a resident with an empty wallet, the demo wallet. */
export async function seedDevAccounts(db: Db, now: Date = new Date()): Promise<{ accounts: number; demoVouchers: number }> {
  const today = todayInShanghai(now.getTime())
  const known = new Set(sampleBatches(today).map((batch) => batch.id))
  return db.transaction(async (tx) => {
    const present = new Set(
      (await tx.query<{ id: string }>('select id from voucher_batches where id = any($1::text[])', [[...known]])).map((row) => row.id),
    )
    const merchants = new Set((await tx.query<{ id: string }>('select id from merchants')).map((row) => row.id))
    const ids = new Map<string, string>()
    let accounts = 0
    for (const account of DEV_ACCOUNTS) {
      if (account.merchantId && !merchants.has(account.merchantId)) continue
      const user = await upsertDevUser(tx, account.name)
      await setRole(tx, user.id, account.role, account.merchantId ?? null)
      if (account.county) await setResidentCounty(tx, user.id, account.county)
      ids.set(account.name, user.id)
      accounts += 1
    }
    let demoVouchers = 0
    const cashier = ids.get('示例商户-1')
    for (const account of DEV_ACCOUNTS.filter((item) => item.demoWallet)) {
      const ownerId = ids.get(account.name)
      if (!ownerId || !cashier || present.size < known.size) continue
      const [{ n }] = await tx.query<{ n: number }>('select count(*)::int as n from vouchers where owner_id = $1', [ownerId])
      if (n > 0) continue
      const wallet = sampleWallet(ownerId, today)
      const seq = new Map<string, number>()
      const next = (key: string) => {
        seq.set(key, (seq.get(key) ?? 0) + 1)
        return seq.get(key)!
      }
      const byBatch = new Map<string, NewVoucherRow[]>()
      for (const voucher of wallet.vouchers) {
        const row = {
          voucher,
          batchSeq: next(voucher.batchId),
          roundSeq: next(`${voucher.batchId}/${voucher.roundId}`),
          claimKey: `demo-${voucher.id}`,
        }
        byBatch.set(voucher.batchId, [...(byBatch.get(voucher.batchId) ?? []), row])
      }
      for (const [batchId, rows] of byBatch) demoVouchers += (await writeReservedVouchers(tx, batchId, rows)).length
      for (const voucher of wallet.vouchers) {
        await tx.query(`update vouchers set status = $2, used_at = $3, redemption_id = $4, restored_after_refund_at = $5 where id = $1`, [
          voucher.id,
          voucher.status,
          voucher.usedAt ? new Date(voucher.usedAt) : null,
          voucher.redemptionId,
          voucher.restoredAfterRefundAt ? new Date(voucher.restoredAfterRefundAt) : null,
        ])
      }
      for (const redemption of wallet.redemptions) {
        await insertRedemption(tx, redemption, redemptionDay(parseIsoInstant(redemption.redeemedAt)), cashier)
        if (redemption.refund) await recordRefund(tx, redemption)
        if (!redemption.refund?.restored) {
          await lockBatchTotals(tx, redemption.batchId)
          await addBatchRedeemed(tx, redemption.batchId, redemption.discountFen)
        }
      }
    }
    return { accounts, demoVouchers }
  })
}
