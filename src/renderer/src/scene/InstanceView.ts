// One VM or container on the stage: a header (state icon, name, stopwatch, phase, progress through the
// start phases) above a body of layers that light up phase by phase. Created once, reused from a pool, and
// updated in place every frame.
import { BitmapText, Container, Graphics, Rectangle, Sprite, Texture, type Text } from 'pixi.js'
import { LayerBlock } from './LayerBlock'
import type { Hoverable } from './HoverZone'
import type { FillName, Palette } from './palette'
import { StateIcon, type VisualState } from './StateIcon'
import { fitText, makeCounter, makeLabel, restyle } from './text'
import { formatStopwatch } from './stopwatch'
import type { SceneLayerKind } from './types'

export interface BodyLayerSpec {
  readonly kind: SceneLayerKind
  readonly fill: FillName
  /** relative height within the body */
  readonly weight: number
}

export type LayerStatus = 'off' | 'booting' | 'on'

const APPEAR_MS = 260

export class InstanceView extends Container implements Hoverable {
  layerId = ''
  subject = ''
  instanceKey: string | null = null
  /** the frame number this view was last seen in the world */
  stamp = 0
  leaving = false
  targetX = 0
  targetY = 0
  viewWidth = 0
  viewHeight = 0
  placed = false
  /** the instance generation its body labels were made for (-1: make them again) */
  labelGen = -1
  readonly layers: LayerBlock[] = []

  private readonly frameFill = new Graphics()
  private readonly frameStroke = new Graphics()
  private readonly icon = new StateIcon()
  private readonly nameText: Text
  private readonly stateText: Text
  private readonly stopwatch: BitmapText
  private readonly progressTrack = new Sprite(Texture.WHITE)
  private readonly progressFill = new Sprite(Texture.WHITE)
  private readonly ticks = new Graphics()
  private readonly pausedOverlay = new Graphics()
  private readonly crashOverlay = new Graphics()
  private readonly statuses: LayerStatus[] = []
  private palette: Palette
  private fontSize = 11
  private appear = 0
  private visual: VisualState = 'off'
  private stateWord = ''
  private stopwatchMs: number | null = -1
  private progress = 0
  private selected = false
  private focused = false
  private ticksKey = ''
  private headerHeight = 0
  private bodyTop = 0
  private instanceName = ''

  constructor(readonly kind: 'vm' | 'container', private readonly specs: readonly BodyLayerSpec[], palette: Palette) {
    super()
    this.palette = palette
    this.eventMode = 'static'
    this.cursor = 'pointer'
    this.nameText = makeLabel(palette, { size: this.fontSize, color: palette.text, weight: 'bold' })
    this.stateText = makeLabel(palette, { size: this.fontSize, color: palette.textMuted })
    this.stopwatch = makeCounter(palette, { size: this.fontSize, color: palette.text })
    this.addChild(this.frameFill, this.frameStroke)
    for (const spec of specs) {
      const block = new LayerBlock(spec.kind, spec.fill, palette)
      block.cursor = 'pointer'
      this.layers.push(block)
      // blocks are drawn lit: record that, so the first 'off' really dims them
      this.statuses.push('on')
      this.addChild(block)
    }
    this.pausedOverlay.eventMode = 'none'
    this.crashOverlay.eventMode = 'none'
    this.progressTrack.eventMode = 'none'
    this.progressFill.eventMode = 'none'
    this.ticks.eventMode = 'none'
    this.addChild(this.pausedOverlay, this.crashOverlay, this.icon, this.nameText, this.stopwatch, this.stateText,
      this.progressTrack, this.progressFill, this.ticks)
    this.applyPalette()
  }

  /** Gives a pooled view to a new instance. */
  bind(key: string, name: string, reducedMotion: boolean): void {
    this.instanceKey = key
    this.layerId = key
    this.subject = name
    this.instanceName = name
    this.leaving = false
    this.placed = false
    this.appear = reducedMotion ? 1 : 0
    this.alpha = this.appear
    this.visible = true
    this.stopwatchMs = -1
    this.stateWord = ''
    this.ticksKey = ''
    this.labelGen = -1
    for (let i = 0; i < this.layers.length; i++) {
      const block = this.layers[i]!
      this.statuses[i] = 'on'
      block.setLit(true)
      block.layerId = `${this.specs[i]!.kind}@${key}`
      block.subject = name
      block.instanceKey = key
    }
    fitText(this.nameText, name, this.viewWidth - this.fontSize * 2.2)
  }

  setPalette(palette: Palette): void {
    this.palette = palette
    for (const block of this.layers) block.setPalette(palette)
    this.applyPalette()
    this.drawFrame()
    this.drawOverlays()
    this.ticksKey = ''
  }

  /** Forgets the drawn state word and body labels, so the column writes them again in the current language. */
  relabel(): void {
    this.labelGen = -1
    this.stateWord = ''
  }

