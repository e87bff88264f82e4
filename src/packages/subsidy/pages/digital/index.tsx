import { useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { useState } from 'react'
import { ChoiceList } from '@/components/choice-list'
import { YuanField } from '@/components/yuan-field'
import { DIGITAL_CATEGORIES, DIGITAL_CATEGORY_LABEL, type DigitalCategory } from '@/domain/policy/subsidy-vocabulary'
import { shareTimeline } from '@/services/share'
import { calculatorShare } from '@/packages/subsidy/calculator-share'
import { CalculatorLayout } from '@/packages/subsidy/components/calculator-layout'
import { useCalculatorForm } from '@/packages/subsidy/use-calculator-form'
import '@/packages/subsidy/subsidy.scss'

const CATEGORY_OPTIONS = DIGITAL_CATEGORIES.map((category) => ({ value: category, title: DIGITAL_CATEGORY_LABEL[category] }))

/** 数码产品: phone, tablet or smart watch under the single-item price limit. */
export default function DigitalCalculatorPage() {
  const form = useCalculatorForm(['digital'])
  const [category, setCategory] = useState<DigitalCategory | null>(form.initial?.category ?? form.preset('category', DIGITAL_CATEGORIES))

  // 转发 opens this calculator with the same product choice, never the prices typed here.
  const share = () =>
    calculatorShare('subsidy-digital', '数码产品', { param: 'category', value: category, label: category ? DIGITAL_CATEGORY_LABEL[category] : null })
  useShareAppMessage(share)
  useShareTimeline(() => shareTimeline(share()))

  const outcome = form.quote([[category === null, '产品类别'], form.priceMissing('售价')], () => ({ measure: 'digital', category: category! }))

  return (
    <CalculatorLayout title='数码产品补贴计算' measure='digital' form={form} outcome={outcome} fieldsShownInline={['priceYuan']}>
      <ChoiceList label='买的是什么' options={CATEGORY_OPTIONS} value={category} variant='segmented' onChange={setCategory} />
      <YuanField label='单件售价' {...form.price} hint='按一件产品的售价算，不是几件加起来' />
    </CalculatorLayout>
  )
}
