// One Engine API request travelling the stage: a packet labelled "METHOD /route" goes from the client box to the
// REST API, into dockerd, and (for the routes that change a container's life) on through containerd and runc to
// the container, then back carrying "201 Created". While a packet is out, the Docker Engine block opens into its
// three parts so the packet can stop at each. With reduced motion the packet never travels: it appears at each
// station in turn. Held by the learner (paused on a hop), it stays put with a ring around its station.
import { Bounds, Container, Graphics, type Text } from 'pixi.js'
import type { WorldState } from '../../../sim/index.ts'
import type { ClientView, PointLike } from './ClientView'
import type { Palette } from './palette'
import type { PacketFrame, StationKind } from './packetTypes'
import type { StackColumn } from './StackColumn'
import { fitText, makeLabel, restyle } from './text'

const CELLS: readonly StationKind[] = ['dockerd', 'containerd', 'runc']
const CELL_TEXT = ['dockerd', 'containerd', 'runc']

export interface PacketContext {
  readonly state: Readonly<WorldState>
  readonly client: ClientView
  /** the container column (container-host's engine) and the VM column (engines inside VMs) */
  readonly containers: StackColumn
  readonly vms: StackColumn
}

export class PacketLayer extends Container {
  private readonly route = new Graphics()
  private readonly overlay = new Graphics()
  private readonly cellTexts: Text[] = []
  private readonly apiPill = new Graphics()
  private readonly apiText: Text
  private readonly halo = new Graphics()
  private readonly chip = new Graphics()
  private readonly chipText: Text
  private readonly bounds = new Bounds()
  private readonly points: PointLike[] = []
  private readonly current: PointLike = { x: 0, y: 0 }
  private readonly engine: PointLike[] = [{ x: 0, y: 0 }, { x: 0, y: 0 }, { x: 0, y: 0 }]
  private overlayX = NaN
  private overlayW = NaN
  private overlayY = NaN
  private palette: Palette
  private fontSize = 11
  private stageWidth = 0
  private stageHeight = 0
  private shownVersion = -1
  private shownPosition = -1
  private shownLeg: 'request' | 'answer' | '' = ''
  private pointsSignature = NaN
  private overlayOn = false
  private apiInside = false
  private clientLeft = 0
  private litCell = -2

  constructor(palette: Palette) {
    super()
    this.palette = palette
    this.eventMode = 'none'
    this.apiText = makeLabel(palette, { size: 10, color: palette.text })
    this.chipText = makeLabel(palette, { size: 11, color: 0x111827, weight: 'bold' })
    for (let i = 0; i < CELLS.length; i++) this.cellTexts.push(makeLabel(palette, { size: 10, color: palette.onFill.docker, weight: 'bold' }))
    this.addChild(this.overlay, ...this.cellTexts, this.route, this.apiPill, this.apiText, this.halo, this.chip, this.chipText)
    this.visible = false
  }

  setPalette(palette: Palette): void {
    this.palette = palette
    this.restyleAll()
    this.invalidate()
  }

  layout(stageWidth: number, stageHeight: number, fontSize: number): void {
    this.stageWidth = stageWidth
    this.stageHeight = stageHeight
    this.fontSize = fontSize
    this.restyleAll()
    this.invalidate()
  }

