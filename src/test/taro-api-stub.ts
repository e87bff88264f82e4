import Taro from '@tarojs/taro'

/**
 * For a weapp adapter's test: `stub(behaviour)` replaces Taro.<name> with a mock that hands each
 * call's options (with their success/fail callbacks) to `behaviour` and returns a promise that
 * never settles, since the adapters listen to the callbacks. The original is put back after each
 * test. Call at the top of a test file.
 */
export function stubTaroApi<Options>(name: string): (behaviour: (options: Options) => void) => jest.Mock {
  const taro = Taro as unknown as Record<string, unknown>
  const original = taro[name]
  afterEach(() => {
    taro[name] = original
  })
  return (behaviour) => {
    const mock = jest.fn((options: Options) => {
      behaviour(options)
      return new Promise(() => undefined)
    })
    taro[name] = mock
    return mock
  }
}
