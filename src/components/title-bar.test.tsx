import Taro from '@tarojs/taro'
import { fireEvent, render, screen } from '@testing-library/react'
import { setRouterPath } from '../test/taro-shim'
import { isTabPath, TitleBar } from './title-bar'

afterEach(() => {
  setRouterPath('')
  process.env.TARO_ENV = 'h5'
})

test.each([
  ['/pages/home/index', true],
  ['pages/mine/index?x=1', true],
  ['/packages/info/pages/about/index', false],
  ['/packages/vouchers/pages/detail/index?id=v1', false],
  [undefined, true],
])('isTabPath(%p) → %p', (path, tab) => {
  expect(isTabPath(path)).toBe(tab)
})

test('H5, a page below the tabs: the title and 返回, usable from the keyboard; with nothing to go back to, 首页', () => {
  setRouterPath('/packages/info/pages/about/index')
  const switchTab = jest.spyOn(Taro, 'switchTab').mockResolvedValue({ errMsg: 'switchTab:ok' } as never)
  render(<TitleBar title='关于衢惠通' />)
  const nav = screen.getByRole('navigation', { name: '页面导航' })
  expect(nav).toHaveTextContent('关于衢惠通')
  const back = screen.getByRole('button', { name: '返回上一页' })
  expect(back).toHaveAttribute('tabindex', '0')
  fireEvent.keyDown(back, { key: 'Enter' })
  expect(switchTab).toHaveBeenCalledWith({ url: '/pages/home/index' })
  switchTab.mockRestore()
})

test('no bar on a tab page, nor in the mini-program (WeChat draws its own)', () => {
  setRouterPath('/pages/mine/index')
  const tab = render(<TitleBar title='我的' />)
  expect(tab.container).toBeEmptyDOMElement()
  tab.unmount()
  setRouterPath('/packages/info/pages/about/index')
  process.env.TARO_ENV = 'weapp'
  const weapp = render(<TitleBar title='关于衢惠通' />)
  expect(weapp.container).toBeEmptyDOMElement()
  process.env.TARO_ENV = 'h5'
  weapp.unmount()
  expect(render(<TitleBar title='关于衢惠通' />).container).not.toBeEmptyDOMElement()
})
