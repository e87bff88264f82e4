import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { PageShell } from '@/components/page-shell'
import { Pressable } from '@/components/pressable'
import { StatusBadge } from '@/components/status-badge'
import { summariseSavings, type SavingsTotal, type TripLogEntry, type TripSaving } from '@/domain/etc/savings'
import { formatEstimatedFen } from '@/domain/etc/toll-estimate'
import { navigate } from '@/services/navigation'
import { tripsNewestFirst, useEtcTripsStore, type TripInput } from '@/store/etc-trips'
import { selectVehicleProfile, useStoredVehicle } from '@/store/etc-vehicle'
import { TollDataNote } from '@/packages/etc/components/toll-data-note'
import { TripEditor } from '@/packages/etc/components/trip-editor'
import { missingStationReason, routeOf } from '@/packages/etc/trip-log'
import { useTollData } from '@/store/etc-toll-data'
import '@/packages/etc/etc.scss'

function periodLabel(period: string): string {
  const [year, month] = period.split('-')
  return month ? `${year} 年 ${Number(month)} 月` : `${year} 年`
}

function TotalsRow({ total }: { total: SavingsTotal }) {
  return (
    <View className='etc-totals__row'>
      <Text className='etc-totals__period'>{periodLabel(total.period)}</Text>
      <Text>
        省下 {formatEstimatedFen(total.savedFen)}（估算）· 免费 {total.freeTrips} 趟
        {total.unconfirmedTrips > 0 ? ` · 待官方确认 ${total.unconfirmedTrips} 趟` : ''} / 共 {total.trips} 趟
      </Text>
    </View>
  )
}

function TripOutcome({ saving, skipReason }: { saving?: TripSaving; skipReason?: string }) {
  if (skipReason) return <View className='etc-trip__verdict error-text'>✗ 无法判断：{skipReason}</View>
  if (!saving) return <View className='etc-trip__verdict caption'>填好我的车后显示是否免费</View>
  if (saving.free) {
    return (
      <View className='etc-trip__verdict etc-trip__verdict--free'>
        ✓ 免费{saving.estimatedTollFen === undefined ? '（未估算通行费）' : `，省下 ${formatEstimatedFen(saving.savedFen)}（估算）`}
      </View>
    )
  }
  if (saving.outcome === 'period-unknown') {
    return (
      <View className='etc-trip__verdict'>
        <Text>？ 是否免费待官方确认（未计入省下的钱）</Text>
        {saving.reasons.map((reason) => (
          <View key={reason} className='caption'>
            {reason}
          </View>
        ))}
      </View>
    )
  }
  return (
    <View className='etc-trip__verdict'>
      <Text className='etc-trip__verdict--charged'>✗ 收费</Text>
      {saving.reasons.map((reason) => (
        <View key={reason} className='caption'>
          {reason}
        </View>
      ))}
    </View>
  )
}

