import { Input, View } from '@tarojs/components'
import './etc-components.scss'

export interface PlateFieldProps {
  /** Exactly what the person typed (WECHAT.md pitfall 4: keep the raw string). */
  value: string
  onChange: (text: string) => void
  onBlur?: () => void
  /** The domain's Chinese message, shown under the field; null when there is nothing to fix. */
  error?: string | null
}

/** The plate input: any way people write it is fine (浙h·12345, 浙H 12345, full width); the domain parses. */
export function PlateField({ value, onChange, onBlur, error }: PlateFieldProps) {
  // On H5 the input sits inside Taro's <taro-input-core>: nativeProps reach the real <input>.
  const accessibility = { 'aria-label': '车牌号', ...(error ? { 'aria-invalid': 'true' } : {}) }
  return (
    <View className='etc-field'>
      <View className='etc-field__label'>车牌号</View>
      <Input
        className={`etc-field__input ${error ? 'etc-field__input--error' : ''}`}
        value={value}
        placeholder='例如 浙H12345 或 浙H·12345'
        maxlength={20}
        nativeProps={accessibility}
        onInput={(event) => onChange(event.detail.value)}
        onBlur={() => onBlur?.()}
      />
      {error ? (
        <View className='error-text etc-field__error' role='alert'>
          ✗ {error}
        </View>
      ) : (
        <View className='caption'>大小写、空格、中间的圆点都可以</View>
      )}
    </View>
  )
}
