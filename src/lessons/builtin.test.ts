// `npm run lesson:check` as part of `npm test`: every built-in lesson and example exercise is sound, and the
// built-in course has the content issue 6 asks for.
import { describe, expect, it } from 'vitest'
import { basename } from 'node:path'
import { main } from './lessonCheck.ts'
import { builtinLessonFiles, readGlossary, readLessonFile } from './files.ts'
import type { Lesson } from './schema.ts'

const lessons: { file: string; lesson: Lesson }[] = builtinLessonFiles().map((file) => {
  const r = readLessonFile(file, basename(file))
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.file} ${p.path}: ${p.message}`).join('\n'))
  return { file: basename(file), lesson: r.value }
})
const english = lessons.filter((l) => l.lesson.language === 'en' && !l.lesson.exercise).map((l) => l.lesson)

describe('npm run lesson:check', () => {
  it('passes on every built-in lesson and exercise', async () => {
    let out = ''
    const code = await main([], { out: (t) => { out += t }, err: (t) => { out += t } })
    expect(code, out).toBe(0)
    expect(out).toContain(`${lessons.length}/${lessons.length} sound`)
    // the only commands that exit non-zero when a learner clicks through the steps are the ones the lessons demonstrate
    const notes = out.split('\n').filter((l) => l.includes('note:')).map((l) => /note: .*? exits \d+/.exec(l)![0])
    expect(notes.sort()).toEqual([
      'note: start line 2 ("docker run --name analytics legacy-analytics:1.0") exits 1',
      'note: step 2 command "docker ps" exits 1',
      'note: step 2 command "docker run --name analytics legacy-analytics:1.0" exits 1',
      'note: step 2 command "docker run -d --name api-latest recommender" exits 125',
      'note: step 2 command "vm start d8" exits 1',
      'note: step 3 command "docker ps -a" exits 1'
    ].sort())
  })
})

describe('the built-in course', () => {
  it('has the eleven lessons of issue 6', () => {
    expect(english.map((l) => l.id).sort()).toEqual(expect.arrayContaining(['stack-layers', 'boot-race', 'density', 'cli-api-daemon', 'layers-cow',
      'image-design', 'noisy-neighbour', 'oom-limits', 'kernel-panic', 'starter-case', 'production-habits']))
    expect(english.length).toBeGreaterThanOrEqual(11)
  })

  it.each(english.map((l) => [l.id, l] as const))('%s has steps, a prediction, objectives, hints, a solution, a quiz and flashcards', (_id, l) => {
    expect(l.steps.length).toBeGreaterThan(1)
    expect(l.steps.filter((s) => s.predict).length).toBeGreaterThanOrEqual(1)
    expect(l.objectives.length).toBeGreaterThanOrEqual(1)
    expect(l.hints.length).toBeGreaterThanOrEqual(1)
    expect(l.solution.length).toBeGreaterThanOrEqual(1)
    expect(l.quiz!.length).toBeGreaterThanOrEqual(3)
    expect(l.quiz!.length).toBeLessThanOrEqual(5)
    expect(l.flashcards!.length).toBeGreaterThanOrEqual(1)
    expect(l.glossary!.length).toBeGreaterThanOrEqual(1)
    expect(l.hints.every((h) => h.objective === undefined || l.objectives.some((o) => o.id === h.objective))).toBe(true)
  })

  it('has ordering exercises for both stacks and the docker run request flow, interview questions and presenter notes', () => {
    const orderings = english.flatMap((l) => l.ordering ?? []).map((o) => o.id)
    expect(orderings).toEqual(expect.arrayContaining(['vm-stack', 'container-stack', 'docker-run-flow']))
    expect(english.filter((l) => (l.interview ?? []).length > 0).length).toBeGreaterThanOrEqual(8)
    expect(english.filter((l) => l.steps.some((s) => s.notes)).length).toBeGreaterThanOrEqual(5)
  })

  it('has at least two lessons in German, translating English ones', () => {
    const german = lessons.filter((l) => l.lesson.language === 'de')
    expect(german.length).toBeGreaterThanOrEqual(2)
    for (const g of german) {
      expect(g.file).toBe(`${g.lesson.id}.de.json`)
      expect(english.some((e) => e.id === g.lesson.id)).toBe(true)
    }
  })

  it('has English and German glossaries with the same terms', () => {
    const en = readGlossary('en')
    const de = readGlossary('de')
    expect(en && de).toBeTruthy()
    expect(de!.terms.map((t) => t.id)).toEqual(en!.terms.map((t) => t.id))
    const used = new Set(lessons.flatMap((l) => l.lesson.glossary ?? []))
    expect([...used].every((id) => en!.terms.some((t) => t.id === id))).toBe(true)
  })

  it('ships example exercises', () => {
    const exercises = lessons.filter((l) => l.lesson.exercise)
    expect(exercises.length).toBeGreaterThanOrEqual(2)
    expect(exercises.some((e) => e.lesson.exercise!.showMe === false && e.lesson.exercise!.timeLimitMinutes !== undefined)).toBe(true)
  })
})
