import { render, screen } from '@testing-library/react'
import { checkTollWaiver } from '@/domain/etc/waiver'
import { TripVerdict } from './trip-verdict'

const car = { plate: '浙H12345', vehicleClass: 1 as const, date: '2025-06-16' }

test('免费: the saving with 约 and 估算, the route, every check and the data status', () => {
  const verdict = checkTollWaiver({ ...car, etcCard: 'postpaid', entry: '衢州东', exit: '江山' })
  render(<TripVerdict verdict={verdict} />)
  const status = screen.getByRole('status')
  expect(status).toHaveTextContent('✓ 免费')
  expect(status).toHaveTextContent('衢州东 → 江山，2025-06-16')
  expect(status).toHaveTextContent(`预计省下${verdict.estimatedTollText}（估算）`)
  expect(screen.getAllByRole('listitem')).toHaveLength(6)
  expect(status).toHaveTextContent('数据状态⚠ 待官方确认')
  expect(status).toHaveTextContent(verdict.notes[0])
  expect(screen.getByRole('link', { name: '阅读（二十六）政策原文' })).toBeInTheDocument()
})

test('收费: the toll it would cost, and one reason per failed condition', () => {
  const verdict = checkTollWaiver({ ...car, etcCard: 'prepaid', entry: '衢州东', exit: '廿八都' })
  render(<TripVerdict verdict={verdict} />)
  const status = screen.getByRole('status')
  expect(status).toHaveTextContent('✗ 收费')
  expect(status).toHaveTextContent(`预计通行费${verdict.estimatedTollText}（估算）`)
  expect(verdict.reasons).toHaveLength(2)
  for (const reason of verdict.reasons) expect(screen.getAllByText(reason).length).toBeGreaterThan(0)
})

test('a U-turn has no estimate, and says why', () => {
  const verdict = checkTollWaiver({ ...car, etcCard: 'postpaid', entry: '衢州东', exit: '衢州东' })
  render(<TripVerdict verdict={verdict} />)
  expect(screen.queryByText('预计省下')).not.toBeInTheDocument()
  expect(screen.getByRole('status')).toHaveTextContent('实际行驶里程未知，不估算通行费')
})
