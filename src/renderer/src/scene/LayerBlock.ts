// One layer of a stack (hardware, a kernel, the hypervisor, a guest OS, an app…): a filled rounded box with a
// label, hoverable and focusable. Drawn in white once per size and coloured with `tint`, so a colour change
// costs nothing.
import { Container, Graphics, Rectangle, type Text } from 'pixi.js'
import type { FillName, Palette } from './palette'
import type { SceneLayerKind } from './types'
import { fitText, makeLabel, restyle } from './text'

export class LayerBlock extends Container {
  readonly bg = new Graphics()
  readonly text: Text
  layerId = ''
  subject = ''
  detail = ''
  instanceKey: string | null = null
  blockWidth = 0
  blockHeight = 0
  private radius = 4
  private fillName: FillName
  private fullText = ''
  private fontSize = 11
  private textAlign: 'left' | 'center' = 'left'
  private palette: Palette

  constructor(readonly kind: SceneLayerKind, fill: FillName, palette: Palette) {
    super()
    this.fillName = fill
    this.palette = palette
    this.eventMode = 'static'
    this.text = makeLabel(palette, { size: this.fontSize, color: palette.onFill[fill] })
    this.addChild(this.bg, this.text)
    this.applyFill()
  }

  setPalette(palette: Palette): void {
    this.palette = palette
    this.applyFill()
    restyle(this.text, palette, { size: this.fontSize, color: palette.onFill[this.fillName] })
    this.placeText()
  }

  setFill(fill: FillName): void {
    if (fill === this.fillName) return
    this.fillName = fill
    this.applyFill()
    restyle(this.text, this.palette, { size: this.fontSize, color: this.palette.onFill[fill] })
  }

  setFontSize(size: number): void {
    if (size === this.fontSize) return
    this.fontSize = size
    restyle(this.text, this.palette, { size, color: this.palette.onFill[this.fillName] })
    this.placeText()
  }

  setSize(width: number, height: number, radius = this.radius): void {
    if (width === this.blockWidth && height === this.blockHeight && radius === this.radius) return
    this.blockWidth = width
    this.blockHeight = height
    this.radius = radius
    this.bg.clear()
    if (width > 0 && height > 0) this.bg.roundRect(0, 0, width, height, Math.min(radius, height / 2, width / 2)).fill(0xffffff)
    this.hitArea = new Rectangle(0, 0, width, height)
    this.placeText()
  }

  /** The whole label (the drawn text may be cut short with an ellipsis). */
  get label(): string {
    return this.fullText
  }

  setLabel(text: string, align: 'left' | 'center' = 'left'): void {
    if (text === this.fullText && align === this.textAlign) return
    this.fullText = text
    this.textAlign = align
    this.placeText()
  }

  /** A layer that has not come up yet is drawn faint. */
  setLit(lit: boolean): void {
    this.bg.alpha = lit ? 1 : 0.28
    this.text.alpha = lit ? 1 : 0.55
  }

  private applyFill(): void {
    this.bg.tint = this.palette[this.fillName]
  }

  private placeText(): void {
    const pad = Math.max(4, this.fontSize * 0.5)
    const visible = this.blockHeight >= this.fontSize * 1.05
    fitText(this.text, visible ? this.fullText : '', this.blockWidth - pad * 2)
    this.text.y = Math.round((this.blockHeight - this.text.height) / 2)
    this.text.x = this.textAlign === 'center' ? Math.round((this.blockWidth - this.text.width) / 2) : Math.round(pad)
  }
}
