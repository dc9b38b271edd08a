// The request list and the packets on the stage: records every Engine API request the world answers (the trace),
// animates them one after another on the stage (live), or holds the one the learner selected at the hop they
// stepped to (paused). Also owns the engine bridge's page side and the description of the terminal's client.
// Everything it shows is in the UI language, and said again when the language changes.
import type { World } from '../../../sim/index.ts'
import type { Platform } from '../platform/createPlatform'
import type { StackScene } from '../scene/StackScene'
import type { PacketFrame, PacketSource, StationKind } from '../scene/packetTypes'
import { clientKey, describeClient, locationKey, transportName, type Translate } from '../scene/clientLabel'
import { i18n, t } from '../i18n'
import type { BridgeView, ClientSummary, RequestDetailView, RequestRow, RequestsController, RequestsSnapshot } from '../ui/requestTypes'
import type { SimController } from './SimController'
import { ValueStore } from './ValueStore'
import { EngineBridgeResponder } from './engineBridgeResponder'
import { turnIndex } from './requestHops'
import { RequestTrace, answerLabel, requestLabel, type TracedRequest } from './requestTrace'

/** Real time a packet takes from one station to the next (live), and how long it rests at the end. */
export const HOP_MS = 380
const REDUCED_HOP_MS = 650
const END_REST_MS = 450
/** Past this many waiting requests the animation skips to the newest ones. */
const MAX_QUEUE = 12

interface Animation {
  id: number
  /** 0 … stations − 1, then resting */
  position: number
  restMs: number
}

/** i18n's t for the scene's and clientLabel's translate functions. */
const tr: Translate = (key, params) => t(key, params)

export class RequestController implements RequestsController, PacketSource {
  readonly trace = new RequestTrace()
  readonly store: ValueStore<RequestsSnapshot>
  private readonly responder: EngineBridgeResponder | null
  private world: World
  private queue: number[] = []
  /** the newest request id the animation queue has considered */
  private lastSeenId = 0
  private current: Animation | null = null
  private live = true
  private selectedId: number | null = null
  private hopIndex = 0
  private client: ClientSummary
  private clientStateKey = ''
  private bridge: BridgeView
  private stage: HTMLElement | null = null
  private readonly frameState: { -readonly [K in keyof PacketFrame]: PacketFrame[K] } = {
    version: 0, requestId: 0, label: '', answer: '', failed: false, daemon: '', containerId: null, fromBridge: false,
    apiLabel: '', stations: [], turn: 0, position: 0, held: false
  }
  private frameKey = ''
  private readonly disposers: (() => void)[] = []
  private rowsCache: { version: number; rows: readonly RequestRow[] } = { version: -1, rows: [] }

  constructor(private readonly sim: SimController, platform: Platform) {
    this.world = sim.world
    this.trace.attach(this.world)
    this.responder = platform.engineBridge ? new EngineBridgeResponder(platform.engineBridge, () => this.sim.world, this.trace) : null
    this.bridge = this.responder ? { available: true, state: 'off', port: null, exportLine: null, message: null } : { available: false }
    this.client = this.describeClient()
    this.store = new ValueStore<RequestsSnapshot>(this.snapshot())
    this.disposers.push(
      this.trace.subscribe(() => this.onTrace()),
      sim.onTranscript((entry) => {
        if (entry.source !== 'system') this.trace.attributeCommand(entry.line.trim())
      }),
      // the controller replaces its world on reset, rewind-to-file and autosave restore; client commands change
      // the description: both show up in its snapshots
      sim.store.subscribe(() => this.onSimChanged()),
      this.onLanguageChanged()
    )
    if (this.responder) {
      // after a reload main has switched the bridge off; ask anyway, in case a future main keeps it
      void this.responder.status().then((status) => this.applyBridgeStatus(status)).catch(() => {})
    }
  }

  dispose(): void {
    for (const dispose of this.disposers.splice(0)) dispose()
    this.trace.detach()
    this.responder?.dispose()
  }

  attachScene(scene: StackScene, stage: HTMLElement): void {
    this.stage = stage
    scene.setPacketSource(this)
  }

  // ---- PacketSource (read by the stage every frame) -------------------------------------------------------

  packetFrame(dtMs: number, reducedMotion: boolean): PacketFrame | null {
    if (!this.live) return this.heldFrame()
    this.advance(dtMs, reducedMotion)
    const animation = this.current
    if (!animation) return null
    const entry = this.trace.get(animation.id)
    if (!entry) {
      this.current = null
      return null
    }
    return this.fill(entry, Math.min(animation.position, entry.hops.length - 1), false)
  }

