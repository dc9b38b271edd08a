// Every Engine API request the world answered, newest last, in a bounded ring: recorded from the handler's
// internal `api.request` event (method, path, route, status, daemon), with where the client was and which
// container the request touched. A request the engine bridge forwarded is recorded with its query and bodies
// too (the bridge calls the handler itself); an in-app one gets the command line that sent it afterwards.
// What it says (the client's title, the hops, the bodies' summaries) is in the UI language: relabel() says it
// again after a language change.
import { t } from '../i18n'
import type { ClientLocation, EmittedEvent, World, WorldState } from '../../../sim/index.ts'
import { engine } from '../../../sim/index.ts'
import type { ApiRequest, ApiResponse } from '../../../engine-api/types.ts'
import { clientTitleOf, transportOf } from '../scene/clientLabel'
import { hopsOf, routeKey, type Hop } from './requestHops'
import { requestBodySketch, responseBodySketch, sayBody, statusText, type BodySketch } from './requestSummary'

export const TRACE_CAPACITY = 200

export type RequestSource = 'cli' | 'engine-bridge'

export interface TracedRequest {
  readonly id: number
  /** virtual time of the request */
  readonly atMs: number
  readonly source: RequestSource
  readonly clientLocation: ClientLocation | 'this-computer'
  /** "CLI on a macOS laptop", "a real docker CLI" (in the UI language) */
  clientTitle: string
  readonly hostUrl: string
  /** how the request travelled, as a value ("unix socket", "ssh", "TLS"…): clientLabel's transportName says it */
  readonly transport: string
  readonly daemon: string
  readonly method: string
  /** the path without the API version prefix */
  readonly path: string
  readonly route: string | null
  readonly status: number
  readonly containerId: string | null
  readonly containerName: string | null
  /** the command line that sent it (in-app requests, once the command finished) */
  command: string | null
  /** the request as sent: known for bridged requests, or when the handler's event carries it */
  fullPath: string | null
  query: Readonly<Record<string, string>> | null
  requestSummary: string | null
  requestBody: string | null
  responseSummary: string | null
  responseBody: string | null
  /** the bodies in no language, to say them again in another */
  requestSketch: BodySketch | null
  responseSketch: BodySketch | null
  hops: readonly Hop[]
}

/** What the engine bridge says about the request it is about to hand to the world. */
export interface ExternalClient {
  /** unused: the list names the bridge's client "a real docker CLI" in the UI language (requests.client.title) */
  clientTitle: string
  hostUrl: string
}

type Listener = () => void

function detailString(detail: Record<string, unknown> | undefined, key: string): string | null {
  const value = detail?.[key]
  return typeof value === 'string' ? value : null
}

