// `npm run lesson:check [FILE...]`: prove lessons and exercises are sound (no FILE: every built-in one).
// `npm run lesson:check -- --verify RESULT... [--lesson FILE] [--html OUT.html] [--csv]`: replay result files.
// Exit code 0 when everything holds, 1 when something does not, 2 for a usage error.
import { writeFileSync } from 'node:fs'
import { basename, relative } from 'node:path'
import { checkLesson } from './check.ts'
import { formatProblem, parseResultText, type Problem } from './load.ts'
import { verifyResult, type Verification } from './verify.ts'
import { classTable, classTableCsv, renderResultHtml, type ClassEntry } from './report.ts'
import { builtinLessonFiles, findBuiltinLesson, readGlossary, readLessonFile, readTextFile } from './files.ts'
import type { Lesson } from './schema.ts'

export interface CliIo { out(text: string): void; err(text: string): void }

const USAGE = `usage: npm run lesson:check [FILE...]
       npm run lesson:check -- --verify RESULT... [--lesson FILE] [--html OUT.html] [--csv]`

const shown = (file: string): string => {
  const rel = relative(process.cwd(), file)
  return rel && !rel.startsWith('..') ? rel : file
}

export async function checkFiles(files: string[], io: CliIo): Promise<number> {
  let failed = 0
  const list = files.length > 0 ? files : builtinLessonFiles()
  if (list.length === 0) { io.err('no lesson files found\n'); return 1 }
  for (const file of list) {
    const name = shown(file)
    const started = performance.now()
    const loaded = readLessonFile(file, name)
    if (!loaded.ok) {
      failed++
      io.out(`✗ ${name}\n${loaded.problems.map((p) => '  ' + formatProblem(p)).join('\n')}\n`)
      continue
    }
    const lesson = loaded.value
    const glossary = lesson.glossary?.length ? readGlossary(lesson.language) : null
    const original = lesson.language !== 'en' ? findBuiltinLesson(lesson.id, 'en')?.lesson : undefined
    const problems: Problem[] = []
    if (lesson.glossary?.length && !glossary) problems.push({ file: name, path: '$.glossary', message: `no glossary for language "${lesson.language}" (assets/lessons/glossary/${lesson.language}.json)` })
    const result = await checkLesson(lesson, { ...(glossary && { glossary }), ...(original && { original }) })
    problems.push(...result.problems.map((p) => ({ file: name, ...p })))
    const ms = Math.round(performance.now() - started)
    if (problems.length) {
      failed++
      io.out(`✗ ${name}\n${problems.map((p) => '  ' + formatProblem(p)).join('\n')}\n`)
    } else {
      const kind = lesson.exercise ? 'exercise' : 'lesson'
      io.out(`✓ ${name}: ${kind} ${lesson.id} (${lesson.language}), ${lesson.objectives.length} objective${lesson.objectives.length === 1 ? '' : 's'}: all fail in the start world, the solution meets all ` +
        `(${(result.solutionMs / 1000).toFixed(1)} s simulated, ${ms} ms)\n`)
    }
    for (const n of result.notes) io.out(`  note: ${n}\n`)
  }
  io.out(`${list.length - failed}/${list.length} sound\n`)
  return failed > 0 ? 1 : 0
}

export async function verifyFiles(files: string[], opts: { lesson?: string; html?: string; csv?: boolean }, io: CliIo): Promise<number> {
  let explicit: Lesson | null = null
  if (opts.lesson) {
    const l = readLessonFile(opts.lesson, shown(opts.lesson))
    if (!l.ok) { io.err(l.problems.map(formatProblem).join('\n') + '\n'); return 1 }
    explicit = l.value
  }
  let bad = 0
  const entries: ClassEntry[] = []
  const lessons: Lesson[] = []
  for (const file of files) {
    const name = shown(file)
    const text = readTextFile(file)
    const loaded = text.ok ? parseResultText(text.text, name) : { ok: false as const, problems: [{ file: name, path: '$', message: text.message }] }
    if (!loaded.ok) {
      bad++
      entries.push({ file: name, problems: loaded.problems })
      if (!opts.csv) io.out(`✗ ${name}: not a readable result\n${loaded.problems.map((p) => '  ' + formatProblem(p)).join('\n')}\n`)
      continue
    }
    const r = loaded.value
    const lesson = explicit ?? findBuiltinLesson(r.lesson.id, r.lesson.language)?.lesson ?? null
    if (!lesson) {
      bad++
      const problems = [{ file: name, path: '$.lesson.id', message: `no lesson "${r.lesson.id}" (${r.lesson.language}) among the built-in lessons: pass the exercise file with --lesson FILE` }]
      entries.push({ file: name, result: r, problems })
      if (!opts.csv) io.out(`✗ ${name}\n  ${formatProblem(problems[0]!)}\n`)
      continue
    }
    if (!lessons.includes(lesson)) lessons.push(lesson)
    const v: Verification = await verifyResult(r, lesson)
    entries.push({ file: name, result: r, verification: v })
    if (!v.ok) bad++
    if (!opts.csv) {
      io.out(`${v.ok ? '✓' : '✗'} ${name}: ${r.student}, ${lesson.id} (${lesson.language}): ${v.ok ? `verified, ${v.met}/${v.total} objectives met` : 'rejected'}\n`)
      for (const e of v.errors) io.out(`  error: ${e}\n`)
      for (const o of v.objectives) io.out(`  ${o.confirmed === true ? '✓' : o.confirmed === false ? '✗' : '○'} ${o.id}: ${o.reason}\n`)
      for (const n of v.notes) io.out(`  note: ${n}\n`)
    }
    if (opts.html && files.length === 1) {
      writeFileSync(opts.html, renderResultHtml(r, lesson, { verification: v }))
      io.out(`  wrote ${opts.html}\n`)
    }
  }
  if (opts.csv) io.out(classTableCsv(classTable(entries, lessons)))
  return bad > 0 ? 1 : 0
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const files: string[] = []
  let verify = false
  let csv = false
  let lesson: string | undefined
  let html: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '--verify') verify = true
    else if (a === '--csv') csv = true
    else if (a === '--lesson') { lesson = argv[++i]; if (!lesson) { io.err(USAGE + '\n'); return 2 } }
    else if (a === '--html') { html = argv[++i]; if (!html) { io.err(USAGE + '\n'); return 2 } }
    else if (a === '--help' || a === '-h') { io.out(USAGE + '\n'); return 0 }
    else if (a.startsWith('--')) { io.err(`unknown option ${a}\n${USAGE}\n`); return 2 }
    else files.push(a)
  }
  if (verify) {
    if (files.length === 0) { io.err(`--verify needs at least one result file\n${USAGE}\n`); return 2 }
    if (html && files.length > 1) { io.err('--html takes one result file\n'); return 2 }
    return verifyFiles(files, { ...(lesson && { lesson }), ...(html && { html }), csv }, io)
  }
  if (lesson || html || csv) { io.err(`--lesson, --html and --csv go with --verify\n${USAGE}\n`); return 2 }
  return checkFiles(files, io)
}

if (process.argv[1] && basename(process.argv[1]) === 'lessonCheck.ts') {
  void main(process.argv.slice(2), { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) })
    .then((code) => { process.exitCode = code })
}
