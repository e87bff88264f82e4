import { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { Input, View } from '@tarojs/components'
import { useMemo, useState } from 'react'
import { PageShell } from '@/components/page-shell'
import { Pressable } from '@/components/pressable'
import { resolveRoute, type RouteKey } from '@/routes'
import {
  groupMatchesByKind,
  SEARCH_KIND_LABEL,
  searchItems,
  type SearchGroup,
  type SearchItem,
  type SearchRoute,
} from '@/domain/search/search'
import { schemePeriodStatus } from '@/domain/etc/scheme-period'
import { staticSearchItems } from '@/domain/search/static-items'
import { todayInShanghai } from '@/domain/time'
import type { OnlineSearchHit } from '@/services/api/search'
import { navigate } from '@/services/navigation'
import { routeParam } from '@/services/route-param'
import { useTollData } from '@/store/etc-toll-data'
import { useOnlineSearch } from '@/packages/search/use-online-search'
import { shareMessage, shareTimeline } from '@/services/share'
import '@/packages/search/search.scss'

/** Enough to find what was meant; a single letter would otherwise list half the app. */
const LOCAL_LIMIT = 30

/** What to try on an empty box or after 没有找到: each shows a way of searching. */
export const SEARCH_SUGGESTIONS: ReadonlyArray<{ text: string; hint: string }> = [
  { text: 'kt', hint: '拼音首字母：空调' },
  { text: '消费券', hint: '汉字' },
  { text: 'qzd', hint: '收费站：衢州东' },
  { text: '音乐节', hint: '活动' },
  { text: '以旧换新', hint: '补贴' },
  { text: '长辈模式', hint: '大字大按钮' },
]

/** A bundled item, or an event or merchant from the server (which says whether the event is over). */
type ResultItem = SearchItem & Pick<OnlineSearchHit, 'upcoming'>

export function isRouteKey(key: string): key is RouteKey {
  try {
    resolveRoute(key)
    return true
  } catch {
    return false
  }
}

function open(route: SearchRoute): void {
  if (isRouteKey(route.key)) void navigate(route.key, route.params)
}

function ResultRow({ item }: { item: ResultItem }) {
  const ended = item.upcoming === false
  const spoken = [item.title, ended ? '已结束' : '', item.subtitle ?? ''].filter(Boolean).join('，')
  return (
    <Pressable className='search-result' role='link' label={spoken} onPress={() => open(item.route)}>
      <View className='search-result__title'>
        {item.title}
        {ended ? <View className='search-result__ended'>已结束</View> : null}
      </View>
      {item.subtitle ? <View className='caption'>{item.subtitle}</View> : null}
    </Pressable>
  )
}

function ResultGroup({ group }: { group: SearchGroup<ResultItem> }) {
  const label = SEARCH_KIND_LABEL[group.kind]
  return (
    <View className='card search-group' role='group' aria-label={`${label}，${group.matches.length} 条`}>
      <View className='search-group__heading'>
        {label}（{group.matches.length}）
      </View>
      {group.matches.map((match) => (
        <ResultRow key={`${match.item.kind}:${match.item.id}`} item={match.item} />
      ))}
    </View>
  )
}

function Suggestions({ onPick }: { onPick: (text: string) => void }) {
  return (
    <View className='search-suggestions'>
      {SEARCH_SUGGESTIONS.map((suggestion) => (
        <Pressable
          key={suggestion.text}
          className='search-suggestion'
          label={`搜索 ${suggestion.text}（${suggestion.hint}）`}
          onPress={() => onPick(suggestion.text)}
        >
          <View className='search-suggestion__text'>{suggestion.text}</View>
          <View className='caption'>{suggestion.hint}</View>
        </Pressable>
      ))}
    </View>
  )
}

/**
 * 搜索：补贴项目, calculators, stations, clauses and pages from the bundle as soon as a character is
 * typed (offline too); events and merchants from the server appended when it answers.
 */
export default function SearchPage() {
  const { params } = useRouter()
  // `?q=` is what a forwarded search opens with (the sender's words, see the share below).
  const [text, setText] = useState(() => routeParam(params, 'q') ?? '')
  const query = text.trim()
  // The words searched for (they are what the receiver would type), nothing else.
  const share = () => shareMessage('search', query ? `在衢惠通搜“${query}”` : '衢惠通搜索：补贴、消费券、活动、收费站', { q: query || undefined })
  useShareAppMessage(share)
  useShareTimeline(() => shareTimeline(share()))
  // Stations as the ETC pages see them: the operator's list when served (offline: the stored copy or the bundled list).
  const { stations, period: tollPeriod } = useTollData().data
  // Whether 衢城畅行 is known to run today: after the last known period a station result says 待官方确认.
  const period = useMemo(() => schemePeriodStatus({ period: tollPeriod }, todayInShanghai()), [tollPeriod])
  const local = useMemo(() => searchItems(query, staticSearchItems(stations, period), { limit: LOCAL_LIMIT }), [query, stations, period])
  const answer = useOnlineSearch(text)
  // Until the effect for a new query runs, the state still holds the previous query's answer.
  const online = answer.status === 'idle' || answer.query === query ? answer : ({ status: 'loading', query } as const)
  const onlineMatches = useMemo(
    () =>
      answer.status === 'done' && answer.query === query
        ? answer.hits.filter((hit) => isRouteKey(hit.route.key)).map((hit) => ({ item: hit as ResultItem, reason: hit.reason }))
        : [],
    [answer, query],
  )
  const groups = [...groupMatchesByKind<ResultItem>(local), ...groupMatchesByKind<ResultItem>(onlineMatches)]
  const count = local.length + onlineMatches.length
  const waiting = online.status === 'loading'
  const nothingFound = query !== '' && count === 0 && !waiting

  return (
    <PageShell label='搜索'>
      <View className='search-box' role='search' aria-label='搜索'>
        <Input
          className='search-box__input'
          value={text}
          focus
          confirmType='search'
          placeholder='搜补贴、活动、商户、收费站，如 kt'
          nativeProps={{ 'aria-label': '搜索补贴、活动、商户、收费站' }}
          onInput={(event) => setText(event.detail.value)}
        />
        {text !== '' ? (
          <Pressable className='search-box__clear' label='清除搜索内容' onPress={() => setText('')}>
            清除
          </Pressable>
        ) : null}
      </View>

      {query === '' ? (
        <View className='card'>
          <View className='title'>可以这样搜</View>
          <View className='caption'>汉字或拼音首字母都行，例如 kt 找空调。</View>
          <Suggestions onPick={setText} />
        </View>
      ) : (
        <View>
          <View className='caption search-summary' aria-live='polite'>
            {waiting ? `找到 ${count} 条，正在搜索活动和商户…` : count > 0 ? `找到 ${count} 条` : ''}
          </View>
          {groups.map((group) => (
            <ResultGroup key={group.kind} group={group} />
          ))}
          {online.status === 'offline' ? (
            <View className='card search-note' role='status'>
              连不上服务器，活动和商户暂时搜不到；补贴、收费站、政策和功能照常可搜。
            </View>
          ) : null}
          {online.status === 'failed' ? (
            <View className='card search-note' role='status'>
              活动和商户暂时搜不到：{online.message}
            </View>
          ) : null}
          {nothingFound ? (
            <View className='card' role='status'>
              <View className='title'>没有找到“{query}”</View>
              <View className='caption'>换个说法，或输入拼音首字母试试。也可以搜：</View>
              <Suggestions onPick={setText} />
            </View>
          ) : null}
        </View>
      )}
    </PageShell>
  )
}
