/**
 * 我的数据与注销 against a real HTTP server: the export is fetched with the session and saved;
 * 注销账号 needs a spelled-out second tap, then deletes and signs out; a failure is a Chinese
 * message; signed out, nothing is asked of the server until 登录.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { saveExport } from '@/services/platform/save-export'
import { useSessionStore } from '@/store/session'
import { devLoginHandler, fail, ok, apiTestServerForSuite, testSession, useApiAt } from '@/test/api-test-server'
import MyDataPage from './index'

// Saving a file is the platform's (a download on H5, the file system on weapp): recorded here.
jest.mock('@/services/platform/save-export', () => ({ saveExport: jest.fn(async (fileName: string) => `已下载 ${fileName}`) }))
const saved = jest.mocked(saveExport)

const server = apiTestServerForSuite()

const EXPORT = {
  format: 'quhuitong/account-export@1',
  exportedAt: '2025-10-10T02:00:00.000Z',
  account: { id: 'u-resident', role: 'resident', nickname: '示例居民' },
  vouchers: [{ id: 'v-1', status: 'usable' }],
}

beforeEach(() => {
  saved.mockClear()
  useApiAt(server)
  useSessionStore.setState({ session: testSession() })
})

test('导出我的数据 fetches my data with my session and saves it as JSON', async () => {
  server.on((request) => (request.method === 'GET' && request.path === '/api/v1/me/export' ? ok({ data: EXPORT }) : undefined))
  render(<MyDataPage />)
  fireEvent.click(screen.getByText('导出我的数据', { selector: '.button, .button *' }))
  expect(await screen.findByRole('status')).toHaveTextContent(/已下载 quhuitong-my-data-\d{8}\.json/)
  const [request] = server.requests.filter((item) => item.path === '/api/v1/me/export')
  expect(request.headers.authorization).toBe('Bearer tok-resident')
  expect(saved).toHaveBeenCalledTimes(1)
  expect(JSON.parse(saved.mock.calls[0][1])).toEqual(EXPORT)
})

test('注销账号 asks again in words; 再想想 sends nothing; 确认注销 deletes and signs out', async () => {
  server.on((request) =>
    request.method === 'POST' && request.path === '/api/v1/me/deletion' ? ok({ data: { deleted: true, vouchersKept: 2 } }) : undefined,
  )
  render(<MyDataPage />)
  expect(screen.getByText(/去掉您的信息后保留/)).toBeTruthy()
  fireEvent.click(screen.getByText('注销账号', { selector: '.button, .button *' }))
  expect(screen.getByRole('alertdialog')).toHaveTextContent('注销后不能恢复')
  fireEvent.click(screen.getByText('再想想'))
  expect(screen.queryByRole('alertdialog')).toBeNull()
  expect(server.requests.filter((item) => item.path === '/api/v1/me/deletion')).toHaveLength(0)

  fireEvent.click(screen.getByText('注销账号', { selector: '.button, .button *' }))
  fireEvent.click(screen.getByText('确认注销'))
  expect(await screen.findByText('✓ 账号已注销')).toBeTruthy()
  const [request] = server.requests.filter((item) => item.path === '/api/v1/me/deletion')
  expect(request.body).toEqual({ confirm: true })
  expect(request.headers.authorization).toBe('Bearer tok-resident')
  expect(useSessionStore.getState().session).toBeNull()
})

test('a refusal from the server is shown in Chinese and the account stays signed in', async () => {
  server.on((request) => (request.path === '/api/v1/me/deletion' ? fail(503, 'UNAVAILABLE', '服务暂时不可用，请稍后再试') : undefined))
  render(<MyDataPage />)
  fireEvent.click(screen.getByText('注销账号', { selector: '.button, .button *' }))
  fireEvent.click(screen.getByText('确认注销'))
  expect(await screen.findByRole('alert')).toHaveTextContent('服务暂时不可用')
  expect(useSessionStore.getState().session).not.toBeNull()
})

test('signed out: says nothing is kept, asks the server nothing until 登录', async () => {
  useSessionStore.setState({ session: null })
  process.env.TARO_APP_DEV_LOGIN = 'true'
  server.on(devLoginHandler())
  render(<MyDataPage />)
  expect(screen.getByText(/没有在服务器上保存您的个人数据/)).toBeTruthy()
  expect(server.requests).toHaveLength(0)
  fireEvent.click(screen.getByText('登录'))
  await waitFor(() => expect(server.requests.map((request) => request.path)).toEqual(['/api/v1/auth/dev']))
  expect(await screen.findByRole('region', { name: '导出我的数据' })).toBeInTheDocument()
})
