/**
 * 政策数据: what is in force (data version, trade-in rule sets with their status, toll data); upload
 * the same content file the import CLI takes, see the dry run as before → after by screen, apply
 * after a confirmation; the history of imports with who and when.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, Card, Descriptions, List, Space, Table, Tag, Typography, Upload } from 'antd'
import { useState } from 'react'
import type { ImportHistoryItem, PolicyImportResult, PolicyOverview } from '../../../src/domain/admin/schemas'
import { api, errorText } from '../api'
import { useAuth } from '../auth'
import { when } from '../format'

const STATUS = { confirmed: <Tag color='green'>已确认</Tag>, provisional: <Tag color='gold'>待官方确认</Tag>, unknown: <Tag color='gold'>尚未公布</Tag> } as Record<string, JSX.Element>
const CHANGE_LABEL = { added: '新增', changed: '修改', unchanged: '无变化' } as const

/** The file's bytes as Base64 (the API takes no line breaks in text fields). */
function base64Of(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''))
    reader.onerror = () => reject(new Error('读不出这个文件，请重新选择'))
    reader.readAsDataURL(file)
  })
}

function show(value: unknown): string {
  if (value === null || value === undefined) return '（无）'
  return typeof value === 'string' ? value : JSON.stringify(value)
}

function DryRun({ result }: { result: PolicyImportResult }) {
  if (!result.ok) {
    return (
      <Alert
        type='error'
        showIcon
        message={`文件有 ${result.problems.length} 处问题，没有写入任何内容`}
        description={<ul style={{ margin: 0, paddingLeft: 20 }}>{result.problems.map((problem, index) => <li key={index}>{problem.file}{problem.line ? `:${problem.line}` : ''} {problem.path}：{problem.reason}</li>)}</ul>}
      />
    )
  }
  return (
    <List
      bordered
      dataSource={result.changes}
      renderItem={(change) => (
        <List.Item>
          <Space direction='vertical' style={{ width: '100%' }}>
            <span>
              <Tag>{change.screen}</Tag>
              <strong>{change.title}</strong>（{change.id}）· {CHANGE_LABEL[change.change]}
            </span>
            {change.fields.length > 0 && (
              <Table
                size='small'
                pagination={false}
                rowKey='path'
                dataSource={change.fields}
                columns={[
                  { title: '字段', dataIndex: 'path' },
                  { title: '修改前', dataIndex: 'before', render: show },
                  { title: '修改后', dataIndex: 'after', render: show },
                ]}
              />
            )}
          </Space>
        </List.Item>
      )}
    />
  )
}

