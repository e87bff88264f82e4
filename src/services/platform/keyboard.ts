/**
 * The keyboard for amounts typed in yuan, on H5: a plain text field, so whatever people type or
 * paste ("¥4,999", "26,5") reaches the domain's parser and gets a Chinese answer (a browser's
 * number field would silently throw such text away — WECHAT.md pitfall 4), with the decimal
 * keypad offered on phones. The weapp build uses keyboard.weapp.ts.
 */
export const DECIMAL_KEYBOARD: { type: 'text' | 'digit'; inputMode?: 'decimal' } = { type: 'text', inputMode: 'decimal' }
