import { View } from '@tarojs/components'
import { Pressable } from '@/components/pressable'

export interface FilterOption<Value extends string> {
  value: Value
  title: string
}

export interface FilterTabsProps<Value extends string> {
  /** Spoken name of the group, e.g. 按状态筛选. */
  label: string
  options: readonly FilterOption<Value>[]
  value: Value
  onChange: (value: Value) => void
}

/** A row of filters; the chosen one says 已选 in its shape and to screen readers (aria-selected). */
export function FilterTabs<Value extends string>({ label, options, value, onChange }: FilterTabsProps<Value>) {
  return (
    <View className='filter-tabs' role='tablist' aria-label={label}>
      {options.map((option) => {
        const selected = option.value === value
        return (
          <Pressable
            key={option.value}
            className={`filter-tabs__tab ${selected ? 'filter-tabs__tab--selected' : ''}`}
            role='tab'
            selected={selected}
            onPress={() => onChange(option.value)}
          >
            {selected ? '● ' : ''}
            {option.title}
          </Pressable>
        )
      })}
    </View>
  )
}
