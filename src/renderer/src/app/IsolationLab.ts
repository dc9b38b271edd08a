// The isolation lab's wiring: runs each experiment as command lines through the controller (so every step lands
// in the terminal and the session file), remembers the checkpoint taken before it, and turns the world's state
// and events into the blast radius the panels and the stage show.
import type { World, WorldState } from '../../../sim/index.ts'
import type { ShellResult } from '../ui/types'
import type { ExperimentView, FaultKind, FaultOptions, LabController, LabSnapshot, SideView } from '../ui/labTypes'
import type { SimController } from './SimController'
import type { StackScene } from '../scene/StackScene'
import type { BlastMark } from '../scene/BlastOverlay'
import { ValueStore } from './ValueStore'
import {
  eventsSince, faultBefore, faultLine, faultName, findInstance, rerunLines, sideView, snapshotBefore, stateWord, suggestionFor,
  type ExperimentRecord, type FaultRun
} from './blastRadius'
import { processModel } from './processes'
import { containerStopwatchMs, vmStopwatchMs } from '../scene/stopwatch'
import { i18n, t } from '../i18n'

/** An error the lab shows, kept as a key so a language switch shows it in the new language. */
class LabError extends Error {
  constructor(readonly key: string, readonly params: Record<string, unknown> = {}) {
    super(t(key, params))
  }
}

const EMPTY: LabSnapshot = Object.freeze({ busy: false, experiment: null, processes: null, error: null })

/** The workload "same fault, both stacks" uses: nginx in a container, and a small Alpine VM beside it. */
export const COMPARE_CONTAINER = { name: 'nginx-ctr', image: 'nginx:1.27' } as const
export const COMPARE_VM = { name: 'nginx-vm', os: 'alpine-3.20' } as const

interface Meta {
  id: number
  mode: 'single' | 'compare'
  fault: FaultKind
  options: FaultOptions
  checkpoint: string
  lines: string[]
  /** by name: a container recreated with a limit gets a new id */
  targets: { kind: 'vm' | 'container'; name: string; daemon: string }[]
  record: ExperimentRecord | null
  /** the lab rewound to its own checkpoint (not a rewind from the toolbar or the terminal) */
  rewound: boolean
}

export class IsolationLab implements LabController {
  readonly store = new ValueStore<LabSnapshot>(EMPTY)
  private world: World
  private scene: StackScene | null = null
  private meta: Meta | null = null
  private busy = false
  /** the last action's error: a LabError is shown in the current language, anything else as it is (CLI output) */
  private error: Error | null = null
  private seq = 0
  private shownKey = ''
  private marksKey = ''
  private readonly unsubscribe: () => void
  private readonly onLanguage = (): void => this.refresh()

  constructor(private readonly controller: SimController) {
    this.world = controller.world
    this.unsubscribe = controller.store.subscribe(() => this.refresh())
    // every text of the snapshot (and the stage's badges) is made in the current language: a switch remakes them
    i18n.on('languageChanged', this.onLanguage)
    this.refresh()
  }

  attachScene(scene: StackScene): void {
    this.scene = scene
    this.marksKey = ''
    this.refresh()
  }

  dispose(): void {
    this.unsubscribe()
    i18n.off('languageChanged', this.onLanguage)
  }

  // ---- actions -------------------------------------------------------------------------------------------

  async inject(key: string, fault: FaultKind, options: FaultOptions): Promise<void> {
    await this.guard(async () => {
      const target = findInstance(this.world.state, key)
      if (!target) throw new LabError('lab.error.instanceGone')
      const daemon = target.kind === 'container' ? (target.daemon?.id ?? '') : target.host
      await this.runFaults('single', fault, options, [{ kind: target.kind, name: target.name, daemon }])
    })
  }

  async compare(fault: FaultKind, options: FaultOptions): Promise<void> {
    await this.guard(async () => {
      const { container, vm } = await this.ensureCompareTargets()
      await this.runFaults('compare', fault, options, [container, vm])
    })
  }

  async rewindToBefore(): Promise<void> {
    const meta = this.meta
    if (!meta) return
    await this.guard(async () => {
      await this.run(`rewind ${meta.checkpoint}`)
      meta.rewound = true
    })
  }

