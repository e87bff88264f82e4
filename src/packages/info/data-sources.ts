/**
 * 关于 → 数据来源: each names a public document (文号, publisher, date) or says 本应用暂定 — never a
 * file of this repository. The city's document comes from the clause data (src/domain/policy).
 */
import { POLICY_CLAUSES } from '@/domain/policy/clauses'

export interface DataSource {
  topic: string
  source: string
}

const city = POLICY_CLAUSES[0]
const published = city.publishedOn.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日')

export const DATA_SOURCES: readonly DataSource[] = [
  {
    topic: '以旧换新补贴、消费券、活动、衢城畅行（2025 年）',
    source: `衢州市人民政府 ${city.document}，${published}发布，第${POLICY_CLAUSES.map((clause) => clause.id).join('、')}条`,
  },
  {
    topic: '2026 年以旧换新补贴',
    source: '国家有关部门公开发布的 2026 年消费品以旧换新通知；衢州市 2026 年的实施细则尚未公布，相关数字标为“待官方确认”',
  },
  {
    topic: '高速收费站位置',
    source: '公开地图数据；纳入“衢城畅行”的 13 个收费站是本应用暂定的，待官方确认',
  },
  {
    topic: '消费券批次、适用商户、活动安排',
    source: '运营方按发放方、主办方公开发布的信息录入；演示用的数据标为“示例”',
  },
]

export const STATUS_EXPLAINED: readonly { label: string; meaning: string }[] = [
  { label: '已确认', meaning: '数字出自上面列出的公开文件原文。' },
  { label: '待官方确认', meaning: '官方还没有公布具体数字，本应用暂定一个值帮你估算，可能会变；官方公布后更新。' },
  { label: '尚未公布', meaning: '这项规则官方还没有发布。这不等于没有补贴，请以后再看。' },
]
