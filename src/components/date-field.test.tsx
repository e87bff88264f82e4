import { fireEvent, render, screen, within } from '@testing-library/react'
import { useState } from 'react'
import { DateField } from './date-field'

function Controlled(props: Partial<Parameters<typeof DateField>[0]> & { initial?: string; changes?: string[] }) {
  const [value, setValue] = useState(props.initial ?? '2025-06-16')
  return (
    <DateField
      label='日期'
      start='2025-01-01'
      end='2025-12-31'
      {...props}
      value={value}
      onChange={(date) => {
        props.changes?.push(date)
        setValue(date)
      }}
    />
  )
}

const field = () => screen.getByLabelText('日期') as HTMLInputElement

test('a native date input named by its label, with the range, and the date said in words', () => {
  render(<Controlled hint='今天' />)
  expect(field().type).toBe('date')
  expect(field()).toHaveValue('2025-06-16')
  expect(field()).toHaveAttribute('min', '2025-01-01')
  expect(field()).toHaveAttribute('max', '2025-12-31')
  expect(field()).toHaveAccessibleDescription('2025年6月16日（今天）')
})

test('typing or picking a date in range reports it; the words follow', () => {
  const changes: string[] = []
  render(<Controlled changes={changes} />)
  fireEvent.change(field(), { target: { value: '2025-07-01' } })
  expect(changes).toEqual(['2025-07-01'])
  expect(field()).toHaveAccessibleDescription('2025年7月1日')
  expect(screen.queryByRole('alert')).not.toBeInTheDocument()
})

test('a date outside the range, or a cleared field, is refused in words on leaving it, and the last good date kept', () => {
  const changes: string[] = []
  render(<Controlled changes={changes} />)
  fireEvent.change(field(), { target: { value: '2026-01-02' } })
  expect(field()).toHaveValue('2026-01-02')
  expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  fireEvent.blur(field())
  expect(screen.getByRole('alert')).toHaveTextContent('只能选择 2025年1月1日 至 2025年12月31日的日期，仍按 2025年6月16日 计算')
  expect(field()).toHaveAttribute('aria-invalid', 'true')
  fireEvent.change(field(), { target: { value: '' } })
  fireEvent.blur(field())
  expect(screen.getByRole('alert')).toHaveTextContent('请选择一个日期')
  expect(changes).toEqual([])
  expect(field()).toHaveAccessibleDescription(/2025年6月16日/)
  fireEvent.change(field(), { target: { value: '2025-06-20' } })
  expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  expect(changes).toEqual(['2025-06-20'])
})

test('typing a year digit by digit passes through early years; the field keeps them until the date is whole', () => {
  const changes: string[] = []
  render(<Controlled changes={changes} />)
  for (const partial of ['0002-03-16', '0020-03-16', '0202-03-16', '2025-03-16']) fireEvent.change(field(), { target: { value: partial } })
  expect(field()).toHaveValue('2025-03-16')
  expect(changes).toEqual(['2025-03-16'])
  expect(screen.queryByRole('alert')).not.toBeInTheDocument()
})

test('quick picks: only those in range, chosen by keyboard, the chosen one said as such', () => {
  const changes: string[] = []
  render(
    <Controlled
      changes={changes}
      quickPicks={[
        { label: '今天', date: '2025-06-16' },
        { label: '上个月', date: '2025-05-16' },
        { label: '2024 年内', date: '2024-12-31' },
      ]}
    />,
  )
  const group = screen.getByRole('radiogroup', { name: '日期：快速选择' })
  const options = within(group).getAllByRole('radio')
  expect(options.map((option) => option.textContent)).toEqual([expect.stringContaining('今天'), expect.stringContaining('上个月')])
  expect(options[0]).toHaveAttribute('aria-checked', 'true')
  fireEvent.keyDown(options[1], { key: 'Enter' })
  expect(changes).toEqual(['2025-05-16'])
  expect(field()).toHaveValue('2025-05-16')
  expect(within(group).getAllByRole('radio')[1]).toHaveAttribute('aria-checked', 'true')
})
