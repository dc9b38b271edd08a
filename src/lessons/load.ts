// Reading lesson, exercise, result and glossary files: text in, a typed value or a list of problems out, each
// problem with the file name, the JSON path and (when known) the line and column. Never throws, so a malformed
// file handed to the app leaves the current sandbox untouched.
import type { z } from 'zod'
import { readJson, jsonPath, type JsonValue, type TextPosition } from './json.ts'
import { GLOSSARY_SCHEMA, GlossarySchema, LESSON_SCHEMA, LessonSchema, LIMITS, RESULT_SCHEMA, ResultSchema, type Glossary, type Lesson, type StacklabResult } from './schema.ts'

export interface Problem {
  /** the file name as the user gave it */
  file: string
  /** where in the document: `$`, `$.steps[2].predict.answer` */
  path: string
  message: string
  line?: number
  column?: number
}

export type Loaded<T> = { ok: true; value: T } | { ok: false; problems: Problem[] }

/** `lessons/oom.json:12:7: $.steps[2].predict.answer: answer 4 is not one of the 3 choices (0 to 2)` */
export function formatProblem(p: Problem): string {
  const where = p.line !== undefined ? `${p.file}:${p.line}:${p.column ?? 1}` : p.file
  return `${where}: ${p.path}: ${p.message}`
}

type Kind = 'lesson' | 'result' | 'glossary'
const SCHEMA_IDS: Record<Kind, string> = { lesson: LESSON_SCHEMA, result: RESULT_SCHEMA, glossary: GLOSSARY_SCHEMA }
const NOUN: Record<Kind, string> = { lesson: 'lesson or exercise', result: 'result', glossary: 'glossary' }

/** Refuse a document of another kind or a newer version before the schema speaks, with a message people can act on. */
function versionProblem(value: JsonValue, kind: Kind): string | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return `expected a JSON object (a ${NOUN[kind]} file), found ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`
  }
  const schema = (value as Record<string, JsonValue>)['schema']
  const want = SCHEMA_IDS[kind]
  if (schema === undefined) return `the "schema" field is missing: a ${NOUN[kind]} file starts with "schema": "${want}"`
  if (typeof schema !== 'string') return `"schema" must be the text "${want}"`
  if (schema === want) return null
  const [family, version] = want.split('/')
  const m = /^([a-z.]+)\/(\d+)$/.exec(schema)
  if (m && m[1] === family && Number(m[2]) > Number(version)) {
    return `this ${NOUN[kind]} was written for a newer Stacklab (format ${schema}); this version reads ${want}: update Stacklab to open it`
  }
  for (const [otherKind, other] of Object.entries(SCHEMA_IDS)) {
    if (otherKind !== kind && schema.split('/')[0] === other.split('/')[0]) return `this is a ${NOUN[otherKind as Kind]} file (${schema}), not a ${NOUN[kind]} file`
  }
  return `unknown format "${schema}": a ${NOUN[kind]} file has "schema": "${want}"`
}

