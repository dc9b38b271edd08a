// The Pixi stage: the VM stack and the container stack side by side, with the legend under them. Created once;
// `frame()` syncs it with the world's plain state and renders only when something changed. Reached only through
// StackScene (a dynamic import: its own chunk, Pixi with it), so the page's first script carries none of it.
//
// Pixi's environment extensions are not imported wholesale (skipExtensionImports): Pixi's own `browserAll` would
// add its accessibility overlay, the DOM container and the filter systems, none of which the stage uses (the
// screen-reader list in the DOM replaces the overlay; no filters, no masks). Only the pointer events are needed:
// hover and tap on the stage. Graphics, Text and BitmapText register their own pipes when imported; Sprite's is
// built in.
//
// Pixi v8 compiles shader and uniform code with new Function(); the CSP forbids eval, so its CSP-safe polyfills load
// first, here, with the rest of Pixi (in the page's entry they would put Pixi's core back in the first script).
import 'pixi.js/unsafe-eval'
import 'pixi.js/events'
import { capCache, dropReleasedTextKeys, type TextTextureBook } from './pixiPatches'
import { autoDetectRenderer, BitmapFontManager, Bounds, Container, Graphics, Rectangle, type FederatedPointerEvent, type Renderer } from 'pixi.js'
import type { HostState, WorldState } from '../../../sim/index.ts'
import { StackColumn } from './StackColumn'
import { Legend } from './Legend'
import { BlastOverlay, type BlastMark } from './BlastOverlay'
import { RequestPaths } from './RequestPaths'
import type { PacketSource } from './packetTypes'
import { paletteFor, type Palette } from './palette'
import { isHoverable, type Hoverable } from './HoverZone'
import { describeLayer } from './describe'
import type { SceneOptions } from './StackScene'
import type { SceneColumn, SceneHover, Translate } from './types'

/** Bitmap-text layouts Pixi keeps (its default is 1,000): the counters on screen at once are a few dozen; see capCache */
const BITMAP_LAYOUTS_KEPT = 128

export class PixiScene {
  readonly stage = new Container()
  readonly canvas: HTMLCanvasElement
  onHover: (hover: SceneHover | null) => void = () => {}
  onSelect: (instanceKey: string) => void = () => {}

  private readonly left: StackColumn
  private readonly right: StackColumn
  private readonly legend: Legend
  private readonly blast: BlastOverlay
  private readonly paths: RequestPaths
  private readonly focusRing = new Graphics()
  private readonly focusBounds = new Bounds()
  private readonly observer: ResizeObserver
  private palette: Palette
  private reducedMotion: boolean
  private selectedKey: string | null = null
  private focusedId: string | null = null
  private focusTarget: (Container & Hoverable) | null = null
  private ringX = NaN
  private ringY = NaN
  private ringW = NaN
  private ringH = NaN
  private hoverTarget: (Container & Hoverable) | null = null
  private lastState: Readonly<WorldState> | null = null
  private lastClockMs = -1
  private dirty = true
  private stageWidth = 0
  private stageHeight = 0
  private timeMs = 0
  private layersVersion = -1
  private translate: Translate
  /** handed to every part of the scene: always forwards to the current `translate` */
  private readonly tr: Translate = (key, params) => this.translate(key, params)

  static async create(host: HTMLElement, options: SceneOptions): Promise<PixiScene> {
    const palette = paletteFor(options.projector)
    const renderer = await autoDetectRenderer({
      preference: options.preference,
      width: Math.max(1, host.clientWidth),
      height: Math.max(1, host.clientHeight),
      background: palette.background,
      antialias: true,
      resolution: Math.min(2, window.devicePixelRatio || 1),
      autoDensity: true,
      // only what this module imports (above): no accessibility overlay, DOM container or filters
      skipExtensionImports: true
    })
    const textSystem = (renderer as unknown as { canvasText?: TextTextureBook }).canvasText
    if (textSystem) dropReleasedTextKeys(textSystem)
    capCache(BitmapFontManager.measureCache, BITMAP_LAYOUTS_KEPT)
    return new PixiScene(renderer, host, palette, options.reducedMotion, options.translate)
  }

