// A horizontal bar meter: a track and a fill, two sprites of the white texture; updating it allocates nothing.
import { Container, Sprite, Texture } from 'pixi.js'

export class Meter extends Container {
  private readonly track = new Sprite(Texture.WHITE)
  private readonly fill = new Sprite(Texture.WHITE)
  private meterWidth = 0
  private fraction = 0

  constructor() {
    super()
    this.eventMode = 'none'
    this.addChild(this.track, this.fill)
  }

  setColors(track: number, fill: number): void {
    this.track.tint = track
    this.fill.tint = fill
  }

  setSize(width: number, height: number): void {
    this.meterWidth = width
    this.track.width = width
    this.track.height = height
    this.fill.height = height
    this.fill.width = width * this.fraction
  }

  setFraction(fraction: number): void {
    const f = fraction > 1 ? 1 : fraction < 0 || !(fraction >= 0) ? 0 : fraction
    if (f === this.fraction) return
    this.fraction = f
    this.fill.width = this.meterWidth * f
  }
}
