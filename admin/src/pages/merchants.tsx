/** 商户: search by county / category / name; add and edit (the merchant schema checks the form); bind and unbind redeeming accounts; suspend. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, Drawer, Form, Input, InputNumber, Select, Space, Table, Tag } from 'antd'
import { useState } from 'react'
import type { AdminMerchant } from '../../../src/domain/admin/schemas'
import { MERCHANT_CATEGORIES, VOUCHER_COUNTIES } from '../../../src/domain/vouchers/places'
import { merchantSchema, type Merchant } from '../../../src/domain/vouchers/schema'
import { api, apiPage, errorText } from '../api'
import { useAuth } from '../auth'
import { useChange } from '../use-change'
import { count, when } from '../format'

const countyName = (code: string) => VOUCHER_COUNTIES.find((county) => county.code === code)?.name ?? code
const categoryName = (code: string) => MERCHANT_CATEGORIES.find((item) => item.code === code)?.name ?? code

function MerchantForm({ initial, onDone }: { initial: Partial<Merchant> | null; onDone(): void }) {
  const [form] = Form.useForm()
  const save = useChange({ send: (merchant: Merchant) => api('PUT', `/admin/merchants/${merchant.id}`, merchant), touches: ['merchants'], success: '商户已保存', then: onDone })
  return (
    <Form
      form={form}
      layout='vertical'
      initialValues={initial ?? { county: '330802', category: 'catering' }}
      onFinish={(values) => {
        const candidate = { ...values, tags: values.tags ? String(values.tags).split(/[,，\s]+/).filter(Boolean) : undefined }
        const parsed = merchantSchema.safeParse(candidate)
        if (!parsed.success) {
          form.setFields(parsed.error.issues.map((issue) => ({ name: String(issue.path[0]), errors: [issue.message] })))
          return
        }
        save.mutate(parsed.data)
      }}
    >
      <Form.Item label='商户编号' name='id' required>
        <Input disabled={initial?.id !== undefined} />
      </Form.Item>
      <Form.Item label='商户名称' name='name' required>
        <Input />
      </Form.Item>
      <Form.Item label='区县' name='county'>
        <Select options={VOUCHER_COUNTIES.map((county) => ({ value: county.code, label: county.name }))} />
      </Form.Item>
      <Form.Item label='类别' name='category'>
        <Select options={MERCHANT_CATEGORIES.map((item) => ({ value: item.code, label: item.name }))} />
      </Form.Item>
      <Form.Item label='地址' name='address' required>
        <Input />
      </Form.Item>
      <Space>
        <Form.Item label='经度（可空）' name='lng'>
          <InputNumber step={0.000001} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item label='纬度（可空）' name='lat'>
          <InputNumber step={0.000001} style={{ width: 180 }} />
        </Form.Item>
      </Space>
      <Button type='primary' htmlType='submit' loading={save.isPending}>
        保存
      </Button>
    </Form>
  )
}

function Accounts({ item }: { item: AdminMerchant }) {
  const { readOnly } = useAuth()
  const { modal } = App.useApp()
  const [userId, setUserId] = useState('')
  const bind = useChange({ send: () => api('POST', `/admin/merchants/${item.merchant.id}/accounts`, { userId: userId.trim() }), touches: ['merchants'], success: '已绑定' })
  const unbind = useChange({ send: (id: string) => api('DELETE', `/admin/merchants/${item.merchant.id}/accounts/${id}`), touches: ['merchants'], success: '已解绑' })
  return (
    <Space direction='vertical' style={{ width: '100%' }}>
      <Table
        rowKey='id'
        size='small'
        pagination={false}
        dataSource={item.accounts}
        locale={{ emptyText: '还没有绑定核销账号' }}
        columns={[
          { title: '账号编号', dataIndex: 'id' },
          { title: '昵称', dataIndex: 'nickname' },
          { title: '注册时间', dataIndex: 'createdAt', render: when },
          {
            title: '操作',
            render: (_, account) =>
              !readOnly && (
                <Button size='small' onClick={() => modal.confirm({ title: '解绑这个核销账号？', content: '解绑后该账号不能再为本店核销。', okText: '解绑', cancelText: '取消', onOk: () => unbind.mutateAsync(account.id) })}>
                  解绑
                </Button>
              ),
          },
        ]}
      />
      {!readOnly && (
        <Space.Compact style={{ width: '100%' }}>
          <Input placeholder='店员在小程序“我的”里看到的账号编号' value={userId} onChange={(event) => setUserId(event.target.value)} aria-label='要绑定的账号编号' />
          <Button type='primary' disabled={!userId.trim()} loading={bind.isPending} onClick={() => bind.mutate()}>
            绑定
          </Button>
        </Space.Compact>
      )}
    </Space>
  )
}

export function MerchantsPage() {
  const { readOnly } = useAuth()
  const { message, modal } = App.useApp()
  const queries = useQueryClient()
  const [filter, setFilter] = useState<{ county?: string; category?: string; q?: string; page: number }>({ page: 1 })
  const [editing, setEditing] = useState<Partial<Merchant> | null | undefined>(undefined)
  const [accountsOf, setAccountsOf] = useState<string | null>(null)
  const query = new URLSearchParams({ page: String(filter.page), pageSize: '20', ...(filter.county ? { county: filter.county } : {}), ...(filter.category ? { category: filter.category } : {}), ...(filter.q ? { q: filter.q } : {}) })
  const merchants = useQuery({ queryKey: ['merchants', filter], queryFn: () => apiPage<AdminMerchant>(`/admin/merchants?${query}`) })
  const suspend = useMutation({
    mutationFn: ({ id, suspended }: { id: string; suspended: boolean }) => api('POST', `/admin/merchants/${id}/suspend`, { suspended }),
    onSuccess: () => void queries.invalidateQueries({ queryKey: ['merchants'] }),
    onError: (error) => void message.error(errorText(error)),
  })
  const shown = merchants.data?.data.find((item) => item.merchant.id === accountsOf) ?? null
  return (
    <Space direction='vertical' style={{ width: '100%' }}>
      <Form layout='inline' onFinish={(values) => setFilter({ ...values, page: 1 })}>
        <Form.Item label='区县' name='county'>
          <Select allowClear style={{ width: 140 }} options={VOUCHER_COUNTIES.map((county) => ({ value: county.code, label: county.name }))} />
        </Form.Item>
        <Form.Item label='类别' name='category'>
          <Select allowClear style={{ width: 140 }} options={MERCHANT_CATEGORIES.map((item) => ({ value: item.code, label: item.name }))} />
        </Form.Item>
        <Form.Item label='名称' name='q'>
          <Input allowClear />
        </Form.Item>
        <Button htmlType='submit' type='primary'>查询</Button>
        {!readOnly && <Button style={{ marginLeft: 8 }} onClick={() => setEditing(null)}>新增商户</Button>}
      </Form>
      {merchants.isError && <Alert type='error' showIcon message={errorText(merchants.error)} />}
      <Table
        rowKey={(item) => item.merchant.id}
        loading={merchants.isPending}
        dataSource={merchants.data?.data ?? []}
        pagination={{ current: filter.page, pageSize: 20, total: merchants.data?.meta.total ?? 0, onChange: (page) => setFilter({ ...filter, page }), showTotal: (total) => `共 ${count(total)} 家` }}
        columns={[
          { title: '名称', render: (_, item) => item.merchant.name },
          { title: '区县', render: (_, item) => countyName(item.merchant.county) },
          { title: '类别', render: (_, item) => categoryName(item.merchant.category) },
          { title: '地址', render: (_, item) => item.merchant.address },
          { title: '状态', render: (_, item) => (item.suspended ? <Tag color='red'>已暂停核销</Tag> : <Tag color='green'>正常</Tag>) },
          { title: '核销账号', render: (_, item) => <Button type='link' style={{ padding: 0 }} onClick={() => setAccountsOf(item.merchant.id)}>{item.accounts.length} 个</Button> },
          {
            title: '操作',
            render: (_, item) =>
              !readOnly && (
                <Space>
                  <Button size='small' onClick={() => setEditing(item.merchant)}>编辑</Button>
                  <Button
                    size='small'
                    danger={!item.suspended}
                    onClick={() =>
                      modal.confirm({
                        title: item.suspended ? `恢复「${item.merchant.name}」核销？` : `暂停「${item.merchant.name}」核销？`,
                        content: item.suspended ? '恢复后该店可以继续核销消费券。' : '暂停后该店扫码核销会被拒绝，店员看到“本店的消费券核销已被暂停”。居民已领的券不受影响。',
                        okText: item.suspended ? '恢复' : '暂停',
                        cancelText: '取消',
                        onOk: () => suspend.mutateAsync({ id: item.merchant.id, suspended: !item.suspended }),
                      })
                    }
                  >
                    {item.suspended ? '恢复' : '暂停'}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      <Drawer open={editing !== undefined} width={520} title={editing?.id ? `编辑「${editing.name}」` : '新增商户'} onClose={() => setEditing(undefined)} destroyOnHidden>
        {editing !== undefined && <MerchantForm initial={editing} onDone={() => setEditing(undefined)} />}
      </Drawer>
      <Drawer open={shown !== null} width={640} title={`「${shown?.merchant.name ?? ''}」的核销账号`} onClose={() => setAccountsOf(null)} destroyOnHidden>
        {shown && <Accounts item={shown} />}
      </Drawer>
    </Space>
  )
}
