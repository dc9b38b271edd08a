// The lesson player's wiring: the built-in course (bundled from assets/lessons), the learner's LessonSession on
// the stage, progress per profile, workshop files (exercises, results, the class table) and presenter mode.
// A session builds its own World and Shell: the controller shows them (SimController.adoptWorld), routes every
// typed or clicked line through the session (SimController.lineRunner, so it is logged, checked and, in an
// exercise, refused when not allowed), and re-checks the objectives whenever the app's clock moves.
import {
  LessonSession, phrasebook, buildCatalog, classTable, classTableCsv, formatProblem, lessonHash, parseGlossaryText,
  parseLessonText, parseResultText, pickLanguage, renderResultHtml, resultFileName, verifyResult,
  type Catalog, type CatalogEntry, type ClassEntry, type Glossary, type Lesson, type ObjectiveStatus, type StacklabResult
} from '../../../lessons/index.ts'
import type { ShellOutput } from '../../../cli/Shell.ts'
import type { Platform } from '../platform/createPlatform'
import type {
  ActiveLesson, CourseItem, DockView, LessonActions, LessonSnapshot, PresenterState, ShownHint, VerifiedFile, WorkshopState
} from '../ui/lessons/lessonTypes'
import { currentLanguage, i18n, longStrings, stretch, t } from '../i18n'
import type { SimController } from './SimController'
import { ValueStore } from './ValueStore'
import type { LessonPart } from './sandboxSave'
import { ProgressStore } from './progress'
import { isTypingTarget } from './keyboard'

// the course ships inside the build: every lesson, example exercise and glossary as text
const LESSON_TEXTS = import.meta.glob('../../../../assets/lessons/*.json', { eager: true, query: '?raw', import: 'default' }) as Record<string, string>
const EXERCISE_TEXTS = import.meta.glob('../../../../assets/lessons/exercises/*.json', { eager: true, query: '?raw', import: 'default' }) as Record<string, string>
const GLOSSARY_TEXTS = import.meta.glob('../../../../assets/lessons/glossary/*.json', { eager: true, query: '?raw', import: 'default' }) as Record<string, string>

declare global {
  interface Window {
    /** the lesson player, for the Playwright tests (?e2e=1 only) */
    __stacklabLessons?: LessonController
  }
}

const fileName = (path: string): string => path.slice(path.lastIndexOf('/') + 1)

/** Fields of a lesson that are not prose: long-string mode leaves them alone. */
const NOT_PROSE = new Set(['schema', '$schema', 'id', 'language', 'level', 'check', 'commands', 'start', 'solution', 'objective', 'tags', 'glossary', 'projects', 'exercise', 'seeAlso'])

function stretchDeep<T>(value: T, key = ''): T {
  if (NOT_PROSE.has(key)) return value
  if (typeof value === 'string') return stretch(value) as T
  if (Array.isArray(value)) return value.map((v) => stretchDeep(v)) as T
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) out[k] = stretchDeep(v, k)
    return out as T
  }
  return value
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => window.setTimeout(resolve, ms))

/** Gaps between lines played for the learner, so each one lands in the terminal and on the stage visibly. */
const LINE_GAP_MS = 220
const SHOW_ME_GAP_MS = 450
/** how often a live reason's figures may refresh the panel */
const REASON_REFRESH_MS = 300

interface Attempt {
  session: LessonSession
  origin: 'builtin' | 'file'
  fileName: string | null
  entry: CatalogEntry | null
  stepIndex: number
  ranSteps: Set<number>
  predictions: Record<number, number>
  hints: ShownHint[]
  quizAnswers: Record<number, number>
  busy: ActiveLesson['busy']
  refusal: string | null
  startedAt: string
  deadline: number | null
  detached: boolean
  seq: number
  doneRecorded: boolean
}

export class LessonController implements LessonActions {
  readonly store: ValueStore<LessonSnapshot>
  readonly catalog: Catalog
  private readonly glossaries = new Map<string, Glossary>()
  private readonly progress = new ProgressStore()
  private open: boolean
  private view: DockView = 'course'
  private firstRunDismissed = false
  private attempt: Attempt | null = null
  private seq = 0
  /** the learner's own sandbox while a lesson has the stage */
  private stash: { world: SimController['world']; shell: SimController['shell'] } | null = null
  private objectivesKey = ''
  private reasonTimer = 0
  private workshop: WorkshopState
  /** exercise and lesson files opened in this visit: results made on them can be verified */
  private readonly openedLessons: Lesson[] = []
  private classEntries: ClassEntry[] = []
  private readonly classLessons: Lesson[] = []
  private presenter: PresenterState = { stage: false, pointer: false, notes: false, demo: false, demoPhase: 'narrate' }
  private readonly practiceCache = new Map<string, readonly Lesson[]>()
  private readonly disposers: (() => void)[] = []

