import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { buildCatalog, COURSE_ORDER, pickLanguage } from './catalog.ts'
import { builtinLessonFiles } from './files.ts'

describe('buildCatalog', () => {
  const files = builtinLessonFiles().map((f) => ({ name: basename(f), text: readFileSync(f, 'utf8') }))

  it('groups the built-in lessons by id, in the course order, with their translations', () => {
    const c = buildCatalog(files)
    expect(c.problems).toEqual([])
    expect(c.lessons.map((l) => l.id)).toEqual([...COURSE_ORDER])
    expect(Object.keys(c.lessons[0]!.languages).sort()).toEqual(['de', 'en'])
    expect(c.exercises.map((e) => e.id)).toEqual(['contain-the-leak', 'legacy-in-a-vm'])
  })

  it('falls back to English, and lists unreadable files as problems', () => {
    const c = buildCatalog([...files, { name: 'broken.json', text: '{' }])
    expect(c.problems).toEqual([expect.objectContaining({ file: 'broken.json', path: '$' })])
    const first = c.lessons[0]!
    expect(pickLanguage(first, 'de').language).toBe('de')
    expect(pickLanguage(first, 'de-AT').language).toBe('de')
    expect(pickLanguage(c.lessons.find((l) => l.id === 'density')!, 'de').language).toBe('en')
  })
})
