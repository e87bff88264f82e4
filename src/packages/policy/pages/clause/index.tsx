import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { PageShell } from '../../../../components/page-shell'
import { StatusBadge } from '../../../../components/status-badge'
import { POLICY_CLAUSES } from '../../../../domain/policy/clauses'

/** 政策原文: the consumer clauses, verbatim; `?id=十四` scrolls nothing away, it opens that clause first. */
export default function ClausePage() {
  const { params } = useRouter()
  const requested = decodeURIComponent(params.id ?? '')
  const ordered = [...POLICY_CLAUSES].sort((a, b) => Number(b.id === requested) - Number(a.id === requested))
  return (
    <PageShell label='政策原文'>
      {ordered.map((clause) => (
        <View key={clause.id} className='card' id={`clause-${clause.id}`}>
          <View className='title'>
            {clause.label}
            {clause.title}
          </View>
          <View className='caption'>
            {clause.document} · {clause.section}
          </View>
          <Text style={{ display: 'block', margin: '12px 0', whiteSpace: 'pre-wrap' }}>{clause.text}</Text>
          {clause.headlines.map((headline) => (
            <View key={headline.label} className='caption'>
              {headline.label}：{headline.display} <StatusBadge status={headline.status} />
            </View>
          ))}
        </View>
      ))}
    </PageShell>
  )
}
