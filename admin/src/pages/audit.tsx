/** 审计日志: every staff action with who, when, what, before → after; read-only; filter and export. */
import { useMutation, useQuery } from '@tanstack/react-query'
import { Alert, App, Button, Form, Input, Select, Space, Table, Typography } from 'antd'
import { useState } from 'react'
import { AUDIT_ACTION_LABEL, STAFF_ROLE_LABEL, type AuditEntry } from '../../../src/domain/admin/schemas'
import { apiPage, download, errorText } from '../api'
import { count, whenSeconds } from '../format'

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span>—</span>
  const text = JSON.stringify(value, null, 1)
  return (
    <Typography.Paragraph ellipsis={{ rows: 3, expandable: true, symbol: '展开' }} style={{ margin: 0, fontFamily: 'monospace', fontSize: 12, whiteSpace: 'pre-wrap' }}>
      {text}
    </Typography.Paragraph>
  )
}

export function AuditPage() {
  const { message } = App.useApp()
  const [filter, setFilter] = useState<{ from?: string; to?: string; action?: string; actor?: string; targetId?: string; page: number }>({ page: 1 })
  const params = new URLSearchParams(Object.entries({ ...filter, page: String(filter.page), pageSize: '20' }).filter(([, value]) => value) as [string, string][])
  const entries = useQuery({ queryKey: ['audit', filter], queryFn: () => apiPage<AuditEntry>(`/admin/audit?${params}`) })
  const file = useMutation({
    mutationFn: (format: 'csv' | 'xlsx') => {
      const exportParams = new URLSearchParams(params)
      exportParams.delete('page')
      exportParams.delete('pageSize')
      exportParams.set('format', format)
      return download(`/admin/audit?${exportParams}`)
    },
    onSuccess: (name) => void message.success(`已下载 ${name}`),
    onError: (error) => void message.error(errorText(error)),
  })
  return (
    <Space direction='vertical' style={{ width: '100%' }}>
      <Form layout='inline' onFinish={(values) => setFilter({ ...values, page: 1 })}>
        <Form.Item label='从' name='from'>
          <Input placeholder='2026-12-01' style={{ width: 120 }} />
        </Form.Item>
        <Form.Item label='到' name='to'>
          <Input placeholder='2026-12-31' style={{ width: 120 }} />
        </Form.Item>
        <Form.Item label='操作' name='action'>
          <Select allowClear style={{ width: 170 }} options={Object.entries(AUDIT_ACTION_LABEL).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item label='账号' name='actor'>
          <Input allowClear style={{ width: 130 }} />
        </Form.Item>
        <Form.Item label='对象编号' name='targetId'>
          <Input allowClear style={{ width: 160 }} />
        </Form.Item>
        <Button type='primary' htmlType='submit'>查询</Button>
      </Form>
      <Space>
        <Button onClick={() => file.mutate('csv')}>导出 CSV</Button>
        <Button onClick={() => file.mutate('xlsx')}>导出 Excel（XLSX）</Button>
      </Space>
      {entries.isError && <Alert type='error' showIcon message={errorText(entries.error)} />}
      <Table
        rowKey='id'
        size='small'
        loading={entries.isPending}
        dataSource={entries.data?.data ?? []}
        pagination={{ current: filter.page, pageSize: 20, total: entries.data?.meta.total ?? 0, onChange: (page) => setFilter({ ...filter, page }), showTotal: (total) => `共 ${count(total)} 条` }}
        columns={[
          { title: '时间', dataIndex: 'at', render: whenSeconds, width: 170 },
          { title: '账号', render: (_, entry) => `${entry.actorAccount}（${STAFF_ROLE_LABEL[entry.actorRole as 'operator'] ?? entry.actorRole}）` },
          { title: '操作', dataIndex: 'action', render: (action: string) => AUDIT_ACTION_LABEL[action] ?? action },
          { title: '说明', dataIndex: 'summary' },
          { title: '修改前', dataIndex: 'before', render: (value: unknown) => <Json value={value} />, width: 220 },
          { title: '修改后', dataIndex: 'after', render: (value: unknown) => <Json value={value} />, width: 220 },
        ]}
      />
    </Space>
  )
}
