/**
 * 朋友圈's 单页模式 (WECHAT.md, share): a page shared to 朋友圈 opens there alone, with no login,
 * no tab bar and no navigation to other pages. Pages still render; what needs the full app says
 * where it is (屏幕下方“前往小程序”) instead of failing.
 */
import Taro from '@tarojs/taro'

/** WeChat's scene number for a page opened from 朋友圈 in 单页模式. */
export const TIMELINE_SINGLE_PAGE_SCENE = 1154

/** What to say when something needs the full app in 单页模式 (short enough for a toast). */
export const SINGLE_PAGE_MODE_MESSAGE = '请点屏幕下方“前往小程序”使用完整功能'

/** Whether this run is 单页模式. Any failure (H5's stand-in, an old base library) means no. */
export function isSinglePageMode(): boolean {
  try {
    const getEnterOptions = (Taro as { getEnterOptionsSync?: () => { scene?: number } | undefined }).getEnterOptionsSync
    if (typeof getEnterOptions !== 'function') return false
    return getEnterOptions()?.scene === TIMELINE_SINGLE_PAGE_SCENE
  } catch {
    return false
  }
}
