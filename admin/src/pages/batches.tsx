/**
 * 消费券批次: the table of batches (drafts first), and per batch a drawer with its rounds and the
 * pause switch, the phone preview, publish, safe edit and early close. Everything residents will
 * see asks for confirmation first and says what they will see.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, Descriptions, Drawer, Form, Modal, Space, Switch, Table, Tag } from 'antd'
import { useState } from 'react'
import { ADMIN_BATCH_STATUS_LABEL, type AdminBatch, type BatchCloseResult } from '../../../src/domain/admin/schemas'
import type { VoucherBatch } from '../../../src/domain/vouchers/schema'
import { api, errorText } from '../api'
import { useAuth } from '../auth'
import { useChange } from '../use-change'
import { count, when, yuan } from '../format'
import { BatchFormFields, checkBatchForm, fromBatch, NEW_BATCH_VALUES, PhonePreview, type BatchFormValues } from './batch-form'

const STATUS_COLOR = { draft: 'default', scheduled: 'blue', open: 'green', ended: 'default', closed: 'red' } as const

function useBatchMutation<T>(send: (input: T) => Promise<unknown>, success: string) {
  return useChange({ send, touches: ['batches', 'dashboard'], success })
}

function BatchEditor({ initial, mode, claimingStarted, onDone }: { initial: Partial<BatchFormValues>; mode: 'new' | 'draft' | 'published'; claimingStarted: boolean; onDone(): void }) {
  const [form] = Form.useForm<BatchFormValues>()
  const [problems, setProblems] = useState<{ path: string; reason: string }[] | null>(null)
  const [preview, setPreview] = useState<VoucherBatch | null>(null)
  const { message } = App.useApp()
  const queries = useQueryClient()
  const save = useMutation({
    mutationFn: (batch: VoucherBatch) => (mode === 'published' ? api('PUT', `/admin/batches/${batch.id}`, batch) : api('PUT', `/admin/batches/${batch.id}/draft`, batch)),
    onSuccess: () => {
      void message.success(mode === 'published' ? '已保存修改，居民端即时生效' : '草稿已保存（居民看不到）')
      void queries.invalidateQueries({ queryKey: ['batches'] })
      onDone()
    },
    onError: (error) => void message.error(errorText(error)),
  })
  const validate = async () => {
    const local = checkBatchForm(form)
    if (!local.ok) {
      setProblems(local.errors.map(({ path, reason }) => ({ path, reason })))
      return null
    }
    const remote = await api<{ ok: boolean; problems: { path: string; reason: string }[] }>('POST', '/admin/batches/validate', local.batch).catch((error: unknown) => {
      void message.error(errorText(error))
      return null
    })
    if (!remote) return null
    setProblems(remote.problems)
    return remote.ok ? local.batch : null
  }
  return (
    <Form form={form} layout='vertical' initialValues={initial} requiredMark={false} onFinish={async () => {
      const batch = await validate()
      if (batch) save.mutate(batch)
    }}>
      <BatchFormFields editing={mode !== 'new'} lockedAfterStart={mode === 'published' && claimingStarted} />
      {problems && problems.length === 0 && <Alert type='success' showIcon message='校验通过：批次规则、商户和活动都没有问题' style={{ marginBottom: 16 }} />}
      {problems && problems.length > 0 && (
        <Alert
          type='error'
          showIcon
          style={{ marginBottom: 16 }}
          message={`还有 ${problems.length} 处问题`}
          description={<ul style={{ margin: 0, paddingLeft: 20 }}>{problems.map((problem, index) => <li key={index}>{problem.path ? `${problem.path}：` : ''}{problem.reason}</li>)}</ul>}
        />
      )}
      <Space>
        <Button onClick={() => void validate()}>校验</Button>
        <Button onClick={() => {
          const local = checkBatchForm(form)
          if (local.ok) setPreview(local.batch)
          else setProblems(local.errors.map(({ path, reason }) => ({ path, reason })))
        }}>手机预览</Button>
        <Button type='primary' htmlType='submit' loading={save.isPending}>
          {mode === 'published' ? '保存修改' : '保存草稿'}
        </Button>
      </Space>
      <Modal open={preview !== null} title='居民看到的样子' footer={null} onCancel={() => setPreview(null)} width={460} destroyOnHidden>
        {preview && <PhonePreview batch={preview} />}
      </Modal>
    </Form>
  )
}

function BatchDetail({ item, onEdit }: { item: AdminBatch; onEdit(): void }) {
  const { readOnly } = useAuth()
  const { modal } = App.useApp()
  const [preview, setPreview] = useState(false)
  const pause = useBatchMutation(
    ({ roundId, paused }: { roundId: string; paused: boolean }) => api('POST', `/admin/batches/${item.batch.id}/rounds/${roundId}/pause`, { paused }),
    '已切换',
  )
  const publish = useBatchMutation(() => api('POST', `/admin/batches/${item.batch.id}/publish`, {}), '已发布，居民现在可以看到这个批次')
  const close = useBatchMutation(() => api<BatchCloseResult>('POST', `/admin/batches/${item.batch.id}/close`, {}), '批次已结束，不再接受领取')
  const batch = item.batch
  return (
    <Space direction='vertical' style={{ width: '100%' }} size='large'>
      <Descriptions
        bordered
        size='small'
        column={2}
        items={[
          { key: 'status', label: '状态', children: <Tag color={STATUS_COLOR[item.status]}>{ADMIN_BATCH_STATUS_LABEL[item.status]}</Tag> },
          { key: 'face', label: '面额', children: `${yuan(batch.faceValueFen)}（${batch.thresholdFen > 0 ? `满 ${yuan(batch.thresholdFen)}` : '无门槛'}）` },
          { key: 'limits', label: '限领', children: `每轮 ${batch.limits.perRound} 张，整批 ${batch.limits.perBatch} 张` },
          { key: 'budget', label: '总预算', children: yuan(batch.budgetFen) },
          { key: 'redeemed', label: '已核销', children: `${count(item.redeemed.count)} 笔，应结算 ${yuan(item.redeemed.netFen)}` },
          { key: 'source', label: '规则来源', children: `${batch.provenance.source}${batch.provenance.status !== 'confirmed' ? '（待官方确认）' : ''}` },
        ]}
      />
      <Table
        rowKey='id'
        size='small'
        pagination={false}
        dataSource={item.rounds}
        columns={[
          { title: '轮次', dataIndex: 'id' },
          { title: '开抢', dataIndex: 'opensAt', render: when },
          { title: '结束', dataIndex: 'closesAt', render: when },
          { title: '已领 / 名额', render: (_, round) => `${count(round.claimed)} / ${count(round.total)}` },
          {
            title: '领取开关',
            render: (_, round) =>
              item.status === 'draft' || item.status === 'closed' ? (
                '—'
              ) : (
                <Switch
                  checked={!round.paused}
                  checkedChildren='开'
                  unCheckedChildren='停'
                  disabled={readOnly}
                  aria-label={`第 ${round.id} 轮领取开关：${round.paused ? '已暂停' : '开放'}`}
                  loading={pause.isPending}
                  onChange={(open) =>
                    modal.confirm({
                      title: open ? `恢复第 ${round.id} 轮领取？` : `暂停第 ${round.id} 轮领取？`,
                      content: open
                        ? '恢复后居民可以继续领取本轮剩余的券。'
                        : '暂停后 1 秒内所有服务器拒绝新的领取，居民点“领取”会看到：本轮领取已暂停，请稍后再试。已领到的券不受影响。',
                      okText: open ? '恢复领取' : '暂停领取',
                      okButtonProps: { danger: !open },
                      cancelText: '取消',
                      onOk: () => pause.mutateAsync({ roundId: round.id, paused: !open }),
                    })
                  }
                />
              ),
          },
        ]}
      />
      {!readOnly && (
        <Space wrap>
          <Button onClick={() => setPreview(true)}>手机预览</Button>
          {item.status === 'draft' && (
            <Button
              type='primary'
              onClick={() =>
                modal.confirm({
                  title: `发布「${batch.title}」？`,
                  content: `发布后居民立即能在“消费券”里看到这个批次，第 1 轮 ${when(batch.rounds[0].opensAt)} 开抢。发布后面额、门槛、限领等规则在开抢后不能再改。`,
                  okText: '发布',
                  cancelText: '取消',
                  onOk: () => publish.mutateAsync(undefined),
                })
              }
            >
              发布
            </Button>
          )}
          {item.status !== 'closed' && <Button onClick={onEdit}>{item.status === 'draft' ? '编辑草稿' : '修改'}</Button>}
          {item.status !== 'draft' && item.status !== 'closed' && (
            <Button
              danger
              onClick={() =>
                modal.confirm({
                  title: `提前结束「${batch.title}」？`,
                  content: `结束后不能恢复：居民不能再领取，会看到“本批次已停止发放”；已领到的券照常可用。未领的名额${batch.quotaReturn.unclaimed ? '退回资金池' : '作废'}。`,
                  okText: '结束批次',
                  okButtonProps: { danger: true },
                  cancelText: '取消',
                  onOk: () => close.mutateAsync(undefined),
                })
              }
            >
              结束批次
            </Button>
          )}
        </Space>
      )}
      <Modal open={preview} title='居民看到的样子' footer={null} onCancel={() => setPreview(false)} width={460} destroyOnHidden>
        <PhonePreview batch={batch} />
      </Modal>
    </Space>
  )
}

export function BatchesPage() {
  const { readOnly } = useAuth()
  const batches = useQuery({ queryKey: ['batches'], queryFn: () => api<AdminBatch[]>('GET', '/admin/batches'), refetchInterval: 5000 })
  const [openId, setOpenId] = useState<string | null>(null)
  const [editing, setEditing] = useState<{ mode: 'new' | 'draft' | 'published'; item: AdminBatch | null } | null>(null)
  const open = batches.data?.find((item) => item.batch.id === openId) ?? null
  return (
    <Space direction='vertical' style={{ width: '100%' }}>
      {batches.isError && <Alert type='error' showIcon message='批次没有加载成功' description={errorText(batches.error)} />}
      {!readOnly && (
        <Button type='primary' onClick={() => setEditing({ mode: 'new', item: null })}>
          新建批次
        </Button>
      )}
      <Table
        rowKey={(item) => item.batch.id}
        loading={batches.isPending}
        dataSource={batches.data ?? []}
        pagination={{ pageSize: 20, showTotal: (total) => `共 ${count(total)} 个批次` }}
        columns={[
          { title: '编号', render: (_, item) => item.batch.id },
          { title: '名称', render: (_, item) => <Button type='link' style={{ padding: 0 }} onClick={() => setOpenId(item.batch.id)}>{item.batch.title}</Button> },
          { title: '状态', render: (_, item) => <Tag color={STATUS_COLOR[item.status]}>{ADMIN_BATCH_STATUS_LABEL[item.status]}</Tag> },
          { title: '首轮开抢', render: (_, item) => when(item.batch.rounds[0].opensAt) },
          { title: '面额', render: (_, item) => yuan(item.batch.faceValueFen) },
          { title: '名额', render: (_, item) => count(item.rounds.reduce((sum, round) => sum + round.total, 0)) },
          { title: '已领', render: (_, item) => count(item.rounds.reduce((sum, round) => sum + round.claimed, 0)) },
          { title: '已核销', render: (_, item) => `${count(item.redeemed.count)} 笔 / ${yuan(item.redeemed.netFen)}` },
          {
            title: '暂停',
            render: (_, item) => (item.rounds.some((round) => round.paused) ? <Tag color='red'>有轮次暂停</Tag> : null),
          },
        ]}
      />
      <Drawer open={open !== null} width={860} title={open?.batch.title} onClose={() => setOpenId(null)} destroyOnHidden>
        {open && <BatchDetail item={open} onEdit={() => setEditing({ mode: open.status === 'draft' ? 'draft' : 'published', item: open })} />}
      </Drawer>
      <Drawer open={editing !== null} width={960} title={editing?.mode === 'new' ? '新建批次' : `修改「${editing?.item?.batch.title ?? ''}」`} onClose={() => setEditing(null)} destroyOnHidden>
        {editing && (
          <BatchEditor
            mode={editing.mode}
            claimingStarted={editing.item?.claimingStarted ?? false}
            initial={editing.item ? fromBatch(editing.item.batch) : NEW_BATCH_VALUES}
            onDone={() => setEditing(null)}
          />
        )}
      </Drawer>
    </Space>
  )
}
