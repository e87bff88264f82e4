import { View } from '@tarojs/components'
import { Pressable } from '@/components/pressable'
import { navigate } from '@/services/navigation'
import type { NoticeSection } from '../notices'

/** A list of entries, each a bold first line and plain lines under it, read as a list. */
export function EntryList({ entries }: { entries: readonly { head: string; lines: readonly string[] }[] }) {
  return (
    <View role='list' className='notice__items'>
      {entries.map((entry) => (
        <View key={entry.head} role='listitem' className='notice__item'>
          <View className='notice__what'>{entry.head}</View>
          {entry.lines.map((line) => (
            <View key={line} className='notice__line'>
              {line}
            </View>
          ))}
        </View>
      ))}
    </View>
  )
}

/** A notice (隐私政策, 用户协议) as headed sections: plain paragraphs, and what/why/how-long lists. */
export function NoticeView({ sections }: { sections: readonly NoticeSection[] }) {
  return (
    <>
      {sections.map((section) => (
        <View key={section.heading} className='card notice' role='region' aria-label={section.heading}>
          <View className='title' role='heading' aria-level={2}>
            {section.heading}
          </View>
          {section.intro ? <View className='notice__paragraph'>{section.intro}</View> : null}
          {section.items ? <EntryList entries={section.items.map((item) => ({ head: item.what, lines: [`用途：${item.why}`, `保存：${item.kept}`] }))} /> : null}
          {section.paragraphs?.map((text) => (
            <View key={text} className='notice__paragraph'>
              {text}
            </View>
          ))}
        </View>
      ))}
    </>
  )
}

const INFO_LINKS = [
  { key: 'info-privacy', text: '隐私政策' },
  { key: 'info-terms', text: '用户协议' },
  { key: 'info-about', text: '关于衢惠通' },
  { key: 'info-feedback', text: '意见反馈' },
] as const

/** Links to the other info pages (all but the one shown). */
export function InfoLinks({ except }: { except?: (typeof INFO_LINKS)[number]['key'] }) {
  return (
    <View className='row'>
      {INFO_LINKS.filter((link) => link.key !== except).map((link) => (
        <Pressable key={link.key} className='button button--secondary' role='link' onPress={() => navigate(link.key)}>
          {link.text}
        </Pressable>
      ))}
    </View>
  )
}
