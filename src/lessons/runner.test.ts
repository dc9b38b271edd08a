import { describe, expect, it } from 'vitest'
import { LessonSession, installProjects, runLesson, tooLong } from './runner.ts'
import { parseLessonValue } from './load.ts'
import { minimalExerciseData, minimalLessonData } from './testing.ts'
import { World } from '../sim/index.ts'
import { Shell } from '../cli/Shell.ts'
import type { Lesson } from './schema.ts'

function lesson(data: Record<string, unknown>): Lesson {
  const r = parseLessonValue(data, 'test.json')
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'))
  return r.value
}

describe('runLesson', () => {
  it('fails every objective at the start and meets them with the solution', async () => {
    const run = await runLesson(lesson(minimalLessonData()), ['docker run -d --name web nginx:1.27', 'wait 1s'])
    expect(run.atStart.map((o) => o.now.pass)).toEqual([false])
    expect(run.atStart[0]!.now.reason).toBe('no container named web')
    expect(run.objectives[0]).toMatchObject({ id: 'web-up', met: true, metAfter: 2 })
    expect(run.report.instances.map((i) => i.name)).toEqual(['web'])
    expect(run.startOutputs[0]!.exitCode).toBe(0)
  })

  it('is deterministic for a seed', async () => {
    const lines = ['docker run -d --name web nginx:1.27', 'wait 3s']
    const a = await runLesson(lesson(minimalLessonData()), lines, 7)
    const b = await runLesson(lesson(minimalLessonData()), lines, 7)
    expect(JSON.stringify(a.report)).toBe(JSON.stringify(b.report))
  })
})

describe('LessonSession', () => {
  it('keeps an objective met once met, records when, and logs what the learner ran', async () => {
    const s = await LessonSession.create(lesson(minimalLessonData()))
    const t0 = s.world.clockMs
    await s.run('docker ps')
    await s.run('docker run -d --name web nginx:1.27')
    expect(s.objectives()[0]!.met).toBe(false) // still starting
    s.advance(1000)
    expect(s.objectives()[0]).toMatchObject({ met: true, metAtMs: t0 + 1000, metAfter: 2 })
    await s.run('docker rm -f web')
    expect(s.objectives()[0]).toMatchObject({ met: true, now: { pass: false } })
    expect(s.complete).toBe(true)
    await s.run('help')
    await s.run('report')
    await s.run('no-such-command')
    expect(s.log.map((e) => e.line)).toEqual(['docker ps', 'docker run -d --name web nginx:1.27', 'docker rm -f web'])
    expect(s.log[0]!.atMs).toBe(t0)
  })

  it('gives hints for unmet objectives first, then general ones, and counts them', async () => {
    const s = await LessonSession.create(lesson(minimalLessonData()))
    expect(s.nextHint()).toMatchObject({ index: 0, objective: 'web-up' })
    expect(s.nextHint()).toMatchObject({ index: 1 })
    expect(s.nextHint()).toBeNull()
    expect(s.hintsUsed).toBe(2)
  })

  it('"show me" resets the world and plays the solution', async () => {
    const s = await LessonSession.create(lesson(minimalLessonData()))
    await s.run('docker run -d --name other nginx:1.27')
    const before = s.world
    const outs = await s.showMe()
    expect(Array.isArray(outs) && outs.map((o) => o.exitCode)).toEqual([0, 0])
    expect(s.world).not.toBe(before)
    expect(s.world.report().instances.map((i) => i.name)).toEqual(['web'])
    expect(s.complete).toBe(true)
    expect(s.showMeUsed).toBe(true)
    expect(s.log.map((e) => e.line)).toEqual(['docker run -d --name web nginx:1.27', 'wait 1s'])
  })

  it('in an exercise, refuses lines outside allowedCommands, show me and (when off) hints', async () => {
    const s = await LessonSession.create(lesson(minimalExerciseData({ exercise: { allowedCommands: ['docker run'], hints: false, showMe: false } })))
    const out = await s.run('docker rm -f web')
    expect(out).toMatchObject({ exitCode: 126, refused: expect.stringContaining('does not allow') })
    expect((await s.run('wait 1s')).exitCode).toBe(0)
    expect(await s.run('docker run "unterminated')).toMatchObject({ exitCode: 2, parseError: true })
    expect((await s.run('docker -H unix:///var/run/docker.sock run -d --name web nginx:1.27')).refused).toBeUndefined()
    expect(s.log.map((e) => e.line)).toEqual(['wait 1s', 'docker -H unix:///var/run/docker.sock run -d --name web nginx:1.27'])
    expect(await s.showMe()).toEqual({ refused: expect.stringContaining('show me') })
    expect(s.nextHint()).toBeNull()
  })

  it('refuses lines that would simulate more than the time budget', async () => {
    const s = await LessonSession.create(lesson(minimalLessonData()))
    expect((await s.run('wait 5h')).refused).toContain('4 h')
    expect(tooLong('vm exec v sleep 99999999', 0)).toContain('4 h')
    expect(tooLong('wait 1s', 0)).toBeNull()
  })

  it('builds a result from the attempt', async () => {
    const s = await LessonSession.create(lesson(minimalLessonData()))
    await s.run('docker run -d --name web nginx:1.27')
    s.advance(2000)
    const r = s.result('  Grace  ', { startedAt: '2025-01-01T09:00:00Z', finishedAt: '2025-01-01T09:05:00Z' })
    expect(r).toMatchObject({ schema: 'stacklab.result/1', student: 'Grace', seed: 1, lesson: { id: 'tiny', language: 'en' }, hintsUsed: 0, showMeUsed: false })
    expect(r.objectives).toEqual([{ id: 'web-up', status: 'met', atMs: expect.any(Number), after: 1 }])
    expect(r.lesson.hash).toMatch(/^[0-9a-f]{64}$/)
  })
})

describe('projects', () => {
  it('adds a lesson project folder that docker build can read', async () => {
    const world = new World({ seed: 1 })
    installProjects(world, [{ name: 'hello', files: [{ path: 'Dockerfile', sizeMb: 0.001, text: 'FROM alpine:3.20\nCMD ["echo", "hi"]\n' }] }])
    const r = await new Shell(world).run('docker build -t hello:1 hello')
    expect(r.exitCode).toBe(0)
    expect(world.state.projects.map((p) => p.name)).toEqual(expect.arrayContaining(['recommender', 'legacy-analytics', 'hello']))
  })
})
