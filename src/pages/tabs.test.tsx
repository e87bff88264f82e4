/**
 * Component tests of the tab pages with the real @tarojs/components-react (through the jest
 * shims): each tab presents real content, and 长辈模式 changes the page tokens.
 */
import { fireEvent, render, screen } from '@testing-library/react'
import { usePreferencesStore } from '../store/preferences'
import HomePage from './home/index'
import MinePage from './mine/index'

beforeEach(() => {
  localStorage.clear()
  usePreferencesStore.setState({ elderMode: false, elderModePrompted: false, fontScale: 1 })
})

test('provisional figures are labelled 待官方确认', () => {
  render(<MinePage />)
  expect(screen.getAllByText(/待官方确认/).length).toBeGreaterThan(0)
})

test('home offers the four big entries and a line for each of the three clauses', () => {
  render(<HomePage />)
  for (const name of ['补贴计算', 'ETC 免费查询', '券包', '活动日历']) expect(screen.getByRole('link', { name })).toBeInTheDocument()
  expect(screen.getAllByRole('link', { name: /阅读.*政策原文/ })).toHaveLength(3)
})

test('长辈模式 switch changes the page tokens and says its state in words', () => {
  render(<MinePage />)
  const toggle = screen.getByRole('switch', { name: /长辈模式/ })
  expect(toggle).toHaveAttribute('aria-checked', 'false')
  expect(toggle).toHaveTextContent('已关闭')
  expect(screen.getByRole('main')).not.toHaveClass('page--elder')

  fireEvent.click(toggle)
  expect(toggle).toHaveAttribute('aria-checked', 'true')
  expect(toggle).toHaveTextContent('已开启')
  expect(screen.getByRole('main')).toHaveClass('page--elder')
})

test('home offers elder mode once when WeChat font is large, inline not as a pop-up', () => {
  usePreferencesStore.setState({ fontScale: 1.4 })
  render(<HomePage />)
  fireEvent.click(screen.getByText('暂不需要'))
  expect(screen.queryByText('开启长辈模式')).not.toBeInTheDocument()
  expect(usePreferencesStore.getState().elderModePrompted).toBe(true)
})
