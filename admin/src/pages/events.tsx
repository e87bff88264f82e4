/**
 * 活动: the events of a period (cancelled and moved ones too); add and edit with the event schema
 * of src/domain/events (the form and the import check one rule); move (residents' reminders follow)
 * and cancel, each with the note residents will read.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, Calendar, Col, Drawer, Form, Input, InputNumber, Modal, Row, Segmented, Select, Space, Switch, Table, Tag } from 'antd'
import { useState } from 'react'
import { EVENT_STATUS_LABEL, EVENT_TYPE_LABEL, EVENT_TYPES, SPORTS_LEVEL_LABEL, SPORTS_LEVELS } from '../../../src/domain/events/event-basics'
import { cityEventSchema, type CityEvent } from '../../../src/domain/events/model'
import { COUNTIES } from '../../../src/domain/events/places'
import { addDays, dayjs, todayInShanghai, type Dayjs } from '../../../src/domain/time'
import { api, apiPage, errorText } from '../api'
import { useAuth } from '../auth'
import { useChange } from '../use-change'
import { count, span } from '../format'

type EventRow = CityEvent & { updatedAt: string }

interface EventFormValues {
  id: string
  type: CityEvent['type']
  sportsLevel?: CityEvent['sportsLevel']
  title: string
  summary?: string
  county: string
  venueName: string
  venueAddress?: string
  lng: number
  lat: number
  allDay: boolean
  start: string
  end: string
  admission: 'free' | 'ticketed' | 'unknown'
  priceText?: string
  organiser?: string
  source: string
  status: 'confirmed' | 'provisional'
}

function toEvent(values: EventFormValues, stored: CityEvent | null): unknown {
  const { updatedAt: _updatedAt, ...before } = (stored ?? {}) as Partial<EventRow>
  return {
    ...before,
    id: values.id?.trim(),
    type: values.type,
    ...(values.type === 'sports' ? { sportsLevel: values.sportsLevel } : { sportsLevel: undefined }),
    title: values.title?.trim(),
    ...(values.summary?.trim() ? { summary: values.summary.trim() } : {}),
    county: values.county,
    venue: {
      ...(before.venue ?? {}),
      name: values.venueName?.trim(),
      ...(values.venueAddress?.trim() ? { address: values.venueAddress.trim() } : {}),
      lng: values.lng,
      lat: values.lat,
      coordinateStatus: before.venue?.coordinateStatus ?? 'provisional',
    },
    allDay: values.allDay,
    start: values.start?.trim(),
    end: values.end?.trim(),
    admission: values.admission === 'ticketed' ? { kind: 'ticketed', priceText: values.priceText ?? '' } : { kind: values.admission },
    organiser: values.organiser?.trim() ? values.organiser.trim() : null,
    provenance: { ...(before.provenance ?? { sample: false }), source: values.source?.trim(), status: values.status },
  }
}

function fromEvent(event: CityEvent): EventFormValues {
  return {
    id: event.id,
    type: event.type,
    sportsLevel: event.sportsLevel,
    title: event.title,
    summary: event.summary,
    county: event.county,
    venueName: event.venue.name,
    venueAddress: event.venue.address,
    lng: event.venue.lng,
    lat: event.venue.lat,
    allDay: event.allDay,
    start: event.start,
    end: event.end,
    admission: event.admission.kind,
    priceText: event.admission.kind === 'ticketed' ? event.admission.priceText : undefined,
    organiser: event.organiser ?? undefined,
    source: event.provenance.source,
    status: event.provenance.status,
  }
}

const FIELD_OF: Record<string, string> = { 'venue.name': 'venueName', 'venue.address': 'venueAddress', 'venue.lng': 'lng', 'venue.lat': 'lat', 'admission.priceText': 'priceText', 'provenance.source': 'source' }

function EventForm({ before, onDone }: { before: CityEvent | null; onDone(): void }) {
  const [form] = Form.useForm<EventFormValues>()
  const save = useChange({ send: (event: CityEvent) => api('PUT', `/admin/events/${event.id}`, event), touches: ['events'], success: '活动已保存，居民端即时更新', then: onDone })
  return (
    <Form
      form={form}
      layout='vertical'
      initialValues={before ? fromEvent(before) : { type: 'promotion', county: '330802', allDay: true, admission: 'free', status: 'provisional', source: '衢州市商务局', lng: 118.87, lat: 28.94 }}
      onFinish={(values) => {
        const parsed = cityEventSchema.safeParse(toEvent(values, before))
        if (!parsed.success) {
          form.setFields(parsed.error.issues.map((issue) => ({ name: FIELD_OF[issue.path.join('.')] ?? String(issue.path[0]), errors: [issue.message] })) as never)
          return
        }
        save.mutate(parsed.data)
      }}
    >
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item label='活动编号（小写字母、数字、-）' name='id' required>
            <Input disabled={before !== null} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label='类型' name='type'>
            <Select options={EVENT_TYPES.map((type) => ({ value: type, label: EVENT_TYPE_LABEL[type] }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item noStyle shouldUpdate={(a, b) => a.type !== b.type}>
        {({ getFieldValue }) =>
          getFieldValue('type') === 'sports' && (
            <Form.Item label='赛事级别' name='sportsLevel'>
              <Select options={SPORTS_LEVELS.map((level) => ({ value: level, label: SPORTS_LEVEL_LABEL[level] }))} />
            </Form.Item>
          )
        }
      </Form.Item>
      <Form.Item label='活动名称' name='title' required>
        <Input />
      </Form.Item>
      <Form.Item label='简介（可空，一段话）' name='summary'>
        <Input maxLength={500} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item label='区县' name='county'>
            <Select options={COUNTIES.map((county) => ({ value: county.code, label: county.name }))} />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item label='地点名称' name='venueName' required>
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item label='地址（可空）' name='venueAddress'>
            <Input />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label='经度' name='lng'>
            <InputNumber step={0.0001} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label='纬度' name='lat'>
            <InputNumber step={0.0001} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item label='全天活动' name='allDay' valuePropName='checked'>
            <Switch />
          </Form.Item>
        </Col>
        <Col span={9}>
          <Form.Item label='开始（全天：2026-12-20；否则 2026-12-20T19:30:00+08:00）' name='start' required>
            <Input />
          </Form.Item>
        </Col>
        <Col span={9}>
          <Form.Item label='结束（全天为最后一天）' name='end' required>
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item label='票务' name='admission'>
            <Select options={[{ value: 'free', label: '免费' }, { value: 'ticketed', label: '收费' }, { value: 'unknown', label: '待确认' }]} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label='票价说明（收费时填）' name='priceText'>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label='主办单位（可空）' name='organiser'>
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={16}>
          <Form.Item label='信息来源' name='source'>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label='状态' name='status'>
            <Select options={[{ value: 'confirmed', label: '已确认' }, { value: 'provisional', label: '待官方确认' }]} />
          </Form.Item>
        </Col>
      </Row>
      <Button type='primary' htmlType='submit' loading={save.isPending}>
        保存
      </Button>
    </Form>
  )
}

function ChangeModal({ event, kind, onClose }: { event: EventRow; kind: 'move' | 'cancel'; onClose(): void }) {
  const [form] = Form.useForm()
  const { message } = App.useApp()
  const queries = useQueryClient()
  const change = useMutation({
    mutationFn: (values: { start?: string; end?: string; changeNote: string }) => api<{ remindersUpdated: number }>('POST', `/admin/events/${event.id}/${kind}`, values),
    onSuccess: (result) => {
      void message.success(kind === 'move' ? `已改期，${result.remindersUpdated} 个居民提醒随之改到新时间` : `已取消，${result.remindersUpdated} 个居民提醒已停止`)
      void queries.invalidateQueries({ queryKey: ['events'] })
      onClose()
    },
  })
  return (
    <Modal open title={kind === 'move' ? `改期「${event.title}」` : `取消「${event.title}」`} okText={kind === 'move' ? '确认改期' : '确认取消活动'} okButtonProps={{ danger: kind === 'cancel', loading: change.isPending }} cancelText='返回' onOk={() => form.submit()} onCancel={onClose}>
      <p>{kind === 'move' ? '居民会看到“已改期”和下面的说明；他们设的提醒会改到新时间。' : '居民会看到“已取消”和下面的说明；还没发出的提醒会停止。'}</p>
      <Form form={form} layout='vertical' initialValues={{ start: event.start, end: event.end }} onFinish={(values) => change.mutate(values)}>
        {kind === 'move' && (
          <>
            <Form.Item label='新的开始' name='start' rules={[{ required: true, message: '请填写新的开始时间' }]}>
              <Input />
            </Form.Item>
            <Form.Item label='新的结束' name='end' rules={[{ required: true, message: '请填写新的结束时间' }]}>
              <Input />
            </Form.Item>
          </>
        )}
        <Form.Item label='给居民的说明（一行）' name='changeNote' rules={[{ required: true, message: '请写明说明，居民会看到' }]}>
          <Input maxLength={200} />
        </Form.Item>
        {change.isError && <Alert type='error' showIcon message={errorText(change.error)} />}
      </Form>
    </Modal>
  )
}

/** The month as a calendar: each day lists the events that start on it (cancelled ones struck through). */
function EventCalendar() {
  const [month, setMonth] = useState(() => todayInShanghai().slice(0, 7))
  const from = `${month}-01`
  const to = dayjs(from).endOf('month').format('YYYY-MM-DD')
  const events = useQuery({ queryKey: ['events', 'month', month], queryFn: () => apiPage<EventRow>(`/admin/events?from=${from}&to=${to}&pageSize=200`) })
  const byDay = new Map<string, EventRow[]>()
  for (const event of events.data?.data ?? []) {
    const day = event.start.slice(0, 10)
    byDay.set(day, [...(byDay.get(day) ?? []), event])
  }
  return (
    <>
      {events.isError && <Alert type='error' showIcon message={errorText(events.error)} />}
      <Calendar
        value={dayjs(from)}
        onPanelChange={(value: Dayjs) => setMonth(value.format('YYYY-MM'))}
        cellRender={(value: Dayjs, info) =>
          info.type === 'date' ? (
            <ul style={{ listStyle: 'none', margin: 0, padding: 0, fontSize: 12 }}>
              {(byDay.get(value.format('YYYY-MM-DD')) ?? []).map((event) => (
                <li key={event.id} style={{ textDecoration: event.status === 'cancelled' ? 'line-through' : undefined }}>
                  {event.title}
                  {event.status === 'changed' ? '（已改期）' : ''}
                </li>
              ))}
            </ul>
          ) : null
        }
      />
    </>
  )
}

