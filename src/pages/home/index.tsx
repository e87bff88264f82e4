/**
 * 首页: what matters today — rounds opening today, events today and this week, and, for someone
 * signed in, vouchers about to lapse and reminders that are due — under the big entries to 补贴计算,
 * ETC 免费查询, 券包 and 活动日历, with the clauses of 衢政发〔2025〕4号 it all rests on (十四, 十五,
 * 二十六). Anonymous except the personal parts, which never ask anyone to sign in here.
 *
 * 长辈模式 is one switch of layout: the four biggest entries and at most one line about today, no
 * pop-ups and no countdowns; the search bar stays (search has no tab of its own). Sizes come from
 * the page tokens (.page--elder), never from patches here.
 */
import { View } from '@tarojs/components'
import { useDidShow, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { useRef, useState } from 'react'
// Event pieces first: every page loads event-ui.scss before the shared component sheets (weapp CSS order).
import { WeekEvents } from './week-events'
import { formatDate } from '@/components/event-format'
import { ElderModeOffer } from '@/components/elder-mode-offer'
import { PageShell } from '@/components/page-shell'
import { SearchEntry } from '@/components/search-entry'
import { todayInShanghai, type DateString } from '@/domain/time'
import { usePreferencesStore } from '@/store/preferences'
import { ElderTodayLine, mostImportantToday } from './elder-today-line'
import { ELDER_ENTRIES, HOME_ENTRIES, HomeEntries } from './home-entries'
import { ExpiringVouchers, MyReminders, SignInLine } from './personal'
import { PolicyLinks } from './policy-links'
import { TodayRounds } from './today-rounds'
import {
  useExpiringVouchers,
  useMyClaimCounts,
  useRemindersPreview,
  useSignedInUserId,
  useTodayEvents,
  useTodayRounds,
} from './use-home-data'
import { shareMessage, shareTimeline } from '@/services/share'
import './index.scss'

interface LayoutProps {
  today: DateString
  /** Counts the times the page was shown again: each reloads what may have changed. */
  shown: number
}

function Brand({ today }: { today: DateString }) {
  return (
    <View className='home-brand'>
      <View className='headline home-brand__name'>衢惠通</View>
      <View className='caption'>今天 {formatDate(today)}</View>
    </View>
  )
}

function FullHome({ today, shown }: LayoutProps) {
  const userId = useSignedInUserId()
  const rounds = useTodayRounds(shown)
  const claimCounts = useMyClaimCounts(userId, shown)
  const events = useTodayEvents(today, shown)
  return (
    <>
      <SearchEntry />
      <ElderModeOffer />
      <Brand today={today} />
      <HomeEntries entries={HOME_ENTRIES} />
      <TodayRounds data={rounds} counts={claimCounts} />
      {userId ? <Personal userId={userId} shown={shown} /> : <SignInLine />}
      <WeekEvents data={events} />
      <PolicyLinks />
    </>
  )
}

function Personal({ userId, shown }: { userId: string; shown: number }) {
  const wallet = useExpiringVouchers(userId, shown)
  const reminders = useRemindersPreview(userId, shown, 3)
  return (
    <>
      <ExpiringVouchers data={wallet} />
      <MyReminders data={reminders} />
    </>
  )
}

function SimpleHome({ today, shown }: LayoutProps) {
  const userId = useSignedInUserId()
  const rounds = useTodayRounds(shown)
  const events = useTodayEvents(today, shown)
  const reminders = useRemindersPreview(userId, shown, 0)
  const claimCounts = useMyClaimCounts(userId, shown)
  const line = mostImportantToday({
    dueReminders: userId ? reminders.due : 0,
    // Signed in but the wallet not read yet: promote no voucher rather than one already used up.
    rounds: rounds.rounds === 'invalid' || (userId && !claimCounts) ? null : rounds.rounds,
    claimCounts,
    todayEvents: events.lists && events.lists !== 'invalid' ? events.lists.today : null,
  })
  return (
    <>
      <SearchEntry />
      <Brand today={today} />
      <HomeEntries entries={ELDER_ENTRIES} />
      <ElderTodayLine line={line} />
    </>
  )
}

export default function HomePage() {
  // 转发 and 朋友圈 (routes.ts share: 'friends+timeline'); nothing personal in the path.
  const share = () => shareMessage('home', '衢惠通：以旧换新补贴、消费券、活动、衢城畅行')
  useShareAppMessage(share)
  useShareTimeline(() => shareTimeline(share()))
  const elderMode = usePreferencesStore((state) => state.elderMode)
  const [today, setToday] = useState(() => todayInShanghai(Date.now()))
  const [shown, setShown] = useState(0)
  const firstShow = useRef(true)
  // A tab page stays alive: each time it is shown again, today and the data are looked at again
  // (the first show is the mount, which has just loaded them).
  useDidShow(() => {
    if (firstShow.current) {
      firstShow.current = false
      return
    }
    setToday(todayInShanghai(Date.now()))
    setShown((count) => count + 1)
  })
  const Layout = elderMode ? SimpleHome : FullHome
  return (
    <PageShell label='衢惠通首页' className={elderMode ? 'home home--simple' : 'home'}>
      <Layout today={today} shown={shown} />
    </PageShell>
  )
}
