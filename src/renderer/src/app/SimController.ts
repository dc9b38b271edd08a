// The one owner of the World and the Shell in the renderer. It runs the loop (real ms × speed → world.step in
// 100 ms steps), turns buttons and menu items into command lines through the Shell, hands React small frozen
// snapshots, and lets the Pixi scene read the world's plain state every frame.
import { World, catalog, type EmittedEvent } from '../../../sim/index.ts'
import { Shell, type ShellOutput } from '../../../cli/Shell.ts'
import type {
  CompletionWords, DialogKind, ProjectInfo, HelpTopic, LayerHover, Notice, ShellResult, StageColumnInfo, TimingMode, TranscriptEntry,
  UiController, UiSnapshot, UiText, ViewState
} from '../ui/types'
import { t } from '../i18n'
import type { Platform } from '../platform/createPlatform'
import type { StackScene } from '../scene/StackScene'
import { ValueStore } from './ValueStore'
import { SnapshotBuilder } from './snapshot'
import { ChartSamples, SAMPLE_EVERY_MS } from './ChartSamples'
import { encodeSandboxSave, type LessonPart, type SandboxSave } from './sandboxSave'
import { TICK_MS } from '../../../sim/index.ts'

export const SPEEDS = [0.25, 0.5, 1, 2, 5, 10, 20] as const
export const STEP_CHOICES_MS = [100, 1000, 10_000] as const
/** Never more virtual time in one frame than this, however fast: a frame stays a frame. */
const MAX_MS_PER_FRAME = 20_000
/** Compressed timing aims to show each boot phase for about this long in real time at 1×. */
const COMPRESSED_PHASE_REAL_MS = 400
const SNAPSHOT_EVERY_MS = 250

/** A notice's words: a panels.notice.* key, translated when the notice is shown (so it follows the language). */
const notice = (key: string, params?: UiText['params']): UiText => (params ? { key: `panels.notice.${key}`, params } : { key: `panels.notice.${key}` })

/** An error whose reason the person reads (a damaged autosave): English in the message, a key for the notice. */
export class ReasonError extends Error {
  constructor(readonly text: UiText, english: string) {
    super(english)
  }
}

export interface ControllerOptions {
  seed?: number
  platform: Platform
  projector?: boolean
  reducedMotion?: boolean
  playing?: boolean
  speed?: number
}

/** What the lesson player tells the autosave: the learner's own sandbox while a lesson holds the stage (null:
 * the stage is the sandbox) and the lesson in progress. */
export interface AutosaveSource {
  sandbox(): { world: World; shell: Shell } | null
  lesson(): LessonPart | null
}

export class SimController implements UiController {
  world: World
  shell: Shell
  readonly samples = new ChartSamples()
  readonly charts = this.samples
  readonly store: ValueStore<UiSnapshot>
  readonly hover = new ValueStore<LayerHover | null>(null)
  readonly layers = new ValueStore<readonly StageColumnInfo[]>([])
  /** bumped on every change worth autosaving */
  changeCount = 0
  /** frames rendered by the scene, for the tests */
  renderedFrames = 0
  /** set by the lesson player (app/lessonController.ts): lines run through its session, which logs and checks them */
  lineRunner: ((line: string) => Promise<ShellOutput>) | null = null
  /** called after the loop or Step let virtual time pass (the lesson player re-checks its objectives) */
  readonly advanceListeners = new Set<() => void>()

  private readonly platform: Platform
  private readonly seed: number
  private readonly builder = new SnapshotBuilder()
  private readonly transcriptListeners = new Set<(entry: TranscriptEntry) => void>()
  private scene: StackScene | null = null
  private unsubscribeWorld: () => void = () => {}
  private playing: boolean
  private speed: number
  private timing: TimingMode = 'realistic'
  private compression = 1
  private stepMs: number = STEP_CHOICES_MS[0]
  private accumulatorMs = 0
  private busy = 0
  private selectedKey: string | null = null
  private focusedLayer: string | null = null
  private view: ViewState
  private notices: Notice[] = []
  private noticeSeq = 0
  private autosaveStatus: UiSnapshot['autosave'] = { status: 'off', savedAt: null, message: null }
  private snapshotDirty = true
  private snapshotQueued = false
  private lastSnapshotAt = 0
  private lastSnapshotClock = -1
  private nextSampleAtMs = 0
  private lastFrameAt: number | null = null
  private rafId = 0
  private sceneVersion = -1
  private damagedAutosave: string | null = null
  /** set by the lesson player: what the autosave keeps while a lesson holds the stage */
  autosaveSource: AutosaveSource | null = null
  private pendingLesson: LessonPart | null = null

