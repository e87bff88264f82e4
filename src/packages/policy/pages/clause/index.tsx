import { Text, View } from '@tarojs/components'
import { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { LinkCard } from '@/components/link-card'
import { PageShell } from '@/components/page-shell'
import { Pressable } from '@/components/pressable'
import { StatusBadge } from '@/components/status-badge'
import { POLICY_CLAUSES, type ClauseId, type PolicyClause } from '@/domain/policy/clauses'
import type { RouteKey } from '@/routes'
import { navigate } from '@/services/navigation'
import { routeParam } from '@/services/route-param'
import { scrollToAnchor } from '@/services/platform/scroll'
import { shareMessage, shareTimeline } from '@/services/share'
import './index.scss'

/** Element ids of the clauses, in ASCII: the mini-program's selectors are a subset of CSS. */
const CLAUSE_ANCHOR: Readonly<Record<ClauseId, string>> = { 十四: 'clause-14', 十五: 'clause-15', 二十六: 'clause-26' }

/** Where in the app each clause is put to work, so the reader can go from the text to the help. */
const FEATURE_LINKS: Readonly<Record<PolicyClause['servedBy'], readonly { key: RouteKey; text: string }[]>> = {
  subsidy: [
    { key: 'subsidy', text: '算一算以旧换新补贴' },
    { key: 'subsidy-guide', text: '补贴怎么申请' },
  ],
  'vouchers-events': [
    { key: 'vouchers', text: '领消费券' },
    { key: 'events', text: '看活动日历' },
  ],
  etc: [
    { key: 'etc-car', text: '查我的车能否免费' },
    { key: 'etc-trip', text: '查一趟行程是否免费' },
  ],
}

// Focus lands on a clause after a jump from the contents (H5); it is not a tab stop itself.
const focusTarget: Record<string, unknown> = { tabIndex: -1 }

/**
 * 政策原文: the consumer clauses, verbatim. `?id=十四` opens that clause first; the contents at the
 * top jump to any clause, and each clause ends with the parts of the app that serve it.
 */
export default function ClausePage() {
  const { params } = useRouter()
  const requested = routeParam(params, 'id') ?? ''
  const ordered = [...POLICY_CLAUSES].sort((a, b) => Number(b.id === requested) - Number(a.id === requested))
  const shown = POLICY_CLAUSES.find((clause) => clause.id === requested)
  const share = () => shareMessage('policy-clause', shown ? `政策原文：${shown.label}${shown.title}` : '衢州促消费政策原文', { id: shown?.id })
  useShareAppMessage(share)
  useShareTimeline(() => shareTimeline(share()))
  return (
    <PageShell label='政策原文'>
      <LinkCard
        title='本页条款'
        navigation
        listClassName='clause-toc'
        itemClassName='clause-toc__item'
        links={ordered.map((clause) => ({
          key: clause.id,
          text: (
            <>
              {clause.label}
              {clause.title}
            </>
          ),
          label: `跳到${clause.label}${clause.title}`,
          onPress: () => scrollToAnchor(CLAUSE_ANCHOR[clause.id]),
        }))}
      />
      {ordered.map((clause) => (
        <View
          key={clause.id}
          className='card'
          id={CLAUSE_ANCHOR[clause.id]}
          role='region'
          aria-label={`${clause.label}${clause.title}`}
          {...focusTarget}
        >
          <View className='title' role='heading' aria-level={2}>
            {clause.label}
            {clause.title}
          </View>
          <View className='caption'>
            {clause.document} · {clause.section}
          </View>
          <Text className='clause-text'>{clause.text}</Text>
          {clause.headlines.map((headline) => (
            <View key={headline.label} className='caption'>
              {headline.label}：{headline.display} <StatusBadge status={headline.status} />
            </View>
          ))}
          <View className='clause-features'>
            {FEATURE_LINKS[clause.servedBy].map((link) => (
              <Pressable key={link.key} className='button button--secondary' role='link' onPress={() => navigate(link.key)}>
                {link.text}
              </Pressable>
            ))}
          </View>
        </View>
      ))}
    </PageShell>
  )
}
