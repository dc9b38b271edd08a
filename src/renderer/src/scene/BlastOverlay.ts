// The blast radius on the stage: after a fault, every instance is marked HIT, AFFECTED or SAFE and the layer that
// held the fault (a cgroup, a guest kernel, the hypervisor) or let it through (the shared kernel, the host's RAM)
// is outlined and tagged. Never colour alone: each mark has an icon and a word, and a failed layer is hatched.
// Marks name stage layers by id (the ids of the screen-reader layer list) and follow them as they move.
import { Bounds, Container, Graphics, type Text } from 'pixi.js'
import type { Palette } from './palette'
import { LayerBlock } from './LayerBlock'
import { InstanceView } from './InstanceView'
import { isHoverable, type Hoverable } from './HoverZone'
import { fitText, makeLabel, restyle } from './text'

export type BlastTone = 'hit' | 'affected' | 'safe' | 'held' | 'failed'

export interface BlastMark {
  readonly layerId: string
  readonly tone: BlastTone
  /** HIT, AFFECTED, SAFE, HELD, FAILED */
  readonly word: string
  /** what held or failed, for boundaries: "shared kernel", "cgroup memory.max" */
  readonly tag: string
}

interface ToneColors { readonly fill: number; readonly stroke: number }
interface BlastColors { readonly tones: Readonly<Record<BlastTone, ToneColors>>; readonly onFill: number; readonly hatch: number }

/** Badge fills keep 4.5:1 with their text; outlines are brighter on the dark stage. Projector: Okabe–Ito. */
const DEFAULT_COLORS: BlastColors = {
  tones: {
    hit: { fill: 0xb91c1c, stroke: 0xf87171 },
    failed: { fill: 0xb91c1c, stroke: 0xf87171 },
    affected: { fill: 0x92400e, stroke: 0xfbbf24 },
    safe: { fill: 0x166534, stroke: 0x4ade80 },
    held: { fill: 0x166534, stroke: 0x4ade80 }
  },
  onFill: 0xffffff,
  hatch: 0xffffff
}

const PROJECTOR_COLORS: BlastColors = {
  tones: {
    hit: { fill: 0xd55e00, stroke: 0xd55e00 },
    failed: { fill: 0xd55e00, stroke: 0xd55e00 },
    affected: { fill: 0xe69f00, stroke: 0xe69f00 },
    safe: { fill: 0x009e73, stroke: 0x009e73 },
    held: { fill: 0x009e73, stroke: 0x009e73 }
  },
  onFill: 0x000000,
  hatch: 0x000000
}

export function blastColors(palette: Palette): BlastColors {
  return palette.name === 'projector' ? PROJECTOR_COLORS : DEFAULT_COLORS
}

/**
 * corner: straddling the top edge at the right (instances, host layers, hardware zones);
 * above: over the top-left of an instance, for the boundary an instance itself is (its cgroup, its seccomp profile);
 * inside-right: inside a small layer of an instance (a guest kernel), the word only.
 */
type Anchor = 'corner' | 'above' | 'inside-right'

class MarkView extends Container {
  readonly outline = new Graphics()
  readonly pill = new Graphics()
  readonly icon = new Graphics()
  readonly word: Text
  mark: BlastMark | null = null
  target: (Container & Hoverable) | null = null
  private drawnKey = ''

  constructor(palette: Palette) {
    super()
    this.eventMode = 'none'
    this.word = makeLabel(palette, { size: 10, color: 0xffffff, weight: 'bold' })
    this.addChild(this.outline, this.pill, this.icon, this.word)
  }

