// The soak: simulated classroom use of the page for a while, then the post-GC heap, the Pixi display-object count,
// the world's and the controller's live collections and the DOM's node and listener counts, compared with their
// values after a warm-up. Each round ends by opening a built-in lesson from the course, running a step and leaving
// it (lessons switched). Rounds come in cycles of two; the second ends with the toolbar's Reset all, as a
// teacher does between classes, and the warm-up and end snapshots are both taken right after such a reset, once
// the stage has settled, so they compare like with like. Used by tests/soak/runSoak.ts and tests/e2e/soak.spec.ts.
import type { CDPSession, ConsoleMessage, Page } from '@playwright/test'
import { domCounters, heapAfterGc, liveCounts, mb, runLines, type DomCounters, type LiveCounts } from '../bench/renderHooks'
import { lessonDown, lessonFault, lessonUp } from './classroom'
import { censusGrowth, domCensus, heapCensus, type Census } from './census'
import { growthLines, heapGrowth, heapSplit, takeSnapshot, type HeapGraph } from './heapDiff'

export const ALLOWED_CONSOLE_ERRORS: RegExp[] = [/frame-ancestors.*(ignored|delivered via a <meta> element)/i]
const ROUNDS_PER_CYCLE = 2
/**
 * Rounds before the script repeats itself: every per-round choice (the lesson switched to, the fault, the panel
 * tab, the dialog, the projector toggle, `clear`) cycles with a period that divides it. The warm-up lasts at least
 * this long, so the baseline is taken once every code path of the script has run, whatever the machine's speed.
 */
export const SCRIPT_PERIOD = 6

export interface SoakSnapshot { atS: number; round: number; heapMb: number; counts: LiveCounts; dom: DomCounters }
export interface HeapSplitMb { codeMb: number; dataMb: number }
export interface SoakDelta { baseline: number; end: number; ratio: number }
export interface SoakResult {
  durationS: number
  rounds: number
  cycles: number
  /** the page as it opened, before any use */
  fresh: SoakSnapshot
  warm: SoakSnapshot
  end: SoakSnapshot
  /** one after every reset, in order */
  resets: SoakSnapshot[]
  heapRatio: number
  /** end vs warm for every counter */
  deltas: Record<string, SoakDelta>
  /** commands that failed (not a failure of the soak: a fault may make a later line fail) */
  failedLines: number
  /** a few of them, for a look */
  failedSamples: string[]
  /** page errors and console errors: the soak fails on any */
  errors: string[]
  /** the driver waiting too long on a control (a busy machine): noted, not a failure */
  uiHiccups: string[]
  /** with `census`: what grew between the warm-up and the end, heap by constructor and DOM by tag.class */
  growth: { heap: string[]; dom: string[] } | null
  /** with `diff`: the data objects new minus gone since the warm-up, by the nearest retainer alive at both points */
  heapDiff: string[] | null
  /** with `split`: the JS heap at the warm-up and the end as compiled code and data (from heap snapshots) */
  split: { warm: HeapSplitMb; end: HeapSplitMb; dataRatio: number; codeRatio: number } | null
  skipped: string[]
}

export interface SoakOptions {
  durationMs: number
  /** the warm-up lasts this long and at least `warmupRounds` rounds (default SCRIPT_PERIOD) */
  warmupMs: number
  warmupRounds?: number
  log?: (line: string) => void
  /** take heap and DOM censuses at the warm-up and the end, to say what grew (a few seconds each) */
  census?: boolean
  /** take full heap snapshots at the warm-up and the end and say which retainers hold the new objects */
  diff?: boolean
  /**
   * take full heap snapshots at the warm-up and the end and split the heap into V8's compiled code (machine code,
   * bytecode, feedback: it grows for minutes as more functions get hot enough to optimise) and the app's data;
   * the heap bound then applies to the data (see outOfBounds). Implied by `diff`.
   */
  split?: boolean
}