  bridgeEndpoint(): string | null {
    return this.bridge.available && this.bridge.state === 'listening' ? (this.responder?.endpoint ?? null) : null
  }

  clientDrawn(label: string): void {
    if (this.stage) this.stage.dataset['client'] = label
  }

  // ---- actions (the request panel) ------------------------------------------------------------------------

  select(id: number | null): void {
    if (id !== null && !this.trace.get(id)) return
    this.selectedId = id
    this.hopIndex = 0
    if (id !== null) this.live = false
    this.publish()
  }

  nextHop(): void {
    this.setHop(this.hopIndex + 1)
  }

  prevHop(): void {
    this.setHop(this.hopIndex - 1)
  }

  setHop(index: number): void {
    const entry = this.selectedId === null ? undefined : this.trace.get(this.selectedId)
    if (!entry) return
    const clamped = Math.max(0, Math.min(entry.hops.length - 1, index))
    this.live = false
    if (clamped === this.hopIndex) return this.publish()
    this.hopIndex = clamped
    this.publish()
  }

  setLive(live: boolean): void {
    if (live === this.live) return
    if (!live && this.current) {
      // pause where the packet is: the learner can step on from there
      this.selectedId = this.current.id
      const entry = this.trace.get(this.current.id)
      this.hopIndex = Math.min(Math.floor(this.current.position), (entry?.hops.length ?? 1) - 1)
    }
    this.live = live
    if (live) {
      this.queue = []
      this.current = null
    }
    this.publish()
  }

  clear(): void {
    this.trace.clear()
    this.queue = []
    this.current = null
    this.selectedId = null
    this.hopIndex = 0
    this.publish()
  }

  async setBridge(on: boolean): Promise<void> {
    const responder = this.responder
    if (!responder || !this.bridge.available) return
    this.bridge = { ...this.bridge, state: on ? 'starting' : 'stopping', message: null }
    this.publish()
    try {
      this.applyBridgeStatus(on ? await responder.start() : await responder.stop())
    } catch (error) {
      this.bridge = { available: true, state: 'failed', port: null, exportLine: null, message: error instanceof Error ? error.message : String(error) }
      this.publish()
    }
  }

  async runClientLine(line: string): Promise<void> {
    await this.sim.runLine(line, 'ui')
  }

  // ---- internals -----------------------------------------------------------------------------------------

  private applyBridgeStatus(status: { state: 'off' } | { state: 'listening'; port: number } | { state: 'failed'; message: string }): void {
    if (!this.responder) return
    if (status.state === 'listening') {
      this.bridge = { available: true, state: 'listening', port: status.port, exportLine: this.responder.exportLine, message: null }
    } else if (status.state === 'failed') {
      this.bridge = { available: true, state: 'failed', port: null, exportLine: null, message: status.message }
    } else {
      this.bridge = { available: true, state: 'off', port: null, exportLine: null, message: null }
    }
    this.publish()
  }

  /** A new UI language: the client, the recorded requests and the packet's labels are said again. */
  private onLanguageChanged(): () => void {
    const relabel = () => {
      this.client = this.describeClient()
      this.frameKey = ''
      this.rowsCache = { version: -1, rows: [] }
      // publishes (through onTrace)
      this.trace.relabel()
    }
    i18n.on('languageChanged', relabel)
    return () => i18n.off('languageChanged', relabel)
  }

  private onTrace(): void {
    const all = this.trace.all()
    const newest = all[all.length - 1]
    if (newest && newest.id > this.lastSeenId) {
      // only requests that arrive while live are queued; a burst (docker run sends five) plays in order
      if (this.live) for (const entry of all) if (entry.id > this.lastSeenId) this.queue.push(entry.id)
      if (this.queue.length > MAX_QUEUE) this.queue.splice(0, this.queue.length - MAX_QUEUE)
      this.lastSeenId = newest.id
    }
    if (this.selectedId !== null && !this.trace.get(this.selectedId)) {
      this.selectedId = null
      this.hopIndex = 0
    }
    this.publish()
  }

  private onSimChanged(): void {
    if (this.sim.world !== this.world) {
      // a new sandbox (reset, a restored file): the old requests name containers that are gone
      this.world = this.sim.world
      this.trace.attach(this.world)
      this.queue = []
      this.current = null
      this.selectedId = null
      this.hopIndex = 0
      this.trace.clear()
    }
    const key = clientKey(this.world.state)
    if (key !== this.clientStateKey) {
      this.client = this.describeClient()
      this.publish()
    }
  }

  private describeClient(): ClientSummary {
    const state = this.sim.world.state
    this.clientStateKey = clientKey(state)
    const c = describeClient(state, tr)
    return { location: c.location, title: c.title, label: c.label, endpoint: c.endpoint, dockerHost: c.dockerHost, context: c.context, transport: c.transport, daemon: c.daemon, problem: c.problem }
  }

