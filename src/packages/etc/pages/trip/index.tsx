import { useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useState } from 'react'
import { DateField } from '@/components/date-field'
import { PageShell } from '@/components/page-shell'
import { Pressable } from '@/components/pressable'
import { isDomainError } from '@/domain/errors'
import { ETC_CARD_LABEL, VEHICLE_CLASS_LABEL } from '@/domain/etc/labels'
import { formatPlate } from '@/domain/etc/plate'
import { checkTollWaiver, type TollWaiverVerdict, type VehicleProfile } from '@/domain/etc/waiver'
import type { TollData } from '@/domain/policy/toll-scheme'
import { addDays, todayInShanghai } from '@/domain/time'
import { navigate } from '@/services/navigation'
import { useEtcTripsStore } from '@/store/etc-trips'
import { missingVehicleFields, selectVehicleProfile, useStoredVehicle } from '@/store/etc-vehicle'
import { StationPicker } from '@/packages/etc/components/station-picker'
import { TollDataNote } from '@/packages/etc/components/toll-data-note'
import { TripVerdict } from '@/packages/etc/components/trip-verdict'
import { VehicleForm } from '@/packages/etc/components/vehicle-form'
import { useNearestStations } from '@/packages/etc/use-nearest-stations'
import { useTollData } from '@/store/etc-toll-data'
import { shareMessage, shareTimeline } from '@/services/share'
import '@/packages/etc/etc.scss'

type Judgement = { verdict: TollWaiverVerdict; error?: undefined } | { verdict?: undefined; error: string }

function judge(vehicle: VehicleProfile, entry: string, exit: string, date: string, data: TollData): Judgement {
  try {
    return { verdict: checkTollWaiver({ ...vehicle, entry, exit, date }, data) }
  } catch (error) {
    if (!isDomainError(error)) throw error
    return { error: error.message }
  }
}

/** 行程查询: is a trip between two stations free for my car on a given day (clause 二十六)? */
export default function EtcTripPage() {
  // 转发 and 朋友圈 (routes.ts share: 'friends+timeline'); nothing personal in the path.
  const share = () => shareMessage('etc-trip', '衢城畅行：查一查这趟高速免不免费')
  useShareAppMessage(share)
  useShareTimeline(() => shareTimeline(share()))
  const addTrip = useEtcTripsStore((state) => state.addTrip)
  const toll = useTollData()
  const { stations } = toll.data
  const stored = useStoredVehicle()
  const vehicle = selectVehicleProfile(stored)

  const today = todayInShanghai()
  const [editingVehicle, setEditingVehicle] = useState(vehicle === null)
  const [date, setDate] = useState(today)
  const [entry, setEntry] = useState<string | null>(null)
  const [exit, setExit] = useState<string | null>(null)
  const [loggedKey, setLoggedKey] = useState<string | null>(null)
  const location = useNearestStations(stations)

  const showVehicleForm = editingVehicle || vehicle === null
  const judgement = vehicle && entry && exit ? judge(vehicle, entry, exit, date, toll.data) : null
  const tripKey = `${date}|${entry}|${exit}`

  const logTrip = () => {
    if (!entry || !exit) return
    addTrip({ date, entry, exit }, stations)
    setLoggedKey(tripKey)
  }

  return (
    <PageShell label='行程查询'>
      <View className='card'>
        {showVehicleForm ? (
          <View>
            <View className='title'>我的车</View>
            <VehicleForm />
            {vehicle ? (
              <Pressable className='button' onPress={() => setEditingVehicle(false)}>
                完成
              </Pressable>
            ) : (
              <View className='caption'>还差：{missingVehicleFields(stored).join('、')}</View>
            )}
          </View>
        ) : (
          <View className='etc-summary'>
            <View className='etc-summary__text'>
              <View className='etc-summary__plate'>{formatPlate(vehicle.plate)}</View>
              <View className='caption'>
                {VEHICLE_CLASS_LABEL[vehicle.vehicleClass]} · {ETC_CARD_LABEL[vehicle.etcCard]}
              </View>
            </View>
            <Pressable className='etc-small-button' label='修改车辆信息' onPress={() => setEditingVehicle(true)}>
              修改
            </Pressable>
          </View>
        )}
      </View>

      <View className='card'>
        <View className='title'>这趟行程</View>
        <TollDataNote view={toll} />
        <DateField label='日期' value={date} end={addDays(today, 365)} hint={date === today ? '今天' : undefined} onChange={setDate} />
        <View className='etc-message'>
          {location.nearest ? (
            <View className='caption'>已按您的大致位置把最近的站排在前面。</View>
          ) : (
            <Pressable className='button button--secondary' label='用我的大致位置，把最近的收费站排在前面' onPress={location.locate}>
              {location.locating ? '正在定位…' : '最近的站排前面（用大致位置）'}
            </Pressable>
          )}
          {location.failure ? (
            <View className='caption etc-verdict__note' role='status'>
              {location.failure}
            </View>
          ) : null}
          {location.canOpenSettings ? (
            <Pressable className='link etc-clear' onPress={location.openSettings}>
              去设置里允许使用位置
            </Pressable>
          ) : null}
        </View>
        <StationPicker label='入口收费站' value={entry} onChange={setEntry} stations={stations} nearest={location.nearest} />
        <StationPicker label='出口收费站' value={exit} onChange={setExit} stations={stations} nearest={location.nearest} />
        {entry && exit ? (
          <Pressable
            className='etc-small-button'
            label='交换入口和出口'
            onPress={() => {
              setEntry(exit)
              setExit(entry)
            }}
          >
            ⇅ 交换入口和出口
          </Pressable>
        ) : null}
      </View>

      {!vehicle ? (
        <View className='card' role='status'>
          先填好上面的车辆信息，才能判断这趟行程是否免费。
        </View>
      ) : !entry || !exit ? (
        <View className='card' role='status'>
          选好入口和出口收费站，马上告诉您是否免费。
        </View>
      ) : judgement?.error ? (
        <View className='card error-text' role='alert'>
          ✗ {judgement.error}
        </View>
      ) : judgement?.verdict ? (
        <View>
          <TripVerdict verdict={judgement.verdict} />
          <View className='card etc-stack'>
            {loggedKey === tripKey ? (
              <View role='status'>✓ 已记入我的行程</View>
            ) : (
              <Pressable className='button' onPress={logTrip}>
                记入我的行程
              </Pressable>
            )}
            <Pressable className='button button--secondary' role='link' onPress={() => navigate('etc-trips')}>
              查看我的行程
            </Pressable>
          </View>
        </View>
      ) : null}
    </PageShell>
  )
}
