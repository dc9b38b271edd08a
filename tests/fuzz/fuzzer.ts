// A seeded UI fuzzer in the spirit of PhET's ?fuzz: random clicks, drags, wheel turns and key presses anywhere on
// the page (the Pixi canvas included), random typing into the fields and the terminal (command lines that make
// sense, and garbage), or — in keyboard mode — Tab, Shift+Tab, Enter, Space, Escape and the arrows only.
// It fails on a page error, a console error (bar a known harmless Chromium message) or a broken invariant of the
// world's report, and keeps a log of every action with its resolved coordinates and text, so a run can be
// replayed without the generator. Used by tests/fuzz/runFuzz.ts (long runs) and tests/e2e/fuzz.spec.ts (smoke).
import type { ConsoleMessage, FileChooser, Page } from '@playwright/test'

export type FuzzMode = 'mixed' | 'keyboard'

export type FuzzAction =
  | { at: number; kind: 'click'; x: number; y: number; button: 'left' | 'right' | 'middle'; clicks: number; target?: string }
  | { at: number; kind: 'drag'; x: number; y: number; toX: number; toY: number; steps: number }
  | { at: number; kind: 'wheel'; x: number; y: number; dx: number; dy: number }
  | { at: number; kind: 'hover'; x: number; y: number }
  | { at: number; kind: 'key'; key: string }
  | { at: number; kind: 'type'; x?: number; y?: number; target?: string; text: string; enter: boolean }
  | { at: number; kind: 'wait'; ms: number }
  | { at: number; kind: 'resize'; width: number; height: number }

export interface FuzzFailure { at: number; action: number; kind: 'pageerror' | 'console' | 'invariant' | 'crash' | 'driver'; message: string }

export interface FuzzLog {
  schema: 'stacklab.fuzz/1'
  seed: number
  mode: FuzzMode
  durationMs: number
  /** the viewport at the start (resize actions change it on the way) */
  viewport: { width: number; height: number }
  /** command lines run through the test hooks before the first action */
  prelude: string[]
  actions: FuzzAction[]
  failures: FuzzFailure[]
  /** things worth a look that are not failures (blocked requests, new windows, a keyboard trap) */
  notes: string[]
  invariantChecks: number
}

export interface FuzzOptions {
  seed: number
  mode: FuzzMode
  durationMs: number
  /** replays these actions instead of generating new ones */
  replay?: FuzzAction[]
  /** check the invariants every this many actions (and at the end) */
  checkEvery?: number
  /** stop at the first failure (default true) */
  stopOnFailure?: boolean
  onAction?: (action: FuzzAction, index: number) => void
  /** command lines run before the first action, so the stage has something on it to click */
  prelude?: string[]
}

/** What the stage holds when a fuzz run starts. */
export const DEFAULT_PRELUDE: readonly string[] = [
  'docker pull nginx:1.27', 'docker run -d --name web nginx:1.27', 'docker run -d --name cache redis:7', 'vm create vm1 --os alpine-3.20',
  'vm start vm1', 'wait 20s'
]

/** Chromium's notice that a meta CSP cannot carry frame-ancestors: harmless, the Electron shell sends it as a header. */
export const ALLOWED_CONSOLE_ERRORS: RegExp[] = [/frame-ancestors.*(ignored|delivered via a <meta> element)/i]

// ---- the generator --------------------------------------------------------------------------------------------

/** sfc32 seeded through splitmix32: small, fast and the same in every engine. */
export class Rng {
  private a: number
  private b: number
  private c: number
  private d: number

  constructor(seed: number) {
    let s = seed >>> 0
    const next = (): number => {
      s = (s + 0x9e3779b9) >>> 0
      let z = s
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0
      return (z ^ (z >>> 16)) >>> 0
    }
    this.a = next()
    this.b = next()
    this.c = next()
    this.d = next()
    for (let i = 0; i < 12; i++) this.float()
  }

