import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useEffect, useMemo, useRef, useState } from 'react'
import { PageShell } from '@/components/page-shell'
import { Pressable } from '@/components/pressable'
import { formatShanghai } from '@/domain/time'
import { describeVoucherRule } from '@/domain/vouchers/applicability'
import { bestVoucher, type OtherVoucher, type WalletEntry } from '@/domain/vouchers/best-voucher'
import { tryParseIsoInstant } from '@/domain/time/shanghai'
import { formatYuan } from '@/domain/money'
import { MERCHANT_CATEGORY_NAME } from '@/domain/vouchers/places'
import type { Merchant } from '@/domain/vouchers/schema'
import { navigate } from '@/services/navigation'
import { routeParam } from '@/services/route-param'
import { YuanField, readYuan } from '@/components/yuan-field'
import { MerchantFilters, type CountyFilter } from '@/packages/vouchers/components/merchant-filters'
import { useBatchLookupStore } from '@/packages/vouchers/store/batch-lookup'
import { useMerchant, useMerchantPage } from '@/packages/vouchers/store/merchants'
import { useWalletList } from '@/packages/vouchers/store/wallet'
import { ErrorLine } from '@/components/error-line'
import '@/packages/vouchers/vouchers.scss'

/** Shops offered per county in the picker; the 适用商户 page has the whole directory. */
export const MERCHANT_CHOICES = 30

function validTo(entry: WalletEntry): string {
  const ms = tryParseIsoInstant(entry.voucher.validTo)
  return ms === null ? '' : `有效期至 ${formatShanghai(ms, 'M月D日 HH:mm')}`
}

function otherReason(other: OtherVoucher): string {
  return other.applicable ? other.message : other.rejection.message
}

function MerchantPicker({ merchant, onChange }: { merchant: Merchant | null; onChange: (merchant: Merchant | null) => void }) {
  const [county, setCounty] = useState<CountyFilter>(merchant?.county ?? 'all')
  const page = useMerchantPage(county === 'all' ? null : { county, page: 1, pageSize: MERCHANT_CHOICES })
  const options = page.data ?? []
  const { error } = page

  const choices = merchant && !options.some((item) => item.id === merchant.id) ? [merchant, ...options] : options
  return (
    <View className='card' role='region' aria-label='在哪家店消费'>
      <View className='title'>在哪家店消费（可不选）</View>
      <View className='caption'>选了商户，会同时检查这张券能不能在这家店用。</View>
      <MerchantFilters county={county} onCounty={setCounty} />
      <ErrorLine message={error} />
      <View role='radiogroup' aria-label='商户'>
        <Pressable
          className={`merchant-choice ${merchant === null ? 'merchant-choice--selected' : ''}`}
          role='radio'
          checked={merchant === null}
          onPress={() => onChange(null)}
        >
          {merchant === null ? '● ' : '○ '}不指定商户
        </Pressable>
        {choices.map((item) => (
          <Pressable
            key={item.id}
            className={`merchant-choice ${merchant?.id === item.id ? 'merchant-choice--selected' : ''}`}
            role='radio'
            checked={merchant?.id === item.id}
            label={`${item.name}，${MERCHANT_CATEGORY_NAME[item.category]}`}
            onPress={() => onChange(item)}
          >
            {merchant?.id === item.id ? '● ' : '○ '}
            {item.name}
            <View className='caption'>{MERCHANT_CATEGORY_NAME[item.category]}</View>
          </Pressable>
        ))}
      </View>
      {county === 'all' && merchant === null ? <View className='caption'>先选区县，再选商户。</View> : null}
    </View>
  )
}

/**
 * 用哪张最划算: type the bill, optionally pick the shop, and see which voucher in the wallet takes
 * the most off (bestVoucher: most saved, then the one expiring first) and why each other voucher
 * was not picked. The amount is kept as typed and parsed by the domain (parseYuan).
 */
