// What a teacher reads: a printable, standalone HTML report of one result, and a class table of many.
// Every piece of text from a file (student names, command lines, even lesson text) is escaped.
import type { Lesson, StacklabResult } from './schema.ts'
import type { Verification } from './verify.ts'
import type { Problem } from './load.ts'

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' }

/** Text → HTML text or attribute value. */
export function escapeHtml(text: unknown): string {
  return String(text).replace(/[&<>"'`]/g, (c) => ENTITIES[c]!)
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`

export interface ResultHtmlOptions {
  verification?: Verification
  /** the heading's language; labels are English unless given */
  labels?: Partial<typeof EN_LABELS>
}

const EN_LABELS = {
  heading: 'Stacklab result', student: 'Student', lesson: 'Lesson', started: 'Started', finished: 'Finished', seed: 'Seed',
  simulated: 'Simulated time', hints: 'Hints used', showMe: '"Show me" used', yes: 'yes', no: 'no', objectives: 'Objectives',
  met: 'met', notMet: 'not met', atTime: 'at', verification: 'Verification', verified: 'Verified: every claimed objective was replayed and holds.',
  rejected: 'Rejected:', notVerified: 'Not verified yet (run npm run lesson:check -- --verify FILE).', log: 'Command log', time: 'Time', command: 'Command',
  hash: 'Lesson content hash', notes: 'Notes'
}

/** A standalone HTML page (no scripts, no external resources) for printing or filing. */
export function renderResultHtml(result: StacklabResult, lesson: Lesson | null, options: ResultHtmlOptions = {}): string {
  const L = { ...EN_LABELS, ...options.labels }
  const v = options.verification
  const claims = new Map(result.objectives.map((o) => [o.id, o]))
  const objectiveRows = (lesson?.objectives ?? result.objectives.map((o) => ({ id: o.id, text: o.id, check: '' }))).map((o) => {
    const c = claims.get(o.id)
    const vo = v?.objectives.find((x) => x.id === o.id)
    const met = c?.status === 'met'
    const status = met ? `${L.met} ${L.atTime} ${seconds(c.atMs ?? 0)}` : L.notMet
    const cls = vo && vo.confirmed === false ? 'bad' : met ? 'ok' : 'no'
    const mark = vo && vo.confirmed === false ? '✗' : met ? '✓' : '○'
    return `<tr class="${cls}"><td class="mark" aria-hidden="true">${mark}</td><td>${escapeHtml(o.text)}<div class="id">${escapeHtml(o.id)}</div></td>` +
      `<td>${escapeHtml(status)}${vo && vo.claimed === 'met' ? `<div class="why">${escapeHtml(vo.reason)}</div>` : ''}</td></tr>`
  }).join('\n')
  const metCount = result.objectives.filter((o) => o.status === 'met').length
  const total = lesson?.objectives.length ?? result.objectives.length
  const verdict = !v ? `<p class="pending">${escapeHtml(L.notVerified)}</p>`
    : v.ok ? `<p class="verified">${escapeHtml(L.verified)}</p>`
      : `<p class="rejected">${escapeHtml(L.rejected)}</p><ul>${v.errors.map((e) => `<li>${escapeHtml(e)}</li>`).join('')}</ul>`
  const notes = v && v.notes.length ? `<h2>${escapeHtml(L.notes)}</h2><ul>${v.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>` : ''
  const logRows = result.log.map((e, i) => `<tr><td>${i + 1}</td><td>${escapeHtml(seconds(e.atMs))}</td><td><code>${escapeHtml(e.line)}</code></td></tr>`).join('\n')
  const title = `${L.heading}: ${result.student}: ${lesson?.title ?? result.lesson.title}`
  return `<!doctype html>
<html lang="${escapeHtml(lesson?.language ?? result.lesson.language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { font: 14px/1.45 system-ui, sans-serif; color: #111; max-width: 56rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin-bottom: .25rem; } h2 { font-size: 1.1rem; margin-top: 1.5rem; }
table { border-collapse: collapse; width: 100%; } td, th { border-bottom: 1px solid #ccc; padding: .35rem .5rem; text-align: left; vertical-align: top; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; } dt { font-weight: 600; } dd { margin: 0; }
.mark { width: 1.5rem; font-weight: 700; } tr.ok .mark { color: #116329; } tr.bad .mark { color: #a40e26; } tr.no .mark { color: #666; }
.id, .why { color: #555; font-size: .85em; } code { font: 12px/1.4 ui-monospace, monospace; white-space: pre-wrap; word-break: break-all; }
.verified { color: #116329; font-weight: 600; } .rejected { color: #a40e26; font-weight: 600; } .pending { color: #555; }
@media print { body { margin: 0; max-width: none; } tr { break-inside: avoid; } }
</style>
</head>
<body>
<h1>${escapeHtml(lesson?.title ?? result.lesson.title)}</h1>
<dl>
<dt>${escapeHtml(L.student)}</dt><dd>${escapeHtml(result.student)}</dd>
<dt>${escapeHtml(L.lesson)}</dt><dd>${escapeHtml(result.lesson.id)} (${escapeHtml(result.lesson.language)})</dd>
<dt>${escapeHtml(L.started)}</dt><dd>${escapeHtml(result.startedAt)}</dd>
<dt>${escapeHtml(L.finished)}</dt><dd>${escapeHtml(result.finishedAt)}</dd>
<dt>${escapeHtml(L.seed)}</dt><dd>${escapeHtml(result.seed)}</dd>
<dt>${escapeHtml(L.simulated)}</dt><dd>${escapeHtml(seconds(result.endMs))}</dd>
<dt>${escapeHtml(L.hints)}</dt><dd>${escapeHtml(result.hintsUsed)}</dd>
<dt>${escapeHtml(L.showMe)}</dt><dd>${escapeHtml(result.showMeUsed ? L.yes : L.no)}</dd>
<dt>${escapeHtml(L.hash)}</dt><dd><code>${escapeHtml(result.lesson.hash)}</code></dd>
</dl>
<h2>${escapeHtml(L.objectives)}: ${metCount} / ${total}</h2>
<table>
${objectiveRows}
</table>
<h2>${escapeHtml(L.verification)}</h2>
${verdict}
${notes}
<h2>${escapeHtml(L.log)}</h2>
<table>
<tr><th>#</th><th>${escapeHtml(L.time)}</th><th>${escapeHtml(L.command)}</th></tr>
${logRows}
</table>
</body>
</html>
`
}

// ------------------------------------------------------------------------------------------------ class table

export interface ClassEntry {
  /** the file it came from */
  file: string
  result?: StacklabResult
  /** why the file could not be read */
  problems?: Problem[]
  verification?: Verification
}

export interface ClassRow {
  file: string
  student: string
  lessonId: string
  /** met objectives as claimed (or as confirmed, when verified) */
  met: number
  total: number
  percent: number
  verified: 'yes' | 'rejected' | 'not checked' | 'unreadable'
  objectives: Record<string, 'met' | 'not-met' | 'rejected' | 'missing'>
  hintsUsed: number | null
  showMeUsed: boolean | null
  finishedAt: string | null
  /** errors or problems, one line each */
  remarks: string[]
}

export interface ClassTable { objectiveIds: string[]; rows: ClassRow[] }

/** Many results in one table, one row per file, sorted by lesson then student. */
export function classTable(entries: readonly ClassEntry[], lessons: readonly Lesson[] = []): ClassTable {
  const ids: string[] = []
  const addId = (id: string): void => { if (!ids.includes(id)) ids.push(id) }
  for (const e of entries) {
    const lesson = e.result ? lessons.find((l) => l.id === e.result!.lesson.id && l.language === e.result!.lesson.language) : undefined
    if (lesson) lesson.objectives.forEach((o) => addId(o.id))
    else e.result?.objectives.forEach((o) => addId(o.id))
  }
  const rows = entries.map((e): ClassRow => {
    if (!e.result) {
      return { file: e.file, student: '', lessonId: '', met: 0, total: 0, percent: 0, verified: 'unreadable', objectives: {}, hintsUsed: null, showMeUsed: null, finishedAt: null,
        remarks: (e.problems ?? []).map((p) => `${p.path}: ${p.message}`) }
    }
    const r = e.result
    const lesson = lessons.find((l) => l.id === r.lesson.id && l.language === r.lesson.language)
    const own = lesson ? lesson.objectives.map((o) => o.id) : r.objectives.map((o) => o.id)
    const objectives: ClassRow['objectives'] = {}
    for (const id of own) {
      const c = r.objectives.find((o) => o.id === id)
      const v = e.verification?.objectives.find((o) => o.id === id)
      objectives[id] = !c ? 'missing' : v && v.confirmed === false ? 'rejected' : c.status
    }
    const met = Object.values(objectives).filter((s) => s === 'met').length
    const total = own.length
    return {
      file: e.file, student: r.student, lessonId: r.lesson.id, met, total, percent: total ? Math.round((met / total) * 100) : 0,
      verified: !e.verification ? 'not checked' : e.verification.ok ? 'yes' : 'rejected', objectives,
      hintsUsed: r.hintsUsed, showMeUsed: r.showMeUsed, finishedAt: r.finishedAt,
      remarks: [...(e.verification?.errors ?? []), ...(e.verification?.notes ?? [])]
    }
  })
  rows.sort((a, b) => a.lessonId.localeCompare(b.lessonId) || a.student.localeCompare(b.student) || a.file.localeCompare(b.file))
  return { objectiveIds: ids, rows }
}

/** The class table as CSV for a spreadsheet; cells that a spreadsheet would run as a formula are quoted with a '. */
export function classTableCsv(table: ClassTable): string {
  const cell = (v: unknown): string => {
    let s = v === null || v === undefined ? '' : String(v)
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
  }
  const head = ['file', 'student', 'lesson', 'met', 'total', 'percent', 'verified', 'hints', 'show me', 'finished', ...table.objectiveIds, 'remarks']
  const lines = table.rows.map((r) => [r.file, r.student, r.lessonId, r.met, r.total, r.percent, r.verified, r.hintsUsed, r.showMeUsed, r.finishedAt,
    ...table.objectiveIds.map((id) => r.objectives[id] ?? ''), r.remarks.join(' | ')].map(cell).join(','))
  return [head.map(cell).join(','), ...lines].join('\n') + '\n'
}