function positionOf(positions: Map<string, TextPosition>, path: string): TextPosition | undefined {
  let p = path
  for (;;) {
    const hit = positions.get(p)
    if (hit) return hit
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['))
    if (cut <= 0) return positions.get('$')
    p = p.slice(0, cut)
  }
}

const KINDS: Record<string, string> = {
  string: 'text', int: 'a whole number', number: 'a number', array: 'a list […]', object: 'an object {…}', boolean: 'true or false',
  undefined: 'nothing', null: 'null', nan: 'NaN'
}
const kind = (k: string): string => KINDS[k] ?? k

/** zod's wording, said for lesson authors: "Too small: expected array to have >=1 items" → "needs at least 1 item". */
export function humanizeMessage(message: string, key: string | number | undefined): string {
  let m = /^Invalid input: expected (\w+), received undefined$/.exec(message)
  if (m) return typeof key === 'string' ? `"${key}" is missing (expected ${kind(m[1]!)})` : `missing (expected ${kind(m[1]!)})`
  m = /^Invalid input: expected (\w+), received (\w+)$/.exec(message)
  if (m) return `expected ${kind(m[1]!)}, found ${kind(m[2]!)}`
  m = /^Too small: expected array to have >=(\d+) items?$/.exec(message)
  if (m) return `needs at least ${m[1]} item${m[1] === '1' ? '' : 's'}`
  m = /^Too big: expected array to have <=(\d+) items?$/.exec(message)
  if (m) return `has too many items (at most ${m[1]})`
  m = /^Too big: expected string to have <=(\d+) characters?$/.exec(message)
  if (m) return `is too long (at most ${m[1]} characters)`
  m = /^Too small: expected (?:number|int) to be >=(-?[\d.]+)$/.exec(message)
  if (m) return `must be at least ${m[1]}`
  m = /^Too big: expected (?:number|int) to be <=(-?[\d.]+)$/.exec(message)
  if (m) return `must be at most ${m[1]}`
  m = /^Invalid option: expected one of (.*)$/.exec(message)
  if (m) return `must be one of ${m[1]!.split('|').join(', ')}`
  return message
}

function issuesToProblems(file: string, issues: readonly z.core.$ZodIssue[], positions: Map<string, TextPosition>): Problem[] {
  const out: Problem[] = []
  for (const issue of issues) {
    const base = issue.path.filter((s): s is string | number => typeof s !== 'symbol')
    const paths = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...base, k]) : [base]
    for (const segs of paths) {
      const path = jsonPath(segs)
      const message = issue.code === 'unrecognized_keys' ? `unknown field "${String(segs[segs.length - 1])}" (check the spelling; see docs/lessons.md)`
        : humanizeMessage(issue.message, segs[segs.length - 1])
      const pos = positionOf(positions, path)
      out.push({ file, path, message, ...(pos && { line: pos.line, column: pos.column }) })
    }
  }
  // the same path and message once, in document order
  const seen = new Set<string>()
  return out.filter((p) => { const k = p.path + '\u0000' + p.message; if (seen.has(k)) return false; seen.add(k); return true })
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
}

function load<T>(text: string, file: string, kind: Kind, schema: z.ZodType<T>): Loaded<T> {
  if (typeof text !== 'string') return { ok: false, problems: [{ file, path: '$', message: 'the file is not text' }] }
  const read = readJson(text, { maxChars: LIMITS.fileChars, maxDepth: 32 })
  if (!read.ok) return { ok: false, problems: [{ file, ...read.problem }] }
  const version = versionProblem(read.value, kind)
  if (version) {
    const pos = read.positions.get('$.schema') ?? read.positions.get('$')
    const isObject = read.value !== null && typeof read.value === 'object' && !Array.isArray(read.value)
    return { ok: false, problems: [{ file, path: isObject ? '$.schema' : '$', message: version, ...(pos && { line: pos.line, column: pos.column }) }] }
  }
  const parsed = schema.safeParse(read.value)
  if (!parsed.success) return { ok: false, problems: issuesToProblems(file, parsed.error.issues, read.positions) }
  return { ok: true, value: parsed.data }
}

/** A lesson or exercise file. */
export function parseLessonText(text: string, file: string): Loaded<Lesson> {
  return load(text, file, 'lesson', LessonSchema)
}

/** A lesson already parsed from JSON elsewhere (e.g. bundled by the renderer's build). */
export function parseLessonValue(value: unknown, file: string): Loaded<Lesson> {
  let text: string
  try { text = JSON.stringify(value) ?? 'null' } catch { return { ok: false, problems: [{ file, path: '$', message: 'not JSON data' }] } }
  return parseLessonText(text, file)
}

/** A student's result file (`stacklab.result/1`). */
export function parseResultText(text: string, file: string): Loaded<StacklabResult> {
  return load(text, file, 'result', ResultSchema)
}

/** A glossary file (`stacklab.glossary/1`). */
export function parseGlossaryText(text: string, file: string): Loaded<Glossary> {
  return load(text, file, 'glossary', GlossarySchema)
}
