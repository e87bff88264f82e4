/** Sign-in (account + password + the authenticator's 6-digit code) and the one-time setup link. */
import { useMutation, useQuery } from '@tanstack/react-query'
import { Alert, Button, Card, Form, Input, Result, Space, Spin, Typography } from 'antd'
import qrcode from 'qrcode-generator'
import { useMemo } from 'react'
import { staffLoginBodySchema, staffPasswordSchema, totpCodeSchema, type StaffSession, type StaffSetupInfo } from '../../../src/domain/admin/schemas'
import { api, errorText } from '../api'
import { when } from '../format'
import { navigate } from '../router'
import { zodRule } from '../zod-rule'

function Frame({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f0f2f5' }}>
      <Card style={{ width: 440 }}>
        <h1 style={{ fontSize: 22, marginTop: 0 }}>衢惠通运营后台</h1>
        <Typography.Paragraph>{title}</Typography.Paragraph>
        {children}
      </Card>
    </main>
  )
}

export function SignInPage({ onSignedIn }: { onSignedIn(token: string): void }) {
  const signIn = useMutation({
    mutationFn: (body: { account: string; password: string; code: string }) => api<StaffSession>('POST', '/admin/auth/login', body),
    onSuccess: (result) => onSignedIn(result.token),
  })
  const shape = staffLoginBodySchema.shape
  return (
    <Frame title='请用后台账号登录：密码和身份验证器上的 6 位验证码。连续 5 次失败将锁定 15 分钟。'>
      <Form layout='vertical' requiredMark={false} onFinish={(values) => signIn.mutate(values)}>
        <Form.Item label='账号' name='account' rules={[zodRule(shape.account)]}>
          <Input autoComplete='username' />
        </Form.Item>
        <Form.Item label='密码' name='password' rules={[zodRule(shape.password)]}>
          <Input.Password autoComplete='current-password' />
        </Form.Item>
        <Form.Item label='验证码（身份验证器上的 6 位数字）' name='code' rules={[zodRule(shape.code)]}>
          <Input inputMode='numeric' autoComplete='one-time-code' maxLength={6} />
        </Form.Item>
        {signIn.isError && <Alert type='error' showIcon message={errorText(signIn.error)} style={{ marginBottom: 16 }} />}
        <Button type='primary' htmlType='submit' block loading={signIn.isPending}>
          登录
        </Button>
      </Form>
    </Frame>
  )
}

function QrCode({ text }: { text: string }) {
  const svg = useMemo(() => {
    const code = qrcode(0, 'M')
    code.addData(text)
    code.make()
    return code.createSvgTag({ cellSize: 4, margin: 2, scalable: true })
  }, [text])
  return <div role='img' aria-label='身份验证器二维码' style={{ width: 200, height: 200 }} dangerouslySetInnerHTML={{ __html: svg }} />
}

export function SetupPage({ token }: { token: string }) {
  const info = useQuery({ queryKey: ['setup', token], queryFn: () => api<StaffSetupInfo>('GET', `/admin/auth/setup/${token}`), retry: false })
  const setup = useMutation({ mutationFn: (body: { password: string; code: string }) => api('POST', '/admin/auth/setup', { token, ...body }) })
  if (info.isPending) return <Frame title='正在读取设置链接…'><Spin /></Frame>
  if (info.isError) return <Frame title='无法使用这个设置链接'><Alert type='error' showIcon message={errorText(info.error)} /></Frame>
  if (setup.isSuccess) {
    return (
      <Frame title='设置完成'>
        <Result status='success' title={`账号 ${info.data.account} 已设置好`} subTitle='以后请用账号、密码和身份验证器上的验证码登录。' extra={<Button type='primary' onClick={() => navigate('/')}>去登录</Button>} />
      </Frame>
    )
  }
  return (
    <Frame title={`设置账号 ${info.data.account}：设置密码，并用身份验证器（如 Microsoft Authenticator、Google 身份验证器）扫描二维码。链接 ${when(info.data.expiresAt)} 前有效，只能用一次。`}>
      <Space direction='vertical' style={{ width: '100%' }}>
        <QrCode text={info.data.otpauthUri} />
        <Typography.Paragraph>
          无法扫码时手动输入密钥：<Typography.Text code copyable data-testid='totp-secret'>{info.data.secret}</Typography.Text>
        </Typography.Paragraph>
        <Form
          layout='vertical'
          requiredMark={false}
          onFinish={(values: { password: string; code: string }) => setup.mutate({ password: values.password, code: values.code })}
        >
          <Form.Item label='新密码（至少 12 位）' name='password' rules={[zodRule(staffPasswordSchema)]}>
            <Input.Password autoComplete='new-password' />
          </Form.Item>
          <Form.Item
            label='再输入一次新密码'
            name='confirm'
            dependencies={['password']}
            rules={[({ getFieldValue }) => ({ validator: (_rule, value) => (value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致'))) })]}
          >
            <Input.Password autoComplete='new-password' />
          </Form.Item>
          <Form.Item label='身份验证器上显示的 6 位验证码' name='code' rules={[zodRule(totpCodeSchema)]}>
            <Input inputMode='numeric' autoComplete='one-time-code' maxLength={6} />
          </Form.Item>
          {setup.isError && <Alert type='error' showIcon message={errorText(setup.error)} style={{ marginBottom: 16 }} />}
          <Button type='primary' htmlType='submit' block loading={setup.isPending}>
            完成设置
          </Button>
        </Form>
      </Space>
    </Frame>
  )
}
