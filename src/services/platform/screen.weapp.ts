/**
 * While a voucher's code is shown at the till (WECHAT.md, release checklist): the screen at full
 * brightness so the scanner reads it, kept on so it does not dim while the cashier rings up, and
 * a notice when the person takes a screenshot (the code changes every 30 s, so a screenshot shown
 * later is refused). Everything is restored when the code leaves the screen. The H5 build uses
 * screen.ts.
 */
import Taro from '@tarojs/taro'

export interface ScreenHold {
  release: () => void
}

function quiet(call: () => unknown): void {
  try {
    const result = call() as Promise<unknown> | undefined
    if (result && typeof result.catch === 'function') result.catch(() => undefined)
  } catch {
    // An API missing from an old base library changes nothing else.
  }
}

export function holdScreenForCode(onScreenshot: () => void): ScreenHold {
  let released = false
  let previousBrightness: number | null = null
  quiet(() =>
    Taro.getScreenBrightness({
      success: (result) => {
        if (released) return
        previousBrightness = result.value
        quiet(() => Taro.setScreenBrightness({ value: 1 }))
      },
    }),
  )
  quiet(() => Taro.setKeepScreenOn({ keepScreenOn: true }))
  const listener = () => onScreenshot()
  quiet(() => Taro.onUserCaptureScreen(listener))
  return {
    release() {
      if (released) return
      released = true
      if (previousBrightness !== null) quiet(() => Taro.setScreenBrightness({ value: previousBrightness! }))
      quiet(() => Taro.setKeepScreenOn({ keepScreenOn: false }))
      quiet(() => Taro.offUserCaptureScreen(listener))
    },
  }
}