  /** [0, 1) */
  float(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0
    this.d = (this.d + 1) >>> 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) >>> 0
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0
    this.c = (this.c + t) >>> 0
    return t / 4294967296
  }

  int(lo: number, hi: number): number {
    return lo + Math.floor(this.float() * (hi - lo + 1))
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)]!
  }

  chance(p: number): boolean {
    return this.float() < p
  }

  weighted<T extends string>(weights: Record<T, number>): T {
    const entries = Object.entries(weights) as [T, number][]
    let r = this.float() * entries.reduce((n, [, w]) => n + w, 0)
    for (const [key, w] of entries) {
      r -= w
      if (r < 0) return key
    }
    return entries[entries.length - 1]![0]
  }
}

/** Command lines that make sense (and build on each other: the same few names come back). */
export const VALID_LINES: readonly string[] = [
  'docker pull nginx:1.27', 'docker pull redis:7', 'docker pull alpine:3.20', 'docker pull postgres:16',
  'docker run -d --name web -p 8080:80 nginx:1.27', 'docker run -d --name cache redis:7', 'docker run -d --name db -m 256m postgres:16',
  'docker run --name once alpine:3.20 echo hi', 'docker run -d --name web2 --cpus 0.5 nginx:1.27', 'docker run -d --restart always --name keep redis:7',
  'docker ps', 'docker ps -a', 'docker images', 'docker stop web', 'docker start web', 'docker restart cache', 'docker kill cache',
  'docker pause web', 'docker unpause web', 'docker rm -f web', 'docker rm once', 'docker rm -f db', 'docker logs web', 'docker inspect web',
  'docker stats --no-stream', 'docker exec web ps', 'docker rmi alpine:3.20', 'docker network ls', 'docker network create net1',
  'docker volume create data', 'docker volume ls', 'docker system df', 'docker version', 'docker info', 'docker events --since 0 --until 1',
  'vm create vm1 --os alpine-3.20', 'vm create vm2 --os ubuntu-24.04 --memory 2g --cpus 2', 'vm create big --os windows-server-2022 --memory 8g',
  'vm create dk --os ubuntu-24.04 --docker', 'vm start vm1', 'vm start vm2', 'vm start big', 'vm start dk', 'vm stop vm1', 'vm stop vm2',
  'vm pause vm1', 'vm resume vm1', 'vm delete vm1', 'vm delete vm2', 'vm list', 'vm exec vm1 uname -a',
  'host list', 'host add edge --cores 4 --memory 8g --docker', 'host set vm-host --memory 32g', 'host set container-host --overcommit 1.5',
  'fault panic web', 'fault leak cache --rate 50MB/s', 'fault cpu-hog vm1', 'fault fork-bomb web', 'fault disk-fill cache', 'fault escape web',
  'fault panic vm2', 'checkpoint', 'checkpoint lesson', 'rewind', 'rewind lesson', 'wait 500ms', 'wait 5s', 'wait 1m', 'report', 'help',
  'help docker', 'history', 'clear', 'client use laptop-macos', 'client use host', 'export DOCKER_HOST=tcp://container-host:2376', 'unset DOCKER_HOST'
]

const GARBAGE_ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_=+/\\|;:\'",.<>?!@#$%^&*()[]{}~`\t'
const GARBAGE_EXTRA = ['é', 'ß', '✓', '🙂', '中文', '\u200b', '\u202e', '%s', '${x}', '$(ls)', '`id`', '../../etc/passwd', '\\x00', 'NaN', '-1', '1e309', '999999999999g']

function garbage(rng: Rng): string {
  const n = rng.int(1, 40)
  let text = ''
  for (let i = 0; i < n; i++) text += rng.chance(0.1) ? rng.pick(GARBAGE_EXTRA) : GARBAGE_ALPHABET[rng.int(0, GARBAGE_ALPHABET.length - 1)]!
  return text
}