/** 我的行程: the trips logged on this phone, what each saved, and totals per month and year (约, 估算). */
export default function EtcTripsPage() {
  const trips = useEtcTripsStore((state) => state.trips)
  const addTrip = useEtcTripsStore((state) => state.addTrip)
  const updateTrip = useEtcTripsStore((state) => state.updateTrip)
  const removeTrip = useEtcTripsStore((state) => state.removeTrip)
  const vehicle = selectVehicleProfile(useStoredVehicle())
  const toll = useTollData()
  const { data } = toll
  const { stations } = data
  const [adding, setAdding] = useState(false)
  const [editingId, setEditingId] = useState<string | null>(null)

  const summary = vehicle ? summariseSavings(trips, vehicle, data) : null
  const savingOf = new Map((summary?.trips ?? []).map((trip) => [trip.id, trip]))
  const skippedOf = new Map((summary?.skipped ?? []).map((trip) => [trip.id, trip.reason]))
  // A trip whose station the data in force no longer lists says so, with or without a car.
  const skipReasonOf = (trip: TripLogEntry): string | undefined => missingStationReason(trip, data) ?? skippedOf.get(trip.id)

  const confirmDelete = async (trip: TripLogEntry) => {
    const { confirm } = await Taro.showModal({
      title: '删除这条行程？',
      content: `${trip.date} ${routeOf(trip, stations)}`,
      confirmText: '删除',
      cancelText: '保留',
      // Taro's H5 dialog draws 确定 in light green (2.3:1 on white); both buttons at ≥ 4.5:1.
      confirmColor: '#b4232a',
      cancelColor: '#1f1f1f',
    })
    if (confirm) removeTrip(trip.id)
  }

  const saveNew = (input: TripInput) => {
    addTrip(input, stations)
    setAdding(false)
  }
  const saveEdit = (id: string) => (input: TripInput) => {
    updateTrip(id, input, stations)
    setEditingId(null)
  }

  return (
    <PageShell label='我的行程'>
      <View className='card' role='region' aria-label='省下的通行费'>
        <View className='title'>省下的通行费</View>
        <TollDataNote view={toll} />
        {summary ? (
          <View>
            <View className='etc-verdict__amount'>
              <Text>共</Text>
              <Text className='amount'>{summary.totalText}</Text>
              <Text className='caption'>（估算）</Text>
            </View>
            {summary.provisional ? (
              <View className='etc-data-row caption'>
                站点范围与费率 <StatusBadge status='provisional' />
              </View>
            ) : null}
            {summary.byYear.length > 0 ? <View className='etc-verdict__section'>按年</View> : null}
            {summary.byYear.map((total) => (
              <TotalsRow key={total.period} total={total} />
            ))}
            {summary.byMonth.length > 0 ? <View className='etc-verdict__section'>按月</View> : null}
            {summary.byMonth.map((total) => (
              <TotalsRow key={total.period} total={total} />
            ))}
            {summary.skipped.length > 0 ? (
              <View className='caption etc-verdict__note'>另有 {summary.skipped.length} 趟无法判断，未计入（原因见各条行程）。</View>
            ) : null}
            <View className='caption etc-verdict__note'>金额按直线距离估算，以实际扣费为准。</View>
          </View>
        ) : (
          <View className='etc-stack'>
            <View>填好我的车（车牌、车型、ETC 卡）后，才能算出每趟是否免费、省了多少。</View>
            <Pressable className='button button--secondary' role='link' onPress={() => navigate('etc-car')}>
              去填写我的车
            </Pressable>
          </View>
        )}
      </View>

      {adding ? (
        <TripEditor title='记一趟行程' stations={stations} onSave={saveNew} onCancel={() => setAdding(false)} />
      ) : (
        <Pressable className='button etc-add' onPress={() => setAdding(true)}>
          ＋ 记一趟行程
        </Pressable>
      )}

      {trips.length === 0 ? (
        <View className='card caption'>还没有记录行程。</View>
      ) : (
        // Only trips are in the list (each a listitem, also while it is being edited), so a screen
        // reader says how many there are; the empty state is a sentence outside it.
        <View className='etc-list' role='list' aria-label='行程记录'>
          {tripsNewestFirst(trips).map((trip) =>
            editingId === trip.id ? (
              <View key={trip.id} role='listitem'>
                <TripEditor
                  title='修改行程'
                  initial={trip}
                  stations={stations}
                  onSave={saveEdit(trip.id)}
                  onCancel={() => setEditingId(null)}
                />
              </View>
            ) : (
              <View key={trip.id} className={`card etc-trip ${savingOf.get(trip.id)?.free ? 'etc-trip--free' : ''}`} role='listitem'>
                <View className='caption'>{trip.date}</View>
                <View className='etc-trip__route'>{routeOf(trip, stations)}</View>
                <TripOutcome saving={savingOf.get(trip.id)} skipReason={skipReasonOf(trip)} />
                <View className='row'>
                  <Pressable
                    className='etc-small-button'
                    label={`修改 ${trip.date} ${routeOf(trip, stations)} 的行程`}
                    onPress={() => setEditingId(trip.id)}
                  >
                    修改
                  </Pressable>
                  <Pressable
                    className='etc-small-button'
                    label={`删除 ${trip.date} ${routeOf(trip, stations)} 的行程`}
                    onPress={() => confirmDelete(trip)}
                  >
                    删除
                  </Pressable>
                </View>
              </View>
            ),
          )}
        </View>
      )}
    </PageShell>
  )
}
