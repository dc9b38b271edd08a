// Where the docker CLI runs, drawn on the container side of the stage: a small client box ("CLI on container-host
// (unix socket)", "CLI on a macOS laptop → ssh → container-host"), with DOCKER_HOST and the context under it. With
// Docker Desktop the box is the laptop itself: the CLI on top, then the daemon's containers, dockerd → containerd
// → runc, the hidden Linux VM they run in, and the laptop's macOS under it all. A second, small box is the real
// docker CLI on this computer while the engine bridge listens. Redrawn only when what it says changes.
import { Container, Graphics, type Text } from 'pixi.js'
import type { WorldState } from '../../../sim/index.ts'
import { catalog, engine } from '../../../sim/index.ts'
import { describeClient, type ClientDescription, type Translate } from './clientLabel'
import type { Palette } from './palette'
import { fitText, makeLabel, restyle } from './text'
import { formatMb } from './format'
import type { StationKind } from './packetTypes'

export interface PointLike { x: number; y: number }

const ENGINE_CELLS = ['dockerd', 'containerd', 'runc'] as const

export class ClientView extends Container {
  private readonly box = new Graphics()
  private readonly rows = new Graphics()
  private readonly title: Text
  private readonly subtitle: Text
  private readonly routeText: Text
  private readonly containersText: Text
  private readonly cellTexts: Text[] = []
  private readonly vmText: Text
  private readonly laptopText: Text
  private readonly bridgeBox = new Graphics()
  private readonly bridgeTitle: Text
  private readonly bridgeSubtitle: Text
  private palette: Palette
  private fontSize = 11
  private boxX = 0
  private boxY = 0
  private boxWidth = 0
  private headerHeight = 0
  private rowHeight = 0
  /** the box's height (with the bridge box under it), for the column to keep room */
  totalHeight = 0
  private description: ClientDescription | null = null
  private readonly seen = { location: '', dockerHost: null as string | null, context: '', contexts: -1, bridge: null as string | null, dd: 0, vm: '', up: false }
  private forceRedraw = true
  private bridgeEndpoint: string | null = null
  private dockerDesktop = false
  private containerNames: string[] = []
  private containerIds: string[] = []
  private litCell = -1
  private tr: Translate
  label = ''

  constructor(palette: Palette, tr: Translate) {
    super()
    this.palette = palette
    this.tr = tr
    this.eventMode = 'none'
    this.title = makeLabel(palette, { size: 11, color: palette.text, weight: 'bold' })
    this.subtitle = makeLabel(palette, { size: 10, color: palette.textMuted })
    this.routeText = makeLabel(palette, { size: 10, color: palette.text })
    this.containersText = makeLabel(palette, { size: 10, color: palette.onFill.app })
    for (let i = 0; i < ENGINE_CELLS.length; i++) {
      const text = makeLabel(palette, { size: 10, color: palette.onFill.docker })
      this.cellTexts.push(text)
    }
    this.vmText = makeLabel(palette, { size: 10, color: palette.onFill.guestOs })
    this.laptopText = makeLabel(palette, { size: 10, color: palette.onFill.hardware })
    this.bridgeTitle = makeLabel(palette, { size: 10, color: palette.text, weight: 'bold' })
    this.bridgeSubtitle = makeLabel(palette, { size: 10, color: palette.textMuted })
    this.addChild(this.box, this.rows, this.title, this.routeText, this.subtitle, this.containersText, ...this.cellTexts, this.vmText, this.laptopText,
      this.bridgeBox, this.bridgeTitle, this.bridgeSubtitle)
  }

  setPalette(palette: Palette): void {
    this.palette = palette
    this.restyleAll()
    this.forceRedraw = true
  }

  /** The words of the box; redraws at the next update (also when given the same function for a new language). */
  setTranslate(tr: Translate): void {
    this.tr = tr
    this.forceRedraw = true
  }

  /** The box's top-right corner sits at (right, top); `width` is the most it may take. */
  layout(right: number, top: number, width: number, fontSize: number): void {
    this.fontSize = fontSize
    this.boxWidth = Math.round(width)
    this.boxX = Math.round(right - width)
    this.boxY = Math.round(top)
    this.restyleAll()
    this.forceRedraw = true
  }

  /** Syncs with the world; returns true when the drawing (and maybe its height) changed. */
  update(state: Readonly<WorldState>, bridgeEndpoint: string | null): boolean {
    if (!this.keyOf(state, bridgeEndpoint)) return false
    this.bridgeEndpoint = bridgeEndpoint
    this.description = describeClient(state, this.tr)
    this.label = this.description.label
    this.draw(state)
    return true
  }

