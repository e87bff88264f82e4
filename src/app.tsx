import { useEffect, type PropsWithChildren } from 'react'
import { installPrivacyConsent } from './services/platform/privacy'
import { readDisplayPreferences } from './services/platform/system'
import { usePreferencesStore } from './store/preferences'
import { usePrivacyStore } from './store/privacy'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useEffect(() => {
    usePreferencesStore.getState().setFontScale(readDisplayPreferences().fontScale)
    installPrivacyConsent((resolve, referrer) => usePrivacyStore.getState().request(resolve, referrer))
  }, [])
  return children
}

export default App
