import { useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { useState } from 'react'
import { ChoiceList } from '@/components/choice-list'
import {
  RENOVATION_KIND_LABEL,
  RENOVATION_KINDS,
  type EnergyGrade,
  type RenovationKind,
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
  const today = todayInShanghai()
  const edited = useCalculatorStart(['renovation'])
  const saving = useBasketSaving(edited.editId)
  const rules = useRuleSets()
  const [kind, setKind] = useState<RenovationKind | null>(edited.input?.kind ?? edited.preset('kind', RENOVATION_KINDS))
  const [priceText, setPriceText] = useState(edited.input ? String(edited.input.priceYuan) : '')
  const [grade, setGrade] = useState<EnergyGrade | null | undefined>(edited.input ? edited.input.grade : undefined)
  const [purchaseDate, setPurchaseDate] = useState(edited.input?.purchaseDate ?? edited.purchaseDate ?? today)

  // 转发 opens this calculator with the same product choice, never the prices typed here.
  const share = () => calculatorShare('subsidy-renovation', '家装', { param: 'kind', value: kind, label: kind ? RENOVATION_KIND_LABEL[kind] : null })
  useShareAppMessage(share)
  useShareTimeline(() => shareTimeline(share()))
  const outcome = quoteForm(
    listMissing([
      [kind === null, '产品类别'],
      [priceText.trim() === '', '售价'],
      [grade === undefined, '能效等级（没有标识选“没有标识”）'],
    ]),
    () => ({ measure: 'renovation', kind: kind!, priceYuan: priceText, grade: grade!, purchaseDate }),
    rules.ruleSets,
  )

  return (
    <CalculatorLayout
      title='家装补贴计算'
      measure='renovation'
      today={today}
      purchaseDate={purchaseDate}
      onPurchaseDateChange={setPurchaseDate}
      outcome={outcome}
      rules={rules}
      saving={saving}
      fieldsShownInline={['priceYuan', 'grade']}
    >
      <ChoiceList label='买的是哪一类' options={KIND_OPTIONS} value={kind} onChange={setKind} />
      <PriceField label='这件产品的售价' value={priceText} onChange={setPriceText} error={priceError(priceText)} hint='每件产品单独计算' />
      <EnergyGradeField
        value={grade}
        onChange={setGrade}
        error={errorFor(outcome, 'grade')}
        hint='马桶、水龙头看水效标识；瓷砖、扶手等没有标识就选“没有标识”'
      />
    </CalculatorLayout>
  )
}
