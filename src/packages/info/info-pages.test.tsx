/**
 * 隐私政策, 用户协议, 关于 and 意见反馈 (issue 15): reachable from 我的, consistent with what the
 * server keeps, sources named as public documents, the H5 feedback form usable from the keyboard,
 * and WeChat's own feedback and 客服 buttons on the mini-program.
 */
import Taro from '@tarojs/taro'
import { act, fireEvent, render, screen, within } from '@testing-library/react'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import MinePage from '@/pages/mine/index'
import { fail, inProcessApiServer, ok, useApiAt, type Reply } from '@/test/api-test-server'
import { usePreferencesStore } from '@/store/preferences'
import { PRIVACY_SECTIONS, TERMS_SECTIONS } from './notices'
import AboutPage from './pages/about/index'
import FeedbackPage from './pages/feedback/index'
import PrivacyPage from './pages/privacy/index'
import TermsPage from './pages/terms/index'

const flush = () => act(async () => undefined)
const privacyText = JSON.stringify(PRIVACY_SECTIONS)

afterEach(() => usePreferencesStore.setState({ elderMode: false }))

describe('reachable from 我的', () => {
  let navigateTo: jest.SpyInstance
  beforeEach(() => {
    navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
  })
  afterEach(() => navigateTo.mockRestore())

  test.each([
    ['隐私政策', '/packages/info/pages/privacy/index'],
    ['用户协议', '/packages/info/pages/terms/index'],
    ['关于衢惠通', '/packages/info/pages/about/index'],
    ['意见反馈', '/packages/info/pages/feedback/index'],
  ])('%s', async (name, url) => {
    render(<MinePage />)
    await flush()
    fireEvent.click(within(screen.getByRole('region', { name: '关于与帮助' })).getByRole('link', { name }))
    expect(navigateTo).toHaveBeenCalledWith({ url })
  })
})

describe('隐私政策', () => {
  test('each thing kept says why and for how long, in both modes', async () => {
    for (const elder of [false, true]) {
      usePreferencesStore.setState({ elderMode: elder })
      const { unmount, container } = render(<PrivacyPage />)
      expect(screen.getByRole('heading', { level: 1, name: '衢惠通隐私政策' })).toBeInTheDocument()
      expect(container.querySelector('.page')?.classList.contains('page--elder')).toBe(elder)
      const kept = within(screen.getByRole('region', { name: '登录后服务器保存的信息' })).getAllByRole('listitem')
      expect(kept.length).toBeGreaterThanOrEqual(8)
      for (const item of kept) {
        expect(item).toHaveTextContent(/用途：.+/)
        expect(item).toHaveTextContent(/保存：.+/)
      }
      expect(screen.getByRole('region', { name: '查看、导出和删除' })).toHaveTextContent('注销账号')
      unmount()
    }
  })

  // Every table of the server that holds something about a person must be in the notice. A new
  // migration with a user_id or owner_id column fails here until the notice says what it keeps.
  const TABLE_IN_NOTICE: Record<string, string> = {
    users: 'openid',
    wechat_session_keys: 'session_key',
    sessions: '登录记录',
    auth_changes: '登录失效记录',
    vouchers: '领到的消费券',
    voucher_redemptions: '使用、退款记录',
    reminders: '提醒（提醒什么、何时提醒）',
    reminder_deliveries: '提醒（提醒什么、何时提醒）',
    subscribe_credits: '授权次数',
    reminder_send_log: '发送记录',
    idempotency_keys: '请求编号',
    feedback: '意见反馈',
    staff_refusals: '商户账号试图领取',
    staff_credentials: '管理后台的账号名',
  }
  test('it names what every personal table of the server keeps', () => {
    const dir = path.resolve(__dirname, '../../../server/src/store/migrations')
    const sql = readdirSync(dir)
      .filter((name) => name.endsWith('.sql'))
      .map((name) => readFileSync(path.join(dir, name), 'utf8'))
      .join('\n')
    const personal = [...sql.matchAll(/create table if not exists (\w+) \(([\s\S]*?)\n\);/g)]
      .filter(([, table, body]) => /\b(user_id|owner_id|openid|redeemed_by)\b/.test(body) || table === 'feedback')
      .map(([, table]) => table)
    expect(personal).toEqual(expect.arrayContaining(['users', 'sessions', 'vouchers', 'reminders', 'feedback']))
    for (const table of personal) {
      expect(TABLE_IN_NOTICE[table] ?? `(no entry for table ${table})`).toBeTruthy()
      expect(`${table}: ${privacyText.includes(TABLE_IN_NOTICE[table] ?? `missing ${table}`)}`).toBe(`${table}: true`)
    }
  })
})

