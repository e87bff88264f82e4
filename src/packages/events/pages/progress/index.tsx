import { useShareAppMessage, useShareTimeline } from '@tarojs/taro'
/**
 * 目标进度: each count clause (十五) promises for a year against the events the app holds
 * (domain `targetProgress`: samples and cancelled events never count). A year without published
 * targets says so instead of borrowing another year's numbers.
 */
import { Text, View } from '@tarojs/components'
import { useMemo, useState } from 'react'
import { Chip } from '@/components/chip'
import { DataSourceNote } from '@/components/data-source-note'
import { PageShell } from '@/components/page-shell'
import { Pressable } from '@/components/pressable'
import { StatusBadge } from '@/components/status-badge'
import { targetPeriod, targetProgress, type TargetProgressRow } from '@/domain/events/targets'
import { EVENT_TARGET_SETS } from '@/domain/policy/event-targets'
import { todayInShanghai } from '@/domain/time'
import { navigate } from '@/services/navigation'
import { useEventsRange } from '@/store/events'
import { shareMessage, shareTimeline } from '@/services/share'
import '@/packages/events/events.scss'

function ProgressRow({ row }: { row: TargetProgressRow }) {
  const status = row.met ? `已达成（${row.actual} 场）` : `还差 ${row.remaining} 场`
  return (
    <View
      className='progress-row'
      role='listitem'
      aria-label={`${row.label}：目标 ${row.targetDisplay}，已收录 ${row.actual} 场，${status}`}
    >
      <View className='progress-row__head'>
        <Text className='progress-row__label'>{row.label}</Text>
        <StatusBadge status={row.status} />
      </View>
      <View>
        已收录 <Text className='amount'>{row.actual}</Text> 场 / 目标 {row.targetDisplay}
      </View>
      <View className='progress-bar' aria-hidden>
        <View className='progress-bar__fill' style={{ width: `${row.percent}%` }} />
      </View>
      <View className={row.met ? 'progress-row__met' : ''}>
        {row.met ? '✓ ' : ''}
        {status} · {row.percent}%
      </View>
      <View className='caption'>
        {row.countBy === 'occurrences' ? '按场次计（每周一场的市集每次都算一场）' : '按活动计（连办几天的活动算一场）'} · 依据{row.source}
      </View>
      {row.note ? <View className='caption'>{row.note}</View> : null}
    </View>
  )
}

export default function EventProgressPage() {
  // 转发 and 朋友圈 (routes.ts share: 'friends+timeline'); nothing personal in the path.
  const share = () => shareMessage('event-progress', '衢州活动目标进度')
  useShareAppMessage(share)
  useShareTimeline(() => shareTimeline(share()))
  const today = todayInShanghai(Date.now())
  const currentYear = Number(today.slice(0, 4))
  const years = useMemo(
    () => Array.from(new Set([currentYear, ...EVENT_TARGET_SETS.map((set) => set.year)])).sort((a, b) => b - a),
    [currentYear],
  )
  const publishedYears = EVENT_TARGET_SETS.filter((set) => set.published).map((set) => set.year)
  const [year, setYear] = useState(currentYear)
  const { from, to } = targetPeriod(year)
  const { range: data } = useEventsRange(from, to, today)

  const progress = useMemo(() => (data ? targetProgress(data.events, year) : null), [data, year])

  return (
    <PageShell label='活动目标进度'>
      <View className='card'>
        <View className='title'>条款（十五）承诺的活动，办了多少</View>
        <View className='progress-years' role='radiogroup' aria-label='选择年份'>
          {years.map((item) => (
            <Chip
              key={item}
              role='radio'
              label={`${item} 年${item === currentYear ? '（今年）' : ''}`}
              checked={item === year}
              onPress={() => setYear(item)}
            >
              {item} 年{item === currentYear ? '（今年）' : ''}
            </Chip>
          ))}
        </View>
      </View>

      {data ? <DataSourceNote source={data.source} fetchedAt={data.fetchedAt} /> : null}

      {!progress ? (
        <View className='card' role='status'>
          正在加载 {year} 年的活动…
        </View>
      ) : progress.published ? (
        <View className='card'>
          <View className='caption'>
            依据 {progress.document}（{progress.clause}），{progress.note}。示例活动和已取消的活动不计入。
          </View>
          <View role='list' aria-label={`${year} 年活动目标`}>
            {progress.rows.map((row) => (
              <ProgressRow key={row.id} row={row} />
            ))}
          </View>
        </View>
      ) : (
        <View className='card' role='status'>
          <View className='title'>{year} 年没有公布活动目标</View>
          <View>{progress.note}。</View>
          {publishedYears.length > 0 ? (
            <View className='caption'>已公布目标的年份：{publishedYears.join('、')} 年，可在上方选择查看。</View>
          ) : null}
        </View>
      )}

      <View className='card'>
        <Pressable
          className='button button--secondary'
          role='link'
          label='阅读条款（十五）政策原文'
          onPress={() => navigate('policy-clause', { id: '十五' })}
        >
          阅读条款（十五）原文
        </Pressable>
      </View>
    </PageShell>
  )
}
