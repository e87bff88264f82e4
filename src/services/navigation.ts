/**
 * Typed navigation over the route registry. WeChat keeps at most 10 pages on the stack; past 9
 * we redirect instead of pushing, so "查看详情" never silently fails on a deep journey.
 */
import Taro from '@tarojs/taro'
import { resolveRoute, type RouteKey } from '../routes'
import { isSinglePageMode, SINGLE_PAGE_MODE_MESSAGE } from './platform/single-page-mode'

export const PAGE_STACK_LIMIT = 10

export type RouteParams = Record<string, string | number | boolean | undefined>

export function buildUrl(key: RouteKey, params: RouteParams = {}): string {
  const { url } = resolveRoute(key)
  const query = Object.entries(params)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`)
    .join('&')
  return query ? `${url}?${query}` : url
}

export function currentStackDepth(): number {
  try {
    return Taro.getCurrentPages().length
  } catch {
    return 0
  }
}

export type NavigationMethod = 'switchTab' | 'navigateTo' | 'redirectTo'

/** Which Taro call a navigation needs, given the stack depth (exported for tests). */
export function chooseNavigationMethod(key: RouteKey, depth: number): NavigationMethod {
  if (resolveRoute(key).isTab) return 'switchTab'
  return depth >= PAGE_STACK_LIMIT - 1 ? 'redirectTo' : 'navigateTo'
}

export async function navigate(key: RouteKey, params: RouteParams = {}): Promise<void> {
  // 朋友圈's 单页模式 opens no other page: say where the full app is instead of failing silently.
  if (isSinglePageMode()) {
    await Taro.showToast({ title: SINGLE_PAGE_MODE_MESSAGE, icon: 'none', duration: 3000 }).catch(() => undefined)
    return
  }
  const method = chooseNavigationMethod(key, currentStackDepth())
  if (method === 'switchTab') {
    // switchTab takes no query: tab pages read their state from stores instead.
    await Taro.switchTab({ url: resolveRoute(key).url })
    return
  }
  const url = buildUrl(key, params)
  await (method === 'redirectTo' ? Taro.redirectTo({ url }) : Taro.navigateTo({ url }))
}

export async function goBack(fallback: RouteKey = 'home'): Promise<void> {
  if (currentStackDepth() > 1) {
    await Taro.navigateBack()
    return
  }
  await navigate(fallback)
}
