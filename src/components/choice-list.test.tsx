import { fireEvent, render, screen } from '@testing-library/react'
import { ChoiceList } from './choice-list'

const OPTIONS = [
  { value: 'postpaid', title: 'ETC 记账卡', caption: '先通行、后扣费' },
  { value: 'prepaid', title: 'ETC 储值卡', caption: '先充值才能通行' },
] as const

test('the options form a named radio group; the chosen one says so in words, not colour alone', () => {
  render(<ChoiceList label='ETC 卡类型' options={OPTIONS} value='postpaid' onChange={() => undefined} />)
  expect(screen.getByRole('radiogroup', { name: 'ETC 卡类型' })).toBeInTheDocument()
  const postpaid = screen.getByRole('radio', { name: /ETC 记账卡/ })
  expect(postpaid).toHaveAttribute('aria-checked', 'true')
  expect(postpaid).toHaveTextContent('已选')
  expect(postpaid).toHaveTextContent('●')
  const prepaid = screen.getByRole('radio', { name: /ETC 储值卡/ })
  expect(prepaid).toHaveAttribute('aria-checked', 'false')
  expect(prepaid).not.toHaveTextContent('已选')
})

test('captions are shown and spoken with their option', () => {
  render(<ChoiceList label='ETC 卡类型' options={OPTIONS} value={null} onChange={() => undefined} />)
  expect(screen.getByText('先充值才能通行')).toBeInTheDocument()
  expect(screen.getByRole('radio', { name: 'ETC 储值卡：先充值才能通行' })).toBeInTheDocument()
})

test('tapping or pressing Enter on an option chooses it', () => {
  const onChange = jest.fn()
  render(<ChoiceList label='车型' options={[{ value: 1, title: '一类' }, { value: 2, title: '二类' }]} value={1} onChange={onChange} />)
  fireEvent.click(screen.getByRole('radio', { name: '二类' }))
  fireEvent.keyDown(screen.getByRole('radio', { name: '一类' }), { key: 'Enter' })
  expect(onChange.mock.calls).toEqual([[2], [1]])
})

test('a hidden label is still the group name', () => {
  render(<ChoiceList label='排列方式' hideLabel variant='segmented' options={OPTIONS} value={null} onChange={() => undefined} />)
  expect(screen.queryByText('排列方式')).not.toBeInTheDocument()
  expect(screen.getByRole('radiogroup', { name: '排列方式' })).toBeInTheDocument()
})
