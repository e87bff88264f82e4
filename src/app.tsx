import { useDidShow } from '@tarojs/taro'
import { useEffect, type PropsWithChildren } from 'react'
import { installPrivacyConsent } from './services/platform/privacy'
import { readDisplayPreferences } from './services/platform/system'
import { usePreferencesStore } from './store/preferences'
import { usePrivacyStore } from './store/privacy'
import './app.scss'

function applyDisplayPreferences() {
  usePreferencesStore.getState().setFontScale(readDisplayPreferences().fontScale)
}

function App({ children }: PropsWithChildren) {
  useEffect(() => {
    applyDisplayPreferences()
    installPrivacyConsent((resolve, referrer) => usePrivacyStore.getState().request(resolve, referrer))
  }, [])
  // The person may change WeChat's font size (设置 → 字体大小) while the app is in the background;
  // read it again every time the app comes to the front, not only at launch.
  useDidShow(applyDisplayPreferences)
  return children
}

export default App