/** A command word with broken flags, sizes or names: close to valid, which finds more than noise. */
function mangled(rng: Rng): string {
  const words = rng.pick(VALID_LINES).split(' ')
  const i = rng.int(0, words.length - 1)
  const replacements = ['', '-', '--', '0', '-5', '0g', '1e9g', '999999', 'NaN', '--memory', '--os', '"', "'", '\\', 'web', 'vm1', '::', rng.pick(GARBAGE_EXTRA)]
  words[i] = rng.pick(replacements)
  if (rng.chance(0.3)) words.push(rng.pick(replacements))
  return words.join(' ')
}

const KEYBOARD_KEYS = ['Tab', 'Tab', 'Tab', 'Shift+Tab', 'Enter', 'Space', 'Escape', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'] as const
const MIXED_KEYS = [
  ...KEYBOARD_KEYS, 'Space', 'ArrowRight', '+', '-', '=', '_', 'p', 'P', '?', 'f', 'Alt+r', 'Alt+R', 'Home', 'End', 'PageDown', 'PageUp',
  'Backspace', 'Delete', 'Control+c', 'Control+l', 'Control+a', 'a', 'z', '1', '0', 'Shift+ArrowRight'
] as const

/** What the fuzzer sees on the page to aim at: the controls and fields in view. */
interface Target { x: number; y: number; w: number; h: number; kind: 'control' | 'field' | 'terminal' | 'canvas'; label: string }

async function targets(page: Page, viewport: { width: number; height: number }): Promise<Target[]> {
  const all = await page.evaluate(() => {
    interface El { getBoundingClientRect(): { x: number; y: number; width: number; height: number }; tagName: string; getAttribute(n: string): string | null; disabled?: boolean; closest(s: string): El | null; textContent: string | null }
    const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): Iterable<El> } }).document
    const out: { x: number; y: number; w: number; h: number; kind: 'control' | 'field' | 'terminal' | 'canvas'; label: string }[] = []
    const seen = new Set<El>()
    const add = (selector: string, kind: 'control' | 'field' | 'terminal' | 'canvas'): void => {
      for (const el of doc.querySelectorAll(selector)) {
        if (seen.has(el) || el.disabled) continue
        seen.add(el)
        const r = el.getBoundingClientRect()
        if (r.width < 2 || r.height < 2) continue
        const label = el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? (el.textContent ?? '').trim().slice(0, 30) ?? el.tagName
        out.push({ x: r.x, y: r.y, w: r.width, h: r.height, kind, label: `${el.tagName.toLowerCase()}:${label}` })
      }
    }
    add('.xterm-screen, [data-testid="terminal"]', 'terminal')
    add('[data-testid="stage"] canvas', 'canvas')
    add('input:not([type="hidden"]):not([type="file"]), textarea:not(.xterm-helper-textarea), [contenteditable="true"]', 'field')
    add('button, a[href], select, summary, [role="tab"], [role="switch"], [role="button"], [tabindex="0"], label', 'control')
    return out
  })
  // only what is in view (the page scrolls), cut to the part in view
  const inView: Target[] = []
  for (const t of all) {
    const x0 = Math.max(0, t.x)
    const y0 = Math.max(0, t.y)
    const x1 = Math.min(viewport.width - 1, t.x + t.w)
    const y1 = Math.min(viewport.height - 1, t.y + t.h)
    if (x1 - x0 >= 2 && y1 - y0 >= 2) inView.push({ ...t, x: x0, y: y0, w: x1 - x0, h: y1 - y0 })
  }
  return inView
}

// ---- the runner -------------------------------------------------------------------------------------------------

interface InvariantGlobals {
  __stacklab?: {
    report(): {
      clockMs: number
      hosts: { name: string; memoryMb: number; memoryUsedMb: number; pidsUsed: number; pidsMax: number; cpuPercent: number }[]
      instances: { kind: string; name: string; host: string; parent: string | null; state: string; memoryMb: number; limits: { memoryMb: number | null } }[]
    }
    controller: { world: { state: { vms: { id: string; name: string; hidden: boolean }[]; daemons: { id: string; containers: { id: string; name: string; state: string }[]; images: { id: string }[]; networks: { id: string; name: string }[] }[] } } }
  }
}