  constructor(options: ControllerOptions) {
    this.platform = options.platform
    this.seed = options.seed ?? 1
    this.world = new World({ seed: this.seed })
    this.shell = new Shell(this.world)
    this.playing = options.playing ?? true
    this.speed = options.speed ?? 1
    this.view = { projector: options.projector ?? false, reducedMotion: options.reducedMotion ?? false, zoom: 1, help: null, dialog: null }
    this.store = new ValueStore<UiSnapshot>(this.buildSnapshot())
    this.attachWorld()
  }

  // ---- the loop ------------------------------------------------------------------------------------------

  attachScene(scene: StackScene): void {
    this.scene = scene
    scene.onSelect = (key) => this.select(key)
    scene.onHover = (hover) => this.hover.set(hover)
    scene.setSelected(this.selectedKey)
  }

  start(): void {
    let failed = false
    const tick = (now: number): void => {
      this.rafId = requestAnimationFrame(tick)
      try {
        this.frame(now)
      } catch (error) {
        // a fault in one frame must not freeze the app: stop time, say so once, keep drawing
        this.playing = false
        if (!failed) {
          failed = true
          console.error(error)
          this.notify('error', notice('internalError', { message: error instanceof Error ? error.message : String(error) }))
        }
      }
    }
    this.rafId = requestAnimationFrame(tick)
  }

  stop(): void {
    cancelAnimationFrame(this.rafId)
  }

  /** One animation frame: advance virtual time, redraw the stage, refresh the panels at a few Hz. */
  frame(now: number): void {
    const dtMs = this.lastFrameAt === null ? 0 : Math.min(250, Math.max(0, now - this.lastFrameAt))
    this.lastFrameAt = now
    this.compression = this.timing === 'compressed' ? this.compressionFactor() : 1
    if (this.playing && this.busy === 0) {
      this.accumulatorMs += dtMs * this.speed * this.compression
      if (this.accumulatorMs >= TICK_MS) {
        const ms = Math.min(MAX_MS_PER_FRAME, Math.floor(this.accumulatorMs / TICK_MS) * TICK_MS)
        this.accumulatorMs = ms === MAX_MS_PER_FRAME ? 0 : this.accumulatorMs - ms
        this.advance(ms)
      }
    }
    if (this.scene) {
      if (this.scene.frame(this.world.state, dtMs)) this.renderedFrames++
      if (this.scene.version !== this.sceneVersion) {
        this.sceneVersion = this.scene.version
        this.layers.set(Object.freeze(this.scene.layers()))
      }
    }
    const clock = this.world.clockMs
    if (this.snapshotDirty || (clock !== this.lastSnapshotClock && now - this.lastSnapshotAt >= SNAPSHOT_EVERY_MS)) {
      this.lastSnapshotAt = now
      this.publish()
    }
  }

  /** Advances virtual time, sampling the charts at every whole virtual second on the way. */
  private advance(ms: number): void {
    let remaining = ms
    while (remaining > 0) {
      const untilSample = this.nextSampleAtMs - this.world.clockMs
      const chunk = untilSample > 0 ? Math.min(remaining, untilSample) : remaining
      this.world.step(chunk)
      remaining -= chunk
      if (this.world.clockMs >= this.nextSampleAtMs) this.sample()
    }
    this.changeCount++
    for (const listener of [...this.advanceListeners]) listener()
  }

  private sample(): void {
    this.samples.record(this.world.state)
    this.nextSampleAtMs = (Math.floor(this.world.clockMs / SAMPLE_EVERY_MS) + 1) * SAMPLE_EVERY_MS
  }

  /** How much faster compressed timing runs now: each boot phase lasts about COMPRESSED_PHASE_REAL_MS. */
  private compressionFactor(): number {
    let shortest = Infinity
    const state = this.world.state
    for (let i = 0; i < state.vms.length; i++) {
      const vm = state.vms[i]!
      if (vm.state !== 'starting' || vm.hidden) continue
      const phase = vm.plannedPhases[vm.phaseIndex]
      if (phase && phase.ms < shortest) shortest = phase.ms
    }
    for (let d = 0; d < state.daemons.length; d++) {
      const containers = state.daemons[d]!.containers
      for (let i = 0; i < containers.length; i++) {
        const c = containers[i]!
        if (c.state !== 'starting') continue
        const phase = c.plannedPhases[c.phaseIndex]
        if (phase && phase.ms < shortest) shortest = phase.ms
      }
    }
    if (shortest === Infinity) return 1
    return Math.max(1, Math.min(60, shortest / COMPRESSED_PHASE_REAL_MS))
  }

