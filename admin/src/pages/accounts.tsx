/** 账号: staff accounts and roles; new accounts and resets give a one-time setup link (运营 only). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { STAFF_ROLE_LABEL, STAFF_ROLES, staffAccountSchema, type Staff, type StaffRole } from '../../../src/domain/admin/schemas'
import { api, errorText } from '../api'
import { useAuth } from '../auth'
import { when } from '../format'
import { zodRule } from '../zod-rule'

interface SetupLink {
  staff: Staff
  setupPath: string
  expiresAt: string
}

export function AccountsPage() {
  const { readOnly, staff: me } = useAuth()
  const { modal, message } = App.useApp()
  const queries = useQueryClient()
  const [link, setLink] = useState<SetupLink | null>(null)
  const staff = useQuery({ queryKey: ['staff'], queryFn: () => api<Staff[]>('GET', '/admin/staff') })
  const refresh = () => void queries.invalidateQueries({ queryKey: ['staff'] })
  const onError = (error: unknown) => void message.error(errorText(error))
  const create = useMutation({ mutationFn: (body: { account: string; role: StaffRole }) => api<SetupLink>('POST', '/admin/staff', body), onSuccess: (result) => (setLink(result), refresh()), onError })
  const role = useMutation({ mutationFn: ({ id, role }: { id: string; role: StaffRole }) => api('PUT', `/admin/staff/${id}/role`, { role }), onSuccess: () => (void message.success('角色已修改'), refresh()), onError })
  const reset = useMutation({ mutationFn: (id: string) => api<SetupLink>('POST', `/admin/staff/${id}/reset`, {}), onSuccess: (result) => (setLink(result), refresh()), onError })
  return (
    <Space direction='vertical' style={{ width: '100%' }} size='large'>
      {!readOnly && (
        <Form layout='inline' onFinish={(values) => create.mutate(values)} initialValues={{ role: 'operator' }}>
          <Form.Item label='新账号' name='account' rules={[zodRule(staffAccountSchema)]}>
            <Input placeholder='例如 zhang.san' />
          </Form.Item>
          <Form.Item label='角色' name='role'>
            <Select style={{ width: 140 }} options={STAFF_ROLES.map((value) => ({ value, label: STAFF_ROLE_LABEL[value] }))} />
          </Form.Item>
          <Button type='primary' htmlType='submit' loading={create.isPending}>新建并生成设置链接</Button>
        </Form>
      )}
      {staff.isError && <Alert type='error' showIcon message={errorText(staff.error)} />}
      <Table
        rowKey='id'
        loading={staff.isPending}
        dataSource={staff.data ?? []}
        pagination={false}
        columns={[
          { title: '账号', dataIndex: 'account' },
          {
            title: '角色',
            render: (_, item) =>
              readOnly || item.id === me.id ? (
                STAFF_ROLE_LABEL[item.role]
              ) : (
                <Select
                  aria-label={`${item.account} 的角色`}
                  value={item.role}
                  style={{ width: 120 }}
                  options={STAFF_ROLES.map((value) => ({ value, label: STAFF_ROLE_LABEL[value] }))}
                  onChange={(next) =>
                    modal.confirm({
                      title: `把 ${item.account} 改为${STAFF_ROLE_LABEL[next]}？`,
                      content: next === 'auditor' ? '审计只能查看，不能修改任何内容。' : '运营可以发布批次、暂停轮次、导入数据等。',
                      okText: '修改',
                      cancelText: '取消',
                      onOk: () => role.mutateAsync({ id: item.id, role: next }),
                    })
                  }
                />
              ),
          },
          { title: '状态', render: (_, item) => (item.lockedUntil ? <Tag color='red'>锁定至 {when(item.lockedUntil)}</Tag> : item.enrolled ? <Tag color='green'>正常</Tag> : <Tag color='gold'>待设置</Tag>) },
          { title: '创建时间', dataIndex: 'createdAt', render: when },
          {
            title: '操作',
            render: (_, item) =>
              !readOnly && (
                <Button
                  size='small'
                  onClick={() =>
                    modal.confirm({
                      title: `重置 ${item.account} 的密码和身份验证器？`,
                      content: '该账号立即退出所有登录，需要用新的一次性链接重新设置。',
                      okText: '重置',
                      cancelText: '取消',
                      onOk: () => reset.mutateAsync(item.id),
                    })
                  }
                >
                  重置密码和验证器
                </Button>
              ),
          },
        ]}
      />
      <Modal open={link !== null} title={`${link?.staff.account ?? ''} 的一次性设置链接`} footer={<Button onClick={() => setLink(null)}>关闭</Button>} onCancel={() => setLink(null)}>
        <p>请把链接当面或通过内部渠道交给本人，{when(link?.expiresAt)} 前有效，只能用一次：</p>
        <Typography.Paragraph copyable code>{link ? `${window.location.origin}${link.setupPath}` : ''}</Typography.Paragraph>
      </Modal>
    </Space>
  )
}
