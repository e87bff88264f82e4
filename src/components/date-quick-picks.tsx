import { usableQuickPicks, type QuickPick } from '../domain/time/date-picks'
import { ChoiceList } from './choice-list'

/** One-tap dates beside a date field (今天, 上个月, a rule set's last day …), within its range. */
export function DateQuickPicks({
  label,
  picks,
  value,
  start,
  end,
  onChange,
}: {
  label: string
  picks: readonly QuickPick[]
  value: string
  start?: string
  end?: string
  onChange: (date: string) => void
}) {
  const usable = usableQuickPicks(picks, start, end)
  if (usable.length === 0) return null
  return (
    <ChoiceList
      label={`${label}：快速选择`}
      hideLabel
      options={usable.map((pick) => ({ value: pick.date, title: pick.label }))}
      value={usable.some((pick) => pick.date === value) ? value : null}
      variant='segmented'
      onChange={onChange}
    />
  )
}
