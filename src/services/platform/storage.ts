/**
 * Key-value storage on the phone (wx storage on weapp, localStorage on H5), with the failure
 * modes of both (full quota, private mode) turned into "nothing stored" instead of a crash.
 */
import Taro from '@tarojs/taro'

export function readStored<T>(key: string): T | null {
  try {
    const value = Taro.getStorageSync(key) as T | '' | undefined
    return value === '' || value === undefined ? null : (value as T)
  } catch {
    return null
  }
}

export function writeStored<T>(key: string, value: T): boolean {
  try {
    Taro.setStorageSync(key, value)
    return true
  } catch {
    return false
  }
}

export function removeStored(key: string): void {
  try {
    Taro.removeStorageSync(key)
  } catch {
    // Nothing to remove is the same as removed.
  }
}
