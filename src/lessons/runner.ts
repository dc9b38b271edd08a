// Running a lesson: the start world, a learner's session with objectives that stay met once met, hints, "show me",
// and the headless `runLesson` the checker and tests use. Pure TypeScript over the simulation and the command
// language: the renderer and Node share it.
import { World, runShell, type Report } from '../sim/index.ts'
import { Shell, parseLine, type ShellOutput } from '../cli/Shell.ts'
import { parseObjective, evaluateObjective, type Objective, type ObjectiveResult } from './objectives.ts'
import { EN, type Phrasebook } from './phrases.ts'
import { worldView } from './worldView.ts'
import { commandAllowed } from './allowed.ts'
import { LIMITS, type Lesson, type LogEntry, type ProjectDef, type StacklabResult } from './schema.ts'
import { makeResult } from './result.ts'

export const DEFAULT_SEED = 1

/** Lines that read and change nothing: not written to the log (a replay does not need them). */
const UNLOGGED = new Set(['help', 'clear', 'history', 'report'])

export interface ObjectiveStatus {
  id: string
  text: string
  /** met at some moment of this attempt: objectives stay met once met */
  met: boolean
  /** virtual time it was first met, and how many log entries had run then */
  metAtMs: number | null
  metAfter: number | null
  /** the check against the world as it is now, with the reason per clause */
  now: ObjectiveResult
}

export interface LineOutput extends ShellOutput {
  line: string
  /** set when an exercise does not allow the line: it was not run */
  refused?: string
}

export interface StartWorld { world: World; shell: Shell; startOutputs: LineOutput[] }

/**
 * Add a lesson's project folders to a fresh world so `docker build -t TAG NAME` can read them.
 * The simulation has no command for this yet (see docs/lessons.md, "Projects"), so it goes through the world's
 * public serialize/restore at virtual time 0, before any command ran.
 */
export function installProjects(world: World, projects: readonly ProjectDef[]): void {
  if (projects.length === 0) return
  const state = JSON.parse(world.serialize()) as { projects: ProjectDef[] }
  const names = new Set(projects.map((p) => p.name))
  state.projects = [...state.projects.filter((p) => !names.has(p.name)),
    ...projects.map((p) => ({ name: p.name, files: p.files.map((f) => ({ path: f.path, sizeMb: f.sizeMb, ...(f.text !== undefined && { text: f.text }) })) }))]
  world.restore(JSON.stringify(state))
}

/**
 * A line that would move the clock past `LIMITS.virtualMs` (a long `wait`, `vm exec NAME sleep 1e9`): refused in a
 * session and in a replay, so a result file cannot make a teacher's computer simulate years.
 */
export function tooLong(line: string, clockMs: number, P: Phrasebook = EN): string | null {
  const parsed = parseLine(line)
  if (parsed.kind !== 'sim') return null
  let ms = 0
  if (parsed.command.type === 'wait') ms = parsed.command.ms
  else if (parsed.command.type === 'vm.exec') {
    const dry = runShell(parsed.command.argv, { hostname: 'x', kernel: '6.8', env: [], processes: [], files: {}, reach: () => false, canFork: true })
    ms = dry.durationMs
  }
  return clockMs + ms > LIMITS.virtualMs ? P.tooLong(line.trim(), LIMITS.virtualMs / 3_600_000) : null
}

/** The lesson's start world: the default sandbox with `seed`, the lesson's projects, then its start lines. */
export async function buildStartWorld(lesson: Lesson, seed: number): Promise<StartWorld> {
  const world = new World({ seed })
  installProjects(world, lesson.projects ?? [])
  const setup = new Shell(world)
  const startOutputs: LineOutput[] = []
  for (const line of lesson.start) startOutputs.push({ line, ...(await setup.run(line)) })
  // the learner's terminal starts with an empty history
  return { world, shell: new Shell(world), startOutputs }
}

function parseObjectives(lesson: Lesson): { id: string; text: string; ast: Objective | null; error: string | null }[] {
  return lesson.objectives.map((o) => {
    const p = parseObjective(o.check)
    return { id: o.id, text: o.text, ast: p.ok ? p.objective : null, error: p.ok ? null : p.error.message }
  })
}

