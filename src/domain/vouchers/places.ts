/**
 * Where a voucher may be spent, and by whom. County codes are GB/T 2260 (国家标准《中华人民共和国行政区划
 * 代码》); the table lives with the events (events/places.ts), and vouchers take its six
 * county-level divisions without the whole-city code 330800 that only an event can carry.
 * 衢州智造新城 is a functional zone, not a division: a merchant tag, never a county. Merchant
 * categories are the trades 消费券 campaigns name (餐饮, 商超, 零售, 文旅…).
 */
import { COUNTIES, QUZHOU_CITY_CODE, countyName } from '../events/places'

type Place = (typeof COUNTIES)[number]
export type VoucherCountyCode = Exclude<Place['code'], typeof QUZHOU_CITY_CODE>

export const VOUCHER_COUNTIES = COUNTIES.filter(
  (county): county is Extract<Place, { code: VoucherCountyCode }> => county.code !== QUZHOU_CITY_CODE,
)

export const VOUCHER_COUNTY_CODES = VOUCHER_COUNTIES.map((county) => county.code) as [VoucherCountyCode, ...VoucherCountyCode[]]

export function isVoucherCountyCode(code: unknown): code is VoucherCountyCode {
  return typeof code === 'string' && (VOUCHER_COUNTY_CODES as readonly string[]).includes(code)
}

/** '柯城区、衢江区', or '衢州全市' when all six are listed. */
export function countyNames(codes: readonly VoucherCountyCode[]): string {
  if (VOUCHER_COUNTY_CODES.every((code) => codes.includes(code))) return '衢州全市'
  return codes.map(countyName).join('、')
}

export const MERCHANT_CATEGORIES = [
  { code: 'catering', name: '餐饮' },
  { code: 'supermarket', name: '商超便利' },
  { code: 'retail', name: '百货零售' },
  { code: 'appliances-digital', name: '家电数码' },
  { code: 'culture-tourism', name: '文旅景区' },
  { code: 'accommodation', name: '住宿' },
  { code: 'sports-fitness', name: '体育健身' },
] as const

export type MerchantCategory = (typeof MERCHANT_CATEGORIES)[number]['code']

export const MERCHANT_CATEGORY_CODES = MERCHANT_CATEGORIES.map((category) => category.code) as [MerchantCategory, ...MerchantCategory[]]

export const MERCHANT_CATEGORY_NAME: Record<MerchantCategory, string> = Object.fromEntries(
  MERCHANT_CATEGORIES.map((category) => [category.code, category.name]),
) as Record<MerchantCategory, string>