export default function BestVoucherPage() {
  const { params } = useRouter()
  const [billText, setBillText] = useState('')
  const [merchant, setMerchant] = useState<Merchant | null>(null)
  const wallet = useWalletList('all')
  const walletError = wallet.error
  const batches = useBatchLookupStore((state) => state.byId)
  const ensureBatches = useBatchLookupStore((state) => state.ensure)

  const spendable = useMemo(
    () =>
      (wallet.vouchers ?? []).filter((voucher) => voucher.displayStatus === 'usable' || voucher.displayStatus === 'returned-after-refund'),
    [wallet.vouchers],
  )
  useEffect(() => {
    if (spendable.length) void ensureBatches(spendable.map((voucher) => voucher.batchId))
  }, [spendable, ensureBatches])

  // Opened from a shop of 适用商户: that shop is chosen once it is read.
  const linked = useMerchant(routeParam(params, 'merchantId')).data
  const chosenLinked = useRef(false)
  useEffect(() => {
    if (!linked || chosenLinked.current) return
    chosenLinked.current = true
    setMerchant(linked)
  }, [linked])

  const entries: WalletEntry[] = spendable.flatMap((voucher) =>
    batches[voucher.batchId] ? [{ voucher, batch: batches[voucher.batchId] }] : [],
  )
  const unresolved = spendable.length - entries.length
  const { fen: billFen } = readYuan(billText)
  const result = billFen !== null && entries.length > 0 ? bestVoucher(billFen, entries, merchant, Date.now()) : null
  const best = result?.best ?? null

  return (
    <PageShell label='用哪张最划算'>
      <View className='card'>
        <YuanField label='这笔消费多少钱' value={billText} onChange={setBillText} hint='按小票上的金额填写，例如 26.5' />
      </View>
      <MerchantPicker merchant={merchant} onChange={setMerchant} />

      {walletError ? (
        <View className='card'>
          <ErrorLine message={walletError} />
        </View>
      ) : null}
      {wallet.vouchers && spendable.length === 0 ? (
        <View className='card'>
          <View>券包里没有可以使用的券。</View>
          <Pressable className='link voucher-inline-link' role='link' onPress={() => navigate('vouchers')}>
            去领消费券
          </Pressable>
        </View>
      ) : null}
      {unresolved > 0 && entries.length < spendable.length ? (
        <View className='card caption' role='status'>
          ⚠ 有 {unresolved} 张券的规则暂时读不到（可能没有联网），这次没有参与比较。
        </View>
      ) : null}

      <View className='card best-result' role='region' aria-label='推荐结果' aria-live='polite'>
        {result === null ? (
          <View className='caption'>{billFen === null ? '填写金额后，这里会告诉您用哪张券最划算。' : '正在读取券包…'}</View>
        ) : (
          <>
            <View className={`best-result__message ${result.best ? 'best-result__message--ok' : ''}`}>
              {result.best ? '✓ ' : '✗ '}
              {result.message}
            </View>
            {best ? (
              <View className='best-result__best'>
                <View className='amount'>{describeVoucherRule(best.batch)}</View>
                <View className='title'>{best.batch.title}</View>
                <View className='caption'>
                  省 {formatYuan(best.savingFen)}，实付 {formatYuan(best.payFen)} · {validTo(best)}
                </View>
                <Pressable className='button' role='link' onPress={() => navigate('vouchers-detail', { id: best.voucher.id })}>
                  出示这张券的券码
                </Pressable>
              </View>
            ) : null}
            {result.others.length > 0 ? (
              <View className='best-result__others' role='list' aria-label='其他券为什么没选'>
                <View className='title'>其他券</View>
                {result.others.map((other) => (
                  <View key={other.voucher.id} className='best-other' role='listitem'>
                    <View className='best-other__rule'>
                      {other.applicable ? '○ ' : '✗ '}
                      {describeVoucherRule(other.batch)} · {other.batch.title}
                    </View>
                    <View className='caption'>{otherReason(other)}</View>
                  </View>
                ))}
              </View>
            ) : null}
          </>
        )}
      </View>
    </PageShell>
  )
}
