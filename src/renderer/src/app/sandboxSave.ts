// The autosave's payload: what the app keeps of a visit so a crash or a closed window loses nothing.
//
//   stacklab.sandbox/2 (current)
//     sandbox  the learner's own sandbox — world, terminal session, command history — even while a lesson has
//              the stage (version 1 saved whatever was on the stage, so a lesson's world replaced the sandbox)
//     lesson   the lesson or exercise in progress, or null: its content, seed and the learner's command log with
//              virtual times, so it is rebuilt by replaying the log (the simulation is deterministic); the step
//              shown, the hints shown, ranSteps — the steps run with "Run step", which the log cannot tell (it
//              does not say which line came from a step's button and which was typed) — and predictions, the
//              answer committed before a step that asks for one (step index → choice). Both are optional: saves
//              written before they were kept resume with no step marked as run and no answer given; indices past
//              the lesson's last step are dropped on read rather than costing the learner the lesson.
//     speed, timing
//     A lesson part that no longer loads is dropped with a reason (decoded.lessonDropped); the sandbox is kept.
//   stacklab.sandbox/1 (until 2026-11): { world, session, history, speed, timing } — migrated on read: its world
//              becomes the sandbox, with no lesson.
//
// The envelope around it (stacklab.save/N, written atomically by main/autosave.ts or the web platform) refuses a
// newer envelope; this module refuses a newer payload the same way, with a message that names the version, and
// changes nothing. Pure: parse/migrate/encode, no world is built here.
import { z } from 'zod'
import { LessonSchema, type Lesson } from '../../../lessons/index'

export const SANDBOX_SAVE_VERSION = 2
export const SANDBOX_SAVE_SCHEMA = `stacklab.sandbox/${SANDBOX_SAVE_VERSION}`

const SessionEntry = z.object({ atMs: z.number().finite().min(0), endMs: z.number().finite().min(0), line: z.string().max(10_000) })
const LogEntry = z.object({ atMs: z.number().finite().min(0), line: z.string().max(10_000) })

const SandboxPart = z.object({
  world: z.string().min(2),
  session: z.array(SessionEntry).max(100_000),
  history: z.array(z.string().max(10_000)).max(10_000)
})
export type SandboxPart = z.infer<typeof SandboxPart>

const LessonPartFields = z.object({
  lesson: LessonSchema,
  origin: z.enum(['builtin', 'file']),
  fileName: z.string().max(1000).nullable(),
  seed: z.number().int(),
  log: z.array(LogEntry).max(100_000),
  /** the lesson world's clock when saved: time that passed after the last command is replayed too */
  clockMs: z.number().finite().min(0),
  stepIndex: z.number().int().min(0),
  /** the hints shown, in order (indices into the lesson's hints); hintsUsed also counts those of earlier attempts */
  hints: z.array(z.number().int().min(0)).max(1000),
  hintsUsed: z.number().int().min(0),
  showMeUsed: z.boolean(),
  startedAt: z.string().max(100),
  /** the steps the learner ran with "Run step" (indices into the lesson's steps); absent in saves made before it was kept */
  ranSteps: z.array(z.number().int().min(0)).max(1000).optional(),
  /** the prediction committed per step (step index → the choice's index); absent in saves made before it was kept */
  predictions: z.record(z.string().regex(/^\d{1,4}$/, 'a step index'), z.number().int().min(0).max(1000)).optional()
})

/** A step index past the lesson's steps names nothing to mark (a hand-edited save, or a lesson that lost steps):
 * it is dropped, not a reason to drop the lesson in progress. */
function withoutStepsBeyondLesson(part: z.infer<typeof LessonPartFields>): z.infer<typeof LessonPartFields> {
  const stepCount = part.lesson.steps.length
  return {
    ...part,
    ...(part.ranSteps ? { ranSteps: part.ranSteps.filter((index) => index < stepCount) } : {}),
    ...(part.predictions ? { predictions: Object.fromEntries(Object.entries(part.predictions).filter(([index]) => Number(index) < stepCount)) } : {})
  }
}

const LessonPart = LessonPartFields.transform(withoutStepsBeyondLesson)
export type LessonPart = z.infer<typeof LessonPart>

