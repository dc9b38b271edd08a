// The render benchmark (issue 3, point 6): the web build in headless chromium with the WebGL renderer, 20 VMs and
// 200 containers running, and the main-thread JS time of each animation frame — the controller's frame(): the
// simulation step, the scene update and the render submit — at 1× speed; the JS heap after GC at 10 s and after
// 2 minutes (20 s with --quick); the initial JS the page loads, gzipped; navigation to the first drawn frame.
//
// The page is instrumented from outside (an init script), so the app carries no bench code: the script traps the
// assignment of window.__stacklab (made before the loop starts when the page has ?e2e=1) and wraps the
// controller's frame(), the world's step(), the scene's frame() and the renderer's render() with performance.now().
import { readFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Browser, CDPSession, Page } from '@playwright/test'
import { launchChromium, newPage, openApp, serveStatic, webFolder } from './renderPage.ts'
import { assertHooks, heapAfterGc, liveCounts, mb, runLines, type LiveCounts, type PageController, type PageGlobals, type PageScene } from './renderHooks.ts'

export const BENCH_VMS = 20
export const BENCH_CONTAINERS = 200
export const TARGET_FRAME_MEDIAN_MS = 4
export const TARGET_INITIAL_JS_KB = 350

export interface Spread { median: number; p95: number; mean: number; max: number }
export interface FrameWindow {
  seconds: number
  frames: number
  fps: number
  /** controller.frame(): step + scene update + render submit + the panels' snapshot */
  frameJsMs: Spread
  /** the parts, per frame (0 in frames without that part) */
  stepMs: Spread
  sceneUpdateMs: Spread
  renderSubmitMs: Spread
  /** frames that stepped the world / that rendered */
  steppedFrames: number
  renderedFrames: number
  /** all main-thread script time in the window (CDP ScriptDuration: React, charts, timers included) per frame */
  allScriptMsPerFrame: number
}
export interface JsFile { file: string; bytes: number; gzipBytes: number }
export interface RenderFigures {
  renderer: string
  vms: number
  containers: number
  setupWallMs: number
  /** the first ~10 s at 1× */
  frames: FrameWindow
  /** the last ~10 s of the long run, to see drift */
  lateFrames: FrameWindow
  heap: { after10sMb: number; afterRunMb: number; runSeconds: number; ratio: number }
  counts: { after10s: LiveCounts; afterRun: LiveCounts }
  initialJs: {
    /** the script and modulepreload tags of index.html */
    htmlGzipKb: number
    htmlRawKb: number
    htmlFiles: JsFile[]
    /** every JS file the browser fetched before the first drawn frame (the renderer's lazy chunks included) */
    beforeFirstFrameGzipKb: number
    beforeFirstFrameFiles: JsFile[]
  }
  /** navigation start to the end of the first render (median of `loads` cold loads) */
  firstFrameMs: number
  firstFrameRuns: number[]
  targets: { frameMedianMs: number; frameMedianMet: boolean; initialJsKb: number; initialJsMet: boolean }
  /** the machine: a busy one (other builds and tests) slows SwiftShader's frames and spreads the figures */
  machine: { cpus: number; loadAverage1mStart: number; loadAverage1mEnd: number }
}

export interface RenderBenchOptions {
  /** shortens the long run from 120 s to 20 s */
  quick?: boolean
  log?: (line: string) => void
}

// ---- the page probe (serialised into the page: self-contained) ------------------------------------------------

interface FrameProbe {
  firstFrameMs: number | null
  recording: boolean
  frameMs: number[]
  stepMs: number[]
  sceneMs: number[]
  renderMs: number[]
  rendered: number
  stepped: number
}
interface ProbeGlobals { __stacklab?: PageGlobals['__stacklab']; __stacklabProbe: FrameProbe }

