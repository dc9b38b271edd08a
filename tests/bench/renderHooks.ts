// The page's side of the render bench, the fuzzer and the soak: the shapes window.__stacklab exposes (read through
// globalThis casts, as tsconfig.node has no DOM lib), the live-object counts and the heap after GC. Type imports
// only, so the Playwright specs can use it as well as the tsx runners.
import type { CDPSession, Page } from '@playwright/test'

/** Used JS heap after a full garbage collection (CDP), in bytes. */
export async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('HeapProfiler.collectGarbage')
  const usage = await cdp.send('Runtime.getHeapUsage')
  return usage.usedSize
}

export const mb = (bytes: number): number => Math.round((bytes / 1048576) * 10) / 10

// ---- what the page exposes ----------------------------------------------------------------------------------
// tsconfig.node has no DOM lib: page functions cast globalThis to these shapes.

export interface PageWorldState {
  clockMs: number
  hosts: unknown[]
  vms: { state: string; hidden?: boolean }[]
  daemons: { containers: { state: string; logs?: unknown[] }[]; images: unknown[]; networks?: unknown[]; volumes?: unknown[]; events?: unknown[]; execs?: unknown[] }[]
  timers: unknown[]
  events: unknown[]
}
export interface PageDisplayObject { children?: PageDisplayObject[]; destroyed?: boolean }
export interface PageScene { stage: PageDisplayObject; frame(...args: unknown[]): boolean; renderer: { render(...args: unknown[]): unknown; name: string } }
export interface PageController {
  world: { state: PageWorldState; step(ms: number): unknown; checkpointNames(): string[] }
  shell: { history: string[]; session: unknown[] }
  samples: { t: number[] }
  renderedFrames: number
  frame(now: number): void
  setPlaying(playing: boolean): void
  setSpeed(speed: number): void
  resetAll(): void
  /** private in the app: read here only to count the Pixi objects */
  scene?: PageScene | null
}
export interface PageReport {
  clockMs: number
  hosts: { name: string; memoryMb: number; memoryUsedMb: number; cpuPercent: number; diskUsedMb: number; pidsUsed: number; pidsMax: number }[]
  instances: { kind: string; name: string; host: string; state: string; memoryMb: number; cpuPercent: number; diskMb: number; pids: number; overheadMb: number; startupMs: number | null }[]
}
export interface PageHooks {
  report(): PageReport
  controller: PageController
  run(line: string): Promise<{ stdout: string; stderr: string; exitCode: number }>
  frames(): number
  terminalText?(): string
}
export interface PageGlobals { __stacklab: PageHooks }

/** Runs command lines through the controller (as the toolbar does), in order; returns the failures. */
export async function runLines(page: Page, lines: string[]): Promise<{ line: string; stderr: string }[]> {
  return page.evaluate(async (all) => {
    const failures: { line: string; stderr: string }[] = []
    for (const line of all) {
      const result = await (globalThis as unknown as PageGlobals).__stacklab.run(line)
      if (result.exitCode !== 0) failures.push({ line, stderr: result.stderr.trim() })
    }
    return failures
  }, lines)
}

export interface LiveCounts {
  /** every node in the Pixi stage tree, the stage included */
  pixiObjects: number
  vms: number
  containers: number
  images: number
  timers: number
  worldEvents: number
  daemonEvents: number
  checkpoints: number
  sessionLines: number
  historyLines: number
  chartSamples: number
  containerLogLines: number
  execs: number
  /** the terminal's scrollback (xterm keeps at most its `scrollback` lines) */
  terminalLines: number
}

/** Counts of the live objects the soak watches: the Pixi tree, the world's collections, the controller's logs. */
export async function liveCounts(page: Page): Promise<LiveCounts> {
  return page.evaluate(() => {
    const hooks = (globalThis as unknown as PageGlobals).__stacklab
    const c = hooks.controller
    const count = (node: PageDisplayObject | undefined): number => {
      if (!node || node.destroyed) return 0
      let n = 1
      for (const child of node.children ?? []) n += count(child)
      return n
    }
    const s = c.world.state
    return {
      pixiObjects: count(c.scene?.stage),
      vms: s.vms.filter((v) => !v.hidden).length,
      containers: s.daemons.reduce((n, d) => n + d.containers.length, 0),
      images: s.daemons.reduce((n, d) => n + d.images.length, 0),
      timers: s.timers.length,
      worldEvents: s.events.length,
      daemonEvents: s.daemons.reduce((n, d) => n + (d.events?.length ?? 0), 0),
      checkpoints: c.world.checkpointNames().length,
      sessionLines: c.shell.session.length,
      historyLines: c.shell.history.length,
      chartSamples: c.samples.t.length,
      containerLogLines: s.daemons.reduce((n, d) => n + d.containers.reduce((m, x) => m + (x.logs?.length ?? 0), 0), 0),
      execs: s.daemons.reduce((n, d) => n + (d.execs?.length ?? 0), 0),
      terminalLines: hooks.terminalText ? hooks.terminalText().split('\n').length : 0
    }
  })
}

/** Fails when the page has no test hooks (an old build, or ?e2e=1 dropped). */
export async function assertHooks(page: Page): Promise<void> {
  const ok = await page.evaluate(() => typeof (globalThis as unknown as Partial<PageGlobals>).__stacklab?.controller?.frame === 'function')
  if (!ok) throw new Error('window.__stacklab.controller is missing: is the page built with the test hooks and opened with ?e2e=1?')
}

export interface DomCounters {
  documents: number
  /** every DOM node alive in the renderer (CDP): the page's, and those Blink itself keeps, e.g. the editing undo
   * stack of a text field (up to 1,000 steps; xterm's input field adds a step per typed line) */
  nodes: number
  /** the nodes in the document, shadow roots included: what the page itself holds on to */
  documentNodes: number
  jsEventListeners: number
}

/** DOM nodes and JS event listeners alive in the page (CDP Memory.getDOMCounters, after a GC), and the nodes in
 * the document. */
export async function domCounters(cdp: CDPSession, page: Page): Promise<DomCounters> {
  const c = await cdp.send('Memory.getDOMCounters')
  const documentNodes = await page.evaluate(() => {
    interface N { shadowRoot?: N | null }
    interface Walker { currentNode: N | null; nextNode(): N | null }
    const doc = (globalThis as unknown as { document: N & { createTreeWalker(root: N, what: number): Walker } }).document
    let count = 0
    const walk = (root: N): void => {
      const walker = doc.createTreeWalker(root, 0xffffffff)
      for (let n: N | null = walker.currentNode; n; n = walker.nextNode()) {
        count++
        if (n.shadowRoot) walk(n.shadowRoot)
      }
    }
    walk(doc)
    return count
  })
  return { documents: c.documents, nodes: c.nodes, documentNodes, jsEventListeners: c.jsEventListeners }
}
