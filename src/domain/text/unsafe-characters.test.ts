import fc from 'fast-check'
import { assertSafeText, findUnsafeCharacter, UnsafeTextError } from './unsafe-characters'

describe('findUnsafeCharacter', () => {
  test.each([
    ['小王', null],
    ['Zhang San 张三', null],
    ['订单-2025_05#01', null],
    ['👨‍👩‍👧 一家人', null],
    ['emoji 😀', null],
    ['a\u0000b', 'control'],
    ['\u0007', 'control'],
    ['line\nbreak', 'control'],
    ['tab\there', 'control'],
    ['\u007F', 'control'],
    ['\u0085', 'control'],
    ['\u009B', 'control'],
    ['abc\u202Egpj.exe', 'bidi'],
    ['\u2066x\u2069', 'bidi'],
    ['\u200F', 'bidi'],
    ['\u061C', 'bidi'],
    ['\uD800', 'surrogate'],
    ['x\uDC00', 'surrogate'],
  ])('%j → %s', (text, kind) => {
    expect(findUnsafeCharacter(text)).toBe(kind)
  })

  test('printable text without bidi controls is always accepted', () => {
    const printable = fc.string({ unit: 'grapheme' }).filter((text) => !/[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/.test(text))
    fc.assert(fc.property(printable, (text) => findUnsafeCharacter(text) === null))
  })

  test('any control character anywhere is found', () => {
    const control = fc.integer({ min: 0, max: 0x9f }).filter((code) => code < 0x20 || code >= 0x7f).map((code) => String.fromCharCode(code))
    fc.assert(fc.property(fc.string(), control, fc.string(), (before, bad, after) => findUnsafeCharacter(before + bad + after) !== null))
  })
})

describe('assertSafeText', () => {
  test('throws a typed error with the field and a Chinese message', () => {
    expect(() => assertSafeText('a\u0000', 'nickname', '昵称')).toThrow(UnsafeTextError)
    try {
      assertSafeText('a\u202E', 'nickname', '昵称')
    } catch (error) {
      expect(error).toMatchObject({ code: 'INVALID_CHARACTERS', field: 'nickname' })
      expect((error as Error).message).toMatch(/^昵称含有改变文字方向/)
    }
    expect(() => assertSafeText('小王', 'nickname')).not.toThrow()
  })
})
