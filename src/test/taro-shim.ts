/**
 * Jest's stand-in for '@tarojs/taro': the real H5 implementation (storage, request, navigation,
 * toasts) from @tarojs/taro-h5, plus page lifecycle hooks that jsdom has no page for.
 */
import * as TaroH5 from '@tarojs/taro-h5'

const noopHook = (): void => undefined

const Taro = {
  ...(TaroH5 as unknown as Record<string, unknown>),
  ...((TaroH5 as unknown as { default?: Record<string, unknown> }).default ?? {}),
  useDidShow: noopHook,
  useDidHide: noopHook,
  useLoad: noopHook,
  useReady: noopHook,
  useUnload: noopHook,
  usePullDownRefresh: noopHook,
  useReachBottom: noopHook,
  useShareAppMessage: noopHook,
  useShareTimeline: noopHook,
  useRouter: () => ({
    params: (globalThis as { __TARO_ROUTER_PARAMS__?: Record<string, string> }).__TARO_ROUTER_PARAMS__ ?? {},
    path: (globalThis as { __TARO_ROUTER_PATH__?: string }).__TARO_ROUTER_PATH__ ?? '',
  }),
  getCurrentInstance: () => ({ router: { params: (globalThis as { __TARO_ROUTER_PARAMS__?: Record<string, string> }).__TARO_ROUTER_PARAMS__ ?? {} } }),
  getEnv: () => 'WEB',
  ENV_TYPE: { WEAPP: 'WEAPP', WEB: 'WEB' },
}

export const {
  useDidShow,
  useDidHide,
  useLoad,
  useReady,
  useUnload,
  usePullDownRefresh,
  useReachBottom,
  useShareAppMessage,
  useShareTimeline,
  useRouter,
  getCurrentInstance,
} = Taro

/** Lets a component test set the route params a page reads. */
export function setRouterParams(params: Record<string, string>): void {
  ;(globalThis as { __TARO_ROUTER_PARAMS__?: Record<string, string> }).__TARO_ROUTER_PARAMS__ = params
}

/** Lets a component test say which page is shown ('' by default: no page, as before). */
export function setRouterPath(path: string): void {
  ;(globalThis as { __TARO_ROUTER_PATH__?: string }).__TARO_ROUTER_PATH__ = path
}

export default Taro as unknown as typeof import('@tarojs/taro-h5').default & typeof Taro
