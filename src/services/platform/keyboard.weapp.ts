/**
 * The keyboard for amounts in the mini-program: 'digit' opens WeChat's number pad with a decimal
 * point, and the Input still hands over the raw text. The H5 build uses keyboard.ts.
 */
export const DECIMAL_KEYBOARD: { type: 'text' | 'digit'; inputMode?: 'decimal' } = { type: 'digit' }