/** Evaluate every objective of `lesson` against `world` now. */
export function evaluateLesson(lesson: Lesson, world: World, report: Report = world.report()): { id: string; text: string; result: ObjectiveResult }[] {
  const view = worldView(world)
  return parseObjectives(lesson).map((o) => ({
    id: o.id, text: o.text,
    result: o.ast ? evaluateObjective(o.ast, report, view) : { pass: false, reason: `the check does not parse: ${o.error}`, items: [] }
  }))
}

/**
 * One learner's attempt at a lesson or exercise. Create with `await LessonSession.create(lesson)`; then `run`
 * lines, `advance` time as the app's clock moves, and read `objectives()`. `reset()` and `showMe()` rebuild the
 * world: read `session.world` again after them.
 */
export class LessonSession {
  world!: World
  shell!: Shell
  /** what the learner ran in this attempt, with virtual times: the result's command log */
  log: LogEntry[] = []
  hintsUsed = 0
  showMeUsed = false
  startOutputs: LineOutput[] = []
  private status: ObjectiveStatus[] = []
  private shownHints = new Set<number>()
  private readonly parsed: ReturnType<typeof parseObjectives>
  /** the words the objectives' reasons are made of: the learner's language (set it, then check() again) */
  phrases: Phrasebook = EN

  private constructor(readonly lesson: Lesson, readonly seed: number) {
    this.parsed = parseObjectives(lesson)
  }

  static async create(lesson: Lesson, options: { seed?: number; phrases?: Phrasebook } = {}): Promise<LessonSession> {
    const s = new LessonSession(lesson, options.seed ?? lesson.seed ?? DEFAULT_SEED)
    if (options.phrases) s.phrases = options.phrases
    await s.reset()
    return s
  }

  get isExercise(): boolean { return this.lesson.exercise !== undefined }
  get hintsAvailable(): boolean { return this.lesson.hints.length > 0 && (this.lesson.exercise?.hints ?? true) }
  get showMeAvailable(): boolean { return this.lesson.exercise?.showMe ?? true }

  /** Back to the start world: a new attempt (the log and met objectives are cleared; hints and show-me used stay counted). */
  async reset(): Promise<void> {
    const start = await buildStartWorld(this.lesson, this.seed)
    this.world = start.world
    this.shell = start.shell
    this.startOutputs = start.startOutputs
    this.log = []
    this.status = this.parsed.map((o) => ({ id: o.id, text: o.text, met: false, metAtMs: null, metAfter: null, now: { pass: false, reason: '', items: [] } }))
    this.check()
  }

  /** Is this line allowed here? null when it is, else the reason. */
  refusal(line: string): string | null {
    const ex = this.lesson.exercise
    const kind = parseLine(line).kind
    if (kind === 'error' || kind === 'empty') return null // the shell answers these itself; they change nothing
    if (ex && !commandAllowed(line, ex.allowedCommands)) return this.phrases.notAllowed(line.trim(), ex.allowedCommands.join(', '))
    return tooLong(line, this.world.clockMs, this.phrases)
  }

  /** Run one line as the learner typed or clicked it, then check the objectives. */
  async run(line: string): Promise<LineOutput> {
    const refused = this.refusal(line)
    if (refused) return { line, stdout: '', stderr: refused + '\n', exitCode: 126, refused }
    const parsed = parseLine(line)
    const atMs = this.world.clockMs
    const out = await this.shell.run(line)
    const head = parsed.kind === 'shell' ? parsed.words[0] : parsed.kind === 'sim' ? parsed.command.type : null
    if (parsed.kind !== 'empty' && parsed.kind !== 'error' && !UNLOGGED.has(head ?? '') && this.log.length < LIMITS.logEntries) {
      this.log.push({ atMs, line: line.trim() })
    }
    this.check()
    return { line, ...out }
  }

  /** Let virtual time pass (the app calls this as its clock runs), then check the objectives. */
  advance(ms: number): ObjectiveStatus[] {
    const room = Math.max(0, LIMITS.virtualMs - this.world.clockMs)
    if (ms > 0) this.world.step(Math.min(ms, room))
    return this.check()
  }

