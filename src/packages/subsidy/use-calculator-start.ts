import { useRouter } from '@tarojs/taro'
import type { SubsidyMeasure } from '@/domain/policy/subsidy-vocabulary'
import type { SubsidyInput } from '@/domain/subsidy/subsidy-input'
import { isValidDate } from '@/domain/time'
import { useSubsidyBasketStore } from '@/store/subsidy-basket'
import { routeParam } from '@/services/route-param'

/**
 * How a calculator was opened: to edit a basket entry of one of `measures` (`?edit=<id>`), and/or
 * with a purchase date (`?date=2025-12-31`, from the 补贴 tab's "按 2025 年规则算"), and/or with a
 * choice already made (`?category=air-conditioner`, `?kind=…`, from search): read with `preset`.
 */
export function useCalculatorStart<M extends SubsidyMeasure>(
  measures: readonly M[],
): {
  editId: string | null
  input: Extract<SubsidyInput, { measure: M }> | null
  purchaseDate: string | null
  preset: <T extends string>(name: string, allowed: readonly T[]) => T | null
} {
  const { params } = useRouter()
  const preset = <T extends string>(name: string, allowed: readonly T[]): T | null => {
    const value = routeParam(params, name)
    return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null
  }
  const editId = routeParam(params, 'edit')
  const requestedDate = routeParam(params, 'date')
  const purchaseDate = isValidDate(requestedDate) ? requestedDate : null
  const entry = useSubsidyBasketStore((state) => (editId ? state.entries.find((item) => item.id === editId) : undefined))
  if (!editId || !entry || !(measures as readonly string[]).includes(entry.input.measure))
    return { editId: null, input: null, purchaseDate, preset }
  return { editId, input: entry.input as Extract<SubsidyInput, { measure: M }>, purchaseDate, preset }
}
