/**
 * What a resident tells a calculator, one shape per measure of clause (十四), and the check that
 * turns it (typed by a person, or sent by the API) into a trusted value or a SubsidyInputError
 * naming the field and saying in Chinese what to fix. Valid input that the policy does not
 * reward (grade 3, a phone over ¥6,000) is not an error here: the quote explains it.
 */
import { DomainError } from '../errors'
import { MoneyError, parseYuan, type Fen, type MoneyErrorCode } from '../money'
import { assertDate, TimeError } from '../time'
import {
  APPLIANCE_CATEGORIES,
  DIGITAL_CATEGORIES,
  EBIKE_BATTERY_TYPES,
  ENERGY_GRADES,
  NEW_CAR_ENERGIES,
  OLD_CAR_FUELS,
  RENOVATION_KINDS,
  SUBSIDY_MEASURES,
  type ApplianceCategory,
  type DigitalCategory,
  type EbikeBatteryType,
  type EnergyGrade,
  type NewCarEnergy,
  type OldCarFuel,
  type RenovationKind,
} from '../policy/subsidy-vocabulary'

export type SubsidyInputErrorCode =
  | 'SUBSIDY_UNKNOWN_MEASURE'
  | 'SUBSIDY_UNKNOWN_CATEGORY'
  | 'SUBSIDY_MISSING_FIELD'
  | 'SUBSIDY_INVALID_FIELD'
  | 'SUBSIDY_INVALID_DATE'
  | 'SUBSIDY_PRICE_EMPTY'
  | 'SUBSIDY_PRICE_NOT_A_NUMBER'
  | 'SUBSIDY_PRICE_NEGATIVE'
  | 'SUBSIDY_PRICE_TOO_PRECISE'
  | 'SUBSIDY_PRICE_TOO_LARGE'
  | 'SUBSIDY_INCONSISTENT_DATES'
  | 'SUBSIDY_FUTURE_DATE'

export class SubsidyInputError extends DomainError<SubsidyInputErrorCode> {}

const PRICE_ERROR_CODE: Record<MoneyErrorCode, SubsidyInputErrorCode> = {
  MONEY_EMPTY: 'SUBSIDY_PRICE_EMPTY',
  MONEY_NOT_A_NUMBER: 'SUBSIDY_PRICE_NOT_A_NUMBER',
  MONEY_NEGATIVE: 'SUBSIDY_PRICE_NEGATIVE',
  MONEY_TOO_PRECISE: 'SUBSIDY_PRICE_TOO_PRECISE',
  MONEY_TOO_LARGE: 'SUBSIDY_PRICE_TOO_LARGE',
}

/** The price as typed ("4,999.50", "￥4999", 4999.5) and the purchase date, Shanghai 'YYYY-MM-DD'. */
interface PurchaseFields {
  priceYuan: string | number
  purchaseDate: string
}

/** Grade on the China energy (or water-efficiency) label; null when the product has no label. */
type GradeField = { grade: EnergyGrade | null }

/**
 * How a basket tells cars apart: the plate or VIN of the old car and an id of the new car (VIN or
 * order number). Two car items are the same car when they share either id; when ids do not tell
 * them apart they are taken to be the same car (see quoteBasket).
 */
export interface CarIdentity {
  oldCarId?: string
  newCarId?: string
}

/** 2026: is the new new-energy car on 减免车辆购置税的新能源汽车车型目录? Unset = not sure yet. */
interface CatalogueAnswer {
  newCarOnTaxExemptionCatalogue?: boolean
}

export interface ApplianceInput extends PurchaseFields, GradeField {
  measure: 'appliance'
  category: ApplianceCategory
}

export interface FurnitureInput extends PurchaseFields, GradeField {
  measure: 'furniture'
}

export interface DigitalInput extends PurchaseFields {
  measure: 'digital'
  category: DigitalCategory
}

export interface CarScrapInput extends PurchaseFields, CarIdentity, CatalogueAnswer {
  measure: 'car-scrap'
  newCarEnergy: NewCarEnergy
  /** Litres; required when newCarEnergy is 'fuel'. */
  newCarDisplacementL?: number
  oldCarFuel: OldCarFuel
  /** First registration of the old car (机动车登记证书 注册登记日期). */
  oldCarRegisteredOn: string
  /** Since when the old car is registered in the applicant's own name. */
  oldCarOwnedSince: string
}

export interface CarReplaceInput extends PurchaseFields, CarIdentity, CatalogueAnswer {
  measure: 'car-replace'
  newCarEnergy: NewCarEnergy
  oldCarOwnedSince: string
}

export interface EbikeInput extends PurchaseFields {
  measure: 'ebike'
  oldBatteryType: EbikeBatteryType
  newBatteryType: EbikeBatteryType
  /** The old e-bike is (to be) handed to a qualified recycler (合格回收企业), with a receipt. */
  oldEbikeHandedToRecycler: boolean
  /** The new e-bike has CCC certification and meets GB 17761-2024. */
  newEbikeCompliant: boolean
}