  private advance(dtMs: number, reducedMotion: boolean): void {
    if (!this.current) {
      const next = this.queue.shift()
      if (next === undefined) return
      this.current = { id: next, position: 0, restMs: 0 }
      this.publishSoon()
    }
    const animation = this.current
    const entry = this.trace.get(animation.id)
    if (!entry) {
      this.current = null
      return
    }
    const last = entry.hops.length - 1
    // a backlog plays faster, so the stage catches up with what the CLI did
    const hurry = this.queue.length > 6 ? 3 : this.queue.length > 1 ? 1.8 : 1
    const hopMs = (reducedMotion ? REDUCED_HOP_MS : HOP_MS) / hurry
    if (animation.position < last) {
      animation.position = Math.min(last, animation.position + dtMs / hopMs)
      return
    }
    animation.restMs += dtMs
    if (animation.restMs >= END_REST_MS / hurry) {
      this.current = null
      this.publishSoon()
      // the next one leaves at once: no empty frame between two packets
      if (this.queue.length > 0) this.advance(0, reducedMotion)
    }
  }

  private heldFrame(): PacketFrame | null {
    const entry = this.selectedId === null ? undefined : this.trace.get(this.selectedId)
    if (!entry) return null
    return this.fill(entry, Math.min(this.hopIndex, entry.hops.length - 1), true)
  }

  /** Fills the one reused frame object; its version changes only when what it shows does (not the position). */
  private fill(entry: TracedRequest, position: number, held: boolean): PacketFrame {
    const f = this.frameState
    const key = `${entry.id}|${held ? 1 : 0}|${entry.hops.length}|${entry.containerId ?? ''}`
    if (key !== this.frameKey) {
      this.frameKey = key
      f.version++
      f.requestId = entry.id
      f.label = requestLabel(entry)
      f.answer = answerLabel(entry)
      f.failed = entry.status >= 400
      f.daemon = entry.daemon
      f.containerId = entry.containerId
      f.fromBridge = entry.source === 'engine-bridge'
      f.apiLabel = `REST API · ${transportName(entry.transport, tr)}`
      f.stations = entry.hops.map((h) => h.station as StationKind)
      f.turn = turnIndex(entry.hops)
      f.held = held
    }
    f.position = position
    return f
  }

  private publishQueued = false

  /** From inside a frame: publish after it, once. */
  private publishSoon(): void {
    if (this.publishQueued) return
    this.publishQueued = true
    queueMicrotask(() => {
      this.publishQueued = false
      this.publish()
    })
  }

  private publish(): void {
    this.store.set(this.snapshot())
  }

  private rows(): readonly RequestRow[] {
    if (this.rowsCache.version === this.trace.version) return this.rowsCache.rows
    const rows = this.trace.all().map((e): RequestRow => Object.freeze({
      id: e.id, atMs: e.atMs, method: e.method, label: requestLabel(e), status: e.status, answer: answerLabel(e), ok: e.status < 400,
      client: t(`requests.clientShort.${locationKey(e.clientLocation)}`), fromBridge: e.source === 'engine-bridge', command: e.command
    }))
    this.rowsCache = { version: this.trace.version, rows: Object.freeze(rows) }
    return this.rowsCache.rows
  }

  private detail(): RequestDetailView | null {
    const e = this.selectedId === null ? undefined : this.trace.get(this.selectedId)
    if (!e) return null
    return {
      id: e.id, atMs: e.atMs, method: e.method, path: e.fullPath ?? e.path, route: e.route,
      query: e.query ? Object.entries(e.query) : null,
      requestSummary: e.requestSummary, requestBody: e.requestBody, status: e.status, answer: answerLabel(e),
      responseSummary: e.responseSummary, responseBody: e.responseBody, client: e.clientTitle, transport: transportName(e.transport, tr),
      hostUrl: e.hostUrl, daemon: e.daemon, container: e.containerName, command: e.command, fromBridge: e.source === 'engine-bridge',
      hops: e.hops.map((h) => ({ station: h.station, title: h.title, text: h.text, back: h.back }))
    }
  }

  private snapshot(): RequestsSnapshot {
    return deepFreeze({
      rows: this.rows(),
      selectedId: this.selectedId,
      hopIndex: this.hopIndex,
      live: this.live,
      animatingId: this.live ? (this.current?.id ?? null) : null,
      detail: this.detail(),
      client: this.client,
      bridge: this.bridge
    })
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value as Record<string, unknown>)) deepFreeze(child)
  }
  return value
}
