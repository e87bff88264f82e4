import { fireEvent, render, screen } from '@testing-library/react'
import { DateField } from './date-field'

test('shows and speaks the date with its hint', () => {
  render(<DateField label='日期' value='2025-06-16' hint='今天' onChange={() => undefined} />)
  expect(screen.getByRole('button', { name: '日期：2025-06-16（今天），点按更改' })).toBeInTheDocument()
  expect(screen.getByText('2025-06-16')).toBeInTheDocument()
})

test('a tap opens the date picker, and confirming reports the date as YYYY-MM-DD', () => {
  // Taro's H5 picker measures its wheel, which jsdom cannot lay out; it warns and carries on.
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
  const onChange = jest.fn()
  render(<DateField label='日期' value='2025-06-16' start='2025-01-01' end='2025-12-31' onChange={onChange} />)
  fireEvent.click(screen.getByRole('button', { name: /日期：2025-06-16/ }))
  fireEvent.click(screen.getByText('确定'))
  expect(onChange).toHaveBeenCalledWith('2025-06-16')
  warn.mockRestore()
})
