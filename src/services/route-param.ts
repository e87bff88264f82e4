/**
 * A page's query parameter, decoded, or null when absent. A link typed by hand or cut short can
 * carry a broken escape ("%E4%B"), and decodeURIComponent would throw while the page renders and
 * leave it blank: such a value counts as absent, so the page says what it says for a missing one.
 */
export function routeParam(params: Partial<Record<string, string>>, name: string): string | null {
  const raw = params[name]
  if (!raw) return null
  try {
    return decodeURIComponent(raw)
  } catch {
    return null
  }
}
