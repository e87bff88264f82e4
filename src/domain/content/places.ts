/**
 * Places an operator may tag content with (shared/policy/facts.md, "Places"): 衢州市 and its six
 * county-level divisions by GB/T 2260 code. 衢州智造新城 is a functional zone, not a division, so it
 * is a tag on content rather than a county code.
 */
export const QUZHOU_CITY_CODE = '330800'

export const QUZHOU_DIVISIONS = [
  { code: '330800', name: '衢州市' },
  { code: '330802', name: '柯城区' },
  { code: '330803', name: '衢江区' },
  { code: '330822', name: '常山县' },
  { code: '330824', name: '开化县' },
  { code: '330825', name: '龙游县' },
  { code: '330881', name: '江山市' },
] as const

export type DivisionCode = (typeof QUZHOU_DIVISIONS)[number]['code']

export const DIVISION_CODES = QUZHOU_DIVISIONS.map((division) => division.code) as [DivisionCode, ...DivisionCode[]]

export const SMART_NEW_CITY_TAG = '智造新城'

export function divisionName(code: DivisionCode): string {
  return QUZHOU_DIVISIONS.find((division) => division.code === code)?.name ?? code
}