/** The invariants of the world, read through window.__stacklab: the broken ones, as sentences. */
export async function checkInvariants(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const hooks = (globalThis as unknown as InvariantGlobals).__stacklab
    if (!hooks) return ['window.__stacklab is missing (was the page reloaded without ?e2e=1?)']
    const broken: string[] = []
    const report = hooks.report()
    const walk = (value: unknown, path: string): void => {
      if (typeof value === 'number') {
        if (!Number.isFinite(value)) broken.push(`${path} is ${value}`)
        else if (value < 0 && !/exitCode$/.test(path)) broken.push(`${path} is negative (${value})`)
      } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`))
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`)
    }
    walk(report, 'report')
    for (const h of report.hosts) {
      if (h.memoryUsedMb > h.memoryMb + 0.5) broken.push(`host ${h.name} uses ${h.memoryUsedMb} MB of ${h.memoryMb} MB`)
      if (h.pidsUsed > h.pidsMax) broken.push(`host ${h.name} has ${h.pidsUsed} pids of ${h.pidsMax}`)
    }
    for (const i of report.instances) {
      if (i.limits.memoryMb !== null && i.memoryMb > i.limits.memoryMb + 0.5) broken.push(`${i.kind} ${i.name} uses ${i.memoryMb} MB over its ${i.limits.memoryMb} MB limit`)
    }
    const dupes = (what: string, values: string[]): void => {
      const seen = new Set<string>()
      for (const v of values) {
        if (seen.has(v)) broken.push(`${what} ${v} is not unique`)
        seen.add(v)
      }
    }
    const s = hooks.controller.world.state
    const liveVms = s.vms.filter((v) => !v.hidden)
    dupes('vm id', s.vms.map((v) => v.id))
    dupes('vm name', liveVms.map((v) => v.name))
    dupes('container id', s.daemons.flatMap((d) => d.containers.map((c) => c.id)))
    for (const d of s.daemons) {
      dupes(`container name on ${d.id}:`, d.containers.filter((c) => c.state !== 'removed').map((c) => c.name))
      dupes(`image id on ${d.id}:`, d.images.map((i) => i.id))
      dupes(`network on ${d.id}:`, d.networks.map((n) => n.name))
    }
    dupes('daemon', s.daemons.map((d) => d.id))
    dupes('report instance', report.instances.filter((i) => i.state !== 'removed').map((i) => `${i.kind}:${i.parent ?? i.host}:${i.name}`))
    return broken
  })
}

export class Fuzzer {
  readonly log: FuzzLog
  private readonly rng: Rng
  private readonly fileRng: Rng
  private actionIndex = -1
  private started = 0
  /** keyboard mode: the last keys pressed and whether the focus was in the terminal before each, newest last */
  private recentKeys: { key: string; fromTerminal: boolean }[] = []
  /** keyboard mode: whether the focus was in the terminal when last looked at (before the next key) */
  private focusInTerminal = false
  private viewport: { width: number; height: number }

  constructor(private readonly page: Page, private readonly options: FuzzOptions) {
    this.rng = new Rng(options.seed)
    this.fileRng = new Rng(options.seed ^ 0x5eed_f11e)
    const viewport = page.viewportSize() ?? { width: 1280, height: 720 }
    this.viewport = viewport
    this.log = {
      schema: 'stacklab.fuzz/1', seed: options.seed, mode: options.mode, durationMs: options.durationMs, viewport, prelude: [...(options.prelude ?? [])],
      actions: [], failures: [], notes: [], invariantChecks: 0
    }
  }

