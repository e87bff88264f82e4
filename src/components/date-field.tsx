import { Text, View } from '@tarojs/components'
import { createElement, useId, useState } from 'react'
import { formatChineseDate, isDateInRange } from '../domain/time/date-picks'
import { isValidDate } from '../domain/time'
import { DateQuickPicks } from './date-quick-picks'
import type { DateFieldProps } from './date-field-props'
import { ErrorLine } from './error-line'
import './date-field.scss'

export type { DateFieldProps } from './date-field-props'

/**
 * A date on H5: the browser's own <input type="date"> — typed or picked from the keyboard, named
 * by its <label> for screen readers, sized by the page tokens (长辈模式 included) — with the date
 * said in words and one-tap picks. A date outside the range, or a cleared field, is refused in
 * words when the person leaves the field, and the last good date kept. The mini-program uses date-field.weapp.tsx (WeChat's picker).
 */
export function DateField({ label, value, onChange, start, end, hint, quickPicks = [] }: DateFieldProps) {
  const id = useId()
  // What the input holds while the person types: a year typed digit by digit passes through
  // dates like 0002-03-16, which must stay in the field (not be reset) until the date is whole.
  const [text, setText] = useState(value)
  const [shownValue, setShownValue] = useState(value)
  const [problem, setProblem] = useState<string | null>(null)
  if (shownValue !== value) {
    setShownValue(value)
    setText(value)
  }
  const spokenId = `${id}-said`
  const problemId = `${id}-problem`
  const rangeText = `只能选择${start ? ` ${formatChineseDate(start)}` : ''}${start && end ? ' 至' : end ? ' 不晚于' : ' 以后'}${end ? ` ${formatChineseDate(end)}` : ''}的日期`
  const accept = (date: string): boolean => {
    if (!isValidDate(date) || !isDateInRange(date, start, end)) return false
    setProblem(null)
    setText(date)
    if (date !== value) onChange(date)
    return true
  }
  // Said when the person leaves the field: a cleared field or a date out of range is refused in
  // words, and the app keeps the last good date.
  const check = () => {
    if (text === value) return
    setProblem(isValidDate(text) ? `${rangeText}，仍按 ${formatChineseDate(value)} 计算` : '请选择一个日期')
  }
  return (
    <View className='date-field'>
      {createElement('label', { className: 'date-field__label', htmlFor: id }, label)}
      <View className='date-field__control'>
        {createElement('input', {
          id,
          type: 'date',
          className: 'date-field__input',
          value: text,
          min: start,
          max: end,
          required: true,
          'aria-describedby': problem ? `${spokenId} ${problemId}` : spokenId,
          'aria-invalid': problem ? 'true' : undefined,
          onChange: (event: { target: { value: string } }) => {
            setText(event.target.value)
            accept(event.target.value)
          },
          onBlur: check,
        })}
        <Text id={spokenId} className='date-field__said'>
          {isValidDate(value) ? formatChineseDate(value) : ''}
          {hint ? `（${hint}）` : ''}
        </Text>
      </View>
      <ErrorLine message={problem} id={problemId} />
      <DateQuickPicks label={label} picks={quickPicks} value={value} start={start} end={end} onChange={accept} />
    </View>
  )
}
