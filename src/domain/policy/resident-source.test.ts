import { residentSourceProblem } from './resident-source'

test.each([
  '衢政发〔2025〕4号《衢州市推动经济高质量发展若干政策举措(2025年版)》（十四）',
  '商务部等6部门办公厅《关于做好2025年家装厨卫“焕新”工作的通知》（商办消费函〔2025〕29号，2025-01-27）',
  '潮新闻 2025-05-06《2025新蜂音乐节燃爆衢州》',
  '本应用暂定：浙江 2025 年分档未公布',
])('a resident can look up: %s', (source) => {
  expect(residentSourceProblem(source)).toBeNull()
})

test.each([
  ['见 src/domain/policy/subsidy-quzhou-2025.ts', '路径'],
  ['quzhou-2025', '规则集 id'],
  ['数据版本 2025.1-内置', '内置'],
  ['本应用暂定', '原因'],
  ['全国通行做法', '文号'],
  ['未查到', '文号'],
  ['2024 年浙江做法', '文号'],
])('not a source a resident can look up: %s', (source, reason) => {
  expect(residentSourceProblem(source)).toContain(reason)
})
