import { useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { useState } from 'react'
import { YuanField } from '@/components/yuan-field'
import type { EnergyGrade } from '@/domain/policy/subsidy-vocabulary'
import { shareTimeline } from '@/services/share'
import { calculatorShare } from '@/packages/subsidy/calculator-share'
import { CalculatorLayout } from '@/packages/subsidy/components/calculator-layout'
import { EnergyGradeField } from '@/packages/subsidy/components/energy-grade-field'
import { errorFor } from '@/packages/subsidy/quote-form'
import { useCalculatorForm } from '@/packages/subsidy/use-calculator-form'
import '@/packages/subsidy/subsidy.scss'

/** 家居: ordinary ready-made furniture (beds, tables, chairs); grade 1 energy/water label pays more. */
export default function FurnitureCalculatorPage() {
  const form = useCalculatorForm(['furniture'])
  const [grade, setGrade] = useState<EnergyGrade | null | undefined>(form.initial ? form.initial.grade : undefined)

  // 转发 opens this calculator, never the prices typed here.
  const share = () => calculatorShare('subsidy-furniture', '家居')
  useShareAppMessage(share)
  useShareTimeline(() => shareTimeline(share()))

  const outcome = form.quote([form.priceMissing('售价'), [grade === undefined, '能效等级（没有标识选“没有标识”）']], () => ({
    measure: 'furniture',
    grade: grade!,
  }))

  return (
    <CalculatorLayout title='家居补贴计算' measure='furniture' form={form} outcome={outcome} fieldsShownInline={['priceYuan', 'grade']}>
      <YuanField label='一件家居的售价（床、桌椅等）' {...form.price} hint='每件单独计算，几件就算几次' />
      <EnergyGradeField
        value={grade}
        onChange={setGrade}
        error={errorFor(outcome, 'grade')}
        hint='床、桌椅等大多没有能效标识，没有就选“没有标识”'
      />
    </CalculatorLayout>
  )
}
