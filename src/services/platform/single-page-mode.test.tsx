/**
 * 朋友圈's 单页模式 (scene 1154): detected without crashing wherever getEnterOptionsSync is missing
 * or throws; there, navigation says where the full app is instead of failing, and a shared page
 * renders without login, tab bar or page stack and says it is a preview.
 */
import Taro from '@tarojs/taro'
import { render, screen } from '@testing-library/react'
import { navigate } from '@/services/navigation'
import { serveBundledTollData } from '@/test/toll-fixtures'
import { setRouterParams } from '@/test/taro-shim'
import EtcStationsPage from '@/packages/etc/pages/stations/index'
import { isSinglePageMode, SINGLE_PAGE_MODE_MESSAGE, TIMELINE_SINGLE_PAGE_SCENE } from './single-page-mode'

const taro = Taro as unknown as Record<string, unknown>
const original = taro.getEnterOptionsSync

afterEach(() => {
  taro.getEnterOptionsSync = original
  jest.restoreAllMocks()
})

function enterWith(scene: number) {
  taro.getEnterOptionsSync = () => ({ scene, path: 'packages/etc/pages/stations/index', query: {} })
}

test.each([
  ['scene 1154 is 单页模式', () => enterWith(TIMELINE_SINGLE_PAGE_SCENE), true],
  ['a chat (1007) is not', () => enterWith(1007), false],
  ['no getEnterOptionsSync (H5, old base library) is not', () => (taro.getEnterOptionsSync = undefined), false],
  [
    'getEnterOptionsSync throwing is not',
    () =>
      (taro.getEnterOptionsSync = () => {
        throw new Error('not supported')
      }),
    false,
  ],
  ['no enter options is not', () => (taro.getEnterOptionsSync = () => undefined), false],
])('%s', (_name, arrange, expected) => {
  arrange()
  expect(isSinglePageMode()).toBe(expected)
})

test('in 单页模式 navigation opens nothing and says where the full app is', async () => {
  enterWith(TIMELINE_SINGLE_PAGE_SCENE)
  const toast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' })
  const navigateTo = jest.spyOn(Taro, 'navigateTo')
  const switchTab = jest.spyOn(Taro, 'switchTab')
  await navigate('policy-clause', { id: '二十六' })
  await navigate('home')
  expect(navigateTo).not.toHaveBeenCalled()
  expect(switchTab).not.toHaveBeenCalled()
  expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: SINGLE_PAGE_MODE_MESSAGE, icon: 'none' }))
})

test('a shared station opened in 单页模式 renders, with no page stack or tab bar, and says it is a preview', () => {
  enterWith(TIMELINE_SINGLE_PAGE_SCENE)
  serveBundledTollData()
  jest.spyOn(Taro, 'getCurrentPages').mockImplementation(() => {
    throw new Error('getCurrentPages is not available')
  })
  jest.spyOn(Taro, 'setTabBarBadge').mockRejectedValue(new Error('no tab bar'))
  setRouterParams({ station: 'quzhoudong' })
  render(<EtcStationsPage />)
  expect(screen.getByText(/这是朋友圈里的预览/)).toBeInTheDocument()
  expect(document.getElementById('station-quzhoudong')).toHaveAttribute('aria-current', 'true')
})
