// The engine bridge, main's side: a real docker CLI talks HTTP to 127.0.0.1:23750 (src/engine-api/http does the
// HTTP, the safety checks and the hijacking), and every request is forwarded to the page, where the world lives.
// The page answers with a head, then chunks and an end for a streamed body; bytes a client writes on a hijacked
// connection (attach, exec) go the other way. The protocol and its limits are in src/shared/engineBridge.ts.
//
// What can go wrong is answered the way a daemon that is not there would be: no page, or a page that does not
// answer the head in time → 503 with a JSON message; a page that goes away → every open stream ends.
import { Buffer } from 'node:buffer'
import { createEngineServer } from '../engine-api/http/engineServer.ts'
import type { ApiHandler, ApiRequest, ApiResponse, ApiStream, StreamSink } from '../engine-api/types.ts'
import {
  ENGINE_BRIDGE_PORT,
  ENGINE_BRIDGE_PORT_ATTEMPTS,
  ENGINE_CHUNK_MAX_BYTES,
  ENGINE_REQUEST_BODY_MAX_BYTES,
  EngineFromRendererSchema,
  EngineRequestMessageSchema,
  type EngineBridgeStatus,
  type EngineFromRenderer,
  type EngineToRenderer
} from '../shared/engineBridge'

/** The handler the bridge gives the HTTP server: the answer comes back from the page, so it is a promise. */
export type AsyncApiHandler = (request: ApiRequest) => Promise<ApiResponse>

/** Where main's messages to the page go. */
export interface RendererLink {
  /** Sends one message; returns false when there is no page to send it to. */
  send(message: EngineToRenderer): boolean
}

export interface RunningListener {
  port: number
  close(): Promise<void>
}

/** Starts the HTTP side; a test passes a fake. */
export type ListenFunction = (handler: AsyncApiHandler, port: number, onError: (error: unknown, context: string) => void) => Promise<RunningListener>

export interface EngineBridgeOptions {
  link: RendererLink
  listen?: ListenFunction
  /** how long the page has to answer a request's head; default 10 s */
  headTimeoutMs?: number
  /** how long a streamed answer may wait for the HTTP side to start reading it; default 10 s */
  startTimeoutMs?: number
  /** chunks kept for a stream the HTTP side has not started yet; default 8 MiB */
  maxBufferedBytes?: number
  log?: (message: string) => void
}

/**
 * The HTTP server of src/engine-api with the bridge's handler. Its ApiHandler is typed as synchronous, but the
 * bridge's answers arrive over IPC: the adapter must await a handler that returns a promise (engineServer's and
 * hijack's dispatch). Until it does, every bridged request is answered 500 by the adapter's response check.
 */
export const listenWithEngineServer: ListenFunction = (handler, port, onError) =>
  createEngineServer(handler as unknown as ApiHandler, { onError }).listen(port)

interface Pending {
  readonly id: number
  /** resolves the HTTP side's promise; null once the head went out */
  settle: ((response: ApiResponse) => void) | null
  timer: ReturnType<typeof setTimeout> | null
  sink: StreamSink | null
  buffered: Buffer[]
  bufferedBytes: number
  ended: boolean
}

function jsonError(status: number, message: string): ApiResponse {
  return { status, headers: { 'Content-Type': 'application/json' }, json: { message } }
}

