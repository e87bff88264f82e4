import { View } from '@tarojs/components'
import { Pressable } from '@/components/pressable'
import { POLICY_CLAUSES } from '@/domain/policy/clauses'
import { navigate } from '@/services/navigation'
import { HomeSection } from './section'

/** 政策依据: one line per clause of 衢政发〔2025〕4号 the app rests on, each opening its text. */
export function PolicyLinks() {
  return (
    <HomeSection title='政策依据'>
      <View className='caption'>{POLICY_CLAUSES[0].document}</View>
      {POLICY_CLAUSES.map((clause) => (
        <Pressable
          key={clause.id}
          className='home-clause'
          role='link'
          label={`阅读${clause.label}${clause.title}政策原文`}
          onPress={() => void navigate('policy-clause', { id: clause.id })}
        >
          <View className='home-clause__title'>
            {clause.label}
            {clause.title}
          </View>
          <View className='home-clause__more' aria-hidden>
            原文 ›
          </View>
        </Pressable>
      ))}
    </HomeSection>
  )
}
