import { describe, expect, it } from 'vitest'
import { LessonSession } from './runner.ts'
import { verifyResult } from './verify.ts'
import { DE } from './phrases.ts'
import { parseLessonValue, parseResultText } from './load.ts'
import { minimalExerciseData, minimalLessonData } from './testing.ts'
import type { Lesson, StacklabResult } from './schema.ts'

function lesson(data: Record<string, unknown>): Lesson {
  const r = parseLessonValue(data, 'test.json')
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'))
  return r.value
}
const times = { startedAt: '2025-01-01T09:00:00Z', finishedAt: '2025-01-01T09:05:00Z' }

async function earned(l: Lesson, lines: string[], advanceMs = 1500): Promise<StacklabResult> {
  const s = await LessonSession.create(l)
  for (const line of lines) { await s.run(line); s.advance(advanceMs) }
  return s.result('Ada', times)
}

const LINES = ['docker ps', 'docker run -d --name web nginx:1.27', 'docker ps']

describe('verifyResult', () => {
  it('confirms an earned result, and the result survives a JSON round trip', async () => {
    const l = lesson(minimalLessonData())
    const r = await earned(l, LINES)
    const parsed = parseResultText(JSON.stringify(r), 'r.json')
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems))
    const v = await verifyResult(parsed.value, l)
    expect(v).toMatchObject({ ok: true, errors: [], met: 1, total: 1 })
    expect(v.objectives[0]).toMatchObject({ claimed: 'met', confirmed: true })
  })

  it('rejects an edited command line', async () => {
    const l = lesson(minimalLessonData())
    const r = await earned(l, LINES)
    r.log[1]!.line = 'docker run -d --name web2 nginx:1.27'
    const v = await verifyResult(r, l)
    expect(v.ok).toBe(false)
    expect(v.errors[0]).toContain('"web-up"')
    expect(v.errors[0]).toContain('replaying the log it is not: no container named web')
    expect(v.objectives[0]!.confirmed).toBe(false)
  })

  it('rejects a claim of an objective never met', async () => {
    const l = lesson(minimalLessonData())
    const r = await earned(l, ['docker ps'])
    expect(r.objectives[0]!.status).toBe('not-met')
    r.objectives[0] = { id: 'web-up', status: 'met', atMs: r.endMs, after: 1 }
    const v = await verifyResult(r, l)
    expect(v.ok).toBe(false)
    expect(v.errors.join()).toContain('claimed met')
  })

  it('rejects edited times', async () => {
    const l = lesson(minimalLessonData())
    const r = await earned(l, LINES)
    const early = structuredClone(r)
    early.objectives[0]!.atMs = 0
    expect((await verifyResult(early, l)).errors.join()).toContain('the claim was edited')
    const swapped = structuredClone(r)
    swapped.log[2]!.atMs = swapped.log[0]!.atMs - 1000
    expect((await verifyResult(swapped, l)).errors.join()).toContain('the log was edited')
  })

  it('rejects a result made on another version of the lesson, or another lesson', async () => {
    const l = lesson(minimalLessonData())
    const r = await earned(l, LINES)
    const edited = lesson(minimalLessonData({ title: 'A tiny lesson, edited' }))
    expect((await verifyResult(r, edited)).errors[0]).toContain('different version of lesson "tiny"')
    const other = lesson(minimalLessonData({ id: 'other' }))
    expect((await verifyResult(r, other)).errors[0]).toContain('is for lesson "tiny"')
    const extra = structuredClone(r)
    extra.objectives.push({ id: 'ghost', status: 'not-met' })
    expect((await verifyResult(extra, l)).errors[0]).toContain('"ghost"')
  })

  it('enforces an exercise\'s rules: allowed commands, no show me, no hints; notes the time limit', async () => {
    const l = lesson(minimalExerciseData({ exercise: { allowedCommands: ['docker run', 'docker ps'], hints: false, showMe: false, timeLimitMinutes: 1 } }))
    const r = await earned(l, LINES)
    const v = await verifyResult(r, l)
    expect(v.ok).toBe(true)
    expect(v.notes.join()).toContain('over the 1 min time limit')
    const sneaky = structuredClone(r)
    sneaky.log.splice(1, 0, { atMs: sneaky.log[1]!.atMs, line: 'fault panic web' })
    sneaky.showMeUsed = true
    sneaky.hintsUsed = 2
    const bad = await verifyResult(sneaky, l)
    expect(bad.ok).toBe(false)
    expect(bad.errors).toEqual([
      expect.stringContaining('log entry 2 ("fault panic web") is not allowed'),
      expect.stringContaining('"show me" was used'),
      expect.stringContaining('2 hint(s) were used')
    ])
  })

  it('replays checkpoints and rewinds', async () => {
    const l = lesson(minimalLessonData())
    const r = await earned(l, ['checkpoint before', 'docker run -d --name web nginx:1.27', 'rewind before', 'docker ps'])
    expect(r.objectives[0]!.status).toBe('met')
    const v = await verifyResult(r, l)
    expect(v.ok, v.errors.join()).toBe(true)
    expect(v.objectives[0]!.confirmed).toBe(true)
  })

  it('notes "show me" and an objective that holds but was not claimed', async () => {
    const l = lesson(minimalLessonData())
    const s = await LessonSession.create(l)
    await s.showMe()
    const r = s.result('Bo', times)
    const v = await verifyResult(r, l)
    expect(v.ok).toBe(true)
    expect(v.notes).toContain('"show me" was used: the solution was played for the student')
    const modest = structuredClone(r)
    modest.objectives[0] = { id: 'web-up', status: 'not-met' }
    const mv = await verifyResult(modest, l)
    expect(mv.ok).toBe(true)
    expect(mv.objectives[0]!.reason).toContain('not claimed, though it holds')
  })
})

describe('verifyResult in German', () => {
  it('words each objective in the reader’s language; the errors about an edited file stay English', async () => {
    const l = lesson(minimalLessonData())
    const r = await earned(l, LINES)
    const v = await verifyResult(r, l, DE)
    expect(v.ok).toBe(true)
    expect(v.objectives[0]!.reason).toMatch(/^erfüllt bei \d+\.\d s: web ist im Zustand running/)
    r.log[1]!.line = 'docker run -d --name web2 nginx:1.27'
    const edited = await verifyResult(r, l, DE)
    expect(edited.objectives[0]!.reason).toMatch(/^beim Nachspielen bei .* nicht erfüllt: /)
    expect(edited.errors[0]).toMatch(/is claimed met at .* but replaying the log it is not: no (instance|container) named web/)
  })

  it('refuses a command an exercise does not allow, in German', async () => {
    const s = await LessonSession.create(lesson(minimalExerciseData()), { phrases: DE })
    expect(s.refusal('vm start ubuntu')).toMatch(/^diese Übung erlaubt „vm start ubuntu“ nicht \(erlaubt: /)
  })
})
