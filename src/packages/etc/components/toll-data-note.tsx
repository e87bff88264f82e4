import { View } from '@tarojs/components'
import { formatShanghai } from '@/domain/time'
import type { TollDataView } from '@/store/etc-toll-data'
import './etc-components.scss'

export interface TollDataNoteProps {
  view: TollDataView
}

/** Why the screen may not be judging with the operator's latest data, or null when it is. */
function freshnessWarning({ source, loading, fetchedAt, problem, data }: TollDataView): string | null {
  if (source === 'cache') {
    return `网络不可用，用的是上次获取的数据（${fetchedAt === null ? '' : formatShanghai(fetchedAt, 'M月D日 HH:mm')} 获取）`
  }
  if (source !== 'bundled') return null
  if (loading) return '正在获取运营方的最新数据，暂按应用内置数据判断…'
  if (problem) return `暂时拿不到运营方的最新数据（${problem}），按应用内置数据（版本 ${data.version}）判断`
  return null
}

/**
 * Which 衢城畅行 data (clause 二十六) the screen judges with: its version, whether an operator
 * updated it (运营方更新于 …) or it is the app's own, and — in words, not colour — when it may be
 * out of date. The bundled period ends 2025-12-31, so a resident must be able to tell.
 */
export function TollDataNote({ view }: TollDataNoteProps) {
  const warning = freshnessWarning(view)
  return (
    <View className='toll-data-note'>
      <View className='caption'>
        数据版本 {view.data.version} ·{' '}
        {view.updatedAt ? `运营方更新于 ${formatShanghai(view.updatedAt, 'YYYY-MM-DD HH:mm')}` : '应用内置数据'}
      </View>
      {warning ? (
        <View className='toll-data-note__warning' role='status'>
          ⚠ {warning}
        </View>
      ) : null}
    </View>
  )
}
