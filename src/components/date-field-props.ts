import type { QuickPick } from '../domain/time/date-picks'

/** The one contract of DateField on both builds (date-field.tsx on H5, date-field.weapp.tsx in WeChat). */
export interface DateFieldProps {
  label: string
  /** 'YYYY-MM-DD'. */
  value: string
  onChange: (value: string) => void
  /** Earliest and latest dates offered, 'YYYY-MM-DD'. */
  start?: string
  end?: string
  /** Said after the date, e.g. '今天'. */
  hint?: string
  /** One-tap dates that fit the measure (今天, 上个月, a rule set's dates); those outside the range are left out. */
  quickPicks?: readonly QuickPick[]
}
