import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { createHash } from 'node:crypto'
import { canonicalJson, jsonPath, readJson } from './json.ts'
import { sha256Hex } from './sha256.ts'

describe('readJson', () => {
  it('reads what JSON.parse reads, with the position of every value', () => {
    const text = '{\n  "a": [1, {"b": "x"}],\n  "c": null\n}'
    const r = readJson(text)
    if (!r.ok) throw new Error(r.problem.message)
    expect(r.value).toEqual(JSON.parse(text))
    expect(r.positions.get('$.a[1].b')).toEqual({ line: 2, column: 18 })
    expect(r.positions.get('$.c')).toEqual({ line: 3, column: 8 })
  })

  it.each([
    ['{"a": 1', 1, 8, 'expected \',\' or \'}\''],
    ['{"a": 1,}', 1, 9, 'property name'],
    ['{\n"a": tru}', 2, 6, 'expected a value'],
    ["{'a': 1}", 1, 2, 'property name'],
    ['{"a": "x\ny"}', 1, 9, 'control character'],
    ['', 1, 1, 'empty'],
    ['{} {}', 1, 4, 'after the end'],
    ['{"a": [1, 2', 1, 12, 'truncated'],
    ['{"a": "\\q"}', 1, 8, 'unknown escape']
  ])('%j → line %i column %i', (text, line, column, words) => {
    const r = readJson(text)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect([r.problem.line, r.problem.column]).toEqual([line, column])
    expect(r.problem.message).toContain(words)
  })

  it('refuses duplicate keys and prototype keys with their path', () => {
    const dup = readJson('{"steps": [{"text": "a", "text": "b"}]}')
    expect(!dup.ok && dup.problem.path).toBe('$.steps[0].text')
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const r = readJson(`{"a": {"${key}": {"polluted": true}}}`)
      expect(!r.ok && r.problem.path).toBe(`$.a.${key}`)
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })

  it('bounds depth and size', () => {
    expect(readJson('['.repeat(100) + ']'.repeat(100)).ok).toBe(false)
    expect(readJson('"' + 'x'.repeat(50) + '"', { maxChars: 10, maxDepth: 5 }).ok).toBe(false)
  })

  it('agrees with JSON.parse on any JSON value (property)', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => {
      const text = JSON.stringify(v, null, 1)
      const r = readJson(text)
      if (!r.ok) {
        // JSON.stringify may produce keys we refuse on purpose
        expect(r.problem.message).toMatch(/not allowed|duplicate/)
        return
      }
      expect(r.value).toEqual(JSON.parse(text))
    }), { numRuns: 300 })
  })

  it('never throws on any text (property)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 100 }), (s) => { readJson(s) }), { numRuns: 1000 })
  })
})

describe('jsonPath and canonicalJson', () => {
  it('writes paths as JSONPath', () => {
    expect(jsonPath(['steps', 2, 'predict', 'answer'])).toBe('$.steps[2].predict.answer')
    expect(jsonPath(['odd key', 0])).toBe('$["odd key"][0]')
  })
  it('sorts keys so content, not layout, decides', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: null }] })).toBe('{"a":[{"c":null,"d":2}],"b":1}')
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}')
  })
})

describe('sha256Hex', () => {
  it('matches node:crypto', () => {
    for (const s of ['', 'abc', 'ä€😀', 'x'.repeat(1000), 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64)]) {
      expect(sha256Hex(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'))
    }
  })
})
