import Taro from '@tarojs/taro'
import { scrollToAnchor } from './scroll.weapp'

test('the mini-program scrolls its current page to the element with that id', async () => {
  const pageScrollTo = jest.spyOn(Taro, 'pageScrollTo').mockRejectedValue({ errMsg: 'pageScrollTo:fail' } as never)
  scrollToAnchor('clause-26')
  expect(pageScrollTo).toHaveBeenCalledWith({ selector: '#clause-26', duration: 300 })
  // A failed scroll leaves the page where it is; nothing is thrown at the reader.
  await Promise.resolve()
  pageScrollTo.mockRestore()
})
