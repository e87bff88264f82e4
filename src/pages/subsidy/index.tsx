import { useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useMemo } from 'react'
import { ClauseCard } from '@/components/clause-card'
import { PageShell } from '@/components/page-shell'
import { DeadlineReminder } from '@/components/deadline-reminder'
import { PublishedReminderOffer } from '@/components/published-reminder-offer'
import { Pressable } from '@/components/pressable'
import { formatFetchedAt } from '@/components/event-format'
import { StatusBadge } from '@/components/status-badge'
import { overviewOn, type MeasureOnDate } from '@/domain/subsidy/subsidy-overview'
import { SUBSIDY_OVERVIEW } from '@/domain/subsidy/subsidy-overview-snapshot'
import { todayInShanghai } from '@/domain/time'
import { servedSubsidyOverview } from '@/services/api/policy'
import { navigate } from '@/services/navigation'
import { usePolicy } from '@/store/policy'
import { useSubsidyBasketStore } from '@/store/subsidy-basket'
import { CALCULATOR_ROUTE } from './subsidy-measures'
import { shareMessage, shareTimeline } from '@/services/share'
import './index.scss'

/**
 * 补贴: every measure of clause (十四) as in force today — headline, status, deadline — and, for a
 * measure with no rule today, what it paid when it last ran. Each links to its calculator, where a
 * purchase date in an earlier year applies that year's rules.
 *
 * The tab is in the main package, so it reads the light overview (a few KB of headlines built from
 * the rule sets and checked against them by test) rather than the rule data and quote engine,
 * which load with the calculators' subpackage. The server builds the same overview from the rule
 * sets in force, so an operator's override reaches the tab; offline with no stored copy, the
 * bundled snapshot answers.
 */
export default function SubsidyPage() {
  // 转发 and 朋友圈 (routes.ts share: 'friends+timeline'); nothing personal in the path.
  const share = () => shareMessage('subsidy', '衢州以旧换新补贴：买之前算一算能补多少')
  useShareAppMessage(share)
  useShareTimeline(() => shareTimeline(share()))
  const today = todayInShanghai()
  // Offline, the stored copy answers; with none, the bundled snapshot stays.
  const { data: policy } = usePolicy()
  const served = useMemo(() => (policy ? servedSubsidyOverview(policy) : null), [policy])
  const view = overviewOn(today, served ? served.ruleSets : SUBSIDY_OVERVIEW)
  const basketCount = useSubsidyBasketStore((state) => state.entries.length)

  return (
    <PageShell label='以旧换新补贴'>
      <View className='card'>
        <View className='title'>今天（{today}）适用的规则</View>
        {view.ruleSet ? (
          <View>
            {view.ruleSet.title} <StatusBadge status={view.ruleSet.status} />
          </View>
        ) : (
          <View>
            {view.ended.length > 0 ? '今天适用的以旧换新补贴规则尚未公布' : '今天没有生效的以旧换新补贴规则'}
            {view.ended.length > 0 ? <StatusBadge status='unknown' /> : null}
          </View>
        )}
        {view.ended.map((ruleSet) => (
          <View key={ruleSet.id} className='caption'>
            {ruleSet.title}已于 {ruleSet.to} 结束。
          </View>
        ))}
        {view.ruleSet ? <DeadlineReminder ruleSetId={view.ruleSet.id} title={view.ruleSet.title} lastDay={view.ruleSet.to} /> : null}
        <View className='caption'>补贴按购买日期适用当时的规则；在计算器里选以前的日期，可以看当时的规则和金额。</View>
        <View className='caption'>
          补贴数据：{served && served.updatedAt ? `运营方更新于 ${formatFetchedAt(Date.parse(served.updatedAt))}` : '应用内置'}
        </View>
      </View>

      <View className='subsidy-tab__links'>
        <Pressable
          className='card subsidy-tab__link'
          role='link'
          label={`购物清单，${basketCount} 项`}
          onPress={() => navigate('subsidy-basket')}
        >
          <View className='title'>购物清单</View>
          <View className='caption'>{basketCount > 0 ? `已有 ${basketCount} 项，看合计` : '几件一起算'}</View>
        </Pressable>
        <Pressable className='card subsidy-tab__link' role='link' label='怎么申请' onPress={() => navigate('subsidy-guide')}>
          <View className='title'>怎么申请</View>
          <View className='caption'>渠道、步骤、材料</View>
        </Pressable>
      </View>

      {view.measures.map((measure) => (
        <MeasureCard key={measure.measure} measure={measure} ruleSetTitle={view.ruleSet?.title ?? ''} />
      ))}

      <ClauseCard id='十四' />
    </PageShell>
  )
}