function isUpgradeRequest(headers: Record<string, string>): boolean {
  return /(^|,)\s*upgrade\s*(,|$)/i.test(headers['connection'] ?? '') && (headers['upgrade'] ?? '') !== ''
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

export class EngineBridge {
  private readonly link: RendererLink
  private readonly listenFn: ListenFunction
  private readonly headTimeoutMs: number
  private readonly startTimeoutMs: number
  private readonly maxBufferedBytes: number
  private readonly log: (message: string) => void
  private readonly pending = new Map<number, Pending>()
  private listener: RunningListener | null = null
  private starting: Promise<EngineBridgeStatus> | null = null
  private lastFailure: string | null = null
  private seq = 0

  constructor(options: EngineBridgeOptions) {
    this.link = options.link
    this.listenFn = options.listen ?? listenWithEngineServer
    this.headTimeoutMs = options.headTimeoutMs ?? 10_000
    this.startTimeoutMs = options.startTimeoutMs ?? 10_000
    this.maxBufferedBytes = options.maxBufferedBytes ?? 8 * 1024 * 1024
    this.log = options.log ?? ((message) => console.warn(message))
  }

  status(): EngineBridgeStatus {
    if (this.listener) return { state: 'listening', host: '127.0.0.1', port: this.listener.port }
    if (this.lastFailure !== null) return { state: 'failed', message: this.lastFailure }
    return { state: 'off' }
  }

  /** Listens on 127.0.0.1, on `firstPort` or the next free one of ENGINE_BRIDGE_PORT_ATTEMPTS. Idempotent. */
  start(firstPort: number = ENGINE_BRIDGE_PORT): Promise<EngineBridgeStatus> {
    if (this.listener) return Promise.resolve(this.status())
    this.starting ??= this.listenOnFreePort(firstPort).finally(() => {
      this.starting = null
    })
    return this.starting
  }

  /** Stops listening, drops every connection and ends every forwarded stream. Idempotent. */
  async stop(): Promise<EngineBridgeStatus> {
    if (this.starting) await this.starting
    const listener = this.listener
    this.listener = null
    this.lastFailure = null
    this.dropAll('the engine bridge was switched off')
    if (listener) await listener.close()
    return this.status()
  }

  /** The page reloaded, crashed or closed: nothing it started can finish. */
  rendererGone(): void {
    this.dropAll('the Stacklab window went away')
  }

  /** Open requests, for the tests and diagnostics. */
  get openRequests(): number {
    return this.pending.size
  }

  /** The HTTP server's handler: forwards the request and resolves with the page's answer. */
  readonly handle: AsyncApiHandler = (request) => {
    if (!this.listener) return Promise.resolve(jsonError(503, 'the Stacklab engine bridge is off'))
    const body = request.body && request.body.byteLength > 0 ? request.body : null
    if (body && body.byteLength > ENGINE_REQUEST_BODY_MAX_BYTES) return Promise.resolve(jsonError(413, 'request body too large'))
    const id = ++this.seq
    const parsed = EngineRequestMessageSchema.safeParse({
      kind: 'request',
      id,
      method: request.method,
      path: request.path,
      query: request.query,
      headers: request.headers,
      bodyBase64: body ? toBuffer(body).toString('base64') : null,
      upgrade: isUpgradeRequest(request.headers)
    })
    if (!parsed.success) {
      const where = parsed.error.issues[0]?.path.map(String).join('.') ?? 'request'
      return Promise.resolve(jsonError(400, `the request cannot be forwarded to Stacklab (${where})`))
    }
    return new Promise<ApiResponse>((resolve) => {
      const pending: Pending = { id, settle: resolve, timer: null, sink: null, buffered: [], bufferedBytes: 0, ended: false }
      this.pending.set(id, pending)
      if (!this.link.send(parsed.data)) {
        this.pending.delete(id)
        resolve(jsonError(503, 'the Stacklab window is not open'))
        return
      }
      // a page that answers at once (a test's, in process) has already settled it
      if (!pending.settle) return
      pending.timer = setTimeout(() => {
        if (!pending.settle) return
        this.log(`[engine-bridge] ${request.method} ${request.path}: no answer from the page in ${this.headTimeoutMs} ms`)
        this.finish(pending, true)
        resolve(jsonError(503, 'Stacklab did not answer in time (is the window busy?)'))
      }, this.headTimeoutMs)
    })
  }

  /** One message from the page (ipcMain.on): validated here, so anything else is dropped. */
  receive(raw: unknown): void {
    const parsed = EngineFromRendererSchema.safeParse(raw)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      this.log(`[engine-bridge] dropped a malformed message from the page: ${issue ? `${issue.path.map(String).join('.') || '(message)'}: ${issue.code}` : 'invalid'}`)
      return
    }
    const message = parsed.data
    const pending = this.pending.get(message.id)
    // late messages for a request that already ended (the client left, a timeout) are expected and harmless
    if (!pending) return
    switch (message.kind) {
      case 'head':
        return this.onHead(pending, message)
      case 'chunk':
        return this.onChunk(pending, Buffer.from(message.dataBase64, 'base64'))
      case 'end': {
        const settle = pending.settle
        if (settle) {
          this.finish(pending, false)
          settle(jsonError(500, 'the page ended a stream it never answered'))
          return
        }
        pending.ended = true
        if (pending.sink) this.closeStream(pending)
        return
      }
      case 'error': {
        const settle = pending.settle
        this.finish(pending, false)
        if (settle) settle(jsonError(500, message.message))
        else pending.sink?.end()
        return
      }
    }
  }

  private onHead(pending: Pending, head: Extract<EngineFromRenderer, { kind: 'head' }>): void {
    const settle = pending.settle
    if (!settle) return // a second head: ignored
    pending.settle = null
    this.clearTimer(pending)
    if (!head.stream) {
      this.pending.delete(pending.id)
      let response: ApiResponse
      try {
        response = { status: head.status, headers: { ...head.headers }, ...(head.upgrade ? { upgrade: true } : {}) }
        if (head.body.type === 'json') {
          JSON.parse(head.body.text)
          // the page's exact text (its integers may be bigger than a double holds), as dockerd writes JSON: + "\n"
          response.text = head.body.text + '\n'
          if (!Object.keys(response.headers).some((name) => name.toLowerCase() === 'content-type')) response.headers['Content-Type'] = 'application/json'
        } else if (head.body.type === 'text') response.text = head.body.text
      } catch {
        response = jsonError(500, 'the page sent a body that is not JSON')
      }
      settle(response)
      return
    }
    // the HTTP side starts the stream once the head is written; if it never does (HEAD, 204, a client that left
    // while the head was on its way) the page's stream is cancelled instead of running on
    pending.timer = setTimeout(() => {
      if (!pending.sink) this.finish(pending, true)
    }, this.startTimeoutMs)
    settle({ status: head.status, headers: head.headers, stream: this.streamFor(pending), ...(head.upgrade ? { upgrade: true } : {}) })
  }

  private onChunk(pending: Pending, bytes: Buffer): void {
    if (pending.settle || pending.ended) return // chunks before the head or after the end: not part of any answer
    if (pending.sink) {
      pending.sink.write(bytes)
      return
    }
    pending.bufferedBytes += bytes.byteLength
    if (pending.bufferedBytes > this.maxBufferedBytes) {
      this.log(`[engine-bridge] request ${pending.id}: the stream was not read; cancelled`)
      this.finish(pending, true)
      return
    }
    pending.buffered.push(bytes)
  }

  private streamFor(pending: Pending): ApiStream {
    return {
      start: (sink) => {
        this.clearTimer(pending)
        if (!this.pending.has(pending.id)) {
          // cancelled before the HTTP side got here: an empty body
          sink.end()
          return () => {}
        }
        pending.sink = sink
        for (const chunk of pending.buffered.splice(0)) sink.write(chunk)
        pending.bufferedBytes = 0
        if (pending.ended) this.closeStream(pending)
        return () => this.finish(pending, true)
      },
      input: (chunk) => {
        if (!this.pending.has(pending.id)) return
        const bytes = toBuffer(chunk)
        for (let at = 0; at < bytes.byteLength; at += ENGINE_CHUNK_MAX_BYTES) {
          const dataBase64 = bytes.subarray(at, at + ENGINE_CHUNK_MAX_BYTES).toString('base64')
          this.link.send({ kind: 'input', id: pending.id, dataBase64 })
        }
      },
      inputEnded: () => {
        if (this.pending.has(pending.id)) this.link.send({ kind: 'input-end', id: pending.id })
      }
    }
  }

  private closeStream(pending: Pending): void {
    this.pending.delete(pending.id)
    pending.sink?.end()
  }

  /** Forgets a request; with `cancel`, tells the page to stop working on it. */
  private finish(pending: Pending, cancel: boolean): void {
    this.clearTimer(pending)
    pending.buffered.length = 0
    if (!this.pending.delete(pending.id)) return
    if (cancel) this.link.send({ kind: 'cancel', id: pending.id })
  }

  private clearTimer(pending: Pending): void {
    if (pending.timer !== null) clearTimeout(pending.timer)
    pending.timer = null
  }

  private dropAll(reason: string): void {
    for (const pending of [...this.pending.values()]) {
      const settle = pending.settle
      this.finish(pending, true)
      if (settle) settle(jsonError(503, reason))
      else pending.sink?.end()
    }
  }

  private async listenOnFreePort(firstPort: number): Promise<EngineBridgeStatus> {
    let lastError = ''
    for (let port = firstPort; port < firstPort + ENGINE_BRIDGE_PORT_ATTEMPTS && port <= 65535; port++) {
      try {
        this.listener = await this.listenFn(this.handle, port, (error, context) => this.log(`[engine-bridge] ${context}: ${error instanceof Error ? error.message : String(error)}`))
        this.lastFailure = null
        return this.status()
      } catch (error) {
        const code = (error as NodeJS.ErrnoException | null)?.code
        lastError = error instanceof Error ? error.message : String(error)
        if (code !== 'EADDRINUSE' && code !== 'EACCES') break
      }
    }
    this.lastFailure = `could not listen on 127.0.0.1:${firstPort}–${Math.min(65535, firstPort + ENGINE_BRIDGE_PORT_ATTEMPTS - 1)} (${lastError})`
    return this.status()
  }
}
