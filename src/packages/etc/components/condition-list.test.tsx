import { render, screen } from '@testing-library/react'
import { ConditionList } from './condition-list'

test('each condition says 符合 or 不符合 in words and icon, with its text', () => {
  render(
    <ConditionList
      checks={[
        { id: 'plate', passed: true, text: '浙H·12345 是浙H号牌' },
        { id: 'etcCard', passed: false, text: '使用的是 ETC 储值卡：只有 ETC 记账卡免费' },
      ]}
    />,
  )
  const [plate, card] = screen.getAllByRole('listitem')
  expect(screen.getByRole('list', { name: '逐项核对' })).toBeInTheDocument()
  expect(plate).toHaveTextContent('✓ 符合浙H·12345 是浙H号牌')
  expect(card).toHaveTextContent('✗ 不符合使用的是 ETC 储值卡：只有 ETC 记账卡免费')
})
