import { fireEvent, render, screen } from '@testing-library/react'
import { useState } from 'react'
import { AmountField, readAmount } from './amount-field'

function Harness() {
  const [text, setText] = useState('')
  return <AmountField label='这笔消费多少钱' value={text} onChange={setText} hint='按小票上的金额填写' />
}

test('the real input is named and keeps what was typed; a bad amount is explained in Chinese', () => {
  render(<Harness />)
  const field = screen.getByRole('textbox', { name: '这笔消费多少钱（元）' })
  fireEvent.input(field, { target: { value: '26,5' } })
  expect(screen.getByRole('alert')).toHaveTextContent('金额格式不对')
  expect(field).toHaveAttribute('aria-invalid', 'true')
  fireEvent.input(field, { target: { value: '￥26.50' } })
  expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  expect(screen.getByText('按小票上的金额填写')).toBeInTheDocument()
})

test('1e12 and 1000000000000 get the same answer: 过大, not 格式不对', () => {
  render(<Harness />)
  const field = screen.getByRole('textbox', { name: '这笔消费多少钱（元）' })
  for (const text of ['1000000000000', '1e12', '1E12']) {
    fireEvent.input(field, { target: { value: text } })
    expect(screen.getByRole('alert')).toHaveTextContent('金额过大')
  }
})

test.each([
  ['', null, null],
  ['2.65e1', 2650, null],
  ['26.5', 2650, null],
  ['-3', null, '金额不能是负数'],
  ['0', null, '金额要大于 0 元'],
  ['0.00', null, '金额要大于 0 元'],
])('readAmount(%p)', (text, fen, error) => {
  expect(readAmount(text)).toEqual({ fen, error })
})
