// A strict JSON reader for files people hand in (lessons, exercises, results): unlike JSON.parse it reports the
// line and column of a syntax error in the same words on every JavaScript engine, refuses duplicate keys and the
// prototype-pollution keys (`__proto__`, `constructor`, `prototype`), bounds size and depth, and remembers where
// every value starts so a schema problem can be shown as "file:12:7: $.steps[2].predict.answer: …".

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue }

/** Where a value starts in the text (1-based). */
export interface TextPosition { line: number; column: number }

export interface JsonProblem { path: string; message: string; line: number; column: number }

export type JsonReadResult =
  | { ok: true; value: JsonValue; positions: Map<string, TextPosition> }
  | { ok: false; problem: JsonProblem }

export interface JsonLimits { maxChars: number; maxDepth: number }
export const DEFAULT_JSON_LIMITS: JsonLimits = { maxChars: 2_000_000, maxDepth: 64 }

/** Keys that could reach an object's prototype chain in naive code: refused in every file Stacklab reads. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype'])

/** `$`, `$.steps[2].text`, `$["odd key"]`: the JSON path of a value (JSONPath's dot/bracket notation). */
export function jsonPath(segments: readonly (string | number)[]): string {
  let out = '$'
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(s)) out += `.${s}`
    else out += `[${JSON.stringify(s)}]`
  }
  return out
}

class JsonSyntaxError {
  constructor(readonly offset: number, readonly message: string, readonly path: string) {}
}

/** Parse `text` as one JSON value. Never throws. */
export function readJson(text: string, limits: JsonLimits = DEFAULT_JSON_LIMITS): JsonReadResult {
  if (text.length > limits.maxChars) {
    return { ok: false, problem: { path: '$', message: `the file is too large (${text.length} characters; at most ${limits.maxChars})`, line: 1, column: 1 } }
  }
  const lineStarts = [0]
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1)
  const at = (offset: number): TextPosition => {
    let lo = 0
    let hi = lineStarts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1
      if (lineStarts[mid]! <= offset) lo = mid
      else hi = mid - 1
    }
    return { line: lo + 1, column: offset - lineStarts[lo]! + 1 }
  }
  const positions = new Map<string, TextPosition>()
  let i = 0
  const describe = (offset: number): string => {
    if (offset >= text.length) return 'the end of the file (it is truncated)'
    const ch = text[offset]!
    return /[\x20-\x7e]/.test(ch) ? `'${ch}'` : `character U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
  }
  const skipSpace = (): void => {
    while (i < text.length) {
      const c = text.charCodeAt(i)
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++
      else break
    }
  }
  const fail = (message: string, path: readonly (string | number)[], offset = i): never => {
    throw new JsonSyntaxError(offset, message, jsonPath(path))
  }

  const parseString = (path: readonly (string | number)[]): string => {
    const start = i
    i++ // opening quote
    let out = ''
    for (;;) {
      if (i >= text.length) fail('unterminated string (a closing " is missing)', path, start)
      const c = text.charCodeAt(i)
      if (c === 0x22) { i++; return out }
      if (c < 0x20) fail('a control character (such as a raw line break) inside a string: write it as \\n or \\t', path)
      if (c === 0x5c) {
        const e = text[i + 1]
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' }
        if (e !== undefined && e in simple) { out += simple[e]; i += 2; continue }
        if (e === 'u') {
          const hex = text.slice(i + 2, i + 6)
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('a \\u escape needs four hex digits', path)
          out += String.fromCharCode(parseInt(hex, 16))
          i += 6
          continue
        }
        fail(`unknown escape \\${e ?? ''} in a string`, path)
      }
      out += text[i]
      i++
    }
  }

  const parseValue = (path: (string | number)[], depth: number): JsonValue => {
    skipSpace()
    if (depth > limits.maxDepth) fail(`nested too deeply (more than ${limits.maxDepth} levels)`, path)
    positions.set(jsonPath(path), at(i))
    const ch = text[i]
    if (ch === '{') {
      i++
      const obj: { [key: string]: JsonValue } = {}
      const seen = new Set<string>()
      skipSpace()
      if (text[i] === '}') { i++; return obj }
      for (;;) {
        skipSpace()
        if (text[i] !== '"') fail(`expected a property name in double quotes, found ${describe(i)}`, path)
        const keyAt = i
        const key = parseString(path)
        if (FORBIDDEN_KEYS.has(key)) fail(`the key "${key}" is not allowed (it could change an object's prototype)`, [...path, key], keyAt)
        if (seen.has(key)) fail(`duplicate key "${key}" (each key may appear once in an object)`, [...path, key], keyAt)
        seen.add(key)
        skipSpace()
        if (text[i] !== ':') fail(`expected ':' after the property name "${key}", found ${describe(i)}`, path)
        i++
        const value = parseValue([...path, key], depth + 1)
        Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true })
        skipSpace()
        if (text[i] === ',') { i++; continue }
        if (text[i] === '}') { i++; return obj }
        fail(`expected ',' or '}' after the value of "${key}", found ${describe(i)}`, path)
      }
    }
    if (ch === '[') {
      i++
      const arr: JsonValue[] = []
      skipSpace()
      if (text[i] === ']') { i++; return arr }
      for (;;) {
        arr.push(parseValue([...path, arr.length], depth + 1))
        skipSpace()
        if (text[i] === ',') { i++; continue }
        if (text[i] === ']') { i++; return arr }
        fail(`expected ',' or ']' after item ${arr.length - 1}, found ${describe(i)}`, path)
      }
    }
    if (ch === '"') return parseString(path)
    const rest = text.slice(i, i + 5)
    if (rest.startsWith('true')) { i += 4; return true }
    if (rest.startsWith('false')) { i += 5; return false }
    if (rest.startsWith('null')) { i += 4; return null }
    const num = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400))
    if (num && num[0].length > 0 && num[0] !== '-') {
      i += num[0].length
      const n = Number(num[0])
      if (!Number.isFinite(n)) fail('a number too large to represent', path, i - num[0].length)
      return n
    }
    if (i >= text.length) fail('unexpected end of the file: the JSON is truncated', path)
    if (ch === "'") fail("strings need double quotes (\"…\"), not single quotes", path)
    return fail(`expected a value (an object, array, string, number, true, false or null), found ${describe(i)}`, path)
  }

  try {
    if (text.charCodeAt(0) === 0xfeff) i = 1 // a UTF-8 byte-order mark is tolerated
    skipSpace()
    if (i >= text.length) fail('the file is empty: expected a JSON object', [])
    const value = parseValue([], 0)
    skipSpace()
    if (i < text.length) fail(`unexpected ${describe(i)} after the end of the JSON value`, [])
    return { ok: true, value, positions }
  } catch (e) {
    if (e instanceof JsonSyntaxError) {
      const pos = at(Math.min(e.offset, text.length))
      return { ok: false, problem: { path: e.path, message: `invalid JSON: ${e.message}`, line: pos.line, column: pos.column } }
    }
    // a stack overflow on pathological input is the only other way out; report it as a problem, never crash
    return { ok: false, problem: { path: '$', message: 'invalid JSON: the file could not be read (nested too deeply)', line: 1, column: 1 } }
  }
}

/** JSON text with object keys sorted, for hashing: the same content always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const entries = Object.keys(value as Record<string, unknown>)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
  return `{${entries.join(',')}}`
}
