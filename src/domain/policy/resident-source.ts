/**
 * What a resident may be shown as a source (facts.md, "What residents may be shown as a source"):
 * a public document they could look up — a 文号, or a publisher with a date — or, for a figure the
 * app chose itself, "本应用暂定" with the reason. Never a file of this repository, a rule-set id
 * such as `quzhou-2025`, or a data version such as "2025.1-内置". The rule-set schema, the toll
 * override check and the tests of all bundled data use this one check.
 */

/** The prefix of every source that is the app's own working assumption. */
export const APP_ASSUMPTION = '本应用暂定'

const DOCUMENT_NUMBER = /〔\d{4}〕\d+号/
const DATE = /\d{4}-\d{2}-\d{2}|\d{4} ?年 ?\d{1,2} ?月 ?\d{1,2} ?日/
const CJK = /[\u4e00-\u9fa5]/g

const FORBIDDEN: Array<[RegExp, string]> = [
  [/shared\/|\bsrc\/|\bserver\//, '不能写本仓库的文件路径'],
  [/\.(md|ts|tsx|js|json|txt)\b/i, '不能写文件名'],
  [/\b[a-z]+(?:-[a-z0-9]+)*-\d{4}\b/, '不能写规则集 id（如 quzhou-2025），请写公开文件的文号或发布单位和日期'],
  [/内置/, '不能写“内置”数据版本，请写公开文件，或“本应用暂定：原因”'],
]

/** A repository path, rule-set id or "内置" version in `source`: never shown, whatever its status. */
export function repositoryReferenceProblem(source: string): string | null {
  for (const [pattern, reason] of FORBIDDEN) if (pattern.test(source)) return reason
  return null
}

/** Why `source` cannot be shown to a resident, in Chinese; null when it can. */
export function residentSourceProblem(source: string): string | null {
  const text = source.trim()
  const reference = repositoryReferenceProblem(text)
  if (reference) return reference
  if (text.startsWith(APP_ASSUMPTION)) {
    const reason = text.slice(APP_ASSUMPTION.length).replace(/^[：:，,\s]+/, '')
    return (reason.match(CJK) ?? []).length >= 4 ? null : '“本应用暂定”后面要写明原因'
  }
  if (DOCUMENT_NUMBER.test(text)) return null
  if (DATE.test(text) && (text.match(CJK) ?? []).length >= 4) return null
  return '来源要写公开文件的文号，或发布单位和日期；本应用自己的假设写“本应用暂定：原因”'
}