  constructor(private readonly controller: SimController, private readonly platform: Platform, options: { autoOpen?: boolean } = {}) {
    this.catalog = buildCatalog([
      ...Object.entries(LESSON_TEXTS).filter(([p]) => !p.endsWith('.schema.json')).map(([p, text]) => ({ name: fileName(p), text })),
      ...Object.entries(EXERCISE_TEXTS).map(([p, text]) => ({ name: `exercises/${fileName(p)}`, text }))
    ])
    for (const [p, text] of Object.entries(GLOSSARY_TEXTS)) {
      const g = parseGlossaryText(text, `glossary/${fileName(p)}`)
      if (g.ok) this.glossaries.set(g.value.language, g.value)
      else this.catalog.problems.push(...g.problems)
    }
    this.open = options.autoOpen === false ? readOpen() === true : (readOpen() ?? this.progress.isFirstRun)
    this.workshop = {
      student: readStudent(), rejected: null, lastExport: null, verified: null, classTable: null, classFiles: 0, classLessons: [], busy: false,
      exercises: this.catalog.exercises.map((e) => {
        const l = pickLanguage(e, currentLanguage())
        return { id: e.id, title: l.title, summary: l.summary }
      })
    }
    this.store = new ValueStore<LessonSnapshot>(this.build())
    this.controller.advanceListeners.add(this.onAdvance)
    this.disposers.push(() => this.controller.advanceListeners.delete(this.onAdvance))
    this.disposers.push(this.controller.store.subscribe(() => this.watchWorld()))
    const onLanguage = (): void => {
      // the objectives' reasons follow the UI language
      const a = this.attempt
      if (a) {
        a.session.phrases = phrasebook(currentLanguage())
        a.session.check()
      }
      this.publish()
    }
    i18n.on('languageChanged', onLanguage)
    this.disposers.push(() => i18n.off('languageChanged', onLanguage))
    window.addEventListener('keydown', this.onKeyDown, true)
    this.disposers.push(() => window.removeEventListener('keydown', this.onKeyDown, true))
    if (new URLSearchParams(window.location.search).get('e2e') === '1') window.__stacklabLessons = this
    // the autosave keeps the learner's own sandbox (not the lesson's world) and the lesson in progress
    this.controller.autosaveSource = {
      sandbox: () => (this.attempt && !this.attempt.detached ? this.stash : null),
      lesson: () => this.lessonSave()
    }
    this.disposers.push(() => { this.controller.autosaveSource = null })
  }

  /** The lesson in progress, as the autosave keeps it: enough to rebuild it by replaying the learner's log. */
  private lessonSave(): LessonPart | null {
    const a = this.attempt
    if (!a || a.detached) return null
    const s = a.session
    return {
      lesson: s.lesson, origin: a.origin, fileName: a.fileName, seed: s.seed, log: s.log.map((e) => ({ ...e })),
      clockMs: s.world.clockMs, stepIndex: a.stepIndex, hints: a.hints.map((h) => h.index), hintsUsed: s.hintsUsed,
      showMeUsed: s.showMeUsed, startedAt: a.startedAt, ranSteps: [...a.ranSteps], predictions: { ...a.predictions }
    }
  }

  /** After a restart: the lesson that was open when the autosave was written, rebuilt by replaying its log (the
   * simulation is deterministic, so it is the same world). A log that no longer replays leaves the sandbox as it is. */
  private async resumeSaved(saved: LessonPart): Promise<void> {
    const entry = saved.origin === 'builtin'
      ? [...this.catalog.lessons, ...this.catalog.exercises].find((e) => e.id === saved.lesson.id) ?? null
      : null
    if (saved.origin === 'file') this.openedLessons.push(saved.lesson)
    try {
      await this.begin(saved.lesson, saved.origin, saved.fileName, entry, saved.seed)
      const a = this.attempt!
      const session = a.session
      for (const item of saved.log) {
        if (item.atMs > session.world.clockMs) session.advance(item.atMs - session.world.clockMs)
        const out = await session.run(item.line)
        if (out.refused) throw new Error(out.refused)
      }
      if (saved.clockMs > session.world.clockMs) session.advance(saved.clockMs - session.world.clockMs)
      session.showMeUsed = saved.showMeUsed
      a.hints = session.restoreHints(saved.hints, saved.hintsUsed)
      a.startedAt = saved.startedAt
      // the log cannot say which lines came from a step's button, so the steps run are kept as they were
      a.ranSteps = new Set(saved.ranSteps ?? [])
      // and the answers committed, so a step that asked for a prediction does not ask (and run) again
      a.predictions = Object.fromEntries(Object.entries(saved.predictions ?? {}).map(([index, choice]) => [Number(index), choice]))
      const limit = saved.lesson.exercise?.timeLimitMinutes
      a.deadline = limit ? Date.parse(saved.startedAt) + limit * 60_000 : null
      this.goToStep(saved.stepIndex)
      this.controller.notify('info', t('panels.autosave.lessonResumed', { title: saved.lesson.title }))
    } catch (error) {
      this.leaveLesson()
      this.controller.notify('warning', t('panels.autosave.lessonLost', { reason: error instanceof Error ? error.message : String(error) }))
    }
    this.publish()
  }