async function settle(page: Page): Promise<LiveCounts> {
  // exit transitions run for a moment after a removal: wait until the Pixi tree stops changing
  let last = await liveCounts(page)
  for (let i = 0; i < 12; i++) {
    await page.waitForTimeout(400)
    const now = await liveCounts(page)
    if (now.pixiObjects === last.pixiObjects) return now
    last = now
  }
  return last
}

async function snapshot(page: Page, cdp: CDPSession, started: number, round: number): Promise<SoakSnapshot> {
  // like with like: the same tab in view, no dialog open, the focus off the terminal
  await page.keyboard.press('Escape').catch(() => {})
  await page.getByTestId('tab-timeline').click({ timeout: 15_000 }).catch(() => {})
  await settle(page)
  const heap = await heapAfterGc(cdp)
  return { atS: Math.round((Date.now() - started) / 1000), round, heapMb: mb(heap), counts: await liveCounts(page), dom: await domCounters(cdp, page) }
}

/** A few things a person does with the panels during a lesson; `n` picks which. */
async function touchUi(page: Page, n: number, failures: string[]): Promise<void> {
  const click = async (testId: string): Promise<void> => {
    const target = page.getByTestId(testId)
    if (await target.count()) await target.first().click({ timeout: 15_000 }).catch((e: Error) => { failures.push(`click ${testId}: ${e.message.split('\n')[0]}`) })
  }
  await click(['tab-charts', 'tab-events', 'tab-timeline'][n % 3]!)
  if (n % 2 === 0) {
    await click('projector')
    await page.waitForTimeout(200)
    await click('projector')
  }
  // a click on the stage selects what is under it; Escape leaves it be
  const canvas = page.getByTestId('stage').locator('canvas')
  const box = await canvas.boundingBox()
  if (box) {
    for (const [fx, fy] of [[0.25, 0.35], [0.75, 0.3], [0.7, 0.5]] as const) {
      await page.mouse.click(box.x + box.width * fx, box.y + box.height * fy)
      await page.waitForTimeout(60)
    }
  }
  // a couple of quick lines through the terminal itself
  await page.getByTestId('terminal-input').focus()
  for (const line of ['docker ps -a', n % 3 === 0 ? 'clear' : 'vm list']) {
    await page.keyboard.insertText(line)
    await page.keyboard.press('Enter')
  }
  await page.keyboard.press('Escape')
}

const SOAK_LESSONS = ['stack-layers', 'boot-race', 'density', 'noisy-neighbour', 'oom-limits', 'kernel-panic'] as const

/** A lesson opened from the course, one step run, a moment of its world, then back to the sandbox: a teacher
 * switching lessons. The lesson's world replaces the stage while it is open, so this runs between rounds. */
async function switchLesson(page: Page, n: number, failures: string[]): Promise<void> {
  const id = SOAK_LESSONS[n % SOAK_LESSONS.length]!
  try {
    await page.getByTestId('learn-toggle').click({ timeout: 15_000 })
    await page.getByTestId(`start-${id}`).click({ timeout: 15_000 })
    await page.getByTestId('lesson-player').and(page.locator(`[data-lesson="${id}"]`)).waitFor({ timeout: 20_000 })
    const run = page.getByTestId('run-step')
    if (await run.isEnabled()) await run.click({ timeout: 15_000 })
    await page.waitForTimeout(500)
    await page.getByTestId('leave-lesson').click({ timeout: 15_000 })
  } catch (e) {
    failures.push(`lesson ${id}: ${(e as Error).message.split('\n')[0]}`)
  }
  await page.keyboard.press('Escape').catch(() => {})
  if (await page.getByTestId('learn-toggle').getAttribute('aria-pressed') === 'true') {
    await page.getByTestId('learn-toggle').click({ timeout: 15_000 }).catch(() => {})
  }
}