  async runAgain(withSuggestion: boolean): Promise<void> {
    const meta = this.meta
    if (!meta) return
    await this.guard(async () => {
      await this.run(`rewind ${meta.checkpoint}`)
      const container = meta.targets.find((t) => t.kind === 'container')
      if (withSuggestion && container) {
        const key = this.keyOf(container)
        const suggestion = key ? suggestionFor(meta.fault, this.world.state, key) : null
        const lines = key && suggestion ? rerunLines(this.world.state, key, suggestion.flag) : null
        if (lines) {
          const wasSelected = this.controller.store.getSnapshot().selectedKey === key
          for (const line of lines) await this.run(line)
          await this.waitUntilRunning([container])
          // the recreated container has a new id: keep it selected
          const recreated = this.keyOf(container)
          if (wasSelected && recreated) this.controller.select(recreated)
        }
      }
      await this.runFaults(meta.mode, meta.fault, meta.options, meta.targets)
    })
  }

  dismiss(): void {
    this.meta = null
    this.error = null
    this.refresh()
  }

  // ---- running an experiment -----------------------------------------------------------------------------

  private async guard(work: () => Promise<void>): Promise<void> {
    if (this.busy) return
    this.busy = true
    this.error = null
    this.refresh()
    try {
      await work()
    } catch (error) {
      this.error = error instanceof Error ? error : new Error(String(error))
    } finally {
      this.busy = false
      this.refresh()
    }
  }

  private async run(line: string): Promise<ShellResult> {
    const result = await this.controller.runLine(line, 'ui')
    if (result.exitCode !== 0) throw new Error(`${line}: ${(result.stderr || result.stdout).trim()}`)
    return result
  }

  private async runFaults(mode: Meta['mode'], fault: FaultKind, options: FaultOptions, targets: Meta['targets']): Promise<void> {
    const checkpoint = `before-${fault}-${this.nextCheckpointNumber()}`
    await this.run(`checkpoint ${checkpoint}`)
    const meta: Meta = { id: ++this.seq, mode, fault, options, checkpoint, lines: [`checkpoint ${checkpoint}`], targets, record: null, rewound: false }
    this.meta = meta
    // the state just before the first fault, taken in the same task as the command (time cannot pass between)
    const state = this.world.state
    const startIndex = state.events.length
    const before = snapshotBefore(state)
    const atMs = state.clockMs
    const runs: FaultRun[] = []
    for (const target of targets) {
      const key = this.keyOf(target)
      if (!key) throw new LabError('lab.error.gone', { name: target.name })
      const line = faultLine(fault, this.refOf(key), options)
      meta.lines.push(line)
      await this.run(line)
      runs.push({ fault, key, line })
    }
    meta.record = { runs, startIndex, atMs, before, mode }
  }

  /** nginx-ctr on the first Docker host and nginx-vm on the first hypervisor host, created or started as needed. */
  private async ensureCompareTargets(): Promise<{ container: Meta['targets'][number]; vm: Meta['targets'][number] }> {
    const s = this.world.state
    const dockerHost = s.hosts.find((h) => h.role === 'server' && h.docker)
    const vmHost = s.hosts.find((h) => h.role === 'server' && h.hypervisor !== 'none')
    if (!dockerHost || !vmHost) throw new LabError('lab.error.compareNeeds')
    if (dockerHost.state !== 'up') throw new LabError('lab.error.hostNotUp', { host: dockerHost.name, state: dockerHost.state })
    if (vmHost.state !== 'up') throw new LabError('lab.error.hostNotUp', { host: vmHost.name, state: vmHost.state })
    const daemon = s.daemons.find((d) => d.id === dockerHost.name && d.onVm === null)
    const c = daemon?.containers.find((x) => x.name === COMPARE_CONTAINER.name && x.state !== 'removed')
    if (!c) await this.run(`docker run -d --name ${COMPARE_CONTAINER.name} ${COMPARE_CONTAINER.image}`)
    else if (c.state === 'exited' || c.state === 'created') await this.run(`docker start ${COMPARE_CONTAINER.name}`)
    else if (c.state === 'paused') await this.run(`docker unpause ${COMPARE_CONTAINER.name}`)
    const vm = this.world.state.vms.find((v) => v.name === COMPARE_VM.name && v.host === vmHost.name && !v.hidden)
    if (!vm) {
      await this.run(`vm create ${COMPARE_VM.name} --os ${COMPARE_VM.os}${vmHost.name === 'vm-host' ? '' : ` --host ${vmHost.name}`}`)
      await this.run(`vm start ${COMPARE_VM.name}${this.vmHostFlag(vmHost.name)}`)
    } else if (vm.state === 'stopped' || vm.state === 'crashed') await this.run(`vm start ${COMPARE_VM.name}${this.vmHostFlag(vmHost.name)}`)
    else if (vm.state === 'paused') await this.run(`vm resume ${COMPARE_VM.name}${this.vmHostFlag(vmHost.name)}`)
    const container = { kind: 'container' as const, name: COMPARE_CONTAINER.name, daemon: dockerHost.name }
    const vmTarget = { kind: 'vm' as const, name: COMPARE_VM.name, daemon: vmHost.name }
    await this.waitUntilRunning([container, vmTarget])
    return { container, vm: vmTarget }
  }

