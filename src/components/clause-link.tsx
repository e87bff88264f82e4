import { navigate } from '../services/navigation'
import { Pressable } from './pressable'

/**
 * 阅读政策原文: opens the clause on the 政策原文 page. Screen readers hear which clause
 * (阅读（二十六）政策原文), since several may be on one screen.
 */
export function ClauseLink({ clauseId, clauseLabel, className }: { clauseId: string; clauseLabel: string; className: string }) {
  return (
    <Pressable
      className={`button button--secondary ${className}`}
      role='link'
      label={`阅读${clauseLabel}政策原文`}
      onPress={() => navigate('policy-clause', { id: clauseId })}
    >
      阅读政策原文
    </Pressable>
  )
}