/** The container a request names (`/containers/{id}/…`, `/exec/{id}/…`) or just created. */
function containerOf(state: Readonly<WorldState>, daemonId: string, path: string, route: string | null, status: number): { id: string; name: string } | null {
  const daemon = state.daemons.find((d) => d.id === daemonId)
  if (!daemon || !route) return null
  if (route === '/containers/create') {
    if (status >= 300) return null
    const c = daemon.containers[daemon.containers.length - 1]
    return c ? { id: c.id, name: c.name } : null
  }
  const parts = path.split('/')
  const ref = decodeURIComponent(parts[2] ?? '')
  if (route.startsWith('/exec/')) {
    const exec = daemon.execs.find((e) => e.id === ref || e.id.startsWith(ref))
    const c = exec ? daemon.containers.find((x) => x.id === exec.containerId) : undefined
    return c ? { id: c.id, name: c.name } : null
  }
  if (!route.startsWith('/containers/{id}') || ref === '') return null
  const name = ref.replace(/^\//, '')
  const c = daemon.containers.find((x) => x.id === ref) ?? daemon.containers.find((x) => x.name === name) ?? daemon.containers.find((x) => x.id.startsWith(ref))
  return c ? { id: c.id, name: c.name } : null
}

export class RequestTrace {
  private entries: TracedRequest[] = []
  private nextId = 1
  private world: World | null = null
  private unsubscribe: () => void = () => {}
  private external: ExternalClient | null = null
  private lastExternal: TracedRequest | null = null
  private readonly listeners = new Set<Listener>()
  version = 0

  constructor(private readonly capacity = TRACE_CAPACITY) {}

  /** Listens to `world` (and stops listening to the previous one). */
  attach(world: World): void {
    if (world === this.world) return
    this.unsubscribe()
    this.world = world
    this.unsubscribe = world.on((event) => this.onEvent(event))
  }

  detach(): void {
    this.unsubscribe()
    this.unsubscribe = () => {}
    this.world = null
  }

  get attachedWorld(): World | null {
    return this.world
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  all(): readonly TracedRequest[] {
    return this.entries
  }

  get(id: number): TracedRequest | undefined {
    // ids are increasing: a binary search would do, but the ring is small
    for (let i = this.entries.length - 1; i >= 0; i--) if (this.entries[i]!.id === id) return this.entries[i]
    return undefined
  }

  clear(): void {
    this.entries = []
    this.changed()
  }

  /**
   * The engine bridge calls the handler between these two: the request recorded meanwhile came from a real CLI.
   * Returns that request (null if the handler recorded none).
   */
  beginExternal(client: ExternalClient): void {
    this.external = client
    this.lastExternal = null
  }

  endExternal(): TracedRequest | null {
    this.external = null
    const entry = this.lastExternal
    this.lastExternal = null
    return entry
  }

  /** Adds what only the caller of the handler knows: the query, the bodies, the full path. */
  enrich(entry: TracedRequest, request: ApiRequest, response: ApiResponse | null): void {
    entry.fullPath = request.path
    entry.query = { ...request.query }
    setRequestBody(entry, requestBodySketch(request.body, request.headers['content-type']))
    if (response) setResponseBody(entry, responseBodySketch(response))
    this.changed()
  }

  /** Says every request again in the UI language (after a language change). */
  relabel(): void {
    for (const entry of this.entries) {
      entry.clientTitle = clientTitleOf(entry.clientLocation, t)
      entry.hops = hopsOf(entry)
      setRequestBody(entry, entry.requestSketch)
      setResponseBody(entry, entry.responseSketch)
    }
    this.changed()
  }

  /** In-app requests get the command line that sent them once it finished. */
  attributeCommand(line: string): void {
    let touched = false
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const entry = this.entries[i]!
      if (entry.command !== null || entry.source !== 'cli') break
      entry.command = line
      entry.hops = hopsOf(entry)
      touched = true
    }
    if (touched) this.changed()
  }

  private onEvent(event: EmittedEvent): void {
    if (event.type !== 'api.request' || !this.world) return
    const detail = event.detail
    const method = detailString(detail, 'method') ?? ''
    const path = detailString(detail, 'path') ?? ''
    const route = detailString(detail, 'route')
    const daemon = detailString(detail, 'daemon') ?? event.subject
    const status = typeof detail?.['status'] === 'number' ? detail['status'] : 0
    const state = this.world.state
    const external = this.external
    const clientLocation: TracedRequest['clientLocation'] = external ? 'this-computer' : state.client.location
    const hostUrl = external ? external.hostUrl : engine.effectiveHostUrl(state as WorldState, null)
    const container = containerOf(state, daemon, path, route, status)
    const entry: TracedRequest = {
      id: this.nextId++,
      atMs: event.atMs,
      source: external ? 'engine-bridge' : 'cli',
      clientLocation,
      clientTitle: clientTitleOf(clientLocation, t),
      hostUrl,
      transport: transportOf(hostUrl),
      daemon,
      method,
      path,
      route,
      status,
      containerId: container?.id ?? null,
      containerName: container?.name ?? null,
      command: null,
      fullPath: null,
      query: null,
      requestSummary: null,
      requestBody: null,
      responseSummary: null,
      responseBody: null,
      requestSketch: null,
      responseSketch: null,
      hops: []
    }
    // the handler's event may carry the request and response themselves (newer engine-api): use them
    const request = detail?.['request'] as ApiRequest | undefined
    const response = detail?.['response'] as ApiResponse | undefined
    if (request && typeof request === 'object' && typeof request.path === 'string') {
      entry.fullPath = request.path
      if (request.query && typeof request.query === 'object') entry.query = { ...request.query }
      setRequestBody(entry, requestBodySketch(request.body instanceof Uint8Array ? request.body : null, request.headers?.['content-type']))
    }
    if (response && typeof response === 'object') setResponseBody(entry, responseBodySketch(response))
    entry.hops = hopsOf(entry)
    if (external) this.lastExternal = entry
    this.entries.push(entry)
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity)
    this.changed()
  }

  private changed(): void {
    this.version++
    for (const listener of [...this.listeners]) listener()
  }
}

function setRequestBody(entry: TracedRequest, sketch: BodySketch | null): void {
  const view = sketch ? sayBody(sketch) : null
  entry.requestSketch = sketch
  entry.requestSummary = view?.summary ?? null
  entry.requestBody = view?.text ?? null
}

function setResponseBody(entry: TracedRequest, sketch: BodySketch | null): void {
  const view = sketch ? sayBody(sketch) : null
  entry.responseSketch = sketch
  entry.responseSummary = view?.summary ?? null
  entry.responseBody = view?.text ?? null
}

/** "POST /containers/{id}/start" */
export function requestLabel(entry: Pick<TracedRequest, 'method' | 'route' | 'path'>): string {
  return routeKey(entry.method, entry.route, entry.path)
}

export function answerLabel(entry: Pick<TracedRequest, 'status'>): string {
  return `${entry.status} ${statusText(entry.status)}`
}
