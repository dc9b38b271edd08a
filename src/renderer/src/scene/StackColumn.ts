// One column of the stage, drawn bottom-up: hardware, the host OS and kernel, then either the hypervisor and
// its VMs (each with its own guest kernel) or the Docker engine and its containers (app + libs only, on the
// one shared kernel). Instance views come from a pool and are updated in place each frame.
import { Container, Graphics, type Text } from 'pixi.js'
import type { ContainerState, HostState, VmState, WorldState } from '../../../sim/index.ts'
import { catalog } from '../../../sim/index.ts'
import { HardwareView } from './HardwareView'
import { InstanceView, type BodyLayerSpec } from './InstanceView'
import { LayerBlock } from './LayerBlock'
import type { Palette } from './palette'
import { fitText, makeLabel, restyle } from './text'
import { containerPhaseLayer, containerVisual, layerStatus, vmPhaseLayer, vmVisual } from './lifecycle'
import { containerStopwatchMs, plannedTotalMs, vmStopwatchMs } from './stopwatch'
import { formatMb, osName } from './format'
import type { SceneColumn, SceneLayer, Translate } from './types'

export type ColumnSide = 'vm' | 'container'

const VM_BODY: readonly BodyLayerSpec[] = [
  { kind: 'vm-hardware', fill: 'vmHardware', weight: 1 },
  { kind: 'guest-kernel', fill: 'kernel', weight: 1 },
  { kind: 'guest-os', fill: 'guestOs', weight: 1 },
  { kind: 'vm-apps', fill: 'app', weight: 1 }
]

const CONTAINER_BODY: readonly BodyLayerSpec[] = [
  { kind: 'shim', fill: 'shim', weight: 0.55 },
  { kind: 'container-libs', fill: 'libs', weight: 0.9 },
  { kind: 'container-app', fill: 'app', weight: 1 }
]

/** the hypervisor block's label key per HypervisorKind */
const HYPERVISOR_LABEL: Record<string, string> = {
  kvm: 'stage.hypervisor.kvm',
  esxi: 'stage.hypervisor.esxi',
  'hyper-v': 'stage.hypervisor.hyperV',
  virtualbox: 'stage.hypervisor.virtualbox',
  'vmware-workstation': 'stage.hypervisor.vmwareWorkstation',
  none: 'stage.hypervisor.none'
}

/**
 * Translated words looked up by their raw value ("running", a phase name, an exit code), made once per value and
 * language rather than once per frame; `clear()` on a language change.
 */
class WordCache<K> {
  private readonly words = new Map<K, string>()
  constructor(private readonly make: (raw: K) => string) {}
  get(raw: K): string {
    let word = this.words.get(raw)
    if (word === undefined) {
      word = this.make(raw)
      this.words.set(raw, word)
    }
    return word
  }
  clear(): void {
    this.words.clear()
  }
}

export class StackColumn extends Container {
  readonly hardware: HardwareView
  readonly kernelBlock: LayerBlock
  readonly middleBlock: LayerBlock
  readonly views = new Map<string, InstanceView>()
  private readonly panel = new Graphics()
  private readonly title: Text
  private readonly subtitle: Text
  private readonly emptyText: Text
  private readonly instanceLayer = new Container()
  private readonly pool: InstanceView[] = []
  private palette: Palette
  private hostName = ''
  private columnWidth = 0
  private columnHeight = 0
  private fontSize = 11
  private areaX = 0
  private areaY = 0
  private areaWidth = 0
  private areaHeight = 0
  private layoutCount = -1
  private frame = 0
  private subtitleKey = ''
  private kernelKey = ''
  private middleKey = ''
  private order: InstanceView[] = []
  /** every view on the stage, leaving ones included, for index loops (no iterator per frame) */
  private readonly all: InstanceView[] = []
  private shownCount = -1
  private shownRunning = -1
  private shownLive = -1
  private shownHostState = ''
  private shownKernel = ''
  private shownBreach: string | null = null
  private shownHypervisor = ''
  /** bumped whenever the set of layers changes, so the screen-reader list can follow */
  layersVersion = 0
  /** room kept free at the top of the instance area (the client box sits there) */
  private topReserve = 0
  private readonly stateWords: WordCache<string>
  private readonly phaseWords: WordCache<string>
  private readonly healthWords: WordCache<string>
  /** an exited container's word: its exit code, or 'oomKilled' */
  private readonly exitWords: WordCache<number | 'oomKilled'>

