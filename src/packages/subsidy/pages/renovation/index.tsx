import { useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { useState } from 'react'
import { ChoiceList } from '@/components/choice-list'
import { YuanField } from '@/components/yuan-field'
import {
  RENOVATION_KIND_LABEL,
  RENOVATION_KINDS,
  type EnergyGrade,
  type RenovationKind,
} from '@/domain/policy/subsidy-vocabulary'
import { shareTimeline } from '@/services/share'
import { calculatorShare } from '@/packages/subsidy/calculator-share'
import { CalculatorLayout } from '@/packages/subsidy/components/calculator-layout'
import { EnergyGradeField } from '@/packages/subsidy/components/energy-grade-field'
import { errorFor } from '@/packages/subsidy/quote-form'
import { useCalculatorForm } from '@/packages/subsidy/use-calculator-form'
import '@/packages/subsidy/subsidy.scss'

const KIND_CAPTION: Record<RenovationKind, string> = {
  'decoration-material': '瓷砖、地板、涂料、门窗等',
  'sanitary-ware': '马桶、淋浴、水龙头、浴室柜等',
  'furniture-lighting': '灯具、定制家具等',
  'smart-home': '智能门锁、智能马桶盖、智能晾衣架等',
  'elderly-adaptation': '扶手、防滑、助浴、适老家具等',
}

const KIND_OPTIONS = RENOVATION_KINDS.map((kind) => ({ value: kind, title: RENOVATION_KIND_LABEL[kind], caption: KIND_CAPTION[kind] }))

/** 家装: 旧房装修, 厨卫局部改造, 居家适老化改造 — one product at a time. */
export default function RenovationCalculatorPage() {
  const form = useCalculatorForm(['renovation'])
  const [kind, setKind] = useState<RenovationKind | null>(form.initial?.kind ?? form.preset('kind', RENOVATION_KINDS))
  const [grade, setGrade] = useState<EnergyGrade | null | undefined>(form.initial ? form.initial.grade : undefined)

  // 转发 opens this calculator with the same product choice, never the prices typed here.
  const share = () => calculatorShare('subsidy-renovation', '家装', { param: 'kind', value: kind, label: kind ? RENOVATION_KIND_LABEL[kind] : null })
  useShareAppMessage(share)
  useShareTimeline(() => shareTimeline(share()))

  const outcome = form.quote(
    [[kind === null, '产品类别'], form.priceMissing('售价'), [grade === undefined, '能效等级（没有标识选“没有标识”）']],
    () => ({ measure: 'renovation', kind: kind!, grade: grade! }),
  )

  return (
    <CalculatorLayout title='家装补贴计算' measure='renovation' form={form} outcome={outcome} fieldsShownInline={['priceYuan', 'grade']}>
      <ChoiceList label='买的是哪一类' options={KIND_OPTIONS} value={kind} onChange={setKind} />
      <YuanField label='这件产品的售价' {...form.price} hint='每件产品单独计算' />
      <EnergyGradeField
        value={grade}
        onChange={setGrade}
        error={errorFor(outcome, 'grade')}
        hint='马桶、水龙头看水效标识；瓷砖、扶手等没有标识就选“没有标识”'
      />
    </CalculatorLayout>
  )
}