/**
 * One measure: ✓ with today's headline; 待公布 when its rule for today has not been published (2026
 * 家居, 电动自行车, 家装) — unknown, never ✗ — with where that was read and what it paid before;
 * ✗ only when the data says the measure has no rule today.
 */
function MeasureCard({ measure, ruleSetTitle }: { measure: MeasureOnDate; ruleSetTitle: string }) {
  const { current, past, label, unpublished } = measure
  const pastYear = past?.measure.to?.slice(0, 4)
  const state = current ? 'on' : unpublished ? 'pending' : 'off'
  return (
    <View className='card' role='group' aria-label={label}>
      <View className='subsidy-tab__head'>
        <View className='title'>{label}</View>
        <View className={`subsidy-tab__state subsidy-tab__state--${state}`}>
          {state === 'on' ? '✓ 可以申请' : state === 'pending' ? '⚠ 待公布' : '✗ 现在没有'}
        </View>
      </View>
      {current ? (
        <View>
          <View className='subsidy-tab__headline'>{current.headline}</View>
          <View>
            <StatusBadge status={current.status} />
          </View>
          {current.details.map((detail) => (
            <View key={detail} className='caption'>
              {detail}
            </View>
          ))}
          <View>
            截止 {current.to ?? '未公布'}
            {current.periodStatus === 'confirmed' ? null : ' '}
            {current.periodStatus === 'confirmed' ? null : <StatusBadge status={current.periodStatus} />}
          </View>
          <View className='caption'>适用：{ruleSetTitle}</View>
        </View>
      ) : (
        <View>
          {unpublished ? (
            <View>
              <View>
                {unpublished.text} <StatusBadge status='unknown' />
              </View>
              <View className='caption'>依据：{unpublished.source}</View>
              <PublishedReminderOffer topic={measure.measure} />
            </View>
          ) : (
            <View className='caption'>{measure.unavailableReason}。</View>
          )}
          {past ? (
            <View className='subsidy-tab__past'>
              <View>
                {pastYear} 年：{past.measure.headline} <StatusBadge status={past.measure.status} />
              </View>
              <View className='caption'>
                {past.measure.from} 至 {past.measure.to}，已结束
              </View>
            </View>
          ) : null}
        </View>
      )}
      <View className='subsidy-tab__actions'>
        {current || unpublished || !past?.measure.to ? (
          <Pressable className='button' role='link' label={`${label}补贴计算`} onPress={() => navigate(CALCULATOR_ROUTE[measure.measure])}>
            算一算
          </Pressable>
        ) : null}
        {!current && past?.measure.to ? (
          <Pressable
            className={unpublished ? 'button button--secondary' : 'button'}
            role='link'
            label={unpublished ? `${label}按 ${pastYear} 年规则计算` : `${label}补贴计算`}
            onPress={() => navigate(CALCULATOR_ROUTE[measure.measure], { date: past.measure.to! })}
          >
            {`按 ${pastYear} 年规则算`}
          </Pressable>
        ) : null}
        <Pressable
          className='button button--secondary'
          role='link'
          label={`${label}怎么申请`}
          onPress={() => navigate('subsidy-guide', { measure: measure.measure })}
        >
          怎么申请
        </Pressable>
      </View>
    </View>
  )
}