  constructor(readonly side: ColumnSide, palette: Palette, private readonly tr: Translate) {
    super()
    this.palette = palette
    this.stateWords = new WordCache((raw) => tr(`state.${raw}`, { defaultValue: raw }))
    this.phaseWords = new WordCache((raw) => tr(`stage.phase.${raw}`, { defaultValue: raw }))
    this.healthWords = new WordCache((raw) => tr(`stage.health.${raw}`, { defaultValue: raw }))
    this.exitWords = new WordCache((code) => code === 'oomKilled' ? tr('stage.exited.oomKilled') : tr('stage.exited.code', { code }))
    this.hardware = new HardwareView(palette, tr)
    this.kernelBlock = new LayerBlock(side === 'vm' ? 'host-os' : 'shared-kernel', 'kernel', palette)
    this.middleBlock = new LayerBlock(side === 'vm' ? 'hypervisor' : 'docker', side === 'vm' ? 'hypervisor' : 'docker', palette)
    this.title = makeLabel(palette, { size: 13, color: palette.text, weight: 'bold' })
    this.subtitle = makeLabel(palette, { size: 11, color: palette.textMuted })
    this.emptyText = makeLabel(palette, { size: 11, color: palette.textMuted })
    this.panel.eventMode = 'none'
    this.addChild(this.panel, this.title, this.subtitle, this.hardware, this.kernelBlock, this.middleBlock, this.emptyText, this.instanceLayer)
  }

  setPalette(palette: Palette): void {
    this.palette = palette
    this.hardware.setPalette(palette)
    this.kernelBlock.setPalette(palette)
    this.middleBlock.setPalette(palette)
    for (const view of this.views.values()) view.setPalette(palette)
    for (const view of this.pool) view.setPalette(palette)
    this.applyTextStyles()
    this.drawPanel()
    this.subtitleKey = ''
  }

  /**
   * Drops every translated text so the next frame draws it in the current language (the caller lays the column
   * out again, which resets the host blocks, the title and the empty text).
   */
  relabel(): void {
    this.stateWords.clear()
    this.phaseWords.clear()
    this.healthWords.clear()
    this.exitWords.clear()
    this.hardware.relabel()
    for (const view of this.all) view.relabel()
    for (const view of this.pool) view.relabel()
    this.kernelKey = ''
    this.middleKey = ''
    this.subtitleKey = ''
    this.layoutCount = -1
    // the screen-reader list follows the language too
    this.layersVersion++
  }

  layout(x: number, y: number, width: number, height: number, fontSize: number): void {
    this.position.set(x, y)
    this.columnWidth = width
    this.columnHeight = height
    this.fontSize = fontSize
    this.applyTextStyles()
    this.drawPanel()
    const pad = Math.round(fontSize * 0.9)
    const inner = width - pad * 2
    this.title.position.set(pad, pad)
    this.subtitle.position.set(pad, pad + Math.round(fontSize * 1.55))
    const hardwareH = Math.round(fontSize * 5.6)
    const blockH = Math.round(fontSize * 2.3)
    const gap = Math.max(3, Math.round(fontSize * 0.35))
    let bottom = height - pad
    this.hardware.position.set(pad, bottom - hardwareH)
    this.hardware.layout(inner, hardwareH, fontSize)
    bottom -= hardwareH + gap
    this.kernelBlock.position.set(pad, bottom - blockH)
    this.kernelBlock.setSize(inner, blockH, 5)
    this.kernelBlock.setFontSize(fontSize)
    bottom -= blockH + gap
    this.middleBlock.position.set(pad, bottom - blockH)
    this.middleBlock.setSize(inner, blockH, 5)
    this.middleBlock.setFontSize(fontSize)
    bottom -= blockH + gap
    const top = pad + Math.round(fontSize * 3.2)
    this.areaX = pad
    this.areaY = top
    this.areaWidth = inner
    this.areaHeight = Math.max(0, bottom - top)
    this.emptyText.position.set(pad + 2, bottom - Math.round(fontSize * 1.6))
    this.layoutCount = -1
    this.kernelKey = ''
    this.middleKey = ''
    this.subtitleKey = ''
  }

