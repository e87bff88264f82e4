/**
 * 公布时提醒 offer against a real HTTP server: it says what is not published, asks for nothing
 * that needs an account until the tap, then signs in and sets a rule-published reminder for the
 * topic; once set (or once published) it says so; where no sign-in is possible it explains why.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { useSessionStore } from '../store/session'
import { testSession } from '../test/api-test-server'
import { serveReminders } from '../test/reminder-api-server'
import { reminderView } from '../test/reminder-fixtures'
import { PublishedReminderOffer } from './published-reminder-offer'

const mockLogin = { canSignIn: true }
jest.mock('../services/platform/login', () => ({
  ...jest.requireActual('../services/platform/login'),
  canSignIn: () => mockLogin.canSignIn,
}))

const api = serveReminders(() => ({
  'measure:furniture': { title: '家居补贴新规则', targetAt: null },
  'toll-period': { title: '“衢城畅行”新实施期', targetAt: null },
}))

beforeEach(() => {
  mockLogin.canSignIn = true
})

const logins = () => api.server.requests.filter((request) => request.path === '/api/v1/auth/dev')
const posts = () => api.server.requests.filter((request) => request.method === 'POST' && request.path === '/api/v1/me/reminders')

test.each([
  ['furniture', '家居补贴的新规则官方尚未公布（待官方确认）。', '公布时提醒我：家居补贴新规则'],
  ['ebike', '电动自行车补贴的新规则官方尚未公布（待官方确认）。', '公布时提醒我：电动自行车补贴新规则'],
  ['toll-period', '“衢城畅行”新的实施期官方尚未公布，是否延续待官方确认。', '公布时提醒我：“衢城畅行”新实施期'],
] as const)('%s: says what is unknown and offers the reminder, without signing in', async (topic, text, button) => {
  render(<PublishedReminderOffer topic={topic} />)
  expect(screen.getByText(text)).toBeInTheDocument()
  expect(screen.getByRole('button', { name: button })).toBeInTheDocument()
  expect(screen.getByText(/设置时需要登录/)).toBeInTheDocument()
  await waitFor(() => expect(api.server.requests.some((request) => request.path === '/api/v1/reminders/templates')).toBe(true))
  expect(logins()).toHaveLength(0)
})

test('the tap signs in, then sets a rule-published reminder for the topic', async () => {
  render(<PublishedReminderOffer topic='furniture' />)
  fireEvent.click(screen.getByRole('button', { name: '公布时提醒我：家居补贴新规则' }))
  // Login and the POST go over real HTTP: allow for a busy machine.
  await screen.findByText('已设置：官方公布时提醒你 · 应用内提醒（在「我的提醒」查看）', undefined, { timeout: 5000 })
  expect(logins()).toHaveLength(1)
  expect(posts()).toHaveLength(1)
  expect(posts()[0].body).toEqual({ kind: 'rule-published', subjectId: 'measure:furniture' })
  expect(screen.getByRole('button', { name: '更新公布时提醒：家居补贴新规则' })).toBeInTheDocument()
  expect(screen.getByRole('link', { name: '管理我的提醒' })).toBeInTheDocument()
})

test('once published, the reminder it set says when', async () => {
  useSessionStore.setState({ session: testSession() })
  api.state.reminders = [reminderView({ kind: 'rule-published', subjectId: 'toll-period', title: '“衢城畅行”新实施期', targetAt: '2026-12-06T10:00:00+08:00', due: true })]
  render(<PublishedReminderOffer topic='toll-period' />)
  expect(await screen.findByText(/已于 .*12月6日.* 公布，请查看最新规则/, undefined, { timeout: 5000 })).toBeInTheDocument()
})

test('where no sign-in is possible (H5 without WeChat), it explains instead of offering a button that must fail', () => {
  mockLogin.canSignIn = false
  render(<PublishedReminderOffer topic='renovation' />)
  expect(screen.getByText(/家装.*补贴的新规则官方尚未公布/)).toBeInTheDocument()
  expect(screen.getByRole('note')).toHaveTextContent('公布时提醒保存在服务器上，官方公布新规则时才发出，所以需要登录；网页版不能登录，请在微信里打开“衢惠通”小程序设置这个提醒。')
  expect(screen.queryByRole('button', { name: /公布时提醒我/ })).not.toBeInTheDocument()
})

test('a server that refuses says so in Chinese', async () => {
  delete api.state.subjects['measure:ebike']
  render(<PublishedReminderOffer topic='ebike' />)
  fireEvent.click(screen.getByRole('button', { name: '公布时提醒我：电动自行车补贴新规则' }))
  expect(await screen.findByRole('status', undefined, { timeout: 5000 })).toHaveTextContent(/^没能设置提醒：/)
  expect(screen.queryByText(/已设置/)).not.toBeInTheDocument()
})
