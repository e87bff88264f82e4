/**
 * Bringing an element of the current page into view by its id (H5), for a page's own table of
 * contents. Taro's H5 pageScrollTo looks the selector up in the whole document, where the pages
 * under this one on the stack keep their hidden copies of the same ids, and scrolls to the first
 * match's offsetTop; here the visible copy is used, scrolled into view by the browser whatever the
 * scrolling container, and given the keyboard focus so reading continues there. The weapp build
 * uses scroll.weapp.ts.
 */
export function scrollToAnchor(id: string): void {
  const matches = Array.from(document.querySelectorAll<HTMLElement>(`[id="${id}"]`))
  // Hidden pages have no boxes; the page opened last comes last in the document.
  const target = matches.find((element) => element.getClientRects().length > 0) ?? matches[matches.length - 1]
  if (!target) return
  target.scrollIntoView?.({ behavior: 'smooth', block: 'start' })
  target.focus?.({ preventScroll: true })
}