  /** Syncs the column with the world; returns true while anything animates. */
  update(state: Readonly<WorldState>, host: HostState | null, dtMs: number, timeMs: number, reducedMotion: boolean,
    selectedKey: string | null, focusedId: string | null): boolean {
    this.frame++
    let animating = false
    if (!host) {
      this.visible = false
      return false
    }
    this.visible = true
    if (host.name !== this.hostName) {
      this.hostName = host.name
      this.hardware.setHost(host.name)
      this.kernelBlock.layerId = `${this.kernelBlock.kind}@${host.name}`
      this.kernelBlock.subject = host.name
      this.middleBlock.layerId = `${this.middleBlock.kind}@${host.name}`
      this.middleBlock.subject = host.name
      this.layersVersion++
    }
    this.hardware.update(host)
    this.syncHostBlocks(host)

    let count = 0
    let running = 0
    let live = 0
    if (this.side === 'vm') {
      const vms = state.vms
      for (let i = 0; i < vms.length; i++) {
        const vm = vms[i]!
        if (vm.hidden || vm.host !== host.name) continue
        count++
        if (vm.state === 'running') running++
        if (vm.state === 'running' || vm.state === 'paused' || vm.state === 'starting' || vm.state === 'stopping') live++
        this.syncVm(this.viewFor(vm.id, 'vm:', vm.name, reducedMotion), vm, state.clockMs)
      }
    } else {
      const daemons = state.daemons
      for (let d = 0; d < daemons.length; d++) {
        const daemon = daemons[d]!
        if (daemon.id !== host.name) continue
        const containers = daemon.containers
        for (let i = 0; i < containers.length; i++) {
          const c = containers[i]!
          if (c.state === 'removed') continue
          count++
          if (c.state === 'running') running++
          this.syncContainer(this.viewFor(c.id, 'ctr:', c.name, reducedMotion), c, state)
        }
      }
    }
    // views not seen this frame leave
    const all = this.all
    for (let i = 0; i < all.length; i++) {
      const view = all[i]!
      if (view.stamp !== this.frame && !view.leaving) {
        view.leaving = true
        this.layoutCount = -1
      }
    }
    if (count !== this.layoutCount) this.layoutInstances(count)
    this.updateSubtitle(host, count, running, live)
    for (let i = all.length - 1; i >= 0; i--) {
      const view = all[i]!
      view.setSelected(view.instanceKey === selectedKey, view.layerId === focusedId)
      if (view.animate(dtMs, timeMs, reducedMotion)) animating = true
      if (view.gone) {
        for (const [id, v] of this.views) if (v === view) this.views.delete(id)
        all.splice(i, 1)
        view.visible = false
        view.instanceKey = null
        view.layerId = ''
        this.instanceLayer.removeChild(view)
        this.pool.push(view)
        this.layersVersion++
      }
    }
    return animating
  }

  /** The layers of this column for the screen-reader list (built when they change, not per frame). */
  describeLayers(state: Readonly<WorldState>): SceneColumn {
    const host = state.hosts.find((h) => h.name === this.hostName)
    const tr = this.tr
    const layers: SceneLayer[] = []
    const leaf = (id: string, kind: SceneLayer['kind'], label: string, instanceKey: string | null = null): SceneLayer =>
      ({ id, kind, label, instanceKey, children: [] })
    if (host) {
      const hardware = tr('stage.list.hardware', { count: host.cores, memory: formatMb(host.memoryMb), disk: formatMb(host.diskMb) })
      layers.push({ ...leaf(this.hardware.block.layerId, 'hardware', hardware),
        children: [leaf(this.hardware.coresZone.layerId, 'cores', tr('stage.list.cores')), leaf(this.hardware.ramZone.layerId, 'ram', tr('stage.list.ram')),
          leaf(this.hardware.diskZone.layerId, 'disk', tr('stage.list.disk'))] })
      layers.push(leaf(this.kernelBlock.layerId, this.kernelBlock.kind,
        tr(this.side === 'vm' ? 'stage.list.hostOs' : 'stage.list.sharedKernel', { os: osName(host.os), kernel: host.kernel })))
      layers.push(leaf(this.middleBlock.layerId, this.middleBlock.kind, this.side === 'vm'
        ? tr('stage.list.hypervisor', { name: host.hypervisor }) : tr('stage.list.docker')))
    }
    for (const view of this.order) {
      if (!view.instanceKey || view.leaving) continue
      const key = view.instanceKey
      const children = view.layers.map((block) => leaf(block.layerId, block.kind, block.label || block.kind, key))
      layers.push({ id: view.layerId, kind: view.kind, label: tr(view.kind === 'vm' ? 'stage.list.vm' : 'stage.list.container', { name: view.subject }), instanceKey: key, children })
    }
    return {
      id: `column:${this.side}`,
      title: tr(this.side === 'vm' ? 'stage.list.vmColumn' : 'stage.list.containerColumn', { host: this.hostName }),
      layers
    }
  }

  /** Keeps `px` free at the top of the instance area: instances lay out in what is left below it. */
  reserveTop(px: number): void {
    if (px === this.topReserve) return
    this.topReserve = px
    this.layoutCount = -1
  }

