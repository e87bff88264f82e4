import { View } from '@tarojs/components'
import { tryParseYuan, type Fen } from '@/domain/money'
import { TextInput } from '@/components/text-input'

export interface AmountFieldProps {
  label: string
  /** Exactly what the person typed (WECHAT.md pitfall 4); parsed by the domain, never rewritten. */
  value: string
  onChange: (text: string) => void
  placeholder?: string
  hint?: string
}

/** The amount in fen (more than 0), null while empty, or a Chinese message for what to fix. */
export function readAmount(text: string): { fen: Fen | null; error: string | null } {
  if (text.trim() === '') return { fen: null, error: null }
  const parsed = tryParseYuan(text)
  if (!parsed.ok) return { fen: null, error: parsed.error.message }
  // A bill or an order of ¥0 has nothing to take a voucher off: say so rather than grey the button out silently.
  return parsed.fen > 0 ? { fen: parsed.fen, error: null } : { fen: null, error: '金额要大于 0 元' }
}

/** A yuan amount typed as people type it (26.5, ￥26.50, 1,200); the error shows under the field. */
export function AmountField({ label, value, onChange, placeholder = '例如 26.5', hint }: AmountFieldProps) {
  const { error } = readAmount(value)
  return (
    <View className='voucher-field'>
      <View className='voucher-field__label'>{label}</View>
      <View className='voucher-field__box'>
        <TextInput
          className={`voucher-field__input ${error ? 'voucher-field__input--error' : ''}`}
          keyboard='price'
          label={`${label}（元）`}
          value={value}
          placeholder={placeholder}
          maxlength={16}
          invalid={error !== null}
          onChange={onChange}
        />
        <View className='voucher-field__unit'>元</View>
      </View>
      {error ? (
        <View className='error-text' role='alert'>
          ✗ {error}
        </View>
      ) : hint ? (
        <View className='caption'>{hint}</View>
      ) : null}
    </View>
  )
}
