/**
 * 购物清单: several purchases quoted together, the per-person limits explained on the item that
 * goes over them, edit and remove (with 撤销), and the basket kept in phone storage.
 */
import { fireEvent, render, screen, within } from '@testing-library/react'
import type { SubsidyInput } from '@/domain/subsidy/subsidy-input'
import { navigate } from '@/services/navigation'
import { sanitiseBasketEntries, useSubsidyBasketStore } from '@/store/subsidy-basket'
import { settlePolicyWithoutOverrides } from '@/test/policy-fixtures'
import BasketPage from './pages/basket/index'

jest.mock('@/services/navigation', () => ({ navigate: jest.fn(() => Promise.resolve()), goBack: jest.fn(() => Promise.resolve()) }))

const DAY = '2025-05-01'
const fridge: SubsidyInput = { measure: 'appliance', category: 'refrigerator', priceYuan: '5000', grade: 1, purchaseDate: DAY }
const phone: SubsidyInput = { measure: 'digital', category: 'phone', priceYuan: '3,000', purchaseDate: DAY }
const scrap: SubsidyInput = {
  measure: 'car-scrap',
  newCarEnergy: 'nev',
  oldCarFuel: 'petrol',
  oldCarRegisteredOn: '2010-01-01',
  oldCarOwnedSince: '2010-01-01',
  priceYuan: '150000',
  purchaseDate: DAY,
}
const replace: SubsidyInput = {
  measure: 'car-replace',
  newCarEnergy: 'nev',
  oldCarOwnedSince: '2010-01-01',
  priceYuan: '155800',
  purchaseDate: DAY,
}

function fill(inputs: SubsidyInput[]) {
  useSubsidyBasketStore.setState({ entries: inputs.map((input, index) => ({ id: `e${index + 1}`, input })) })
}

const item = (number: number) => within(screen.getByRole('group', { name: new RegExp(`^第 ${number} 项`) }))
const total = () => screen.getByText('购物清单合计可补贴').parentElement as HTMLElement

beforeEach(() => {
  localStorage.clear()
  useSubsidyBasketStore.setState({ entries: [] })
  settlePolicyWithoutOverrides()
  jest.mocked(navigate).mockClear()
})

test('an empty basket says how to fill it', () => {
  render(<BasketPage />)
  expect(within(total()).getByText('¥0.00')).toBeInTheDocument()
  expect(screen.getByText('清单还是空的')).toBeInTheDocument()
})

test('each subsidy and the total; the second refrigerator is over the per-person limit and says which item took it', () => {
  fill([fridge, phone, fridge])
  render(<BasketPage />)
  expect(item(1).getByText('¥1,000.00')).toBeInTheDocument()
  expect(item(2).getByText('¥450.00')).toBeInTheDocument()
  expect(item(3).getByText('不能补贴')).toBeInTheDocument()
  expect(item(3).getByRole('note')).toHaveTextContent('与第 1 项冲突：家电（冰箱）每人限 1 件，第 1 项已经用掉名额')
  expect(within(total()).getByText('¥1,450.00')).toBeInTheDocument()
  expect(within(total()).getByText(/共 3 项，其中 1 项超出每人限额/)).toBeInTheDocument()
})

test('报废 and 置换 for the same car: the later one gives way, and why', () => {
  fill([scrap, replace])
  render(<BasketPage />)
  expect(item(2).getByRole('note')).toHaveTextContent('同一辆车不能同时享受报废更新和置换更新补贴')
  expect(within(total()).getByText('¥20,000.00')).toBeInTheDocument()
})

test('removing the first refrigerator frees the limit for the second; 撤销 puts it back in place', () => {
  fill([fridge, phone, fridge])
  render(<BasketPage />)
  fireEvent.click(screen.getByRole('button', { name: '删除第 1 项' }))
  expect(screen.getByRole('status')).toHaveTextContent('已删除：冰箱（一级能效）')
  expect(within(total()).getByText('¥1,450.00')).toBeInTheDocument()
  expect(item(2).getByText('¥1,000.00')).toBeInTheDocument()
  expect(screen.queryByRole('note')).not.toBeInTheDocument()

  fireEvent.click(screen.getByRole('button', { name: '撤销删除' }))
  expect(useSubsidyBasketStore.getState().entries.map((entry) => entry.id)).toEqual(['e1', 'e2', 'e3'])
  expect(item(3).getByRole('note')).toBeInTheDocument()
})

test('修改 opens the calculator of that measure with the entry', () => {
  fill([fridge, scrap])
  render(<BasketPage />)
  fireEvent.click(screen.getByRole('button', { name: '修改第 2 项' }))
  expect(navigate).toHaveBeenCalledWith('subsidy-car', { edit: 'e2' })
})

test('an entry the domain rejects is shown with the reason, and the rest still add up', () => {
  fill([{ ...fridge, priceYuan: 'abc' }, phone])
  render(<BasketPage />)
  expect(item(1).getByText('信息不完整')).toBeInTheDocument()
  expect(item(1).getByText(/金额格式不对/)).toBeInTheDocument()
  expect(within(total()).getByText('¥450.00')).toBeInTheDocument()
  expect(document.body.textContent).not.toMatch(/NaN/)
})

test('the basket is kept in phone storage (versioned) and read back checked', async () => {
  useSubsidyBasketStore.getState().addEntry(fridge)
  const stored = JSON.parse(JSON.parse(localStorage.getItem('qht:subsidy-basket')!).data)
  expect(stored.version).toBe(1)
  expect(stored.state.entries[0].input).toEqual(fridge)

  localStorage.setItem(
    'qht:subsidy-basket',
    JSON.stringify({
      data: JSON.stringify({
        version: 1,
        state: { entries: [{ id: 'x', input: phone }, { id: 'y', input: { measure: 'yacht' } }, 'junk'] },
      }),
    }),
  )
  await useSubsidyBasketStore.persist.rehydrate()
  expect(useSubsidyBasketStore.getState().entries).toEqual([{ id: 'x', input: phone }])
})

test('sanitiseBasketEntries drops what is not an entry and duplicate ids', () => {
  expect(sanitiseBasketEntries(null)).toEqual([])
  expect(
    sanitiseBasketEntries([
      { id: 'a', input: fridge },
      { id: 'a', input: phone },
      { id: '', input: phone },
      { id: 'b', input: [] },
    ]),
  ).toEqual([{ id: 'a', input: fridge }])
})
