// Verifying a result: replay its command log from the lesson's start world with its seed and confirm that every
// objective it claims as met really is met at the moment it claims. A tampered log or claim is rejected with the
// reason. Deterministic: the same result and lesson always give the same verdict.
import { parseObjective, evaluateObjective, type Objective } from './objectives.ts'
import { EN, type Phrasebook } from './phrases.ts'
import { worldView } from './worldView.ts'
import { commandAllowed } from './allowed.ts'
import { buildStartWorld, tooLong } from './runner.ts'
import { lessonHash } from './result.ts'
import { LIMITS, type Lesson, type StacklabResult } from './schema.ts'

export interface VerifiedObjective {
  id: string
  text: string
  claimed: 'met' | 'not-met' | 'missing'
  /** true: the claim holds on replay; false: it does not; null: nothing to confirm (not claimed as met) */
  confirmed: boolean | null
  reason: string
}

export interface Verification {
  /** every claimed objective confirmed and nothing else wrong */
  ok: boolean
  /** why the result is rejected (empty when ok) */
  errors: string[]
  /** things a teacher may want to know that do not reject it (show me used, over the time limit…) */
  notes: string[]
  objectives: VerifiedObjective[]
  /** objectives confirmed as met, out of the lesson's total */
  met: number
  total: number
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`

export async function verifyResult(result: StacklabResult, lesson: Lesson, P: Phrasebook = EN): Promise<Verification> {
  const errors: string[] = []
  const notes: string[] = []
  const claims = new Map(result.objectives.map((o) => [o.id, o]))
  const objectives: VerifiedObjective[] = lesson.objectives.map((o) => {
    const c = claims.get(o.id)
    return { id: o.id, text: o.text, claimed: c ? c.status : 'missing', confirmed: null, reason: c ? (c.status === 'met' ? 'not checked' : 'not claimed as met') : 'the result does not mention it' }
  })
  const finish = (): Verification => {
    const met = objectives.filter((o) => o.confirmed === true).length
    return { ok: errors.length === 0, errors, notes, objectives, met, total: lesson.objectives.length }
  }

  // which lesson, which version
  if (result.lesson.id !== lesson.id) { errors.push(`the result is for lesson "${result.lesson.id}", not "${lesson.id}"`); return finish() }
  if (result.lesson.language !== lesson.language) { errors.push(`the result is for the ${result.lesson.language} version of the lesson, this file is ${lesson.language}`); return finish() }
  const hash = lessonHash(lesson)
  if (result.lesson.hash !== hash) {
    errors.push(`the result was made with a different version of lesson "${lesson.id}" (content hash ${result.lesson.hash.slice(0, 12)}…, this file's is ${hash.slice(0, 12)}…): verify it against the lesson file the student used`)
    return finish()
  }
  for (const id of claims.keys()) if (!lesson.objectives.some((o) => o.id === id)) errors.push(`the result claims an objective "${id}" the lesson does not have`)

  // the exercise's rules
  const ex = lesson.exercise
  if (ex) {
    result.log.forEach((e, i) => {
      if (!commandAllowed(e.line, ex.allowedCommands)) errors.push(`log entry ${i + 1} ("${e.line}") is not allowed in this exercise (allowed: ${ex.allowedCommands.join(', ')})`)
    })
    if (result.showMeUsed && !ex.showMe) errors.push('the result says "show me" was used, but this exercise does not offer it')
    if (result.hintsUsed > 0 && !ex.hints) errors.push(`the result says ${result.hintsUsed} hint(s) were used, but this exercise offers none`)
    if (ex.timeLimitMinutes !== undefined) {
      const minutes = (Date.parse(result.finishedAt) - Date.parse(result.startedAt)) / 60_000
      if (minutes > ex.timeLimitMinutes) notes.push(`finished after ${minutes.toFixed(0)} min, over the ${ex.timeLimitMinutes} min time limit (wall-clock times as the student's computer recorded them)`)
    }
  }
  if (result.showMeUsed) notes.push('"show me" was used: the solution was played for the student')
  if (result.hintsUsed > 0) notes.push(`${result.hintsUsed} hint(s) used`)
  if (errors.length > 0) return finish()