test('用户协议 explains 待官方确认 and the voucher rules', () => {
  render(<TermsPage />)
  expect(screen.getByRole('heading', { level: 1, name: '衢惠通用户协议' })).toBeInTheDocument()
  expect(screen.getByRole('region', { name: '待官方确认的数据' })).toHaveTextContent('官方还没有公布')
  expect(TERMS_SECTIONS.map((section) => section.heading)).toContain('消费券')
})

test('关于: version, sources named as public documents (never a file of this repository), provisional data explained', () => {
  render(<AboutPage />)
  expect(screen.getByText('版本').nextSibling).toHaveTextContent('开发版')
  const sources = screen.getByRole('region', { name: '数据来源' })
  expect(sources).toHaveTextContent('衢政发〔2025〕4号')
  expect(sources).toHaveTextContent('2025年4月11日')
  expect(sources).toHaveTextContent('本应用暂定')
  expect(document.body.textContent).not.toMatch(/shared\/|\.md\b|src\/|facts/)
  const statuses = screen.getByRole('region', { name: '数字的状态' })
  expect(statuses).toHaveTextContent('待官方确认')
  expect(statuses).toHaveTextContent('不等于没有补贴')
})

describe('意见反馈', () => {
  // The page sends through the one client, answered in-process.
  const server = inProcessApiServer()
  let answer: Reply
  const sent = () => server.requests.filter((request) => request.method === 'POST' && request.path === '/api/v1/feedback').map((request) => request.body)
  beforeEach(() => {
    server.reset()
    useApiAt(server)
    answer = ok({ data: { id: 'f1', keptDays: 365 } }, 201)
    server.on((request) => (request.path === '/api/v1/feedback' ? answer : undefined))
  })
  afterEach(() => {
    process.env.TARO_ENV = 'h5'
  })

  const field = () => screen.getByRole('textbox', { name: /问题或建议/ })

  test('H5: too short is said in words; then written and sent from the keyboard alone', async () => {
    render(<FeedbackPage />)
    const submit = screen.getByRole('button', { name: '提交反馈' })
    fireEvent.keyDown(submit, { key: 'Enter' })
    await flush()
    expect(screen.getByRole('alert')).toHaveTextContent('请至少写 5 个字')
    expect(sent()).toEqual([])

    fireEvent.input(field(), { target: { value: '活动日历的字太小了' } })
    fireEvent.input(screen.getByRole('textbox', { name: '联系方式（可不填）' }), { target: { value: ' 138 0000 0000 ' } })
    fireEvent.keyDown(submit, { key: ' ' })
    await flush()
    expect(sent()).toEqual([{ content: '活动日历的字太小了', contact: '138 0000 0000' }])
    expect(screen.getByRole('status')).toHaveTextContent('✓ 已收到，谢谢你')
  })

  test('H5: the server refusing (too often) is shown, and nothing is lost', async () => {
    answer = fail(429, 'RATE_LIMITED', '反馈提交太频繁，请 10 分钟后再试')
    render(<FeedbackPage />)
    await flush()
    fireEvent.input(field(), { target: { value: '活动日历的字太小了' } })
    fireEvent.click(screen.getByRole('button', { name: '提交反馈' }))
    await flush()
    expect(screen.getByRole('alert')).toHaveTextContent('反馈提交太频繁')
    expect(field()).toHaveValue('活动日历的字太小了')
  })

  test("weapp: WeChat's own 意见反馈 and 联系客服 buttons, no form", () => {
    process.env.TARO_ENV = 'weapp'
    const { container } = render(<FeedbackPage />)
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument()
    const buttons = [...container.querySelectorAll('.taro-button-core')]
    expect(buttons.map((button) => [button.textContent?.trim(), button.getAttribute('opentype')])).toEqual([
      ['意见反馈', 'feedback'],
      ['联系客服', 'contact'],
    ])
  })
})