  dispose(): void {
    for (const d of this.disposers.splice(0)) d()
    window.clearTimeout(this.reasonTimer)
    if (this.controller.lineRunner === this.runThrough) this.controller.lineRunner = null
    document.documentElement.removeAttribute('data-stage')
  }

  /** Launch options: `?lesson=ID` opens a lesson, `?demo=1` steps it as a presenter, `?stage=1` the stage view. */
  async applyLaunchOptions(params: URLSearchParams): Promise<void> {
    // a lesson asked for at launch wins over the one the autosave had open
    const saved = this.controller.takePendingLesson()
    if (saved && !params.get('lesson')) await this.resumeSaved(saved)
    if (params.get('stage') === '1') this.setPresenter({ stage: true })
    if (params.get('pointer') === '1') this.setPresenter({ pointer: true })
    if (params.get('learn') === '1') this.setOpen(true)
    const id = params.get('lesson')
    if (id) {
      const found = this.catalog.lessons.some((e) => e.id === id) || this.catalog.exercises.some((e) => e.id === id)
      if (!found) {
        this.controller.notify('error', t('lessons.launchUnknown', { id }))
        return
      }
      if (this.catalog.lessons.some((e) => e.id === id)) await this.startLesson(id)
      else await this.startBuiltinExercise(id)
      if (params.get('demo') === '1') this.setPresenter({ demo: true })
    }
  }

  // ---- the dock --------------------------------------------------------------------------------------------

  setOpen(open: boolean): void {
    this.open = open
    writeOpen(open)
    this.publish()
  }

  setView(view: DockView): void {
    this.view = view
    if (!this.open) { this.open = true; writeOpen(true) }
    this.publish()
  }

  dismissFirstRun(): void {
    this.firstRunDismissed = true
    this.progress.update((p) => { p.firstRunDone = true })
    this.publish()
  }

  // ---- lessons ---------------------------------------------------------------------------------------------

  async startLesson(id: string): Promise<void> {
    const entry = this.catalog.lessons.find((e) => e.id === id)
    if (!entry) return
    const lesson = pickLanguage(entry, currentLanguage())
    await this.begin(lesson, 'builtin', null, entry)
    this.progress.update((p) => {
      const prev = p.lessons[id]
      p.lessons[id] = { ...prev, status: prev?.status === 'done' ? 'done' : 'started', step: 0 }
      p.firstRunDone = true
    })
    this.publish()
  }

  async startBuiltinExercise(id: string): Promise<void> {
    const entry = this.catalog.exercises.find((e) => e.id === id)
    if (!entry) return
    await this.begin(pickLanguage(entry, currentLanguage()), 'builtin', null, entry)
    this.view = 'workshop'
    this.publish()
  }

  private async begin(lesson: Lesson, origin: Attempt['origin'], file: string | null, entry: CatalogEntry | null, seed?: number): Promise<void> {
    const session = await LessonSession.create(lesson, { phrases: phrasebook(currentLanguage()), ...(seed !== undefined && { seed }) })
    // the sandbox on the stage now is the learner's own unless a lesson still holds it
    if (!this.attempt || this.attempt.detached) this.stash = { world: this.controller.world, shell: this.controller.shell }
    const timeLimit = lesson.exercise?.timeLimitMinutes
    this.attempt = {
      session, origin, fileName: file, entry, stepIndex: 0, ranSteps: new Set(), predictions: {}, hints: [], quizAnswers: {},
      busy: 'idle', refusal: null, startedAt: new Date().toISOString(), deadline: timeLimit ? Date.now() + timeLimit * 60_000 : null,
      detached: false, seq: ++this.seq, doneRecorded: false
    }
    this.presenter = { ...this.presenter, demoPhase: 'narrate' }
    this.controller.lineRunner = this.runThrough
    this.controller.adoptWorld(session.world, session.shell, `# ${t(lesson.exercise ? 'lessons.terminalExercise' : 'lessons.terminalLesson', { title: lesson.title })}`)
    this.objectivesKey = ''
    this.open = true
    this.view = lesson.exercise ? 'workshop' : 'lesson'
    this.publish()
  }

  leaveLesson(): void {
    const a = this.attempt
    if (!a) return
    this.attempt = null
    if (this.controller.lineRunner === this.runThrough) this.controller.lineRunner = null
    if (this.stash && !a.detached) {
      this.controller.adoptWorld(this.stash.world, this.stash.shell, `# ${t('lessons.terminalBack')}`)
    }
    this.stash = null
    this.presenter = { ...this.presenter, demo: false, demoPhase: 'narrate' }
    this.view = a.session.isExercise ? 'workshop' : 'course'
    this.publish()
  }

