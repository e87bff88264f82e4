import { Text } from '@tarojs/components'
import { WALLET_STATUS_LABEL, type WalletStatus } from '@/domain/vouchers/validity'

const MARK: Record<WalletStatus, string> = {
  usable: '✓',
  used: '●',
  expired: '✗',
  'returned-after-refund': '↩',
}

/** A wallet status in words with a mark and a border style — never colour alone. */
export function WalletStatusBadge({ status }: { status: WalletStatus }) {
  return (
    <Text className={`wallet-status wallet-status--${status}`}>
      {MARK[status]} {WALLET_STATUS_LABEL[status]}
    </Text>
  )
}
