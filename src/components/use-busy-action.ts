import { useState } from 'react'
import { userMessage } from '@/services/api/errors'

/**
 * A button's action: `busy` while it runs (the buttons show it and are disabled; a second tap
 * meanwhile does nothing), `busyWith` the key of the action running where a screen has several,
 * and its failure as a sentence for ErrorLine; a new run clears the last failure.
 */
export function useBusyAction<Key extends string = never>(): {
  busy: boolean
  busyWith: Key | null
  error: string | null
  run: (action: () => Promise<unknown>, key?: Key) => Promise<void>
} {
  const [running, setRunning] = useState<{ key: Key | null } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const run = async (action: () => Promise<unknown>, key?: Key): Promise<void> => {
    if (running) return
    setRunning({ key: key ?? null })
    setError(null)
    try {
      await action()
    } catch (actionError) {
      setError(userMessage(actionError))
    } finally {
      setRunning(null)
    }
  }
  return { busy: running !== null, busyWith: running?.key ?? null, error, run }
}
