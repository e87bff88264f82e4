import { Input } from '@tarojs/components'
import { DECIMAL_KEYBOARD } from '../services/platform/keyboard'

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
  /** 'price' opens the number keypad (amounts in yuan). */
  keyboard?: 'text' | 'price'
}

/**
 * A text field (calculators, bills, order amounts). On H5 the real <input> sits inside Taro's <taro-input-core>,
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
    ...(price && DECIMAL_KEYBOARD.inputMode ? { inputMode: DECIMAL_KEYBOARD.inputMode } : {}),
  }
  return (
    <Input
      className={className}
      type={price ? DECIMAL_KEYBOARD.type : 'text'}
      value={value}
      placeholder={placeholder}
      maxlength={maxlength}
      nativeProps={nativeProps}
      onInput={(event) => onChange(event.detail.value)}
    />
  )
}
