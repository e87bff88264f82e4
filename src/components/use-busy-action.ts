import { useState } from 'react'
import { userMessage } from '@/services/api/errors'

/**
 * A button's action: `busy` while it runs (the button shows it and is disabled), and its failure
 * as a sentence for ErrorLine; a new run clears the last failure.
 */
export function useBusyAction(): { busy: boolean; error: string | null; run: (action: () => Promise<unknown>) => Promise<void> } {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const run = async (action: () => Promise<unknown>): Promise<void> => {
    setBusy(true)
    setError(null)
    try {
      await action()
    } catch (actionError) {
      setError(userMessage(actionError))
    } finally {
      setBusy(false)
    }
  }
  return { busy, error, run }
}
