import { View } from '@tarojs/components'
import { StatusBadge } from '../../../components/status-badge'
import { checkVehicleEligibility } from '../../../domain/etc/waiver'
import type { TollData } from '../../../domain/policy/toll-scheme'
import { missingVehicleFields, selectVehicleProfile, useEtcVehicleStore } from '../../../store/etc-vehicle'
import { ConditionList } from './condition-list'
import './etc-components.scss'

export interface VehicleVerdictProps {
  /** The 衢城畅行 data in force (served, stored or bundled): its conditions and station-list status. */
  data: TollData
}

/**
 * The instant verdict of 我的车: does the car itself qualify under clause (二十六) — plate, class and
 * card — with every reason. Whether a trip is free also depends on its stations and date.
 */
export function VehicleVerdict({ data }: VehicleVerdictProps) {
  const plateText = useEtcVehicleStore((state) => state.plateText)
  const vehicleClass = useEtcVehicleStore((state) => state.vehicleClass)
  const etcCard = useEtcVehicleStore((state) => state.etcCard)
  const stored = { plateText, vehicleClass, etcCard }
  const profile = selectVehicleProfile(stored)

  if (!profile) {
    return (
      <View className='card' role='status' aria-live='polite'>
        <View className='title'>能不能免费？</View>
        <View>填好后马上告诉您。还差：{missingVehicleFields(stored).join('、')}</View>
      </View>
    )
  }

  const eligibility = checkVehicleEligibility(profile, data)
  return (
    <View className={`card etc-verdict ${eligibility.eligible ? 'etc-verdict--yes' : 'etc-verdict--no'}`} role='status' aria-live='polite'>
      <View className='etc-verdict__headline'>{eligibility.eligible ? '✓ 您的车符合免费条件' : '✗ 您的车不符合免费条件'}</View>
      <View className='etc-verdict__reasons'>
        {eligibility.reasons.map((reason) => (
          <View key={reason} className='etc-verdict__reason'>
            {reason}
          </View>
        ))}
      </View>
      {eligibility.provisional ? <StatusBadge status='provisional' /> : null}
      <View className='etc-verdict__section'>逐项核对</View>
      <ConditionList checks={eligibility.checks} />
      <View className='etc-verdict__status caption'>
        还要看行程：只在“衢城畅行”范围内的收费站之间通行才免费，范围内的站点名单
        <StatusBadge status={data.stationSet.status} />
      </View>
    </View>
  )
}
