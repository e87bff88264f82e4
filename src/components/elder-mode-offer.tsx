import { View } from '@tarojs/components'
import { shouldOfferElderMode, usePreferencesStore } from '../store/preferences'
import { Pressable } from './pressable'

/**
 * Offered once, inline (not a pop-up: 适老化 asks for none), when WeChat's font is set large.
 */
export function ElderModeOffer() {
  const state = usePreferencesStore()
  if (!shouldOfferElderMode(state)) return null
  return (
    <View className='card' role='region' aria-label='长辈模式建议'>
      <View className='title'>字太小？试试长辈模式</View>
      <View className='caption'>您在微信里调大了字体。长辈模式让文字和按钮更大，以后可在“我的”里随时关闭。</View>
      <View className='row'>
        <Pressable className='button' onPress={() => state.setElderMode(true)}>
          开启长辈模式
        </Pressable>
        <Pressable className='button button--secondary' onPress={() => state.markElderModePrompted()}>
          暂不需要
        </Pressable>
      </View>
    </View>
  )
}