  private constructor(readonly renderer: Renderer, private readonly host: HTMLElement, palette: Palette, reducedMotion: boolean, translate: Translate) {
    this.palette = palette
    this.reducedMotion = reducedMotion
    this.translate = translate
    this.canvas = renderer.canvas as HTMLCanvasElement
    this.canvas.setAttribute('aria-hidden', 'true')
    this.canvas.dataset['testid'] = 'stage-canvas'
    host.append(this.canvas)
    this.left = new StackColumn('vm', palette, this.tr)
    this.right = new StackColumn('container', palette, this.tr)
    this.legend = new Legend(palette, this.tr)
    this.blast = new BlastOverlay(palette)
    this.paths = new RequestPaths(palette, this.right, this.left, this.tr)
    this.focusRing.eventMode = 'none'
    this.stage.addChild(this.left, this.right, this.legend, this.blast, this.paths, this.focusRing)
    this.stage.eventMode = 'static'
    this.stage.on('pointermove', this.handlePointerMove)
    this.stage.on('pointertap', this.handleTap)
    this.canvas.addEventListener('pointerleave', this.handlePointerLeave)
    this.observer = new ResizeObserver(() => this.resize())
    this.observer.observe(host)
    this.resize()
  }

  get rendererName(): string {
    return this.renderer.name
  }

  /** Syncs with the world and renders if anything changed; returns whether it rendered. */
  frame(state: Readonly<WorldState>, dtMs: number): boolean {
    this.timeMs += dtMs
    if (state !== this.lastState) {
      this.lastState = state
      this.dirty = true
    }
    const leftHost = pickHost(state, 'vm')
    const rightHost = pickHost(state, 'container')
    const animatingLeft = this.left.update(state, leftHost, dtMs, this.timeMs, this.reducedMotion, this.selectedKey, this.focusedId)
    const animatingRight = this.right.update(state, rightHost, dtMs, this.timeMs, this.reducedMotion, this.selectedKey, this.focusedId)
    const ringMoved = this.updateFocusRing()
    const blastMoved = this.blast.update(this.stage, this.version)
    const pathsMoved = this.paths.update(state, dtMs, this.reducedMotion)
    const changed = state.clockMs !== this.lastClockMs
    this.lastClockMs = state.clockMs
    if (!(this.dirty || changed || animatingLeft || animatingRight || ringMoved || blastMoved || pathsMoved)) return false
    this.dirty = false
    this.renderer.render(this.stage)
    return true
  }

  setPalette(projector: boolean): void {
    const palette = paletteFor(projector)
    if (palette === this.palette) return
    this.palette = palette
    this.renderer.background.color = palette.background
    this.left.setPalette(palette)
    this.right.setPalette(palette)
    this.legend.setPalette(palette)
    this.blast.setPalette(palette)
    this.paths.setPalette(palette)
    this.layout()
  }

  /**
   * A new language (or a new translate function): every label on the stage, the screen-reader list and an open
   * tooltip are written again, without rebuilding anything.
   */
  setTranslate(translate: Translate): void {
    this.translate = translate
    this.relabel()
  }

  /** Redraws every label in the current language (call after i18next's languageChanged). */
  relabel(): void {
    this.left.relabel()
    this.right.relabel()
    this.legend.relabel()
    // the client box redraws on every call, even with the same function
    this.paths.setTranslate(this.tr)
    this.layout()
    const target = this.hoverTarget ?? this.focusTarget
    if (target && !target.destroyed) this.onHover(this.hoverOf(target))
  }

  setReducedMotion(reduced: boolean): void {
    this.reducedMotion = reduced
    this.dirty = true
  }

  /** Where the request packets come from (app/RequestController): read every frame. */
  setPacketSource(source: PacketSource | null): void {
    this.paths.setSource(source)
    this.dirty = true
  }

  /** The isolation lab's blast radius: HIT / AFFECTED / SAFE instances and the boundary that held or failed. */
  setBlast(marks: readonly BlastMark[]): void {
    this.blast.setMarks(marks)
    this.dirty = true
  }

  setSelected(key: string | null): void {
    if (key === this.selectedKey) return
    this.selectedKey = key
    this.dirty = true
  }

  /** Keyboard focus from the DOM layer list: ring the layer and describe it. */
  setFocus(id: string | null): SceneHover | null {
    this.focusedId = id
    this.focusTarget = id ? this.findLayer(id) : null
    this.ringX = NaN
    this.dirty = true
    return this.focusTarget ? this.hoverOf(this.focusTarget) : null
  }

  /** Bumped whenever a layer appears or disappears. */
  get version(): number {
    return this.left.layersVersion * 100_003 + this.right.layersVersion
  }

  layers(): SceneColumn[] {
    const state = this.lastState
    if (!state) return []
    const columns: SceneColumn[] = []
    if (this.left.visible) columns.push(this.left.describeLayers(state))
    if (this.right.visible) columns.push(this.right.describeLayers(state))
    return columns
  }

  /** The stage as a PNG data URL (rendered and read in the same task, so WebGL needs no preserved buffer). */
  toDataUrl(): string {
    this.renderer.render(this.stage)
    return this.canvas.toDataURL('image/png')
  }

  stopwatchText(name: string): string | null {
    return this.left.stopwatchText(name) ?? this.right.stopwatchText(name)
  }