export interface RenovationInput extends PurchaseFields, GradeField {
  measure: 'renovation'
  kind: RenovationKind
}

export type SubsidyInput = ApplianceInput | FurnitureInput | DigitalInput | CarScrapInput | CarReplaceInput | EbikeInput | RenovationInput

/** A checked input: dates normalised, price in fen, car ids trimmed and upper-cased. */
export type ParsedSubsidyInput = SubsidyInput & { priceFen: Fen }

/** Displacements above this are a typing slip (millilitres typed as litres), not a car. */
const MAX_PLAUSIBLE_DISPLACEMENT_L = 10

type Raw = Record<string, unknown>

function fieldName(prefix: string, field: string): string {
  return `${prefix}${field}`
}

function requireField(raw: Raw, field: string, prefix: string, what: string): unknown {
  const value = raw[field]
  if (value === undefined || value === '') {
    throw new SubsidyInputError('SUBSIDY_MISSING_FIELD', `请填写${what}`, fieldName(prefix, field))
  }
  return value
}

function oneOf<T extends string>(
  raw: Raw,
  field: string,
  allowed: readonly T[],
  prefix: string,
  what: string,
  code: SubsidyInputErrorCode = 'SUBSIDY_INVALID_FIELD',
): T {
  const value = requireField(raw, field, prefix, what)
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new SubsidyInputError(code, `${what}不在可选范围内，请从列表中选择`, fieldName(prefix, field))
  }
  return value as T
}

function grade(raw: Raw, prefix: string): EnergyGrade | null {
  if (!('grade' in raw) || raw.grade === undefined) {
    throw new SubsidyInputError('SUBSIDY_MISSING_FIELD', '请选择能效（水效）等级；没有能效标识请选“无”', fieldName(prefix, 'grade'))
  }
  if (raw.grade === null) return null
  if (!(ENERGY_GRADES as readonly unknown[]).includes(raw.grade)) {
    throw new SubsidyInputError('SUBSIDY_INVALID_FIELD', '能效等级应为一级到五级，或“无”', fieldName(prefix, 'grade'))
  }
  return raw.grade as EnergyGrade
}

function date(raw: Raw, field: string, prefix: string, what: string): string {
  const value = requireField(raw, field, prefix, what)
  try {
    return assertDate(value, fieldName(prefix, field))
  } catch (error) {
    if (error instanceof TimeError) {
      throw new SubsidyInputError('SUBSIDY_INVALID_DATE', `${what}：${error.message}`, fieldName(prefix, field))
    }
    throw error
  }
}

function yesNo(raw: Raw, field: string, prefix: string, what: string): boolean {
  const value = requireField(raw, field, prefix, what)
  if (typeof value !== 'boolean') throw new SubsidyInputError('SUBSIDY_INVALID_FIELD', `请选择${what}：是或否`, fieldName(prefix, field))
  return value
}

function optionalYesNo(raw: Raw, field: string, prefix: string, what: string): boolean | undefined {
  const value = raw[field]
  if (value === undefined || value === null || value === '') return undefined
  if (typeof value !== 'boolean')
    throw new SubsidyInputError('SUBSIDY_INVALID_FIELD', `请选择${what}：是、否或不清楚`, fieldName(prefix, field))
  return value
}

/** Added only when answered, so a stored input without the question keeps its shape. */
function catalogueAnswer(raw: Raw, prefix: string): CatalogueAnswer {
  const answer = optionalYesNo(raw, 'newCarOnTaxExemptionCatalogue', prefix, '新车是否列入减免车辆购置税的新能源汽车车型目录')
  return answer === undefined ? {} : { newCarOnTaxExemptionCatalogue: answer }
}

function carId(raw: Raw, field: 'oldCarId' | 'newCarId', prefix: string): string | undefined {
  const value = raw[field]
  if (value === undefined || value === null || value === '') return undefined
  if (typeof value !== 'string') throw new SubsidyInputError('SUBSIDY_INVALID_FIELD', '车牌号或车架号应为文字', fieldName(prefix, field))
  const normalised = value.replace(/\s+/g, '').toUpperCase()
  return normalised === '' ? undefined : normalised
}

function price(raw: Raw, prefix: string): Fen {
  const field = fieldName(prefix, 'priceYuan')
  const value = raw.priceYuan
  if (value === undefined || value === null) throw new SubsidyInputError('SUBSIDY_PRICE_EMPTY', '请输入售价', field)
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw new SubsidyInputError('SUBSIDY_PRICE_NOT_A_NUMBER', '售价应为数字，例如 4999.50', field)
  }
  try {
    return parseYuan(value, field)
  } catch (error) {
    if (error instanceof MoneyError) throw new SubsidyInputError(PRICE_ERROR_CODE[error.code], error.message, field)
    throw error
  }
}

