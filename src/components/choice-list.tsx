import { Text, View } from '@tarojs/components'
import { Pressable } from './pressable'
import './choice-list.scss'

export interface ChoiceOption<Value extends string | number> {
  value: Value
  title: string
  /** Plain words under the title: how to tell this option from the others. */
  caption?: string
}

export interface ChoiceListProps<Value extends string | number> {
  /** Name of the question, shown above the options and spoken for the group. */
  label: string
  options: readonly ChoiceOption<Value>[]
  /** null while nothing is chosen. */
  value: Value | null
  onChange: (value: Value) => void
  /** 'cards': one option per line with its caption; 'segmented': short options side by side. */
  variant?: 'cards' | 'segmented'
  /** Hide the visible label when the surrounding card already says it (it is still spoken). */
  hideLabel?: boolean
}

/**
 * Choose one of a few options, all visible at once (no pop-up, which 适老化 asks to avoid). The
 * chosen option says so in words and shape (● 已选 and a thicker border), never colour alone.
 */
export function ChoiceList<Value extends string | number>({
  label,
  options,
  value,
  onChange,
  variant = 'cards',
  hideLabel = false,
}: ChoiceListProps<Value>) {
  return (
    <View className={`choice-list choice-list--${variant}`} role='radiogroup' aria-label={label}>
      {hideLabel ? null : <View className='choice-list__label'>{label}</View>}
      <View className='choice-list__options'>
        {options.map((option) => {
          const selected = option.value === value
          return (
            <Pressable
              key={String(option.value)}
              className={`choice-list__option ${selected ? 'choice-list__option--selected' : ''}`}
              role='radio'
              checked={selected}
              label={option.caption ? `${option.title}：${option.caption}` : option.title}
              onPress={() => onChange(option.value)}
            >
              <Text className='choice-list__mark'>{selected ? '●' : '○'}</Text>
              <View className='choice-list__body'>
                <View className='choice-list__title'>{option.title}</View>
                {option.caption ? <View className='choice-list__caption'>{option.caption}</View> : null}
              </View>
              {selected && variant === 'cards' ? <Text className='choice-list__state'>已选</Text> : null}
            </Pressable>
          )
        })}
      </View>
    </View>
  )
}
