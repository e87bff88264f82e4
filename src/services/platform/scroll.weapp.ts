/**
 * Bringing an element of the current page into view by its id (weapp): WeChat's pageScrollTo
 * finds the selector in the current page only. Ids are ASCII: the mini-program's selector syntax
 * is a subset of CSS. The H5 build uses scroll.ts.
 */
import Taro from '@tarojs/taro'

export function scrollToAnchor(id: string): void {
  Taro.pageScrollTo({ selector: `#${id}`, duration: 300 }).catch(() => undefined)
}
