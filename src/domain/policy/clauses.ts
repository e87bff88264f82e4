/**
 * The consumer clauses of 衢政发〔2025〕4号 that this app serves, verbatim, with their headline
 * figures. Text copied from the public document (衢州市人民政府 2025-04-11), kept whole in
 * documents/quzhou-2025-policy.txt and checked against it by clauses.test.ts; each headline names its own
 * source and status so the screen can mark anything not confirmed as 待官方确认.
 */
import { CITY_DOCUMENT, type FigureStatus } from './types'

export type ClauseId = '十四' | '十五' | '二十六'

export interface Headline {
  label: string
  /** What the screen shows, e.g. '最高 ¥15,000/辆'. Numbers here are quoted from the clause text. */
  display: string
  status: FigureStatus
  source: string
}

export interface PolicyClause {
  id: ClauseId
  /** '（十四）', as the document prints it. */
  label: string
  title: string
  section: string
  /** Full clause text as published. */
  text: string
  document: string
  publishedOn: string
  effective: { from: string; to: string }
  headlines: Headline[]
  /** Which tab of the app serves this clause. */
  servedBy: 'subsidy' | 'vouchers-events' | 'etc'
}

const CITY = CITY_DOCUMENT

export const POLICY_CLAUSES: readonly PolicyClause[] = [
  {
    id: '十四',
    label: '（十四）',
    title: "更大力度支持消费品以旧换新",
    section: '三、推进服务业高质量发展',
    text: "更大力度支持消费品以旧换新。支持汽车置换更新,新能源汽车最高补贴1.5万元/辆、燃油车最高补贴1.3万元/辆。家电补贴由8类扩围至12类,一级、二级能效家电分别按20%、15%补贴,最高补贴2000元/件。支持家居换新,增加普通成品家居(床、桌椅等)品类,按售价15%或20%(一级及以上能效、水效家居)补贴,最高补贴2000元/件。提高电动自行车新车购买补贴力度。单品售价6000元以下的手机、平板、智能手表(手环)等3类数码产品,按照15%补贴,最高补贴500元。简化优化旧房装修、厨卫等局部改造、居家适老化改造等补贴申领程序,最大程度便利消费者。",
    document: CITY,
    publishedOn: '2025-04-11',
    effective: { from: '2025-01-01', to: '2025-12-31' },
    servedBy: 'subsidy',
    headlines: [
      { label: '汽车置换更新', display: '新能源车最高 ¥15,000/辆，燃油车最高 ¥13,000/辆', status: 'confirmed', source: CITY },
      { label: '家电（12 类）', display: '一级能效 20%、二级能效 15%，最高 ¥2,000/件', status: 'confirmed', source: CITY },
      { label: '家居换新', display: '售价 15%（一级能效/水效 20%），最高 ¥2,000/件', status: 'confirmed', source: CITY },
      { label: '数码产品', display: '单价 ¥6,000 以下手机、平板、智能手表（手环）15%，最高 ¥500', status: 'confirmed', source: CITY },
      { label: '电动自行车', display: '提高新车购买补贴力度（具体金额未公布）', status: 'unknown', source: CITY },
      { label: '旧房装修、厨卫改造、适老化改造', display: '简化优化补贴申领程序', status: 'confirmed', source: CITY },
    ],
  },
  {
    id: '十五',
    label: '（十五）',
    title: "实施提振消费专项行动",
    section: '三、推进服务业高质量发展',
    text: "实施提振消费专项行动。力争打造千万级核心大景区3个,培育文旅梯度企业3个以上,组织南孔市集40场以上。鼓励各县(市、区)打造高品质消费集聚区,打造夜间经济试点城市。增加首发经济、演艺经济等优质消费场景供给,持续加大促消费政策支持力度。2025年举办“乐享衢州·有礼惠购”促消费活动100场,餐饮消费欢乐季活动10场,发放消费券1.1亿元。全市域举办国家级体育赛事10场以上、省级体育赛事20场以上、市级体育赛事300场以上。全市域举办演唱会、音乐节20场以上。",
    document: CITY,
    publishedOn: '2025-04-11',
    effective: { from: '2025-01-01', to: '2025-12-31' },
    servedBy: 'vouchers-events',
    headlines: [
      { label: '消费券', display: '全年发放 1.1 亿元', status: 'confirmed', source: CITY },
      { label: '“乐享衢州·有礼惠购”', display: '促消费活动 100 场', status: 'confirmed', source: CITY },
      { label: '餐饮消费欢乐季', display: '10 场', status: 'confirmed', source: CITY },
      { label: '南孔市集', display: '40 场以上', status: 'confirmed', source: CITY },
      { label: '体育赛事', display: '国家级 10 场以上、省级 20 场以上、市级 300 场以上', status: 'confirmed', source: CITY },
      { label: '演唱会、音乐节', display: '20 场以上', status: 'confirmed', source: CITY },
    ],
  },
  {
    id: '二十六',
    label: '（二十六）',
    title: "实施新一轮高速公路市域一体“衢城畅行”工程",
    section: '四、推进陆港城市和综合交通枢纽建设',
    text: "实施新一轮高速公路市域一体“衢城畅行”工程。对衢州市13个高速收费站间通行且使用ETC记账卡的浙H牌照1类客车免收通行费,提升中心城市快速路网通行能力,促进市县一体化发展。计划2025年减免高速通行费1亿元以上。",
    document: CITY,
    publishedOn: '2025-04-11',
    effective: { from: '2025-01-01', to: '2025-12-31' },
    servedBy: 'etc',
    headlines: [
      { label: '谁能免费', display: '使用 ETC 记账卡的浙H牌照 1 类客车', status: 'confirmed', source: CITY },
      { label: '在哪里免费', display: '衢州市 13 个高速收费站之间通行（站名未公布）', status: 'provisional', source: CITY },
      { label: '减免规模', display: '2025 年计划减免通行费 1 亿元以上', status: 'confirmed', source: CITY },
    ],
  },
]

export function getClause(id: ClauseId): PolicyClause {
  const clause = POLICY_CLAUSES.find((item) => item.id === id)
  if (!clause) throw new Error(`unknown clause ${id}`)
  return clause
}