  // ---- snapshots -----------------------------------------------------------------------------------------

  private buildSnapshot(): UiSnapshot {
    return this.builder.build({
      world: this.world, playing: this.playing, speed: this.speed, timing: this.timing, compression: this.compression,
      stepMs: this.stepMs, busy: this.busy > 0, selectedKey: this.selectedKey, notices: this.notices, view: this.view,
      autosave: this.autosaveStatus
    })
  }

  private publish(): void {
    this.snapshotDirty = false
    this.lastSnapshotClock = this.world.clockMs
    if (this.world.clockMs < (this.samples.t[this.samples.t.length - 1] ?? 0) * 1000) {
      this.samples.truncate(this.world.clockMs / 1000)
      this.nextSampleAtMs = (Math.floor(this.world.clockMs / SAMPLE_EVERY_MS) + 1) * SAMPLE_EVERY_MS
    }
    this.store.set(this.buildSnapshot())
  }

  /** Something the panels show changed: publish once, after the current burst of calls. */
  private invalidate(): void {
    this.snapshotDirty = true
    if (this.snapshotQueued) return
    this.snapshotQueued = true
    queueMicrotask(() => {
      this.snapshotQueued = false
      if (this.snapshotDirty) this.publish()
    })
  }

  private attachWorld(): void {
    this.unsubscribeWorld()
    this.unsubscribeWorld = this.world.on((event: EmittedEvent) => {
      if (event.internal) return
      this.changeCount++
      this.invalidate()
    })
    this.samples.clear()
    this.nextSampleAtMs = 0
    this.sample()
  }

  /** Puts another world and shell on the stage (a lesson's start world); the scene and the terminal follow. */
  adoptWorld(world: World, shell: Shell, note?: string): void {
    this.replaceWorld(world, shell)
    if (note) this.emitTranscript({ source: 'system', line: note, result: null })
  }

  private replaceWorld(world: World, shell: Shell): void {
    this.world = world
    this.shell = shell
    this.accumulatorMs = 0
    this.selectedKey = null
    this.scene?.setSelected(null)
    this.attachWorld()
    this.changeCount++
    this.invalidate()
  }

  // ---- time controls -------------------------------------------------------------------------------------

  togglePlay(): void {
    this.playing = !this.playing
    this.accumulatorMs = 0
    this.invalidate()
  }

  setPlaying(playing: boolean): void {
    if (playing !== this.playing) this.togglePlay()
  }

  step(): void {
    if (this.busy > 0) return
    this.playing = false
    this.accumulatorMs = 0
    this.advance(this.stepMs)
    this.invalidate()
  }

  setSpeed(speed: number): void {
    const nearest = SPEEDS.reduce((best, s) => (Math.abs(s - speed) < Math.abs(best - speed) ? s : best), SPEEDS[0])
    this.speed = nearest
    this.invalidate()
  }

  faster(): void {
    const i = SPEEDS.indexOf(this.speed as (typeof SPEEDS)[number])
    this.setSpeed(SPEEDS[Math.min(SPEEDS.length - 1, i + 1)]!)
  }

  slower(): void {
    const i = SPEEDS.indexOf(this.speed as (typeof SPEEDS)[number])
    this.setSpeed(SPEEDS[Math.max(0, i - 1)]!)
  }

  setTiming(mode: TimingMode): void {
    this.timing = mode
    this.invalidate()
  }

  setStepMs(ms: number): void {
    this.stepMs = ms
    this.invalidate()
  }

  resetAll(): void {
    const world = new World({ seed: this.seed })
    this.replaceWorld(world, new Shell(world))
    this.emitTranscript({ source: 'system', line: t('panels.terminal.reset'), result: null, clear: true })
  }

  async checkpoint(): Promise<void> {
    await this.runLine('checkpoint', 'ui')
  }

  async rewind(): Promise<void> {
    await this.runLine('rewind', 'ui')
  }

  // ---- commands ------------------------------------------------------------------------------------------

