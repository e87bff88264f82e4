/**
 * The calculators' purchase date is the shared date field (issue 15): on H5 a native date input
 * named by its label and one-tap picks that fit the measure, all usable from the keyboard alone.
 */
import { fireEvent, render, screen, within } from '@testing-library/react'
import { useState } from 'react'
import { BUNDLED_SUBSIDY_RULE_SETS } from '@/domain/policy/subsidy-rule-sets'
import type { SubsidyMeasure } from '@/domain/policy/subsidy-vocabulary'
import { PurchaseDateField } from './purchase-date-field'

function Field({ measures = ['appliance'], changes = [] }: { measures?: SubsidyMeasure[]; changes?: string[] }) {
  const [date, setDate] = useState('2026-03-15')
  return (
    <PurchaseDateField
      today='2026-03-15'
      value={date}
      ruleSets={BUNDLED_SUBSIDY_RULE_SETS}
      measures={measures}
      onChange={(next) => {
        changes.push(next)
        setDate(next)
      }}
    />
  )
}

const input = () => screen.getByLabelText('购买日期') as HTMLInputElement
const picks = () => within(screen.getByRole('radiogroup', { name: '购买日期：快速选择' }))

test('the picks fit the measure: 今天, 上个月 and the rule sets’ first and last days, today chosen', () => {
  render(<Field />)
  expect(input().type).toBe('date')
  expect(input()).toHaveAttribute('max', '2026-03-15')
  expect(input()).toHaveAccessibleDescription('2026年3月15日（今天）')
  expect(picks().getAllByRole('radio').map((radio) => radio.textContent?.replace('●', '').replace('○', '').trim())).toEqual([
    '今天',
    '上个月',
    '2026 年首日',
    '2025 年内',
    '2025 年首日',
  ])
  expect(picks().getByRole('radio', { name: '今天' })).toHaveAttribute('aria-checked', 'true')
})

test('by keyboard: every pick is in the Tab order, Enter and Space choose it, the date is said in words', () => {
  const changes: string[] = []
  render(<Field changes={changes} />)
  for (const radio of picks().getAllByRole('radio')) expect(radio).toHaveAttribute('tabindex', '0')
  const lastMonth = picks().getByRole('radio', { name: '上个月' })
  lastMonth.focus()
  fireEvent.keyDown(lastMonth, { key: 'Enter' })
  expect(changes).toEqual(['2026-02-15'])
  expect(input()).toHaveValue('2026-02-15')
  expect(input()).toHaveAccessibleDescription('2026年2月15日')
  expect(picks().getByRole('radio', { name: '上个月' })).toHaveAttribute('aria-checked', 'true')
  const in2025 = picks().getByRole('radio', { name: '2025 年内' })
  fireEvent.keyDown(in2025, { key: ' ' })
  expect(changes).toEqual(['2026-02-15', '2025-12-31'])
  expect(input()).toHaveAccessibleDescription('2025年12月31日')
})

test('typed into the date input: a date in range is taken, a later one refused in words on leaving', () => {
  const changes: string[] = []
  render(<Field changes={changes} />)
  fireEvent.change(input(), { target: { value: '2025-11-11' } })
  expect(changes).toEqual(['2025-11-11'])
  expect(picks().getAllByRole('radio').every((radio) => radio.getAttribute('aria-checked') === 'false')).toBe(true)
  fireEvent.change(input(), { target: { value: '2026-04-01' } })
  fireEvent.blur(input())
  expect(screen.getByRole('alert')).toHaveTextContent('只能选择 2024年1月1日 至 2026年3月15日的日期，仍按 2025年11月11日 计算')
  expect(changes).toEqual(['2025-11-11'])
})
