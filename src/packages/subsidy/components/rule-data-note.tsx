import { View } from '@tarojs/components'
import { formatFetchedAt } from '@/components/event-format'
import type { RuleSetsInUse } from '../use-rule-sets'

function whoseData(rules: RuleSetsInUse): string {
  const { applied } = rules
  if (applied) {
    const when = Number.isNaN(Date.parse(applied.updatedAt)) ? '' : ` ${formatFetchedAt(Date.parse(applied.updatedAt))}`
    return `补贴数据：运营方更新于${when}${applied.note ? `（${applied.note}）` : ''}`
  }
  if (rules.checking) return '补贴数据：应用内置（正在检查运营方有没有更新）'
  if (rules.offline) return '补贴数据：应用内置（暂时连不上服务器，无法检查运营方更新）'
  if (rules.rejected) return '补贴数据：应用内置（运营方发布的更新与本版本不符，暂未采用）'
  return '补贴数据：应用内置'
}

/**
 * Whose data answered — the operator's update (with its date) or the data built into the app — so a
 * resident comparing with a notice or a shop can tell why a figure differs; and, offline, how old
 * the stored copy is (ARCHITECTURE.md: offline data shows its date).
 */
export function RuleDataNote({ rules }: { rules: RuleSetsInUse }) {
  return (
    <View className='caption subsidy-data-note'>
      {whoseData(rules)}
      {rules.storedCopyFrom !== null ? `。网络不可用，用的是 ${formatFetchedAt(rules.storedCopyFrom)} 保存的数据` : ''}
    </View>
  )
}
