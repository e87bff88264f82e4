import Taro from '@tarojs/taro'
import { holdScreenForCode } from './screen.weapp'

type Callback = (result: { value: number }) => void
const taro = Taro as unknown as Record<string, unknown>
const names = ['getScreenBrightness', 'setScreenBrightness', 'setKeepScreenOn', 'onUserCaptureScreen', 'offUserCaptureScreen'] as const
const originals = Object.fromEntries(names.map((name) => [name, taro[name]]))
let calls: [string, unknown][]
let captureListener: (() => void) | null

beforeEach(() => {
  calls = []
  captureListener = null
  taro.getScreenBrightness = jest.fn((options: { success: Callback }) => {
    options.success({ value: 0.35 })
    return Promise.resolve()
  })
  taro.setScreenBrightness = jest.fn((options: { value: number }) => {
    calls.push(['brightness', options.value])
    return Promise.resolve()
  })
  taro.setKeepScreenOn = jest.fn((options: { keepScreenOn: boolean }) => {
    calls.push(['keepScreenOn', options.keepScreenOn])
    return Promise.resolve()
  })
  taro.onUserCaptureScreen = jest.fn((listener: () => void) => {
    captureListener = listener
  })
  taro.offUserCaptureScreen = jest.fn((listener: () => void) => {
    if (captureListener === listener) captureListener = null
  })
})
afterEach(() => Object.assign(taro, originals))

test('full brightness and screen kept on while the code is shown; both restored, listener removed on release', () => {
  const onScreenshot = jest.fn()
  const hold = holdScreenForCode(onScreenshot)
  expect(calls).toEqual([
    ['brightness', 1],
    ['keepScreenOn', true],
  ])
  captureListener?.()
  expect(onScreenshot).toHaveBeenCalledTimes(1)
  hold.release()
  expect(calls.slice(2)).toEqual([
    ['brightness', 0.35],
    ['keepScreenOn', false],
  ])
  expect(captureListener).toBeNull()
  hold.release()
  expect(calls).toHaveLength(4)
})

test('an old base library without these APIs changes nothing and does not throw', () => {
  for (const name of names) taro[name] = undefined
  expect(() => holdScreenForCode(() => undefined).release()).not.toThrow()
})