  /** Draws `frame` (or hides); returns true when anything on screen changed. */
  update(frame: PacketFrame | null, ctx: PacketContext, reducedMotion: boolean): boolean {
    if (!frame || frame.stations.length === 0) {
      ctx.client.lightCell(-1)
      if (!this.visible) return false
      this.visible = false
      this.hideOverlay()
      this.shownVersion = -1
      return true
    }
    const stations = frame.stations
    const n = stations.length
    while (this.points.length < n) this.points.push({ x: 0, y: 0 })
    const engineHere = this.locate(frame, ctx)
    this.apiInside = engineHere === 'laptop'
    this.clientLeft = ctx.client.left
    // the packet's place: between two stations while travelling; at a station with reduced motion or when held
    const last = n - 1
    const position = Math.max(0, Math.min(last, frame.position))
    const at = Math.floor(position)
    const t = frame.held || reducedMotion ? 0 : smooth(position - at)
    const a = this.points[at]!
    const b = this.points[Math.min(last, at + 1)]!
    this.current.x = a.x + (b.x - a.x) * t
    this.current.y = a.y + (b.y - a.y) * t
    const signature = this.signature(n)
    const stationNow = stations[t < 0.5 ? at : Math.min(last, at + 1)]!
    const leg = Math.round(position) > frame.turn ? 'answer' : 'request'
    const shownPosition = frame.held || reducedMotion ? at : position
    if (this.visible && frame.version === this.shownVersion && shownPosition === this.shownPosition && signature === this.pointsSignature && leg === this.shownLeg) return false
    const redrawStatic = frame.version !== this.shownVersion || signature !== this.pointsSignature || !this.visible
    this.visible = true
    this.shownVersion = frame.version
    this.shownPosition = shownPosition
    this.pointsSignature = signature

    const cell = CELLS.indexOf(stationNow)
    if (engineHere === 'column') {
      ctx.client.lightCell(-1)
      this.drawOverlay(ctx.containers, cell)
    } else {
      this.hideOverlay()
      ctx.client.lightCell(engineHere === 'laptop' ? cell : -1)
    }
    if (redrawStatic) this.drawRoute(frame)
    // held, or with reduced motion (no travel), a ring marks where the request is
    this.drawHalo(frame.held || reducedMotion ? this.points[at]! : null)
    this.drawChip(frame, leg)
    return true
  }

  private invalidate(): void {
    this.shownVersion = -1
    this.pointsSignature = NaN
    this.litCell = -2
  }

  /** Fills this.points for the frame's stations; says where the engine is drawn. */
  private locate(frame: PacketFrame, ctx: PacketContext): 'column' | 'laptop' | 'vm' | 'none' {
    const { client, containers } = ctx
    const fs = this.fontSize
    const stations = frame.stations
    const clientPoint = this.points[0]!
    client.stationPoint('client', frame.fromBridge, null, clientPoint)
    let where: 'column' | 'laptop' | 'vm' | 'none' = 'none'
    if (frame.daemon === 'docker-desktop' && client.showsDockerDesktop && !frame.fromBridge) where = 'laptop'
    else if (containers.visible && containers.middleBlock.layerId === `docker@${frame.daemon}`) where = 'column'
    else if (this.vmViewOf(frame.daemon, ctx)) where = 'vm'

    // the engine's three parts
    const engine = this.engine
    if (where === 'column') {
      // right to left: the packet comes down the column's right side from the client box, crosses the engine
      // dockerd → containerd → runc, and rises into the container (instances are laid out from the left)
      containers.middleBlock.getBounds(false, this.bounds)
      const bx = this.bounds
      for (let i = 0; i < 3; i++) {
        engine[i]!.x = bx.x + (bx.width * (2.5 - i)) / 3
        engine[i]!.y = bx.y + bx.height / 2
      }
      // a straight drop from the client box onto dockerd (the real CLI's box joins the line from the side)
      if (!frame.fromBridge) clientPoint.x = client.clampX(engine[0]!.x)
    } else if (where === 'laptop') {
      for (let i = 0; i < 3; i++) client.stationPoint(CELLS[i]!, false, null, engine[i]!)
    } else if (where === 'vm') {
      const view = this.vmViewOf(frame.daemon, ctx)!
      view.getBounds(false, this.bounds)
      for (let i = 0; i < 3; i++) {
        engine[i]!.x = this.bounds.x + this.bounds.width / 2
        engine[i]!.y = this.bounds.y + this.bounds.height * (0.78 - i * 0.05)
      }
    } else {
      for (let i = 0; i < 3; i++) {
        engine[i]!.x = clientPoint.x
        engine[i]!.y = clientPoint.y + fs * 3
      }
    }
    for (let i = 0; i < stations.length; i++) {
      const point = this.points[i]!
      switch (stations[i]!) {
        case 'client':
          point.x = clientPoint.x
          point.y = clientPoint.y
          break
        case 'api':
          if (where === 'laptop' && client.stationPoint('api', false, null, point)) break
          // just under the client box, where the column keeps room: the REST API is the box's way out
          point.x = where === 'column' ? client.clampX(engine[0]!.x) : clientPoint.x
          point.y = Math.min(client.bottom + fs * 1.05, clientPoint.y + (engine[0]!.y - clientPoint.y) * 0.5)
          break
        case 'dockerd':
        case 'containerd':
        case 'runc': {
          const e = engine[CELLS.indexOf(stations[i]!)]!
          point.x = e.x
          point.y = e.y
          break
        }
        case 'container': {
          if (where === 'laptop' && client.stationPoint('container', false, frame.containerId, point)) break
          const view = where === 'column' && frame.containerId ? containers.views.get(frame.containerId) : undefined
          if (view && view.visible && !view.leaving) {
            view.getBounds(false, this.bounds)
            point.x = this.bounds.x + this.bounds.width / 2
            point.y = this.bounds.y + this.bounds.height * 0.62
          } else {
            point.x = engine[2]!.x
            point.y = engine[2]!.y - fs * 3
          }
          break
        }
      }
    }
    return where
  }

