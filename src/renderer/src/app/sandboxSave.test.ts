import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { World } from '../../../sim/index'
import { parseLessonText } from '../../../lessons/index'
import { decodeSandboxSave, encodeSandboxSave, SANDBOX_SAVE_SCHEMA, type LessonPart } from './sandboxSave'

const world = new World({ seed: 7 }).serialize()
const lessonText = readFileSync(new URL('../../../../assets/lessons/boot-race.json', import.meta.url), 'utf8')
const parsed = parseLessonText(lessonText, 'boot-race.json')
if (!parsed.ok) throw new Error('the built-in lesson does not load')
const lesson = parsed.value

describe('sandbox save format', () => {
  it('round-trips the current version, lesson included', () => {
    const text = encodeSandboxSave({
      sandbox: { world, session: [{ atMs: 0, endMs: 100, line: 'docker ps' }], history: ['docker ps'] },
      lesson: { lesson, origin: 'builtin', fileName: null, seed: 1, log: [{ atMs: 500, line: 'docker run -d --name web nginx' }], clockMs: 2000, stepIndex: 1, hints: [0], hintsUsed: 1, showMeUsed: false, startedAt: '2026-11-29T10:00:00.000Z' },
      speed: 2,
      timing: 'realistic'
    })
    const decoded = decodeSandboxSave(text)
    expect(decoded.ok).toBe(true)
    if (!decoded.ok) return
    expect(decoded.migratedFrom).toBeNull()
    expect(decoded.save.schema).toBe(SANDBOX_SAVE_SCHEMA)
    expect(decoded.save.sandbox.history).toEqual(['docker ps'])
    expect(decoded.save.lesson?.lesson.id).toBe(lesson.id)
    expect(decoded.save.lesson?.log).toEqual([{ atMs: 500, line: 'docker run -d --name web nginx' }])
  })

  it('keeps the steps the learner ran; a save without them (written before they were kept) still loads', () => {
    const lessonPart: LessonPart = { lesson, origin: 'builtin', fileName: null, seed: 1, log: [], clockMs: 0, stepIndex: 1, hints: [], hintsUsed: 0, showMeUsed: false, startedAt: '2026-11-29T10:00:00.000Z' }
    const withRan = decodeSandboxSave(encodeSandboxSave({ sandbox: { world, session: [], history: [] }, lesson: { ...lessonPart, ranSteps: [0, 1] }, speed: 1, timing: 'realistic' }))
    expect(withRan).toMatchObject({ ok: true, lessonDropped: null, save: { lesson: { ranSteps: [0, 1] } } })
    const older = decodeSandboxSave(JSON.stringify({ schema: 'stacklab.sandbox/2', sandbox: { world, session: [], history: [] }, lesson: lessonPart }))
    expect(older).toMatchObject({ ok: true, lessonDropped: null, save: { lesson: { stepIndex: 1 } } })
    if (!older.ok) return
    expect(older.save.lesson?.ranSteps).toBeUndefined()
  })

  it('drops a ran step past the lesson\'s last step and keeps the lesson; a negative one drops only the lesson', () => {
    const lessonPart = { lesson, origin: 'builtin', fileName: null, seed: 1, log: [], clockMs: 0, stepIndex: 0, hints: [], hintsUsed: 0, showMeUsed: false, startedAt: '2026-11-29T10:00:00.000Z' }
    const save = (ranSteps: number[]): string => JSON.stringify({ schema: 'stacklab.sandbox/2', sandbox: { world, session: [], history: ['docker ps'] }, lesson: { ...lessonPart, ranSteps } })
    const beyond = decodeSandboxSave(save([0, lesson.steps.length, 999]))
    expect(beyond).toMatchObject({ ok: true, lessonDropped: null, save: { lesson: { ranSteps: [0] } } })
    const negative = decodeSandboxSave(save([-1]))
    expect(negative).toMatchObject({ ok: true, lessonDropped: expect.stringContaining('$.lesson.ranSteps'), save: { lesson: null, sandbox: { history: ['docker ps'] } } })
  })

  it('keeps the predictions committed, drops one for a step past the last, and refuses a key that is not a step', () => {
    const lessonPart = { lesson, origin: 'builtin', fileName: null, seed: 1, log: [], clockMs: 0, stepIndex: 0, hints: [], hintsUsed: 0, showMeUsed: false, startedAt: '2026-11-29T10:00:00.000Z' }
    const save = (predictions: Record<string, number>): string => JSON.stringify({ schema: 'stacklab.sandbox/2', sandbox: { world, session: [], history: ['docker ps'] }, lesson: { ...lessonPart, predictions } })
    const kept = decodeSandboxSave(save({ 1: 2, [lesson.steps.length]: 0 }))
    expect(kept).toMatchObject({ ok: true, lessonDropped: null })
    if (!kept.ok) return
    expect(kept.save.lesson?.predictions).toEqual({ 1: 2 })
    const notAStep = decodeSandboxSave(save({ first: 1 }))
    expect(notAStep).toMatchObject({ ok: true, lessonDropped: expect.stringContaining('$.lesson.predictions'), save: { lesson: null } })
  })

  it('migrates version 1: its world becomes the sandbox, entries without endMs last no time, no lesson', () => {
    const v1 = JSON.stringify({ schema: 'stacklab.sandbox/1', world, session: [{ atMs: 100, line: 'vm start ubuntu' }, { atMs: 300, endMs: 400, line: 'docker ps' }], history: ['vm start ubuntu'], speed: 4, timing: 'compressed' })
    const decoded = decodeSandboxSave(v1)
    expect(decoded).toMatchObject({ ok: true, migratedFrom: 1 })
    if (!decoded.ok) return
    expect(decoded.save).toEqual({
      schema: 'stacklab.sandbox/2',
      sandbox: { world, session: [{ atMs: 100, endMs: 100, line: 'vm start ubuntu' }, { atMs: 300, endMs: 400, line: 'docker ps' }], history: ['vm start ubuntu'] },
      lesson: null, speed: 4, timing: 'compressed'
    })
  })

  it('keeps the sandbox when only the lesson in progress no longer loads, and says why', () => {
    const decoded = decodeSandboxSave(JSON.stringify({ schema: 'stacklab.sandbox/2', sandbox: { world, session: [], history: ['docker ps'] }, lesson: { lesson: { id: 'x' } } }))
    expect(decoded).toMatchObject({ ok: true, migratedFrom: null, lessonDropped: expect.stringMatching(/^the lesson in progress does not load \(\$\.lesson/) })
    if (!decoded.ok) return
    expect(decoded.save.lesson).toBeNull()
    expect(decoded.save.sandbox.history).toEqual(['docker ps'])
  })

  it('refuses a newer version, naming it', () => {
    const decoded = decodeSandboxSave(JSON.stringify({ schema: 'stacklab.sandbox/3', anything: true }))
    expect(decoded).toEqual({ ok: false, tooNew: true, reason: 'it was written by a newer Stacklab (sandbox format 3; this one reads up to 2)' })
  })

  it('names what is wrong in a damaged save', () => {
    expect(decodeSandboxSave('{"schema":"stacklab.sandbox/2"')).toMatchObject({ ok: false, tooNew: false, reason: expect.stringMatching(/^it is not JSON/) })
    expect(decodeSandboxSave('{"schema":"other/1"}')).toEqual({ ok: false, tooNew: false, reason: 'it is not a Stacklab sandbox' })
    expect(decodeSandboxSave(JSON.stringify({ schema: 'stacklab.sandbox/2', sandbox: { world, session: [], history: 'x' }, lesson: null })))
      .toEqual({ ok: false, tooNew: false, reason: expect.stringContaining('$.sandbox.history') })
    expect(decodeSandboxSave(JSON.stringify({ schema: 'stacklab.sandbox/1', world: 5, session: [], history: [] })))
      .toEqual({ ok: false, tooNew: false, reason: expect.stringContaining('format 1, $.world') })
  })
})
