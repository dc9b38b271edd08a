// The malformed-file corpus (tests/fixtures/lessons): every file is rejected with the file name and a JSON path.
import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { formatProblem, parseGlossaryText, parseLessonText, parseResultText, type Loaded } from './load.ts'
import { verifyResult } from './verify.ts'

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../tests/fixtures/lessons')
const expected = JSON.parse(readFileSync(join(ROOT, 'expected.json'), 'utf8')) as Record<string, string>
const files = (dir: string) => readdirSync(join(ROOT, dir)).filter((f) => f.endsWith('.json')).sort().map((f) => `${dir}/${f}`)
const read = (name: string) => readFileSync(join(ROOT, name), 'utf8')

const parsers: Record<string, (text: string, file: string) => Loaded<unknown>> = {
  lesson: parseLessonText, exercise: parseLessonText, result: parseResultText, glossary: parseGlossaryText
}
const malformed = Object.keys(parsers).flatMap(files)

describe('the malformed-file corpus', () => {
  it('has at least 100 files, each listed in expected.json', () => {
    expect(malformed.length + files('verify').length - 1).toBeGreaterThanOrEqual(100)
    for (const f of [...malformed, ...files('verify').filter((f) => !f.endsWith('.lesson.json'))]) expect(expected[f], f).toBeDefined()
  })

  it.each(malformed)('%s is rejected with the file name and a JSON path', (name) => {
    const parse = parsers[name.split('/')[0]!]!
    let loaded: Loaded<unknown> | undefined
    expect(() => { loaded = parse(read(name), name) }).not.toThrow()
    expect(loaded!.ok).toBe(false)
    if (loaded!.ok) return
    const problems = loaded!.problems
    expect(problems.length).toBeGreaterThan(0)
    for (const p of problems) {
      expect(p.file).toBe(name)
      expect(p.path).toMatch(/^\$/)
      expect(p.message.length).toBeGreaterThan(5)
      expect(formatProblem(p)).toContain(name)
    }
    const want = expected[name]!
    expect(problems.some((p) => p.path === want || p.path.startsWith(want + '.') || p.path.startsWith(want + '[')) || want === '$',
      `${name}: expected a problem at ${want}, got ${problems.map((p) => p.path + ' ' + p.message).join(' | ')}`).toBe(true)
    if (/\/(truncated-json|truncated-after|empty-file|only-whitespace|trailing-comma|single-quoted|comment-in|binary-garbage|unquoted-key|hex-number|leading-zero|garbage-after|nan-literal|invalid-escape|raw-newline)/.test(name)) {
      expect(problems[0]!.line, 'a syntax error carries its line').toBeGreaterThanOrEqual(1)
      expect(problems[0]!.message).toContain('invalid JSON')
    }
  })

  const lessonText = read('verify/tiny.lesson.json')
  const tampered = files('verify').filter((f) => !f.endsWith('.lesson.json'))
  it.each(tampered)('%s parses but is rejected by verification', async (name) => {
    const lesson = parseLessonText(lessonText, 'tiny.lesson.json')
    if (!lesson.ok) throw new Error('the verify lesson must be valid')
    const result = parseResultText(read(name), name)
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'))
    const v = await verifyResult(result.value, lesson.value)
    expect(v.ok).toBe(false)
    expect(v.errors.join('\n')).toContain(expected[name]!)
  })

  it('the untampered base result verifies (so the rejections above are about the tampering)', async () => {
    const lesson = parseLessonText(lessonText, 'tiny.lesson.json')
    if (!lesson.ok) throw new Error('invalid')
    const base = JSON.parse(read('verify/edited-command-line.json')) as { log: { line: string }[] }
    base.log[0]!.line = 'docker run -d --name web nginx:1.27'
    const result = parseResultText(JSON.stringify(base), 'base.json')
    if (!result.ok) throw new Error('invalid')
    expect((await verifyResult(result.value, lesson.value)).ok).toBe(true)
  })
})