function installFrameProbe(): void {
  const g = globalThis as unknown as ProbeGlobals
  const probe: FrameProbe = { firstFrameMs: null, recording: false, frameMs: [], stepMs: [], sceneMs: [], renderMs: [], rendered: 0, stepped: 0 }
  g.__stacklabProbe = probe
  const patched = new WeakSet<object>()
  let inFrame = false
  let stepAcc = 0
  let sceneAcc = 0
  let renderAcc = 0
  const patchWorld = (world: PageController['world']): void => {
    if (patched.has(world)) return
    patched.add(world)
    const step = world.step
    world.step = (ms: number) => {
      if (!inFrame) return step.call(world, ms)
      const t0 = performance.now()
      try {
        return step.call(world, ms)
      } finally {
        stepAcc += performance.now() - t0
      }
    }
  }
  const patchScene = (scene: PageScene): void => {
    if (patched.has(scene)) return
    patched.add(scene)
    const frame = scene.frame
    scene.frame = (...args: unknown[]) => {
      const t0 = performance.now()
      try {
        return frame.apply(scene, args)
      } finally {
        sceneAcc += performance.now() - t0
      }
    }
    const renderer = scene.renderer
    const render = renderer.render
    renderer.render = (...args: unknown[]) => {
      const t0 = performance.now()
      try {
        return render.apply(renderer, args)
      } finally {
        renderAcc += performance.now() - t0
      }
    }
  }
  const wrap = (controller: PageController): void => {
    const original = controller.frame
    controller.frame = (now: number) => {
      patchWorld(controller.world)
      if (controller.scene) patchScene(controller.scene)
      stepAcc = 0
      sceneAcc = 0
      renderAcc = 0
      const renderedBefore = controller.renderedFrames
      inFrame = true
      const t0 = performance.now()
      try {
        original.call(controller, now)
      } finally {
        inFrame = false
      }
      const t1 = performance.now()
      if (probe.firstFrameMs === null && controller.renderedFrames > 0) probe.firstFrameMs = t1
      if (probe.recording) {
        probe.frameMs.push(t1 - t0)
        probe.stepMs.push(stepAcc)
        probe.sceneMs.push(sceneAcc - renderAcc)
        probe.renderMs.push(renderAcc)
        if (stepAcc > 0) probe.stepped++
        if (controller.renderedFrames > renderedBefore) probe.rendered++
      }
    }
  }
  let hooks: ProbeGlobals['__stacklab']
  Object.defineProperty(g, '__stacklab', {
    configurable: true,
    enumerable: true,
    get: () => hooks,
    set: (value: ProbeGlobals['__stacklab']) => {
      hooks = value
      if (value?.controller) wrap(value.controller)
    }
  })
}

// ---- figures ----------------------------------------------------------------------------------------------------

const round = (n: number, digits = 3): number => Math.round(n * 10 ** digits) / 10 ** digits

export function spread(values: number[]): Spread {
  if (values.length === 0) return { median: 0, p95: 0, mean: 0, max: 0 }
  const sorted = [...values].sort((a, b) => a - b)
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!
  return { median: round(at(0.5)), p95: round(at(0.95)), mean: round(values.reduce((a, b) => a + b, 0) / values.length), max: round(sorted[sorted.length - 1]!) }
}

function gzipOf(dir: string, file: string): JsFile {
  const body = readFileSync(join(dir, file))
  return { file, bytes: body.length, gzipBytes: gzipSync(body).length }
}

