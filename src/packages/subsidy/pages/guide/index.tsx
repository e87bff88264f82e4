import { Text, View } from '@tarojs/components'
import { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { useState } from 'react'
import { ChoiceList } from '@/components/choice-list'
import { PageShell } from '@/components/page-shell'
import { Pressable } from '@/components/pressable'
import { StatusBadge } from '@/components/status-badge'
import { SUBSIDY_MEASURES, type SubsidyMeasure } from '@/domain/policy/subsidy-vocabulary'
import { applicationGuide, type GuideEntry } from '@/domain/subsidy/application-guide'
import { quickPurchaseDates } from '@/domain/subsidy/rule-set-periods'
import { todayInShanghai } from '@/domain/time'
import { CALCULATOR_ROUTE, MEASURE_SHORT_LABEL } from '@/pages/subsidy/subsidy-measures'
import { navigate } from '@/services/navigation'
import { routeParam } from '@/services/route-param'
import { RuleDataNote } from '@/packages/subsidy/components/rule-data-note'
import { useRuleSets } from '@/packages/subsidy/use-rule-sets'
import { shareMessage, shareTimeline } from '@/services/share'
import '@/packages/subsidy/subsidy.scss'

const MEASURE_OPTIONS = SUBSIDY_MEASURES.map((measure) => ({ value: measure, title: MEASURE_SHORT_LABEL[measure] }))

const isMeasure = (value: string | undefined): value is SubsidyMeasure => (SUBSIDY_MEASURES as readonly string[]).includes(value ?? '')

/** 怎么申请: channel, steps, materials and deadline of one measure, each line with its status. */
export default function ApplicationGuidePage() {
  const { params } = useRouter()
  const today = todayInShanghai()
  const rules = useRuleSets()
  const quickDates = quickPurchaseDates(today, rules.ruleSets)
  const requested = routeParam(params, 'measure') ?? undefined
  const [measure, setMeasure] = useState<SubsidyMeasure>(isMeasure(requested) ? requested : 'appliance')
  const [date, setDate] = useState(today)
  const guide = applicationGuide(measure, date, { ruleSets: rules.ruleSets })
  // The measure being read, not the date the person picked.
  const share = () => shareMessage('subsidy-guide', `以旧换新怎么申请：${MEASURE_SHORT_LABEL[measure]}`, { measure })
  useShareAppMessage(share)
  useShareTimeline(() => shareTimeline(share()))
  const endedDates = quickDates.filter((quick) => quick.date !== today)

  return (
    <PageShell label='怎么申请'>
      <View className='card'>
        <ChoiceList label='哪一项补贴' options={MEASURE_OPTIONS} value={measure} variant='segmented' onChange={setMeasure} />
        {quickDates.length > 1 ? (
          <ChoiceList
            label='按什么时候买的'
            options={quickDates.map((quick) => ({ value: quick.date, title: quick.label === '今天' ? '现在买' : quick.label }))}
            value={date}
            variant='segmented'
            onChange={setDate}
          />
        ) : null}
      </View>
      <View className='card' aria-live='polite'>
        <View className='title'>{guide.label}：怎么申请</View>
        {guide.ruleSetTitle ? <View className='caption'>依据：{guide.ruleSetTitle}</View> : null}
        <RuleDataNote rules={rules} />
        {guide.deadline ? (
          <View className='subsidy-section'>
            <View className='subsidy-section__heading'>截止日期</View>
            <View>
              {guide.deadline.date ?? '未公布'}
              {guide.deadline.date && guide.deadline.date < today ? '（已结束）' : ''} <StatusBadge status={guide.deadline.status} />
            </View>
          </View>
        ) : null}
        {guide.unavailableReason ? (
          <View className='subsidy-section'>
            <View className='subsidy-measure__none'>
              {guide.available ? '暂无申请指引' : guide.unpublished ? '这项补贴的规则尚未公布（待官方确认）' : '这个时间没有这项补贴'}
            </View>
            <View className='caption'>{guide.unavailableReason}</View>
            {!guide.available && endedDates.length > 0 && date === today ? (
              <View className='caption'>想看以前怎么申请，请在上面选“{endedDates[0].label}”。</View>
            ) : null}
          </View>
        ) : null}
        {guide.channel ? <GuideSection heading='去哪里申请' entries={[guide.channel]} /> : null}
        <GuideSection heading='步骤' entries={guide.steps} numbered />
        <GuideSection heading='要准备的材料' entries={guide.materials} />
        <GuideSection heading='注意' entries={guide.notes} />
        {guide.available ? (
          <Pressable className='button subsidy-measure__go' role='link' onPress={() => navigate(CALCULATOR_ROUTE[measure])}>
            算一算能补多少
          </Pressable>
        ) : null}
      </View>
    </PageShell>
  )
}

function GuideSection({ heading, entries, numbered = false }: { heading: string; entries: readonly GuideEntry[]; numbered?: boolean }) {
  if (entries.length === 0) return null
  return (
    <View className='subsidy-section'>
      <View className='subsidy-section__heading'>{heading}</View>
      {entries.map((entry, index) => (
        <View key={`${index}-${entry.text}`} className='subsidy-guide__line'>
          <Text className='subsidy-guide__number' aria-hidden={!numbered}>
            {numbered ? `${index + 1}.` : '•'}
          </Text>
          <View className='subsidy-guide__text'>
            <View>
              {entry.text} {entry.status === 'confirmed' ? null : <StatusBadge status={entry.status} />}
            </View>
            <View className='caption'>来源：{entry.source}</View>
          </View>
        </View>
      ))}
    </View>
  )
}
