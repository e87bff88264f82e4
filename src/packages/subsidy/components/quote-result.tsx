import { Text, View } from '@tarojs/components'
import { Pressable } from '@/components/pressable'
import { StatusBadge } from '@/components/status-badge'
import { POLICY_CLAUSES, type ClauseId } from '@/domain/policy/clauses'
import { formatFen } from '@/domain/money'
import { ESTIMATE_NOTE, type QuoteSource, type SubsidyQuote } from '@/domain/subsidy/quote-subsidy'
import { navigate } from '@/services/navigation'
import type { FormOutcome } from '../quote-form'
import type { BasketSaving } from '../use-basket-saving'
import type { RuleSetsInUse } from '../use-rule-sets'
import { RuleDataNote } from './rule-data-note'
import { UnpublishedRule } from './unpublished-rule'
import { DeadlineReminder } from '@/components/deadline-reminder'
import { findRuleSetById } from '@/domain/policy/subsidy-rule-sets'

export interface QuoteResultProps {
  outcome: FormOutcome
  /** Today in Shanghai: a deadline before it is said to be over. */
  today: string
  /** Fields whose errors show beside the field itself; others are shown here. */
  fieldsShownInline?: readonly string[]
  saving?: BasketSaving
  /** Replaces the heading, e.g. '报废更新'. */
  title?: string
  /** The rule sets the quote was made with, for whose data answered. */
  rules: RuleSetsInUse
}

const isClauseId = (clause: string): clause is ClauseId => POLICY_CLAUSES.some((item) => item.id === clause)

/**
 * The answer of a calculator, updated as the person types: the amount, the working, why, the rule
 * set and its status, figures still 待官方确认, and the source clause to read.
 */
export function QuoteResult({ outcome, today, fieldsShownInline = [], saving, title = '能补贴多少', rules }: QuoteResultProps) {
  if (outcome.kind === 'incomplete') {
    return (
      <View className='card subsidy-result' aria-live='polite'>
        <View className='title'>{title}</View>
        <View className='subsidy-result__pending'>还差：{outcome.missing.join('、')}</View>
        <View className='caption'>填好后马上算出补贴金额。</View>
      </View>
    )
  }
  if (outcome.kind === 'invalid') {
    const inline = outcome.error.field !== undefined && fieldsShownInline.includes(outcome.error.field)
    return (
      <View className='card subsidy-result' aria-live='polite'>
        <View className='title'>{title}</View>
        {inline ? (
          <View className='subsidy-result__pending'>请先改正上面标出的内容</View>
        ) : (
          <View className='error-text subsidy-result__error' role='alert'>
            ✗ {outcome.error.message}
          </View>
        )}
      </View>
    )
  }
  const { quote } = outcome
  return (
    <View className='card subsidy-result' aria-live='polite'>
      <View className='title'>{title}</View>
      <QuoteAmount quote={quote} />
      {quote.working ? (
        <ResultSection heading='怎么算的'>
          <Text className='subsidy-result__working'>{quote.working.text}</Text>
        </ResultSection>
      ) : null}
      {quote.capNote ? (
        <ResultSection heading='封顶'>
          <View>{quote.capNote}</View>
        </ResultSection>
      ) : null}
      {quote.unpublished ? (
        <UnpublishedRule measure={quote.measure} text={quote.unpublished.text} source={quote.unpublished.source} />
      ) : (
        <ResultSection heading={quote.eligible ? '为什么' : '为什么不能补贴'}>
          <ReasonList reasons={quote.reasons.filter((reason) => reason !== ESTIMATE_NOTE)} />
        </ResultSection>
      )}
      <RuleSetLine quote={quote} today={today} rules={rules} />
      <ProvisionalFigures quote={quote} />
      <QuoteSources sources={quote.sources} />
      {saving && quote.eligible && quote.amountFen > 0 ? <SaveToBasket saving={saving} input={outcome.input} /> : null}
    </View>
  )
}

/**
 * The verdict and the amount. A rule not yet published is 待公布, not ✗ and not ¥0: nobody knows
 * the amount yet. Every amount is an estimate (以实际核销为准), said right under it.
 */
export function QuoteAmount({ quote }: { quote: SubsidyQuote }) {
  const verdict = quote.eligible ? 'yes' : quote.unpublished ? 'pending' : 'no'
  return (
    <View className='subsidy-amount'>
      <View className={`subsidy-amount__verdict subsidy-amount__verdict--${verdict}`}>
        {verdict === 'yes' ? '✓ 可以补贴' : verdict === 'pending' ? '⚠ 规则待公布' : '✗ 不能补贴'}
      </View>
      <View className='amount'>{verdict === 'pending' ? '金额待公布' : formatFen(quote.amountFen)}</View>
      <View className='caption'>
        {quote.itemLabel} · 售价 {formatFen(quote.priceFen)} · {quote.purchaseDate} 购买
      </View>
      <View className='caption subsidy-amount__estimate'>{ESTIMATE_NOTE}</View>
    </View>
  )
}

