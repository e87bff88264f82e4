import { Button, View } from '@tarojs/components'
import { openPrivacyContract } from '../services/platform/privacy'
import { PRIVACY_AGREE_BUTTON_ID, usePrivacyStore } from '../store/privacy'
import { Pressable } from './pressable'
import './privacy-sheet.scss'

/**
 * Our answer to WeChat's privacy-consent event: what we use and why, in plain words, with 同意
 * (WeChat's agreePrivacyAuthorization button — only a real tap on it counts) and 不同意, after
 * which the feature carries on without the data.
 */
export function PrivacySheet() {
  const pending = usePrivacyStore((state) => state.pending)
  const agree = usePrivacyStore((state) => state.agree)
  const disagree = usePrivacyStore((state) => state.disagree)
  if (!pending) return null
  return (
    <View className='privacy-sheet' role='dialog' aria-modal='true' aria-label='个人信息保护提示'>
      <View className='privacy-sheet__panel card'>
        <View className='title'>个人信息保护提示</View>
        <View>
          衢惠通只在您使用相关功能时才会用到以下信息：大致位置（找最近的高速收费站）、日历（把活动加入手机日历）、摄像头（商户扫码核销）。不同意也能使用其他全部功能。
        </View>
        <Pressable className='link privacy-sheet__contract' role='link' onPress={openPrivacyContract}>
          查看《衢惠通隐私保护指引》
        </Pressable>
        <View className='row privacy-sheet__actions'>
          <Pressable className='button button--secondary' onPress={disagree}>
            不同意
          </Pressable>
          <Button
            id={PRIVACY_AGREE_BUTTON_ID}
            className='button privacy-sheet__agree'
            openType='agreePrivacyAuthorization'
            onAgreePrivacyAuthorization={() => agree(PRIVACY_AGREE_BUTTON_ID)}
            onClick={() => agree(PRIVACY_AGREE_BUTTON_ID)}
          >
            同意
          </Button>
        </View>
      </View>
    </View>
  )
}