  /** Listens for failures on the page; call before the page is opened so nothing is missed. */
  watch(): void {
    const page = this.page
    page.on('pageerror', (error) => this.fail('pageerror', `${error.name}: ${error.message}${error.stack ? `\n${error.stack.split('\n').slice(1, 6).join('\n')}` : ''}`))
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() !== 'error') return
      const text = message.text()
      if (ALLOWED_CONSOLE_ERRORS.some((re) => re.test(text))) return
      const where = message.location()
      this.fail('console', `${text}${where.url ? ` (${where.url}:${where.lineNumber})` : ''}`)
    })
    page.on('crash', () => this.fail('crash', 'the page crashed'))
    page.on('dialog', (dialog) => {
      this.note(`a ${dialog.type()} dialog: ${dialog.message()}`)
      void dialog.dismiss().catch(() => {})
    })
    page.on('popup', (popup) => {
      this.note(`a new window opened: ${popup.url()}`)
      void popup.close().catch(() => {})
    })
    page.on('filechooser', (chooser: FileChooser) => void this.chooseFile(chooser))
    page.on('download', (download) => void download.delete().catch(() => {}))
    // never leave the machine: anything not on the page's own origin (or data:/blob:) is refused and noted
    void page.context().route((url) => !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) && url.protocol !== 'data:' && url.protocol !== 'blob:', (route) => {
      this.note(`blocked a request to ${route.request().url()}`)
      void route.abort().catch(() => {})
    })
  }

  /** Runs until the time is up (or the replayed log ends, or the first failure unless told otherwise). */
  async run(): Promise<FuzzLog> {
    const { durationMs, replay, checkEvery = 8, stopOnFailure = true } = this.options
    for (const line of this.log.prelude) {
      await this.page.evaluate((l) => (globalThis as unknown as { __stacklab: { run(line: string): Promise<unknown> } }).__stacklab.run(l), line)
    }
    this.started = Date.now()
    const queue = replay ? [...replay] : null
    let sinceCheck = 0
    while (true) {
      if (stopOnFailure && this.log.failures.length) break
      if (queue ? queue.length === 0 : Date.now() - this.started >= durationMs) break
      let action: FuzzAction
      if (queue) {
        action = queue.shift()!
        const wait = action.at - (Date.now() - this.started)
        if (wait > 0) await this.page.waitForTimeout(Math.min(wait, 2000))
      } else action = await this.next()
      this.actionIndex = this.log.actions.length
      this.log.actions.push(action)
      this.options.onAction?.(action, this.actionIndex)
      try {
        await this.perform(action)
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        if (this.page.isClosed() || /Target (page, context or browser )?closed|crash/i.test(message)) {
          this.fail('crash', `the page went away: ${message}`)
          break
        }
        // a key or a click the browser refused (e.g. on a detached element) is not the app's fault
        this.note(`action ${this.actionIndex} (${action.kind}) was refused by the driver: ${message.split('\n')[0]}`)
      }
      if (++sinceCheck >= checkEvery) {
        sinceCheck = 0
        await this.check()
      }
    }
    if (!this.page.isClosed() && !(stopOnFailure && this.log.failures.length)) await this.check()
    this.log.durationMs = Date.now() - this.started
    return this.log
  }

  private async check(): Promise<void> {
    try {
      const broken = await withTimeout(checkInvariants(this.page), 15_000, 'the page did not answer the invariant check within 15 s')
      this.log.invariantChecks++
      for (const b of broken.slice(0, 10)) this.fail('invariant', b)
    } catch (error) {
      this.fail('driver', error instanceof Error ? error.message.split('\n')[0]! : String(error))
    }
  }

  private fail(kind: FuzzFailure['kind'], message: string): void {
    this.log.failures.push({ at: Date.now() - this.started, action: this.actionIndex, kind, message })
  }

  private note(text: string): void {
    if (this.log.notes.length < 200 && !this.log.notes.includes(text)) this.log.notes.push(text)
  }

  private async chooseFile(chooser: FileChooser): Promise<void> {
    const rng = this.fileRng
    const lines = Array.from({ length: rng.int(0, 6) }, () => (rng.chance(0.75) ? rng.pick(VALID_LINES) : rng.chance(0.5) ? mangled(rng) : garbage(rng)))
    const text = rng.chance(0.9) ? `# fuzz scenario\n${lines.join('\n')}\n` : garbage(rng)
    await chooser.setFiles({ name: 'fuzz.txt', mimeType: 'text/plain', buffer: Buffer.from(text) }).catch(() => {})
  }

  // ---- generating ---------------------------------------------------------------------------------------------

  private async next(): Promise<FuzzAction> {
    const at = Date.now() - this.started
    const rng = this.rng
    const { width, height } = this.viewport
    if (this.options.mode === 'keyboard') {
      if (rng.chance(0.08)) return { at, kind: 'wait', ms: rng.int(50, 600) }
      await this.noteTrap()
      return { at, kind: 'key', key: rng.pick(KEYBOARD_KEYS) }
    }
    const kind = rng.weighted({ click: 30, aimed: 30, drag: 7, wheel: 5, hover: 5, key: 12, type: 14, wait: 4, resize: 1 })
    const point = () => ({ x: rng.int(0, width - 1), y: rng.int(0, height - 1) })
    switch (kind) {
      case 'click': {
        const p = point()
        return { at, kind: 'click', ...p, button: rng.chance(0.9) ? 'left' : rng.pick(['right', 'middle'] as const), clicks: rng.chance(0.9) ? 1 : 2 }
      }
      case 'aimed': {
        // aim at a control: random points mostly land on the stage and the panels' empty space
        const all = (await targets(this.page, this.viewport)).filter((t) => t.kind === 'control' || t.kind === 'canvas')
        if (all.length === 0) return { at, kind: 'click', ...point(), button: 'left', clicks: 1 }
        const t = rng.pick(all)
        return { at, kind: 'click', x: Math.round(t.x + rng.float() * t.w), y: Math.round(t.y + rng.float() * t.h), button: 'left', clicks: 1, target: t.label }
      }
      case 'drag': {
        const a = point()
        const b = rng.chance(0.5) ? point() : { x: a.x + rng.int(-80, 80), y: a.y + rng.int(-80, 80) }
        return { at, kind: 'drag', x: a.x, y: a.y, toX: b.x, toY: b.y, steps: rng.int(2, 12) }
      }
      case 'wheel': return { at, kind: 'wheel', ...point(), dx: rng.int(-200, 200), dy: rng.int(-600, 600) }
      case 'hover': return { at, kind: 'hover', ...point() }
      case 'key': return { at, kind: 'key', key: rng.pick(MIXED_KEYS) }
      case 'wait': return { at, kind: 'wait', ms: rng.int(50, 1500) }
      case 'resize': return { at, kind: 'resize', width: rng.pick([800, 1024, 1280, 1600, 1920]), height: rng.pick([600, 720, 900, 1080]) }
      case 'type': {
        const fields = (await targets(this.page, this.viewport)).filter((t) => t.kind === 'field' || t.kind === 'terminal')
        const text = rng.chance(0.55) ? rng.pick(VALID_LINES) : rng.chance(0.5) ? mangled(rng) : garbage(rng)
        const enter = rng.chance(0.8)
        if (fields.length === 0 || rng.chance(0.15)) return { at, kind: 'type', text, enter } // wherever the focus is
        // the terminal half the time: it is where the commands go
        const terminal = fields.find((f) => f.kind === 'terminal')
        const t = terminal && rng.chance(0.5) ? terminal : rng.pick(fields)
        return { at, kind: 'type', x: Math.round(t.x + t.w / 2), y: Math.round(t.y + Math.min(t.h / 2, 20)), target: t.label, text, enter }
      }
    }
  }

  /**
   * In keyboard mode: the terminal keeps Tab for completion, and Escape then Tab (or Shift+Tab) is the documented
   * way out (TerminalPanel). A trap is that pair pressed in the terminal leaving the focus there. (Random keys stay
   * in the terminal for long runs without the pair, which is not a trap.)
   */
  private async noteTrap(): Promise<void> {
    const inTerminal = await this.page.evaluate(() => {
      const doc = (globalThis as unknown as { document: { activeElement: { closest(s: string): unknown } | null } }).document
      return doc.activeElement?.closest('.xterm') != null
    }).catch(() => false)
    const [escape, tab] = this.recentKeys.slice(-2)
    if (inTerminal && escape?.key === 'Escape' && escape.fromTerminal && (tab?.key === 'Tab' || tab?.key === 'Shift+Tab')) {
      this.note(`keyboard trap: Escape then ${tab.key} in the terminal left the focus there`)
    }
    this.focusInTerminal = inTerminal
  }

  // ---- performing ---------------------------------------------------------------------------------------------

  private async perform(action: FuzzAction): Promise<void> {
    const page = this.page
    const mouse = page.mouse
    switch (action.kind) {
      case 'click':
        await mouse.click(action.x, action.y, { button: action.button, clickCount: action.clicks })
        break
      case 'drag':
        await mouse.move(action.x, action.y)
        await mouse.down()
        await mouse.move(action.toX, action.toY, { steps: action.steps })
        await mouse.up()
        break
      case 'wheel':
        await mouse.move(action.x, action.y)
        await mouse.wheel(action.dx, action.dy)
        break
      case 'hover':
        await mouse.move(action.x, action.y, { steps: 3 })
        break
      case 'key':
        await page.keyboard.press(action.key)
        this.recentKeys = [...this.recentKeys.slice(-1), { key: action.key, fromTerminal: this.focusInTerminal }]
        break
      case 'type':
        if (action.x !== undefined && action.y !== undefined) await mouse.click(action.x, action.y)
        await page.keyboard.insertText(action.text.includes('\t') ? action.text.replace(/\t/g, ' ') : action.text)
        if (action.enter) await page.keyboard.press('Enter')
        break
      case 'wait':
        await page.waitForTimeout(action.ms)
        break
      case 'resize':
        await page.setViewportSize({ width: action.width, height: action.height })
        this.viewport = { width: action.width, height: action.height }
        break
    }
    // a short breath so the loop runs and the panels follow, as between a person's actions
    await page.waitForTimeout(15)
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => { timer = setTimeout(() => reject(new Error(message)), ms) })
  ])
}

