/**
 * Where an event happens, for the county filter. Codes are GB/T 2260 (国家标准《中华人民共和国行政区
 * 划代码》). 衢州智造新城 is a functional zone, not an administrative
 * division, so it is a tag on an event, never a county.
 */

export const QUZHOU_CITY_CODE = '330800'

/** The city itself (an event held across the whole city) and its six county-level divisions. */
export const COUNTIES = [
  { code: '330800', name: '衢州市（全市域）' },
  { code: '330802', name: '柯城区' },
  { code: '330803', name: '衢江区' },
  { code: '330822', name: '常山县' },
  { code: '330824', name: '开化县' },
  { code: '330825', name: '龙游县' },
  { code: '330881', name: '江山市' },
] as const

export type CountyCode = (typeof COUNTIES)[number]['code']

export const COUNTY_CODES = COUNTIES.map((county) => county.code) as [CountyCode, ...CountyCode[]]

export const ZHIZAO_XINCHENG_TAG = '智造新城'

export function countyName(code: CountyCode): string {
  return COUNTIES.find((county) => county.code === code)?.name ?? code
}

/**
 * Rough bounds of 衢州市 (its highway toll stations span 118.15–119.26 E, 28.30–29.42 N), with
 * a margin. A venue outside is almost always a typing slip or swapped longitude and latitude.
 */
export const QUZHOU_BOUNDS = { minLng: 117.9, maxLng: 119.5, minLat: 28.1, maxLat: 29.6 } as const
