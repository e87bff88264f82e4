import { View } from '@tarojs/components'
import { TextInput } from '@/components/text-input'

export interface PriceFieldProps {
  label: string
  /** Exactly what the person typed (WECHAT.md pitfall 4: keep the raw string; the domain parses). */
  value: string
  onChange: (text: string) => void
  /** The domain's Chinese message; null when there is nothing to fix. */
  error: string | null
  /** Plain words under the field when there is no error, e.g. where to find the price. */
  hint?: string
  placeholder?: string
}

/** A price in yuan as people write it: 4999.5, 4,999.50, ¥4999, full-width digits. */
export function PriceField({ label, value, onChange, error, hint, placeholder = '例如 4999 或 4999.50' }: PriceFieldProps) {
  return (
    <View className='subsidy-field'>
      <View className='subsidy-field__label'>{label}</View>
      <View className={`subsidy-price ${error ? 'subsidy-price--error' : ''}`}>
        <View className='subsidy-price__unit' aria-hidden>
          ¥
        </View>
        <TextInput
          className='subsidy-price__input'
          keyboard='price'
          label={`${label}（元）`}
          value={value}
          placeholder={placeholder}
          invalid={error !== null}
          onChange={onChange}
        />
        <View className='subsidy-price__unit'>元</View>
      </View>
      {error ? (
        <View className='error-text subsidy-field__error' role='alert'>
          ✗ {error}
        </View>
      ) : hint ? (
        <View className='caption'>{hint}</View>
      ) : null}
    </View>
  )
}
