// The key to the stage's colours and icons, drawn on the canvas so an exported picture explains itself.
import { Container, Graphics, type Text } from 'pixi.js'
import type { FillName, Palette } from './palette'
import { StateIcon, type VisualState } from './StateIcon'
import { makeLabel, restyle } from './text'
import type { Translate } from './types'

/** each swatch's fill and its label's key */
const SWATCHES: readonly (readonly [FillName, string])[] = [
  ['hardware', 'stage.legend.hardware'], ['kernel', 'stage.legend.kernel'], ['hypervisor', 'stage.legend.hypervisor'],
  ['docker', 'stage.legend.docker'], ['shim', 'stage.legend.shim'], ['vmHardware', 'stage.legend.vmHardware'],
  ['guestOs', 'stage.legend.guestOs'], ['libs', 'stage.legend.libs'], ['app', 'stage.legend.app']
]

const ICONS: readonly (readonly [VisualState, string])[] = [
  ['starting', 'state.starting'], ['running', 'state.running'], ['paused', 'state.paused'],
  ['off', 'state.stopped'], ['crashed', 'state.crashed']
]

export class Legend extends Container {
  private readonly swatches = new Graphics()
  private readonly labels: Text[] = []
  private readonly icons: StateIcon[] = []
  private palette: Palette
  legendHeight = 0

  constructor(palette: Palette, private readonly tr: Translate) {
    super()
    this.palette = palette
    this.eventMode = 'none'
    this.addChild(this.swatches)
    for (let i = 0; i < SWATCHES.length + ICONS.length; i++) {
      const label = makeLabel(palette, { size: 10, color: palette.textMuted })
      this.labels.push(label)
      this.addChild(label)
    }
    for (let i = 0; i < ICONS.length; i++) {
      const icon = new StateIcon()
      this.icons.push(icon)
      this.addChild(icon)
    }
    this.relabel()
  }

  /** Writes the labels in the current language; the caller lays the legend out again. */
  relabel(): void {
    for (let i = 0; i < this.labels.length; i++) {
      this.labels[i]!.text = this.tr(i < SWATCHES.length ? SWATCHES[i]![1] : ICONS[i - SWATCHES.length]![1])
    }
  }

  setPalette(palette: Palette): void {
    this.palette = palette
  }

  /** Lays the items out in rows across `width`; returns the height used. */
  layout(width: number, fontSize: number): number {
    const p = this.palette
    const size = Math.max(9, Math.round(fontSize * 0.9))
    const box = Math.round(size * 0.95)
    const gap = Math.round(size * 0.85)
    const rowH = Math.round(size * 1.6)
    let x = 0
    let y = 0
    this.swatches.clear()
    for (let i = 0; i < this.labels.length; i++) {
      const label = this.labels[i]!
      restyle(label, p, { size, color: p.text })
      const itemW = box + 4 + label.width
      if (x > 0 && x + itemW > width) {
        x = 0
        y += rowH
      }
      const cy = y + Math.round((rowH - box) / 2)
      if (i < SWATCHES.length) {
        this.swatches.roundRect(x, cy, box, box, 2).fill(p[SWATCHES[i]![0]])
        if (p.name === 'projector') this.swatches.roundRect(x, cy, box, box, 2).stroke({ width: 1, color: p.text })
      } else {
        const icon = this.icons[i - SWATCHES.length]!
        icon.show(ICONS[i - SWATCHES.length]![0], box, p.text, p.crashed)
        icon.position.set(x, cy)
      }
      label.position.set(x + box + 4, y + Math.round((rowH - label.height) / 2))
      x += itemW + gap
    }
    this.legendHeight = y + rowH
    return this.legendHeight
  }
}
