import { scrollToAnchor } from './scroll'

const scrolled: Element[] = []

beforeEach(() => {
  scrolled.length = 0
  document.body.innerHTML = ''
  Element.prototype.scrollIntoView = jest.fn(function (this: Element) {
    scrolled.push(this)
  })
})

/** A page's copy of the anchor; `shown` says whether the browser laid it out (hidden pages are not). */
function page(shown: boolean): HTMLElement {
  const anchor = document.createElement('div')
  anchor.id = 'clause-15'
  anchor.tabIndex = -1
  anchor.getClientRects = () => (shown ? [{ x: 0, y: 0, width: 10, height: 10 }] : []) as unknown as DOMRectList
  document.body.appendChild(anchor)
  return anchor
}

test('the copy on the page being shown is used, not the hidden one of a page under it on the stack', () => {
  page(false)
  const current = page(true)
  page(false)
  scrollToAnchor('clause-15')
  expect(scrolled).toEqual([current])
  expect(current).toHaveFocus()
})

test('with no layout to tell, the page opened last (last in the document)', () => {
  page(false)
  const last = page(false)
  scrollToAnchor('clause-15')
  expect(scrolled).toEqual([last])
})

test('an id that is not there does nothing', () => {
  expect(() => scrollToAnchor('clause-99')).not.toThrow()
  expect(scrolled).toEqual([])
})
