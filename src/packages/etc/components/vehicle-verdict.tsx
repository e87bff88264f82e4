import { View } from '@tarojs/components'
import { TollPeriodReminder } from '@/packages/etc/components/toll-period-reminder'
import { StatusBadge } from '@/components/status-badge'
import { checkVehicleEligibility, type VehicleVerdictKind } from '@/domain/etc/waiver'
import type { TollData } from '@/domain/policy/toll-scheme'
import { missingVehicleFields, selectVehicleProfile, useStoredVehicle } from '@/store/etc-vehicle'
import { ConditionList, ReasonList } from './condition-list'
import './etc-components.scss'

export interface VehicleVerdictProps {
  /** The 衢城畅行 data in force (served, stored or bundled): its conditions and station-list status. */
  data: TollData
}

const TONE: Record<VehicleVerdictKind, 'yes' | 'no' | 'unknown'> = {
  'free-in-period': 'yes',
  'not-eligible': 'no',
  'not-started': 'no',
  'period-unknown': 'unknown',
}

/**
 * The instant verdict of 我的车: does the car itself qualify under clause (二十六) — plate, class and
 * card — with every reason, today. Whether a trip is free also depends on its stations; after the
 * last known period it promises nothing (待官方确认) and offers the 公布时提醒 for a new period.
 */
export function VehicleVerdict({ data }: VehicleVerdictProps) {
  const stored = useStoredVehicle()
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
    <View className={`card etc-verdict etc-verdict--${TONE[eligibility.verdict]}`} role='status' aria-live='polite'>
      <View className='etc-verdict__headline'>{eligibility.headline}</View>
      <ReasonList reasons={eligibility.reasons} />
      {eligibility.provisional ? <StatusBadge status='provisional' /> : null}
      <View className='etc-verdict__section'>逐项核对</View>
      <ConditionList checks={eligibility.checks} />
      <View className='etc-verdict__status caption'>
        还要看行程：只在“衢城畅行”范围内的收费站之间通行才免费，范围内的站点名单
        <StatusBadge status={data.stationSet.status} />
      </View>
      <TollPeriodReminder period={eligibility.period} />
    </View>
  )
}
