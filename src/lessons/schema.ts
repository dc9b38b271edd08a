// The lesson format `stacklab.lesson/1`, the result format `stacklab.result/1` and the glossary format
// `stacklab.glossary/1` (docs/lessons.md). The zod schemas are the one definition: `lesson.schema.json` is
// exported from them (`npm run lesson:schema`) and a test keeps it up to date. Shape rules live in the zod types;
// rules that relate fields (an answer index inside its choices, unique ids, predicates that parse, commands that
// parse and are allowed in an exercise) live in the `superRefine` blocks below, so every problem comes back the
// same way: a JSON path and a message.
import { z } from 'zod'
import { catalog } from '../sim/index.ts'
import { parseLine } from '../cli/Shell.ts'
import { DOCKER_COMMANDS, parseGlobals } from '../cli/dockerCli.ts'
import { parseObjective } from './objectives.ts'
import { commandAllowed } from './allowed.ts'

export const LESSON_SCHEMA = 'stacklab.lesson/1'
export const RESULT_SCHEMA = 'stacklab.result/1'
export const GLOSSARY_SCHEMA = 'stacklab.glossary/1'

/** Size limits: generous for real content, small enough that a hostile file cannot stall the app. */
export const LIMITS = {
  fileChars: 2_000_000,
  commandChars: 500,
  startLines: 200,
  solutionLines: 300,
  logEntries: 5000,
  /** virtual time a lesson run or a result replay may cover: 4 h */
  virtualMs: 4 * 3_600_000
} as const

const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const NAME_RE = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/
const PATH_RE = /^(?!.*(?:^|\/)\.\.(?:\/|$))[A-Za-z0-9._-][A-Za-z0-9._/-]*$/

const id = (what: string) => z.string().max(64).regex(ID_RE, { error: `${what} must be lower-case words joined by '-' (e.g. oom-limits)` })
const text = (max: number, what = 'text') => z.string().trim().min(1, { error: `${what} must not be empty` }).max(max, { error: `${what} is too long (at most ${max} characters)` })
const command = z.string().max(LIMITS.commandChars, { error: `a command line is too long (at most ${LIMITS.commandChars} characters)` })
  .meta({ description: 'one line of the command language (docs/lessons.md), e.g. "docker run -d --name web nginx:1.27"' })

const choiceQuestion = z.strictObject({
  question: text(500, 'the question'),
  choices: z.array(text(300, 'a choice')).min(2).max(6),
  answer: z.int().min(0).meta({ description: 'index (from 0) of the correct choice' }),
  explanation: text(2000, 'the explanation').meta({ description: 'shown after the learner commits to an answer' })
})

export const PredictSchema = choiceQuestion.meta({ description: '"predict, then observe": the learner commits to a choice before the app shows the outcome' })

export const StepSchema = z.strictObject({
  id: id('a step id').optional(),
  text: text(4000, 'the step text').meta({ description: 'narration, plain text; `code` in backquotes is shown as code' }),
  commands: z.array(command).max(20).optional().meta({ description: 'click-to-run command lines, run in order' }),
  predict: PredictSchema.optional(),
  notes: text(4000, 'the presenter notes').optional().meta({ description: 'presenter notes: shown to the presenter only' })
})

export const ObjectiveSchema = z.strictObject({
  id: id('an objective id'),
  text: text(300, 'the objective text').meta({ description: 'what the learner sees, e.g. "Run web with a 256 MiB memory limit"' }),
  check: text(1000, 'the check').meta({ description: 'a predicate in the objective language, e.g. "instance web is running with limits.memoryMb <= 256"' })
})

export const HintSchema = z.strictObject({
  text: text(1000, 'the hint'),
  objective: id('an objective id').optional().meta({ description: 'the objective this hint helps with' })
})

export const ProjectSchema = z.strictObject({
  name: z.string().max(64).regex(NAME_RE, { error: 'a project name is a folder name such as shop or web-app' }),
  files: z.array(z.strictObject({
    path: z.string().max(200).regex(PATH_RE, { error: 'a file path is relative, uses / and never ..' }),
    sizeMb: z.number().min(0).max(100_000),
    text: z.string().max(20_000).optional().meta({ description: 'the content of a text file (a Dockerfile, requirements.txt…); binary files give only a size' })
  })).min(1).max(50)
}).meta({ description: 'a project folder `docker build` can read, added to the world before the start commands' })

