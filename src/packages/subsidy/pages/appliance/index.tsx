import { useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { useState } from 'react'
import { ChoiceList } from '@/components/choice-list'
import { YuanField } from '@/components/yuan-field'
import {
  APPLIANCE_CATEGORIES,
  APPLIANCE_CATEGORY_LABEL,
  type ApplianceCategory,
  type EnergyGrade,
} from '@/domain/policy/subsidy-vocabulary'
import { shareTimeline } from '@/services/share'
import { calculatorShare } from '@/packages/subsidy/calculator-share'
import { CalculatorLayout } from '@/packages/subsidy/components/calculator-layout'
import { EnergyGradeField } from '@/packages/subsidy/components/energy-grade-field'
import { errorFor } from '@/packages/subsidy/quote-form'
import { useCalculatorForm } from '@/packages/subsidy/use-calculator-form'
import '@/packages/subsidy/subsidy.scss'

const CATEGORY_OPTIONS = APPLIANCE_CATEGORIES.map((category) => ({ value: category, title: APPLIANCE_CATEGORY_LABEL[category] }))

/** 家电: category, price, energy grade and purchase date → the subsidy under clause (十四). */
export default function ApplianceCalculatorPage() {
  const form = useCalculatorForm(['appliance'])
  const [category, setCategory] = useState<ApplianceCategory | null>(form.initial?.category ?? form.preset('category', APPLIANCE_CATEGORIES))
  const [grade, setGrade] = useState<EnergyGrade | null | undefined>(form.initial ? form.initial.grade : undefined)

  // 转发 opens this calculator with the same product choice, never the prices typed here.
  const share = () =>
    calculatorShare('subsidy-appliance', '家电', { param: 'category', value: category, label: category ? APPLIANCE_CATEGORY_LABEL[category] : null })
  useShareAppMessage(share)
  useShareTimeline(() => shareTimeline(share()))

  const outcome = form.quote(
    [[category === null, '家电品类'], form.priceMissing('售价'), [grade === undefined, '能效等级']],
    () => ({ measure: 'appliance', category: category!, grade: grade! }),
  )

  return (
    <CalculatorLayout title='家电补贴计算' measure='appliance' form={form} outcome={outcome} fieldsShownInline={['priceYuan', 'grade']}>
      <ChoiceList label='买的是什么家电' options={CATEGORY_OPTIONS} value={category} variant='segmented' onChange={setCategory} />
      <YuanField label='售价（实际付款金额）' {...form.price} hint='看发票或付款记录上的金额' />
      <EnergyGradeField value={grade} onChange={setGrade} error={errorFor(outcome, 'grade')} />
    </CalculatorLayout>
  )
}