/** The JS files index.html loads at once: module scripts and modulepreloads. */
export function htmlInitialJs(dir: string): JsFile[] {
  const html = readFileSync(join(dir, 'index.html'), 'utf8')
  const files = new Set<string>()
  for (const match of html.matchAll(/<script\b[^>]*\bsrc="([^"]+\.js)"/g)) files.add(match[1]!)
  for (const match of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+\.js)"/g)) files.add(match[1]!)
  return [...files].map((src) => gzipOf(dir, src.replace(/^\.?\//, '')))
}

const kb = (bytes: number): number => Math.round((bytes / 1024) * 10) / 10

async function measureWindow(page: Page, seconds: number, cdp: CDPSession): Promise<FrameWindow> {
  const scriptSeconds = async (): Promise<number> => {
    const { metrics } = await cdp.send('Performance.getMetrics')
    return metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0
  }
  await page.evaluate(() => {
    const p = (globalThis as unknown as ProbeGlobals).__stacklabProbe
    p.frameMs = []
    p.stepMs = []
    p.sceneMs = []
    p.renderMs = []
    p.rendered = 0
    p.stepped = 0
    p.recording = true
  })
  const script0 = await scriptSeconds()
  const t0 = Date.now()
  await page.waitForTimeout(seconds * 1000)
  const data = await page.evaluate(() => {
    const p = (globalThis as unknown as ProbeGlobals).__stacklabProbe
    p.recording = false
    return { frameMs: p.frameMs, stepMs: p.stepMs, sceneMs: p.sceneMs, renderMs: p.renderMs, rendered: p.rendered, stepped: p.stepped }
  })
  const elapsed = (Date.now() - t0) / 1000
  const script1 = await scriptSeconds()
  const frames = data.frameMs.length
  return {
    seconds: round(elapsed, 1),
    frames,
    fps: round(frames / elapsed, 1),
    frameJsMs: spread(data.frameMs),
    stepMs: spread(data.stepMs),
    sceneUpdateMs: spread(data.sceneMs),
    renderSubmitMs: spread(data.renderMs),
    steppedFrames: data.stepped,
    renderedFrames: data.rendered,
    allScriptMsPerFrame: frames ? round(((script1 - script0) * 1000) / frames) : 0
  }
}

/** Cold loads of the page (fresh context each): navigation start → end of the first render, and the JS fetched. */
async function coldLoad(browser: Browser, baseUrl: string): Promise<{ firstFrameMs: number; jsUrls: string[] }> {
  const page = await newPage(browser)
  await page.addInitScript(installFrameProbe)
  const jsUrls: { url: string; at: number }[] = []
  const started = Date.now()
  page.on('response', (response) => {
    if (/\.m?js(\?|$)/.test(response.url())) jsUrls.push({ url: response.url(), at: Date.now() - started })
  })
  await openApp(page, baseUrl, { renderer: 'webgl', paused: '1' })
  await page.waitForFunction(() => (globalThis as unknown as ProbeGlobals).__stacklabProbe.firstFrameMs !== null, undefined, { timeout: 30_000 })
  const firstFrameMs = await page.evaluate(() => (globalThis as unknown as ProbeGlobals).__stacklabProbe.firstFrameMs!)
  await page.context().close()
  const byFirstFrame = jsUrls.filter((j) => j.at <= firstFrameMs + 50).map((j) => j.url)
  return { firstFrameMs: round(firstFrameMs, 1), jsUrls: byFirstFrame }
}

export function setupLines(vms = BENCH_VMS, containers = BENCH_CONTAINERS): string[] {
  const lines = ['docker pull nginx:1.27']
  for (let i = 1; i <= vms; i++) lines.push(`vm create v${i} --os alpine-3.20 --memory 1g`, `vm start v${i}`)
  for (let i = 1; i <= containers; i++) lines.push(`docker run -d --name c${i} nginx:1.27`)
  return lines
}

export async function runRenderBench(options: RenderBenchOptions = {}): Promise<RenderFigures> {
  const log = options.log ?? (() => {})
  const runSeconds = options.quick ? 20 : 120
  const loadStart = loadavg()[0]!
  log('  building the web page…')
  const folder = await webFolder(process.env['STACKLAB_BENCH_REUSE_BUILD'] === '1')
  const server = await serveStatic(folder.dir)
  const browser = await launchChromium()
  try {
    // cold loads first: first drawn frame and the JS fetched for it
    const loads: { firstFrameMs: number; jsUrls: string[] }[] = []
    for (let i = 0; i < 3; i++) loads.push(await coldLoad(browser, server.url))
    const firstFrameRuns = loads.map((l) => l.firstFrameMs)
    const firstFrameMs = spread(firstFrameRuns).median
    const htmlFiles = htmlInitialJs(folder.dir)
    const fetched = [...new Set(loads[0]!.jsUrls.map((u) => new URL(u).pathname.replace(/^\//, '')))]
    const beforeFirstFrameFiles = fetched.map((file) => gzipOf(folder.dir, file))

    // the loaded stage
    const page = await newPage(browser)
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.addInitScript(installFrameProbe)
    await openApp(page, server.url, { renderer: 'webgl', paused: '1' })
    await assertHooks(page)
    const renderer = await page.evaluate(() => (globalThis as unknown as PageGlobals).__stacklab.controller.scene?.renderer.name ?? 'none')
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Performance.enable')
    log(`  putting ${BENCH_VMS} VMs and ${BENCH_CONTAINERS} containers up…`)
    const setupStart = Date.now()
    const failures = await runLines(page, [...setupLines(), 'wait 2m'])
    if (failures.length) throw new Error(`setup commands failed: ${failures.slice(0, 3).map((f) => `${f.line}: ${f.stderr}`).join('; ')}`)
    const running = await page.evaluate(() => {
      const r = (globalThis as unknown as PageGlobals).__stacklab.report()
      return { vms: r.instances.filter((i) => i.kind === 'vm' && i.state === 'running').length, containers: r.instances.filter((i) => i.kind === 'container' && i.state === 'running').length }
    })
    if (running.vms !== BENCH_VMS || running.containers !== BENCH_CONTAINERS) {
      throw new Error(`only ${running.vms} VMs and ${running.containers} containers running`)
    }
    const setupWallMs = Date.now() - setupStart
    await page.evaluate(() => {
      const c = (globalThis as unknown as PageGlobals).__stacklab.controller
      c.setSpeed(1)
      c.setPlaying(true)
    })
    await page.waitForTimeout(1000) // let the panels settle after the burst of commands
    const runStart = Date.now()
    log('  measuring 10 s of frames at 1×…')
    const frames = await measureWindow(page, 10, cdp)
    const heap10 = await heapAfterGc(cdp)
    const counts10 = await liveCounts(page)
    const lateStartAt = runStart + (runSeconds - 10) * 1000
    log(`  running until ${runSeconds} s…`)
    if (Date.now() < lateStartAt) await page.waitForTimeout(lateStartAt - Date.now())
    const lateFrames = await measureWindow(page, 10, cdp)
    const heapRun = await heapAfterGc(cdp)
    const countsRun = await liveCounts(page)
    if (errors.length) throw new Error(`page errors during the bench: ${errors.join('; ')}`)
    const htmlGzip = htmlFiles.reduce((n, f) => n + f.gzipBytes, 0)
    return {
      renderer,
      vms: running.vms,
      containers: running.containers,
      setupWallMs,
      frames,
      lateFrames,
      heap: { after10sMb: mb(heap10), afterRunMb: mb(heapRun), runSeconds: Math.round((Date.now() - runStart) / 1000), ratio: round(heapRun / heap10, 3) },
      counts: { after10s: counts10, afterRun: countsRun },
      initialJs: {
        htmlGzipKb: kb(htmlGzip),
        htmlRawKb: kb(htmlFiles.reduce((n, f) => n + f.bytes, 0)),
        htmlFiles,
        beforeFirstFrameGzipKb: kb(beforeFirstFrameFiles.reduce((n, f) => n + f.gzipBytes, 0)),
        beforeFirstFrameFiles
      },
      firstFrameMs,
      firstFrameRuns,
      targets: {
        frameMedianMs: TARGET_FRAME_MEDIAN_MS,
        frameMedianMet: frames.frameJsMs.median <= TARGET_FRAME_MEDIAN_MS,
        initialJsKb: TARGET_INITIAL_JS_KB,
        initialJsMet: kb(htmlGzip) <= TARGET_INITIAL_JS_KB
      },
      machine: { cpus: cpus().length, loadAverage1mStart: round(loadStart, 2), loadAverage1mEnd: round(loadavg()[0]!, 2) }
    }
  } finally {
    await browser.close()
    await server.close()
    folder.dispose()
  }
}

/** The figures as the lines `npm run bench` prints. */
export function renderLines(r: RenderFigures): string[] {
  const w = (name: string, f: FrameWindow): string[] => [
    `  ${name}: ${f.frames} frames in ${f.seconds} s (${f.fps} fps), ${f.steppedFrames} stepped the world, ${f.renderedFrames} rendered`,
    `    frame JS (step + scene + render submit): median ${f.frameJsMs.median} ms · p95 ${f.frameJsMs.p95} ms · mean ${f.frameJsMs.mean} ms · max ${f.frameJsMs.max} ms`,
    `    parts (p95): step ${f.stepMs.p95} ms · scene update ${f.sceneUpdateMs.p95} ms · render submit ${f.renderSubmitMs.p95} ms; means ${f.stepMs.mean} / ${f.sceneUpdateMs.mean} / ${f.renderSubmitMs.mean} ms`,
    `    all main-thread script (React, charts, timers too): ${f.allScriptMsPerFrame} ms per frame`
  ]
  return [
    `Stacklab benchmark — rendering (headless chromium, ${r.renderer} renderer, ${r.vms} VMs + ${r.containers} containers running, 1×)`,
    `  set-up through the shell: ${(r.setupWallMs / 1000).toFixed(1)} s`,
    ...w('first 10 s', r.frames),
    ...w(`last 10 s of ${r.heap.runSeconds} s`, r.lateFrames),
    `  JS heap after GC: ${r.heap.after10sMb} MB at 10 s → ${r.heap.afterRunMb} MB at ${r.heap.runSeconds} s (×${r.heap.ratio})`,
    `  Pixi objects: ${r.counts.after10s.pixiObjects} → ${r.counts.afterRun.pixiObjects}; world events ${r.counts.after10s.worldEvents} → ${r.counts.afterRun.worldEvents}; chart samples ${r.counts.after10s.chartSamples} → ${r.counts.afterRun.chartSamples}`,
    `  initial JS (index.html's scripts + modulepreloads): ${r.initialJs.htmlGzipKb} KB gzipped (${r.initialJs.htmlRawKb} KB raw) — ${r.initialJs.htmlFiles.map((f) => `${f.file} ${kb(f.gzipBytes)}`).join(', ')}`,
    `  all JS fetched before the first frame: ${r.initialJs.beforeFirstFrameGzipKb} KB gzipped in ${r.initialJs.beforeFirstFrameFiles.length} files`,
    `  navigation → first drawn frame: ${r.firstFrameMs} ms (median of ${r.firstFrameRuns.join(', ')} ms)`,
    `  machine: ${r.machine.cpus} cores, load average ${r.machine.loadAverage1mStart} → ${r.machine.loadAverage1mEnd} (figures spread on a busy machine)`,
    `  targets: frame JS median ≤ ${r.targets.frameMedianMs} ms ${r.targets.frameMedianMet ? 'met' : 'NOT met'}; initial JS ≤ ${r.targets.initialJsKb} KB gzipped ${r.targets.initialJsMet ? 'met' : 'NOT met'}`
  ]
}