export const ExerciseSchema = z.strictObject({
  allowedCommands: z.array(z.string().trim().min(1).max(100)).min(1).max(50).meta({
    description: 'word prefixes a learner may run, e.g. "docker run", "vm"; wait, report, help, history and clear are always allowed'
  }),
  hints: z.boolean().meta({ description: 'whether hints are offered' }),
  showMe: z.boolean().meta({ description: 'whether "show me" (reset and play the solution) is offered' }),
  timeLimitMinutes: z.int().min(1).max(600).optional()
})

const LessonBase = z.strictObject({
  $schema: z.string().max(500).optional().meta({ description: 'for editors: where lesson.schema.json is; ignored by Stacklab' }),
  schema: z.literal(LESSON_SCHEMA),
  id: id('the lesson id').meta({ description: 'stable id; a translation keeps the id of the lesson it translates' }),
  language: z.string().regex(/^[a-z]{2,3}(?:-[A-Z]{2})?$/, { error: 'language is a code such as en, de or pt-BR' }),
  title: text(120, 'the title'),
  summary: text(600, 'the summary'),
  level: z.enum(['beginner', 'intermediate', 'advanced']),
  minutes: z.int().min(1).max(240).meta({ description: 'estimated minutes' }),
  seed: z.int().min(0).max(2_147_483_647).optional().meta({ description: 'the random seed of the start world (default 1)' }),
  tags: z.array(id('a tag')).max(20).optional(),
  projects: z.array(ProjectSchema).max(5).optional(),
  start: z.array(command).max(LIMITS.startLines).meta({ description: 'command lines that build the start world from the default sandbox' }),
  steps: z.array(StepSchema).min(1).max(40),
  objectives: z.array(ObjectiveSchema).min(1).max(20),
  hints: z.array(HintSchema).max(30),
  solution: z.array(command).min(1).max(LIMITS.solutionLines).meta({ description: 'command lines "show me" plays from the start world; they must meet every objective' }),
  quiz: z.array(choiceQuestion).max(5).optional().meta({ description: '3 to 5 multiple-choice questions (optional in an exercise)' }),
  flashcards: z.array(z.strictObject({ front: text(1000, 'the front'), back: text(1000, 'the back') })).max(50).optional(),
  ordering: z.array(z.strictObject({
    id: id('an ordering id'),
    prompt: text(500, 'the prompt'),
    items: z.array(text(200, 'an item')).min(3).max(12).meta({ description: 'in the correct order; the app shuffles them' })
  })).max(10).optional(),
  interview: z.array(z.strictObject({
    question: text(500, 'the question'),
    answer: text(4000, 'the answer').meta({ description: 'the "senior angle" answer, revealed on demand' })
  })).max(20).optional(),
  glossary: z.array(id('a glossary term id')).max(100).optional().meta({ description: 'ids of terms in the glossary (assets/lessons/glossary/LANG.json) this lesson uses' }),
  exercise: ExerciseSchema.optional().meta({ description: 'present in a workshop exercise file' })
})

const BUILT_IN_PROJECTS = catalog.PROJECTS.map((p) => p.name)

type Ctx = z.core.$RefinementCtx<z.infer<typeof LessonBase>>

/** What the docker CLI would refuse before sending anything: a bad global flag or an unknown subcommand. */
function dockerProblem(words: string[]): string | null {
  const g = parseGlobals(words)
  if (typeof g === 'string') return `docker: ${g.split('\n')[0]}`
  const sub = g.rest[0]
  if (sub === undefined) return 'docker needs a command, e.g. docker ps'
  if (sub !== 'context' && !DOCKER_COMMANDS.includes(sub)) return `docker: unknown command: docker ${sub}`
  return null
}

function checkCommand(ctx: Ctx, line: string, path: (string | number)[], exercise: z.infer<typeof ExerciseSchema> | undefined, learnerRuns: boolean): void {
  const parsed = parseLine(line)
  const docker = parsed.kind === 'docker' ? dockerProblem(parsed.words) : null
  if (parsed.kind === 'error') ctx.addIssue({ code: 'custom', path, message: `this command line does not parse: ${parsed.message.split('\n')[0]}` })
  else if (docker) ctx.addIssue({ code: 'custom', path, message: docker })
  else if (parsed.kind === 'empty') ctx.addIssue({ code: 'custom', path, message: 'an empty command line (or only a comment)' })
  else if (exercise && learnerRuns && !commandAllowed(line, exercise.allowedCommands)) {
    ctx.addIssue({ code: 'custom', path, message: `"${line}" is not allowed by exercise.allowedCommands (${exercise.allowedCommands.join(', ')})` })
  }
}