  resize(): void {
    const width = Math.max(1, this.host.clientWidth)
    const height = Math.max(1, this.host.clientHeight)
    if (width === this.stageWidth && height === this.stageHeight) return
    this.stageWidth = width
    this.stageHeight = height
    this.renderer.resize(width, height)
    this.stage.hitArea = new Rectangle(0, 0, width, height)
    this.layout()
  }

  destroy(): void {
    this.observer.disconnect()
    this.canvas.removeEventListener('pointerleave', this.handlePointerLeave)
    this.stage.destroy({ children: true })
    this.renderer.destroy({ removeView: true })
  }

  private layout(): void {
    const w = this.stageWidth
    const h = this.stageHeight
    const s = Math.max(0.85, Math.min(2.6, Math.min(w / 900, h / 440)))
    const fontSize = Math.max(9, Math.min(30, Math.round(11 * s * this.palette.fontScale)))
    const pad = Math.round(10 * s)
    const legendH = this.legend.layout(w - pad * 2, fontSize)
    this.legend.position.set(pad, h - pad - legendH)
    const columnW = Math.floor((w - pad * 3) / 2)
    const columnH = Math.max(0, h - pad * 2 - legendH - Math.round(pad * 0.6))
    this.left.layout(pad, pad, columnW, columnH, fontSize)
    this.right.layout(pad * 2 + columnW, pad, columnW, columnH, fontSize)
    this.blast.setFontSize(fontSize)
    this.paths.layout(pad * 2 + columnW, pad, columnW, w, h, fontSize)
    // DOM overlays (the create buttons) line up with the columns through these
    this.host.style.setProperty('--stage-pad', `${pad}px`)
    this.host.style.setProperty('--stage-column-width', `${columnW}px`)
    this.host.style.setProperty('--stage-font', `${fontSize}px`)
    this.ringX = NaN
    this.dirty = true
    if (this.lastState) this.frame(this.lastState, 0)
  }

  private updateFocusRing(): boolean {
    const target = this.focusTarget
    if (!target || !target.visible || target.destroyed) {
      if (this.focusRing.visible) {
        this.focusRing.visible = false
        return true
      }
      return false
    }
    target.getBounds(false, this.focusBounds)
    const b = this.focusBounds
    if (b.x === this.ringX && b.y === this.ringY && b.width === this.ringW && b.height === this.ringH && this.focusRing.visible) return false
    this.ringX = b.x
    this.ringY = b.y
    this.ringW = b.width
    this.ringH = b.height
    const width = 2 * this.palette.strokeWidth + 1
    this.focusRing.clear().roundRect(b.x - 3, b.y - 3, b.width + 6, b.height + 6, 6).stroke({ width, color: this.palette.focus })
    this.focusRing.visible = true
    return true
  }

  private findLayer(id: string): (Container & Hoverable) | null {
    const search = (node: Container): (Container & Hoverable) | null => {
      if (isHoverable(node) && node.layerId === id && node.visible) return node
      for (const child of node.children) {
        const found = search(child)
        if (found) return found
      }
      return null
    }
    return search(this.stage)
  }

  private hoverOf(target: Container & Hoverable): SceneHover {
    const b = target.getBounds()
    return {
      id: target.layerId,
      kind: target.kind,
      subject: target.subject,
      detail: this.lastState ? describeLayer(this.lastState, target.kind, target.subject, target.instanceKey, this.tr) : '',
      rect: { x: b.x, y: b.y, width: b.width, height: b.height }
    }
  }

  private hoverableAt(event: FederatedPointerEvent): (Container & Hoverable) | null {
    let node: Container | null = event.target as Container | null
    while (node && node !== this.stage) {
      if (isHoverable(node)) return node
      node = node.parent
    }
    return null
  }

  private readonly handlePointerMove = (event: FederatedPointerEvent): void => {
    const target = this.hoverableAt(event)
    if (target === this.hoverTarget) return
    this.hoverTarget = target
    this.onHover(target ? this.hoverOf(target) : null)
  }

  private readonly handlePointerLeave = (): void => {
    if (!this.hoverTarget) return
    this.hoverTarget = null
    this.onHover(null)
  }

  private readonly handleTap = (event: FederatedPointerEvent): void => {
    const target = this.hoverableAt(event)
    if (target?.instanceKey) this.onSelect(target.instanceKey)
  }
}

/** The left column shows the first server host with a hypervisor; the right, the first with a Docker engine. */
function pickHost(state: Readonly<WorldState>, side: 'vm' | 'container'): HostState | null {
  const hosts = state.hosts
  for (let i = 0; i < hosts.length; i++) {
    const h = hosts[i]!
    if (h.role !== 'server') continue
    if (side === 'vm' ? h.hypervisor !== 'none' : h.docker) return h
  }
  return null
}
