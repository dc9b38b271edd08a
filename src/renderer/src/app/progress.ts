// Learner progress, kept in this browser's localStorage per named profile (shared classroom PCs): lessons
// started and done, quiz scores, flashcards known, ordering exercises solved. Exported and imported as
// `stacklab.progress/1` files; a file that does not match is refused and nothing changes.
import { z } from 'zod'

export const PROGRESS_SCHEMA = 'stacklab.progress/1'
const STORAGE_KEY = 'stacklab.progress'
export const DEFAULT_PROFILE = 'Me'

const LessonProgressSchema = z.strictObject({
  status: z.enum(['started', 'done']),
  step: z.int().min(0).max(100),
  quizScore: z.int().min(0).max(10).optional(),
  quizTotal: z.int().min(0).max(10).optional(),
  completedAt: z.string().max(40).optional()
})

const ProfileSchema = z.strictObject({
  lessons: z.record(z.string().max(64), LessonProgressSchema),
  flashcards: z.record(z.string().max(64), z.array(z.int().min(0).max(100)).max(100)),
  ordering: z.array(z.string().max(140)).max(500),
  firstRunDone: z.boolean().optional()
})

const StoredSchema = z.strictObject({
  schema: z.literal(PROGRESS_SCHEMA),
  current: z.string().min(1).max(60),
  profiles: z.record(z.string().min(1).max(60), ProfileSchema)
})

/** One profile in a file of its own: what "Export progress" writes. */
const ExportSchema = z.strictObject({
  schema: z.literal(PROGRESS_SCHEMA),
  profile: z.string().trim().min(1).max(60),
  exportedAt: z.string().max(40).optional(),
  progress: ProfileSchema
})

export type LessonProgress = z.infer<typeof LessonProgressSchema>
export type ProfileProgress = z.infer<typeof ProfileSchema>

const empty = (): ProfileProgress => ({ lessons: {}, flashcards: {}, ordering: [] })

export class ProgressStore {
  private data: z.infer<typeof StoredSchema>

  constructor(private readonly storage: Storage | null = safeStorage()) {
    this.data = { schema: PROGRESS_SCHEMA, current: DEFAULT_PROFILE, profiles: { [DEFAULT_PROFILE]: empty() } }
    const raw = this.read()
    if (raw !== null) {
      try {
        const parsed = StoredSchema.safeParse(JSON.parse(raw))
        if (parsed.success && parsed.data.profiles[parsed.data.current]) this.data = parsed.data
      } catch {
        // damaged storage: start afresh rather than fail (the old value stays until the next write)
      }
    }
  }

  get profile(): string { return this.data.current }
  get profiles(): string[] { return Object.keys(this.data.profiles).sort((a, b) => a.localeCompare(b)) }
  get current(): ProfileProgress { return this.data.profiles[this.data.current]! }

  /** Nothing saved yet for this profile: the "start here" prompt shows. */
  get isFirstRun(): boolean {
    const p = this.current
    return !p.firstRunDone && Object.keys(p.lessons).length === 0 && Object.keys(p.flashcards).length === 0 && p.ordering.length === 0
  }

  update(change: (p: ProfileProgress) => void): void {
    const next = structuredClone(this.current)
    change(next)
    this.data.profiles[this.data.current] = next
    this.write()
  }

  switchTo(name: string): void {
    const clean = name.trim().slice(0, 60)
    if (!clean) return
    if (!this.data.profiles[clean]) this.data.profiles[clean] = empty()
    this.data.current = clean
    this.write()
  }

  resetCurrent(): void {
    this.data.profiles[this.data.current] = { ...empty(), firstRunDone: true }
    this.write()
  }

  exportText(): string {
    return JSON.stringify({ schema: PROGRESS_SCHEMA, profile: this.data.current, exportedAt: new Date().toISOString(), progress: this.current }, null, 2) + '\n'
  }

  /** Replaces (or adds) the file's profile and switches to it; an error message when the file is not a progress file. */
  importText(text: string): { ok: true; profile: string } | { ok: false; message: string } {
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch (error) {
      return { ok: false, message: `not JSON (${error instanceof Error ? error.message : String(error)})` }
    }
    const parsed = ExportSchema.safeParse(value)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const path = issue ? '$' + issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('') : '$'
      return { ok: false, message: `${path}: ${issue?.message ?? 'not a Stacklab progress file'}` }
    }
    this.data.profiles[parsed.data.profile] = parsed.data.progress
    this.data.current = parsed.data.profile
    this.write()
    return { ok: true, profile: parsed.data.profile }
  }

  private read(): string | null {
    try {
      return this.storage?.getItem(STORAGE_KEY) ?? null
    } catch {
      return null
    }
  }

  private write(): void {
    try {
      this.storage?.setItem(STORAGE_KEY, JSON.stringify(this.data))
    } catch {
      // storage full or unavailable: progress lasts for this visit only
    }
  }
}

function safeStorage(): Storage | null {
  try {
    return window.localStorage
  } catch {
    return null
  }
}
