/**
 * The frame every government 管理后台 has: a left menu, a header with who is signed in (and 只读
 * for 审计), the page on the right. Signed out, it shows the sign-in page, or the one-time setup
 * page when the link says so.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, Button, Layout, Menu, Space, Spin, Tag, Typography } from 'antd'
import { useEffect, useMemo, useState, type ReactNode } from 'react'
import { STAFF_ROLE_LABEL, type Staff } from '../../src/domain/admin/schemas'
import { api, errorText, session } from './api'
import { AuthContext, type SignedIn } from './auth'
import { when } from './format'
import { AccountsPage } from './pages/accounts'
import { AuditPage } from './pages/audit'
import { BatchesPage } from './pages/batches'
import { DashboardPage } from './pages/dashboard'
import { EventsPage } from './pages/events'
import { ExportsPage } from './pages/exports'
import { MerchantsPage } from './pages/merchants'
import { PolicyPage } from './pages/policy'
import { ResidentsPage } from './pages/residents'
import { SetupPage, SignInPage } from './pages/sign-in'
import { navigate, usePath } from './router'

const MENU: { path: string; label: string; page: () => ReactNode }[] = [
  { path: '/', label: '今日', page: () => <DashboardPage /> },
  { path: '/batches', label: '消费券批次', page: () => <BatchesPage /> },
  { path: '/merchants', label: '商户', page: () => <MerchantsPage /> },
  { path: '/events', label: '活动', page: () => <EventsPage /> },
  { path: '/policy', label: '政策数据', page: () => <PolicyPage /> },
  { path: '/residents', label: '居民', page: () => <ResidentsPage /> },
  { path: '/exports', label: '对账导出', page: () => <ExportsPage /> },
  { path: '/audit', label: '审计日志', page: () => <AuditPage /> },
  { path: '/accounts', label: '账号', page: () => <AccountsPage /> },
]

export function Console() {
  const path = usePath()
  const queries = useQueryClient()
  const [token, setToken] = useState(session.token)
  useEffect(() => {
    session.onSignedOut(() => {
      setToken(null)
      queries.clear()
    })
  }, [queries])
  const me = useQuery({
    queryKey: ['me', token],
    queryFn: () => api<{ staff: Staff; expiresAt: string }>('GET', '/admin/auth/me'),
    enabled: token !== null,
  })

  const signedIn = useMemo<SignedIn | null>(() => {
    if (!me.data) return null
    return {
      staff: me.data.staff,
      expiresAt: me.data.expiresAt,
      readOnly: me.data.staff.role !== 'operator',
      signOut: () => {
        void api('POST', '/admin/auth/logout', {}).catch(() => undefined)
        session.clear()
        queries.clear()
        setToken(null)
        navigate('/')
      },
    }
  }, [me.data, queries])

  const setup = /^\/setup\/([A-Za-z0-9_-]+)$/.exec(path)
  if (setup) return <SetupPage token={setup[1]} />
  if (token === null) {
    return (
      <SignInPage
        onSignedIn={(newToken) => {
          session.set(newToken)
          setToken(newToken)
        }}
      />
    )
  }
  if (me.isError) {
    return (
      <main style={{ padding: 48 }}>
        <Alert type='error' showIcon message='无法读取登录状态' description={errorText(me.error)} action={<Button onClick={() => void me.refetch()}>重试</Button>} />
      </main>
    )
  }
  if (!signedIn) {
    return (
      <main style={{ padding: 48, textAlign: 'center' }} aria-busy='true'>
        <Spin tip='正在加载…' />
      </main>
    )
  }

  const current = MENU.find((item) => item.path === path) ?? MENU.find((item) => item.path !== '/' && path.startsWith(item.path)) ?? MENU[0]
  return (
    <AuthContext.Provider value={signedIn}>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Sider width={200} theme='dark' breakpoint='lg'>
          <div style={{ color: '#fff', fontSize: 16, fontWeight: 600, padding: '18px 20px' }}>衢惠通运营后台</div>
          <nav aria-label='主菜单'>
            <Menu
              theme='dark'
              mode='inline'
              selectedKeys={[current.path]}
              items={MENU.map((item) => ({ key: item.path, label: <a href={`#${item.path}`}>{item.label}</a> }))}
            />
          </nav>
        </Layout.Sider>
        <Layout>
          <Layout.Header style={{ background: '#fff', padding: '0 24px', display: 'flex', justifyContent: 'space-between', alignItems: 'center', borderBottom: '1px solid #e5e5e5' }}>
            <Typography.Text strong style={{ fontSize: 16 }}>
              {current.label}
            </Typography.Text>
            <Space>
              {signedIn.readOnly && <Tag color='orange'>只读（审计）</Tag>}
              <span>
                {signedIn.staff.account}（{STAFF_ROLE_LABEL[signedIn.staff.role]}）· 登录有效至 {when(signedIn.expiresAt)}
              </span>
              <Button onClick={signedIn.signOut}>退出</Button>
            </Space>
          </Layout.Header>
          <Layout.Content style={{ padding: 24 }}>
            <main>
              <h1 style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>{current.label}</h1>
              {current.page()}
            </main>
          </Layout.Content>
        </Layout>
      </Layout>
    </AuthContext.Provider>
  )
}
