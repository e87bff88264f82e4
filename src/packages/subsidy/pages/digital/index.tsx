import { useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { useState } from 'react'
import { ChoiceList } from '@/components/choice-list'
import { DIGITAL_CATEGORIES, DIGITAL_CATEGORY_LABEL, type DigitalCategory } from '@/domain/policy/subsidy-vocabulary'
import { todayInShanghai } from '@/domain/time'
import { CalculatorLayout } from '@/packages/subsidy/components/calculator-layout'
import { PriceField } from '@/packages/subsidy/components/price-field'
import { listMissing, priceError, quoteForm } from '@/packages/subsidy/quote-form'
import { useBasketSaving } from '@/packages/subsidy/use-basket-saving'
import { useCalculatorStart } from '@/packages/subsidy/use-calculator-start'
import { useRuleSets } from '@/packages/subsidy/use-rule-sets'
import '@/packages/subsidy/subsidy.scss'
import { shareTimeline } from '@/services/share'
import { calculatorShare } from '@/packages/subsidy/calculator-share'

const CATEGORY_OPTIONS = DIGITAL_CATEGORIES.map((category) => ({ value: category, title: DIGITAL_CATEGORY_LABEL[category] }))

/** 数码产品: phone, tablet or smart watch under the single-item price limit. */
export default function DigitalCalculatorPage() {
  const today = todayInShanghai()
  const edited = useCalculatorStart(['digital'])
  const saving = useBasketSaving(edited.editId)
  const rules = useRuleSets()
  const [category, setCategory] = useState<DigitalCategory | null>(edited.input?.category ?? edited.preset('category', DIGITAL_CATEGORIES))
  const [priceText, setPriceText] = useState(edited.input ? String(edited.input.priceYuan) : '')
  const [purchaseDate, setPurchaseDate] = useState(edited.input?.purchaseDate ?? edited.purchaseDate ?? today)

  // 转发 opens this calculator with the same product choice, never the prices typed here.
  const share = () => calculatorShare('subsidy-digital', '数码产品', { param: 'category', value: category, label: category ? DIGITAL_CATEGORY_LABEL[category] : null })
  useShareAppMessage(share)
  useShareTimeline(() => shareTimeline(share()))
  const outcome = quoteForm(
    listMissing([
      [category === null, '产品类别'],
      [priceText.trim() === '', '售价'],
    ]),
    () => ({ measure: 'digital', category: category!, priceYuan: priceText, purchaseDate }),
    rules.ruleSets,
  )

  return (
    <CalculatorLayout
      title='数码产品补贴计算'
      measure='digital'
      today={today}
      purchaseDate={purchaseDate}
      onPurchaseDateChange={setPurchaseDate}
      outcome={outcome}
      rules={rules}
      saving={saving}
      fieldsShownInline={['priceYuan']}
    >
      <ChoiceList label='买的是什么' options={CATEGORY_OPTIONS} value={category} variant='segmented' onChange={setCategory} />
      <PriceField
        label='单件售价'
        value={priceText}
        onChange={setPriceText}
        error={priceError(priceText)}
        hint='按一件产品的售价算，不是几件加起来'
      />
    </CalculatorLayout>
  )
}