  /** Redraws when the target moved or resized; returns whether it did. */
  draw(bounds: Bounds, palette: Palette, fontSize: number, force: boolean): boolean {
    const mark = this.mark
    const target = this.target
    if (!mark || !target) return false
    const x = Math.round(bounds.x)
    const y = Math.round(bounds.y)
    const w = Math.round(bounds.width)
    const h = Math.round(bounds.height)
    const key = `${x},${y},${w},${h},${fontSize},${palette.name},${mark.tone},${mark.word},${mark.tag}`
    if (key === this.drawnKey && !force) return false
    this.drawnKey = key
    const colors = blastColors(palette)
    const tone = colors.tones[mark.tone]
    const boundary = mark.tone === 'held' || mark.tone === 'failed'
    const instance = target instanceof InstanceView
    const inInstance = target instanceof LayerBlock && target.instanceKey !== null
    const anchor: Anchor = instance ? (boundary ? 'above' : 'corner') : inInstance ? 'inside-right' : 'corner'
    const sw = palette.strokeWidth
    const o = this.outline.clear()
    if (boundary) {
      // a boundary glows: a soft halo and a firm line
      o.roundRect(x - 4, y - 4, w + 8, h + 8, 8).stroke({ width: 5 * sw, color: tone.stroke, alpha: 0.28 })
      o.roundRect(x - 2, y - 2, w + 4, h + 4, 6).stroke({ width: 2 * sw, color: tone.stroke })
      if (mark.tone === 'failed') hatch(o, x, y, w, h, colors.hatch)
    } else if (mark.tone !== 'safe') {
      o.roundRect(x - 2, y - 2, w + 4, h + 4, 7).stroke({ width: 1.6 * sw, color: tone.stroke })
    } else {
      o.roundRect(x - 2, y - 2, w + 4, h + 4, 7).stroke({ width: sw, color: tone.stroke, alpha: 0.85 })
    }
    // the badge: icon + word (+ what held or failed)
    const size = Math.max(8, Math.round(fontSize * (instance && !boundary ? 0.82 : 0.8)))
    restyle(this.word, palette, { size, color: colors.onFill, weight: 'bold' })
    const padX = Math.round(size * 0.45)
    const iconSize = Math.round(size * 0.95)
    const pillH = Math.round(size * 1.55)
    const text = mark.tag && !inInstance ? `${mark.word} · ${mark.tag}` : mark.word
    const maxPill = anchor === 'above' ? Math.max(w * 1.9, size * 12) : anchor === 'inside-right' ? Math.max(size * 5, w - 8) : instance ? Math.max(w * 0.95, size * 8.5) : Math.max(w * 0.55, size * 7)
    fitText(this.word, text, maxPill - padX * 3 - iconSize)
    const pillW = Math.round(padX * 3 + iconSize + this.word.width)
    let px: number
    let py: number
    if (anchor === 'corner') {
      px = x + w - pillW + Math.round(size * 0.3)
      py = y - Math.round(pillH / 2)
    } else if (anchor === 'inside-right') {
      px = x + w - pillW - 3
      py = y + Math.round((h - pillH) / 2)
    } else {
      px = x - 2
      py = y - Math.round(pillH * 1.5) - 4
    }
    const p = this.pill.clear()
    p.roundRect(px, py, pillW, pillH, pillH / 2).fill(tone.fill)
    p.roundRect(px, py, pillW, pillH, pillH / 2).stroke({ width: Math.max(1, sw * 0.8), color: colors.onFill, alpha: 0.9 })
    drawIcon(this.icon.clear(), mark.tone, px + padX, py + Math.round((pillH - iconSize) / 2), iconSize, colors.onFill)
    this.word.position.set(px + padX * 2 + iconSize, py + Math.round((pillH - this.word.height) / 2))
    return true
  }

  reset(): void {
    this.mark = null
    this.target = null
    this.drawnKey = ''
    this.visible = false
  }
}

/** Diagonal hatching over a failed layer (the pattern that says "broken" without colour). */
function hatch(g: Graphics, x: number, y: number, w: number, h: number, color: number): void {
  const step = 9
  for (let c = step; c < w + h; c += step) {
    const x1 = Math.min(c, w)
    const y1 = c - x1
    const x2 = Math.max(0, c - h)
    const y2 = c - x2
    g.moveTo(x + x1, y + y1).lineTo(x + x2, y + y2)
  }
  g.stroke({ width: 2, color, alpha: 0.38 })
}

