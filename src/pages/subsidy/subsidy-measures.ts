import type { SubsidyMeasure } from '@/domain/policy/subsidy-vocabulary'
import type { RouteKey } from '@/routes'

/** The calculator of each measure (both car measures share the 报废/置换 flow). */
export const CALCULATOR_ROUTE: Record<SubsidyMeasure, RouteKey> = {
  appliance: 'subsidy-appliance',
  furniture: 'subsidy-furniture',
  digital: 'subsidy-digital',
  'car-scrap': 'subsidy-car',
  'car-replace': 'subsidy-car',
  ebike: 'subsidy-ebike',
  renovation: 'subsidy-renovation',
}

/** Short names for tight places (a row of buttons); MEASURE_LABEL is the full name. */
export const MEASURE_SHORT_LABEL: Record<SubsidyMeasure, string> = {
  appliance: '家电',
  furniture: '家居',
  digital: '数码',
  'car-scrap': '汽车报废',
  'car-replace': '汽车置换',
  ebike: '电动自行车',
  renovation: '家装',
}
