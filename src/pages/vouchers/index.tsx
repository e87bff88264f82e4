import { PageShell } from '../../components/page-shell'
import { ClauseCard } from '../../components/clause-card'

export default function VouchersPage() {
  return (
    <PageShell label='消费券'>
      <ClauseCard id='十五' showText />
    </PageShell>
  )
}
