import { View } from '@tarojs/components'
import { tryParseYuan, type Fen } from '@/domain/money'
import { TextInput } from './text-input'
import './field-box.scss'
import './yuan-field.scss'

export interface YuanReading {
  /** Integer fen; null while the field is empty or wrong. */
  fen: Fen | null
  /** What to fix, in Chinese; null when there is nothing to fix (an empty field included). */
  error: string | null
}

/**
 * What a typed yuan amount is worth: integer fen inside, parsed by the domain (tryParseYuan: 26.5,
 * ￥26.50, 1,200, full-width digits, 2.65e1) — never NaN. `allowZero` for a price the domain judges
 * further (a calculator's ¥0 is the quote's business); a bill or an order of ¥0 has nothing to take
 * a voucher off, so by default 0 is refused in words rather than a greyed-out button.
 */
export function readYuan(text: string, { allowZero = false }: { allowZero?: boolean } = {}): YuanReading {
  if (text.trim() === '') return { fen: null, error: null }
  const parsed = tryParseYuan(text)
  if (!parsed.ok) return { fen: null, error: parsed.error.message }
  if (!allowZero && parsed.fen <= 0) return { fen: null, error: '金额要大于 0 元' }
  return { fen: parsed.fen, error: null }
}

export interface YuanFieldProps {
  label: string
  /** Exactly what the person typed (WECHAT.md pitfall 4: keep the raw string; readYuan parses). */
  value: string
  onChange: (text: string) => void
  /** Plain words under the field when there is nothing to fix, e.g. where to find the amount. */
  hint?: string
  placeholder?: string
  /** Accept ¥0 (see readYuan). */
  allowZero?: boolean
}

/**
 * The one yuan field (calculators' prices, a bill, an order amount): ¥ … 元 around the number pad,
 * named "<label>（元）" for screen readers, and under it readYuan's message for what to fix, announced
 * as an alert, or the hint. Sizes come from the page tokens, so 长辈模式 applies.
 */
export function YuanField({ label, value, onChange, hint, placeholder = '例如 26.5', allowZero = false }: YuanFieldProps) {
  const { error } = readYuan(value, { allowZero })
  return (
    <View className='yuan-field'>
      <View className='yuan-field__label'>{label}</View>
      <View className={`field-box ${error ? 'field-box--error' : ''}`}>
        <View className='field-box__unit' aria-hidden>
          ¥
        </View>
        <TextInput
          className='field-box__input'
          keyboard='price'
          label={`${label}（元）`}
          value={value}
          placeholder={placeholder}
          invalid={error !== null}
          onChange={onChange}
        />
        <View className='field-box__unit'>元</View>
      </View>
      {error ? (
        <View className='error-text yuan-field__message' role='alert'>
          ✗ {error}
        </View>
      ) : hint ? (
        <View className='caption yuan-field__message'>{hint}</View>
      ) : null}
    </View>
  )
}
