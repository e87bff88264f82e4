/**
 * Jest's stand-in for '@tarojs/taro': the real H5 implementation (storage, request, navigation,
 * toasts) from @tarojs/taro-h5, plus page lifecycle hooks that jsdom has no page for.
 */
import * as TaroH5 from '@tarojs/taro-h5'

const noopHook = (): void => undefined

type ShareHandler = (options?: Record<string, unknown>) => unknown
interface ShareHooks {
  appMessage: ShareHandler | null
  timeline: ShareHandler | null
}
const shareHooks = (): ShareHooks => {
  const holder = globalThis as { __TARO_SHARE_HOOKS__?: ShareHooks }
  return (holder.__TARO_SHARE_HOOKS__ ??= { appMessage: null, timeline: null })
}
// Like Taro's page hooks, the last render's handler is the one WeChat calls on 转发.
const recordShareAppMessage = (handler: ShareHandler): void => {
  shareHooks().appMessage = handler
}
const recordShareTimeline = (handler: ShareHandler): void => {
  shareHooks().timeline = handler
}

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
  useShareAppMessage: recordShareAppMessage,
  useShareTimeline: recordShareTimeline,
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

/**
 * What WeChat would get on 转发 / 分享到朋友圈 from the page rendered last (null: the page has no
 * such hook). Call resetShareHandlers() before rendering the page under test.
 */
export function shareHandlers(): { appMessage: ShareHandler | null; timeline: ShareHandler | null } {
  return { ...shareHooks() }
}

export function resetShareHandlers(): void {
  const hooks = shareHooks()
  hooks.appMessage = null
  hooks.timeline = null
}

/** Lets a component test set the route params a page reads. */
export function setRouterParams(params: Record<string, string>): void {
  ;(globalThis as { __TARO_ROUTER_PARAMS__?: Record<string, string> }).__TARO_ROUTER_PARAMS__ = params
}

/** Lets a component test say which page is shown ('' by default: no page, as before). */
export function setRouterPath(path: string): void {
  ;(globalThis as { __TARO_ROUTER_PATH__?: string }).__TARO_ROUTER_PATH__ = path
}

export default Taro as unknown as typeof import('@tarojs/taro-h5').default & typeof Taro
