import { View } from '@tarojs/components'
import { usePreferencesStore } from '../store/preferences'
import { Pressable } from './pressable'
import './elder-mode-switch.scss'

/** 长辈模式 on/off: a large switch that says its state in words, not only by colour. */
export function ElderModeSwitch() {
  const elderMode = usePreferencesStore((state) => state.elderMode)
  const setElderMode = usePreferencesStore((state) => state.setElderMode)
  return (
    <Pressable
      className={`elder-switch ${elderMode ? 'elder-switch--on' : ''}`}
      role='switch'
      checked={elderMode}
      label='长辈模式：字更大、按钮更大'
      onPress={() => setElderMode(!elderMode)}
    >
      <View className='elder-switch__text'>
        <View className='title'>长辈模式</View>
        <View className='caption'>字更大、按钮更大、页面更简洁</View>
      </View>
      <View className='elder-switch__state'>{elderMode ? '已开启' : '已关闭'}</View>
    </Pressable>
  )
}
