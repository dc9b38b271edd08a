// Stacklab lessons: the public API for the lesson player, the workshop tools and the checker.
// Everything here is plain TypeScript over the simulation (no node:*), so the renderer can import it.
// Node-only helpers (reading files from disk) are in ./files.ts; the CLI is ./lessonCheck.ts.
// The formats and the objective language are documented for authors in docs/lessons.md.
//
// ─── The course ───────────────────────────────────────────────────────────────────────────────────────────────
//   buildCatalog([{ name, text }])  → { lessons, exercises, problems }: lessons grouped by id with their languages,
//                                      in COURSE_ORDER (COURSE_ORDER[0] is "start here"); unreadable files are problems
//   pickLanguage(entry, 'de')        → the German lesson if there is one, else English
//
// ─── Loading files (never throws) ─────────────────────────────────────────────────────────────────────────────
//   parseLessonText(text, fileName)   → { ok: true, value: Lesson } | { ok: false, problems: Problem[] }
//   parseResultText(text, fileName)   → same, for a `stacklab.result/1` file
//   parseGlossaryText(text, fileName) → same, for a `stacklab.glossary/1` file
//   formatProblem(problem)            → "file:12:7: $.steps[2].predict.answer: answer 4 is not one of the 3 choices"
//   A Problem is { file, path (JSON path), message, line?, column? }. Invalid JSON gives line and column; a newer
//   format version is refused with "written for a newer Stacklab …"; the current sandbox is never touched.
//
// ─── Playing a lesson ─────────────────────────────────────────────────────────────────────────────────────────
//   const s = await LessonSession.create(lesson, { seed? })   // builds the start world (projects + start lines)
//   s.world, s.shell            the World and its Shell: give them to the scene and the terminal.
//                               reset() and showMe() REPLACE them: read them again afterwards.
//   await s.run(line)           run a line as the learner typed/clicked it → LineOutput {stdout, stderr, exitCode,
//                               refused?}; an exercise refuses lines outside allowedCommands (exitCode 126).
//   s.advance(ms)               let virtual time pass (call it from the app's clock) → ObjectiveStatus[]
//   s.objectives()              per objective: { id, text, met, metAtMs, metAfter, now: {pass, reason, items[]} }
//                               `met` is sticky (once met, stays met); `now` is the live check with the reason
//                               per clause ("web is running, but with no memory limit (limits.memoryMb is null)").
//   s.complete                  every objective met
//   s.nextHint()                → { index, text, objective? } | null   (counts hintsUsed; null when hints are off)
//   await s.showMe(onLine?)     reset and play the solution (ask for confirmation first) → LineOutput[] | {refused}
//   await s.reset()             back to the start world (new attempt)
//   s.hintsAvailable, s.showMeAvailable, s.isExercise, s.lesson.exercise?.timeLimitMinutes
//   s.result(student, { startedAt, finishedAt })   → StacklabResult (the JSON to save; see resultFileName)
//   Step texts, predictions (choices, answer, explanation), presenter notes, quiz, flashcards, ordering items (in
//   the correct order: shuffle them for the learner), interview questions and glossary ids are plain data on
//   `lesson`; glossary terms are in assets/lessons/glossary/LANG.json.
//
// ─── Headless, checking and verifying ─────────────────────────────────────────────────────────────────────────
//   runLesson(lesson, lines, seed?)  → { atStart, objectives, outputs, startOutputs, report, session }
//   checkLesson(lesson, { glossary?, original? })  → { problems, notes, solutionMs }: start fails every objective,
//                                      the solution meets all, glossary ids exist, a translation matches its original
//   verifyResult(result, lesson)     → Verification { ok, errors, notes, objectives[], met, total }: replays the log
//                                      from the start world with the result's seed and confirms every claim
//   makeResult(...), lessonHash(lesson), resultFileName(result)
//   renderResultHtml(result, lesson | null, { verification? }) → a standalone, printable HTML page (all text escaped)
//   classTable(entries, lessons) → { objectiveIds, rows }, classTableCsv(table)
//
// ─── The objective language ───────────────────────────────────────────────────────────────────────────────────
//   parseObjective(source) → { ok, objective } | { ok: false, error: { column, expected, found, message } }
//   evaluateObjective(objective, report, worldView(world)) → { pass, reason, items }
//   checkObjective(source, report, view)   parse + evaluate
//   worldView(world): the images, the docker client and container environments, which the report does not carry.

export { LESSON_SCHEMA, RESULT_SCHEMA, GLOSSARY_SCHEMA, LIMITS, LessonSchema, ResultSchema, GlossarySchema, lessonJsonSchema } from './schema.ts'
export type { Lesson, LessonStep, LessonObjective, Exercise, Predict, ProjectDef, StacklabResult, LogEntry, ObjectiveClaim, Glossary } from './schema.ts'
export { parseLessonText, parseLessonValue, parseResultText, parseGlossaryText, formatProblem } from './load.ts'
export type { Problem, Loaded } from './load.ts'
export { readJson, jsonPath, canonicalJson, FORBIDDEN_KEYS } from './json.ts'
export { phrasebook, EN as EN_PHRASES, DE as DE_PHRASES, type Phrasebook } from './phrases.ts'
export { parseObjective, evaluateObjective, checkObjective, normalizeImageRef, INSTANCE_FIELDS, HOST_FIELDS, CLIENT_FIELDS, IMAGE_FIELDS, INSTANCE_STATES, HOST_STATES } from './objectives.ts'
export type { Objective, Clause, Condition, ParseError, ParseResult, ObjectiveResult, ClauseResult, FieldInfo } from './objectives.ts'
export { worldView, EMPTY_WORLD_VIEW } from './worldView.ts'
export type { WorldView, ImageView, ClientView } from './worldView.ts'
export { commandAllowed, commandWords, ALWAYS_ALLOWED } from './allowed.ts'
export { LessonSession, runLesson, buildStartWorld, installProjects, evaluateLesson, tooLong, DEFAULT_SEED } from './runner.ts'
export type { ObjectiveStatus, LineOutput, LessonRun, StartWorld } from './runner.ts'
export { makeResult, lessonHash, resultFileName } from './result.ts'
export type { MakeResultInput } from './result.ts'
export { verifyResult } from './verify.ts'
export type { Verification, VerifiedObjective } from './verify.ts'
export { checkLesson, compareTranslation } from './check.ts'
export type { CheckProblem, LessonCheck, CheckOptions } from './check.ts'
export { renderResultHtml, escapeHtml, classTable, classTableCsv } from './report.ts'
export type { ClassEntry, ClassRow, ClassTable, ResultHtmlOptions } from './report.ts'
export { sha256Hex } from './sha256.ts'
export { buildCatalog, pickLanguage, COURSE_ORDER, DEFAULT_LANGUAGE } from './catalog.ts'
export type { Catalog, CatalogEntry } from './catalog.ts'
