/**
 * Where a voucher may be spent, and by whom. County codes are GB/T 2260 (shared/policy/facts.md,
 * "Places"); 衢州智造新城 is a functional zone, not a division, so it is a merchant tag, never a
 * county. Merchant categories are the trades 消费券 campaigns name (餐饮, 商超, 零售, 文旅…).
 */
export const QUZHOU_COUNTIES = [
  { code: '330802', name: '柯城区' },
  { code: '330803', name: '衢江区' },
  { code: '330822', name: '常山县' },
  { code: '330824', name: '开化县' },
  { code: '330825', name: '龙游县' },
  { code: '330881', name: '江山市' },
] as const

export type CountyCode = (typeof QUZHOU_COUNTIES)[number]['code']

export const COUNTY_CODES = QUZHOU_COUNTIES.map((county) => county.code) as [CountyCode, ...CountyCode[]]

export const COUNTY_NAME: Record<CountyCode, string> = Object.fromEntries(
  QUZHOU_COUNTIES.map((county) => [county.code, county.name]),
) as Record<CountyCode, string>

export function isCountyCode(code: unknown): code is CountyCode {
  return typeof code === 'string' && (COUNTY_CODES as readonly string[]).includes(code)
}

/** '柯城区、衢江区', or '全市' when every county is listed. */
export function countyNames(codes: readonly CountyCode[]): string {
  if (COUNTY_CODES.every((code) => codes.includes(code))) return '衢州全市'
  return codes.map((code) => COUNTY_NAME[code]).join('、')
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

export const MERCHANT_CATEGORY_CODES = MERCHANT_CATEGORIES.map((category) => category.code) as [
  MerchantCategory,
  ...MerchantCategory[],
]

export const MERCHANT_CATEGORY_NAME: Record<MerchantCategory, string> = Object.fromEntries(
  MERCHANT_CATEGORIES.map((category) => [category.code, category.name]),
) as Record<MerchantCategory, string>