  setLabels(labels: readonly string[]): void {
    for (let i = 0; i < this.layers.length; i++) this.layers[i]!.setLabel(labels[i] ?? '')
  }

  setLayerLabel(index: number, label: string): void {
    this.layers[index]?.setLabel(label)
  }

  layout(width: number, height: number, fontSize: number): void {
    if (width === this.viewWidth && height === this.viewHeight && fontSize === this.fontSize) return
    this.viewWidth = width
    this.viewHeight = height
    this.fontSize = fontSize
    this.applyPalette()
    const pad = Math.max(3, Math.round(fontSize * 0.4))
    const row = Math.round(fontSize * 1.35)
    const compact = height < row * 3 + 40
    this.headerHeight = compact ? row + pad * 2 : row * 3 + pad + 6
    this.icon.position.set(pad, pad + Math.round((row - fontSize) / 2))
    this.nameText.position.set(pad + fontSize + 4, pad)
    this.stopwatch.position.set(pad, pad + row)
    this.stateText.position.set(pad, pad + row * 2)
    this.stopwatch.visible = !compact
    this.stateText.visible = !compact
    const barY = this.headerHeight - 5
    this.progressTrack.position.set(pad, barY)
    this.progressTrack.width = width - pad * 2
    this.progressTrack.height = 3
    this.progressFill.position.set(pad, barY)
    this.progressFill.height = 3
    this.progressFill.width = (width - pad * 2) * this.progress
    this.progressTrack.visible = !compact
    this.progressFill.visible = !compact
    this.ticks.visible = !compact
    this.ticksKey = ''
    // the body: layers stacked bottom-up under the header
    this.bodyTop = this.headerHeight
    const gap = 2
    const bodyHeight = Math.max(0, height - this.bodyTop - pad)
    let weights = 0
    for (const spec of this.specs) weights += spec.weight
    const usable = bodyHeight - gap * (this.specs.length - 1)
    let y = height - pad
    for (let i = 0; i < this.layers.length; i++) {
      const h = Math.max(3, Math.floor(usable * this.specs[i]!.weight / weights))
      y -= h
      const block = this.layers[i]!
      block.position.set(pad, y)
      block.setFontSize(Math.max(8, Math.round(fontSize * 0.92)))
      block.setSize(width - pad * 2, h, 3)
      y -= gap
    }
    this.hitArea = new Rectangle(0, 0, width, height)
    fitText(this.nameText, this.instanceName, width - pad * 2 - fontSize - 4)
    this.stopwatchMs = -1
    this.stateWord = ''
    this.drawFrame()
    this.drawOverlays()
  }

  setSelected(selected: boolean, focused: boolean): void {
    if (selected === this.selected && focused === this.focused) return
    this.selected = selected
    this.focused = focused
    this.drawFrame()
  }

  setVisual(visual: VisualState, word: string): void {
    if (visual !== this.visual) {
      this.visual = visual
      this.progressFill.tint = visual === 'starting' ? this.palette.progress : this.palette.textMuted
      this.pausedOverlay.visible = visual === 'paused'
      this.crashOverlay.visible = visual === 'crashed'
      this.drawFrame()
    }
    this.icon.show(visual, this.fontSize, this.palette.text, this.palette.crashed)
    if (word !== this.stateWord) {
      this.stateWord = word
      fitText(this.stateText, word, this.viewWidth - this.fontSize)
    }
  }

  setStopwatch(ms: number | null): void {
    const rounded = ms === null ? null : Math.round(ms)
    if (rounded === this.stopwatchMs) return
    this.stopwatchMs = rounded
    this.stopwatch.text = rounded === null ? '–' : formatStopwatch(rounded)
  }

  /** The stopwatch as drawn, for the tests. */
  stopwatchText(): string {
    return this.stopwatch.text
  }

  setProgress(fraction: number): void {
    const f = fraction > 1 ? 1 : fraction > 0 ? fraction : 0
    if (f === this.progress) return
    this.progress = f
    this.progressFill.width = this.progressTrack.width * f
  }

  /** Tick marks at the boundaries of the planned phases (redrawn only when the plan changes). */
  setPhaseTicks(planned: readonly { ms: number }[]): void {
    let total = 0
    for (let i = 0; i < planned.length; i++) total += planned[i]!.ms
    const key = planned.length === 0 ? '' : `${planned.length}:${total}:${this.progressTrack.width}`
    if (key === this.ticksKey) return
    this.ticksKey = key
    this.ticks.clear()
    if (total <= 0) return
    const x0 = this.progressTrack.x
    const w = this.progressTrack.width
    let acc = 0
    for (let i = 0; i < planned.length - 1; i++) {
      acc += planned[i]!.ms
      const x = Math.round(x0 + (w * acc) / total)
      this.ticks.rect(x, this.progressTrack.y - 1, 1, 5)
    }
    this.ticks.fill(this.palette.textMuted)
  }

