import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { POLICY_CLAUSES } from './clauses'

// The city's public document (衢政发〔2025〕4号, 2025-04-11), kept in the repository so a bare clone tests it.
const DOCUMENT = readFileSync(join(__dirname, 'documents/quzhou-2025-policy.txt'), 'utf8')

test.each(POLICY_CLAUSES.map((clause) => [clause.id, clause] as const))('clause (%s) is quoted verbatim from 衢政发〔2025〕4号', (_id, clause) => {
  expect(DOCUMENT).toContain(`(${clause.id})${clause.text}`)
  expect(clause.text.startsWith(`${clause.title}。`)).toBe(true)
})

test('every headline figure quoted as confirmed appears in its clause text', () => {
  const figures: Array<[string, string]> = [
    ['十四', '1.5万元'],
    ['十四', '1.3万元'],
    ['十四', '2000元'],
    ['十四', '6000元以下'],
    ['十四', '500元'],
    ['十五', '1.1亿元'],
    ['十五', '100场'],
    ['二十六', '13个高速收费站'],
    ['二十六', '1亿元以上'],
  ]
  for (const [id, figure] of figures) expect(POLICY_CLAUSES.find((clause) => clause.id === id)?.text).toContain(figure)
})
