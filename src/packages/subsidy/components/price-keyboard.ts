/**
 * The keyboard for a price on H5: a text field, so whatever people type or paste ("¥4,999",
 * "4999元") reaches the domain's parser and gets a Chinese answer, with the decimal keypad offered
 * on phones. (A number input would silently turn such text into an empty value.)
 */
export const PRICE_KEYBOARD: { type: 'text' | 'digit'; inputMode?: 'decimal' } = { type: 'text', inputMode: 'decimal' }
