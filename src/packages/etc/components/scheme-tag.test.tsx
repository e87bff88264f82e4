import { render, screen } from '@testing-library/react'
import { SchemeTag } from './scheme-tag'

test.each([
  [true, '✓ 免费范围内', 'scheme-tag--in'],
  [false, '— 不在免费范围', 'scheme-tag--out'],
])('inScheme %p reads %s (words and border, not colour alone)', (inScheme, text, className) => {
  render(<SchemeTag inScheme={inScheme} />)
  expect(screen.getByText(text)).toHaveClass(className)
})