/** Read first with the lesson left unchecked: a lesson that no longer loads must not cost the learner the sandbox. */
const SaveV2Envelope = z.object({
  schema: z.literal(SANDBOX_SAVE_SCHEMA),
  sandbox: SandboxPart,
  lesson: z.unknown(),
  speed: z.number().finite().positive().optional(),
  timing: z.enum(['realistic', 'compressed']).optional()
})
export type SandboxSave = Omit<z.infer<typeof SaveV2Envelope>, 'lesson'> & { lesson: LessonPart | null }

const SaveV1 = z.object({
  schema: z.literal('stacklab.sandbox/1'),
  world: z.string().min(2),
  // saves from before endMs was kept: the command is taken to have lasted no time
  session: z.array(z.object({ atMs: z.number().finite().min(0), endMs: z.number().finite().min(0).optional(), line: z.string() }).passthrough()),
  history: z.array(z.string()),
  speed: z.number().finite().positive().optional(),
  timing: z.enum(['realistic', 'compressed']).optional()
})

export type DecodedSave =
  | { ok: true; save: SandboxSave; migratedFrom: number | null; /** why the lesson in progress was dropped, or null */ lessonDropped: string | null }
  | { ok: false; reason: string; tooNew: boolean }

const SCHEMA = /^stacklab\.sandbox\/(\d+)$/

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0]
  if (!issue) return 'it does not match the format'
  const path = issue.path.length ? `$.${issue.path.join('.')}` : '$'
  return `${path}: ${issue.message}`
}

/** Reads a payload of any known version into the current one; never throws. */
export function decodeSandboxSave(text: string): DecodedSave {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    return { ok: false, reason: `it is not JSON (${error instanceof Error ? error.message : String(error)})`, tooNew: false }
  }
  const schema = typeof data === 'object' && data !== null ? (data as { schema?: unknown }).schema : undefined
  const version = typeof schema === 'string' ? Number(SCHEMA.exec(schema)?.[1] ?? NaN) : NaN
  if (!Number.isInteger(version)) return { ok: false, reason: 'it is not a Stacklab sandbox', tooNew: false }
  if (version > SANDBOX_SAVE_VERSION) {
    return { ok: false, reason: `it was written by a newer Stacklab (sandbox format ${version}; this one reads up to ${SANDBOX_SAVE_VERSION})`, tooNew: true }
  }
  if (version === 1) {
    const v1 = SaveV1.safeParse(data)
    if (!v1.success) return { ok: false, reason: `it is not a valid sandbox (format 1, ${firstIssue(v1.error)})`, tooNew: false }
    return { ok: true, save: migrateV1(v1.data), migratedFrom: 1, lessonDropped: null }
  }
  const v2 = SaveV2Envelope.safeParse(data)
  if (!v2.success) return { ok: false, reason: `it is not a valid sandbox (${firstIssue(v2.error)})`, tooNew: false }
  const lesson = LessonPart.nullable().safeParse(v2.data.lesson ?? null)
  const save: SandboxSave = { ...v2.data, lesson: lesson.success ? lesson.data : null }
  const lessonDropped = lesson.success ? null : `the lesson in progress does not load (${firstIssue(lesson.error).replace(/^\$/, '$.lesson')})`
  return { ok: true, save, migratedFrom: null, lessonDropped }
}

function migrateV1(v1: z.infer<typeof SaveV1>): SandboxSave {
  return {
    schema: 'stacklab.sandbox/2',
    sandbox: {
      world: v1.world,
      session: v1.session.map((e) => ({ atMs: e.atMs, endMs: e.endMs ?? e.atMs, line: e.line })),
      history: [...v1.history]
    },
    lesson: null,
    ...(v1.speed !== undefined && { speed: v1.speed }),
    ...(v1.timing !== undefined && { timing: v1.timing })
  }
}

export function encodeSandboxSave(parts: { sandbox: SandboxPart; lesson: LessonPart | null; speed: number; timing: 'realistic' | 'compressed' }): string {
  const save: SandboxSave = { schema: 'stacklab.sandbox/2', sandbox: parts.sandbox, lesson: parts.lesson, speed: parts.speed, timing: parts.timing }
  return JSON.stringify(save)
}

export type { Lesson }
