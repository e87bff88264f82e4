/**
 * While a voucher's code is shown (H5): browsers cannot set the screen brightness or see a
 * screenshot, but the Screen Wake Lock API keeps the screen from dimming where it exists. The
 * weapp build uses screen.weapp.ts (brightness, keep-screen-on, screenshot notice).
 */
export interface ScreenHold {
  release: () => void
}

interface WakeLockSentinelLike {
  release: () => Promise<void>
}

export function holdScreenForCode(_onScreenshot: () => void): ScreenHold {
  let released = false
  let sentinel: WakeLockSentinelLike | null = null
  const wakeLock = typeof navigator !== 'undefined' ? (navigator as { wakeLock?: { request: (type: 'screen') => Promise<WakeLockSentinelLike> } }).wakeLock : undefined
  if (wakeLock) {
    wakeLock
      .request('screen')
      .then((lock) => {
        if (released) void lock.release().catch(() => undefined)
        else sentinel = lock
      })
      .catch(() => undefined)
  }
  return {
    release() {
      released = true
      if (sentinel) void sentinel.release().catch(() => undefined)
      sentinel = null
    },
  }
}
