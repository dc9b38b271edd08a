// The built-in course as the lesson player sees it: lessons grouped by id with their translations, in the
// recommended order, with the language fallback rule (docs/lessons.md, "Translations").
import { parseLessonText, type Problem } from './load.ts'
import type { Lesson } from './schema.ts'

/** The recommended path through the built-in lessons; "start here" opens the first one. */
export const COURSE_ORDER: readonly string[] = [
  'stack-layers', 'boot-race', 'density', 'cli-api-daemon', 'layers-cow', 'image-design',
  'noisy-neighbour', 'oom-limits', 'kernel-panic', 'starter-case', 'production-habits'
]

export const DEFAULT_LANGUAGE = 'en'

export interface CatalogEntry {
  id: string
  /** the lesson in each language it exists in: `en` is the original, others translate it */
  languages: Record<string, Lesson>
}

export interface Catalog {
  /** lessons (not exercises) in COURSE_ORDER, then any others by id */
  lessons: CatalogEntry[]
  /** exercise files among the inputs */
  exercises: CatalogEntry[]
  /** files that could not be read: the app lists them, it does not crash */
  problems: Problem[]
}

/** Build the catalog from files' text (the renderer bundles assets/lessons/*.json; Node reads them). */
export function buildCatalog(files: readonly { name: string; text: string }[]): Catalog {
  const problems: Problem[] = []
  const byId = new Map<string, CatalogEntry>()
  const exercises = new Map<string, CatalogEntry>()
  for (const f of files) {
    const r = parseLessonText(f.text, f.name)
    if (!r.ok) { problems.push(...r.problems); continue }
    const target = r.value.exercise ? exercises : byId
    const entry = target.get(r.value.id) ?? { id: r.value.id, languages: {} }
    if (entry.languages[r.value.language]) {
      problems.push({ file: f.name, path: '$.language', message: `a second "${r.value.id}" lesson in language ${r.value.language}` })
      continue
    }
    entry.languages[r.value.language] = r.value
    target.set(r.value.id, entry)
  }
  const rank = (id: string): number => { const i = COURSE_ORDER.indexOf(id); return i < 0 ? COURSE_ORDER.length : i }
  const sort = (m: Map<string, CatalogEntry>) => [...m.values()].sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id))
  return { lessons: sort(byId), exercises: sort(exercises), problems }
}

/** The lesson in `language` if it exists, else in English, else in any language it has. */
export function pickLanguage(entry: CatalogEntry, language: string): Lesson {
  const base = language.split('-')[0]!
  return entry.languages[language] ?? entry.languages[base] ?? entry.languages[DEFAULT_LANGUAGE] ?? Object.values(entry.languages)[0]!
}
