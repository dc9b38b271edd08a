import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { classTable, classTableCsv, escapeHtml, renderResultHtml } from './report.ts'
import { LessonSession } from './runner.ts'
import { verifyResult } from './verify.ts'
import { parseLessonValue } from './load.ts'
import { minimalLessonData } from './testing.ts'
import type { Lesson, StacklabResult } from './schema.ts'

const EVIL = '<script>alert("x")</script> & \'quoted\' `tick`'

function lesson(data: Record<string, unknown>): Lesson {
  const r = parseLessonValue(data, 'test.json')
  if (!r.ok) throw new Error(JSON.stringify(r.problems))
  return r.value
}

async function result(student: string, lines: string[]): Promise<StacklabResult> {
  const s = await LessonSession.create(lesson(minimalLessonData()))
  for (const line of lines) { await s.run(line); s.advance(1500) }
  return s.result(student, { startedAt: '2025-01-01T09:00:00Z', finishedAt: '2025-01-01T09:05:00Z' })
}

describe('escapeHtml', () => {
  it('escapes the five HTML specials and the backquote', () => {
    expect(escapeHtml(EVIL)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39; &#96;tick&#96;')
  })
  it('leaves no raw < > " \' in any output (property)', () => {
    fc.assert(fc.property(fc.string(), (s) => { expect(escapeHtml(s)).not.toMatch(/[<>"'`]/) }))
  })
})

describe('renderResultHtml', () => {
  it('is a standalone page with each objective\'s status and every user text escaped', async () => {
    const l = lesson(minimalLessonData({ objectives: [{ id: 'web-up', text: `Run <b>web</b> ${EVIL}`, check: 'container web is running' }] }))
    const s = await LessonSession.create(l)
    await s.run(`docker run -d --name web nginx:1.27 # ${EVIL}`)
    s.advance(2000)
    const r = s.result(EVIL, { startedAt: '2025-01-01T09:00:00Z', finishedAt: '2025-01-01T09:05:00Z' })
    const html = renderResultHtml(r, l, { verification: await verifyResult(r, l) })
    expect(html.startsWith('<!doctype html>')).toBe(true)
    expect(html).not.toContain('<script')
    expect(html).not.toContain('<b>web</b>')
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;')
    expect(html).toContain("default-src 'none'")
    expect(html).toContain('Objectives: 1 / 1')
    expect(html).toContain('Verified: every claimed objective')
    expect(html).not.toMatch(/<(link|img|iframe|object)\b/)
  })

  it('shows a rejected verification and works without the lesson', async () => {
    const r = await result('Ada', ['docker ps'])
    r.objectives[0] = { id: 'web-up', status: 'met', atMs: r.endMs, after: 1 }
    const l = lesson(minimalLessonData())
    const html = renderResultHtml(r, l, { verification: await verifyResult(r, l) })
    expect(html).toContain('Rejected:')
    expect(renderResultHtml(r, null)).toContain('Not verified yet')
  })
})

describe('classTable', () => {
  it('makes one row per file, sorted, with per-objective status', async () => {
    const l = lesson(minimalLessonData())
    const a = await result('Zed', ['docker run -d --name web nginx:1.27'])
    const b = await result('Amy', ['docker ps'])
    const table = classTable([
      { file: 'zed.json', result: a, verification: await verifyResult(a, l) },
      { file: 'amy.json', result: b },
      { file: 'broken.json', problems: [{ file: 'broken.json', path: '$', message: 'invalid JSON' }] }
    ], [l])
    expect(table.objectiveIds).toEqual(['web-up'])
    expect(table.rows.map((r) => [r.student, r.met, r.total, r.verified, r.objectives['web-up']])).toEqual([
      ['', 0, 0, 'unreadable', undefined], ['Amy', 0, 1, 'not checked', 'not-met'], ['Zed', 1, 1, 'yes', 'met']
    ])
    expect(table.rows[0]!.remarks).toEqual(['$: invalid JSON'])
  })

  it('writes CSV a spreadsheet will not run as formulas', async () => {
    const a = await result('=HYPERLINK("http://x")', ['docker ps'])
    const csv = classTableCsv(classTable([{ file: 'a.json', result: a }]))
    expect(csv.split('\n')[0]).toContain('file,student,lesson')
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`)
  })
})
