import { View } from '@tarojs/components'
import { useDidShow, useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { PageShell } from '@/components/page-shell'
import { ErrorRetry } from '@/components/error-retry'
import { Pressable } from '@/components/pressable'
import { RemindMe } from '@/components/remind-me'
import { tryParseIsoInstant } from '@/domain/time/shanghai'
import type { WalletVoucherView } from '@/services/api/vouchers'
import { formatShanghai } from '@/domain/time'
import { WALLET_STATUS_LABEL, type WalletStatus } from '@/domain/vouchers/validity'
import { navigate } from '@/services/navigation'
import { FilterTabs } from '@/packages/vouchers/components/filter-tabs'
import { VoucherItem } from '@/packages/vouchers/components/voucher-item'
import { useWalletList } from '@/packages/vouchers/store/wallet'
import { ShowMore } from '@/packages/vouchers/components/show-more'
import '@/packages/vouchers/vouchers.scss'

const FILTERS: readonly WalletStatus[] = ['usable', 'used', 'expired', 'returned-after-refund']
export const WALLET_PAGE_SIZE = 20

const EMPTY: Record<WalletStatus, string> = {
  usable: '没有可使用的券。',
  used: '还没有用过券。',
  expired: '没有过期的券。',
  'returned-after-refund': '没有因全额退款退回的券。',
}

function isWalletStatus(value: unknown): value is WalletStatus {
  return typeof value === 'string' && (FILTERS as readonly string[]).includes(value)
}

/** 到期前提醒我 under each voucher that can still be used (issue 14; default 1 day before). */
function ExpiryReminder({ voucher }: { voucher: WalletVoucherView }) {
  const validTo = tryParseIsoInstant(voucher.validTo)
  if (validTo === null || validTo <= Date.now()) return null
  return (
    <View className='voucher-item__remind'>
      <RemindMe kind='voucher-expiring' subjectId={voucher.id} subjectTitle={voucher.batch.title} targetMs={validTo} action='到期前提醒我' compact />
    </View>
  )
}

/** 我的券包: the resident's vouchers by status, each status in words and a mark, not colour. */
export default function WalletPage() {
  const { params } = useRouter()
  const [filter, setFilter] = useState<WalletStatus>(isWalletStatus(params.status) ? params.status : 'usable')
  const [shown, setShown] = useState(WALLET_PAGE_SIZE)
  const list = useWalletList(filter)
  const { loading, error, reload } = list

  useEffect(() => setShown(WALLET_PAGE_SIZE), [filter])
  useDidShow(reload)

  const vouchers = list.vouchers ?? []
  return (
    <PageShell label='我的券包'>
      <View className='card'>
        <FilterTabs label='按状态筛选' options={FILTERS.map((value) => ({ value, title: WALLET_STATUS_LABEL[value] }))} value={filter} onChange={setFilter} />
        {list.source === 'cache' && list.fetchedAt !== null ? (
          <View className='caption voucher-stale' role='status'>
            ⚠ 网络不可用，显示的是 {formatShanghai(list.fetchedAt, 'M月D日 HH:mm')} 的券包
          </View>
        ) : null}
        <Pressable className='button button--secondary' role='link' onPress={() => navigate('vouchers-best')}>
          用哪张最划算
        </Pressable>
      </View>

      {error ? <ErrorRetry className='card' message={error} onRetry={reload} /> : null}
      {!list.vouchers && loading ? <View className='card caption'>正在打开券包…</View> : null}
      {list.vouchers && vouchers.length === 0 ? (
        <View className='card'>
          <View>{EMPTY[filter]}</View>
          <Pressable className='link voucher-inline-link' role='link' onPress={() => navigate('vouchers')}>
            去领消费券
          </Pressable>
        </View>
      ) : null}

      <View role='list' aria-label={`${WALLET_STATUS_LABEL[filter]}的券`}>
        {vouchers.slice(0, shown).map((voucher) => (
          <View key={voucher.id} role='listitem'>
            <VoucherItem voucher={voucher} />
            {filter === 'usable' || filter === 'returned-after-refund' ? <ExpiryReminder voucher={voucher} /> : null}
          </View>
        ))}
      </View>
      <ShowMore hidden={vouchers.length - shown} unit='张' onPress={() => setShown(shown + WALLET_PAGE_SIZE)} />
    </PageShell>
  )
}
