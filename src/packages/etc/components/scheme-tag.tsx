import { Text } from '@tarojs/components'
import './etc-components.scss'

export interface SchemeTagProps {
  inScheme: boolean
}

/** Whether a toll station is one of the 衢城畅行 stations: icon, words and border style, not colour alone. */
export function SchemeTag({ inScheme }: SchemeTagProps) {
  return (
    <Text className={`scheme-tag ${inScheme ? 'scheme-tag--in' : 'scheme-tag--out'}`}>
      {inScheme ? '✓ 免费范围内' : '— 不在免费范围'}
    </Text>
  )
}