  async runLine(line: string, source: TranscriptEntry['source']): Promise<ShellResult> {
    this.busy++
    this.invalidate()
    let result: ShellOutput
    try {
      result = this.lineRunner ? await this.lineRunner(line) : await this.shell.run(line)
    } catch (error) {
      result = { stdout: '', stderr: `internal error: ${error instanceof Error ? error.message : String(error)}\n`, exitCode: 1 }
    } finally {
      this.busy--
    }
    this.changeCount++
    // a rewind or a long wait moves the clock: re-align the chart sampler
    if (this.world.clockMs >= this.nextSampleAtMs || this.world.clockMs < this.nextSampleAtMs - SAMPLE_EVERY_MS) this.sample()
    this.invalidate()
    this.emitTranscript({ source, line, result })
    return result
  }

  onTranscript(listener: (entry: TranscriptEntry) => void): () => void {
    this.transcriptListeners.add(listener)
    return () => this.transcriptListeners.delete(listener)
  }

  private emitTranscript(entry: TranscriptEntry): void {
    for (const listener of [...this.transcriptListeners]) listener(entry)
  }

  history(): readonly string[] {
    return this.shell.history
  }

  projects(): readonly ProjectInfo[] {
    return this.world.state.projects
  }

  completionWords(): CompletionWords {
    const s = this.world.state
    const images = new Set<string>()
    for (const spec of catalog.REGISTRY) for (const tag of spec.tags) images.add(`${spec.repo}:${tag}`)
    for (const d of s.daemons) for (const i of d.images) for (const t of i.repoTags) images.add(t)
    return {
      vmNames: s.vms.filter((v) => !v.hidden).map((v) => v.name),
      containerNames: s.daemons.flatMap((d) => d.containers.filter((c) => c.state !== 'removed').map((c) => c.name)),
      images: [...images],
      oses: Object.keys(catalog.GUEST_OSES),
      hosts: s.hosts.map((h) => h.name),
      checkpoints: this.world.checkpointNames()
    }
  }

  // ---- selection, focus, view ----------------------------------------------------------------------------

  select(key: string | null): void {
    this.selectedKey = key
    this.scene?.setSelected(key)
    this.invalidate()
  }

  focusLayer(id: string | null): void {
    this.focusedLayer = id
    const hover = this.scene?.setFocus(id) ?? null
    this.hover.set(hover)
  }

  setProjector(on: boolean): void {
    this.setView({ projector: on })
    this.scene?.setPalette(on)
  }

  setReducedMotion(on: boolean): void {
    this.setView({ reducedMotion: on })
    this.scene?.setReducedMotion(on)
  }

  setHelp(topic: HelpTopic | null): void {
    this.setView({ help: topic })
  }

  setDialog(kind: DialogKind | null): void {
    this.setView({ dialog: kind })
  }

  zoom(delta: number | 'reset'): void {
    const next = delta === 'reset' ? 1 : Math.max(0.75, Math.min(2, Math.round((this.view.zoom + delta) * 100) / 100))
    this.setView({ zoom: next })
  }

