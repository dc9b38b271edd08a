// The Engine API handler's contract: a pure request → response function over a World.
// The in-process CLI (src/cli) and the node:http adapter (src/engine-api/http) both speak it.

export interface ApiRequest {
  method: string // upper case: GET, HEAD, POST, DELETE, PUT
  /** path without the query, e.g. "/v1.50/containers/web/json" or "/_ping" */
  path: string
  /** decoded query parameters; repeated keys keep the last value */
  query: Record<string, string>
  /** lower-cased header names */
  headers: Record<string, string>
  /** raw request body (JSON text for most endpoints, a tar archive for POST /build) */
  body?: Uint8Array
}

/** Where a streaming response writes. `end()` may be called once; writes after it are ignored. */
export interface StreamSink {
  write(chunk: Uint8Array | string): void
  end(): void
}

/**
 * A streaming body: `start` is called once the response head has been sent (for hijacked endpoints: after the
 * 101 handshake). It returns a function that stops the stream (the client went away).
 * `input` receives raw bytes a client sends on a hijacked connection (attach stdin).
 */
export interface ApiStream {
  start(sink: StreamSink): () => void
  input?(chunk: Uint8Array): void
  inputEnded?(): void
}

export interface ApiResponse {
  status: number
  headers: Record<string, string>
  /** JSON value (serialised by the transport) */
  json?: unknown
  /** plain text or bytes body */
  text?: string
  /** a streamed body; the transport flushes the headers at once and writes chunks as they come */
  stream?: ApiStream
  /** answer with `101 UPGRADED` and hand over the raw connection (attach, exec start) */
  upgrade?: boolean
}

export type ApiHandler = (request: ApiRequest) => ApiResponse

/**
 * What the node:http adapter accepts: an ApiHandler, or one whose answer comes from elsewhere first (the desktop
 * app's engine bridge asks the page that owns the world). The in-process CLI uses ApiHandler only.
 */
export type AsyncApiHandler = (request: ApiRequest) => ApiResponse | Promise<ApiResponse>
