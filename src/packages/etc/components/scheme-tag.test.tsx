import { render, screen } from '@testing-library/react'
import { SchemeTag } from './scheme-tag'

test.each([
  [true, '✓ 衢城畅行站', 'scheme-tag--in'],
  [false, '— 非衢城畅行站', 'scheme-tag--out'],
])('inScheme %p reads %s (words and border, not colour alone)', (inScheme, text, className) => {
  render(<SchemeTag inScheme={inScheme} />)
  expect(screen.getByText(text)).toHaveClass(className)
})
