import { View } from '@tarojs/components'
import { Pressable } from './pressable'

/** Something could not be loaded: what went wrong, in words, and 重试 — never a blank. */
export function ErrorRetry({ message, onRetry, className }: { message: string; onRetry: () => void; className?: string }) {
  return (
    <View className={className}>
      <View className='error-text' role='alert'>
        ✗ {message}
      </View>
      <Pressable className='button button--secondary error-retry' onPress={onRetry}>
        重试
      </Pressable>
    </View>
  )
}
