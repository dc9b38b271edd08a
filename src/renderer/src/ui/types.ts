// The contract between the panels (ui) and the wiring (app): small frozen snapshots to read, and actions to
// call. The ui never sees the World, the Shell or the Pixi scene; app/SimController implements this.
import type { SourceId } from '../../../sim/index.ts'

export type InstanceKind = 'vm' | 'container'
export type TimingMode = 'realistic' | 'compressed'
/**
 * Where a figure comes from: a calibration source (or 'model', a model assumption), 'simulated' when the
 * running simulation computed it this instant, or 'setting' when the person chose it.
 */
export type FigureSource = SourceId | 'simulated' | 'setting'

/**
 * A text for the person, as a translation key and its values: the panel translates it when it renders, so a
 * language switch needs no new snapshot. A value may itself be a UiText (translated first).
 */
export interface UiText {
  readonly key: string
  readonly params?: Readonly<Record<string, string | number | UiText>>
}

export interface SourcedFigure {
  readonly label: UiText
  readonly value: UiText
  readonly source: FigureSource
}

export interface PhaseView {
  readonly name: string
  readonly ms: number
  readonly source: FigureSource
  readonly status: 'done' | 'current' | 'pending'
}

export interface InstanceSummary {
  /** stable across renames: 'vm:<id>' or 'ctr:<id>' */
  readonly key: string
  readonly kind: InstanceKind
  readonly name: string
  /** the host (for a VM) or daemon (for a container) it runs on */
  readonly host: string
  readonly state: string
  readonly startupMs: number | null
  /** the stopwatch: time since the start request, frozen at startupMs; null if never started */
  readonly stopwatchMs: number | null
  readonly phaseName: string | null
  readonly phases: readonly PhaseView[]
  readonly image: string | null
  readonly os: string | null
  readonly memoryMb: number
  readonly cpuPercent: number
}

export interface HostSummary {
  readonly name: string
  readonly state: string
  readonly cores: number
  readonly memoryMb: number
  readonly memoryUsedMb: number
  readonly diskMb: number
  readonly diskUsedMb: number
  readonly cpuPercent: number
  readonly kernel: string
  readonly os: string
  readonly hypervisor: string
  readonly docker: boolean
  readonly pidsUsed: number
}

export interface EventEntry {
  readonly index: number
  readonly atMs: number
  readonly type: string
  readonly subject: string
  readonly message: string
}

export interface ProcessRow { readonly pid: number; readonly command: string; readonly note: string }

export interface Inspection {
  readonly key: string
  readonly kind: InstanceKind
  readonly name: string
  readonly state: string
  readonly summary: UiText
  readonly startupMs: number | null
  readonly stopwatchMs: number | null
  readonly phases: readonly PhaseView[]
  readonly live: readonly SourcedFigure[]
  readonly memory: readonly SourcedFigure[]
  readonly kernel: { readonly text: UiText; readonly explanation: UiText }
  readonly processesInside: readonly ProcessRow[]
  readonly processesFromHost: readonly ProcessRow[]
  readonly isolationNote: UiText
  readonly isolation: readonly SourcedFigure[]
  readonly layers: readonly { readonly createdBy: string; readonly sizeMb: number; readonly source: FigureSource }[] | null
}

export type HelpTopic = 'shortcuts' | 'glossary' | 'about'
export type DialogKind = 'vm' | 'container'

export interface Notice {
  readonly id: number
  readonly tone: 'info' | 'warning' | 'error'
  /** already translated, or a key the panel translates (then it follows a language switch) */
  readonly text: string | UiText
  /** an optional follow-up the notice offers, e.g. saving a copy of a damaged autosave */
  readonly action: { readonly id: 'save-damaged-autosave'; readonly label: string | UiText } | null
}

export interface ViewState {
  readonly projector: boolean
  readonly reducedMotion: boolean
  readonly zoom: number
  readonly help: HelpTopic | null
  readonly dialog: DialogKind | null
}

