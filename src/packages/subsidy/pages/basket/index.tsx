import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { LinkCard } from '@/components/link-card'
import { PageShell } from '@/components/page-shell'
import { Pressable } from '@/components/pressable'
import { StatusBadge } from '@/components/status-badge'
import { formatFen } from '@/domain/money'
import { MEASURE_LABEL } from '@/domain/policy/subsidy-vocabulary'
import { CALCULATOR_ROUTE } from '@/pages/subsidy/subsidy-measures'
import type { RouteKey } from '@/routes'
import { navigate } from '@/services/navigation'
import { useSubsidyBasketStore, type BasketEntry } from '@/store/subsidy-basket'
import { viewBasket, type BasketRow } from '@/packages/subsidy/basket-view'
import { RuleDataNote } from '@/packages/subsidy/components/rule-data-note'
import { useRuleSets } from '@/packages/subsidy/use-rule-sets'
import '@/packages/subsidy/subsidy.scss'

const ADD_LINKS: ReadonlyArray<{ key: RouteKey; title: string }> = [
  { key: 'subsidy-appliance', title: '家电' },
  { key: 'subsidy-furniture', title: '家居' },
  { key: 'subsidy-digital', title: '数码' },
  { key: 'subsidy-car', title: '汽车' },
  { key: 'subsidy-ebike', title: '电动自行车' },
  { key: 'subsidy-renovation', title: '家装' },
]

/** 购物清单: several purchases, each subsidy and the total, with per-person limits explained. */
export default function BasketPage() {
  const entries = useSubsidyBasketStore((state) => state.entries)
  const removeEntry = useSubsidyBasketStore((state) => state.removeEntry)
  const restoreEntry = useSubsidyBasketStore((state) => state.restoreEntry)
  const [removed, setRemoved] = useState<{ entry: BasketEntry; position: number; label: string } | null>(null)
  const rules = useRuleSets()
  const view = viewBasket(entries, rules.ruleSets)

  const remove = (row: BasketRow) => {
    removeEntry(row.entry.id)
    setRemoved({ entry: row.entry, position: row.position, label: row.quote?.itemLabel ?? MEASURE_LABEL[row.entry.input.measure] })
  }

  return (
    <PageShell label='购物清单'>
      <View className='card subsidy-basket__total' aria-live='polite'>
        <View className='title'>购物清单合计可补贴</View>
        <View className='amount'>{formatFen(view.totalFen)}</View>
        <View className='caption'>
          共 {entries.length} 项{view.conflictCount > 0 ? `，其中 ${view.conflictCount} 项超出每人限额` : ''}。清单只存在这台手机上。
        </View>
        <RuleDataNote rules={rules} />
      </View>

      {removed ? (
        <View className='card' role='status'>
          <View>已删除：{removed.label}</View>
          <Pressable
            className='button button--secondary'
            onPress={() => {
              restoreEntry(removed.entry, removed.position)
              setRemoved(null)
            }}
          >
            撤销删除
          </Pressable>
        </View>
      ) : null}

      {entries.length === 0 ? (
        <View className='card'>
          <View className='title'>清单还是空的</View>
          <View className='caption'>
            在任一计算器里算好后点“加入购物清单”，这里会把几件东西一起算，并检查每人限额（比如冰箱每人 1 台）。
          </View>
        </View>
      ) : (
        <View className='card'>
          <View className='caption'>每人限额按加入的先后计算：先加入的先占名额。</View>
          {view.rows.map((row) => (
            <BasketItem
              key={row.entry.id}
              row={row}
              onEdit={() => navigate(CALCULATOR_ROUTE[row.entry.input.measure], { edit: row.entry.id })}
              onRemove={() => remove(row)}
            />
          ))}
        </View>
      )}

      <LinkCard
        title='再加一件'
        listClassName='subsidy-links'
        links={ADD_LINKS.map((link) => ({ key: link.key, text: link.title, label: `去算${link.title}补贴`, onPress: () => navigate(link.key) }))}
      />
    </PageShell>
  )
}

function BasketItem({ row, onEdit, onRemove }: { row: BasketRow; onEdit: () => void; onRemove: () => void }) {
  const number = row.position + 1
  const name = row.quote ? `${row.quote.measureLabel}：${row.quote.itemLabel}` : MEASURE_LABEL[row.entry.input.measure]
  return (
    <View className='subsidy-basket__item' role='group' aria-label={`第 ${number} 项：${name}`}>
      <View className='subsidy-basket__head'>
        <Text className='subsidy-basket__name'>
          {number}. {name}
        </Text>
        <Text className='subsidy-basket__amount'>
          {row.quote
            ? row.quote.eligible
              ? formatFen(row.quote.amountFen)
              : row.quote.unpublished
                ? '规则待公布'
                : '不能补贴'
            : '信息不完整'}
        </Text>
      </View>
      {row.quote ? (
        <View className='caption'>
          售价 {formatFen(row.quote.priceFen)} · {row.quote.purchaseDate} 购买{' '}
          {row.quote.ruleSetTitle ? <StatusBadge status={row.quote.provisional ? 'provisional' : 'confirmed'} /> : '· 无适用规则'}
        </View>
      ) : null}
      {row.conflictsWith.length > 0 && row.quote ? (
        <View className='subsidy-basket__conflict' role='note'>
          ⚠ 与第 {row.conflictsWith.map((index) => index + 1).join('、')} 项冲突：{row.quote.reasons[0]}
        </View>
      ) : row.quote && !row.quote.eligible ? (
        <View className='caption'>原因：{row.quote.reasons[0]}</View>
      ) : row.quote?.working ? (
        <View className='caption'>{row.quote.working.text}</View>
      ) : null}
      {row.error ? <View className='error-text'>✗ {row.error}</View> : null}
      <View className='subsidy-basket__actions'>
        <Pressable className='button button--secondary' label={`修改第 ${number} 项`} onPress={onEdit}>
          修改
        </Pressable>
        <Pressable className='button button--secondary' label={`删除第 ${number} 项`} onPress={onRemove}>
          删除
        </Pressable>
      </View>
    </View>
  )
}
