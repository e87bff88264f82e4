/** 今日: the rounds of today with live claimed / remaining, claims per second, refusals, the gate, redemptions by county, reminders. */
import { useQuery } from '@tanstack/react-query'
import { Alert, Badge, Card, Col, Descriptions, Empty, Progress, Row, Statistic, Table, Tag } from 'antd'
import type { Dashboard } from '../../../src/domain/admin/schemas'
import { api, errorText } from '../api'
import { count, span, whenSeconds, yuan } from '../format'

const PHASE_LABEL = { upcoming: '未开抢', open: '领取中', 'sold-out': '已抢完', closed: '已结束' } as const
const REFUSAL_LABEL: Record<string, string> = {
  SOLD_OUT: '已抢完',
  NOT_OPEN: '未开抢',
  CLOSED: '已结束',
  LIMIT_REACHED: '超出限领',
  NOT_ELIGIBLE: '不在领取范围',
  ROUND_PAUSED: '轮次暂停',
  CLAIM_IN_FLIGHT: '重复点击处理中',
  IDEMPOTENCY_KEY_REUSED: '请求编号重用',
}

export function DashboardPage() {
  const dashboard = useQuery({ queryKey: ['dashboard'], queryFn: () => api<Dashboard>('GET', '/admin/dashboard'), refetchInterval: 2000 })
  if (dashboard.isError) return <Alert type='error' showIcon message='今日数据没有加载成功' description={errorText(dashboard.error)} />
  const data = dashboard.data
  return (
    <div style={{ display: 'grid', gap: 16 }}>
      <Row gutter={16}>
        <Col span={6}>
          <Card><Statistic title='每秒领取（近 1 分钟）' value={data?.claims.perSecond ?? 0} precision={2} /></Card>
        </Col>
        <Col span={6}>
          <Card><Statistic title='今日领取' value={data?.claims.today ?? 0} formatter={(value) => count(Number(value))} /></Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic
              title='领取闸门'
              valueRender={() => (data ? <Badge status={data.gate.healthy ? 'success' : 'error'} text={data.gate.healthy ? (data.gate.engine === 'redis' ? 'Redis 正常' : '数据库直连') : '异常'} /> : '—')}
            />
            <div style={{ color: 'rgba(0,0,0,0.7)', marginTop: 4 }}>{data?.gate.message}</div>
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic title='提醒：排队 / 今日已发' value={data ? `${count(data.reminders.queued)} / ${count(data.reminders.sentToday + data.reminders.inAppToday)}` : '—'} />
            {data && data.reminders.failedToday > 0 && <div style={{ color: '#a8071a' }}>今日失败 {count(data.reminders.failedToday)} 条</div>}
          </Card>
        </Col>
      </Row>
      <Card title='今日开抢和进行中的轮次' extra={data && <span>更新于 {whenSeconds(data.serverTime)}</span>}>
        <Table
          rowKey={(row) => `${row.batchId}:${row.roundId}`}
          loading={dashboard.isPending}
          dataSource={data?.rounds ?? []}
          pagination={false}
          locale={{ emptyText: <Empty description='今天没有开抢的轮次' /> }}
          columns={[
            { title: '批次', dataIndex: 'batchTitle', render: (title: string, row) => <>{title}{row.provisional && <Tag color='gold' style={{ marginLeft: 8 }}>规则待官方确认</Tag>}</> },
            { title: '轮次', dataIndex: 'roundId' },
            { title: '开抢—结束', render: (_, row) => span(row.opensAt, row.closesAt) },
            { title: '状态', render: (_, row) => (row.paused ? <Tag color='red'>已暂停</Tag> : <Tag>{PHASE_LABEL[row.phase]}</Tag>) },
            { title: '已领 / 名额', render: (_, row) => <span data-testid={`claimed-${row.batchId}-${row.roundId}`}>{count(row.claimed)} / {count(row.total)}</span> },
            { title: '剩余', render: (_, row) => count(row.remaining) },
            { title: '进度', render: (_, row) => <Progress percent={row.total ? Math.round((row.claimed / row.total) * 100) : 0} size='small' aria-label='领取进度' /> },
          ]}
        />
      </Card>
      <Row gutter={16}>
        <Col span={12}>
          <Card title='今日拒绝（按原因）'>
            <Table
              rowKey='code'
              size='small'
              pagination={false}
              dataSource={data?.refusals ?? []}
              locale={{ emptyText: '今日没有被拒绝的领取' }}
              columns={[
                { title: '原因', dataIndex: 'code', render: (code: string) => REFUSAL_LABEL[code] ?? code },
                { title: '次数', dataIndex: 'count', render: (n: number) => count(n) },
              ]}
            />
          </Card>
        </Col>
        <Col span={12}>
          <Card title='今日核销（按区县）'>
            <Table
              rowKey='county'
              size='small'
              pagination={false}
              dataSource={data?.redemptionsToday ?? []}
              locale={{ emptyText: '今日还没有核销' }}
              columns={[
                { title: '区县', dataIndex: 'countyName' },
                { title: '笔数', dataIndex: 'count', render: (n: number) => count(n) },
                { title: '应结算', dataIndex: 'netFen', render: (fen: number) => yuan(fen) },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Card title='待官方确认的数据'>
        {data && data.provisional.length > 0 ? (
          <Descriptions column={1} size='small' items={data.provisional.map((item, index) => ({ key: index, label: item.area, children: item.what }))} />
        ) : (
          <span>当前显示的数据都已确认</span>
        )}
      </Card>
    </div>
  )
}
