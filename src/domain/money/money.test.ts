import fc from 'fast-check'
import { formatFen, MoneyError, parseYuan, percentOf, tryParseYuan } from '.'

describe('parseYuan accepts what people type', () => {
  test.each([
    ['4999.5', 499950],
    ['4,999.50', 499950],
    ['￥4999', 499900],
    ['¥ 4999 元', 499900],
    ['  4999  ', 499900],
    ['４９９９．５', 499950],
    ['0', 0],
    ['0.01', 1],
    ['.5', 50],
    ['6000.', 600000],
    ['10000000', 1000000000],
    ['1,234,567.89', 123456789],
    [5000, 500000],
    [0.1, 10],
    ['1e3', 100000],
    ['1.5E3', 150000],
    ['2.5e-1', 25],
    ['0.0001e4', 100],
    ['1e7', 1000000000],
    ['0e999999', 0],
  ])('%p → %p fen', (input, fen) => {
    expect(parseYuan(input)).toBe(fen)
  })
})

describe('parseYuan rejects bad input with a code and a Chinese message', () => {
  test.each([
    ['', 'MONEY_EMPTY'],
    ['   ', 'MONEY_EMPTY'],
    ['abc', 'MONEY_NOT_A_NUMBER'],
    ['12a', 'MONEY_NOT_A_NUMBER'],
    ['1.2.3', 'MONEY_NOT_A_NUMBER'],
    ['49,99', 'MONEY_NOT_A_NUMBER'],
    ['-5', 'MONEY_NEGATIVE'],
    ['－5', 'MONEY_NEGATIVE'],
    ['4999.505', 'MONEY_TOO_PRECISE'],
    ['10000000.01', 'MONEY_TOO_LARGE'],
    ['99999999999', 'MONEY_TOO_LARGE'],
    [Number.NaN, 'MONEY_NOT_A_NUMBER'],
    [Number.POSITIVE_INFINITY, 'MONEY_NOT_A_NUMBER'],
    [-1, 'MONEY_NEGATIVE'],
    ['1e12', 'MONEY_TOO_LARGE'],
    ['1E12', 'MONEY_TOO_LARGE'],
    ['１ｅ１２', 'MONEY_TOO_LARGE'],
    ['1e999999999999', 'MONEY_TOO_LARGE'],
    [1e21, 'MONEY_TOO_LARGE'],
    ['1.000000001e7', 'MONEY_TOO_LARGE'],
    ['1e-3', 'MONEY_TOO_PRECISE'],
    ['1e-999999999999', 'MONEY_TOO_PRECISE'],
    ['-1e3', 'MONEY_NEGATIVE'],
    ['e5', 'MONEY_NOT_A_NUMBER'],
    ['1e', 'MONEY_NOT_A_NUMBER'],
  ])('%p → %s', (input, code) => {
    let caught: unknown
    try {
      parseYuan(input as string | number, 'priceYuan')
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(MoneyError)
    const error = caught as MoneyError
    expect(error.code).toBe(code)
    expect(error.field).toBe('priceYuan')
    expect(error.message).toMatch(/[\u4e00-\u9fa5]/)
  })

  test('the same number gets the same answer however it is written (1e12 vs 1000000000000)', () => {
    const outcome = (text: string) => {
      const result = tryParseYuan(text)
      return result.ok ? result.fen : result.error.code
    }
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 14 }), fc.integer({ min: 0, max: 8 }), (whole, shift) => {
        const plain = String(whole)
        const padded = plain.padStart(shift + 1, '0')
        const mantissa = shift === 0 ? padded : `${padded.slice(0, padded.length - shift)}.${padded.slice(padded.length - shift)}`
        return outcome(`${mantissa}e${shift}`) === outcome(plain) && outcome(`${plain}E+0`) === outcome(plain)
      }),
    )
  })

  test('tryParseYuan returns the error instead of throwing', () => {
    const result = tryParseYuan('abc')
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.message).toContain('金额格式不对')
  })
})

describe('formatFen', () => {
  test.each([
    [0, '¥0.00'],
    [1, '¥0.01'],
    [123450, '¥1,234.50'],
    [100000000, '¥1,000,000.00'],
    [-50, '-¥0.50'],
  ])('%p → %p', (fen, text) => {
    expect(formatFen(fen)).toBe(text)
  })
  test('options', () => {
    expect(formatFen(200000, { trimZeros: true })).toBe('¥2,000')
    expect(formatFen(123450, { symbol: false })).toBe('1,234.50')
  })
  test('format then parse returns the same fen', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), (fen) => parseYuan(formatFen(fen)) === fen),
    )
  })
})

describe('percentOf rounds half up to the fen', () => {
  test.each([
    [500000, 20, 100000],
    [1, 15, 0], // 0.15 fen
    [3, 15, 0], // 0.45 fen
    [4, 15, 1], // 0.6 fen
    [10, 15, 2], // 1.5 fen → 2
    [333333, 15, 50000], // 49999.95 → 50000
    [100, 12.5, 13], // 12.5 → 13
  ])('%p fen × %p%% = %p fen', (fen, percent, expected) => {
    expect(percentOf(fen, percent)).toBe(expected)
  })
  test('matches exact rational rounding for every amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), fc.integer({ min: 0, max: 10000 }), (fen, bp) => {
        const result = percentOf(fen, bp / 100)
        const exact = (fen * bp) / 10000
        return Number.isInteger(result) && Math.abs(result - exact) <= 0.5 && (result - exact < 0.5 || result - exact === 0.5)
      }),
    )
  })
})
