import { PageShell } from '../../components/page-shell'
import { ClauseCard } from '../../components/clause-card'

export default function EventsPage() {
  return (
    <PageShell label='活动日历'>
      <ClauseCard id='十五' showText />
    </PageShell>
  )
}