async function viaDialogs(page: Page, n: number, failures: string[]): Promise<string[]> {
  const made: string[] = []
  const step = async (what: string, action: () => Promise<unknown>): Promise<boolean> => {
    try {
      await action()
      return true
    } catch (e) {
      failures.push(`${what}: ${(e as Error).message.split('\n')[0]}`)
      await page.keyboard.press('Escape').catch(() => {})
      return false
    }
  }
  if (n % 2 === 0) {
    const ok = await step('the New VM dialog', async () => {
      await page.getByTestId('open-new-vm').click({ timeout: 15_000 })
      await page.getByTestId('vm-os').selectOption('alpine-3.20', { timeout: 15_000 })
      await page.getByTestId('vm-name').fill(`ui${n}`, { timeout: 15_000 })
      await page.getByTestId('vm-create').click({ timeout: 15_000 })
      await page.getByTestId('vm-create').waitFor({ state: 'detached', timeout: 20_000 })
    })
    if (ok) made.push(`vm stop ui${n}`, 'wait 5s', `vm delete ui${n}`)
  } else {
    const ok = await step('the Run container dialog', async () => {
      await page.getByTestId('open-run-container').click({ timeout: 15_000 })
      await page.getByTestId('ctr-image').fill('nginx:1.27', { timeout: 15_000 })
      await page.getByTestId('ctr-name').fill(`uic${n}`, { timeout: 15_000 })
      await page.getByTestId('ctr-host-port').fill(String(9000 + (n % 1000)), { timeout: 15_000 })
      await page.getByTestId('ctr-run').click({ timeout: 15_000 })
      await page.getByTestId('ctr-run').waitFor({ state: 'detached', timeout: 20_000 })
    })
    if (ok) made.push(`docker rm -f uic${n}`)
  }
  return made
}