  goToStep(index: number): void {
    const a = this.attempt
    if (!a) return
    const last = a.session.lesson.steps.length + (this.hasQuiz(a) ? 0 : -1)
    a.stepIndex = Math.max(0, Math.min(last, index))
    this.presenter = { ...this.presenter, demoPhase: a.ranSteps.has(a.stepIndex) ? 'revealed' : 'narrate' }
    if (a.origin === 'builtin' && !a.session.isExercise) {
      const id = a.session.lesson.id
      this.progress.update((p) => { const prev = p.lessons[id]; if (prev) p.lessons[id] = { ...prev, step: a.stepIndex } })
    }
    this.publish()
  }

  async runCommand(line: string): Promise<void> {
    const a = this.live()
    if (!a || a.busy !== 'idle') return
    a.busy = 'running'
    this.publish()
    try {
      await this.controller.runLine(line, 'ui')
    } finally {
      a.busy = 'idle'
      this.publish()
    }
  }

  async runStep(index: number): Promise<void> {
    const a = this.live()
    if (!a || a.busy !== 'idle') return
    const step = a.session.lesson.steps[index]
    if (!step) return
    if (step.predict && a.predictions[index] === undefined && !this.presenter.demo) return // commit first
    a.busy = 'running'
    this.publish()
    try {
      for (const [i, line] of (step.commands ?? []).entries()) {
        if (this.attempt !== a) return
        if (i > 0) await delay(LINE_GAP_MS)
        await this.controller.runLine(line, 'ui')
      }
      a.ranSteps.add(index)
    } finally {
      a.busy = 'idle'
      this.publish()
    }
  }

  async commitPrediction(stepIndex: number, choice: number): Promise<void> {
    const a = this.live()
    if (!a || a.predictions[stepIndex] !== undefined) return
    a.predictions = { ...a.predictions, [stepIndex]: choice }
    this.publish()
    await this.runStep(stepIndex)
  }

  nextHint(): void {
    const a = this.live()
    if (!a) return
    const hint = a.session.nextHint()
    if (!hint) return
    a.hints = [...a.hints, hint]
    this.publish()
  }

  async showMe(): Promise<void> {
    const a = this.live()
    if (!a || !a.session.showMeAvailable || a.busy !== 'idle') return
    a.busy = 'showing'
    this.publish()
    try {
      await a.session.reset()
      a.session.showMeUsed = true
      a.ranSteps = new Set()
      a.refusal = null
      this.controller.adoptWorld(a.session.world, a.session.shell, `# ${t('lessons.terminalShowMe')}`)
      for (const [i, line] of a.session.lesson.solution.entries()) {
        if (this.attempt !== a) return
        if (i > 0) await delay(SHOW_ME_GAP_MS)
        await this.controller.runLine(line, 'ui')
      }
    } finally {
      a.busy = 'idle'
      this.objectivesKey = ''
      this.publish()
    }
  }

  async resetAttempt(): Promise<void> {
    const a = this.attempt
    if (!a || a.busy !== 'idle') return
    await a.session.reset()
    // after Reset all or a scenario took the stage, what is there now is the sandbox to come back to
    if (a.detached) this.stash = { world: this.controller.world, shell: this.controller.shell }
    a.ranSteps = new Set()
    a.refusal = null
    a.detached = false
    a.seq = ++this.seq
    this.controller.lineRunner = this.runThrough
    this.controller.adoptWorld(a.session.world, a.session.shell, `# ${t('lessons.terminalReset', { title: a.session.lesson.title })}`)
    this.objectivesKey = ''
    this.publish()
  }

  answerQuiz(index: number, choice: number): void {
    const a = this.attempt
    if (!a || a.quizAnswers[index] !== undefined) return
    a.quizAnswers = { ...a.quizAnswers, [index]: choice }
    this.recordDone(a)
    this.publish()
  }

  private hasQuiz(a: Attempt): boolean {
    return (a.session.lesson.quiz?.length ?? 0) > 0
  }

  private quizDone(a: Attempt): boolean {
    const quiz = a.session.lesson.quiz ?? []
    return quiz.every((_, i) => a.quizAnswers[i] !== undefined)
  }

  /** A lesson is done when every objective was met and every quiz question answered. */
  private recordDone(a: Attempt): void {
    if (a.doneRecorded || !a.session.complete || !this.quizDone(a) || a.origin !== 'builtin' || a.session.isExercise) return
    a.doneRecorded = true
    const quiz = a.session.lesson.quiz ?? []
    const score = quiz.filter((q, i) => a.quizAnswers[i] === q.answer).length
    const id = a.session.lesson.id
    this.progress.update((p) => {
      p.lessons[id] = { status: 'done', step: a.stepIndex, quizScore: score, quizTotal: quiz.length, completedAt: new Date().toISOString() }
    })
  }