function drawIcon(g: Graphics, tone: BlastTone, x: number, y: number, s: number, color: number): void {
  const w = Math.max(1.6, s * 0.18)
  switch (tone) {
    case 'hit':
      g.moveTo(x + s * 0.15, y + s * 0.15).lineTo(x + s * 0.85, y + s * 0.85).moveTo(x + s * 0.85, y + s * 0.15).lineTo(x + s * 0.15, y + s * 0.85)
        .stroke({ width: w, color, cap: 'round' })
      break
    case 'safe':
      g.moveTo(x + s * 0.1, y + s * 0.55).lineTo(x + s * 0.4, y + s * 0.85).lineTo(x + s * 0.92, y + s * 0.18)
        .stroke({ width: w, color, cap: 'round', join: 'round' })
      break
    case 'affected':
      // a warning triangle with a bar
      g.poly([x + s * 0.5, y + s * 0.04, x + s * 0.98, y + s * 0.94, x + s * 0.02, y + s * 0.94]).stroke({ width: Math.max(1.2, s * 0.12), color, join: 'round' })
      g.rect(x + s * 0.45, y + s * 0.36, s * 0.1, s * 0.3).fill(color)
      g.rect(x + s * 0.45, y + s * 0.74, s * 0.1, s * 0.1).fill(color)
      break
    case 'held':
      // a shield
      g.poly([x + s * 0.5, y, x + s * 0.95, y + s * 0.16, x + s * 0.88, y + s * 0.6, x + s * 0.5, y + s, x + s * 0.12, y + s * 0.6, x + s * 0.05, y + s * 0.16]).fill(color)
      break
    case 'failed':
      // a lightning bolt: the boundary broke
      g.poly([x + s * 0.6, y, x + s * 0.15, y + s * 0.58, x + s * 0.48, y + s * 0.58, x + s * 0.38, y + s, x + s * 0.86, y + s * 0.38, x + s * 0.52, y + s * 0.38]).fill(color)
      break
  }
}

export class BlastOverlay extends Container {
  private readonly views: MarkView[] = []
  private marks: readonly BlastMark[] = []
  private palette: Palette
  private fontSize = 11
  private resolvedVersion = -1
  private resolvedMarks: readonly BlastMark[] | null = null
  private force = true
  private readonly bounds = new Bounds()

  constructor(palette: Palette) {
    super()
    this.palette = palette
    this.eventMode = 'none'
  }

  setMarks(marks: readonly BlastMark[]): void {
    this.marks = marks
    this.force = true
  }

  setPalette(palette: Palette): void {
    this.palette = palette
    this.force = true
  }

  setFontSize(size: number): void {
    if (size === this.fontSize) return
    this.fontSize = size
    this.force = true
  }

  get count(): number {
    return this.marks.length
  }

  /** Finds each mark's layer (when the marks or the scene's layers changed) and follows it; true if it redrew. */
  update(root: Container, version: number): boolean {
    let changed = false
    if (this.resolvedMarks !== this.marks || this.resolvedVersion !== version) {
      this.resolve(root)
      this.resolvedVersion = version
      this.resolvedMarks = this.marks
      changed = true
    }
    const force = this.force
    this.force = false
    for (const view of this.views) {
      if (!view.mark) continue
      const target = view.target
      const shown = !!target && !target.destroyed && target.layerId === view.mark.layerId && isShown(target)
      if (!shown) {
        if (view.visible) {
          view.visible = false
          changed = true
        }
        continue
      }
      if (!view.visible) {
        view.visible = true
        changed = true
      }
      target.getBounds(false, this.bounds)
      if (view.draw(this.bounds, this.palette, this.fontSize, force)) changed = true
    }
    return changed || force
  }

  private resolve(root: Container): void {
    const byId = new Map<string, Container & Hoverable>()
    const walk = (node: Container): void => {
      if (isHoverable(node) && node.visible && !byId.has(node.layerId)) byId.set(node.layerId, node)
      for (const child of node.children) if (child !== this) walk(child)
    }
    if (this.marks.length > 0) walk(root)
    // boundaries draw under the instance badges
    const ordered = [...this.marks].sort((a, b) => rankOf(a) - rankOf(b))
    for (let i = 0; i < ordered.length; i++) {
      let view = this.views[i]
      if (!view) {
        view = new MarkView(this.palette)
        this.views.push(view)
        this.addChild(view)
      }
      const mark = ordered[i]!
      if (view.mark !== mark) view.reset()
      view.mark = mark
      view.target = byId.get(mark.layerId) ?? null
      view.visible = !!view.target
    }
    for (let i = ordered.length; i < this.views.length; i++) this.views[i]!.reset()
    this.force = true
  }
}

function rankOf(mark: BlastMark): number {
  return mark.tone === 'held' || mark.tone === 'failed' ? 0 : 1
}

function isShown(node: Container): boolean {
  let n: Container | null = node
  while (n) {
    if (!n.visible || n.alpha <= 0.05) return false
    n = n.parent
  }
  return true
}