  private vmHostFlag(host: string): string {
    return this.world.state.vms.filter((v) => v.name === COMPARE_VM.name && !v.hidden).length > 1 ? ` --host ${host}` : ''
  }

  /** Waits (a `wait` line, in virtual time) until every target has finished starting. */
  private async waitUntilRunning(targets: Meta['targets']): Promise<void> {
    for (let attempt = 0; attempt < 6; attempt++) {
      let needMs = 0
      let waiting = false
      for (const target of targets) {
        const key = this.keyOf(target)
        const t = key ? findInstance(this.world.state, key) : null
        if (!t) throw new LabError('lab.error.gone', { name: target.name })
        const obj = t.vm ?? t.c!
        if (obj.state === 'running') continue
        if (obj.state !== 'starting' && obj.state !== 'restarting') throw new LabError('lab.error.notRunning', { name: target.name, state: obj.state })
        waiting = true
        const planned = obj.plannedPhases.reduce((sum, p) => sum + p.ms, 0)
        const elapsed = (t.vm ? vmStopwatchMs(this.world.clockMs, t.vm) : containerStopwatchMs(this.world.state, t.c!)) ?? 0
        needMs = Math.max(needMs, planned - elapsed)
      }
      if (!waiting) return
      const ms = Math.max(100, Math.ceil((needMs + 1) / 100) * 100)
      await this.run(`wait ${ms}ms`)
    }
    throw new LabError('lab.error.didNotStart')
  }

  private keyOf(target: Meta['targets'][number]): string | null {
    const s = this.world.state
    if (target.kind === 'vm') {
      const vm = s.vms.find((v) => v.name === target.name && v.host === target.daemon && !v.hidden)
      return vm ? 'vm:' + vm.id : null
    }
    const daemon = s.daemons.find((d) => d.id === target.daemon)
    const c = daemon?.containers.find((x) => x.name === target.name && x.state !== 'removed')
    return c ? 'ctr:' + c.id : null
  }

  /** The name `fault` understands: plain, or host-qualified when another instance has the same name. */
  private refOf(key: string): string {
    const s = this.world.state
    const t = findInstance(s, key)!
    let same = 0
    for (const vm of s.vms) if (vm.name === t.name) same++
    for (const d of s.daemons) for (const c of d.containers) if (c.name === t.name) same++
    if (same <= 1) return t.name
    return `${t.kind === 'vm' ? t.host : t.daemon!.id}:${t.name}`
  }

  private nextCheckpointNumber(): number {
    let n = 0
    for (const name of this.world.checkpointNames()) {
      const m = /^before-[\w-]+?-(\d+)$/.exec(name)
      if (m) n = Math.max(n, Number(m[1]))
    }
    return n + 1
  }

  // ---- the snapshot --------------------------------------------------------------------------------------

