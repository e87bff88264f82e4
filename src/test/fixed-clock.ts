/**
 * Moves Date.now() — and with it todayInShanghai() — to `iso` for a test, while time keeps running
 * (timers, waitFor and React's scheduler are untouched). Returns the undo.
 */
export function fixClock(iso: string): () => void {
  const realNow = Date.now.bind(Date)
  const offset = Date.parse(iso) - realNow()
  const spy = jest.spyOn(Date, 'now').mockImplementation(() => realNow() + offset)
  return () => spy.mockRestore()
}
