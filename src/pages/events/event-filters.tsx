import { Text, View } from '@tarojs/components'
import type { EventFilters } from '@/domain/events/calendar'
import { EVENT_TYPE_LABEL, EVENT_TYPES, type EventType } from '@/domain/events/event-basics'
import { COUNTIES, QUZHOU_CITY_CODE, type CountyCode } from '@/domain/events/places'
import { EVENT_TYPE_MARK } from '@/components/event-format'
import { Chip } from '@/components/chip'
import { Pressable } from '@/components/pressable'

const COUNTY_CHOICES = COUNTIES.filter((county) => county.code !== QUZHOU_CITY_CODE)

const ADMISSION_CHOICES: ReadonlyArray<{ value: boolean | undefined; title: string }> = [
  { value: undefined, title: '不限' },
  { value: true, title: '免费' },
  { value: false, title: '收费' },
]

export function activeFilterCount(filters: EventFilters): number {
  return (filters.types?.length ?? 0) + (filters.counties?.length ?? 0) + (filters.free === undefined ? 0 : 1)
}

export interface EventFilterPanelProps {
  filters: EventFilters
  onChange: (filters: EventFilters) => void
}

/**
 * Type (several), county and free/paid. A city-wide event shows under every county (the domain's
 * rule), so the county choices are the six divisions only.
 */
export function EventFilterPanel({ filters, onChange }: EventFilterPanelProps) {
  const types = filters.types ?? []
  const county = filters.counties?.[0] ?? null
  const toggleType = (type: EventType) =>
    onChange({ ...filters, types: types.includes(type) ? types.filter((item) => item !== type) : [...types, type] })
  const chooseCounty = (code: CountyCode | null) => onChange({ ...filters, counties: code ? [code] : [] })
  return (
    <View className='event-filters' id='event-filters'>
      <View className='event-filters__group' role='group' aria-label='活动类型，可多选'>
        <View className='event-filters__label'>活动类型（可多选）</View>
        <View className='event-filters__chips'>
          {EVENT_TYPES.map((type) => (
            <Chip key={type} role='checkbox' label={EVENT_TYPE_LABEL[type]} checked={types.includes(type)} onPress={() => toggleType(type)}>
              <Text className={`event-mark--${type}`} aria-hidden>
                {EVENT_TYPE_MARK[type]}
              </Text>
              {EVENT_TYPE_LABEL[type]}
            </Chip>
          ))}
        </View>
      </View>
      <View className='event-filters__group' role='radiogroup' aria-label='区县'>
        <View className='event-filters__label'>区县（全市域活动总会显示）</View>
        <View className='event-filters__chips'>
          <Chip role='radio' label='全部区县' checked={county === null} onPress={() => chooseCounty(null)}>
            全部区县
          </Chip>
          {COUNTY_CHOICES.map((choice) => (
            <Chip
              key={choice.code}
              role='radio'
              label={choice.name}
              checked={county === choice.code}
              onPress={() => chooseCounty(choice.code)}
            >
              {choice.name}
            </Chip>
          ))}
        </View>
      </View>
      <View className='event-filters__group' role='radiogroup' aria-label='是否免费'>
        <View className='event-filters__label'>是否免费</View>
        <View className='event-filters__chips'>
          {ADMISSION_CHOICES.map((choice) => (
            <Chip
              key={choice.title}
              role='radio'
              label={choice.value === undefined ? '免费收费不限' : `只看${choice.title}`}
              checked={filters.free === choice.value}
              onPress={() => onChange({ ...filters, free: choice.value })}
            >
              {choice.title}
            </Chip>
          ))}
        </View>
      </View>
      {activeFilterCount(filters) > 0 ? (
        <Pressable className='button button--secondary' onPress={() => onChange({})}>
          清除全部筛选
        </Pressable>
      ) : null}
    </View>
  )
}
