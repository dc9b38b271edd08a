// Node-only: reading lesson, glossary and result files from disk for `npm run lesson:check` and tests.
// The renderer never imports this file (it bundles or opens files its own way and calls load.ts).
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseGlossaryText, parseLessonText, type Loaded } from './load.ts'
import { LIMITS, type Glossary, type Lesson } from './schema.ts'

/** assets/lessons of this checkout */
export const LESSONS_DIR = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../assets/lessons')
export const EXERCISES_DIR = join(LESSONS_DIR, 'exercises')
export const GLOSSARY_DIR = join(LESSONS_DIR, 'glossary')
export const SCHEMA_FILE = join(LESSONS_DIR, 'lesson.schema.json')

const jsonFiles = (dir: string): string[] => {
  try {
    return readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json')).sort().map((f) => join(dir, f))
  } catch {
    return []
  }
}

/** Every built-in lesson (assets/lessons/*.json) and example exercise (assets/lessons/exercises/*.json). */
export function builtinLessonFiles(): string[] {
  return [...jsonFiles(LESSONS_DIR), ...jsonFiles(EXERCISES_DIR)]
}

/** Read a text file, refusing huge ones before reading them; an error message instead of a throw. */
export function readTextFile(path: string): { ok: true; text: string } | { ok: false; message: string } {
  try {
    const size = statSync(path).size
    if (size > LIMITS.fileChars * 4) return { ok: false, message: `the file is too large (${size} bytes)` }
    return { ok: true, text: readFileSync(path, 'utf8') }
  } catch (e) {
    return { ok: false, message: `cannot read the file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` }
  }
}

export function readLessonFile(path: string, shownAs: string = path): Loaded<Lesson> {
  const r = readTextFile(path)
  if (!r.ok) return { ok: false, problems: [{ file: shownAs, path: '$', message: r.message }] }
  return parseLessonText(r.text, shownAs)
}

export function readGlossary(language: string): Glossary | null {
  const r = readTextFile(join(GLOSSARY_DIR, `${language}.json`))
  if (!r.ok) return null
  const g = parseGlossaryText(r.text, `glossary/${language}.json`)
  return g.ok ? g.value : null
}

/** The built-in lesson or exercise with this id and language, if there is one. */
export function findBuiltinLesson(id: string, language: string): { file: string; lesson: Lesson } | null {
  for (const file of builtinLessonFiles()) {
    const l = readLessonFile(file, basename(file))
    if (l.ok && l.value.id === id && l.value.language === language) return { file, lesson: l.value }
  }
  return null
}