export function PolicyPage() {
  const { readOnly } = useAuth()
  const { modal, message } = App.useApp()
  const queries = useQueryClient()
  const overview = useQuery({ queryKey: ['policy'], queryFn: () => api<PolicyOverview>('GET', '/admin/policy') })
  const history = useQuery({ queryKey: ['imports'], queryFn: () => api<ImportHistoryItem[]>('GET', '/admin/policy/imports') })
  const [file, setFile] = useState<{ fileName: string; contentBase64: string } | null>(null)
  const dryRun = useMutation({ mutationFn: (body: { fileName: string; contentBase64: string }) => api<PolicyImportResult>('POST', '/admin/policy/dry-run', body) })
  const apply = useMutation({
    mutationFn: (body: { fileName: string; contentBase64: string }) => api<PolicyImportResult>('POST', '/admin/policy/import', body),
    onSuccess: (result) => {
      if (!result.ok) return
      void message.success('已导入，居民端即时更新')
      setFile(null)
      dryRun.reset()
      void queries.invalidateQueries()
    },
  })
  const changed = dryRun.data?.changes.filter((change) => change.change !== 'unchanged').length ?? 0
  return (
    <Space direction='vertical' style={{ width: '100%' }} size='large'>
      <Card title='当前数据'>
        {overview.isError && <Alert type='error' showIcon message={errorText(overview.error)} />}
        {overview.data && (
          <Space direction='vertical' style={{ width: '100%' }}>
            <Descriptions
              size='small'
              bordered
              column={2}
              items={[
                { key: 'version', label: '数据版本', children: overview.data.version ? `${String(overview.data.version.version)} ${String(overview.data.version.title)}` : '应用内置' },
                { key: 'toll', label: '衢城畅行 ETC', children: `${overview.data.toll.stations} 个收费站，${overview.data.toll.updatedAt ? `运营方更新于 ${when(overview.data.toll.updatedAt)}` : '应用内置'}` },
              ]}
            />
            <Table
              size='small'
              rowKey='id'
              pagination={false}
              dataSource={overview.data.ruleSets}
              columns={[
                { title: '补贴规则集', dataIndex: 'title' },
                { title: '状态', dataIndex: 'status', render: (status: string) => STATUS[status] ?? status },
                { title: '有效期', render: (_, set) => `${set.from} 至 ${set.to ?? '尚未公布'}` },
              ]}
            />
            {overview.data.overrides.map((override) => (
              <Typography.Paragraph key={override.kind}>
                {override.kind === 'subsidy' ? '补贴更正' : 'ETC 更正'}：{when(override.updatedAt)} 导入{override.note ? `（${override.note}）` : ''}
                {override.problem && <Alert type='warning' showIcon message={`更正未生效：${override.problem}`} />}
              </Typography.Paragraph>
            ))}
          </Space>
        )}
      </Card>
      <Card title='导入更正文件（与命令行 npm run server:import 同一格式：.json / .yaml）'>
        <Space direction='vertical' style={{ width: '100%' }}>
          <Upload
            accept='.json,.yaml,.yml'
            maxCount={1}
            showUploadList={false}
            beforeUpload={async (picked) => {
              const body = { fileName: picked.name, contentBase64: await base64Of(picked) }
              setFile(body)
              apply.reset()
              dryRun.mutate(body)
              return false
            }}
          >
            <Button>选择文件并试导入</Button>
          </Upload>
          {file && <span>文件：{file.fileName}</span>}
          {dryRun.isError && <Alert type='error' showIcon message={errorText(dryRun.error)} />}
          {dryRun.data && <DryRun result={dryRun.data} />}
          {apply.data && !apply.data.ok && <DryRun result={apply.data} />}
          {apply.isError && <Alert type='error' showIcon message={errorText(apply.error)} />}
          {dryRun.data?.ok && !readOnly && (
            <Button
              type='primary'
              disabled={changed === 0}
              onClick={() =>
                modal.confirm({
                  title: `导入 ${file?.fileName}？`,
                  content: `共 ${changed} 项变更，写入后居民在上面列出的页面立即看到新数据。全部通过才写入，任何一处出错都不写入。`,
                  okText: '确认导入',
                  cancelText: '取消',
                  onOk: () => (file ? apply.mutateAsync(file) : undefined),
                })
              }
            >
              {changed === 0 ? '没有变化，无需导入' : `确认导入（${changed} 项变更）`}
            </Button>
          )}
        </Space>
      </Card>
      <Card title='导入历史'>
        <Table
          size='small'
          rowKey='id'
          loading={history.isPending}
          dataSource={history.data ?? []}
          columns={[
            { title: '时间', dataIndex: 'at', render: when },
            { title: '方式', dataIndex: 'source', render: (source: string) => ({ console: '运营后台', cli: '命令行', sample: '示例数据', test: '测试' })[source] ?? source },
            { title: '操作人', dataIndex: 'by', render: (by: string | null) => by ?? '—' },
            { title: '文件', dataIndex: 'files', render: (files: string[]) => files.join('、') },
            { title: '条数', dataIndex: 'counts', render: (counts: Record<string, number>) => Object.entries(counts).filter(([, n]) => n > 0).map(([kind, n]) => `${kind} ${n}`).join('，') },
          ]}
        />
      </Card>
    </Space>
  )
}
