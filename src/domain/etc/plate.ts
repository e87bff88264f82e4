/**
 * Chinese number plates as residents type them, for clause (二十六) (only 浙H plates are free).
 * Shapes follow GA 36-2018:
 * - ordinary: province character + issuing-authority letter + 5 letters/digits (浙H12345);
 * - new-energy, small cars: province + letter + D or F + a letter or digit + 4 digits (浙HD12345);
 * - new-energy, large vehicles: province + letter + 5 digits + D or F (浙H12345D).
 * The letters I and O are never used (they read as 1 and 0).
 */
import { DomainError } from '../errors'
import { toHalfWidth } from './text'

export type PlateErrorCode =
  | 'PLATE_EMPTY'
  | 'PLATE_PROVINCE'
  | 'PLATE_TOO_SHORT'
  | 'PLATE_TOO_LONG'
  | 'PLATE_LETTER_I_O'
  | 'PLATE_CITY'
  | 'PLATE_SPECIAL'
  | 'PLATE_CHARACTERS'
  | 'PLATE_NEW_ENERGY_FORMAT'

export class PlateError extends DomainError<PlateErrorCode> {}

export interface ParsedPlate {
  /** Canonical form without separators: '浙H12345'. */
  plate: string
  province: string
  /** Issuing-authority letter: 'H' is 衢州. */
  city: string
  /** Everything after province and city: '12345', 'D12345'. */
  serial: string
  newEnergy: boolean
  /** Which new-energy shape: small cars put D/F first, large vehicles last. */
  newEnergySize?: 'small' | 'large'
}

export const PROVINCE_CHARACTERS = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼'

/** 教练车, 警车, 挂车, 使领馆 and 港澳 plates end or start with these; the scheme is for private cars. */
const SPECIAL_PLATE_CHARACTERS = '学警挂领使港澳试超'

const ORDINARY_SERIAL_LENGTH = 5
const NEW_ENERGY_SERIAL_LENGTH = 6
const SMALL_NEW_ENERGY = /^[DF][A-HJ-NP-Z0-9]\d{4}$/
const LARGE_NEW_ENERGY = /^\d{5}[DF]$/

/** Spaces and the dots people put after the city letter: 浙H·12345, 浙H•12345, 浙H.12345, 浙H-12345. */
const SEPARATORS = /[\s\u00b7\u2022\u2027\u2219\u22c5\u30fb\uff65\u3002.\-\u2010-\u2015\u2212]/g

const EXAMPLE = '例如 浙H12345，新能源车如 浙HD12345'

export function parsePlate(text: string, field = 'plate'): ParsedPlate {
  if (typeof text !== 'string') throw new PlateError('PLATE_EMPTY', `请输入车牌号，${EXAMPLE}`, field)
  const compact = toHalfWidth(text).replace(SEPARATORS, '').toUpperCase()
  if (compact === '') throw new PlateError('PLATE_EMPTY', `请输入车牌号，${EXAMPLE}`, field)

  const [province, ...restCharacters] = Array.from(compact)
  if (!PROVINCE_CHARACTERS.includes(province)) {
    const message = /[A-Z0-9]/.test(province)
      ? `车牌要以省份简称开头，${EXAMPLE}`
      : `“${province}”不是省份简称，车牌要以省份简称开头，${EXAMPLE}`
    throw new PlateError('PLATE_PROVINCE', message, field)
  }
  const rest = restCharacters.join('')
  const serialLength = restCharacters.length - 1
  if (serialLength < ORDINARY_SERIAL_LENGTH) {
    throw new PlateError('PLATE_TOO_SHORT', `车牌号位数不够：普通车牌共 7 位，新能源车牌共 8 位，${EXAMPLE}`, field)
  }
  if (serialLength > NEW_ENERGY_SERIAL_LENGTH) {
    throw new PlateError('PLATE_TOO_LONG', `车牌号位数太多：普通车牌共 7 位，新能源车牌共 8 位，${EXAMPLE}`, field)
  }
  if (/[IO]/.test(rest)) {
    throw new PlateError('PLATE_LETTER_I_O', '车牌中不使用字母 I 和 O，请检查是否应为数字 1 和 0', field)
  }
  if (restCharacters.some((ch) => SPECIAL_PLATE_CHARACTERS.includes(ch))) {
    throw new PlateError('PLATE_SPECIAL', '这里只能查询普通蓝牌、黄牌和新能源号牌，不含教练车、警车、挂车等特殊号牌', field)
  }
  const [city, ...serialCharacters] = restCharacters
  if (!/^[A-Z]$/.test(city)) {
    throw new PlateError('PLATE_CITY', `省份简称后面应是发牌机关字母，例如 浙H（衢州）`, field)
  }
  const serial = serialCharacters.join('')
  if (!/^[A-Z0-9]+$/.test(serial)) {
    throw new PlateError('PLATE_CHARACTERS', `车牌号码只能由字母和数字组成，${EXAMPLE}`, field)
  }
  const plate = `${province}${city}${serial}`
  if (serial.length === ORDINARY_SERIAL_LENGTH) return { plate, province, city, serial, newEnergy: false }

  if (SMALL_NEW_ENERGY.test(serial)) return { plate, province, city, serial, newEnergy: true, newEnergySize: 'small' }
  if (LARGE_NEW_ENERGY.test(serial)) return { plate, province, city, serial, newEnergy: true, newEnergySize: 'large' }
  throw new PlateError(
    'PLATE_NEW_ENERGY_FORMAT',
    '新能源车牌格式不对：小型车是 D 或 F 加 1 位字母或数字再加 4 位数字（如 浙HD12345），大型车是 5 位数字加 D 或 F（如 浙H12345D）',
    field,
  )
}

/** Like parsePlate, as a result object, for a form field that shows the message inline. */
export function tryParsePlate(text: string): { ok: true; plate: ParsedPlate } | { ok: false; error: PlateError } {
  try {
    return { ok: true, plate: parsePlate(text) }
  } catch (error) {
    if (error instanceof PlateError) return { ok: false, error }
    throw error
  }
}

/** For display: 浙H·12345, the way the plate itself is printed. */
export function formatPlate(plate: ParsedPlate): string {
  return `${plate.province}${plate.city}·${plate.serial}`
}
