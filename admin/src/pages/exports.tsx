/** 对账导出: redemptions per merchant, per day and per batch, with the totals on screen and as CSV / XLSX. */
import { useMutation, useQuery } from '@tanstack/react-query'
import { Alert, App, Button, Descriptions, Form, Input, Space, Table } from 'antd'
import { useState } from 'react'
import type { Settlement } from '../../../src/domain/admin/schemas'
import { todayInShanghai } from '../../../src/domain/time'
import { api, download, errorText } from '../api'
import { count, yuan } from '../format'

export function ExportsPage() {
  const today = todayInShanghai()
  const { message } = App.useApp()
  const [filter, setFilter] = useState<{ from: string; to: string; batchId?: string; merchantId?: string }>({ from: today, to: today })
  const query = new URLSearchParams(Object.entries(filter).filter(([, value]) => value) as [string, string][]).toString()
  const settlement = useQuery({ queryKey: ['settlement', filter], queryFn: () => api<Settlement>('GET', `/admin/exports/redemptions?${query}`) })
  const file = useMutation({
    mutationFn: (format: 'csv' | 'xlsx') => download(`/admin/exports/redemptions?${query}&format=${format}`),
    onSuccess: (name) => void message.success(`已下载 ${name}`),
    onError: (error) => void message.error(errorText(error)),
  })
  const totals = settlement.data?.totals
  return (
    <Space direction='vertical' style={{ width: '100%' }} size='large'>
      <Form layout='inline' initialValues={filter} onFinish={(values) => setFilter({ from: values.from, to: values.to, batchId: values.batchId || undefined, merchantId: values.merchantId || undefined })}>
        <Form.Item label='核销日期从' name='from'>
          <Input style={{ width: 130 }} />
        </Form.Item>
        <Form.Item label='到' name='to'>
          <Input style={{ width: 130 }} />
        </Form.Item>
        <Form.Item label='批次编号' name='batchId'>
          <Input allowClear style={{ width: 180 }} />
        </Form.Item>
        <Form.Item label='商户编号' name='merchantId'>
          <Input allowClear style={{ width: 180 }} />
        </Form.Item>
        <Button type='primary' htmlType='submit'>查询</Button>
      </Form>
      {settlement.isError && <Alert type='error' showIcon message={errorText(settlement.error)} />}
      {totals && (
        <Descriptions
          bordered
          size='small'
          column={4}
          items={[
            { key: 'n', label: '核销笔数', children: <span data-testid='total-redemptions'>{count(totals.redemptions)}</span> },
            { key: 'discount', label: '抵扣合计', children: yuan(totals.discountFen) },
            { key: 'restored', label: '全额退款退回', children: `${count(totals.restoredRefunds)} 张 / ${yuan(totals.restoredFen)}` },
            { key: 'net', label: '应结算合计', children: <strong data-testid='total-net'>{yuan(totals.netFen)}</strong> },
          ]}
        />
      )}
      <Space>
        <Button onClick={() => file.mutate('csv')} loading={file.isPending}>导出 CSV</Button>
        <Button onClick={() => file.mutate('xlsx')} loading={file.isPending}>导出 Excel（XLSX）</Button>
      </Space>
      <Table
        rowKey={(row) => `${row.day}-${row.merchantId}-${row.batchId}`}
        size='small'
        loading={settlement.isPending}
        dataSource={settlement.data?.rows ?? []}
        locale={{ emptyText: '这段时间没有核销' }}
        columns={[
          { title: '日期', dataIndex: 'day' },
          { title: '商户', dataIndex: 'merchantName' },
          { title: '批次', dataIndex: 'batchTitle' },
          { title: '面额', dataIndex: 'faceValueFen', render: yuan },
          { title: '笔数', dataIndex: 'redemptions', render: count },
          { title: '订单金额', dataIndex: 'orderAmountFen', render: yuan },
          { title: '抵扣', dataIndex: 'discountFen', render: yuan },
          { title: '退回', dataIndex: 'restoredFen', render: yuan },
          { title: '应结算', dataIndex: 'netFen', render: yuan },
        ]}
      />
    </Space>
  )
}
