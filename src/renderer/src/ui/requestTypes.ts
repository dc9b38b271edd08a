// The request list's contract between the panels (ui) and the wiring (app/RequestController): a frozen snapshot
// to read and the actions to call. Like ui/types.ts, the ui never sees the trace, the world or the scene.
import type { ReadableStore } from './types'

export interface RequestRow {
  readonly id: number
  readonly atMs: number
  readonly method: string
  /** "POST /containers/{id}/start" */
  readonly label: string
  readonly status: number
  /** "201 Created" */
  readonly answer: string
  readonly ok: boolean
  /** who sent it: "container-host", "macOS laptop", "real CLI" (in the UI language) */
  readonly client: string
  readonly fromBridge: boolean
  readonly command: string | null
}

export interface RequestHopView {
  readonly station: string
  readonly title: string
  readonly text: string
  readonly back: boolean
}

export interface RequestDetailView {
  readonly id: number
  readonly atMs: number
  readonly method: string
  readonly path: string
  readonly route: string | null
  readonly query: readonly (readonly [string, string])[] | null
  readonly requestSummary: string | null
  readonly requestBody: string | null
  readonly status: number
  readonly answer: string
  readonly responseSummary: string | null
  readonly responseBody: string | null
  /** the client's title and the transport, in the UI language */
  readonly client: string
  readonly transport: string
  readonly hostUrl: string
  readonly daemon: string
  readonly container: string | null
  readonly command: string | null
  readonly fromBridge: boolean
  readonly hops: readonly RequestHopView[]
}

/** title, label, transport: in the UI language; the rest are values */
export interface ClientSummary {
  readonly location: string
  readonly title: string
  readonly label: string
  readonly endpoint: string
  readonly dockerHost: string | null
  readonly context: string
  readonly transport: string
  readonly daemon: string | null
  readonly problem: string | null
}

export type BridgeView =
  | { readonly available: false }
  | {
      readonly available: true
      readonly state: 'off' | 'starting' | 'listening' | 'stopping' | 'failed'
      readonly port: number | null
      readonly exportLine: string | null
      readonly message: string | null
    }

export interface RequestsSnapshot {
  readonly rows: readonly RequestRow[]
  readonly selectedId: number | null
  /** the hop of the selected request the stage holds (while paused) */
  readonly hopIndex: number
  /** live: packets animate as requests come; paused: the stage holds the selected request at hopIndex */
  readonly live: boolean
  /** the request the stage is animating now (live) */
  readonly animatingId: number | null
  readonly detail: RequestDetailView | null
  readonly client: ClientSummary
  readonly bridge: BridgeView
}

export interface RequestsController {
  readonly store: ReadableStore<RequestsSnapshot>
  /** selects a request: the stage pauses on it, at its first hop */
  select(id: number | null): void
  nextHop(): void
  prevHop(): void
  setHop(index: number): void
  setLive(live: boolean): void
  clear(): void
  setBridge(on: boolean): Promise<void>
  /** runs a client line (`client use …`, `export DOCKER_HOST=…`) through the terminal's shell */
  runClientLine(line: string): Promise<void>
}