  private refresh(): void {
    if (this.controller.world !== this.world) {
      // reset or restored: the checkpoints went with the old world
      this.world = this.controller.world
      this.meta = null
    }
    const state = this.world.state
    const selectedKey = this.controller.store.getSnapshot().selectedKey
    const experiment = this.meta ? this.experimentView(this.meta, state) : null
    const snapshot: LabSnapshot = {
      busy: this.busy,
      experiment,
      processes: selectedKey ? processModel(state, selectedKey) : null,
      error: this.error ? this.errorText(this.error) : null
    }
    const key = JSON.stringify(snapshot)
    if (key !== this.shownKey) {
      this.shownKey = key
      this.store.set(deepFreeze(snapshot))
    }
    this.pushMarks(experiment)
  }

  private errorText(error: Error): string {
    if (!(error instanceof LabError)) return error.message
    const params = { ...error.params }
    if (typeof params.state === 'string') params.state = stateWord(params.state)
    return t(error.key, params)
  }

  private experimentView(meta: Meta, state: Readonly<WorldState>): ExperimentView {
    const record = meta.record
    const events = record ? eventsSince(state, record) : null
    const sides: SideView[] = []
    if (record && events) {
      for (const run of record.runs) {
        const side = sideView(state, record, run, events)
        if (side) sides.push(side)
      }
    }
    const live = sides.length > 0
    const containerTarget = meta.targets.find((t) => t.kind === 'container')
    const containerKey = containerTarget ? this.keyOf(containerTarget) : null
    const label = faultName(meta.fault)
    const first = meta.targets[0]
    const title = meta.mode === 'compare' || !first
      ? t('lab.experiment.titleCompare', { fault: label })
      : t(`lab.experiment.titleIn.${first.kind}`, { fault: label, name: first.name })
    const before = faultBefore(meta.fault)
    const announcement = live
      ? sides.map((s) => (meta.mode === 'compare' ? t('lab.experiment.sideSays', { side: t(`lab.result.side.${s.kind}`), caption: s.caption }) : s.caption)).join(' ')
      : t(meta.rewound ? 'lab.experiment.rewound' : 'lab.experiment.rewoundElsewhere', { checkpoint: meta.checkpoint, before })
    return {
      id: meta.id,
      mode: meta.mode,
      fault: meta.fault,
      faultLabel: label,
      checkpoint: meta.checkpoint,
      lines: [...meta.lines],
      status: live ? 'live' : 'rewound',
      title,
      sides,
      announcement,
      suggestion: containerKey ? suggestionFor(meta.fault, state, containerKey) : null
    }
  }

  private pushMarks(experiment: ExperimentView | null): void {
    const marks: BlastMark[] = []
    if (experiment && experiment.status === 'live') {
      // a layer may carry both: a container that was OOM-killed (HIT) by the cgroup limit that held (HELD)
      const boundaries = new Set<string>()
      const instances = new Set<string>()
      for (const side of experiment.sides) {
        for (const b of side.boundaries) {
          if (boundaries.has(b.layerId)) continue
          boundaries.add(b.layerId)
          const tone = b.held ? 'held' : 'failed'
          marks.push({ layerId: b.layerId, tone, word: t(`lab.mark.${tone}`), tag: b.tag })
        }
      }
      for (const side of experiment.sides) {
        for (const e of side.entries) {
          if (instances.has(e.key)) continue
          instances.add(e.key)
          if (e.kind === 'host') {
            // a host the fault never reached: its kernel layer says so (whichever column draws it)
            if (e.verdict === 'safe') {
              for (const layer of [`host-os@${e.name}`, `shared-kernel@${e.name}`]) {
                if (!boundaries.has(layer)) marks.push({ layerId: layer, tone: 'safe', word: t('lab.mark.safe'), tag: t('lab.mark.hostKernel') })
              }
            }
            continue
          }
          marks.push({ layerId: e.key, tone: e.verdict, word: t(`lab.mark.${e.verdict}`), tag: '' })
        }
      }
    }
    const key = JSON.stringify(marks)
    if (key === this.marksKey || !this.scene) return
    this.marksKey = key
    this.scene.setBlast(marks)
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value as Record<string, unknown>)) deepFreeze(child)
  }
  return value
}
