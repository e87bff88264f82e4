import { useEffect, type PropsWithChildren } from 'react'
import { installPrivacyConsent } from './services/platform/privacy'
import { readDisplayPreferences } from './services/platform/system'
import { usePreferencesStore } from './store/preferences'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useEffect(() => {
    usePreferencesStore.getState().setFontScale(readDisplayPreferences().fontScale)
    installPrivacyConsent()
  }, [])
  return children
}

export default App
