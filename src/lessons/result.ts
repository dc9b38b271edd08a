// Result files (`stacklab.result/1`): what a student hands in. A result names the lesson by id and content hash,
// carries the seed and the command log with virtual times, and claims which objectives were met and when; the
// verifier (verify.ts) replays it to confirm the claims.
import { canonicalJson } from './json.ts'
import { sha256Hex } from './sha256.ts'
import { RESULT_SCHEMA, type Lesson, type LogEntry, type StacklabResult } from './schema.ts'

/** SHA-256 of the lesson's canonical JSON: the same content gives the same hash, whatever the whitespace or key order. */
export function lessonHash(lesson: Lesson): string {
  return sha256Hex(canonicalJson(lesson))
}

export interface MakeResultInput {
  lesson: Lesson
  student: string
  seed: number
  startedAt: string
  finishedAt: string
  endMs: number
  log: readonly LogEntry[]
  objectives: readonly { id: string; met: boolean; atMs: number | null; after: number | null }[]
  hintsUsed: number
  showMeUsed: boolean
  app?: string
}

export function makeResult(input: MakeResultInput): StacklabResult {
  return {
    schema: RESULT_SCHEMA,
    lesson: { id: input.lesson.id, language: input.lesson.language, title: input.lesson.title, hash: lessonHash(input.lesson) },
    student: input.student.trim(),
    seed: input.seed,
    startedAt: input.startedAt,
    finishedAt: input.finishedAt,
    endMs: input.endMs,
    log: input.log.map((e) => ({ atMs: e.atMs, line: e.line })),
    objectives: input.objectives.map((o) => (o.met && o.atMs !== null && o.after !== null
      ? { id: o.id, status: 'met' as const, atMs: o.atMs, after: o.after }
      : { id: o.id, status: 'not-met' as const })),
    hintsUsed: input.hintsUsed,
    showMeUsed: input.showMeUsed,
    ...(input.app !== undefined && { app: input.app })
  }
}

/** A file name for a result: `oom-limits-ada-lovelace.result.json`. */
export function resultFileName(result: StacklabResult): string {
  const student = result.student.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'student'
  return `${result.lesson.id}-${student}.result.json`
}
