import { Button, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import { PageShell } from '@/components/page-shell'
import { Pressable } from '@/components/pressable'
import { TextInput } from '@/components/text-input'
import { userMessage } from '@/services/api/errors'
import { feedbackApi } from '@/services/api/feedback'
import { ErrorLine } from '@/components/error-line'
import '@/packages/info/info.scss'

export const FEEDBACK_MIN = 5
export const FEEDBACK_MAX = 500

/** The mini-program: WeChat's own 意见反馈 (with the phone's logs, if the person agrees) and 客服. */
function WechatFeedback() {
  return (
    <View className='card'>
      <View className='title' role='heading' aria-level={2}>
        告诉我们哪里不好用
      </View>
      <View className='notice__paragraph'>用微信自带的反馈提交问题和截图；想直接问人，可以联系客服。</View>
      <Button className='button feedback__wechat-button' openType='feedback'>
        意见反馈
      </Button>
      <Button className='button button--secondary feedback__wechat-button' openType='contact'>
        联系客服
      </Button>
    </View>
  )
}

/** H5: a short form stored on the server (POST /api/v1/feedback). */
function WebFeedbackForm() {
  const [content, setContent] = useState('')
  const [contact, setContact] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  const [sent, setSent] = useState(false)
  const length = [...content.trim()].length

  const submit = async () => {
    if (sending) return
    if (length < FEEDBACK_MIN) {
      setProblem(`请至少写 ${FEEDBACK_MIN} 个字，说说遇到的问题或建议`)
      return
    }
    if (length > FEEDBACK_MAX) {
      setProblem(`内容最多 ${FEEDBACK_MAX} 字，现在是 ${length} 字`)
      return
    }
    setProblem(null)
    setSending(true)
    try {
      await feedbackApi.sendFeedback({ content: content.trim(), contact: contact.trim() || undefined })
      setSent(true)
    } catch (error) {
      setProblem(userMessage(error))
    } finally {
      setSending(false)
    }
  }

  if (sent) {
    return (
      <View className='card' role='status'>
        <View className='title'>✓ 已收到，谢谢你</View>
        <View className='notice__paragraph'>我们会认真看每一条反馈。反馈内容最长保存 1 年。</View>
        <Pressable
          className='button button--secondary'
          onPress={() => {
            setContent('')
            setContact('')
            setSent(false)
          }}
        >
          再写一条
        </Pressable>
      </View>
    )
  }
  return (
    <View className='card' role='form' aria-label='意见反馈'>
      <View className='title' role='heading' aria-level={2}>
        告诉我们哪里不好用
      </View>
      <View className='feedback__field'>
        <View id='feedback-content-label'>问题或建议（{FEEDBACK_MIN}–{FEEDBACK_MAX} 字）</View>
        <Textarea
          className='feedback__textarea'
          value={content}
          maxlength={FEEDBACK_MAX + 50}
          placeholder='例如：活动日历的字太小'
          nativeProps={{ 'aria-labelledby': 'feedback-content-label', ...(problem ? { 'aria-invalid': 'true' } : {}) }}
          onInput={(event) => setContent(event.detail.value)}
        />
        <View className='caption feedback__count' aria-live='polite'>
          {length} / {FEEDBACK_MAX}
        </View>
      </View>
      <View className='feedback__field'>
        <View>联系方式（可不填，方便我们回复你）</View>
        <TextInput className='feedback__input' label='联系方式（可不填）' value={contact} onChange={setContact} maxlength={50} placeholder='手机号或邮箱' />
      </View>
      <ErrorLine message={problem} />
      <Pressable className='button feedback__wechat-button' onPress={submit} disabled={sending}>
        {sending ? '正在提交…' : '提交反馈'}
      </Pressable>
      <View className='caption'>不用登录。请不要写身份证号、银行卡号等敏感信息。</View>
    </View>
  )
}

/** 意见反馈: WeChat's feedback and 客服 on weapp, a form stored on the server on H5. */
export default function FeedbackPage() {
  return <PageShell label='意见反馈'>{process.env.TARO_ENV === 'weapp' ? <WechatFeedback /> : <WebFeedbackForm />}</PageShell>
}
