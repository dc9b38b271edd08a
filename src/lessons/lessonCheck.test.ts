import { describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { main } from './lessonCheck.ts'
import { LessonSession } from './runner.ts'
import { findBuiltinLesson, LESSONS_DIR } from './files.ts'
import { minimalExerciseData, minimalLessonData } from './testing.ts'
import { parseLessonValue } from './load.ts'

async function cli(args: string[]): Promise<{ code: number; out: string }> {
  let out = ''
  const code = await main(args, { out: (t) => { out += t }, err: (t) => { out += t } })
  return { code, out }
}

const dir = mkdtempSync(join(tmpdir(), 'stacklab-lessons-'))
const times = { startedAt: '2025-01-01T09:00:00Z', finishedAt: '2025-01-01T09:05:00Z' }

describe('lessonCheck CLI', () => {
  it('checks given files and reports schema errors with the file and the JSON path', async () => {
    const good = join(dir, 'good.json')
    writeFileSync(good, JSON.stringify(minimalLessonData(), null, 2))
    const bad = join(dir, 'bad.json')
    writeFileSync(bad, JSON.stringify(minimalLessonData({ steps: [{ text: 't', predict: { question: 'q', choices: ['a', 'b'], answer: 3, explanation: 'e' } }] }), null, 2))
    const r = await cli([good, bad])
    expect(r.code).toBe(1)
    expect(r.out).toMatch(/✓ .*good\.json: lesson tiny/)
    expect(r.out).toMatch(/✗ .*bad\.json\n {2}.*bad\.json:\d+:\d+: \$\.steps\[0\]\.predict\.answer: answer 3 is not one of the 2 choices/)
    expect(r.out).toContain('1/2 sound')
  })

  it('fails a lesson whose start already passes or whose solution does not', async () => {
    const f = join(dir, 'unsound.json')
    writeFileSync(f, JSON.stringify(minimalLessonData({
      start: ['docker run -d --name web nginx:1.27', 'wait 1s'],
      objectives: [{ id: 'web-up', text: 'Run web', check: 'container web is running' }, { id: 'db-up', text: 'Run db', check: 'container db is running' }],
      hints: []
    })))
    const r = await cli([f])
    expect(r.code).toBe(1)
    expect(r.out).toContain('$.objectives[0].check: "web-up" already passes in the start world')
    expect(r.out).toContain('$.objectives[1].check: the solution does not meet "db-up": no container named db')
    expect(r.out).toContain('$.solution[0]: "docker run -d --name web nginx:1.27" exits 125')
  })

  it('reads invalid JSON as a problem with line and column', async () => {
    const f = join(dir, 'broken.json')
    writeFileSync(f, '{\n  "schema": "stacklab.lesson/1",\n  "id": \n}')
    const r = await cli([f])
    expect(r.code).toBe(1)
    expect(r.out).toMatch(/broken\.json:4:1: \$\.id: invalid JSON: expected a value/)
  })

  it('verifies results, rejects tampered ones, and writes HTML and CSV', async () => {
    const found = findBuiltinLesson('oom-limits', 'en')!
    const s = await LessonSession.create(found.lesson)
    for (const line of found.lesson.solution) await s.run(line)
    const ok = join(dir, 'ada.result.json')
    writeFileSync(ok, JSON.stringify(s.result('Ada', times), null, 2))
    const tampered = join(dir, 'eve.result.json')
    const t = s.result('Eve', times)
    t.log[1]!.line = 'docker run -d --name web nginx:1.27'
    writeFileSync(tampered, JSON.stringify(t, null, 2))

    const html = join(dir, 'ada.html')
    const good = await cli(['--verify', ok, '--html', html])
    expect(good.code, good.out).toBe(0)
    expect(good.out).toContain('verified, 2/2 objectives met')
    expect(readFileSync(html, 'utf8')).toContain('<!doctype html>')

    const bad = await cli(['--verify', tampered])
    expect(bad.code).toBe(1)
    expect(bad.out).toContain('rejected')
    expect(bad.out).toContain('replaying the log it is not')

    const csv = await cli(['--verify', ok, tampered, join(LESSONS_DIR, 'boot-race.json'), '--csv'])
    expect(csv.code).toBe(1)
    const rows = csv.out.trim().split('\n')
    expect(rows[0]).toContain('file,student,lesson')
    expect(rows.some((r) => r.includes(',Ada,oom-limits,2,2,100,yes'))).toBe(true)
    expect(rows.some((r) => r.includes(',Eve,oom-limits,') && r.includes('rejected'))).toBe(true)
    expect(rows.some((r) => r.includes('unreadable'))).toBe(true)
  })

  it('verifies a result of an exercise file given with --lesson', async () => {
    const ex = join(dir, 'exercise.json')
    const data = minimalExerciseData()
    writeFileSync(ex, JSON.stringify(data))
    const lesson = parseLessonValue(data, 'exercise.json')
    if (!lesson.ok) throw new Error('invalid')
    const s = await LessonSession.create(lesson.value)
    await s.run('docker run -d --name web nginx:1.27')
    s.advance(1000)
    const res = join(dir, 'ex.result.json')
    writeFileSync(res, JSON.stringify(s.result('Kim', times)))
    expect((await cli(['--verify', res])).out).toContain('--lesson FILE')
    expect((await cli(['--verify', res, '--lesson', ex])).code).toBe(0)
  })

  it('answers usage errors with exit code 2', async () => {
    expect((await cli(['--verify'])).code).toBe(2)
    expect((await cli(['--frobnicate'])).code).toBe(2)
    expect((await cli(['--csv', 'x.json'])).code).toBe(2)
    expect((await cli(['--help'])).code).toBe(0)
  })
})