  /** The attempt, if its world is still the one on the stage. */
  private live(): Attempt | null {
    const a = this.attempt
    if (!a) return null
    this.watchWorld()
    return a.detached ? null : a
  }

  /** Every line typed in the terminal or clicked goes through the session while a lesson has the stage. */
  private readonly runThrough = async (line: string): Promise<ShellOutput> => {
    const a = this.attempt
    if (!a || a.detached || this.controller.world !== a.session.world) {
      this.watchWorld()
      return this.controller.shell.run(line)
    }
    const out = await a.session.run(line)
    if (out.refused) {
      a.refusal = out.refused
      this.publish()
    } else if (a.refusal) {
      a.refusal = null
      this.publish()
    }
    this.afterCheck(a)
    const { line: _line, refused: _refused, ...rest } = out
    return rest
  }

  private readonly onAdvance = (): void => {
    const a = this.attempt
    if (!a || a.detached || this.controller.world !== a.session.world) return
    a.session.check()
    this.afterCheck(a)
  }

  private afterCheck(a: Attempt): void {
    const objectives = a.session.objectives()
    const met = objectives.map((o) => `${o.met ? 1 : 0}${o.now.pass ? 1 : 0}`).join('')
    const key = `${met}|${objectives.map((o) => o.now.reason).join('|')}`
    if (key === this.objectivesKey) return
    const metChanged = met !== this.objectivesKey.split('|')[0]
    this.objectivesKey = key
    this.recordDone(a)
    // a tick or a check now; a reason that only changes its figures (memory used, CPU) at most a few times a second
    if (metChanged) this.publish()
    else if (this.reasonTimer === 0) {
      this.reasonTimer = window.setTimeout(() => {
        this.reasonTimer = 0
        this.publish()
      }, REASON_REFRESH_MS)
    }
  }

  /** Reset all, a scenario or an autosave replaced the lesson's world: the lesson lets go of the stage. */
  private watchWorld(): void {
    const a = this.attempt
    if (!a || a.detached || this.controller.world === a.session.world) return
    a.detached = true
    if (this.controller.lineRunner === this.runThrough) this.controller.lineRunner = null
    this.stash = null
    this.publish()
  }

  // ---- practice and progress --------------------------------------------------------------------------------

  markFlashcard(lessonId: string, index: number, known: boolean): void {
    this.progress.update((p) => {
      const set = new Set(p.flashcards[lessonId] ?? [])
      if (known) set.add(index)
      else set.delete(index)
      p.flashcards[lessonId] = [...set].sort((x, y) => x - y)
    })
    this.publish()
  }

  markOrderingSolved(key: string): void {
    this.progress.update((p) => { if (!p.ordering.includes(key)) p.ordering.push(key) })
    this.publish()
  }

  switchProfile(name: string): void {
    this.progress.switchTo(name)
    this.firstRunDismissed = false
    this.publish()
  }

  async exportProgress(): Promise<void> {
    const name = `stacklab-progress-${slug(this.progress.profile)}.json`
    await this.save(name, this.progress.exportText())
  }

  async importProgress(): Promise<void> {
    const file = await this.openFile()
    if (!file) return
    const r = this.progress.importText(file.text)
    if (r.ok) this.controller.notify('info', t('progress.imported', { file: file.name, profile: r.profile }))
    else this.controller.notify('error', t('progress.importFailed', { file: file.name, message: r.message }))
    this.publish()
  }

  resetProgress(): void {
    this.progress.resetCurrent()
    this.controller.notify('info', t('progress.resetDone', { profile: this.progress.profile }))
    this.publish()
  }

  // ---- workshops ------------------------------------------------------------------------------------------

  async openExerciseFile(): Promise<void> {
    const file = await this.openFile()
    if (!file) return
    const parsed = parseLessonText(file.text, file.name)
    if (!parsed.ok) {
      // rejected: the sandbox and any lesson in progress stay exactly as they were
      this.workshop = { ...this.workshop, rejected: { file: file.name, problems: parsed.problems.map(formatProblem) } }
      this.view = 'workshop'
      this.controller.notify('error', t('workshop.rejectedNotice', { file: file.name, count: parsed.problems.length }))
      this.publish()
      return
    }
    this.workshop = { ...this.workshop, rejected: null, lastExport: null }
    this.remember(parsed.value)
    await this.begin(parsed.value, 'file', file.name, null)
    this.controller.notify('info', t('workshop.opened', { file: file.name }))
  }

  setStudent(name: string): void {
    this.workshop = { ...this.workshop, student: name.slice(0, 100) }
    writeStudent(this.workshop.student)
    this.publish()
  }

