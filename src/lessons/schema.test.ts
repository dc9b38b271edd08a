import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { lessonSchemaText } from './exportSchema.ts'
import { SCHEMA_FILE } from './files.ts'
import { formatProblem, parseLessonText, parseLessonValue, parseResultText } from './load.ts'
import { minimalExerciseData, minimalLessonData } from './testing.ts'

const parse = (data: unknown) => parseLessonText(JSON.stringify(data, null, 2), 'x.json')
const problems = (data: unknown) => {
  const r = parse(data)
  if (r.ok) throw new Error('expected problems')
  return r.problems
}

describe('lesson.schema.json', () => {
  it('is up to date with the zod schema (run npm run lesson:schema after changing schema.ts)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(lessonSchemaText())
  })
  it('describes the main fields for authors', () => {
    const schema = JSON.parse(lessonSchemaText()) as { properties: Record<string, unknown>; required: string[]; additionalProperties: boolean }
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['schema', 'id', 'start', 'steps', 'objectives', 'solution', 'quiz', 'exercise', 'projects']))
    expect(schema.required).toEqual(expect.arrayContaining(['schema', 'id', 'language', 'title', 'steps', 'objectives', 'solution']))
    expect(schema.additionalProperties).toBe(false)
  })
})

describe('parseLessonText', () => {
  it('accepts a minimal lesson and a minimal exercise', () => {
    expect(parse(minimalLessonData()).ok).toBe(true)
    expect(parse(minimalExerciseData()).ok).toBe(true)
    expect(parseLessonValue(minimalLessonData(), 'v.json').ok).toBe(true)
  })

  it('refuses a newer format with a clear message', () => {
    const p = problems(minimalLessonData({ schema: 'stacklab.lesson/2' }))
    expect(p).toHaveLength(1)
    expect(p[0]!.path).toBe('$.schema')
    expect(p[0]!.message).toContain('newer Stacklab')
    expect(p[0]!.message).toContain('update Stacklab')
  })

  it('names the kind of a file of another format', () => {
    expect(problems({ schema: 'stacklab.result/1' })[0]!.message).toContain('result file')
    expect(problems({ id: 'x' })[0]!.message).toContain('"schema" field is missing')
    expect(problems([1, 2])[0]).toMatchObject({ path: '$', message: expect.stringContaining('found an array') })
  })

  it('reports each problem with the file, its JSON path, line and column', () => {
    const text = JSON.stringify(minimalLessonData({ minutes: 'ten' }), null, 2)
    const r = parseLessonText(text, 'lessons/bad.json')
    if (r.ok) throw new Error('expected problems')
    expect(r.problems[0]).toMatchObject({ file: 'lessons/bad.json', path: '$.minutes' })
    expect(r.problems[0]!.line).toBe(text.split('\n').findIndex((l) => l.includes('"minutes"')) + 1)
    expect(formatProblem(r.problems[0]!)).toMatch(/^lessons\/bad\.json:\d+:\d+: \$\.minutes: /)
  })

  it.each([
    ['an answer outside the choices', { steps: [{ text: 't', predict: { question: 'q', choices: ['a', 'b'], answer: 2, explanation: 'e' } }] }, '$.steps[0].predict.answer', 'not one of the 2 choices'],
    ['duplicate objective ids', { objectives: [{ id: 'a', text: 't', check: 'instance web is running' }, { id: 'a', text: 't', check: 'instance db is running' }] }, '$.objectives[1].id', 'duplicate objective id'],
    ['a check that does not parse', { objectives: [{ id: 'a', text: 't', check: 'instance web is runing' }] }, '$.objectives[0].check', "column 17"],
    ['a command that does not parse', { solution: ['docker run "nginx'] }, '$.solution[0]', 'does not parse'],
    ['an unknown command', { start: ['dokcer ps'] }, '$.start[0]', 'command not found'],
    ['a hint for no objective', { hints: [{ text: 'h', objective: 'nope' }] }, '$.hints[0].objective', 'no objective has the id'],
    ['a quiz of two', { quiz: [{ question: 'q', choices: ['a', 'b'], answer: 0, explanation: 'e' }, { question: 'q2', choices: ['a', 'b'], answer: 0, explanation: 'e' }] }, '$.quiz', '3 to 5'],
    ['an unknown field', { colour: 'blue' }, '$.colour', 'unknown field'],
    ['a built-in project name', { projects: [{ name: 'recommender', files: [{ path: 'Dockerfile', sizeMb: 0, text: 'FROM alpine:3.20' }] }] }, '$.projects[0].name', 'built-in project'],
    ['a path that climbs out', { projects: [{ name: 'p', files: [{ path: '../etc/passwd', sizeMb: 0 }] }] }, '$.projects[0].files[0].path', 'never ..'],
    ['an oversized title', { title: 'x'.repeat(500) }, '$.title', 'too long']
  ])('rejects %s', (_what, over, path, words) => {
    const p = problems(minimalLessonData(over))
    const hit = p.find((x) => x.path === path)
    expect(hit, JSON.stringify(p)).toBeDefined()
    expect(hit!.message).toContain(words)
  })

  it('checks exercise commands against allowedCommands, but not the start', () => {
    const ok = parse(minimalExerciseData({ start: ['docker pull nginx:1.27', 'fault leak web'] }))
    expect(ok.ok).toBe(true)
    const p = problems(minimalExerciseData({ solution: ['docker run -d --name web nginx:1.27', 'fault panic web'] }))
    expect(p).toEqual([expect.objectContaining({ path: '$.solution[1]', message: expect.stringContaining('not allowed by exercise.allowedCommands') })])
  })
})

describe('parseResultText', () => {
  it('refuses a newer result format and a lesson given as a result', () => {
    const r = parseResultText(JSON.stringify({ schema: 'stacklab.result/7' }), 'r.json')
    expect(!r.ok && r.problems[0]!.message).toContain('newer Stacklab')
    const l = parseResultText(JSON.stringify(minimalLessonData()), 'r.json')
    expect(!l.ok && l.problems[0]!.message).toContain('lesson or exercise file')
  })
})
