import { fireEvent, render, screen } from '@testing-library/react'
import { PlateField } from './plate-field'

test('passes on exactly what was typed and reports leaving the field', () => {
  const onChange = jest.fn()
  const onBlur = jest.fn()
  render(<PlateField value='' onChange={onChange} onBlur={onBlur} />)
  const input = screen.getByRole('textbox', { name: '车牌号' })
  fireEvent.input(input, { target: { value: '浙h·12345' } })
  fireEvent.blur(input)
  expect(onChange).toHaveBeenCalledWith('浙h·12345')
  expect(onBlur).toHaveBeenCalledTimes(1)
})

test('an error is shown under the field as an alert and marks the field invalid', () => {
  render(<PlateField value='浙HI2345' onChange={() => undefined} error='车牌中不使用字母 I 和 O' />)
  expect(screen.getByRole('alert')).toHaveTextContent('✗ 车牌中不使用字母 I 和 O')
  expect(screen.getByRole('textbox', { name: '车牌号' })).toHaveAttribute('aria-invalid', 'true')
})

test('without an error, a hint instead and no invalid mark', () => {
  render(<PlateField value='' onChange={() => undefined} />)
  expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  expect(screen.getByText('大小写、空格、中间的圆点都可以')).toBeInTheDocument()
  expect(screen.getByRole('textbox', { name: '车牌号' })).not.toHaveAttribute('aria-invalid')
})
