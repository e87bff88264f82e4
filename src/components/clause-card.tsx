import { Text, View } from '@tarojs/components'
import { ClauseLink } from './clause-link'
import { getClause, type ClauseId } from '../domain/policy/clauses'
import { StatusBadge } from './status-badge'
import './clause-card.scss'

export interface ClauseCardProps {
  id: ClauseId
  /** Show the full clause text under the headlines (for tabs whose feature is this clause). */
  showText?: boolean
}

/** A clause of 衢政发〔2025〕4号 with its headline figures, each marked with its status. */
export function ClauseCard({ id, showText = false }: ClauseCardProps) {
  const clause = getClause(id)
  return (
    <View className='card clause-card'>
      <View className='title'>
        {clause.label}
        {clause.title}
      </View>
      <View className='caption'>
        {clause.document}，{clause.publishedOn} 发布；适用 {clause.effective.from} 至 {clause.effective.to}
      </View>
      <View className='clause-card__headlines'>
        {clause.headlines.map((headline) => (
          <View key={headline.label} className='clause-card__headline'>
            <View className='clause-card__label'>{headline.label}</View>
            <View className='clause-card__display'>{headline.display}</View>
            <StatusBadge status={headline.status} />
          </View>
        ))}
      </View>
      {showText ? <Text className='clause-card__text'>{clause.text}</Text> : null}
      <ClauseLink clauseId={clause.id} clauseLabel={clause.label} className='clause-card__more' />
    </View>
  )
}
