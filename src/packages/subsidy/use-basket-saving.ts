/**
 * 加入购物清单 from any calculator, or 保存修改 when the calculator was opened from the basket to
 * edit an entry (`?edit=<id>`). The notice belongs to the input that was saved, so changing a
 * field after adding never leaves "已加入" standing beside a different purchase.
 */
import { useState } from 'react'
import type { SubsidyInput } from '@/domain/subsidy/subsidy-input'
import { goBack } from '@/services/navigation'
import { BASKET_MAX_ENTRIES, useSubsidyBasketStore } from '@/store/subsidy-basket'

export interface BasketSaving {
  editing: boolean
  save: (input: SubsidyInput) => void
  noticeFor: (input: SubsidyInput) => string | null
}

const sameInput = (a: SubsidyInput, b: SubsidyInput) => JSON.stringify(a) === JSON.stringify(b)

export function useBasketSaving(editId: string | null): BasketSaving {
  const addEntry = useSubsidyBasketStore((state) => state.addEntry)
  const updateEntry = useSubsidyBasketStore((state) => state.updateEntry)
  const [saved, setSaved] = useState<{ input: SubsidyInput; notice: string } | null>(null)
  return {
    editing: editId !== null,
    save: (input) => {
      if (editId !== null) {
        updateEntry(editId, input)
        void goBack('subsidy-basket')
        return
      }
      const id = addEntry(input)
      const count = useSubsidyBasketStore.getState().entries.length
      setSaved({ input, notice: id ? `已加入购物清单，现在共 ${count} 项` : `购物清单最多 ${BASKET_MAX_ENTRIES} 项，请先删除一些` })
    },
    noticeFor: (input) => (saved && sameInput(saved.input, input) ? saved.notice : null),
  }
}
