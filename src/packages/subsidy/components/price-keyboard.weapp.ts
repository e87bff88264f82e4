/** On WeChat the digit keyboard (numbers and a decimal point) is the easiest for a price. */
export const PRICE_KEYBOARD: { type: 'text' | 'digit'; inputMode?: 'decimal' } = { type: 'digit' }