  /** Highlights one of the engine cells inside the laptop (Docker Desktop), or none with -1. */
  lightCell(index: number): void {
    if (index === this.litCell) return
    this.litCell = index
    if (this.description) this.drawRows()
  }

  get showsDockerDesktop(): boolean {
    return this.dockerDesktop
  }

  /** Where a station of a request is, inside this box (the client, or Docker Desktop's engine and containers). */
  stationPoint(station: StationKind, fromBridge: boolean, containerId: string | null, out: PointLike): boolean {
    const fs = this.fontSize
    const x = this.boxX
    const w = this.boxWidth
    if (station === 'client') {
      if (fromBridge && this.bridgeEndpoint) {
        out.x = x + this.bridgeWidth()
        out.y = this.boxY + this.boxHeight() + fs * 0.35 + fs * 1.35
      } else {
        out.x = x + w / 2
        out.y = this.boxY + this.headerHeight - fs * 0.3
      }
      return true
    }
    if (!this.dockerDesktop) return false
    const rowsTop = this.boxY + this.headerHeight
    if (station === 'api') {
      out.x = x + fs * 1.2
      out.y = rowsTop + this.rowHeight * 0.5
      return true
    }
    if (station === 'container') {
      const i = containerId ? this.containerIds.indexOf(containerId) : -1
      out.x = x + fs * 0.7 + (i >= 0 ? Math.min(w - fs * 2, fs * (3 + i * 5)) : w / 2)
      out.y = rowsTop + this.rowHeight * 0.5
      return true
    }
    const cell = ENGINE_CELLS.indexOf(station as (typeof ENGINE_CELLS)[number])
    if (cell < 0) return false
    const inner = w - fs * 1.2
    out.x = x + fs * 0.6 + inner * (cell + 0.5) / 3
    out.y = rowsTop + this.rowHeight * 1.5
    return true
  }

  /** The box's left edge and its bottom (under the real-CLI box when that is shown). */
  get left(): number {
    return this.boxX
  }

  get bottom(): number {
    return this.boxY + this.totalHeight
  }

  /** `x` kept inside the client box (with a margin), for a straight line down from it. */
  clampX(x: number): number {
    const margin = this.fontSize * 1.5
    return Math.max(this.boxX + margin, Math.min(this.boxX + this.boxWidth - margin, x))
  }

  private bridgeWidth(): number {
    return Math.round(this.boxWidth * 0.6)
  }

  private boxHeight(): number {
    return this.headerHeight + (this.dockerDesktop ? this.rowHeight * 4 + this.fontSize * 0.5 : 0)
  }

  /** Cheap per-frame change test (no allocation): the client fields, the bridge, Docker Desktop's VM and containers. */
  private keyOf(state: Readonly<WorldState>, bridgeEndpoint: string | null): boolean {
    const c = state.client
    const k = this.seen
    let signature = c.contexts.length
    for (let i = 0; i < c.contexts.length; i++) signature = (signature * 31 + c.contexts[i]!.host.length + i) | 0
    let ddSignature = 0
    let vmState = ''
    let up = false
    for (let i = 0; i < state.daemons.length; i++) {
      const d = state.daemons[i]!
      if (d.id === 'container-host') up = engine.daemonIsUp(state as WorldState, d)
      if (d.id !== 'docker-desktop' || c.location !== 'docker-desktop') continue
      for (let j = 0; j < state.vms.length; j++) if (state.vms[j]!.id === d.onVm) vmState = state.vms[j]!.state
      for (let j = 0; j < d.containers.length; j++) {
        const ctr = d.containers[j]!
        ddSignature = (ddSignature * 31 + ctr.state.length * 7 + ctr.state.charCodeAt(0) + ctr.name.length) | 0
      }
      ddSignature = (ddSignature * 31 + d.containers.length) | 0
    }
    if (k.location === c.location && k.dockerHost === c.dockerHost && k.context === c.currentContext && k.contexts === signature &&
      k.bridge === bridgeEndpoint && k.dd === ddSignature && k.vm === vmState && k.up === up && !this.forceRedraw) return false
    k.location = c.location
    k.dockerHost = c.dockerHost
    k.context = c.currentContext
    k.contexts = signature
    k.bridge = bridgeEndpoint
    k.dd = ddSignature
    k.vm = vmState
    k.up = up
    this.forceRedraw = false
    return true
  }