  stopwatchText(name: string): string | null {
    for (const view of this.all) if (view.subject === name && !view.leaving) return view.stopwatchText()
    return null
  }

  private viewFor(id: string, prefix: string, name: string, reducedMotion: boolean): InstanceView {
    let view = this.views.get(id)
    if (!view) {
      view = this.pool.pop() ?? new InstanceView(this.side, this.side === 'vm' ? VM_BODY : CONTAINER_BODY, this.palette)
      view.bind(prefix + id, name, reducedMotion)
      this.views.set(id, view)
      this.all.push(view)
      this.instanceLayer.addChild(view)
      this.layoutCount = -1
      this.layersVersion++
    } else if (view.leaving) {
      view.leaving = false
      this.layoutCount = -1
    }
    if (view.subject !== name) {
      view.bind(prefix + id, name, true)
      this.layersVersion++
    }
    view.stamp = this.frame
    return view
  }

  private syncVm(view: InstanceView, vm: VmState, clockMs: number): void {
    const visual = vmVisual(vm)
    const current = vm.plannedPhases[vm.phaseIndex]
    view.setVisual(visual, vm.state === 'starting' && current ? this.phaseWords.get(current.name) : this.stateWords.get(vm.state))
    const elapsed = vmStopwatchMs(clockMs, vm)
    view.setStopwatch(elapsed)
    const total = plannedTotalMs(vm.plannedPhases)
    view.setProgress(elapsed === null || total <= 0 ? 0 : elapsed / total)
    view.setPhaseTicks(vm.plannedPhases)
    const up = vm.state === 'running' || vm.state === 'paused' || vm.state === 'stopping'
    const starting = vm.state === 'starting'
    for (let i = 0; i < 4; i++) view.setLayerStatus(i, layerStatus(i, up, starting, vm.plannedPhases, vm.phaseIndex, vmPhaseLayer))
    if (view.layers[0]!.label === '' || view.labelGen !== vm.gen) {
      view.labelGen = vm.gen
      const tr = this.tr
      const os = catalog.GUEST_OSES[vm.os]
      const kernel = vm.kind === 'microvm' ? '6.1' : (os?.kernel ?? '?')
      view.setLabels([
        tr('stage.body.vmHardware', { cpus: vm.cpus, memory: formatMb(vm.memoryMb) }),
        tr(os?.family === 'windows' ? 'stage.body.ntKernel' : 'stage.body.linuxKernel', { version: kernel }),
        // the guest OS's own name (Ubuntu Server 24.04…) stays as the catalog spells it
        vm.kind === 'microvm' ? tr('stage.body.minimalGuest') : (os?.label ?? vm.os),
        tr(vm.docker ? 'stage.body.appsDocker' : 'stage.body.apps')
      ])
    }
  }

  private syncContainer(view: InstanceView, c: ContainerState, state: Readonly<WorldState>): void {
    const visual = containerVisual(c)
    const current = c.plannedPhases[c.phaseIndex]
    let word: string
    if (c.state === 'starting' && current) word = this.phaseWords.get(current.name)
    else if (c.state === 'exited') word = this.exitWords.get(c.oomKilled ? 'oomKilled' : (c.exitCode ?? 0))
    else if (c.state === 'running' && c.health) word = this.healthWords.get(c.health.status)
    else word = this.stateWords.get(c.state)
    view.setVisual(visual, word)
    const elapsed = containerStopwatchMs(state, c)
    view.setStopwatch(elapsed)
    const total = plannedTotalMs(c.plannedPhases)
    view.setProgress(elapsed === null || total <= 0 ? 0 : elapsed / total)
    view.setPhaseTicks(c.plannedPhases)
    const up = c.state === 'running' || c.state === 'paused'
    const starting = c.state === 'starting'
    for (let i = 0; i < 3; i++) view.setLayerStatus(i, layerStatus(i, up, starting, c.plannedPhases, c.phaseIndex, containerPhaseLayer))
    if (view.layers[0]!.label === '' || view.labelGen !== c.gen) {
      view.labelGen = c.gen
      const tr = this.tr
      const app = c.process.kind === 'service' ? c.process.service : (c.config.cmd?.[0] ?? c.imageRef.split(':')[0] ?? 'app')
      view.setLabels([tr('stage.body.shim'), tr('stage.body.libs', { image: c.imageRef }), tr('stage.body.app', { app: app.split('/').pop() ?? app })])
    }
  }