  setLayerStatus(index: number, status: LayerStatus): void {
    if (this.statuses[index] === status) return
    this.statuses[index] = status
    this.layers[index]?.setLit(status === 'on')
  }

  /** Advances the appear/leave/move transitions and the booting pulse; true while something still moves. */
  animate(dtMs: number, timeMs: number, reducedMotion: boolean): boolean {
    let moving = false
    if (!this.placed || reducedMotion) {
      this.position.set(this.targetX, this.targetY)
      this.placed = true
    } else if (this.x !== this.targetX || this.y !== this.targetY) {
      const k = Math.min(1, dtMs / 120)
      const dx = this.targetX - this.x
      const dy = this.targetY - this.y
      if (Math.abs(dx) < 0.5 && Math.abs(dy) < 0.5) this.position.set(this.targetX, this.targetY)
      else this.position.set(this.x + dx * k, this.y + dy * k)
      moving = true
    }
    const goal = this.leaving ? 0 : 1
    if (reducedMotion) this.appear = goal
    else if (this.appear !== goal) {
      const step = dtMs / APPEAR_MS
      this.appear = goal > this.appear ? Math.min(goal, this.appear + step) : Math.max(goal, this.appear - step)
      moving = true
    }
    this.alpha = this.appear
    for (let i = 0; i < this.layers.length; i++) {
      if (this.statuses[i] !== 'booting') continue
      const block = this.layers[i]!
      block.bg.alpha = reducedMotion ? 0.65 : 0.45 + 0.35 * (0.5 + 0.5 * Math.sin(timeMs / 160))
      block.text.alpha = 1
      moving = true
    }
    return moving
  }

  /** Fully faded out after leaving: ready to go back to the pool. */
  get gone(): boolean {
    return this.leaving && this.appear <= 0
  }

  private applyPalette(): void {
    const p = this.palette
    const size = this.fontSize
    restyle(this.nameText, p, { size, color: p.text, weight: 'bold' })
    restyle(this.stateText, p, { size: Math.max(8, Math.round(size * 0.9)), color: p.textMuted })
    restyle(this.stopwatch, p, { size, color: p.text })
    this.progressTrack.tint = p.meterTrack
    this.progressFill.tint = this.visual === 'starting' ? p.progress : p.textMuted
    this.frameFill.tint = p.background
  }

  private drawFrame(): void {
    const w = this.viewWidth
    const h = this.viewHeight
    if (w <= 0 || h <= 0) return
    const p = this.palette
    this.frameFill.clear().roundRect(0, 0, w, h, 6).fill(0xffffff)
    const color = this.visual === 'crashed' ? p.crashed : this.focused ? p.focus : this.selected ? p.selected : p.panelStroke
    const width = (this.selected || this.focused || this.visual === 'crashed' ? 2 : 1) * p.strokeWidth
    this.frameStroke.clear().roundRect(0, 0, w, h, 6).stroke({ width, color, alignment: 1 })
    if (this.kind === 'vm') {
      // a VM is a whole machine: a dashed inner line marks its virtual hardware boundary
      this.frameStroke.roundRect(2, 2, w - 4, h - 4, 5).stroke({ width: 1, color, alpha: 0.35, alignment: 1 })
    }
  }

  private drawOverlays(): void {
    const w = this.viewWidth
    const top = this.bodyTop
    const h = this.viewHeight - top
    const p = this.palette
    this.pausedOverlay.clear()
    this.crashOverlay.clear()
    if (w <= 0 || h <= 0) return
    // paused: diagonal hatching over the body (the cgroup freezer / the VM's vCPUs are stopped)
    this.pausedOverlay.rect(0, top, w, h).fill({ color: p.panel, alpha: 0.45 })
    const stepPx = 8
    for (let c = stepPx; c < w + h; c += stepPx) {
      const x1 = Math.min(c, w)
      const y1 = c - x1
      const x2 = Math.max(0, c - h)
      const y2 = c - x2
      this.pausedOverlay.moveTo(x1, top + y1).lineTo(x2, top + y2)
    }
    this.pausedOverlay.stroke({ width: 1.5, color: p.text, alpha: 0.55 })
    this.pausedOverlay.visible = this.visual === 'paused'
    // crashed: a red wash and a big X across the body
    this.crashOverlay.rect(0, top, w, h).fill({ color: p.crashed, alpha: 0.35 })
    const m = Math.min(w, h) * 0.18
    this.crashOverlay.moveTo(m, top + m).lineTo(w - m, top + h - m).moveTo(w - m, top + m).lineTo(m, top + h - m)
      .stroke({ width: 3 * p.strokeWidth, color: p.crashed, cap: 'round' })
    this.crashOverlay.visible = this.visual === 'crashed'
  }
}
