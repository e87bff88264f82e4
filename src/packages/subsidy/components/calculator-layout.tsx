import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { DeadlineReminder } from '@/components/deadline-reminder'
import { PageShell } from '@/components/page-shell'
import { findRuleSetForDate } from '@/domain/policy/subsidy-rule-sets'
import { measureSummary } from '@/domain/subsidy/measure-summaries'
import type { SubsidyMeasure } from '@/domain/policy/subsidy-vocabulary'
import type { FormOutcome } from '../quote-form'
import type { CalculatorForm } from '../use-calculator-form'
import { MeasureRuleLine } from './measure-rule-line'
import { PurchaseDateField } from './purchase-date-field'
import { QuoteResult } from './quote-result'

export interface CalculatorLayoutProps {
  /** The page's spoken name, as its navigation title. */
  title: string
  measure: SubsidyMeasure
  /** What every calculator holds (useCalculatorForm): today, rule sets, purchase date, basket saving. */
  form: Pick<CalculatorForm<SubsidyMeasure>, 'today' | 'rules' | 'saving' | 'purchaseDate' | 'setPurchaseDate'>
  outcome: FormOutcome
  /** Fields whose errors the page shows beside the field. */
  fieldsShownInline: readonly string[]
  /** The measure's own fields, between the rule line and the purchase date. */
  children: ReactNode
}

/** One calculator page: the rule in force on the purchase date, the measure's fields, the date, the answer. */
export function CalculatorLayout(props: CalculatorLayoutProps) {
  const { title, measure, form, outcome, fieldsShownInline, children } = props
  const { today, rules, saving, purchaseDate, setPurchaseDate: onPurchaseDateChange } = form
  const inForce = findRuleSetForDate(today, rules.ruleSets)
  return (
    <PageShell label={title}>
      <View className='card'>
        <MeasureRuleLine
          measure={measure}
          date={purchaseDate}
          today={today}
          onDateChange={onPurchaseDateChange}
          ruleSets={rules.ruleSets}
        />
        {children}
        <PurchaseDateField value={purchaseDate} onChange={onPurchaseDateChange} today={today} ruleSets={rules.ruleSets} measures={[measure]} />
        {/* 截止前提醒 for the measure's rule set in force today; with a quote, the quote offers it. */}
        {outcome.kind !== 'quote' && inForce && measureSummary(measure, today, { ruleSets: rules.ruleSets }).available ? (
          <DeadlineReminder ruleSetId={inForce.id} title={inForce.title} lastDay={inForce.effective.to} />
        ) : null}
      </View>
      <QuoteResult outcome={outcome} today={today} fieldsShownInline={fieldsShownInline} saving={saving} rules={rules} />
    </PageShell>
  )
}
