/**
 * The one yuan field of the calculators' prices and the vouchers' bills (issue 18): integer fen
 * inside, yuan as typed at the edge, a Chinese message for what to fix, never NaN.
 */
import { fireEvent, render, screen } from '@testing-library/react'
import { useState } from 'react'
import { readYuan, YuanField } from './yuan-field'

function Harness({ allowZero = false }: { allowZero?: boolean }) {
  const [text, setText] = useState('')
  return <YuanField label='这笔消费多少钱' value={text} onChange={setText} hint='按小票上的金额填写' allowZero={allowZero} />
}

const field = () => screen.getByRole('textbox', { name: '这笔消费多少钱（元）' })

test('the real input is named and keeps what was typed; a bad amount is explained in Chinese', () => {
  render(<Harness />)
  fireEvent.input(field(), { target: { value: '26,5' } })
  expect(screen.getByRole('alert')).toHaveTextContent('金额格式不对')
  expect(field()).toHaveAttribute('aria-invalid', 'true')
  expect(field()).toHaveValue('26,5')
  fireEvent.input(field(), { target: { value: '￥26.50' } })
  expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  expect(field()).not.toHaveAttribute('aria-invalid')
  expect(screen.getByText('按小票上的金额填写')).toBeInTheDocument()
})

test('1e12 and 1000000000000 get the same answer: 过大, not 格式不对', () => {
  render(<Harness />)
  for (const text of ['1000000000000', '1e12', '1E12']) {
    fireEvent.input(field(), { target: { value: text } })
    expect(screen.getByRole('alert')).toHaveTextContent('金额过大')
  }
})

test('¥0 is refused for a bill, left to the domain for a price (allowZero)', () => {
  const { unmount } = render(<Harness />)
  fireEvent.input(field(), { target: { value: '0' } })
  expect(screen.getByRole('alert')).toHaveTextContent('金额要大于 0 元')
  unmount()
  render(<Harness allowZero />)
  fireEvent.input(field(), { target: { value: '0' } })
  expect(screen.queryByRole('alert')).not.toBeInTheDocument()
})

test.each([
  ['', {}, null, null],
  ['2.65e1', {}, 2650, null],
  ['26.5', {}, 2650, null],
  ['１,２００', {}, 120000, null],
  ['-3', {}, null, '金额不能是负数'],
  ['0', {}, null, '金额要大于 0 元'],
  ['0.00', {}, null, '金额要大于 0 元'],
  ['0', { allowZero: true }, 0, null],
  ['abc', { allowZero: true }, null, '金额格式不对'],
  ['NaN', {}, null, '金额格式不对'],
  ['Infinity', {}, null, '金额格式不对'],
])('readYuan(%p, %p)', (text, options, fen, error) => {
  const reading = readYuan(text, options)
  expect(reading.fen).toBe(fen)
  if (error === null) expect(reading.error).toBeNull()
  else expect(reading.error).toContain(error)
  expect(Number.isNaN(reading.fen)).toBe(false)
})
