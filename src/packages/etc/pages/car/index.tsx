import Taro, { useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { PageShell } from '@/components/page-shell'
import { Pressable } from '@/components/pressable'
import { describeSchemePeriod } from '@/domain/etc/scheme-period'
import { navigate } from '@/services/navigation'
import { useEtcVehicleStore } from '@/store/etc-vehicle'
import { VehicleForm } from '@/packages/etc/components/vehicle-form'
import { VehicleVerdict } from '@/packages/etc/components/vehicle-verdict'
import { useTollData } from '@/store/etc-toll-data'
import { shareMessage, shareTimeline } from '@/services/share'
import '@/packages/etc/etc.scss'

/** 我的车 — the 衢城畅行 landing page: the car, its instant verdict, and the way to trips and stations. */
export default function EtcCarPage() {
  // 转发 and 朋友圈 (routes.ts share: 'friends+timeline'); nothing personal in the path.
  const share = () => shareMessage('etc-car', '衢城畅行：衢州高速 ETC 通行免费，看看我的车能不能享受')
  useShareAppMessage(share)
  useShareTimeline(() => shareTimeline(share()))
  const hasVehicle = useEtcVehicleStore((state) => state.plateText !== '' || state.vehicleClass !== null || state.etcCard !== null)
  const clearVehicle = useEtcVehicleStore((state) => state.clearVehicle)
  const { data } = useTollData()

  const confirmClear = async () => {
    const { confirm } = await Taro.showModal({
      title: '清除车辆信息？',
      content: '车牌、车型和 ETC 卡类型会从这台手机上删除，我的行程不受影响。',
      confirmText: '清除',
      cancelText: '保留',
      // Taro's H5 dialog draws 确定 in light green (2.3:1 on white); both buttons at ≥ 4.5:1.
      confirmColor: '#b4232a',
      cancelColor: '#1f1f1f',
    })
    if (confirm) clearVehicle()
  }

  return (
    <PageShell label='我的车'>
      <View className='card'>
        <View className='title'>我的车</View>
        <View className='caption etc-intro'>
          “衢城畅行”：实施期内（{describeSchemePeriod(data.period.value)}），浙H 牌照的一类客车用 ETC 记账卡，在衢州市{' '}
          {data.stationCount.value} 个高速收费站之间通行免费。车辆信息只保存在这台手机上。
        </View>
        <VehicleForm />
      </View>
      <VehicleVerdict data={data} />
      <View className='card etc-links'>
        <Pressable className='button' role='link' onPress={() => navigate('etc-trip')}>
          查一趟行程是否免费
        </Pressable>
        <Pressable className='button button--secondary' role='link' onPress={() => navigate('etc-trips')}>
          我的行程（省了多少）
        </Pressable>
        <Pressable className='button button--secondary' role='link' onPress={() => navigate('etc-stations')}>
          站点一览
        </Pressable>
      </View>
      {hasVehicle ? (
        <Pressable className='link etc-clear' label='清除这台手机上的车辆信息' onPress={confirmClear}>
          清除车辆信息
        </Pressable>
      ) : null}
    </PageShell>
  )
}
