import { useEffect, type PropsWithChildren } from 'react'
import { readDisplayPreferences } from './services/platform/system'
import { usePreferencesStore } from './store/preferences'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useEffect(() => {
    usePreferencesStore.getState().setFontScale(readDisplayPreferences().fontScale)
  }, [])
  return children
}

export default App