function displacement(raw: Raw, prefix: string, required: boolean): number | undefined {
  const field = fieldName(prefix, 'newCarDisplacementL')
  const value = raw.newCarDisplacementL
  if (value === undefined || value === null || value === '') {
    if (required) throw new SubsidyInputError('SUBSIDY_MISSING_FIELD', '燃油车请填写新车排量（升），例如 1.5', field)
    return undefined
  }
  const litres = typeof value === 'string' ? Number(value.trim().replace(/[lL升]$/, '')) : value
  if (typeof litres !== 'number' || !Number.isFinite(litres) || litres <= 0 || litres > MAX_PLAUSIBLE_DISPLACEMENT_L) {
    throw new SubsidyInputError('SUBSIDY_INVALID_FIELD', `排量应为 0 到 ${MAX_PLAUSIBLE_DISPLACEMENT_L} 升之间的数字，例如 1.5`, field)
  }
  return litres
}

/**
 * Checks an input of any origin. `fieldPrefix` ('inputs[2].') locates a basket item's fields.
 * Throws SubsidyInputError; never returns a half-checked value.
 */
export function parseSubsidyInput(input: unknown, fieldPrefix = ''): ParsedSubsidyInput {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new SubsidyInputError('SUBSIDY_MISSING_FIELD', '请选择补贴项目并填写购买信息', fieldPrefix.replace(/\.$/, '') || undefined)
  }
  const raw = input as Raw
  const prefix = fieldPrefix
  const measure = oneOf(raw, 'measure', SUBSIDY_MEASURES, prefix, '补贴项目', 'SUBSIDY_UNKNOWN_MEASURE')
  const priceFen = price(raw, prefix)
  const purchaseDate = date(raw, 'purchaseDate', prefix, '购买日期')
  const common = { priceYuan: raw.priceYuan as string | number, purchaseDate, priceFen }

  switch (measure) {
    case 'appliance':
      return {
        ...common,
        measure,
        category: oneOf(raw, 'category', APPLIANCE_CATEGORIES, prefix, '家电品类', 'SUBSIDY_UNKNOWN_CATEGORY'),
        grade: grade(raw, prefix),
      }
    case 'furniture':
      return { ...common, measure, grade: grade(raw, prefix) }
    case 'digital':
      return {
        ...common,
        measure,
        category: oneOf(raw, 'category', DIGITAL_CATEGORIES, prefix, '数码产品品类', 'SUBSIDY_UNKNOWN_CATEGORY'),
      }
    case 'car-scrap': {
      const newCarEnergy = oneOf(raw, 'newCarEnergy', NEW_CAR_ENERGIES, prefix, '新车能源类型')
      const oldCarRegisteredOn = date(raw, 'oldCarRegisteredOn', prefix, '旧车注册登记日期')
      const oldCarOwnedSince = date(raw, 'oldCarOwnedSince', prefix, '旧车登记在本人名下的日期')
      if (oldCarOwnedSince < oldCarRegisteredOn) {
        throw new SubsidyInputError(
          'SUBSIDY_INCONSISTENT_DATES',
          '旧车登记在本人名下的日期不能早于旧车注册登记日期，请对照机动车登记证书检查',
          fieldName(prefix, 'oldCarOwnedSince'),
        )
      }
      return {
        ...common,
        measure,
        newCarEnergy,
        newCarDisplacementL: displacement(raw, prefix, newCarEnergy === 'fuel'),
        oldCarFuel: oneOf(raw, 'oldCarFuel', OLD_CAR_FUELS, prefix, '旧车燃料类型'),
        oldCarRegisteredOn,
        oldCarOwnedSince,
        oldCarId: carId(raw, 'oldCarId', prefix),
        newCarId: carId(raw, 'newCarId', prefix),
        ...catalogueAnswer(raw, prefix),
      }
    }
    case 'car-replace':
      return {
        ...common,
        measure,
        newCarEnergy: oneOf(raw, 'newCarEnergy', NEW_CAR_ENERGIES, prefix, '新车能源类型'),
        oldCarOwnedSince: date(raw, 'oldCarOwnedSince', prefix, '旧车登记在本人名下的日期'),
        oldCarId: carId(raw, 'oldCarId', prefix),
        newCarId: carId(raw, 'newCarId', prefix),
        ...catalogueAnswer(raw, prefix),
      }
    case 'ebike':
      return {
        ...common,
        measure,
        oldBatteryType: oneOf(raw, 'oldBatteryType', EBIKE_BATTERY_TYPES, prefix, '旧车电池类型'),
        newBatteryType: oneOf(raw, 'newBatteryType', EBIKE_BATTERY_TYPES, prefix, '新车电池类型'),
        oldEbikeHandedToRecycler: yesNo(raw, 'oldEbikeHandedToRecycler', prefix, '旧车是否交售给合格回收企业'),
        newEbikeCompliant: yesNo(raw, 'newEbikeCompliant', prefix, '新车是否有 CCC 认证并符合 GB 17761-2024'),
      }
    case 'renovation':
      return {
        ...common,
        measure,
        kind: oneOf(raw, 'kind', RENOVATION_KINDS, prefix, '家装产品类别', 'SUBSIDY_UNKNOWN_CATEGORY'),
        grade: grade(raw, prefix),
      }
  }
}
