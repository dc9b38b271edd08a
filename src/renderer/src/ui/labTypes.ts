// The contract between the isolation lab's panels (ui) and its wiring (app/IsolationLab): a small frozen snapshot
// to read and a few actions. Kept apart from ui/types so the lab can grow without touching the shared contract.
import type { ReadableStore } from './types'

export type FaultKind = 'panic' | 'leak' | 'cpu-hog' | 'fork-bomb' | 'disk-fill' | 'escape'

export const FAULT_KINDS: readonly FaultKind[] = ['panic', 'leak', 'cpu-hog', 'fork-bomb', 'disk-fill', 'escape']

export interface FaultOptions {
  /** MiB per second, for leak and disk-fill */
  readonly rateMbPerS?: number
  /** busy threads, for cpu-hog */
  readonly threads?: number
}

/**
 * hit: it went down (crashed, exited, OOM-killed), even if a restart policy brought it back;
 * affected: it kept running but the fault reached it (cannot fork, disk full, starved of CPU, breached, or it is the
 * source of a fault its boundary contained); safe: the fault never reached it.
 */
export type Verdict = 'hit' | 'affected' | 'safe'

export interface BlastEntry {
  readonly key: string
  readonly kind: 'vm' | 'container' | 'host'
  readonly name: string
  /** where it runs: a host name, or "VM x" for a container inside a guest */
  readonly where: string
  /** the physical host under it (for a host, itself) */
  readonly host: string
  readonly verdict: Verdict
  /** what happened to it, in a few words: "exited (255)", "OOM-killed (137), restarted", "kept running" */
  readonly detail: string
  /** the instance the fault was injected into */
  readonly source: boolean
}

/** The layer that stopped the fault (held) or let it through (failed): a cgroup, a kernel, the hypervisor… */
export interface BoundaryView {
  /** the stage layer it lights up (same ids as the screen-reader layer list) */
  readonly layerId: string
  readonly held: boolean
  /** "the shared kernel of container-host", "the cgroup limit of web (memory.max 256 MiB)" */
  readonly what: string
  /** a short tag for the stage: "shared kernel", "cgroup memory.max" */
  readonly tag: string
}

export interface TargetOutcome {
  readonly state: string
  readonly exitCode: number | null
  readonly oomKilled: boolean
}

export interface SideView {
  readonly key: string
  readonly kind: 'vm' | 'container'
  readonly name: string
  readonly host: string
  /** "Container nginx-ctr on container-host" */
  readonly title: string
  /** one or two plain sentences: what happened and why */
  readonly caption: string
  /** still waiting for the fault to have an effect (a leak that has not hit a limit yet) */
  readonly pending: boolean
  /** live figures (not announced): "leaked 1.2 GiB so far; container-host has 62 GiB free" */
  readonly now: string | null
  readonly entries: readonly BlastEntry[]
  readonly boundaries: readonly BoundaryView[]
  readonly target: TargetOutcome
  readonly died: readonly string[]
  readonly keptRunning: readonly string[]
  /** what the host under the target did (`host` names it) */
  readonly hostDid: string
}

/** "Run again with --memory 256m": rewind, recreate the container with a limit, and run the same fault. */
export interface Suggestion {
  readonly label: string
  readonly flag: string
  readonly why: string
}

export interface ExperimentView {
  readonly id: number
  readonly mode: 'single' | 'compare'
  readonly fault: FaultKind
  readonly faultLabel: string
  readonly checkpoint: string
  /** the command lines the experiment ran */
  readonly lines: readonly string[]
  /** live: the world is after the fault; rewound: it is back before it */
  readonly status: 'live' | 'rewound'
  readonly title: string
  readonly sides: readonly SideView[]
  /** what the live region says (the captions; no figures that change every frame) */
  readonly announcement: string
  readonly suggestion: Suggestion | null
}

export interface ProcessLine {
  /** null for a summary line ("… 31 processes in all") */
  readonly pid: number | null
  readonly command: string
  readonly note: string
  /** indentation: 0 = top, 1 = child, 2 = grandchild */
  readonly depth: number
  readonly thread: boolean
}

export interface ProcessPane {
  readonly title: string
  /** how one would look: "docker top web", "ps -ef --forest on vm-host" */
  readonly how: string
  readonly lines: readonly ProcessLine[]
  readonly note: string
}

export interface ProcessModel {
  readonly key: string
  readonly kind: 'vm' | 'container'
  readonly name: string
  readonly running: boolean
  readonly inside: ProcessPane
  readonly fromHost: ProcessPane
}

export interface LabSnapshot {
  readonly busy: boolean
  readonly experiment: ExperimentView | null
  /** the inside / from-the-host processes of the selected instance */
  readonly processes: ProcessModel | null
  readonly error: string | null
}

export interface LabController {
  readonly store: ReadableStore<LabSnapshot>
  /** checkpoint before-<fault>-<n>, then `fault <kind> <target>` */
  inject(key: string, fault: FaultKind, options: FaultOptions): Promise<void>
  /** back to the checkpoint taken before the experiment */
  rewindToBefore(): Promise<void>
  /** rewind and run the same experiment again; with the suggestion, the container is recreated with its limit first */
  runAgain(withSuggestion: boolean): Promise<void>
  /** the same fault on a container and on a VM of the same workload, side by side */
  compare(fault: FaultKind, options: FaultOptions): Promise<void>
  /** forget the experiment (the world is not touched) */
  dismiss(): void
}
