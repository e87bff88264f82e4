import { Text, View } from '@tarojs/components'
import { createElement, useId, useState } from 'react'
import { formatChineseDate, isDateInRange, type QuickPick } from '../domain/time/date-picks'
import { isValidDate } from '../domain/time'
import { DateQuickPicks } from './date-quick-picks'
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
  /** One-tap dates that fit the measure (今天, 上个月, a rule set's dates); those outside the range are left out. */
  quickPicks?: readonly QuickPick[]
}

/**
 * A date on H5: the browser's own <input type="date"> — typed or picked from the keyboard, named
 * by its <label> for screen readers, sized by the page tokens (长辈模式 included) — with the date
 * said in words and one-tap picks. A date outside the range, or a cleared field, is refused in
 * words and the last good date kept. The mini-program uses date-field.weapp.tsx (WeChat's picker).
 */
export function DateField({ label, value, onChange, start, end, hint, quickPicks = [] }: DateFieldProps) {
  const id = useId()
  const [problem, setProblem] = useState<string | null>(null)
  const spokenId = `${id}-said`
  const problemId = `${id}-problem`
  const choose = (date: string) => {
    if (!isValidDate(date)) {
      setProblem('请选择一个日期')
      return
    }
    if (!isDateInRange(date, start, end)) {
      setProblem(`只能选择${start ? ` ${formatChineseDate(start)}` : ''}${start && end ? ' 至' : end ? ' 不晚于' : ' 以后'}${end ? ` ${formatChineseDate(end)}` : ''}的日期`)
      return
    }
    setProblem(null)
    onChange(date)
  }
  return (
    <View className='date-field'>
      {createElement('label', { className: 'date-field__label', htmlFor: id }, label)}
      <View className='date-field__control'>
        {createElement('input', {
          id,
          type: 'date',
          className: 'date-field__input',
          value,
          min: start,
          max: end,
          required: true,
          'aria-describedby': problem ? `${spokenId} ${problemId}` : spokenId,
          'aria-invalid': problem ? 'true' : undefined,
          onChange: (event: { target: { value: string } }) => choose(event.target.value),
        })}
        <Text id={spokenId} className='date-field__said'>
          {isValidDate(value) ? formatChineseDate(value) : ''}
          {hint ? `（${hint}）` : ''}
        </Text>
      </View>
      {problem ? (
        <View id={problemId} className='error-text' role='alert'>
          ✗ {problem}
        </View>
      ) : null}
      <DateQuickPicks label={label} picks={quickPicks} value={value} start={start} end={end} onChange={choose} />
    </View>
  )
}