  private vmViewOf(daemonId: string, ctx: PacketContext): Container | null {
    const daemon = ctx.state.daemons.find((d) => d.id === daemonId)
    if (!daemon?.onVm) return null
    const view = ctx.vms.views.get(daemon.onVm)
    return view && view.visible ? view : null
  }

  private signature(n: number): number {
    let s = 0
    for (let i = 0; i < n; i++) s = s * 1.0001 + this.points[i]!.x * 3.1 + this.points[i]!.y * 7.7
    return Math.round(s * 10)
  }

  private drawOverlay(column: StackColumn, lit: number): void {
    const block = column.middleBlock
    block.getBounds(false, this.bounds)
    const b = this.bounds
    const p = this.palette
    if (this.overlayOn && lit === this.litCell && b.x === this.overlayX && b.y === this.overlayY && b.width === this.overlayW) return
    this.overlayOn = true
    this.litCell = lit
    this.overlayX = b.x
    this.overlayY = b.y
    this.overlayW = b.width
    const g = this.overlay.clear()
    const gap = Math.max(8, Math.round(this.fontSize * 1.1))
    const w = (b.width - gap * 2) / 3
    g.roundRect(b.x - 1, b.y - 1, b.width + 2, b.height + 2, 5).fill(p.panel)
    for (let i = 0; i < 3; i++) {
      // cell i (dockerd, containerd, runc) from the right
      const x = b.x + (2 - i) * (w + gap)
      g.roundRect(x, b.y, w, b.height, 5).fill(p.docker)
      if (i === lit) g.roundRect(x + 1, b.y + 1, w - 2, b.height - 2, 5).stroke({ width: 2 * p.strokeWidth, color: p.focus })
      if (i < 2) {
        // an arrowhead in the gap, pointing the way the request goes
        const cx = x - gap / 2
        const cy = b.y + b.height / 2
        const r = Math.min(gap * 0.35, b.height * 0.3)
        g.poly([cx + r * 0.6, cy - r, cx - r * 0.6, cy, cx + r * 0.6, cy + r]).fill(p.docker)
      }
      const text = this.cellTexts[i]!
      text.visible = true
      fitText(text, CELL_TEXT[i]!, w - 8)
      text.position.set(Math.round(x + (w - text.width) / 2), Math.round(b.y + (b.height - text.height) / 2))
    }
    this.overlay.visible = true
  }

  private hideOverlay(): void {
    if (!this.overlayOn) return
    this.overlayOn = false
    this.litCell = -2
    this.overlay.clear()
    for (const text of this.cellTexts) text.visible = false
  }

