// What the request-path layer reads each frame: the packet to draw (if any) and the bridge's endpoint. Structurally
// the same as app/requestHops' stations; app/RequestController implements PacketSource (the scene may not import app).
export type StationKind = 'client' | 'api' | 'dockerd' | 'containerd' | 'runc' | 'container'

export interface PacketFrame {
  /** changes whenever anything below does, so the layer redraws only then (and while travelling) */
  readonly version: number
  readonly requestId: number
  /** "POST /containers/{id}/start" */
  readonly label: string
  /** "201 Created" */
  readonly answer: string
  readonly failed: boolean
  readonly daemon: string
  readonly containerId: string | null
  readonly fromBridge: boolean
  /** "REST API · unix socket" */
  readonly apiLabel: string
  readonly stations: readonly StationKind[]
  /** index of the deepest station: the packet carries the answer after it */
  readonly turn: number
  /** 0 … stations.length − 1; fractional while travelling between two stations */
  readonly position: number
  /** held by the learner (paused on a hop): drawn with a halo, not moving */
  readonly held: boolean
}

export interface PacketSource {
  /** Advances the animation by dtMs of real time and returns the packet to draw now. */
  packetFrame(dtMs: number, reducedMotion: boolean): PacketFrame | null
  /** "tcp://127.0.0.1:23750" while the engine bridge listens, else null */
  bridgeEndpoint(): string | null
  /** Told whenever the client box's label changes (the app mirrors it into the DOM). */
  clientDrawn(label: string): void
}