  /** Evaluate every objective now; an objective met for the first time records when. */
  check(): ObjectiveStatus[] {
    const report = this.world.report()
    const view = worldView(this.world)
    this.status = this.status.map((s, i) => {
      const p = this.parsed[i]!
      const now = p.ast ? evaluateObjective(p.ast, report, view, this.phrases) : { pass: false, reason: this.phrases.doesNotParse(p.error ?? ''), items: [] }
      if (!s.met && now.pass) return { ...s, now, met: true, metAtMs: this.world.clockMs, metAfter: this.log.length }
      return { ...s, now }
    })
    return this.objectives()
  }

  objectives(): ObjectiveStatus[] {
    return this.status.map((s) => ({ ...s }))
  }

  get complete(): boolean {
    return this.status.every((s) => s.met)
  }

  /** Picks up hints shown in an earlier visit (an autosave): they are not shown again, and they count. */
  restoreHints(shown: readonly number[], used: number): { index: number; text: string; objective?: string }[] {
    const hints = this.lesson.hints
    const valid = shown.filter((i) => i >= 0 && i < hints.length && !this.shownHints.has(i))
    for (const i of valid) this.shownHints.add(i)
    this.hintsUsed = Math.max(this.hintsUsed, used, this.shownHints.size)
    return valid.map((i) => ({ index: i, text: hints[i]!.text, ...(hints[i]!.objective !== undefined && { objective: hints[i]!.objective }) }))
  }

  /** The next hint: first one for an objective not met yet, then general ones; null when none is left (or hints are off). */
  nextHint(): { index: number; text: string; objective?: string } | null {
    if (!this.hintsAvailable) return null
    const hints = this.lesson.hints
    const unmet = new Set(this.status.filter((s) => !s.met).map((s) => s.id))
    const order = [...hints.keys()].filter((i) => !this.shownHints.has(i))
    const pick = order.find((i) => hints[i]!.objective !== undefined && unmet.has(hints[i]!.objective!)) ?? order.find((i) => hints[i]!.objective === undefined)
    if (pick === undefined) return null
    this.shownHints.add(pick)
    this.hintsUsed += 1
    const h = hints[pick]!
    return { index: pick, text: h.text, ...(h.objective !== undefined && { objective: h.objective }) }
  }

  /** "Show me": back to the start and play the solution (the app asks for confirmation first). */
  async showMe(onLine?: (out: LineOutput) => void): Promise<LineOutput[] | { refused: string }> {
    if (!this.showMeAvailable) return { refused: 'this exercise does not offer "show me"' }
    this.showMeUsed = true
    await this.reset()
    const outs: LineOutput[] = []
    for (const line of this.lesson.solution) {
      const out = await this.run(line)
      outs.push(out)
      onLine?.(out)
    }
    return outs
  }

  /** This attempt as a result file (`stacklab.result/1`); times are wall-clock ISO strings the app supplies. */
  result(student: string, times: { startedAt: string; finishedAt: string }, app?: string): StacklabResult {
    return makeResult({
      lesson: this.lesson, student, seed: this.seed, startedAt: times.startedAt, finishedAt: times.finishedAt,
      endMs: this.world.clockMs, log: this.log, hintsUsed: this.hintsUsed, showMeUsed: this.showMeUsed,
      objectives: this.status.map((s) => ({ id: s.id, met: s.met, atMs: s.metAtMs, after: s.metAfter })),
      ...(app !== undefined && { app })
    })
  }
}

export interface LessonRun {
  /** the objectives after the start world, before any line ran */
  atStart: ObjectiveStatus[]
  /** after every line: met (at some point) and now */
  objectives: ObjectiveStatus[]
  outputs: LineOutput[]
  startOutputs: LineOutput[]
  report: Report
  session: LessonSession
}

/** Headless: the start world with `seed`, then `lines` in order (`wait` lines let time pass). */
export async function runLesson(lesson: Lesson, lines: readonly string[], seed: number = lesson.seed ?? DEFAULT_SEED): Promise<LessonRun> {
  const session = await LessonSession.create(lesson, { seed })
  const atStart = session.objectives()
  const outputs: LineOutput[] = []
  for (const line of lines) outputs.push(await session.run(line))
  return { atStart, objectives: session.objectives(), outputs, startOutputs: session.startOutputs, report: session.world.report(), session }
}