  private drawRoute(frame: PacketFrame): void {
    const p = this.palette
    const g = this.route.clear()
    const last = Math.min(frame.turn, frame.stations.length - 1)
    const first = this.points[0]!
    g.moveTo(first.x, first.y)
    for (let i = 1; i <= last; i++) g.lineTo(this.points[i]!.x, this.points[i]!.y)
    g.stroke({ width: 2 * p.strokeWidth, color: p.progress, alpha: 0.55, cap: 'round', join: 'round' })
    for (let i = 0; i <= last; i++) {
      const q = this.points[i]!
      g.circle(q.x, q.y, this.fontSize * 0.28).fill({ color: p.progress, alpha: 0.9 })
    }
    // the REST API: the one place every request crosses, named on the line
    const apiIndex = frame.stations.indexOf('api')
    const api = apiIndex >= 0 ? this.points[apiIndex]! : null
    this.apiPill.clear()
    this.apiText.visible = api !== null
    if (api) {
      const fs = this.fontSize
      fitText(this.apiText, frame.apiLabel, fs * 16)
      const w = this.apiText.width + fs * 1.0
      const h = this.apiText.height + fs * 0.3
      // beside the line, under the box; beside the laptop when the API is inside it (Docker Desktop)
      const inside = this.apiInside
      const x = Math.max(2, Math.min(this.stageWidth - w - 2, inside ? this.clientLeft - w - fs * 0.3 : api.x - w - fs * 0.6))
      const y = api.y - h / 2
      this.apiPill.roundRect(x, y, w, h, h / 2).fill({ color: p.panel, alpha: 0.96 }).stroke({ width: p.strokeWidth, color: p.progress, alignment: 1 })
      this.apiText.position.set(Math.round(x + fs * 0.5), Math.round(y + fs * 0.15))
    }
  }

  private drawHalo(at: PointLike | null): void {
    const g = this.halo.clear()
    if (!at) return
    const r = this.fontSize * 1.05
    g.circle(at.x, at.y, r).stroke({ width: 2 * this.palette.strokeWidth, color: this.palette.focus })
  }

  private drawChip(frame: PacketFrame, leg: 'request' | 'answer'): void {
    const p = this.palette
    const fs = this.fontSize
    const answerOk = !frame.failed
    const fill = leg === 'request' ? p.progress : answerOk ? p.guestOs : p.crashed
    const textColor = leg === 'request' ? (p.name === 'projector' ? 0xffffff : 0x111827) : answerOk ? p.onFill.guestOs : p.onFill.crashed
    if (leg !== this.shownLeg || frame.version !== this.shownVersionOfChip) {
      this.shownLeg = leg
      this.shownVersionOfChip = frame.version
      restyle(this.chipText, p, { size: Math.round(fs * 0.95), color: textColor, weight: 'bold' })
      fitText(this.chipText, leg === 'request' ? frame.label : `← ${frame.answer}`, fs * 22)
    }
    const w = this.chipText.width + fs * 1.0
    const h = this.chipText.height + fs * 0.35
    const here = this.current
    const x = Math.round(Math.max(2, Math.min(this.stageWidth - w - 2, here.x - w / 2)))
    const above = here.y - h - fs * 0.6
    const y = Math.round(above < 2 ? here.y + fs * 0.6 : Math.min(this.stageHeight - h - 2, above))
    this.chip.clear()
      .roundRect(x, y, w, h, 5).fill(fill).stroke({ width: p.strokeWidth, color: p.background, alignment: 1 })
      .circle(here.x, here.y, fs * 0.45).fill(fill).stroke({ width: p.strokeWidth, color: p.background })
    this.chipText.position.set(x + Math.round(fs * 0.5), y + Math.round(fs * 0.17))
  }

  private shownVersionOfChip = -1

  private restyleAll(): void {
    const p = this.palette
    const fs = this.fontSize
    restyle(this.apiText, p, { size: Math.round(fs * 0.85), color: p.text })
    for (const text of this.cellTexts) restyle(text, p, { size: Math.round(fs * 0.95), color: p.onFill.docker, weight: 'bold' })
    this.shownLeg = ''
    this.overlayOn = false
  }
}

function smooth(t: number): number {
  return t * t * (3 - 2 * t)
}
