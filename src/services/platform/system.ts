/**
 * What the device tells us about the person's display preferences. WeChat exposes the font size
 * the user chose in WeChat's settings as `fontSizeScaleFactor` (base library ≥ 2.23.4 through
 * getAppBaseInfo); H5 has no such thing, so it reports 1.
 */
import Taro from '@tarojs/taro'

export interface DisplayPreferences {
  fontScale: number
}

export function readDisplayPreferences(): DisplayPreferences {
  try {
    const getAppBaseInfo = (Taro as unknown as { getAppBaseInfo?: () => { fontSizeScaleFactor?: number } }).getAppBaseInfo
    const info = typeof getAppBaseInfo === 'function' ? getAppBaseInfo() : undefined
    const scale = Number(info?.fontSizeScaleFactor)
    return { fontScale: Number.isFinite(scale) && scale > 0 ? Math.min(Math.max(scale, 1), 2) : 1 }
  } catch {
    return { fontScale: 1 }
  }
}