/** The file a failed run's log goes to, under test-results/. */
export function fuzzFileName(seed: number): string {
  return `fuzz-${seed}.json`
}

export function parseFuzzLog(text: string): FuzzLog {
  const log = JSON.parse(text) as Partial<FuzzLog>
  if (log.schema !== 'stacklab.fuzz/1' || typeof log.seed !== 'number' || !Array.isArray(log.actions)) throw new Error('not a Stacklab fuzz log (schema stacklab.fuzz/1)')
  return {
    schema: 'stacklab.fuzz/1', seed: log.seed, mode: log.mode === 'keyboard' ? 'keyboard' : 'mixed', durationMs: log.durationMs ?? 0,
    viewport: log.viewport ?? { width: 1280, height: 720 }, prelude: log.prelude ?? [], actions: log.actions, failures: log.failures ?? [],
    notes: log.notes ?? [], invariantChecks: log.invariantChecks ?? 0
  }
}

export function summarize(log: FuzzLog): string {
  const kinds = new Map<string, number>()
  for (const a of log.actions) kinds.set(a.kind, (kinds.get(a.kind) ?? 0) + 1)
  const counts = [...kinds].map(([k, n]) => `${k} ${n}`).join(', ')
  const head = `seed ${log.seed} (${log.mode}): ${log.actions.length} actions in ${(log.durationMs / 1000).toFixed(1)} s (${counts}), ${log.invariantChecks} invariant checks, ${log.failures.length} failures`
  const failures = log.failures.slice(0, 5).map((f) => `  ✗ [${f.kind}] after action ${f.action}: ${f.message.split('\n')[0]}`)
  const notes = log.notes.slice(0, 5).map((n) => `  · ${n}`)
  return [head, ...failures, ...notes].join('\n')
}
