/**
 * Generated from the bundled rule sets by subsidy-overview.test.ts (UPDATE_SUBSIDY_OVERVIEW=1):
 * do not edit by hand. The test fails when the rule data changes and this file does not.
 */
import type { RuleSetOverview } from './subsidy-overview'

export const SUBSIDY_OVERVIEW: readonly RuleSetOverview[] = [
  {
    id: 'quzhou-2025',
    title: '衢州 2025 年消费品以旧换新（衢政发〔2025〕4号 第十四条）',
    status: 'confirmed',
    from: '2025-01-01',
    to: '2025-12-31',
    measures: [
      {
        measure: 'appliance',
        headline: '一级能效 20% · 二级能效 15% · 最高 ¥2,000/件',
        details: [
          '12 类：冰箱、洗衣机、电视、空调、电脑、热水器、家用灶具、吸油烟机、净水器、洗碗机、电饭煲、微波炉',
          '每人每类 1 件（空调 3 件）',
        ],
        status: 'confirmed',
        from: '2025-01-01',
        to: '2025-12-31',
        periodStatus: 'confirmed',
      },
      {
        measure: 'furniture',
        headline: '售价 15% · 一级能效 20% · 最高 ¥2,000/件',
        details: ['普通成品家居（床、桌椅等）', '每人累计上限未公布'],
        status: 'confirmed',
        from: '2025-01-01',
        to: '2025-12-31',
        periodStatus: 'confirmed',
      },
      {
        measure: 'digital',
        headline: '单价 ¥6,000 以下 15% · 最高 ¥500/件',
        details: ['手机、平板、智能手表（手环）（含 ¥6,000）', '每人每类 1 件'],
        status: 'confirmed',
        from: '2025-01-20',
        to: '2025-12-31',
        periodStatus: 'confirmed',
      },
      {
        measure: 'car-scrap',
        headline: '新能源车 ¥20,000 · 燃油车 ¥15,000',
        details: [
          '燃油新车排量 2.0 升及以下',
          '旧车注册登记：汽油车 2012-06-30 前，柴油车 2014-06-30 前，新能源车 2018-12-31 前，其他燃料类型汽车 2014-06-30 前（含）',
          '旧车 2025-01-08 前（含）登记在本人名下',
        ],
        status: 'confirmed',
        from: '2025-01-01',
        to: '2025-12-31',
        periodStatus: 'confirmed',
      },
      {
        measure: 'car-replace',
        headline: '新能源车 最高 ¥15,000（按新车价分档） · 燃油车 最高 ¥13,000（按新车价分档）',
        details: ['旧车 2025-01-08 前（含）登记在本人名下', '每人每年 1 次'],
        status: 'unknown',
        from: '2025-01-01',
        to: '2025-12-31',
        periodStatus: 'confirmed',
      },
      {
        measure: 'ebike',
        headline: '交旧购新 ¥500 · 锂电池车换铅酸电池车 加 ¥100',
        details: ['旧车交售给合格回收企业', '新车有 CCC 认证并符合 GB 17761-2024'],
        status: 'provisional',
        from: '2025-01-01',
        to: '2025-12-31',
        periodStatus: 'confirmed',
      },
      {
        measure: 'renovation',
        headline: '装修材料、卫生洁具、家具照明、智能家居 15%，一级能效 20% · 居家适老化改造产品 30% · 最高 ¥2,000/件',
        details: ['旧房装修、厨卫等局部改造、居家适老化改造', '每人累计上限未公布'],
        status: 'unknown',
        from: '2025-01-01',
        to: '2025-12-31',
        periodStatus: 'confirmed',
      },
    ],
  },
  {
    id: 'national-2026',
    title: '2026 年国家消费品以旧换新（待官方确认）',
    status: 'provisional',
    from: '2026-01-01',
    to: '2026-12-31',
    measures: [
      {
        measure: 'appliance',
        headline: '一级能效 15% · 最高 ¥1,500/件',
        details: ['6 类：冰箱、洗衣机、电视、空调、热水器、电脑', '每人每类 1 件（空调 3 件）'],
        status: 'provisional',
        from: '2026-01-01',
        to: '2026-12-31',
        periodStatus: 'provisional',
      },
      {
        measure: 'car-scrap',
        headline: '新能源车 12%（最高 ¥20,000） · 燃油车 10%（最高 ¥15,000）',
        details: [
          '燃油新车排量 2.0 升及以下',
          '旧车注册登记：汽油车 2012-06-30 前，柴油车 2014-06-30 前，新能源车 2018-12-31 前，其他燃料类型汽车 2014-06-30 前（含）',
          '旧车 2025-01-08 前（含）登记在本人名下',
        ],
        status: 'provisional',
        from: '2026-01-01',
        to: '2026-12-31',
        periodStatus: 'provisional',
      },
      {
        measure: 'car-replace',
        headline: '新能源车 8%（最高 ¥15,000） · 燃油车 6%（最高 ¥13,000）',
        details: ['旧车 2025-01-08 前（含）登记在本人名下', '每人每年 1 次'],
        status: 'provisional',
        from: '2026-01-01',
        to: '2026-12-31',
        periodStatus: 'provisional',
      },
    ],
  },
]
