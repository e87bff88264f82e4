import { View } from '@tarojs/components'

/**
 * What went wrong, in one sentence marked ✗ and announced by screen readers (role=alert); nothing
 * while there is no message. ErrorRetry adds 重试 where the thing can be tried again.
 */
export function ErrorLine({ message, id }: { message: string | null | undefined; id?: string }) {
  if (!message) return null
  return (
    <View id={id} className='error-text' role='alert'>
      ✗ {message}
    </View>
  )
}
