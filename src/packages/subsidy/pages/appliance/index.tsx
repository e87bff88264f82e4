import { useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { useState } from 'react'
import { ChoiceList } from '@/components/choice-list'
import {
  APPLIANCE_CATEGORIES,
  APPLIANCE_CATEGORY_LABEL,
  type ApplianceCategory,
  type EnergyGrade,
} from '@/domain/policy/subsidy-vocabulary'
import { todayInShanghai } from '@/domain/time'
import { CalculatorLayout } from '@/packages/subsidy/components/calculator-layout'
import { EnergyGradeField } from '@/packages/subsidy/components/energy-grade-field'
import { PriceField } from '@/packages/subsidy/components/price-field'
import { errorFor, listMissing, priceError, quoteForm } from '@/packages/subsidy/quote-form'
import { useBasketSaving } from '@/packages/subsidy/use-basket-saving'
import { useCalculatorStart } from '@/packages/subsidy/use-calculator-start'
import { useRuleSets } from '@/packages/subsidy/use-rule-sets'
import '@/packages/subsidy/subsidy.scss'
import { shareTimeline } from '@/services/share'
import { calculatorShare } from '@/packages/subsidy/calculator-share'

const CATEGORY_OPTIONS = APPLIANCE_CATEGORIES.map((category) => ({ value: category, title: APPLIANCE_CATEGORY_LABEL[category] }))

/** 家电: category, price, energy grade and purchase date → the subsidy under clause (十四). */
export default function ApplianceCalculatorPage() {
  const today = todayInShanghai()
  const edited = useCalculatorStart(['appliance'])
  const saving = useBasketSaving(edited.editId)
  const rules = useRuleSets()
  const [category, setCategory] = useState<ApplianceCategory | null>(
    edited.input?.category ?? edited.preset('category', APPLIANCE_CATEGORIES),
  )
  const [priceText, setPriceText] = useState(edited.input ? String(edited.input.priceYuan) : '')
  const [grade, setGrade] = useState<EnergyGrade | null | undefined>(edited.input ? edited.input.grade : undefined)
  const [purchaseDate, setPurchaseDate] = useState(edited.input?.purchaseDate ?? edited.purchaseDate ?? today)

  // 转发 opens this calculator with the same product choice, never the prices typed here.
  const share = () => calculatorShare('subsidy-appliance', '家电', { param: 'category', value: category, label: category ? APPLIANCE_CATEGORY_LABEL[category] : null })
  useShareAppMessage(share)
  useShareTimeline(() => shareTimeline(share()))
  const outcome = quoteForm(
    listMissing([
      [category === null, '家电品类'],
      [priceText.trim() === '', '售价'],
      [grade === undefined, '能效等级'],
    ]),
    () => ({ measure: 'appliance', category: category!, priceYuan: priceText, grade: grade!, purchaseDate }),
    rules.ruleSets,
  )

  return (
    <CalculatorLayout
      title='家电补贴计算'
      measure='appliance'
      today={today}
      purchaseDate={purchaseDate}
      onPurchaseDateChange={setPurchaseDate}
      outcome={outcome}
      rules={rules}
      saving={saving}
      fieldsShownInline={['priceYuan', 'grade']}
    >
      <ChoiceList label='买的是什么家电' options={CATEGORY_OPTIONS} value={category} variant='segmented' onChange={setCategory} />
      <PriceField
        label='售价（实际付款金额）'
        value={priceText}
        onChange={setPriceText}
        error={priceError(priceText)}
        hint='看发票或付款记录上的金额'
      />
      <EnergyGradeField value={grade} onChange={setGrade} error={errorFor(outcome, 'grade')} />
    </CalculatorLayout>
  )
}