function checkChoice(ctx: Ctx, q: z.infer<typeof choiceQuestion>, path: (string | number)[]): void {
  if (q.answer >= q.choices.length) ctx.addIssue({ code: 'custom', path: [...path, 'answer'], message: `answer ${q.answer} is not one of the ${q.choices.length} choices (0 to ${q.choices.length - 1})` })
  const seen = new Set<string>()
  q.choices.forEach((c, i) => {
    if (seen.has(c)) ctx.addIssue({ code: 'custom', path: [...path, 'choices', i], message: `choice "${c}" appears twice` })
    seen.add(c)
  })
}

function unique(ctx: Ctx, values: (string | undefined)[], path: (i: number) => (string | number)[], what: string): void {
  const seen = new Set<string>()
  values.forEach((v, i) => {
    if (v === undefined) return
    if (seen.has(v)) ctx.addIssue({ code: 'custom', path: path(i), message: `duplicate ${what} "${v}"` })
    seen.add(v)
  })
}

export const LessonSchema = LessonBase.superRefine((lesson, ctx) => {
  const ex = lesson.exercise
  unique(ctx, lesson.objectives.map((o) => o.id), (i) => ['objectives', i, 'id'], 'objective id')
  unique(ctx, lesson.steps.map((s) => s.id), (i) => ['steps', i, 'id'], 'step id')
  unique(ctx, (lesson.ordering ?? []).map((o) => o.id), (i) => ['ordering', i, 'id'], 'ordering id')
  unique(ctx, lesson.glossary ?? [], (i) => ['glossary', i], 'glossary term')
  unique(ctx, (lesson.projects ?? []).map((p) => p.name), (i) => ['projects', i, 'name'], 'project name')
  lesson.objectives.forEach((o, i) => {
    const parsed = parseObjective(o.check)
    if (!parsed.ok) ctx.addIssue({ code: 'custom', path: ['objectives', i, 'check'], message: `the check does not parse: ${parsed.error.message}` })
  })
  const objectiveIds = new Set(lesson.objectives.map((o) => o.id))
  lesson.hints.forEach((h, i) => {
    if (h.objective !== undefined && !objectiveIds.has(h.objective)) ctx.addIssue({ code: 'custom', path: ['hints', i, 'objective'], message: `no objective has the id "${h.objective}"` })
  })
  lesson.start.forEach((line, i) => checkCommand(ctx, line, ['start', i], ex, false))
  lesson.steps.forEach((s, i) => {
    s.commands?.forEach((line, j) => checkCommand(ctx, line, ['steps', i, 'commands', j], ex, true))
    if (s.predict) checkChoice(ctx, s.predict, ['steps', i, 'predict'])
  })
  lesson.solution.forEach((line, i) => checkCommand(ctx, line, ['solution', i], ex, true))
  lesson.quiz?.forEach((q, i) => checkChoice(ctx, q, ['quiz', i]))
  if (!ex) {
    if ((lesson.quiz?.length ?? 0) < 3) ctx.addIssue({ code: 'custom', path: ['quiz'], message: `a lesson needs a quiz of 3 to 5 questions (it has ${lesson.quiz?.length ?? 0})` })
    if ((lesson.flashcards?.length ?? 0) < 1) ctx.addIssue({ code: 'custom', path: ['flashcards'], message: 'a lesson needs at least one flashcard' })
  } else if (lesson.quiz && lesson.quiz.length > 0 && lesson.quiz.length < 3) {
    ctx.addIssue({ code: 'custom', path: ['quiz'], message: `a quiz has 3 to 5 questions (it has ${lesson.quiz.length})` })
  }
  lesson.ordering?.forEach((o, i) => unique(ctx, o.items, (j) => ['ordering', i, 'items', j], 'item'))
  lesson.projects?.forEach((p, i) => {
    if (BUILT_IN_PROJECTS.includes(p.name)) ctx.addIssue({ code: 'custom', path: ['projects', i, 'name'], message: `"${p.name}" is a built-in project: give the lesson's project another name` })
    unique(ctx, p.files.map((file) => file.path), (j) => ['projects', i, 'files', j, 'path'], 'file path')
  })
}).meta({ title: 'Stacklab lesson (stacklab.lesson/1)', description: 'A lesson or workshop exercise for Stacklab. See docs/lessons.md.' })

export type Lesson = z.infer<typeof LessonSchema>
export type LessonStep = z.infer<typeof StepSchema>
export type LessonObjective = z.infer<typeof ObjectiveSchema>
export type Exercise = z.infer<typeof ExerciseSchema>
export type Predict = z.infer<typeof PredictSchema>
export type ProjectDef = z.infer<typeof ProjectSchema>

// ------------------------------------------------------------------------------------------------- results

const isoTime = z.iso.datetime({ offset: true, error: 'a time such as 2025-03-01T10:15:00Z' })

