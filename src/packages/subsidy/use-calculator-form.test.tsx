/**
 * The calculators' one form hook: how a page was opened (a basket entry, a link's choice or date),
 * the price as typed, what is missing in Chinese, and the quote of the fields plus price and date.
 */
import { act, renderHook } from '@testing-library/react'
import { settlePolicyWithoutOverrides } from '@/test/policy-fixtures'
import { setRouterParams } from '@/test/taro-shim'
import { fixClock } from '@/test/fixed-clock'
import { useSubsidyBasketStore } from '@/store/subsidy-basket'
import { useCalculatorForm } from './use-calculator-form'

let restoreClock: () => void = () => undefined
beforeEach(() => {
  restoreClock = fixClock('2026-03-15T10:00:00+08:00')
  settlePolicyWithoutOverrides()
  useSubsidyBasketStore.setState({ entries: [] })
  setRouterParams({})
})
afterEach(() => restoreClock())

test('a fresh form: today, nothing typed, the price named as missing where the page lists it', () => {
  const { result } = renderHook(() => useCalculatorForm(['digital']))
  expect(result.current.today).toBe('2026-03-15')
  expect(result.current.purchaseDate).toBe('2026-03-15')
  expect(result.current.initial).toBeNull()
  expect(result.current.price).toMatchObject({ value: '', allowZero: true })
  const outcome = result.current.quote([[true, '产品类别'], result.current.priceMissing('售价')], () => ({ measure: 'digital', category: 'phone' }))
  expect(outcome).toEqual({ kind: 'incomplete', missing: ['产品类别', '售价'] })
})

test('the quote takes the price as typed and the purchase date; a bad price gets the domain’s Chinese message', () => {
  const { result } = renderHook(() => useCalculatorForm(['digital']))
  act(() => result.current.price.onChange('3000'))
  act(() => result.current.setPurchaseDate('2025-12-31'))
  const quoted = result.current.quote([result.current.priceMissing('售价')], () => ({ measure: 'digital', category: 'phone' }))
  expect(quoted.kind).toBe('quote')
  if (quoted.kind === 'quote') {
    expect(quoted.quote.ruleSetId).toBe('quzhou-2025')
    expect(quoted.input).toMatchObject({ measure: 'digital', category: 'phone', purchaseDate: '2025-12-31' })
  }
  act(() => result.current.price.onChange('三千'))
  const invalid = result.current.quote([result.current.priceMissing('售价')], () => ({ measure: 'digital', category: 'phone' }))
  expect(invalid.kind).toBe('invalid')
  if (invalid.kind === 'invalid') expect(invalid.error.message).toMatch(/金额/)
  expect(JSON.stringify(invalid)).not.toMatch(/NaN/)
})

test('opened to edit a basket entry of its measure: the entry’s price, date and choices; another measure’s entry is ignored', () => {
  useSubsidyBasketStore.setState({
    entries: [
      { id: 'e1', input: { measure: 'digital', category: 'tablet', priceYuan: 2999, purchaseDate: '2025-11-11' } },
      { id: 'e2', input: { measure: 'ebike', oldBatteryType: 'lead-acid', newBatteryType: 'lithium', oldEbikeHandedToRecycler: true, newEbikeCompliant: true, priceYuan: 2500, purchaseDate: '2025-10-01' } },
    ],
  } as never)
  setRouterParams({ edit: 'e1' })
  const { result } = renderHook(() => useCalculatorForm(['digital']))
  expect(result.current.initial).toMatchObject({ category: 'tablet' })
  expect(result.current.price.value).toBe('2999')
  expect(result.current.purchaseDate).toBe('2025-11-11')
  expect(result.current.saving.editing).toBe(true)
  setRouterParams({ edit: 'e2' })
  const other = renderHook(() => useCalculatorForm(['digital']))
  expect(other.result.current.initial).toBeNull()
  expect(other.result.current.saving.editing).toBe(false)
})

test('a link’s date and choice: ?date= starts the purchase date, preset reads only allowed values', () => {
  setRouterParams({ date: '2025-12-31', category: 'phone' })
  const { result } = renderHook(() => useCalculatorForm(['digital']))
  expect(result.current.purchaseDate).toBe('2025-12-31')
  expect(result.current.preset('category', ['phone', 'tablet'] as const)).toBe('phone')
  expect(result.current.preset('category', ['tablet'] as const)).toBeNull()
})