export interface UiSnapshot {
  readonly clockMs: number
  readonly playing: boolean
  readonly speed: number
  readonly timing: TimingMode
  /** how much faster than `speed` compressed timing runs right now (1 when realistic or idle) */
  readonly compression: number
  readonly stepMs: number
  readonly busy: boolean
  readonly instances: readonly InstanceSummary[]
  readonly hosts: readonly HostSummary[]
  readonly events: readonly EventEntry[]
  readonly selectedKey: string | null
  readonly inspection: Inspection | null
  readonly checkpoints: readonly string[]
  readonly notices: readonly Notice[]
  readonly view: ViewState
  readonly autosave: { readonly status: 'off' | 'idle' | 'saved' | 'failed'; readonly savedAt: string | null; readonly message: string | UiText | null }
}

export interface ReadableStore<T> {
  subscribe(listener: () => void): () => void
  getSnapshot(): T
}

/** Where the pointer or keyboard focus is on the stage, for the tooltip. */
export interface LayerHover {
  readonly id: string
  readonly kind: LayerKind
  readonly subject: string
  readonly detail: string
  /** the layer's box in CSS pixels, relative to the stage element */
  readonly rect: { readonly x: number; readonly y: number; readonly width: number; readonly height: number }
}

export type LayerKind =
  | 'hardware' | 'cores' | 'ram' | 'disk' | 'host-os' | 'shared-kernel' | 'hypervisor' | 'docker'
  | 'vm' | 'vm-hardware' | 'guest-kernel' | 'guest-os' | 'vm-apps'
  | 'container' | 'container-app' | 'container-libs' | 'shim'

export interface ShellResult { readonly stdout: string; readonly stderr: string; readonly exitCode: number; readonly clear?: boolean }

export interface TranscriptEntry {
  readonly source: 'terminal' | 'ui' | 'scenario' | 'system'
  readonly line: string
  readonly result: ShellResult | null
  /** the terminal starts afresh before this line (Reset all: a new sandbox, a clean screen) */
  readonly clear?: boolean
}

export interface CompletionWords {
  readonly vmNames: readonly string[]
  readonly containerNames: readonly string[]
  readonly images: readonly string[]
  readonly oses: readonly string[]
  readonly hosts: readonly string[]
  readonly checkpoints: readonly string[]
}

export interface StageLayer {
  readonly id: string
  readonly kind: LayerKind
  readonly label: string
  readonly instanceKey: string | null
  readonly children: readonly StageLayer[]
}

/** One column of the stage (the VM stack or the container stack), its layers listed from the hardware up. */
export interface StageColumnInfo {
  readonly id: string
  readonly title: string
  readonly layers: readonly StageLayer[]
}

/** Per-host samples over virtual time, as plain arrays; `version` changes when they do. */
export interface ChartData {
  readonly hosts: readonly string[]
  readonly t: readonly number[]
  readonly cpuPercent: readonly (readonly number[])[]
  readonly memoryGib: readonly (readonly number[])[]
  readonly version: number
}

export interface UiController {
  readonly store: ReadableStore<UiSnapshot>
  readonly charts: ChartData
  readonly hover: ReadableStore<LayerHover | null>
  /** the stage's layers, bottom-up per column, for the screen-reader list */
  readonly layers: ReadableStore<readonly StageColumnInfo[]>
  togglePlay(): void
  setPlaying(playing: boolean): void
  step(): void
  setSpeed(speed: number): void
  faster(): void
  slower(): void
  setTiming(mode: TimingMode): void
  setStepMs(ms: number): void
  resetAll(): void
  checkpoint(): Promise<void>
  rewind(): Promise<void>
  runLine(line: string, source: TranscriptEntry['source']): Promise<ShellResult>
  select(key: string | null): void
  focusLayer(id: string | null): void
  openScenario(): Promise<void>
  saveScenario(): Promise<void>
  saveSession(): Promise<void>
  exportPng(): Promise<void>
  setProjector(on: boolean): void
  setHelp(topic: HelpTopic | null): void
  setDialog(kind: DialogKind | null): void
  zoom(delta: number | 'reset'): void
  toggleFullScreen(): void
  dismissNotice(id: number): void
  runNoticeAction(id: number): Promise<void>
  onTranscript(listener: (entry: TranscriptEntry) => void): () => void
  history(): readonly string[]
  completionWords(): CompletionWords
  /** the world's project folders (built-in and lessons'), for the Dockerfile editor */
  projects(): readonly ProjectInfo[]
}

export interface ProjectInfo {
  readonly name: string
  readonly files: readonly { readonly path: string; readonly text?: string }[]
}