  private restyleAll(): void {
    const p = this.palette
    const fs = this.fontSize
    restyle(this.title, p, { size: Math.round(fs * 1.0), color: p.text, weight: 'bold' })
    restyle(this.subtitle, p, { size: Math.round(fs * 0.85), color: p.textMuted })
    restyle(this.routeText, p, { size: Math.round(fs * 0.9), color: p.text })
    restyle(this.containersText, p, { size: Math.round(fs * 0.85), color: p.text })
    for (const text of this.cellTexts) restyle(text, p, { size: Math.round(fs * 0.85), color: p.onFill.docker })
    restyle(this.vmText, p, { size: Math.round(fs * 0.85), color: p.onFill.guestOs })
    restyle(this.laptopText, p, { size: Math.round(fs * 0.85), color: p.onFill.hardware })
    restyle(this.bridgeTitle, p, { size: Math.round(fs * 0.9), color: p.text, weight: 'bold' })
    restyle(this.bridgeSubtitle, p, { size: Math.round(fs * 0.85), color: p.textMuted })
  }

  private draw(state: Readonly<WorldState>): void {
    const d = this.description!
    const p = this.palette
    const fs = this.fontSize
    const x = this.boxX
    const w = this.boxWidth
    const pad = Math.round(fs * 0.6)
    this.dockerDesktop = d.location === 'docker-desktop'
    this.headerHeight = Math.round(fs * 3.8)
    this.rowHeight = Math.round(fs * 1.6)

    // the header: a small picture of the machine, who and where, how it reaches a daemon, the endpoint it uses
    const textX = x + pad + Math.round(fs * 2.2)
    const textW = w - pad * 2 - Math.round(fs * 2.2)
    fitText(this.title, d.title, textW)
    this.title.position.set(textX, this.boxY + Math.round(fs * 0.3))
    fitText(this.routeText, d.route, textW)
    this.routeText.position.set(textX, this.boxY + Math.round(fs * 1.45))
    const endpoint = d.dockerHost ? `DOCKER_HOST=${d.dockerHost}` : d.endpoint
    fitText(this.subtitle, this.tr('requests.client.endpointContext', { endpoint, contextName: d.context }), textW)
    this.subtitle.position.set(textX, this.boxY + Math.round(fs * 2.55))

    const height = this.boxHeight()
    // a remote client is another machine: another colour of frame, and a laptop for its picture
    const remote = d.location !== 'host'
    this.box.clear()
      .roundRect(x, this.boxY, w, height, 7)
      .fill({ color: p.panel, alpha: 0.97 })
      .stroke({ width: p.strokeWidth, color: d.daemon ? (remote ? p.hypervisor : p.docker) : p.crashed, alignment: 1 })
    this.drawMachineIcon(x + pad, this.boxY + Math.round(fs * 0.55), fs, remote)

    // Docker Desktop: the laptop's stack, bottom-up laptop → hidden VM → engine → containers
    const ddDaemon = state.daemons.find((dd) => dd.id === 'docker-desktop')
    const laptop = state.hosts.find((h) => h.role === 'laptop')
    const vm = ddDaemon ? state.vms.find((v) => v.id === ddDaemon.onVm) : undefined
    this.containerNames = []
    this.containerIds = []
    if (ddDaemon) {
      for (const c of ddDaemon.containers) {
        if (c.state === 'removed') continue
        this.containerNames.push(`${c.name} (${c.state})`)
        this.containerIds.push(c.id)
      }
    }
    const inner = w - fs * 1.2
    const rowsTop = this.boxY + this.headerHeight
    const showRows = this.dockerDesktop
    this.containersText.visible = showRows
    this.vmText.visible = showRows
    this.laptopText.visible = showRows
    for (const text of this.cellTexts) text.visible = showRows
    if (showRows) {
      const containers = this.containerNames.length ? this.tr('requests.client.containers', { list: this.containerNames.join(', ') }) : this.tr('requests.client.containersNone')
      fitText(this.containersText, containers, inner - fs * 0.6)
      this.containersText.position.set(x + fs * 0.9, rowsTop + (this.rowHeight - this.containersText.height) / 2)
      for (let i = 0; i < ENGINE_CELLS.length; i++) {
        const text = this.cellTexts[i]!
        fitText(text, ENGINE_CELLS[i]!, inner / 3 - fs * 0.4)
        text.position.set(Math.round(x + fs * 0.6 + inner * (i + 0.5) / 3 - text.width / 2), rowsTop + this.rowHeight + (this.rowHeight - text.height) / 2)
      }
      const os = catalog.GUEST_OSES['alpine-3.20']
      const vmState = vm ? this.tr(`state.${vm.state}`, { defaultValue: vm.state }) : this.tr('requests.client.vmNone')
      fitText(this.vmText, this.tr('requests.client.vm', { os: os ? `Linux ${os.kernel}` : 'Linux', state: vmState }), inner - fs * 0.6)
      this.vmText.position.set(x + fs * 0.9, rowsTop + this.rowHeight * 2 + (this.rowHeight - this.vmText.height) / 2)
      const laptopLine = laptop
        ? this.tr('requests.client.laptop', { kernel: laptop.kernel, count: laptop.cores, memory: formatMb(laptop.memoryMb) })
        : this.tr('requests.client.laptopBare')
      fitText(this.laptopText, laptopLine, inner - fs * 0.6)
      this.laptopText.position.set(x + fs * 0.9, rowsTop + this.rowHeight * 3 + (this.rowHeight - this.laptopText.height) / 2)
    }
    this.drawRows()

    // the real docker CLI on this computer (engine bridge)
    const bridge = this.bridgeEndpoint
    this.bridgeBox.clear()
    this.bridgeTitle.visible = bridge !== null
    this.bridgeSubtitle.visible = bridge !== null
    let total = height
    if (bridge) {
      // under the box, on its left: the line from the terminal's CLI down to dockerd passes beside it
      const top = this.boxY + height + Math.round(fs * 0.35)
      const bh = Math.round(fs * 2.7)
      const bw = this.bridgeWidth()
      this.bridgeBox.roundRect(x, top, bw, bh, 7).fill({ color: p.panel, alpha: 0.97 }).stroke({ width: p.strokeWidth, color: p.progress, alignment: 1 })
      fitText(this.bridgeTitle, this.tr('requests.client.title.thisComputer'), bw - pad * 2)
      this.bridgeTitle.position.set(x + pad, top + Math.round(fs * 0.25))
      fitText(this.bridgeSubtitle, bridge, bw - pad * 2)
      this.bridgeSubtitle.position.set(x + pad, top + Math.round(fs * 1.35))
      total = top + bh - this.boxY
    }
    this.totalHeight = total
  }

