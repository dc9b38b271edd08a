// An invisible hoverable area (the cores, the RAM bar…) that names a layer, like a LayerBlock without a fill.
import { Container, Rectangle } from 'pixi.js'
import type { SceneLayerKind } from './types'

export interface Hoverable {
  layerId: string
  readonly kind: SceneLayerKind
  subject: string
  instanceKey: string | null
}

export class HoverZone extends Container implements Hoverable {
  layerId = ''
  subject = ''
  instanceKey: string | null = null

  constructor(readonly kind: SceneLayerKind) {
    super()
    this.eventMode = 'static'
  }

  setArea(x: number, y: number, width: number, height: number): void {
    this.position.set(x, y)
    const area = this.hitArea as Rectangle | null
    if (area && area.width === width && area.height === height) return
    this.hitArea = new Rectangle(0, 0, width, height)
  }

  get zoneWidth(): number { return (this.hitArea as Rectangle | null)?.width ?? 0 }
  get zoneHeight(): number { return (this.hitArea as Rectangle | null)?.height ?? 0 }
}

export function isHoverable(target: unknown): target is Container & Hoverable {
  return target instanceof Container && typeof (target as Partial<Hoverable>).layerId === 'string' && (target as Partial<Hoverable>).layerId !== ''
}