export const LogEntrySchema = z.strictObject({
  atMs: z.int().min(0).max(LIMITS.virtualMs).meta({ description: 'virtual time the line ran at, ms' }),
  line: command
})

export const ObjectiveClaimSchema = z.strictObject({
  id: id('an objective id'),
  status: z.enum(['met', 'not-met']),
  atMs: z.int().min(0).max(LIMITS.virtualMs).optional().meta({ description: 'virtual time it was first met' }),
  after: z.int().min(0).max(LIMITS.logEntries).optional().meta({ description: 'how many log entries had run when it was first met' })
})

export const ResultSchema = z.strictObject({
  schema: z.literal(RESULT_SCHEMA),
  lesson: z.strictObject({
    id: id('the lesson id'),
    language: z.string().regex(/^[a-z]{2,3}(?:-[A-Z]{2})?$/),
    title: text(120, 'the title'),
    hash: z.string().regex(/^[0-9a-f]{64}$/, { error: 'the lesson hash is 64 hex digits (SHA-256)' })
  }),
  student: text(100, 'the student name'),
  seed: z.int().min(0).max(2_147_483_647),
  startedAt: isoTime,
  finishedAt: isoTime,
  endMs: z.int().min(0).max(LIMITS.virtualMs).meta({ description: 'virtual time when the result was taken' }),
  log: z.array(LogEntrySchema).max(LIMITS.logEntries),
  objectives: z.array(ObjectiveClaimSchema).max(20),
  hintsUsed: z.int().min(0).max(1000),
  showMeUsed: z.boolean(),
  app: z.string().max(100).optional()
}).superRefine((r, ctx) => {
  // times may go back only after a `rewind` line; the replay checks the order, not the schema
  r.log.forEach((e, i) => {
    const parsed = parseLine(e.line)
    if (parsed.kind === 'error') ctx.addIssue({ code: 'custom', path: ['log', i, 'line'], message: `this command line does not parse: ${parsed.message.split('\n')[0]}` })
    else if (parsed.kind === 'empty') ctx.addIssue({ code: 'custom', path: ['log', i, 'line'], message: 'an empty command line' })
  })
  if (Date.parse(r.finishedAt) < Date.parse(r.startedAt)) ctx.addIssue({ code: 'custom', path: ['finishedAt'], message: 'finishedAt is before startedAt' })
  const seen = new Set<string>()
  r.objectives.forEach((o, i) => {
    if (seen.has(o.id)) ctx.addIssue({ code: 'custom', path: ['objectives', i, 'id'], message: `duplicate objective id "${o.id}"` })
    seen.add(o.id)
    if (o.status === 'met' && (o.atMs === undefined || o.after === undefined)) ctx.addIssue({ code: 'custom', path: ['objectives', i], message: 'a met objective needs atMs and after (when it was met)' })
    if (o.after !== undefined && o.after > r.log.length) ctx.addIssue({ code: 'custom', path: ['objectives', i, 'after'], message: `after is ${o.after}, but the log has ${r.log.length} entries` })
  })
}).meta({ title: 'Stacklab result (stacklab.result/1)' })

export type StacklabResult = z.infer<typeof ResultSchema>
export type LogEntry = z.infer<typeof LogEntrySchema>
export type ObjectiveClaim = z.infer<typeof ObjectiveClaimSchema>

// ------------------------------------------------------------------------------------------------ glossary

export const GlossarySchema = z.strictObject({
  schema: z.literal(GLOSSARY_SCHEMA),
  language: z.string().regex(/^[a-z]{2,3}(?:-[A-Z]{2})?$/),
  terms: z.array(z.strictObject({
    id: id('a term id'),
    term: text(100, 'the term'),
    definition: text(1000, 'the definition'),
    seeAlso: z.array(id('a term id')).max(10).optional()
  })).min(1).max(500)
}).superRefine((g, ctx) => {
  const ids = new Set<string>()
  g.terms.forEach((t, i) => {
    if (ids.has(t.id)) ctx.addIssue({ code: 'custom', path: ['terms', i, 'id'], message: `duplicate term id "${t.id}"` })
    ids.add(t.id)
  })
  g.terms.forEach((t, i) => t.seeAlso?.forEach((s, j) => {
    if (!ids.has(s)) ctx.addIssue({ code: 'custom', path: ['terms', i, 'seeAlso', j], message: `no term has the id "${s}"` })
  }))
})

export type Glossary = z.infer<typeof GlossarySchema>

/** The JSON Schema authors' editors use (assets/lessons/lesson.schema.json is this, pretty-printed). */
export function lessonJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(LessonSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>
  return { ...schema, $id: 'https://stacklab.invalid/schemas/lesson-1.json' }
}