export async function soak(page: Page, cdp: CDPSession, options: SoakOptions): Promise<SoakResult> {
  const log = options.log ?? (() => {})
  const errors: string[] = []
  const uiFailures: string[] = []
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`))
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error' && !ALLOWED_CONSOLE_ERRORS.some((re) => re.test(m.text()))) errors.push(`console error: ${m.text()}`)
  })
  page.on('download', (d) => void d.delete().catch(() => {}))
  const started = Date.now()
  const fresh = await snapshot(page, cdp, started, 0)
  log(`  fresh: heap ${fresh.heapMb} MB, ${fresh.counts.pixiObjects} Pixi objects, ${fresh.dom.documentNodes} nodes in the document (${fresh.dom.nodes} alive)`)
  let round = 0
  let failedLines = 0
  const failedSamples: string[] = []
  const run = async (lines: string[]): Promise<void> => {
    const failures = await runLines(page, lines)
    failedLines += failures.length
    for (const f of failures) if (failedSamples.length < 12) failedSamples.push(`${f.line}: ${f.stderr.split('\n')[0]}`)
  }
  let warm: SoakSnapshot | null = null
  const resets: SoakSnapshot[] = []
  let censusAtWarm: { heap: Census; dom: Census } | null = null
  let graphAtWarm: HeapGraph | null = null
  while (true) {
    const cycleStart = Date.now()
    for (let i = 0; i < ROUNDS_PER_CYCLE; i++, round++) {
      const n = round
      const t = [Date.now()]
      await run(lessonUp(n))
      t.push(Date.now())
      const cleanup = await viaDialogs(page, n, uiFailures)
      t.push(Date.now())
      await touchUi(page, n, uiFailures)
      t.push(Date.now())
      await page.waitForTimeout(300)
      await run(lessonFault(n))
      await page.waitForTimeout(300)
      await run([...lessonDown(n), ...cleanup])
      t.push(Date.now())
      await switchLesson(page, n, uiFailures)
      t.push(Date.now())
      if (process.env['SOAK_DEBUG']) log(`    round ${n}: ${t.slice(1).map((x, k) => x - t[k]!).join(' / ')} ms`)
      if (i === ROUNDS_PER_CYCLE - 1) await page.getByTestId('reset').click({ timeout: 15_000 })
      else await page.waitForTimeout(200)
    }
    const lastCycleMs = Date.now() - cycleStart
    const snap = await snapshot(page, cdp, started, round)
    resets.push(snap)
    log(`  after ${round} rounds (${snap.atS} s): heap ${snap.heapMb} MB, ${snap.counts.pixiObjects} Pixi objects, ${snap.dom.documentNodes} nodes in the document (${snap.dom.nodes} alive), ${snap.dom.jsEventListeners} listeners`)
    const elapsed = Date.now() - started
    if (!warm && elapsed >= options.warmupMs && round >= (options.warmupRounds ?? SCRIPT_PERIOD)) {
      warm = snap
      if (options.census) censusAtWarm = { heap: await heapCensus(cdp), dom: await domCensus(page) }
      if (options.diff || options.split) graphAtWarm = await takeSnapshot(cdp)
    }
    if (warm && snap !== warm && elapsed + lastCycleMs > options.durationMs) break
    if (errors.length) break
  }
  const end = resets[resets.length - 1]!
  const w = warm ?? resets[0]!
  const deltas: Record<string, SoakDelta> = {}
  const add = (name: string, baseline: number, now: number): void => {
    deltas[name] = { baseline, end: now, ratio: baseline === 0 ? (now === 0 ? 1 : Infinity) : Math.round((now / baseline) * 1000) / 1000 }
  }
  add('heapMb', w.heapMb, end.heapMb)
  for (const key of Object.keys(end.counts) as (keyof LiveCounts)[]) add(key, w.counts[key], end.counts[key])
  add('domNodes', w.dom.nodes, end.dom.nodes)
  add('documentNodes', w.dom.documentNodes, end.dom.documentNodes)
  add('jsEventListeners', w.dom.jsEventListeners, end.dom.jsEventListeners)
  // a leak raises the floor: the listener count also depends on which panel last had the focus, so it is the
  // lowest of the last three resets against the lowest of the three from the warm-up on
  const fromWarm = resets.slice(resets.indexOf(w))
  const floor = (snaps: SoakSnapshot[]): number => Math.min(...snaps.map((x) => x.dom.jsEventListeners))
  add('jsEventListenersFloor', floor(fromWarm.slice(0, 3)), floor(resets.slice(-3)))
  const growth = censusAtWarm
    ? { heap: censusGrowth(censusAtWarm.heap, await heapCensus(cdp)), dom: censusGrowth(censusAtWarm.dom, await domCensus(page)) }
    : null
  const graphAtEnd = graphAtWarm ? await takeSnapshot(cdp) : null
  const heapDiff = graphAtWarm && graphAtEnd && options.diff ? growthLines(heapGrowth(graphAtWarm, graphAtEnd)) : null
  const split = graphAtWarm && graphAtEnd ? splitOf(graphAtWarm, graphAtEnd) : null
  return {
    durationS: Math.round((Date.now() - started) / 1000),
    rounds: round,
    cycles: resets.length,
    fresh,
    warm: w,
    end,
    resets,
    heapRatio: Math.round((end.heapMb / w.heapMb) * 1000) / 1000,
    deltas,
    failedLines,
    failedSamples,
    errors,
    uiHiccups: uiFailures.slice(0, 10),
    growth,
    heapDiff,
    split,
    skipped: ['xstate actors: the machines are used as pure transition functions (no live actors to count)']
  }
}

function splitOf(warm: HeapGraph, end: HeapGraph): NonNullable<SoakResult['split']> {
  const toMb = (x: { codeBytes: number; dataBytes: number }): HeapSplitMb => ({ codeMb: mb(x.codeBytes), dataMb: mb(x.dataBytes) })
  const w = heapSplit(warm)
  const e = heapSplit(end)
  const ratio = (a: number, b: number): number => Math.round((b / a) * 1000) / 1000
  return { warm: toMb(w), end: toMb(e), dataRatio: ratio(w.dataBytes, e.dataBytes), codeRatio: ratio(w.codeBytes, e.codeBytes) }
}

/** The counters the bound applies to: the Pixi tree, the DOM, the listeners and the world's collections. */
export const BOUNDED_COUNTS = ['pixiObjects', 'documentNodes', 'jsEventListenersFloor', 'vms', 'containers', 'timers', 'checkpoints'] as const

/**
 * What is out of bounds: the heap beyond `heapBound` (1.1 = 10%), a bounded count beyond `countBound`. With the
 * heap split (SoakOptions.split) the heap bound applies to the app's data, and the whole heap, compiled code
 * included, is held to `totalBound`: V8 keeps optimising more functions for many minutes, which is not the app
 * keeping anything, but a runaway there (code made at run time, say) must still fail.
 */
export function outOfBounds(result: SoakResult, heapBound: number, countBound: number, totalBound = heapBound): string[] {
  const out: string[] = []
  if (result.split) {
    const s = result.split
    if (s.dataRatio > heapBound) out.push(`heap data ${s.warm.dataMb} MB → ${s.end.dataMb} MB (×${s.dataRatio}, bound ×${heapBound})`)
    if (result.heapRatio > totalBound) out.push(`heap ${result.warm.heapMb} MB → ${result.end.heapMb} MB (×${result.heapRatio}, bound ×${totalBound} with compiled code)`)
  } else if (result.heapRatio > heapBound) out.push(`heap ${result.warm.heapMb} MB → ${result.end.heapMb} MB (×${result.heapRatio}, bound ×${heapBound})`)
  for (const name of BOUNDED_COUNTS) {
    const d = result.deltas[name]
    if (!d) continue
    const allowed = Math.max(2, d.baseline * (countBound - 1))
    if (Math.abs(d.end - d.baseline) > allowed) out.push(`${name} ${d.baseline} → ${d.end} (bound ±${Math.round((countBound - 1) * 100)}%)`)
  }
  return out
}

export function soakLines(r: SoakResult): string[] {
  const row = (name: string): string => {
    const d = r.deltas[name]!
    return `${name} ${d.baseline} → ${d.end}${d.baseline ? ` (×${d.ratio})` : ''}`
  }
  return [
    `Stacklab soak — ${r.rounds} lessons in ${r.cycles} cycles over ${r.durationS} s (${r.failedLines} command lines failed along the way)`,
    `  heap after GC: fresh ${r.fresh.heapMb} MB · after warm-up (${r.warm.atS} s) ${r.warm.heapMb} MB · end (${r.end.atS} s) ${r.end.heapMb} MB → ×${r.heapRatio}`,
    `  heap after each reset: ${r.resets.map((s) => s.heapMb).join(', ')} MB`,
    ...(r.split ? [`  heap split (snapshots): data ${r.split.warm.dataMb} → ${r.split.end.dataMb} MB (×${r.split.dataRatio}) · V8 compiled code ${r.split.warm.codeMb} → ${r.split.end.codeMb} MB (×${r.split.codeRatio})`] : []),
    `  Pixi display objects: fresh ${r.fresh.counts.pixiObjects} · ${row('pixiObjects')}`,
    `  DOM: ${row('documentNodes')} in the document · ${row('domNodes')} alive (with Blink's own, e.g. a text field's undo steps) · ${row('jsEventListeners')} (floor ${row('jsEventListenersFloor')})`,
    `  world: ${['vms', 'containers', 'images', 'timers', 'worldEvents', 'daemonEvents', 'checkpoints', 'containerLogLines', 'execs'].map(row).join(' · ')}`,
    `  controller: ${['sessionLines', 'historyLines', 'chartSamples', 'terminalLines'].map(row).join(' · ')}`,
    ...r.failedSamples.slice(0, 6).map((f) => `  (failed line) ${f}`),
    ...(r.growth ? ['  grew from the warm-up to the end (heap, by constructor):', ...r.growth.heap.map((g) => `    ${g}`),
      '  grew (DOM, by tag.class):', ...r.growth.dom.map((g) => `    ${g}`)] : []),
    ...(r.heapDiff ?? []),
    ...r.skipped.map((s) => `  skipped: ${s}`),
    ...r.uiHiccups.map((u) => `  (slow control, not a failure) ${u}`),
    ...r.errors.map((e) => `  ✗ ${e}`)
  ]
}
