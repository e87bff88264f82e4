import { buildUrl, chooseNavigationMethod, PAGE_STACK_LIMIT } from './navigation'
import { resolveRoute, SUBPACKAGES, TAB_ROUTES } from '../routes'

describe('route registry', () => {
  test('every tab resolves to a main-package page', () => {
    for (const tab of TAB_ROUTES) expect(resolveRoute(tab.key)).toEqual({ key: tab.key, url: `/${tab.path}`, isTab: true })
  })
  test('subpackage pages resolve under their root', () => {
    expect(resolveRoute('policy-clause').url).toBe('/packages/policy/pages/clause/index')
  })
  test('keys are unique across tabs and subpackages', () => {
    const keys = [...TAB_ROUTES.map((tab) => tab.key), ...SUBPACKAGES.flatMap((pkg) => pkg.pages.map((page) => page.key))]
    expect(new Set(keys).size).toBe(keys.length)
  })
  test('an unknown key is a programming error', () => {
    expect(() => resolveRoute('nope')).toThrow('Unknown route key')
  })
})

describe('navigation', () => {
  test('query parameters are encoded; undefined ones dropped', () => {
    expect(buildUrl('policy-clause', { id: '十四', from: undefined, n: 2 })).toBe('/packages/policy/pages/clause/index?id=%E5%8D%81%E5%9B%9B&n=2')
  })
  test.each([
    ['home', 3, 'switchTab'],
    ['policy-clause', 1, 'navigateTo'],
    ['policy-clause', PAGE_STACK_LIMIT - 2, 'navigateTo'],
    ['policy-clause', PAGE_STACK_LIMIT - 1, 'redirectTo'],
    ['policy-clause', PAGE_STACK_LIMIT, 'redirectTo'],
  ] as const)('%s at stack depth %d → %s', (key, depth, method) => {
    expect(chooseNavigationMethod(key, depth)).toBe(method)
  })
})