  /** A laptop (screen and keyboard base) for a laptop client, a terminal window for the CLI on the host. */
  private drawMachineIcon(x: number, y: number, fs: number, laptop: boolean): void {
    const p = this.palette
    const g = this.box
    const w = fs * 1.7
    const h = fs * 1.15
    if (laptop) {
      g.roundRect(x + fs * 0.15, y, w - fs * 0.3, h, 2).stroke({ width: p.strokeWidth, color: p.text })
      g.roundRect(x + fs * 0.35, y + fs * 0.2, w - fs * 0.7, h - fs * 0.4, 1).fill({ color: p.kernel, alpha: 0.8 })
      g.poly([x - fs * 0.05, y + h + fs * 0.15, x + w + fs * 0.05, y + h + fs * 0.15, x + w - fs * 0.15, y + h + fs * 0.45, x + fs * 0.15, y + h + fs * 0.45]).fill(p.text)
    } else {
      g.roundRect(x, y, w, h + fs * 0.3, 2).fill(p.background).stroke({ width: p.strokeWidth, color: p.text })
      g.moveTo(x + fs * 0.3, y + fs * 0.35).lineTo(x + fs * 0.65, y + fs * 0.65).lineTo(x + fs * 0.3, y + fs * 0.95)
        .moveTo(x + fs * 0.8, y + fs * 1.0).lineTo(x + fs * 1.3, y + fs * 1.0).stroke({ width: p.strokeWidth, color: p.guestOs })
    }
  }

  private drawRows(): void {
    const g = this.rows
    g.clear()
    if (!this.dockerDesktop) return
    const p = this.palette
    const fs = this.fontSize
    const x = this.boxX + fs * 0.6
    const inner = this.boxWidth - fs * 1.2
    const top = this.boxY + this.headerHeight
    const h = this.rowHeight - 2
    g.roundRect(x, top, inner, h, 4).fill({ color: p.app, alpha: 0.35 })
    for (let i = 0; i < 3; i++) {
      const cx = x + (inner * i) / 3
      g.roundRect(cx + (i ? 1 : 0), top + this.rowHeight, inner / 3 - 2, h, 4).fill(p.docker)
      if (i === this.litCell) g.roundRect(cx + (i ? 1 : 0), top + this.rowHeight, inner / 3 - 2, h, 4).stroke({ width: 2 * p.strokeWidth, color: p.focus })
    }
    g.roundRect(x, top + this.rowHeight * 2, inner, h, 4).fill(p.guestOs)
    g.roundRect(x, top + this.rowHeight * 3, inner, h, 4).fill(p.hardware)
  }
}
