import { render, screen } from '@testing-library/react'
import { useSessionStore } from '../store/session'
import { demoResidentName } from '../services/platform/login'
import { testSession } from '../test/api-test-server'
import { AccountCard } from './account-card'

beforeEach(() => {
  localStorage.clear()
  delete process.env.TARO_APP_DEV_LOGIN
})

test('signed out: signing in is offered, not required', () => {
  useSessionStore.setState({ session: null })
  render(<AccountCard />)
  expect(screen.getByText(/未登录。领消费券、打开券包时会自动登录/)).toBeInTheDocument()
  expect(screen.getByRole('button', { name: '登录' })).toBeInTheDocument()
  expect(screen.getByRole('link', { name: '我的券包' })).toBeInTheDocument()
})

test('a merchant account finds 商户核销 here', () => {
  useSessionStore.setState({ session: testSession({ role: 'merchant', merchantId: 'm-1', displayName: '示例商户-1' }) })
  render(<AccountCard />)
  expect(screen.getByText('示例商户-1（商户账号）')).toBeInTheDocument()
  expect(screen.getByRole('link', { name: '商户核销' })).toBeInTheDocument()
  expect(screen.getByRole('button', { name: '退出登录' })).toBeInTheDocument()
})

test('a resident account has no merchant desk', () => {
  useSessionStore.setState({ session: testSession() })
  render(<AccountCard />)
  expect(screen.queryByRole('link', { name: '商户核销' })).not.toBeInTheDocument()
})

test('development builds: switching account is a full-size button (the tokens make it 60×60 in 长辈模式)', () => {
  process.env.TARO_APP_DEV_LOGIN = 'true'
  useSessionStore.setState({ session: testSession({ displayName: demoResidentName() }) })
  render(<AccountCard />)
  const switchButton = screen.getByRole('button', { name: '切换为示例商户（核销）（开发）' })
  expect(switchButton).toHaveClass('button')
  expect(screen.queryByRole('button', { name: '切换为示例居民（开发）' })).not.toBeInTheDocument()
})

test("development builds: the shared 示例居民 of before is offered this browser's own demo resident", () => {
  process.env.TARO_APP_DEV_LOGIN = 'true'
  useSessionStore.setState({ session: testSession({ displayName: '示例居民' }) })
  render(<AccountCard />)
  expect(screen.getByRole('button', { name: '切换为示例居民（开发）' })).toBeInTheDocument()
})