  async exportResult(): Promise<void> {
    const a = this.attempt
    if (!a) return
    const student = this.workshop.student.trim()
    if (!student) {
      this.controller.notify('error', t('workshop.needName'))
      return
    }
    const result = a.session.result(student, { startedAt: a.startedAt, finishedAt: new Date().toISOString() }, 'Stacklab')
    const json = resultFileName(result)
    const html = json.replace(/\.json$/, '.html')
    this.remember(a.session.lesson)
    const savedJson = await this.save(json, JSON.stringify(result, null, 2) + '\n')
    if (!savedJson) return
    await this.save(html, renderResultHtml(result, a.session.lesson, { labels: htmlLabels() }))
    this.workshop = { ...this.workshop, lastExport: { json, html } }
    this.publish()
  }

  async verifyResultFile(): Promise<void> {
    const file = await this.openFile()
    if (!file) return
    this.workshop = { ...this.workshop, busy: true }
    this.publish()
    try {
      this.workshop = { ...this.workshop, verified: await this.verifyText(file.name, file.text) }
    } finally {
      this.workshop = { ...this.workshop, busy: false }
      this.view = 'workshop'
      this.publish()
    }
  }

  private async verifyText(name: string, text: string): Promise<VerifiedFile> {
    const parsed = parseResultText(text, name)
    if (!parsed.ok) return { file: name, student: null, lessonTitle: null, verification: null, error: t('workshop.unreadable'), problems: parsed.problems.map(formatProblem) }
    const result = parsed.value
    const lesson = this.findLesson(result)
    if (!lesson) {
      return { file: name, student: result.student, lessonTitle: result.lesson.title, verification: null, problems: [],
        error: t('workshop.lessonUnknown', { id: result.lesson.id, language: result.lesson.language }) }
    }
    return { file: name, student: result.student, lessonTitle: lesson.title, verification: await verifyResult(result, lesson, phrasebook(currentLanguage())), error: null, problems: [] }
  }

  /** The lesson a result was made on: same id and language, the same content when possible. */
  private findLesson(result: StacklabResult): Lesson | null {
    const candidates: Lesson[] = [
      ...this.openedLessons, ...this.classLessons,
      ...[...this.catalog.lessons, ...this.catalog.exercises].flatMap((e) => Object.values(e.languages))
    ].filter((l) => l.id === result.lesson.id && l.language === result.lesson.language)
    return candidates.find((l) => lessonHash(l) === result.lesson.hash) ?? candidates[0] ?? null
  }

  private remember(lesson: Lesson): void {
    if (!this.openedLessons.includes(lesson)) this.openedLessons.push(lesson)
  }

  async addClassFiles(files: readonly { name: string; text: string }[]): Promise<void> {
    this.workshop = { ...this.workshop, busy: true }
    this.publish()
    try {
      const results: { name: string; text: string }[] = []
      for (const f of files) {
        if (schemaOf(f.text).startsWith('stacklab.lesson')) {
          const l = parseLessonText(f.text, f.name)
          if (l.ok) this.classLessons.push(l.value)
          else this.classEntries.push({ file: f.name, problems: l.problems })
        } else results.push(f)
      }
      for (const f of results) {
        const r = parseResultText(f.text, f.name)
        if (!r.ok) { this.classEntries.push({ file: f.name, problems: r.problems }); continue }
        this.classEntries.push({ file: f.name, result: r.value })
      }
      // verify every result whose lesson is known now (a lesson file may have come with this batch)
      this.classEntries = await Promise.all(this.classEntries.map(async (e) => {
        if (!e.result || e.verification) return e
        const lesson = this.findLesson(e.result)
        return lesson ? { ...e, verification: await verifyResult(e.result, lesson, phrasebook(currentLanguage())) } : e
      }))
      this.refreshClass()
    } finally {
      this.workshop = { ...this.workshop, busy: false }
      this.publish()
    }
  }

  clearClass(): void {
    this.classEntries = []
    this.classLessons.length = 0
    this.refreshClass()
    this.publish()
  }

  async exportClassCsv(): Promise<void> {
    if (!this.workshop.classTable) return
    await this.save('stacklab-class.csv', classTableCsv(this.workshop.classTable))
  }

  private refreshClass(): void {
    const lessons = [...this.openedLessons, ...this.classLessons, ...[...this.catalog.lessons, ...this.catalog.exercises].flatMap((e) => Object.values(e.languages))]
    this.workshop = {
      ...this.workshop,
      classTable: this.classEntries.length ? classTable(this.classEntries, lessons) : null,
      classFiles: this.classEntries.length,
      classLessons: this.classLessons.map((l) => l.title)
    }
  }

  // ---- presenter -------------------------------------------------------------------------------------------