  toggleFullScreen(): void {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => {})
    else void document.documentElement.requestFullscreen().catch(() => this.notify('info', notice('noFullScreen')))
  }

  private setView(patch: Partial<ViewState>): void {
    this.view = { ...this.view, ...patch }
    this.invalidate()
  }

  get viewState(): ViewState {
    return this.view
  }

  get focused(): string | null {
    return this.focusedLayer
  }

  // ---- notices -------------------------------------------------------------------------------------------

  /** Shows a notice: text already translated, or a UiText the panel translates (it then follows a language switch). */
  notify(tone: Notice['tone'], text: string | UiText, action: Notice['action'] = null): number {
    const id = ++this.noticeSeq
    this.notices = [...this.notices.slice(-3), { id, tone, text, action }]
    this.invalidate()
    return id
  }

  dismissNotice(id: number): void {
    this.notices = this.notices.filter((n) => n.id !== id)
    this.invalidate()
  }

  async runNoticeAction(id: number): Promise<void> {
    const shown = this.notices.find((n) => n.id === id)
    if (shown?.action?.id === 'save-damaged-autosave' && this.damagedAutosave !== null) {
      const outcome = await this.platform.saveTextFile('stacklab-damaged-autosave.json', this.damagedAutosave)
      if (outcome.status === 'saved') {
        this.damagedAutosave = null
        this.dismissNotice(id)
        this.notify('info', notice('damagedSaved', { name: outcome.name }))
      }
    }
  }

  setAutosaveStatus(status: UiSnapshot['autosave']): void {
    this.autosaveStatus = status
    this.invalidate()
  }

  // ---- files ---------------------------------------------------------------------------------------------

  async openScenario(): Promise<void> {
    let file
    try {
      file = await this.platform.openTextFile()
    } catch (error) {
      this.notify('error', notice('openFailed', { message: error instanceof Error ? error.message : String(error) }))
      return
    }
    if (!file) return
    await this.runScenario(file.name, file.text)
  }

  /** A command file: reset, then run its lines in order. A line that does not parse stops the run. */
  async runScenario(name: string, text: string): Promise<void> {
    const wasPlaying = this.playing
    this.playing = false
    this.resetAll()
    this.emitTranscript({ source: 'system', line: t('panels.terminal.scenario', { name }), result: null })
    const lines = text.split(/\r?\n/)
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!.trim()
      if (line === '') continue
      if (line.startsWith('#')) {
        this.emitTranscript({ source: 'scenario', line, result: null })
        continue
      }
      const result = (await this.runLine(line, 'scenario')) as ShellOutput
      if (result.parseError) {
        this.notify('error', notice('scenarioParse', { name, line: i + 1, error: result.stderr.trim() }))
        break
      }
    }
    this.playing = wasPlaying
    this.notify('info', notice('ran', { name }))
  }

  async saveScenario(): Promise<void> {
    await this.saveText('stacklab-scenario.txt', this.shell.sessionScript())
  }

  async saveSession(): Promise<void> {
    await this.saveText(`stacklab-session-${Math.round(this.world.clockMs / 1000)}s.txt`, this.shell.sessionScript())
  }

  private async saveText(name: string, text: string): Promise<void> {
    try {
      const outcome = await this.platform.saveTextFile(name, text)
      if (outcome.status === 'saved') this.notify('info', notice('saved', { name: outcome.name }))
      else if (outcome.status === 'failed') this.notify('error', notice('saveFailed', { message: outcome.message }))
    } catch (error) {
      this.notify('error', notice('saveFailed', { message: String(error) }))
    }
  }

  async exportPng(): Promise<void> {
    if (!this.scene) return
    try {
      const outcome = await this.platform.savePng(`stacklab-${Math.round(this.world.clockMs / 1000)}s.png`, this.scene.toDataUrl())
      if (outcome.status === 'saved') this.notify('info', notice('pictureSaved', { name: outcome.name }))
      else if (outcome.status === 'failed') this.notify('error', notice('pictureFailed', { message: outcome.message }))
    } catch (error) {
      this.notify('error', notice('pictureFailed', { message: String(error) }))
    }
  }

  // ---- autosave ------------------------------------------------------------------------------------------

  autosavePayload(): string {
    const own = this.autosaveSource?.sandbox() ?? { world: this.world, shell: this.shell }
    return encodeSandboxSave({
      sandbox: { world: own.world.serialize(), session: own.shell.session.map((e) => ({ ...e })), history: [...own.shell.history] },
      lesson: this.autosaveSource?.lesson() ?? null,
      speed: this.speed,
      timing: this.timing
    })
  }

  /** Restores a decoded save (sandboxSave.ts): throws, changing nothing, when its world does not load. The lesson
   * in progress waits for the lesson player (takePendingLesson). */
  restoreAutosave(save: SandboxSave): void {
    const world = new World({ seed: this.seed })
    world.restore(save.sandbox.world)
    checkWorld(world)
    const shell = new Shell(world)
    for (const entry of save.sandbox.session) shell.session.push({ ...entry })
    for (const line of save.sandbox.history) shell.history.push(line)
    this.replaceWorld(world, shell)
    if (save.speed !== undefined) this.setSpeed(save.speed)
    if (save.timing) this.timing = save.timing
    this.pendingLesson = save.lesson
  }

  /** The lesson that was in progress when the restored save was written, once. */
  takePendingLesson(): LessonPart | null {
    const lesson = this.pendingLesson
    this.pendingLesson = null
    return lesson
  }

  keepDamagedAutosave(text: string): void {
    this.damagedAutosave = text
  }
}

/** A restored world must read and step: a save that parses but breaks the model is treated as damaged. */
function checkWorld(world: World): void {
  const s = world.state
  const arrays = [s.hosts, s.vms, s.daemons, s.timers, s.events]
  if (!arrays.every(Array.isArray) || !s.daemons.every((d) => Array.isArray(d?.containers) && Array.isArray(d?.images))) {
    throw new ReasonError({ key: 'panels.autosave.incomplete' }, 'its world is incomplete')
  }
  world.report()
  world.step(0)
}
