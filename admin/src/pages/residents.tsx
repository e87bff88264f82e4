/** 居民: find a resident by id (no name, phone or openid: the task needs none); their claims; revoke their sessions. */
import { useMutation, useQuery } from '@tanstack/react-query'
import { Alert, App, Button, Descriptions, Input, Space, Table, Tag } from 'antd'
import { useState } from 'react'
import type { ResidentView } from '../../../src/domain/admin/schemas'
import { VOUCHER_COUNTIES } from '../../../src/domain/vouchers/places'
import { api, errorText } from '../api'
import { useAuth } from '../auth'
import { when, yuan } from '../format'

const STATUS = { usable: '可用', used: '已使用', expired: '已过期' } as Record<string, string>

export function ResidentsPage() {
  const { readOnly } = useAuth()
  const { modal, message } = App.useApp()
  const [id, setId] = useState<string | null>(null)
  const resident = useQuery({ queryKey: ['resident', id], queryFn: () => api<ResidentView>('GET', `/admin/residents/${id}`), enabled: id !== null, retry: false })
  const revoke = useMutation({
    mutationFn: () => api<{ revoked: number }>('POST', `/admin/residents/${id}/revoke-sessions`, {}),
    onSuccess: (result) => {
      void message.success(`已注销 ${result.revoked} 个登录`)
      void resident.refetch()
    },
    onError: (error) => void message.error(errorText(error)),
  })
  return (
    <Space direction='vertical' style={{ width: '100%' }} size='large'>
      <Input.Search
        placeholder='居民账号编号（居民在小程序“我的”里可以看到）'
        enterButton='查找'
        aria-label='居民账号编号'
        style={{ maxWidth: 560 }}
        onSearch={(value) => setId(value.trim() || null)}
      />
      {resident.isError && <Alert type='error' showIcon message={errorText(resident.error)} />}
      {resident.data && (
        <>
          <Descriptions
            bordered
            size='small'
            column={2}
            items={[
              { key: 'id', label: '账号编号', children: resident.data.id },
              { key: 'county', label: '所在区县（自报）', children: VOUCHER_COUNTIES.find((county) => county.code === resident.data.residentCounty)?.name ?? '未填' },
              { key: 'created', label: '注册时间', children: when(resident.data.createdAt) },
              { key: 'sessions', label: '有效登录', children: `${resident.data.activeSessions} 个` },
            ]}
          />
          {!readOnly && (
            <Button
              danger
              disabled={resident.data.activeSessions === 0}
              onClick={() =>
                modal.confirm({
                  title: '注销这位居民的所有登录？',
                  content: '例如手机丢失时使用。居民需要重新登录，已领的券不受影响。',
                  okText: '注销登录',
                  cancelText: '取消',
                  onOk: () => revoke.mutateAsync(),
                })
              }
            >
              注销所有登录
            </Button>
          )}
          <Table
            rowKey='voucherId'
            size='small'
            dataSource={resident.data.claims}
            locale={{ emptyText: '还没有领过券' }}
            columns={[
              { title: '批次', dataIndex: 'batchTitle' },
              { title: '面额', dataIndex: 'faceValueFen', render: yuan },
              { title: '领取时间', dataIndex: 'claimedAt', render: when },
              { title: '状态', dataIndex: 'status', render: (status: string) => <Tag>{STATUS[status] ?? status}</Tag> },
              { title: '使用时间', dataIndex: 'usedAt', render: when },
            ]}
          />
        </>
      )}
    </Space>
  )
}