  setPresenter(patch: Partial<Pick<PresenterState, 'stage' | 'pointer' | 'notes' | 'demo'>>): void {
    this.presenter = { ...this.presenter, ...patch }
    if (patch.demo) this.presenter = { ...this.presenter, demoPhase: this.attempt?.ranSteps.has(this.attempt.stepIndex) ? 'revealed' : 'narrate' }
    if (patch.stage !== undefined) {
      if (patch.stage) document.documentElement.dataset['stage'] = 'true'
      else document.documentElement.removeAttribute('data-stage')
    }
    this.publish()
  }

  /** One press of → or PageDown in the demo: ask the step's question, then run and reveal it, then the next step. */
  async demoNext(): Promise<void> {
    const a = this.live()
    if (!a || a.busy !== 'idle') return
    const steps = a.session.lesson.steps
    const step = steps[a.stepIndex]
    if (!step) { this.goToStep(a.stepIndex + 1); return }
    const phase = this.presenter.demoPhase
    if (phase === 'narrate' && step.predict) {
      this.presenter = { ...this.presenter, demoPhase: 'question' }
      this.publish()
      return
    }
    if (phase !== 'revealed' && (step.commands?.length || step.predict)) {
      this.presenter = { ...this.presenter, demoPhase: 'revealed' }
      this.publish()
      if (!a.ranSteps.has(a.stepIndex)) await this.runStep(a.stepIndex)
      return
    }
    if (a.stepIndex < steps.length - 1 || this.hasQuiz(a)) this.goToStep(a.stepIndex + 1)
  }

  demoBack(): void {
    const a = this.attempt
    if (!a || a.stepIndex === 0) return
    this.goToStep(a.stepIndex - 1)
  }

  /** → and PageDown (a presenter's clicker) step the demo; never while typing or in a dialog. */
  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (!this.presenter.demo || !this.attempt || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return
    if (isTypingTarget(event.target) || document.querySelector('dialog[open]')) return
    const forward = event.key === 'ArrowRight' || event.key === 'PageDown'
    const back = event.key === 'ArrowLeft' || event.key === 'PageUp'
    if (!forward && !back) return
    // arrows belong to a focused tab list, list box or radio group; a clicker's PageDown/PageUp always steps
    const arrow = event.key === 'ArrowRight' || event.key === 'ArrowLeft'
    if (arrow && event.target instanceof Element && event.target.closest('[role="tablist"], [role="listbox"], [role="radiogroup"]')) return
    event.preventDefault()
    event.stopPropagation()
    if (forward) void this.demoNext()
    else this.demoBack()
  }

  // ---- files -----------------------------------------------------------------------------------------------

  private async openFile(): Promise<{ name: string; text: string } | null> {
    try {
      return await this.platform.openTextFile({ accept: '.json,application/json' })
    } catch (error) {
      this.controller.notify('error', t('files.openFailed', { message: error instanceof Error ? error.message : String(error) }))
      return null
    }
  }

  private async save(name: string, text: string): Promise<boolean> {
    try {
      const outcome = await this.platform.saveTextFile(name, text)
      if (outcome.status === 'saved') {
        this.controller.notify('info', t('files.saved', { name: outcome.name }))
        return true
      }
      if (outcome.status === 'failed') this.controller.notify('error', t('files.saveFailed', { message: outcome.message }))
      return false
    } catch (error) {
      this.controller.notify('error', t('files.saveFailed', { message: String(error) }))
      return false
    }
  }

  // ---- the snapshot ----------------------------------------------------------------------------------------

  private publish(): void {
    this.store.set(this.build())
  }

  private display(lesson: Lesson): Lesson {
    return longStrings ? stretchDeep(lesson) : lesson
  }

  /** The lesson in the UI language when its translation has the same shape as the session's, else the session's. */
  private shown(a: Attempt): Lesson {
    const own = a.session.lesson
    if (a.entry) {
      const picked = pickLanguage(a.entry, currentLanguage())
      if (picked !== own && sameShape(picked, own)) return this.display(picked)
    }
    return this.display(own)
  }