export function EventsPage() {
  const { readOnly } = useAuth()
  const today = todayInShanghai()
  const [range, setRange] = useState({ from: today, to: addDays(today, 90), page: 1 })
  const events = useQuery({ queryKey: ['events', range], queryFn: () => apiPage<EventRow>(`/admin/events?from=${range.from}&to=${range.to}&page=${range.page}&pageSize=20`) })
  const [editing, setEditing] = useState<CityEvent | null | undefined>(undefined)
  const [changing, setChanging] = useState<{ event: EventRow; kind: 'move' | 'cancel' } | null>(null)
  const [view, setView] = useState<'list' | 'calendar'>('list')
  return (
    <Space direction='vertical' style={{ width: '100%' }}>
      <Segmented aria-label='显示方式' value={view} onChange={(value) => setView(value as 'list' | 'calendar')} options={[{ value: 'list', label: '列表' }, { value: 'calendar', label: '日历' }]} />
      {view === 'calendar' && <EventCalendar />}
      {view === 'list' && (
      <>
      <Form layout='inline' initialValues={range} onFinish={(values) => setRange({ ...values, page: 1 })}>
        <Form.Item label='从' name='from'>
          <Input style={{ width: 130 }} />
        </Form.Item>
        <Form.Item label='到' name='to'>
          <Input style={{ width: 130 }} />
        </Form.Item>
        <Button type='primary' htmlType='submit'>查询</Button>
        {!readOnly && <Button style={{ marginLeft: 8 }} onClick={() => setEditing(null)}>新增活动</Button>}
      </Form>
      {events.isError && <Alert type='error' showIcon message={errorText(events.error)} />}
      <Table
        rowKey='id'
        loading={events.isPending}
        dataSource={events.data?.data ?? []}
        pagination={{ current: range.page, pageSize: 20, total: events.data?.meta.total ?? 0, onChange: (page) => setRange({ ...range, page }), showTotal: (total) => `共 ${count(total)} 项` }}
        columns={[
          { title: '名称', dataIndex: 'title' },
          { title: '类型', dataIndex: 'type', render: (type: CityEvent['type']) => EVENT_TYPE_LABEL[type] },
          { title: '时间', render: (_, event) => (event.allDay ? `${event.start} 至 ${event.end}` : span(event.start, event.end)) },
          { title: '地点', render: (_, event) => event.venue.name },
          { title: '状态', render: (_, event) => <Tag color={event.status === 'cancelled' ? 'red' : event.status === 'changed' ? 'orange' : 'green'}>{EVENT_STATUS_LABEL[event.status]}</Tag> },
          { title: '来源', render: (_, event) => (event.provenance.status === 'confirmed' ? '已确认' : '待官方确认') },
          {
            title: '操作',
            render: (_, event) =>
              !readOnly &&
              event.status !== 'cancelled' && (
                <Space>
                  <Button size='small' onClick={() => setEditing(event)}>编辑</Button>
                  <Button size='small' onClick={() => setChanging({ event, kind: 'move' })}>改期</Button>
                  <Button size='small' danger onClick={() => setChanging({ event, kind: 'cancel' })}>取消</Button>
                </Space>
              ),
          },
        ]}
      />
      <Drawer open={editing !== undefined} width={760} title={editing ? `编辑「${editing.title}」` : '新增活动'} onClose={() => setEditing(undefined)} destroyOnHidden>
        {editing !== undefined && <EventForm before={editing} onDone={() => setEditing(undefined)} />}
      </Drawer>
      </>
      )}
      {changing && <ChangeModal event={changing.event} kind={changing.kind} onClose={() => setChanging(null)} />}
    </Space>
  )
}
