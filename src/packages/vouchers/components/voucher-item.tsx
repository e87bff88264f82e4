import { View } from '@tarojs/components'
import { Pressable } from '@/components/pressable'
import { describeVoucherRule } from '@/domain/vouchers/applicability'
import { tryParseIsoInstant } from '@/domain/time/shanghai'
import { formatShanghai } from '@/domain/time'
import type { WalletVoucherView } from '@/services/api/vouchers'
import { navigate } from '@/services/navigation'
import { WalletStatusBadge } from './wallet-status'

function when(iso: string | null): string {
  const ms = tryParseIsoInstant(iso)
  return ms === null ? '' : formatShanghai(ms, 'M月D日 HH:mm')
}

/** The one line that matters for this status: until when, or when it was used or given back. */
export function voucherDateLine(voucher: WalletVoucherView): string {
  switch (voucher.displayStatus) {
    case 'used':
      return `已于 ${when(voucher.usedAt)} 使用`
    case 'expired':
      return `已于 ${when(voucher.validTo)} 过期`
    case 'returned-after-refund':
      return `${when(voucher.restoredAfterRefundAt)} 全额退款后退回，仍可使用，有效期至 ${when(voucher.validTo)}`
    default:
      return `有效期至 ${when(voucher.validTo)}`
  }
}

/** A voucher in the wallet list; tapping opens its detail page with the QR code. */
export function VoucherItem({ voucher }: { voucher: WalletVoucherView }) {
  const rule = describeVoucherRule(voucher.batch)
  return (
    <Pressable
      className='card voucher-item'
      role='link'
      label={`${voucher.batch.title}，${rule}，${voucherDateLine(voucher)}，查看详情`}
      onPress={() => navigate('vouchers-detail', { id: voucher.id })}
    >
      <View className='voucher-item__head'>
        <View className='voucher-item__rule'>{rule}</View>
        <WalletStatusBadge status={voucher.displayStatus} />
      </View>
      <View className='voucher-item__title'>{voucher.batch.title}</View>
      <View className='caption'>{voucherDateLine(voucher)}</View>
    </Pressable>
  )
}
