import { Picker, Text, View } from '@tarojs/components'
import './date-field.scss'

export interface DateFieldProps {
  label: string
  /** 'YYYY-MM-DD'. */
  value: string
  onChange: (value: string) => void
  /** Earliest and latest dates offered, 'YYYY-MM-DD'. */
  start?: string
  end?: string
  /** Said after the date, e.g. '今天'. */
  hint?: string
}

/** A date chosen with the platform's date picker (native wheel on weapp, Taro's sheet on H5). */
export function DateField({ label, value, onChange, start, end, hint }: DateFieldProps) {
  return (
    <View className='date-field'>
      <View className='date-field__label'>{label}</View>
      <Picker mode='date' value={value} start={start} end={end} onChange={(event) => onChange(String(event.detail.value))}>
        {/* The Picker opens on a tap of its child; the child only has to say what it is. */}
        <View className='date-field__value' role='button' aria-label={`${label}：${value}${hint ? `（${hint}）` : ''}，点按更改`}>
          <Text className='date-field__date'>{value}</Text>
          {hint ? <Text className='date-field__hint'>（{hint}）</Text> : null}
          <Text className='date-field__action'>更改</Text>
        </View>
      </Picker>
    </View>
  )
}
