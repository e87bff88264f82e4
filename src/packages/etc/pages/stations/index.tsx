import Taro, { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { ClauseLink } from '@/components/clause-link'
import { Button, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { ChoiceList } from '@/components/choice-list'
import { PageShell } from '@/components/page-shell'
import { Pressable } from '@/components/pressable'
import { StatusBadge } from '@/components/status-badge'
import { TollPeriodReminder } from '@/packages/etc/components/toll-period-reminder'
import { schemePeriodStatus } from '@/domain/etc/scheme-period'
import { groupStationsByCounty, groupStationsByHighway } from '@/domain/etc/stations'
import type { TollStation } from '@/domain/policy/toll-stations'
import { isProvisional } from '@/domain/policy/types'
import { todayInShanghai } from '@/domain/time'
import { openPlaceOnMap } from '@/services/platform/map'
import { scrollToAnchor } from '@/services/platform/scroll'
import { routeParam } from '@/services/route-param'
import { shareMessage, shareTimeline } from '@/services/share'
import { StationMap } from '@/packages/etc/components/station-map'
import { SchemeTag } from '@/packages/etc/components/scheme-tag'
import { TollDataNote } from '@/packages/etc/components/toll-data-note'
import { useTollData } from '@/store/etc-toll-data'
import '@/packages/etc/etc.scss'

type Grouping = 'highway' | 'county'

/** Only the mini-program forwards a page; the H5 build shows no 转发 button. */
const CAN_FORWARD = process.env.TARO_ENV === 'weapp'

/** Element id of a station's row (ASCII: WeChat's selector syntax), for `?station=` and 转发. */
const stationAnchor = (id: string) => `station-${id}`

/** The share of one station (its id is public data) or of the whole list. */
export function stationShare(station: TollStation | null) {
  if (!station) return shareMessage('etc-stations', '衢州高速收费站一览：哪些站在衢城畅行免费范围')
  const verdict = station.inScheme ? '在衢城畅行范围内' : '不在衢城畅行范围内'
  return shareMessage('etc-stations', `${station.name}收费站${verdict}`, { station: station.id })
}

/** WeChat's onShareAppMessage argument: a 转发 button carries the station in its data-station. */
interface ShareOptions {
  from?: string
  target?: { dataset?: { station?: string } }
}

/** Opens the station in the phone's map (WeChat's map on weapp, 高德 on H5) to navigate there. */
function navigateTo(station: TollStation): void {
  void openPlaceOnMap({ name: `${station.name}收费站`, lng: station.lng, lat: station.lat, coordinateSystem: 'wgs84' }).then((result) => {
    if (!result.ok) void Taro.showToast({ title: result.message, icon: 'none', duration: 3000 }).catch(() => undefined)
  })
}

const GROUPING_OPTIONS = [
  { value: 'highway' as const, title: '按高速' },
  { value: 'county' as const, title: '按区县' },
]

/**
 * 站点一览: every toll station in 衢州, which are in the 衢城畅行 scheme, and how sure the data is:
 * the in-scheme list is this app's provisional choice while the city has not published one (with
 * the data's reason), and after the last known period whether the scheme continues is 待官方确认.
 */
export default function EtcStationsPage() {
  const { params } = useRouter()
  // `?station=` (a forwarded station): that row is marked and scrolled to.
  const requested = routeParam(params, 'station')
  const [grouping, setGrouping] = useState<Grouping>('highway')
  const view = useTollData()
  const { data } = view
  const list = data.stations
  const focused = list.find((station) => station.id === requested) ?? null
  useEffect(() => {
    if (!focused) return
    // After the list has been drawn (weapp renders in a later tick).
    const timer = setTimeout(() => scrollToAnchor(stationAnchor(focused.id)), 300)
    return () => clearTimeout(timer)
  }, [focused])
  const share = (options?: ShareOptions) => {
    const fromButton = options?.from === 'button' ? options.target?.dataset?.station : undefined
    return stationShare(list.find((station) => station.id === fromButton) ?? focused)
  }
  useShareAppMessage(share)
  useShareTimeline(() => shareTimeline(share()))
  const inScheme = list.filter((station) => station.inScheme).length
  const period = data.period.value
  const today = schemePeriodStatus(data, todayInShanghai())
  const groups: { title: string; stations: TollStation[] }[] =
    grouping === 'county'
      ? groupStationsByCounty(list).map((group) => ({ title: group.county.name, stations: group.stations }))
      : groupStationsByHighway(list).map((group) => ({ title: `${group.highway.code} ${group.highway.name}`, stations: group.stations }))

  return (
    <PageShell label='站点一览'>
      <View className='card' role='region' aria-label='数据状态'>
        <View className='title'>数据状态</View>
        <View>
          共 {list.length} 个高速收费站，其中 {inScheme} 个在“衢城畅行”范围内。
        </View>
        {isProvisional(data.stationSet.status) ? (
          <View className='etc-notice' role='note'>
            这 {inScheme} 个站点是本应用暂定的选择，不是官方名单。
            {data.stationSet.note ? `原因：${data.stationSet.note.replace(/[。.]$/, '')}。` : ''}
          </View>
        ) : null}
        {/* The count is a figure of its own (clause 二十六 says 13; an operator file may restate it), so it shows its own source and status. */}
        <View className='etc-data-row'>
          <Text>免费站点数：{data.stationCount.value} 个</Text>
          <StatusBadge status={data.stationCount.status} />
        </View>
        <View className='caption'>来源：{data.stationCount.source}</View>
        <View className='etc-data-row'>
          <Text>免费范围内的站点名单</Text>
          <StatusBadge status={data.stationSet.status} />
        </View>
        <View className='caption'>来源：{data.stationSet.source}</View>
        {data.stationSet.note ? <View className='caption'>说明：{data.stationSet.note}</View> : null}
        <View className='etc-data-row'>
          <Text>
            实施期：{period.from} 至 {period.to ?? '另行通知'}
          </Text>
          <StatusBadge status={data.period.status} />
        </View>
        {data.period.note ? <View className='caption'>说明：{data.period.note}</View> : null}
        {today.state === 'after-period' ? (
          <View className='etc-notice' role='status'>
            今天（{today.date}）已过已知实施期：{today.text}。
          </View>
        ) : null}
        <TollPeriodReminder period={today} />
        <TollDataNote view={view} />
        <View className='caption etc-verdict__note'>
          依据 {data.document}（{data.clause}）
        </View>
        <ClauseLink clauseId={data.clause} clauseLabel='（二十六）' className='etc-verdict__clause' />
      </View>

      <StationMap stations={list} onOpen={navigateTo} />

      <View className='card'>
        <ChoiceList label='排列方式' variant='segmented' options={GROUPING_OPTIONS} value={grouping} onChange={setGrouping} />
        {groups.map((group) => (
          <View key={group.title} role='list' aria-label={group.title}>
            <View className='etc-verdict__section'>
              {group.title}（{group.stations.filter((station) => station.inScheme).length}/{group.stations.length} 在范围内）
            </View>
            {group.stations.map((station) => (
              <View
                key={station.id}
                id={stationAnchor(station.id)}
                className={`etc-station ${focused?.id === station.id ? 'etc-station--focused' : ''}`}
                role='listitem'
                aria-current={focused?.id === station.id ? 'true' : undefined}
              >
                <View className='etc-station__name'>
                  {station.name}
                  {focused?.id === station.id ? <View className='etc-station__focus-note'>◆ 转发给您的站点</View> : null}
                  <View className='caption'>
                    {grouping === 'county' ? `${station.highway.code} ${station.highway.name}` : station.county.name}
                  </View>
                </View>
                <SchemeTag inScheme={station.inScheme} />
                <StatusBadge status={station.status} />
                <Pressable
                  className='link etc-station__navigate'
                  role='link'
                  label={`${station.name}：打开地图导航`}
                  onPress={() => navigateTo(station)}
                >
                  导航
                </Pressable>
                {CAN_FORWARD ? (
                  <Button
                    id={`share-${station.id}`}
                    data-station={station.id}
                    className='link etc-station__navigate etc-station__share'
                    openType='share'
                    aria-label={`把${station.name}收费站转发给亲友`}
                  >
                    转发
                  </Button>
                ) : null}
              </View>
            ))}
          </View>
        ))}
      </View>
    </PageShell>
  )
}
