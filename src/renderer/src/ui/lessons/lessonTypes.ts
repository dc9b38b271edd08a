// The contract between the lesson panels (ui) and the lesson player's wiring (app/lessonController.ts): one
// frozen snapshot to read and the actions to call. The ui never holds the LessonSession, the World or the platform.
import type { ClassTable, Glossary, Lesson, ObjectiveStatus, StacklabResult, Verification } from '../../../../lessons/index.ts'
import type { ReadableStore } from '../types'

export type DockView = 'course' | 'lesson' | 'practice' | 'workshop' | 'present'

export interface CourseItem {
  readonly id: string
  readonly title: string
  readonly summary: string
  readonly level: Lesson['level']
  readonly minutes: number
  /** the lesson exists in the UI language (else it is shown in English) */
  readonly translated: boolean
  readonly status: 'new' | 'started' | 'done'
}

export interface ShownHint { readonly index: number; readonly text: string; readonly objective?: string }

export interface ActiveLesson {
  /** changes with every new session or attempt, for React keys */
  readonly key: string
  /** the lesson as shown (in the UI language when a translation exists) */
  readonly lesson: Lesson
  /** the language of the lesson the session plays (a result names it) */
  readonly sessionLanguage: string
  readonly origin: 'builtin' | 'file'
  readonly fileName: string | null
  readonly isExercise: boolean
  /** 0 … steps.length - 1 are steps; steps.length is the quiz page */
  readonly stepIndex: number
  readonly ranSteps: readonly number[]
  /** step index → the committed choice */
  readonly predictions: Readonly<Record<number, number>>
  readonly objectives: readonly ObjectiveStatus[]
  readonly complete: boolean
  readonly hints: readonly ShownHint[]
  readonly hintsAvailable: boolean
  readonly moreHints: boolean
  readonly showMeAvailable: boolean
  readonly showMeUsed: boolean
  /** what runs now: nothing, a step's commands, or "show me" */
  readonly busy: 'idle' | 'running' | 'showing'
  readonly quizAnswers: Readonly<Record<number, number>>
  readonly quizDone: boolean
  readonly done: boolean
  readonly allowedCommands: readonly string[] | null
  /** wall-clock ms when an exercise's time is up, or null */
  readonly deadline: number | null
  readonly startedAt: string
  /** the last line an exercise refused */
  readonly refusal: string | null
  /** the session world is no longer on the stage (Reset, a scenario…): the lesson is paused */
  readonly detached: boolean
}

export interface RejectedFile { readonly file: string; readonly problems: readonly string[] }

export interface VerifiedFile {
  readonly file: string
  readonly student: string | null
  readonly lessonTitle: string | null
  readonly verification: Verification | null
  /** why it could not be verified (unreadable, lesson unknown) */
  readonly error: string | null
  readonly problems: readonly string[]
}

export interface WorkshopState {
  readonly student: string
  readonly rejected: RejectedFile | null
  readonly lastExport: { readonly json: string; readonly html: string } | null
  readonly verified: VerifiedFile | null
  readonly classTable: ClassTable | null
  readonly classFiles: number
  /** lesson or exercise files the teacher added, by title */
  readonly classLessons: readonly string[]
  readonly busy: boolean
  readonly exercises: readonly { readonly id: string; readonly title: string; readonly summary: string }[]
}

export interface PresenterState {
  readonly stage: boolean
  readonly pointer: boolean
  readonly notes: boolean
  readonly demo: boolean
  /** in the demo: the current step's question is shown, its answer not yet */
  readonly demoPhase: 'narrate' | 'question' | 'revealed'
}

export interface ProgressState {
  readonly profile: string
  readonly profiles: readonly string[]
  readonly flashcardsKnown: Readonly<Record<string, readonly number[]>>
  readonly orderingSolved: readonly string[]
  readonly lessonsDone: number
}

export interface LessonSnapshot {
  readonly open: boolean
  readonly view: DockView
  readonly language: string
  readonly firstRun: boolean
  readonly course: readonly CourseItem[]
  /** built-in files that could not be read, formatted */
  readonly catalogProblems: readonly string[]
  readonly active: ActiveLesson | null
  readonly workshop: WorkshopState
  readonly presenter: PresenterState
  readonly progress: ProgressState
  /** every built-in lesson in the UI language (fallback English), in course order: practice content */
  readonly practice: readonly Lesson[]
  readonly glossary: Glossary | null
}

export interface LessonActions {
  readonly store: ReadableStore<LessonSnapshot>
  setOpen(open: boolean): void
  setView(view: DockView): void
  dismissFirstRun(): void
  startLesson(id: string): Promise<void>
  leaveLesson(): void
  goToStep(index: number): void
  runCommand(line: string): Promise<void>
  runStep(index: number): Promise<void>
  commitPrediction(stepIndex: number, choice: number): Promise<void>
  nextHint(): void
  showMe(): Promise<void>
  resetAttempt(): Promise<void>
  answerQuiz(index: number, choice: number): void
  // practice and progress
  markFlashcard(lessonId: string, index: number, known: boolean): void
  markOrderingSolved(key: string): void
  switchProfile(name: string): void
  exportProgress(): Promise<void>
  importProgress(): Promise<void>
  resetProgress(): void
  // workshops
  openExerciseFile(): Promise<void>
  startBuiltinExercise(id: string): Promise<void>
  setStudent(name: string): void
  exportResult(): Promise<void>
  verifyResultFile(): Promise<void>
  addClassFiles(files: readonly { name: string; text: string }[]): Promise<void>
  clearClass(): void
  exportClassCsv(): Promise<void>
  // presenter
  setPresenter(patch: Partial<Pick<PresenterState, 'stage' | 'pointer' | 'notes' | 'demo'>>): void
  demoNext(): Promise<void>
  demoBack(): void
}

/** What a result file says, for the verify panel (kept small). */
export type ResultSummary = Pick<StacklabResult, 'student' | 'lesson' | 'hintsUsed' | 'showMeUsed'>
