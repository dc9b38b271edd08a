// Proving a lesson is sound (what `npm run lesson:check` runs after the schema): the start world fails every
// objective, the solution meets all of them, the glossary terms exist, and a translation matches the lesson it
// translates in everything that is not text. Pure: the caller reads the files.
import { runLesson, type LineOutput } from './runner.ts'
import type { Glossary, Lesson } from './schema.ts'

export interface CheckProblem { path: string; message: string }

export interface LessonCheck {
  problems: CheckProblem[]
  /** facts worth printing that are not problems (a start or step line that exits non-zero, timings) */
  notes: string[]
  /** virtual time the solution took, ms */
  solutionMs: number
}

export interface CheckOptions {
  /** the glossary of the lesson's language: every `glossary` id must be in it */
  glossary?: Glossary
  /** for a translation: the lesson in the original language (same id) */
  original?: Lesson
  /** also click through every step's commands from the start world and note lines that exit non-zero */
  runSteps?: boolean
}

const firstLine = (o: LineOutput): string => (o.stderr || o.stdout).split('\n').find((l) => l.trim()) ?? ''

export async function checkLesson(lesson: Lesson, options: CheckOptions = {}): Promise<LessonCheck> {
  const problems: CheckProblem[] = []
  const notes: string[] = []
  const run = await runLesson(lesson, lesson.solution)
  run.startOutputs.forEach((o, i) => { if (o.exitCode !== 0) notes.push(`start line ${i + 1} ("${o.line}") exits ${o.exitCode}: ${firstLine(o)}`) })
  lesson.objectives.forEach((o, i) => {
    const atStart = run.atStart[i]!
    if (atStart.now.pass) problems.push({ path: `$.objectives[${i}].check`, message: `"${o.id}" already passes in the start world (${atStart.now.reason}): the start state must fail every objective` })
    const after = run.objectives[i]!
    if (!after.met) problems.push({ path: `$.objectives[${i}].check`, message: `the solution does not meet "${o.id}": ${after.now.reason}` })
  })
  run.outputs.forEach((o, i) => {
    if (o.refused) problems.push({ path: `$.solution[${i}]`, message: o.refused })
    else if (o.exitCode !== 0) problems.push({ path: `$.solution[${i}]`, message: `"${o.line}" exits ${o.exitCode} when the solution is played: ${firstLine(o)}` })
  })
  const solutionMs = run.session.world.clockMs
  if (options.runSteps !== false) {
    const steps = await runLesson(lesson, lesson.steps.flatMap((s) => s.commands ?? []))
    let k = 0
    lesson.steps.forEach((s, i) => (s.commands ?? []).forEach((line, j) => {
      const o = steps.outputs[k++]!
      if (o.refused) problems.push({ path: `$.steps[${i}].commands[${j}]`, message: o.refused })
      else if (o.exitCode !== 0) notes.push(`step ${i + 1} command "${line}" exits ${o.exitCode}: ${firstLine(o)}`)
    }))
  }
  if (options.glossary) {
    const terms = new Set(options.glossary.terms.map((t) => t.id))
    if (options.glossary.language !== lesson.language) problems.push({ path: '$.glossary', message: `the glossary given is ${options.glossary.language}, the lesson is ${lesson.language}` })
    lesson.glossary?.forEach((g, i) => { if (!terms.has(g)) problems.push({ path: `$.glossary[${i}]`, message: `"${g}" is not in the ${lesson.language} glossary` }) })
  }
  if (options.original) problems.push(...compareTranslation(lesson, options.original))
  return { problems, notes, solutionMs }
}

/** A translation keeps everything but the words: the same commands, checks, answers and structure. */
export function compareTranslation(t: Lesson, o: Lesson): CheckProblem[] {
  const p: CheckProblem[] = []
  const same = (path: string, a: unknown, b: unknown, what: string): void => {
    if (JSON.stringify(a) !== JSON.stringify(b)) p.push({ path, message: `${what} differs from the ${o.language} original: a translation changes only the text` })
  }
  if (t.id !== o.id) p.push({ path: '$.id', message: `a translation keeps the original's id ("${o.id}")` })
  if (t.language === o.language) p.push({ path: '$.language', message: `a translation needs another language than the original (${o.language})` })
  same('$.start', t.start, o.start, 'the start')
  same('$.solution', t.solution, o.solution, 'the solution')
  same('$.projects', t.projects ?? [], o.projects ?? [], 'the projects')
  same('$.seed', t.seed, o.seed, 'the seed')
  same('$.level', t.level, o.level, 'the level')
  same('$.exercise', t.exercise, o.exercise, 'the exercise settings')
  same('$.glossary', t.glossary ?? [], o.glossary ?? [], 'the glossary term list')
  same('$.objectives', t.objectives.map((x) => [x.id, x.check]), o.objectives.map((x) => [x.id, x.check]), 'the objectives (ids and checks)')
  same('$.hints', t.hints.map((h) => h.objective ?? null), o.hints.map((h) => h.objective ?? null), 'the hints (count and objectives)')
  same('$.steps', t.steps.map((s) => [s.id ?? null, s.commands ?? [], s.predict ? [s.predict.choices.length, s.predict.answer] : null]),
    o.steps.map((s) => [s.id ?? null, s.commands ?? [], s.predict ? [s.predict.choices.length, s.predict.answer] : null]), 'the steps (count, commands, predictions)')
  same('$.quiz', (t.quiz ?? []).map((q) => [q.choices.length, q.answer]), (o.quiz ?? []).map((q) => [q.choices.length, q.answer]), 'the quiz (count, choices, answers)')
  same('$.ordering', (t.ordering ?? []).map((x) => [x.id, x.items.length]), (o.ordering ?? []).map((x) => [x.id, x.items.length]), 'the ordering exercises')
  same('$.flashcards', (t.flashcards ?? []).length, (o.flashcards ?? []).length, 'the number of flashcards')
  same('$.interview', (t.interview ?? []).length, (o.interview ?? []).length, 'the number of interview questions')
  return p
}
