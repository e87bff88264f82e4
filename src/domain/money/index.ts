/**
 * Money inside the app is integer fen (分). Yuan exist only at the edges: what a person types and
 * what the screen shows. Every amount the policy talks about (¥2,000 caps, ¥6,000 limits) is
 * data elsewhere; this module only converts and does exact arithmetic.
 */
import { DomainError } from '../errors'

export type Fen = number

export type MoneyErrorCode =
  | 'MONEY_EMPTY'
  | 'MONEY_NOT_A_NUMBER'
  | 'MONEY_NEGATIVE'
  | 'MONEY_TOO_PRECISE'
  | 'MONEY_TOO_LARGE'

export class MoneyError extends DomainError<MoneyErrorCode> {}

/** ¥10,000,000: no consumer purchase in these measures comes near it; above is a typing slip. */
export const MAX_AMOUNT_FEN: Fen = 10_000_000_00

const FULL_WIDTH_OFFSET = 0xfee0

/** Full-width digits and punctuation (＄４９９９．５) become ASCII; ideographic space becomes space. */
function toHalfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - FULL_WIDTH_OFFSET)).replace(/\u3000/g, ' ')
}

const TOO_LARGE_MESSAGE = '金额过大，请检查是否多输了位数（上限 ¥10,000,000）'

/**
 * "1e12", "1.5E3": the same number as 1000000000000 or 1500 gets the same answer (issue 19 item 7),
 * so the exponent is applied to the digits as text — never through a float, which would round —
 * and an absurd exponent is judged from the digit count alone instead of building a huge string.
 */
function plainDecimal(whole: string, decimals: string, exponent: number, field?: string): string {
  const digits = `${whole}${decimals}`
  const leadingZeros = digits.length - digits.replace(/^0+/, '').length
  const significant = digits.slice(leadingZeros).replace(/0+$/, '')
  if (significant === '') return '0'
  // The decimal point sits this many digits after the first significant digit.
  const point = whole.length + exponent - leadingZeros
  if (point > 9) throw new MoneyError('MONEY_TOO_LARGE', TOO_LARGE_MESSAGE, field)
  if (significant.length - point > 2) throw new MoneyError('MONEY_TOO_PRECISE', '金额最多精确到分（小数点后两位）', field)
  if (point <= 0) return `0.${'0'.repeat(-point)}${significant}`
  const padded = significant.padEnd(point, '0')
  return `${padded.slice(0, point)}.${padded.slice(point)}`
}

/**
 * Parses what people type for a price in yuan: "4999.5", "4,999.50", "￥4999", "¥ 4999 元",
 * full-width digits, surrounding spaces, exponent notation ("1.5e3"). Numbers are accepted too (from a picker or the API).
 * Returns integer fen. Rejects empty, non-numeric, negative, more than two decimals and
 * amounts over ¥10,000,000 with a MoneyError whose message says what to fix.
 */
export function parseYuan(input: string | number, field?: string): Fen {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new MoneyError('MONEY_NOT_A_NUMBER', '金额不是有效的数字', field)
    return parseYuan(String(input), field)
  }
  if (typeof input !== 'string') throw new MoneyError('MONEY_NOT_A_NUMBER', '请输入金额', field)
  let text = toHalfWidth(input).trim()
  if (text === '') throw new MoneyError('MONEY_EMPTY', '请输入金额', field)
  text = text.replace(/^[¥￥$]\s*/, '').replace(/\s*(元|块|rmb|RMB|CNY)$/, '').trim()
  const negative = /^[-−]/.test(text)
  if (negative) text = text.replace(/^[-−]\s*/, '')
  // Thousands separators only between groups of three digits: "4,999.50" yes, "49,99" no.
  if (text.includes(',')) {
    if (!/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(text)) {
      throw new MoneyError('MONEY_NOT_A_NUMBER', '金额格式不对，请只输入数字，例如 4999.50', field)
    }
    text = text.replace(/,/g, '')
  }
  const exponent = /^(\d*)(?:\.(\d*))?[eE]([+-]?\d+)$/.exec(text)
  if (exponent && `${exponent[1]}${exponent[2] ?? ''}` !== '') {
    if (negative) throw new MoneyError('MONEY_NEGATIVE', '金额不能是负数', field)
    text = plainDecimal(exponent[1], exponent[2] ?? '', Number(exponent[3]), field)
  }
  const match = /^(\d+)(?:\.(\d*))?$/.exec(text) ?? /^()\.(\d+)$/.exec(text)
  if (!match) throw new MoneyError('MONEY_NOT_A_NUMBER', '金额格式不对，请只输入数字，例如 4999.50', field)
  if (negative) throw new MoneyError('MONEY_NEGATIVE', '金额不能是负数', field)
  const [, whole, decimals = ''] = match
  if (decimals.length > 2) throw new MoneyError('MONEY_TOO_PRECISE', '金额最多精确到分（小数点后两位）', field)
  const wholeDigits = whole.replace(/^0+(?=\d)/, '') || '0'
  if (wholeDigits.length > 9) throw new MoneyError('MONEY_TOO_LARGE', TOO_LARGE_MESSAGE, field)
  const fen = Number(wholeDigits) * 100 + Number(decimals.padEnd(2, '0'))
  if (fen > MAX_AMOUNT_FEN) throw new MoneyError('MONEY_TOO_LARGE', TOO_LARGE_MESSAGE, field)
  return fen
}

/** Like parseYuan but returns a result object, for form fields that show the message inline. */
export function tryParseYuan(input: string | number): { ok: true; fen: Fen } | { ok: false; error: MoneyError } {
  try {
    return { ok: true, fen: parseYuan(input) }
  } catch (error) {
    if (error instanceof MoneyError) return { ok: false, error }
    throw error
  }
}

export function assertFen(value: number, field = 'amount'): Fen {
  if (!Number.isSafeInteger(value)) throw new MoneyError('MONEY_NOT_A_NUMBER', '金额必须是整数分', field)
  if (value < 0) throw new MoneyError('MONEY_NEGATIVE', '金额不能是负数', field)
  return value
}

/** ¥1,234.50 — always two decimals, thousands separated; `{ symbol: false }` for 1,234.50. */
export function formatFen(fen: Fen, options: { symbol?: boolean; trimZeros?: boolean } = {}): string {
  const { symbol = true, trimZeros = false } = options
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(Math.round(fen))
  const whole = Math.floor(abs / 100)
  const cents = abs % 100
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  const decimals = trimZeros && cents === 0 ? '' : `.${String(cents).padStart(2, '0')}`
  return `${sign}${symbol ? '¥' : ''}${grouped}${decimals}`
}

/** Whole yuan to fen, for figures that policy data states in yuan. */
export function yuanToFen(yuan: number): Fen {
  return Math.round(yuan * 100)
}

/**
 * fen × percent, rounded half up to the nearest fen, in exact integer arithmetic. `percent` may
 * have up to two decimals (e.g. 12.5). fen ≤ 1e9 and percent×100 ≤ 1e4 keep the product below
 * 2^53, so plain numbers stay exact (no BigInt: old WeChat Android engines lack it).
 */
export function percentOf(fen: Fen, percent: number): Fen {
  const basisPoints = Math.round(percent * 100) // 20% → 2000
  const product = Math.round(fen) * basisPoints
  const quotient = Math.floor(product / 10000)
  const remainder = product - quotient * 10000
  return remainder * 2 >= 10000 ? quotient + 1 : quotient
}
