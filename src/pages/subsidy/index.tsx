import { PageShell } from '../../components/page-shell'
import { ClauseCard } from '../../components/clause-card'

export default function SubsidyPage() {
  return (
    <PageShell label='以旧换新补贴'>
      <ClauseCard id='十四' showText />
    </PageShell>
  )
}
