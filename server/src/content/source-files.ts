/**
 * Reads an operator's JSON or YAML file and remembers where each value sits, so a validation
 * problem at `events[2].venue.lng` is reported with its line. JSON is parsed with JSON.parse (its
 * exact semantics) and located through the YAML parser, which reads JSON too and keeps ranges.
 */
import path from 'node:path'
import { LineCounter, parseDocument, type Document } from 'yaml'
import type { ContentPath } from '../../../src/domain/content'

export interface Position {
  line: number
  column: number
}

export interface ParsedFile {
  file: string
  data: unknown
  /** Where the value at `path` (or its nearest existing parent) starts, if known. */
  locate(path: ContentPath): Position | undefined
}

export interface SourceProblem {
  file: string
  path: ContentPath
  position?: Position
  reason: string
}

export type ParseOutcome = { ok: true; parsed: ParsedFile } | { ok: false; problems: SourceProblem[] }

function locator(doc: Document, lines: LineCounter): ParsedFile['locate'] {
  return (target) => {
    for (let length = target.length; length >= 0; length -= 1) {
      const node = length === 0 ? doc.contents : doc.getIn(target.slice(0, length), true)
      const range = (node as { range?: [number, number, number] } | null | undefined)?.range
      if (range) {
        const { line, col } = lines.linePos(range[0])
        return { line, column: col }
      }
    }
    return undefined
  }
}

function positionOfOffset(text: string, offset: number): Position {
  const before = text.slice(0, offset).split('\n')
  return { line: before.length, column: before[before.length - 1].length + 1 }
}

export function parseSourceText(file: string, text: string): ParseOutcome {
  const extension = path.extname(file).toLowerCase()
  if (!['.json', '.yaml', '.yml'].includes(extension)) {
    return { ok: false, problems: [{ file, path: [], reason: '只支持 .json、.yaml 或 .yml 文件' }] }
  }
  const lines = new LineCounter()
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: lines, uniqueKeys: true, prettyErrors: true })
  const yamlProblems: SourceProblem[] = doc.errors.map((error) => ({
    file,
    path: [],
    position: error.linePos ? { line: error.linePos[0].line, column: error.linePos[0].col } : undefined,
    reason: error.code === 'DUPLICATE_KEY' ? '同一层里有重复的键' : `文件格式有误：${error.message.split('\n')[0]}`,
  }))

  if (extension === '.json') {
    try {
      const data: unknown = JSON.parse(text.replace(/^\uFEFF/, ''))
      // JSON.parse keeps the last of two equal keys silently; an operator file must not.
      const duplicates = yamlProblems.filter((problem) => problem.reason === '同一层里有重复的键')
      if (duplicates.length > 0) return { ok: false, problems: duplicates }
      return { ok: true, parsed: { file, data, locate: locator(doc, lines) } }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      const offset = /position (\d+)/.exec(message)
      return {
        ok: false,
        problems: [{ file, path: [], position: offset ? positionOfOffset(text, Number(offset[1])) : undefined, reason: `不是有效的 JSON：${message}` }],
      }
    }
  }

  if (yamlProblems.length > 0) return { ok: false, problems: yamlProblems }
  const data: unknown = doc.toJS({ maxAliasCount: 50 })
  return { ok: true, parsed: { file, data, locate: locator(doc, lines) } }
}

/** A document built in code (the generated sample): valid or not, it has no lines to point at. */
export function inMemoryFile(file: string, data: unknown): ParsedFile {
  return { file, data, locate: () => undefined }
}
