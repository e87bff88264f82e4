import { Picker, Text, View } from '@tarojs/components'
import { formatChineseDate } from '../domain/time/date-picks'
import { isValidDate } from '../domain/time'
import { DateQuickPicks } from './date-quick-picks'
import type { DateFieldProps } from './date-field-props'
import './date-field.scss'

export type { DateFieldProps } from './date-field-props'

/**
 * A date in the mini-program: WeChat's own date picker (a system sheet that follows the phone's
 * font size and is read by TalkBack/VoiceOver), opened from a field that says the date in words,
 * plus the same one-tap picks as H5 (date-field.tsx), which need no sheet at all.
 */
export function DateField({ label, value, onChange, start, end, hint, quickPicks = [] }: DateFieldProps) {
  const said = `${isValidDate(value) ? formatChineseDate(value) : '未选择'}${hint ? `（${hint}）` : ''}`
  return (
    <View className='date-field'>
      <View className='date-field__label'>{label}</View>
      <Picker mode='date' value={value} start={start} end={end} onChange={(event) => onChange(String(event.detail.value))}>
        <View className='date-field__value' role='button' aria-label={`${label}：${said}，点按更改`}>
          <Text className='date-field__date'>{said}</Text>
          <Text className='date-field__action'>更改</Text>
        </View>
      </Picker>
      <DateQuickPicks label={label} picks={quickPicks} value={value} start={start} end={end} onChange={onChange} />
    </View>
  )
}
