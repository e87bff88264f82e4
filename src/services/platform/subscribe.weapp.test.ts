import Taro from '@tarojs/taro'
import { stubTaroApi } from '@/test/taro-api-stub'
import { requestSubscribe, subscribeMessagesSupported } from './subscribe.weapp'

type SubscribeOptions = { tmplIds: string[]; success?: (result: unknown) => void; fail?: (error: unknown) => void }
const taro = Taro as unknown as { requestSubscribeMessage?: jest.Mock }
const wechatAnswers = stubTaroApi<SubscribeOptions>('requestSubscribeMessage')

test('WeChat is asked at the moment of the call (inside the tap), and its answer is passed on untouched', async () => {
  let answer: (result: unknown) => void = () => undefined
  const call = wechatAnswers((options) => (answer = options.success!))
  const pending = requestSubscribe(['TPL-1', 'TPL-2'])
  expect(call).toHaveBeenCalledTimes(1)
  expect(call.mock.calls[0][0].tmplIds).toEqual(['TPL-1', 'TPL-2'])
  answer({ errMsg: 'requestSubscribeMessage:ok', 'TPL-1': 'accept', 'TPL-2': 'reject' })
  await expect(pending).resolves.toEqual({ errMsg: 'requestSubscribeMessage:ok', 'TPL-1': 'accept', 'TPL-2': 'reject' })
  expect(subscribeMessagesSupported).toBe(true)
})

test('a failure (main switch off) is passed on for the domain to judge', async () => {
  wechatAnswers((options) => options.fail?.({ errMsg: 'requestSubscribeMessage:fail', errCode: 20004 }))
  await expect(requestSubscribe(['TPL-1'])).resolves.toEqual({ errMsg: 'requestSubscribeMessage:fail', errCode: 20004 })
})

test('a base library without the API answers null (unsupported)', async () => {
  taro.requestSubscribeMessage = undefined
  await expect(requestSubscribe(['TPL-1'])).resolves.toBeNull()
})
