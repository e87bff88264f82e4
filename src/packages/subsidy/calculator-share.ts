import type { RouteKey } from '@/routes'
import { shareMessage, type ShareMessage } from '@/services/share'

/**
 * What a forwarded calculator opens: the same measure (the page) and the same choice of product
 * (`category` / `kind`, read back by useCalculatorStart's preset) — never the sender's price,
 * dates or car, which are theirs (issue 14, sharing). The receiver starts from today.
 */
export function calculatorShare(
  key: RouteKey,
  measureName: string,
  choice?: { param: 'category' | 'kind'; value: string | null; label: string | null },
): ShareMessage {
  const subject = choice?.value && choice.label ? choice.label : measureName
  return shareMessage(key, `${subject}以旧换新能补多少？点开算一算`, choice?.value ? { [choice.param]: choice.value } : {})
}
