/**
 * The operators' stops on a batch (issue 17): a paused round refuses new claims until resumed
 * (the kill switch for a rush that goes wrong), and a batch closed early refuses them for good.
 * Both are refusals of the claim gate, said to the resident in plain words; vouchers already in
 * wallets are untouched.
 */
export const ROUND_PAUSED_CODE = 'ROUND_PAUSED'
export const ROUND_PAUSED_MESSAGE = '本轮领取已暂停，请稍后再试；恢复后可继续领取，已领到的券不受影响'
export const BATCH_CLOSED_MESSAGE = '本批次已停止发放，已领到的券不受影响'

export interface BatchControls {
  /** Round ids paused now. */
  pausedRounds: ReadonlySet<string>
  /** When an operator closed the batch early (epoch ms), or null. */
  closedAtMs: number | null
}