function ResultSection({ heading, children }: { heading: string; children: React.ReactNode }) {
  return (
    <View className='subsidy-section'>
      <View className='subsidy-section__heading'>{heading}</View>
      {children}
    </View>
  )
}

export function ReasonList({ reasons }: { reasons: readonly string[] }) {
  return (
    <View className='subsidy-reasons'>
      {reasons.map((reason) => (
        <View key={reason} className='subsidy-reasons__item'>
          <Text className='subsidy-reasons__mark' aria-hidden>
            •
          </Text>
          <Text>{reason}</Text>
        </View>
      ))}
    </View>
  )
}

/** No badge beside "no rule": there is nothing to be confirmed about a rule that is not there. */
/** 截止前提醒 on a quote: the rule set it was quoted under, counted back from that set's last day. */
function QuoteDeadlineReminder({ quote, rules }: { quote: SubsidyQuote; rules: RuleSetsInUse }) {
  const ruleSet = findRuleSetById(quote.ruleSetId, rules.ruleSets)
  if (!ruleSet) return null
  return <DeadlineReminder ruleSetId={ruleSet.id} title={ruleSet.title} lastDay={ruleSet.effective.to} />
}

function RuleSetLine({ quote, today, rules }: { quote: SubsidyQuote; today: string; rules: RuleSetsInUse }) {
  return (
    <ResultSection heading='适用规则'>
      <View>
        {quote.ruleSetTitle ? (
          <>
            {quote.ruleSetTitle} <StatusBadge status={quote.unpublished ? 'unknown' : quote.provisional ? 'provisional' : 'confirmed'} />
          </>
        ) : quote.unpublished ? (
          <>
            购买日期的补贴规则尚未公布 <StatusBadge status='unknown' />
          </>
        ) : (
          '购买日期没有适用的补贴规则'
        )}
      </View>
      {quote.deadline ? (
        <View className='caption'>
          截止日期 {quote.deadline}
          {quote.deadline < today ? '（已结束）' : ''}
        </View>
      ) : null}
      {quote.ruleSetTitle && !quote.unpublished ? <QuoteDeadlineReminder quote={quote} rules={rules} /> : null}
      <RuleDataNote rules={rules} />
    </ResultSection>
  )
}

function ProvisionalFigures({ quote }: { quote: SubsidyQuote }) {
  if (quote.provisionalFigures.length === 0) return null
  return (
    <ResultSection heading='这些数值待官方确认'>
      {quote.provisionalFigures.map((figure) => (
        <View key={`${figure.clause}-${figure.label}`} className='subsidy-figure'>
          <View>
            {figure.label}：{figure.display} <StatusBadge status={figure.status} />
          </View>
          <View className='caption'>
            来源：{figure.source}
            {figure.note ? `。${figure.note}` : ''}
          </View>
        </View>
      ))}
    </ResultSection>
  )
}

/** The documents behind a quote: a city clause opens the policy page; others are shown here. */
export function QuoteSources({ sources }: { sources: readonly QuoteSource[] }) {
  if (sources.length === 0) return null
  return (
    <ResultSection heading='政策依据'>
      {sources.map((source) => (
        <View key={source.clause} className='subsidy-source'>
          {isClauseId(source.clause) ? (
            <Pressable
              className='subsidy-source__link'
              role='link'
              label={`阅读政策原文：${source.title}`}
              onPress={() => navigate('policy-clause', { id: source.clause })}
            >
              <View className='link'>{source.title}</View>
              <View className='caption'>点按阅读原文 ›</View>
            </Pressable>
          ) : (
            <View>
              <View className='subsidy-source__title'>{source.title}</View>
              <Text className='caption subsidy-source__text'>
                {source.verbatim ? '' : '（要点转述，非原文）'}
                {source.text}
              </Text>
            </View>
          )}
        </View>
      ))}
    </ResultSection>
  )
}

function SaveToBasket({ saving, input }: { saving: BasketSaving; input: Parameters<BasketSaving['save']>[0] }) {
  const notice = saving.noticeFor(input)
  return (
    <View className='subsidy-save'>
      <Pressable className='button' onPress={() => saving.save(input)}>
        {saving.editing ? '保存修改' : '加入购物清单'}
      </Pressable>
      {notice ? (
        <View className='subsidy-save__notice' role='status'>
          <Text>✓ {notice}</Text>
          <Pressable className='button button--secondary' role='link' onPress={() => navigate('subsidy-basket')}>
            查看购物清单
          </Pressable>
        </View>
      ) : null}
    </View>
  )
}
