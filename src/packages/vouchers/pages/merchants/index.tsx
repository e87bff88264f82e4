import { View } from '@tarojs/components'
import { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { PageShell } from '@/components/page-shell'
import { ErrorRetry } from '@/components/error-retry'
import { Pressable } from '@/components/pressable'
import { countyName } from '@/domain/events/places'
import { checkMerchant } from '@/domain/vouchers/applicability'
import { MERCHANT_CATEGORY_NAME } from '@/domain/vouchers/places'
import { describeBatchRules } from '@/domain/vouchers/rules-text'
import type { Merchant } from '@/domain/vouchers/schema'
import { formatShanghai } from '@/domain/time'
import { userMessage } from '@/services/api/errors'
import { navigate } from '@/services/navigation'
import { routeParam } from '@/services/route-param'
import { MerchantFilters, type CategoryFilter, type CountyFilter } from '@/packages/vouchers/components/merchant-filters'
import { useBatchLookupStore } from '@/packages/vouchers/store/batch-lookup'
import { loadMerchant, loadMerchantPage } from '@/packages/vouchers/store/merchants'
import '@/packages/vouchers/vouchers.scss'
import { shareMessage, shareTimeline } from '@/services/share'

export const MERCHANTS_PAGE_SIZE = 20

interface MerchantList {
  items: Merchant[]
  total: number | null
  page: number
  fromCache: boolean
  fetchedAt: number | null
}

const EMPTY_LIST: MerchantList = { items: [], total: null, page: 0, fromCache: false, fetchedAt: null }

function MerchantItem({ merchant }: { merchant: Merchant }) {
  return (
    <View className='card merchant-item' role='listitem'>
      <View className='title'>{merchant.name}</View>
      <View className='caption'>
        {MERCHANT_CATEGORY_NAME[merchant.category]} · {countyName(merchant.county)}
        {merchant.tags?.length ? ` · ${merchant.tags.join('、')}` : ''}
      </View>
      <View>{merchant.address}</View>
      <Pressable className='link voucher-inline-link' role='link' label={`在${merchant.name}用哪张券最划算`} onPress={() => navigate('vouchers-best', { merchantId: merchant.id })}>
        在这家店用哪张最划算
      </Pressable>
    </View>
  )
}

/**
 * 适用商户: merchants by county and category from GET /merchants, a page at a time. Opened from a
 * batch (?batchId=) it lists only the shops that batch accepts.
 */
export default function MerchantsPage() {
  const { params } = useRouter()
  const batchId = routeParam(params, 'batchId')
  const batch = useBatchLookupStore((state) => (batchId ? state.byId[batchId] : undefined))
  const batchMissing = useBatchLookupStore((state) => (batchId ? state.missing[batchId] === true : false))
  // The batch's merchants (its id is public); the receiver's own filters start afresh.
  const share = () => shareMessage('vouchers-merchants', batch ? `${batch.title}：适用商户` : '衢州消费券适用商户', { batchId: batchId ?? undefined })
  useShareAppMessage(share)
  useShareTimeline(() => shareTimeline(share()))
  const ensureBatches = useBatchLookupStore((state) => state.ensure)
  const [county, setCounty] = useState<CountyFilter>('all')
  const [category, setCategory] = useState<CategoryFilter>('all')
  const [list, setList] = useState<MerchantList>(EMPTY_LIST)
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const request = useRef(0)

  useEffect(() => {
    if (batchId) void ensureBatches([batchId])
  }, [batchId, ensureBatches])

  const waitingForBatch = batchId !== null && !batch && !batchMissing
  const listed = batch?.merchants.kind === 'merchants' ? batch.merchants.merchantIds : null

  const loadPage = useCallback(
    async (page: number) => {
      const ticket = ++request.current
      setLoading(true)
      setError(null)
      try {
        let next: MerchantList
        if (listed) {
          // A batch that names its shops: those shops, however many pages the directory has.
          const results = (await Promise.all(listed.map(loadMerchant))).filter((result) => result.data && !result.error)
          const items = results.flatMap((result) => (result.data ? [result.data] : []))
          const fromCache = results.some((result) => result.source === 'cache')
          next = { items, total: items.length, page: 1, fromCache, fetchedAt: results[0]?.fetchedAt ?? null }
        } else {
          const result = await loadMerchantPage({
            county: county === 'all' ? null : county,
            category: category === 'all' ? null : category,
            page,
            pageSize: MERCHANTS_PAGE_SIZE,
          })
          if (result.error || !result.data) throw result.failure
          const total = typeof result.meta?.total === 'number' ? result.meta.total : null
          next = { items: result.data, total, page, fromCache: result.source === 'cache', fetchedAt: result.fetchedAt }
        }
        if (ticket !== request.current) return
        setList((current) => (page > 1 ? { ...next, items: [...current.items, ...next.items] } : next))
      } catch (loadError) {
        if (ticket === request.current) setError(userMessage(loadError))
      } finally {
        if (ticket === request.current) setLoading(false)
      }
    },
    [county, category, listed],
  )

  useEffect(() => {
    if (waitingForBatch) return
    setList(EMPTY_LIST)
    void loadPage(1)
  }, [loadPage, waitingForBatch])

  const shown = list.items.filter(
    (merchant) =>
      (!batch || checkMerchant(batch, merchant) === null) &&
      (county === 'all' || merchant.county === county) &&
      (category === 'all' || merchant.category === category),
  )
  const more = !listed && list.total !== null && list.page * MERCHANTS_PAGE_SIZE < list.total
  const where = batch ? describeBatchRules(batch).find((line) => line.label === '适用商户')?.value : null

  return (
    <PageShell label='适用商户'>
      <View className='card'>
        {batch ? (
          <>
            <View className='title'>{batch.title}</View>
            <View className='caption'>本券适用：{where}</View>
          </>
        ) : (
          <View className='caption'>参加消费券活动的商户，按区县和类别查找。每批券适用的商户不同，以券详情为准。</View>
        )}
        <MerchantFilters
          county={county}
          onCounty={setCounty}
          category={category}
          onCategory={setCategory}
          counties={batch?.counties}
          categories={batch?.merchants.kind === 'categories' ? batch.merchants.categories : undefined}
        />
        {list.fromCache && list.fetchedAt !== null ? (
          <View className='caption voucher-stale' role='status'>
            ⚠ 网络不可用，显示的是 {formatShanghai(list.fetchedAt, 'M月D日 HH:mm')} 的商户名单
          </View>
        ) : null}
        <View className='caption' role='status'>
          {loading && list.items.length === 0 ? '正在查找商户…' : !batch && list.total !== null ? `共 ${list.total} 家` : `本页 ${shown.length} 家`}
        </View>
      </View>

      {error ? <ErrorRetry className='card' message={error} onRetry={() => void loadPage(Math.max(1, list.page + (list.items.length ? 1 : 0)))} /> : null}

      <View role='list' aria-label='商户'>
        {shown.map((merchant) => (
          <MerchantItem key={merchant.id} merchant={merchant} />
        ))}
      </View>
      {!loading && !error && shown.length === 0 && list.page > 0 ? <View className='card caption'>没有符合条件的商户，换个区县或类别试试。</View> : null}
      {more ? (
        <Pressable className='button button--secondary' disabled={loading} onPress={() => void loadPage(list.page + 1)}>
          {loading ? '正在加载…' : '加载更多商户'}
        </Pressable>
      ) : null}
    </PageShell>
  )
}