  private layoutInstances(count: number): void {
    this.layoutCount = count
    const order: InstanceView[] = []
    for (const view of this.all) if (!view.leaving) order.push(view)
    this.order = order
    const n = order.length
    this.emptyText.visible = n === 0
    if (n === 0) {
      fitText(this.emptyText, this.tr(this.side === 'vm' ? 'stage.column.vmEmpty' : 'stage.column.containerEmpty'), this.areaWidth)
      return
    }
    const s = this.fontSize / 11
    const gap = Math.round(6 * s)
    const idealW = Math.round((this.side === 'vm' ? 140 : 104) * s)
    const minW = Math.round((this.side === 'vm' ? 96 : 70) * s)
    const idealH = Math.round((this.side === 'vm' ? 190 : 112) * s)
    const perRow = Math.max(1, Math.min(n, Math.floor((this.areaWidth + gap) / (minW + gap))))
    const rows = Math.ceil(n / perRow)
    const w = Math.min(idealW, Math.floor((this.areaWidth - gap * (perRow - 1)) / perRow))
    const areaHeight = Math.max(0, this.areaHeight - this.topReserve)
    const h = Math.max(Math.round(28 * s), Math.min(idealH, Math.floor((areaHeight - gap * (rows - 1)) / rows)))
    const baseline = this.areaY + this.areaHeight
    for (let i = 0; i < n; i++) {
      const view = order[i]!
      const row = Math.floor(i / perRow)
      const col = i % perRow
      view.layout(w, h, this.fontSize)
      view.targetX = this.areaX + col * (w + gap)
      view.targetY = baseline - (row + 1) * h - row * gap
    }
    this.layersVersion++
  }

  private syncHostBlocks(host: HostState): void {
    if (this.kernelKey !== host.os || this.shownHostState !== host.state || this.shownKernel !== host.kernel || this.shownBreach !== host.breachedBy) {
      this.kernelKey = host.os
      this.shownHostState = host.state
      this.shownKernel = host.kernel
      this.shownBreach = host.breachedBy
      this.middleKey = ''
      const tr = this.tr
      const os = osName(host.os)
      const down = host.state !== 'up'
      this.kernelBlock.setFill(down ? 'crashed' : 'kernel')
      const what = tr(this.side === 'vm' ? 'stage.host.vmKernel' : 'stage.host.sharedKernel', { os, kernel: host.kernel })
      const status = host.state === 'panicked' || host.state === 'rebooting' || host.state === 'off' ? ` ${tr(`stage.host.${host.state}`)}` : ''
      this.kernelBlock.setLabel(what + status + (host.breachedBy ? ` · ${tr('stage.host.breached', { name: host.breachedBy })}` : ''))
    }
    if (this.middleKey !== host.hypervisor) {
      this.middleKey = host.hypervisor
      const key = HYPERVISOR_LABEL[host.hypervisor]
      this.middleBlock.setLabel(this.side === 'vm'
        ? (key ? this.tr(key) : host.hypervisor)
        : this.tr('stage.host.dockerEngine'))
      this.middleBlock.setLit(host.state === 'up')
    }
  }

  private updateSubtitle(host: HostState, count: number, running: number, live: number): void {
    if (count === this.shownCount && running === this.shownRunning && live === this.shownLive && this.subtitleKey === host.name && this.shownHypervisor === host.hypervisor) return
    this.shownCount = count
    this.shownLive = live
    this.shownRunning = running
    this.subtitleKey = host.name
    this.shownHypervisor = host.hypervisor
    // the panel puts its create button at the column's top right: leave it room
    const room = this.columnWidth - this.fontSize * 15
    const tr = this.tr
    fitText(this.title, tr(this.side === 'vm' ? 'stage.column.vmTitle' : 'stage.column.containerTitle', { host: host.name }), room)
    const instances = tr(this.side === 'vm' ? 'stage.column.vms' : 'stage.column.containers', { count })
    const kernels = this.side === 'vm' ? tr('stage.column.vmKernels', { count: live + 1 }) : tr('stage.column.sharedKernel')
    fitText(this.subtitle, tr('stage.column.subtitle', { instances, running: tr('stage.column.running', { count: running }), kernels }), room)
  }

  private applyTextStyles(): void {
    const p = this.palette
    restyle(this.title, p, { size: Math.round(this.fontSize * 1.2), color: p.text, weight: 'bold' })
    restyle(this.subtitle, p, { size: this.fontSize, color: p.textMuted })
    restyle(this.emptyText, p, { size: this.fontSize, color: p.textMuted })
  }

  private drawPanel(): void {
    const p = this.palette
    this.panel.clear()
    if (this.columnWidth <= 0) return
    this.panel.roundRect(0, 0, this.columnWidth, this.columnHeight, 8).fill(p.panel)
      .stroke({ width: p.strokeWidth, color: p.panelStroke, alignment: 1 })
  }
}