  // replay
  const parsed = new Map<string, Objective>()
  for (const o of lesson.objectives) {
    const p = parseObjective(o.check)
    if (!p.ok) { errors.push(`objective "${o.id}" has a check that does not parse: ${p.error.message}`); return finish() }
    parsed.set(o.id, p.objective)
  }
  const checkpoints = result.objectives
    .filter((o) => o.status === 'met')
    .map((o) => ({ id: o.id, atMs: o.atMs!, after: o.after! }))
    .sort((a, b) => a.after - b.after || a.atMs - b.atMs)
  const { world, shell } = await buildStartWorld(lesson, result.seed)
  const confirm = (id: string, ok: boolean, reason: string): void => {
    const o = objectives.find((x) => x.id === id)!
    o.confirmed = ok
    o.reason = reason
  }
  let k = 0
  let diverged = false
  for (let n = 0; n <= result.log.length && !diverged; n++) {
    while (k < checkpoints.length && checkpoints[k]!.after === n) {
      const cp = checkpoints[k++]!
      const text = lesson.objectives.find((o) => o.id === cp.id)!.text
      if (cp.atMs < world.clockMs) {
        confirm(cp.id, false, P.clockAlreadyAt(seconds(cp.atMs), n, seconds(world.clockMs)))
        errors.push(`objective "${cp.id}" (${text}): claimed met at ${seconds(cp.atMs)}, but after ${n} command(s) the replay's clock was already at ${seconds(world.clockMs)}: the claim was edited`)
        continue
      }
      const nextAt = result.log[n]?.atMs
      if (nextAt !== undefined && cp.atMs > nextAt) {
        confirm(cp.id, false, P.afterNextCommand(seconds(cp.atMs), seconds(nextAt)))
        errors.push(`objective "${cp.id}" (${text}): claimed met at ${seconds(cp.atMs)} after ${n} command(s), but command ${n + 1} ran at ${seconds(nextAt)}: the claim was edited`)
        continue
      }
      world.step(cp.atMs - world.clockMs)
      const r = evaluateObjective(parsed.get(cp.id)!, world.report(), worldView(world), P)
      if (r.pass) confirm(cp.id, true, P.metAt(seconds(cp.atMs), r.reason))
      else {
        confirm(cp.id, false, P.notMetOnReplay(seconds(cp.atMs), r.reason))
        errors.push(`objective "${cp.id}" (${text}) is claimed met at ${seconds(cp.atMs)}, but replaying the log it is not: ${P === EN ? r.reason : evaluateObjective(parsed.get(cp.id)!, world.report(), worldView(world)).reason}`)
      }
    }
    if (n === result.log.length) break
    const entry = result.log[n]!
    if (entry.atMs < world.clockMs) {
      errors.push(`log entry ${n + 1} ("${entry.line}") is at ${seconds(entry.atMs)}, but the replay's clock was already at ${seconds(world.clockMs)}: the log was edited`)
      diverged = true
      break
    }
    const long = tooLong(entry.line, entry.atMs)
    if (long) {
      errors.push(`log entry ${n + 1}: ${long}`)
      diverged = true
      break
    }
    world.step(entry.atMs - world.clockMs)
    await shell.run(entry.line)
    if (world.clockMs > LIMITS.virtualMs) {
      errors.push(`the replay passed ${LIMITS.virtualMs / 3_600_000} h of simulated time at log entry ${n + 1}`)
      diverged = true
    }
  }
  for (const cp of checkpoints.slice(k)) confirm(cp.id, false, P.notChecked)
  if (!diverged) {
    if (result.endMs >= world.clockMs) world.step(result.endMs - world.clockMs)
    else notes.push(`the result ends at ${seconds(result.endMs)}, before the replay's clock (${seconds(world.clockMs)})`)
    const report = world.report()
    const view = worldView(world)
    for (const o of objectives) {
      if (o.claimed === 'met') continue
      const r = evaluateObjective(parsed.get(o.id)!, report, view, P)
      o.reason = r.pass ? P.notClaimedButHolds(r.reason) : P.notMet(r.reason)
    }
  }
  return finish()
}
