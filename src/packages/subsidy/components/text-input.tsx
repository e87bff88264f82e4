import { Input } from '@tarojs/components'
import { PRICE_KEYBOARD } from './price-keyboard'

export interface TextInputProps {
  /** Spoken name of the field. */
  label: string
  /** Exactly what the person typed (WECHAT.md pitfall 4: keep the raw string; the domain parses). */
  value: string
  onChange: (text: string) => void
  invalid?: boolean
  placeholder?: string
  maxlength?: number
  className?: string
  /** 'price' opens the number keypad. */
  keyboard?: 'text' | 'price'
}

/**
 * A text field of the calculators. On H5 the real <input> sits inside Taro's <taro-input-core>,
 * so its name, state and keypad go through nativeProps (the jest shim does the same).
 */
export function TextInput({
  label,
  value,
  onChange,
  invalid = false,
  placeholder,
  maxlength = 20,
  className,
  keyboard = 'text',
}: TextInputProps) {
  const price = keyboard === 'price'
  const nativeProps = {
    'aria-label': label,
    ...(invalid ? { 'aria-invalid': 'true' } : {}),
    ...(price && PRICE_KEYBOARD.inputMode ? { inputMode: PRICE_KEYBOARD.inputMode } : {}),
  }
  return (
    <Input
      className={className}
      type={price ? PRICE_KEYBOARD.type : 'text'}
      value={value}
      placeholder={placeholder}
      maxlength={maxlength}
      nativeProps={nativeProps}
      onInput={(event) => onChange(event.detail.value)}
    />
  )
}