  private build(): LessonSnapshot {
    const language = currentLanguage()
    const progress = this.progress.current
    const course: CourseItem[] = this.catalog.lessons.map((e) => {
      const l = this.display(pickLanguage(e, language))
      const p = progress.lessons[e.id]
      return { id: e.id, title: l.title, summary: l.summary, level: l.level, minutes: l.minutes, translated: l.language === language, status: p?.status ?? 'new' }
    })
    let practice = this.practiceCache.get(language)
    if (!practice) {
      practice = Object.freeze(this.catalog.lessons.map((e) => this.display(pickLanguage(e, language))))
      this.practiceCache.set(language, practice)
    }
    const glossary = this.glossaries.get(language) ?? this.glossaries.get('en') ?? null
    const exercises = this.catalog.exercises.map((e) => {
      const l = this.display(pickLanguage(e, language))
      return { id: e.id, title: l.title, summary: l.summary }
    })
    return Object.freeze({
      open: this.open,
      view: this.view,
      language,
      firstRun: this.progress.isFirstRun && !this.firstRunDismissed,
      course,
      catalogProblems: this.catalog.problems.map(formatProblem),
      active: this.activeView(),
      workshop: { ...this.workshop, exercises },
      presenter: this.presenter,
      progress: {
        profile: this.progress.profile,
        profiles: this.progress.profiles,
        flashcardsKnown: progress.flashcards,
        orderingSolved: progress.ordering,
        lessonsDone: Object.values(progress.lessons).filter((l) => l.status === 'done').length
      },
      practice,
      glossary: glossary && longStrings ? stretchDeep(glossary) : glossary
    })
  }

  private activeView(): ActiveLesson | null {
    const a = this.attempt
    if (!a) return null
    const s = a.session
    const lesson = this.shown(a)
    const textOf = new Map(lesson.objectives.map((o) => [o.id, o.text]))
    const objectives: ObjectiveStatus[] = s.objectives().map((o) => ({ ...o, text: textOf.get(o.id) ?? o.text }))
    const shownIdx = new Set(a.hints.map((h) => h.index))
    const unmet = new Set(objectives.filter((o) => !o.met).map((o) => o.id))
    const moreHints = s.hintsAvailable && s.lesson.hints.some((h, i) => !shownIdx.has(i) && (h.objective === undefined || unmet.has(h.objective)))
    const quizDone = this.quizDone(a)
    return {
      key: `${a.seq}`,
      lesson,
      sessionLanguage: s.lesson.language,
      origin: a.origin,
      fileName: a.fileName,
      isExercise: s.isExercise,
      stepIndex: a.stepIndex,
      ranSteps: [...a.ranSteps],
      predictions: a.predictions,
      objectives,
      complete: s.complete,
      hints: a.hints.map((h) => ({ ...h, text: lesson.hints[h.index]?.text ?? h.text })),
      hintsAvailable: s.hintsAvailable,
      moreHints,
      showMeAvailable: s.showMeAvailable,
      showMeUsed: s.showMeUsed,
      busy: a.busy,
      quizAnswers: a.quizAnswers,
      quizDone,
      done: s.complete && quizDone,
      allowedCommands: s.lesson.exercise ? [...s.lesson.exercise.allowedCommands] : null,
      deadline: a.deadline,
      startedAt: a.startedAt,
      refusal: a.refusal,
      detached: a.detached
    }
  }

  /** The next lesson in the course after `id`, if any. */
  nextLessonId(id: string): string | null {
    const ids = this.catalog.lessons.map((e) => e.id)
    const i = ids.indexOf(id)
    return i >= 0 && i + 1 < ids.length ? ids[i + 1]! : null
  }
}

/** A translation that keeps the structure (step, objective and hint counts, choices) can be shown for the session's lesson. */
function sameShape(a: Lesson, b: Lesson): boolean {
  return a.steps.length === b.steps.length && a.objectives.length === b.objectives.length && a.hints.length === b.hints.length &&
    a.steps.every((s, i) => (s.commands ?? []).join('\n') === (b.steps[i]!.commands ?? []).join('\n') && (s.predict?.choices.length ?? 0) === (b.steps[i]!.predict?.choices.length ?? 0)) &&
    (a.quiz?.length ?? 0) === (b.quiz?.length ?? 0)
}

function schemaOf(text: string): string {
  try {
    const v = JSON.parse(text) as { schema?: unknown }
    return typeof v?.schema === 'string' ? v.schema : ''
  } catch {
    return ''
  }
}

function slug(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'profile'
}

function htmlLabels(): Record<string, string> {
  const keys = ['heading', 'student', 'lesson', 'started', 'finished', 'seed', 'simulated', 'hints', 'showMe', 'yes', 'no', 'objectives', 'met', 'notMet',
    'atTime', 'verification', 'verified', 'rejected', 'notVerified', 'log', 'time', 'command', 'hash', 'notes']
  return Object.fromEntries(keys.map((k) => [k, t(`report.${k}`)]))
}

function readOpen(): boolean | null {
  try {
    const v = window.localStorage.getItem('stacklab.learn')
    return v === null ? null : v === '1'
  } catch {
    return null
  }
}

function writeOpen(open: boolean): void {
  try {
    window.localStorage.setItem('stacklab.learn', open ? '1' : '0')
  } catch {
    // a convenience only
  }
}

function readStudent(): string {
  try {
    return window.localStorage.getItem('stacklab.student') ?? ''
  } catch {
    return ''
  }
}

function writeStudent(name: string): void {
  try {
    window.localStorage.setItem('stacklab.student', name)
  } catch {
    // a convenience only
  }
}
