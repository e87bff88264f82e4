/**
 * 政策原文: the asked-for clause first, a table of contents that jumps to each clause (and moves
 * the focus there), and from each clause the parts of the app that serve it.
 */
import Taro from '@tarojs/taro'
import { fireEvent, render, screen, within } from '@testing-library/react'
import { setRouterParams } from '@/test/taro-shim'
import ClausePage from './index'

let scrolled: Element[]
let navigateTo: jest.SpyInstance
let switchTab: jest.SpyInstance

beforeEach(() => {
  scrolled = []
  // jsdom has no layout: record what the page asks the browser to bring into view.
  Element.prototype.scrollIntoView = jest.fn(function (this: Element) {
    scrolled.push(this)
  })
  navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
  switchTab = jest.spyOn(Taro, 'switchTab').mockResolvedValue({ errMsg: 'switchTab:ok' } as never)
})

afterEach(() => {
  navigateTo.mockRestore()
  switchTab.mockRestore()
})

const contents = () => screen.getByRole('navigation', { name: '本页条款' })

test('the clause asked for comes first, in the contents and on the page', () => {
  setRouterParams({ id: encodeURIComponent('二十六') })
  render(<ClausePage />)
  expect(
    within(contents())
      .getAllByRole('link')
      .map((link) => link.textContent),
  ).toEqual(['（二十六）实施新一轮高速公路市域一体“衢城畅行”工程', '（十四）更大力度支持消费品以旧换新', '（十五）实施提振消费专项行动'])
  expect(screen.getAllByRole('heading', { level: 2 })[0]).toHaveTextContent('（二十六）')
})

test('a contents entry brings its clause into view and moves the focus to it', () => {
  setRouterParams({ id: '十四' })
  render(<ClausePage />)
  fireEvent.click(within(contents()).getByRole('link', { name: '跳到（十五）实施提振消费专项行动' }))
  const clause = screen.getByRole('region', { name: '（十五）实施提振消费专项行动' })
  expect(clause).toHaveAttribute('id', 'clause-15')
  expect(scrolled).toEqual([clause])
  expect(clause).toHaveFocus()
})

test('each clause leads to the features that serve it', () => {
  setRouterParams({ id: '十四' })
  render(<ClausePage />)
  const subsidy = screen.getByRole('region', { name: '（十四）更大力度支持消费品以旧换新' })
  fireEvent.click(within(subsidy).getByRole('link', { name: '算一算以旧换新补贴' }))
  expect(switchTab).toHaveBeenCalledWith({ url: '/pages/subsidy/index' })

  const events = screen.getByRole('region', { name: '（十五）实施提振消费专项行动' })
  expect(within(events).getByRole('link', { name: '领消费券' })).toBeInTheDocument()
  expect(within(events).getByRole('link', { name: '看活动日历' })).toBeInTheDocument()

  const etc = screen.getByRole('region', { name: /（二十六）/ })
  fireEvent.click(within(etc).getByRole('link', { name: '查一趟行程是否免费' }))
  expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/etc/pages/trip/index' })
})
