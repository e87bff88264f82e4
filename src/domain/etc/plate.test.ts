import fc from 'fast-check'
import { DomainError } from '../errors'
import { PROVINCE_CHARACTERS, PlateError, formatPlate, parsePlate, tryParsePlate } from './plate'

describe('parsePlate accepts what people type', () => {
  it.each([
    ['ordinary', '浙H12345', { plate: '浙H12345', province: '浙', city: 'H', newEnergy: false }],
    ['ordinary with letters', '浙HA8B88', { plate: '浙HA8B88', province: '浙', city: 'H', newEnergy: false }],
    ['other city', '浙A12345', { plate: '浙A12345', province: '浙', city: 'A', newEnergy: false }],
    ['other province', '苏E12345', { plate: '苏E12345', province: '苏', city: 'E', newEnergy: false }],
    ['new-energy small, D', '浙HD12345', { plate: '浙HD12345', newEnergy: true, newEnergySize: 'small' }],
    ['new-energy small, F with a letter', '浙HFA1234', { plate: '浙HFA1234', newEnergy: true, newEnergySize: 'small' }],
    ['new-energy large, D last', '浙H12345D', { plate: '浙H12345D', newEnergy: true, newEnergySize: 'large' }],
    ['new-energy large, F last', '浙H12345F', { plate: '浙H12345F', newEnergy: true, newEnergySize: 'large' }],
    ['lower case', '浙h12345', { plate: '浙H12345', city: 'H' }],
    ['lower case new-energy', '浙hd12345', { plate: '浙HD12345', newEnergy: true }],
    ['middle dot', '浙H·12345', { plate: '浙H12345' }],
    ['lower case and middle dot (issue example)', '浙h·12345', { plate: '浙H12345' }],
    ['bullet', '浙H•12345', { plate: '浙H12345' }],
    ['full stop', '浙H.12345', { plate: '浙H12345' }],
    ['katakana middle dot', '浙H・12345', { plate: '浙H12345' }],
    ['Chinese full stop', '浙H。12345', { plate: '浙H12345' }],
    ['hyphen', '浙H-12345', { plate: '浙H12345' }],
    ['spaces', ' 浙 H 123 45 ', { plate: '浙H12345' }],
    ['ideographic space', '浙H\u300012345', { plate: '浙H12345' }],
    ['full-width letters and digits', '浙Ｈ１２３４５', { plate: '浙H12345' }],
    ['full-width lower case', '浙ｈｄ１２３４５', { plate: '浙HD12345', newEnergy: true }],
    ['full-width dot', '浙Ｈ．12345', { plate: '浙H12345' }],
  ])('%s: %s', (_case, input, expected) => {
    expect(parsePlate(input)).toMatchObject(expected)
  })
})

describe('parsePlate rejects with a Chinese message saying what to fix', () => {
  it.each([
    ['empty', '', 'PLATE_EMPTY', /请输入车牌号/],
    ['only separators', ' · ', 'PLATE_EMPTY', /请输入车牌号/],
    ['no province', 'H12345', 'PLATE_PROVINCE', /省份简称开头/],
    ['not a province character', '中H12345', 'PLATE_PROVINCE', /“中”不是省份简称/],
    ['too short', '浙H1234', 'PLATE_TOO_SHORT', /位数不够/],
    ['far too short', '浙', 'PLATE_TOO_SHORT', /位数不够/],
    ['too long', '浙H1234567', 'PLATE_TOO_LONG', /位数太多/],
    ['letter I', '浙H1234I', 'PLATE_LETTER_I_O', /I 和 O/],
    ['letter O', '浙HO1234', 'PLATE_LETTER_I_O', /I 和 O/],
    ['lower-case o', '浙h1o234', 'PLATE_LETTER_I_O', /I 和 O/],
    ['I as the city letter', '浙I12345', 'PLATE_LETTER_I_O', /I 和 O/],
    ['digit as city letter', '浙112345', 'PLATE_CITY', /发牌机关字母/],
    ['coach plate', '浙H1234学', 'PLATE_SPECIAL', /特殊号牌/],
    ['Chinese in the serial', '浙H12三45', 'PLATE_CHARACTERS', /字母和数字/],
    ['symbols in the serial', '浙H12#45', 'PLATE_CHARACTERS', /字母和数字/],
    ['new-energy, wrong first letter', '浙HA12345', 'PLATE_NEW_ENERGY_FORMAT', /新能源车牌格式不对/],
    ['new-energy small, letters at the end', '浙HD1234A', 'PLATE_NEW_ENERGY_FORMAT', /新能源车牌格式不对/],
    ['new-energy large, letter among the digits', '浙H1A345D', 'PLATE_NEW_ENERGY_FORMAT', /新能源车牌格式不对/],
  ])('%s: %s', (_case, input, code, message) => {
    let caught: unknown
    try {
      parsePlate(input)
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(PlateError)
    expect(caught).toBeInstanceOf(DomainError)
    expect((caught as PlateError).code).toBe(code)
    expect((caught as PlateError).message).toMatch(message)
    expect((caught as PlateError).field).toBe('plate')
  })

  it('rejects a value that is not text', () => {
    expect(() => parsePlate(undefined as unknown as string)).toThrow(PlateError)
  })
})

describe('tryParsePlate and formatPlate', () => {
  it('returns the error instead of throwing', () => {
    const result = tryParsePlate('浙H1234')
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.code).toBe('PLATE_TOO_SHORT')
  })

  it('prints the dot the plate itself shows', () => {
    expect(formatPlate(parsePlate('浙hd12345'))).toBe('浙H·D12345')
  })
})

const serialCharacter = fc.constantFrom(...'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789'.split(''))
const ordinaryPlate = fc
  .tuple(
    fc.constantFrom(...Array.from(PROVINCE_CHARACTERS)),
    fc.constantFrom(...'ABCDEFGHJKLMNPQRSTUVWXYZ'.split('')),
    fc.array(serialCharacter, { minLength: 5, maxLength: 5 }),
  )
  .map(([province, city, serial]) => `${province}${city}${serial.join('')}`)

describe('parsePlate properties', () => {
  it('is idempotent on its own output', () => {
    fc.assert(
      fc.property(ordinaryPlate, (text) => {
        const once = parsePlate(text)
        expect(parsePlate(once.plate)).toEqual(once)
        expect(parsePlate(formatPlate(once))).toEqual(once)
      }),
    )
  })

  it('ignores case, spaces and dots', () => {
    const decoration = fc.constantFrom('', ' ', '·', '•', '.', ' · ')
    fc.assert(
      fc.property(ordinaryPlate, decoration, (text, separator) => {
        const [province, city, ...serial] = Array.from(text)
        const typed = `${province}${city.toLowerCase()}${separator}${serial.join('').toLowerCase()}`
        expect(parsePlate(typed).plate).toBe(text)
      }),
    )
  })

  it('never returns a plate containing I or O', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 10 }), (text) => {
        const result = tryParsePlate(`浙H${text}`)
        if (result.ok) expect(result.plate.plate).not.toMatch(/[IO]/)
      }),
    )
  })
})
