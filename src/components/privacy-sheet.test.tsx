import { act, fireEvent, render, screen } from '@testing-library/react'
import { PRIVACY_AGREE_BUTTON_ID, usePrivacyStore } from '../store/privacy'
import { PrivacySheet } from './privacy-sheet'

beforeEach(() => usePrivacyStore.setState({ pending: null }))

test('nothing is shown until WeChat asks', () => {
  render(<PrivacySheet />)
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
})

test('asked: exposure is reported, then 不同意 refuses and closes', () => {
  const resolve = jest.fn()
  render(<PrivacySheet />)
  act(() => usePrivacyStore.getState().request(resolve, 'packages/etc/pages/trip/index'))
  expect(resolve).toHaveBeenCalledWith({ event: 'exposureAuthorization' })
  expect(screen.getByRole('dialog', { name: '个人信息保护提示' })).toHaveTextContent('大致位置')
  fireEvent.click(screen.getByRole('button', { name: '不同意' }))
  expect(resolve).toHaveBeenLastCalledWith({ event: 'disagree' })
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
})

test('同意 answers with the agree button id', () => {
  const resolve = jest.fn()
  render(<PrivacySheet />)
  act(() => usePrivacyStore.getState().request(resolve, ''))
  fireEvent.click(screen.getByText('同意'))
  expect(resolve).toHaveBeenLastCalledWith({ event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID })
})

test('a second request refuses the first one still open', () => {
  const first = jest.fn()
  const second = jest.fn()
  usePrivacyStore.getState().request(first, 'a')
  usePrivacyStore.getState().request(second, 'b')
  expect(first).toHaveBeenLastCalledWith({ event: 'disagree' })
  expect(usePrivacyStore.getState().pending?.referrer).toBe('b')
})
