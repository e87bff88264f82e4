import { useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { useState } from 'react'
import type { EnergyGrade } from '@/domain/policy/subsidy-vocabulary'
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

/** 家居: ordinary ready-made furniture (beds, tables, chairs); grade 1 energy/water label pays more. */
export default function FurnitureCalculatorPage() {
  const today = todayInShanghai()
  const edited = useCalculatorStart(['furniture'])
  const saving = useBasketSaving(edited.editId)
  const rules = useRuleSets()
  const [priceText, setPriceText] = useState(edited.input ? String(edited.input.priceYuan) : '')
  const [grade, setGrade] = useState<EnergyGrade | null | undefined>(edited.input ? edited.input.grade : undefined)
  const [purchaseDate, setPurchaseDate] = useState(edited.input?.purchaseDate ?? edited.purchaseDate ?? today)

  // 转发 opens this calculator with the same product choice, never the prices typed here.
  const share = () => calculatorShare('subsidy-furniture', '家居')
  useShareAppMessage(share)
  useShareTimeline(() => shareTimeline(share()))
  const outcome = quoteForm(
    listMissing([
      [priceText.trim() === '', '售价'],
      [grade === undefined, '能效等级（没有标识选“没有标识”）'],
    ]),
    () => ({ measure: 'furniture', priceYuan: priceText, grade: grade!, purchaseDate }),
    rules.ruleSets,
  )

  return (
    <CalculatorLayout
      title='家居补贴计算'
      measure='furniture'
      today={today}
      purchaseDate={purchaseDate}
      onPurchaseDateChange={setPurchaseDate}
      outcome={outcome}
      rules={rules}
      saving={saving}
      fieldsShownInline={['priceYuan', 'grade']}
    >
      <PriceField
        label='一件家居的售价（床、桌椅等）'
        value={priceText}
        onChange={setPriceText}
        error={priceError(priceText)}
        hint='每件单独计算，几件就算几次'
      />
      <EnergyGradeField
        value={grade}
        onChange={setGrade}
        error={errorFor(outcome, 'grade')}
        hint='床、桌椅等大多没有能效标识，没有就选“没有标识”'
      />
    </CalculatorLayout>
  )
}
