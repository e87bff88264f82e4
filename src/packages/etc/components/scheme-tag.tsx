import { Text } from '@tarojs/components'
import './etc-components.scss'

export interface SchemeTagProps {
  inScheme: boolean
}

/**
 * Whether a toll station is one of the 衢城畅行 stations: icon, words and border style, not colour
 * alone. It names the scheme rather than saying 免费: after the last known period nobody knows
 * whether the stations are still free (clause 二十六; the verdicts say 待官方确认).
 */
export function SchemeTag({ inScheme }: SchemeTagProps) {
  return (
    <Text className={`scheme-tag ${inScheme ? 'scheme-tag--in' : 'scheme-tag--out'}`}>{inScheme ? '✓ 衢城畅行站' : '— 非衢城畅行站'}</Text>
  )
}
