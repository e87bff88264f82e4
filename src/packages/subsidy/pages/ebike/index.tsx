import { useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { useState } from 'react'
import { ChoiceList, type ChoiceOption } from '@/components/choice-list'
import { YuanField } from '@/components/yuan-field'
import { EBIKE_BATTERY_LABEL, EBIKE_BATTERY_TYPES, type EbikeBatteryType } from '@/domain/policy/subsidy-vocabulary'
import { shareTimeline } from '@/services/share'
import { calculatorShare } from '@/packages/subsidy/calculator-share'
import { CalculatorLayout } from '@/packages/subsidy/components/calculator-layout'
import { useCalculatorForm } from '@/packages/subsidy/use-calculator-form'
import '@/packages/subsidy/subsidy.scss'

const BATTERY_OPTIONS = EBIKE_BATTERY_TYPES.map((battery) => ({ value: battery, title: EBIKE_BATTERY_LABEL[battery] }))

type YesNo = 'yes' | 'no'
const yesNoOptions = (yes: string, no: string): ChoiceOption<YesNo>[] => [
  { value: 'yes', title: '是', caption: yes },
  { value: 'no', title: '否', caption: no },
]
const toYesNo = (value: boolean | undefined): YesNo | null => (value === undefined ? null : value ? 'yes' : 'no')

/** 电动自行车: hand the old e-bike to a recycler, buy a compliant new one. */
export default function EbikeCalculatorPage() {
  const form = useCalculatorForm(['ebike'])
  const [oldBattery, setOldBattery] = useState<EbikeBatteryType | null>(form.initial?.oldBatteryType ?? null)
  const [newBattery, setNewBattery] = useState<EbikeBatteryType | null>(form.initial?.newBatteryType ?? null)
  const [recycled, setRecycled] = useState<YesNo | null>(toYesNo(form.initial?.oldEbikeHandedToRecycler))
  const [compliant, setCompliant] = useState<YesNo | null>(toYesNo(form.initial?.newEbikeCompliant))

  // 转发 opens this calculator, never the answers or prices typed here.
  const share = () => calculatorShare('subsidy-ebike', '电动自行车')
  useShareAppMessage(share)
  useShareTimeline(() => shareTimeline(share()))

  const outcome = form.quote(
    [
      [oldBattery === null, '旧车电池'],
      [recycled === null, '旧车是否交售'],
      [newBattery === null, '新车电池'],
      [compliant === null, '新车是否合格'],
      form.priceMissing('新车售价'),
    ],
    () => ({
      measure: 'ebike',
      oldBatteryType: oldBattery!,
      newBatteryType: newBattery!,
      oldEbikeHandedToRecycler: recycled === 'yes',
      newEbikeCompliant: compliant === 'yes',
    }),
  )

  return (
    <CalculatorLayout title='电动自行车补贴计算' measure='ebike' form={form} outcome={outcome} fieldsShownInline={['priceYuan']}>
      <ChoiceList label='旧车用的是什么电池' options={BATTERY_OPTIONS} value={oldBattery} variant='segmented' onChange={setOldBattery} />
      <ChoiceList
        label='旧车交给合格的回收企业了吗（或准备交）'
        options={yesNoOptions('有回收凭证', '自己留着或卖给个人')}
        value={recycled}
        onChange={setRecycled}
      />
      <ChoiceList label='新车用的是什么电池' options={BATTERY_OPTIONS} value={newBattery} variant='segmented' onChange={setNewBattery} />
      <ChoiceList
        label='新车有 CCC 认证、符合 GB 17761-2024 吗'
        options={yesNoOptions('合格证和车身上有 CCC 标志，标准号是 GB 17761-2024', '没有或不清楚')}
        value={compliant}
        onChange={setCompliant}
      />
      <YuanField label='新车售价' {...form.price} />
    </CalculatorLayout>
  )
}
