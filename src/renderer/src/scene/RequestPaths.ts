// The clients and the requests on the stage: the client box in the container column's top right (with room kept
// for it above the containers) and the packet of the request being shown. Updated every frame from the world's
// state and the packet source (app/RequestController); draws only when something changed.
import { Container } from 'pixi.js'
import type { WorldState } from '../../../sim/index.ts'
import { ClientView } from './ClientView'
import { PacketLayer } from './PacketLayer'
import type { PacketSource } from './packetTypes'
import type { Translate } from './clientLabel'
import type { Palette } from './palette'
import type { StackColumn } from './StackColumn'

export class RequestPaths extends Container {
  readonly client: ClientView
  readonly packets: PacketLayer
  private source: PacketSource | null = null
  private fontSize = 11
  private reserved = -1
  private drawnLabel = ''

  constructor(palette: Palette, private readonly containers: StackColumn, private readonly vms: StackColumn, tr: Translate) {
    super()
    this.eventMode = 'none'
    this.client = new ClientView(palette, tr)
    this.packets = new PacketLayer(palette)
    this.addChild(this.client, this.packets)
  }

  setSource(source: PacketSource | null): void {
    this.source = source
    this.drawnLabel = ''
  }

  /**
   * The words of the client box (English until set). Call it again after a language change, even with the same
   * function: the box redraws at the next update, and the packet source hears its new label.
   */
  setTranslate(tr: Translate): void {
    this.client.setTranslate(tr)
  }

  setPalette(palette: Palette): void {
    this.client.setPalette(palette)
    this.packets.setPalette(palette)
  }

  /** The container column's box on the stage, the stage's size and the type size. */
  layout(columnX: number, columnY: number, columnWidth: number, stageWidth: number, stageHeight: number, fontSize: number): void {
    this.fontSize = fontSize
    const pad = Math.round(fontSize * 0.9)
    const width = Math.min(Math.round(fontSize * 27), Math.round((columnWidth - pad * 2) * 0.6))
    // under the column's title and its "Run container" button
    this.client.layout(columnX + columnWidth - pad, columnY + pad + Math.round(fontSize * 3.35), width, fontSize)
    this.packets.layout(stageWidth, stageHeight, fontSize)
    this.reserved = -1
  }

  /** Returns true when anything drawn changed (or a packet is moving). */
  update(state: Readonly<WorldState>, dtMs: number, reducedMotion: boolean): boolean {
    const source = this.source
    const clientChanged = this.client.update(state, source?.bridgeEndpoint() ?? null)
    this.client.visible = this.containers.visible
    if (clientChanged || this.reserved < 0) {
      // keep the containers below the box: the column lays its instances out under this much room
      // the box, and under it the REST API's pill on the line down to dockerd
      const reserve = Math.round(this.client.totalHeight + this.fontSize * 2.3)
      if (reserve !== this.reserved) {
        this.reserved = reserve
        this.containers.reserveTop(reserve)
      }
    }
    if (source && this.client.label !== this.drawnLabel) {
      this.drawnLabel = this.client.label
      source.clientDrawn(this.drawnLabel)
    }
    const frame = source ? source.packetFrame(dtMs, reducedMotion) : null
    const packetChanged = this.packets.update(frame, { state, client: this.client, containers: this.containers, vms: this.vms }, reducedMotion)
    return clientChanged || packetChanged
  }
}
