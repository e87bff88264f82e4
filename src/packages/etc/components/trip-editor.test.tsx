import { fireEvent, render, screen, within } from '@testing-library/react'
import { StationError } from '@/domain/etc/stations'
import { stations } from '@/domain/etc/stations'
import { fixClock } from '@/test/fixed-clock'
import { TripEditor } from './trip-editor'

let restoreClock: () => void
beforeEach(() => (restoreClock = fixClock('2025-06-16T23:30:00+08:00')))
afterEach(() => restoreClock())

function choose(fieldLabel: string, station: string) {
  fireEvent.click(screen.getByRole('button', { name: new RegExp(fieldLabel) }))
  const panel = screen.getByRole('region', { name: `选择${fieldLabel}` })
  fireEvent.input(within(panel).getByRole('textbox'), { target: { value: station } })
  fireEvent.click(within(panel).getAllByRole('option', { name: new RegExp(`^${station}，`) })[0])
}

test('a new trip is dated today in Shanghai, even late in the evening', () => {
  render(<TripEditor title='记一趟行程' stations={stations} onSave={() => undefined} onCancel={() => undefined} />)
  expect(screen.getByLabelText('日期')).toHaveValue('2025-06-16')
  expect(screen.getByLabelText('日期')).toHaveAccessibleDescription('2025年6月16日（今天）')
})

test('saves date and both station ids', () => {
  const onSave = jest.fn()
  render(<TripEditor title='记一趟行程' stations={stations} onSave={onSave} onCancel={() => undefined} />)
  fireEvent.click(screen.getByRole('button', { name: '保存' }))
  expect(screen.getByRole('alert')).toHaveTextContent('请选择入口收费站')
  choose('入口收费站', '柯城')
  fireEvent.click(screen.getByRole('button', { name: '保存' }))
  expect(screen.getByRole('alert')).toHaveTextContent('请选择出口收费站')
  choose('出口收费站', '马金')
  fireEvent.click(screen.getByRole('button', { name: '保存' }))
  expect(onSave).toHaveBeenCalledWith({ date: '2025-06-16', entry: 'kecheng', exit: 'majin' })
})

test('a domain error from saving is shown inline, not thrown', () => {
  const onSave = jest.fn(() => {
    throw new StationError('STATION_UNKNOWN', '没有找到收费站“旧站”。请从站点列表中选择。', 'entry')
  })
  render(
    <TripEditor
      title='修改行程'
      initial={{ date: '2025-03-01', entry: 'quzhoudong', exit: 'longyou' }}
      stations={stations}
      onSave={onSave}
      onCancel={() => undefined}
    />,
  )
  expect(screen.getByLabelText('日期')).toHaveValue('2025-03-01')
  fireEvent.click(screen.getByRole('button', { name: '保存' }))
  expect(screen.getByRole('alert')).toHaveTextContent('没有找到收费站“旧站”')
})

test('cancel is reported', () => {
  const onCancel = jest.fn()
  render(<TripEditor title='记一趟行程' stations={stations} onSave={() => undefined} onCancel={onCancel} />)
  fireEvent.click(screen.getByRole('button', { name: '取消' }))
  expect(onCancel).toHaveBeenCalled()
})
