import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { TAB_ROUTES } from '../routes'
import { goBack } from '../services/navigation'
import { Pressable } from './pressable'

/** Whether a router path ('/packages/x/pages/y/index?id=1', or without the slash) is a tab page. */
export function isTabPath(path: string | undefined): boolean {
  if (!path) return true
  const page = path.replace(/^\//, '').split('?')[0]
  return TAB_ROUTES.some((tab) => tab.path === page)
}

/**
 * H5 only: a title bar with 返回 on every page below the tabs. The mini-program has WeChat's own
 * navigation bar with a back arrow; a browser tab opened on a deep link has neither, so 返回 goes
 * back in the app's stack, or to 首页 when there is nothing to go back to.
 */
export function TitleBar({ title }: { title: string }) {
  const router = useRouter()
  if (process.env.TARO_ENV !== 'h5' || isTabPath(router?.path)) return null
  return (
    <View className='title-bar' role='navigation' aria-label='页面导航'>
      <Pressable className='title-bar__back' label='返回上一页' onPress={() => void goBack('home')}>
        ‹ 返回
      </Pressable>
      <View className='title-bar__title'>{title}</View>
    </View>
  )
}
