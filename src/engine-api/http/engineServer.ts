// The node:http adapter of the Engine API: a docker-compatible REST endpoint on 127.0.0.1 that hands every request
// to an ApiHandler (src/engine-api/types.ts). See docker-protocol.md §0, §1, §4, §6 and reliability.md §4.
//
//   const engine = createEngineServer(handler)
//   const { port, close } = await engine.listen(0)      // DOCKER_HOST=tcp://127.0.0.1:<port>

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import type { Duplex } from 'node:stream'
import type { ApiResponse, AsyncApiHandler } from '../types.ts'
import { handleUpgrade } from './hijack.ts'
import { resolveOptions, type EngineServerOptions, type ResolvedOptions } from './options.ts'
import { headerRecord, isBuildRequest, parseRequestTarget } from './requestTarget.ts'
import { checkResponse, sendJsonError, writeResponse } from './responseWriter.ts'
import { checkRequestSafety } from './safety.ts'
import { jsonErrorResponse } from './wire.ts'

export type { EngineServerOptions } from './options.ts'

export interface ListeningEngine {
  /** the bound port (useful with listen(0)) */
  port: number
  /** the bound address: 127.0.0.1 or ::1 */
  host: string
  /** the underlying node:http server (read-only use: tests, diagnostics) */
  server: Server
  /** Stops listening and drops every connection (streams get their stop function called). Idempotent. */
  close(): Promise<void>
}

export interface EngineServer {
  /** Binds loopback only. Each call starts a separate listener. */
  listen(port?: number): Promise<ListeningEngine>
}

/** Bytes of a refused request body we read and drop (so the client sees the answer) before we hang up. */
const DRAIN_LIMIT = 8 * 1024 * 1024

export function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function'
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** Reads and drops the rest of a request body; a client that keeps sending past DRAIN_LIMIT is disconnected. */
function drain(req: IncomingMessage): void {
  if (req.complete) return
  let dropped = 0
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.length
    if (dropped > DRAIN_LIMIT) req.socket.destroy()
  })
  req.resume()
}

type BodyResult = { kind: 'ok'; body: Buffer | undefined } | { kind: 'too-large' } | { kind: 'aborted' }

/** Buffers a request body up to `limit` bytes, counting while it streams in (nothing beyond the limit is kept). */
function readBody(req: IncomingMessage, limit: number, done: (result: BodyResult) => void): void {
  const chunks: Buffer[] = []
  let size = 0
  let settled = false
  let dropped = 0
  req.on('data', (chunk: Buffer) => {
    if (settled) {
      dropped += chunk.length
      if (dropped > DRAIN_LIMIT) req.socket.destroy()
      return
    }
    size += chunk.length
    if (size > limit) {
      settled = true
      chunks.length = 0
      done({ kind: 'too-large' })
      return
    }
    chunks.push(chunk)
  })
  req.on('end', () => {
    if (settled) return
    settled = true
    done({ kind: 'ok', body: size === 0 ? undefined : Buffer.concat(chunks, size) })
  })
  const abort = (): void => {
    if (settled || req.complete) return
    settled = true
    chunks.length = 0
    done({ kind: 'aborted' })
  }
  req.on('aborted', abort)
  req.on('error', abort)
  req.on('close', abort)
}

class EngineListener {
  readonly server: Server
  private readonly options: ResolvedOptions
  private readonly handler: AsyncApiHandler
  /** the response currently being produced on each connection (so clientError never corrupts a started one) */
  private readonly activeResponse = new WeakMap<Socket, ServerResponse>()
  private readonly clientErrorSeen = new WeakSet<Socket>()
  /** connections that delivered at least one complete request head */
  private readonly sawRequest = new WeakSet<Socket>()
  private readonly upgraded = new Set<Duplex>()
  private closing: Promise<void> | undefined

  constructor(handler: AsyncApiHandler, options: ResolvedOptions) {
    this.handler = handler
    this.options = options
    this.server = createServer({
      maxHeaderSize: options.maxHeaderSize,
      headersTimeout: options.headersTimeoutMs,
      requestTimeout: options.requestTimeoutMs,
      keepAliveTimeout: options.keepAliveTimeoutMs,
      connectionsCheckingInterval: options.connectionsCheckingIntervalMs,
      // we answer a missing Host ourselves (403 JSON) instead of Node's bare 400
      requireHostHeader: false,
      noDelay: true
    })
    const server = this.server
    server.headersTimeout = options.headersTimeoutMs
    server.requestTimeout = options.requestTimeoutMs
    server.keepAliveTimeout = options.keepAliveTimeoutMs
    server.timeout = 0 // no idle limit on responses: wait/events/logs -f may be silent for a long time
    server.maxConnections = options.maxConnections
    // httpAllowHalfOpen stays false on purpose: a client's FIN ends the connection, which is how a streaming
    // response (wait, events, logs -f) learns that the docker CLI dropped it. Hijacked sockets allow half-open.

    // Node only times a request head once its first byte arrived: drop connections that stay silent
    server.on('connection', (socket: Socket) => {
      const timer = setTimeout(() => {
        if (this.sawRequest.has(socket) || socket.destroyed) return
        socket.on('error', () => {})
        socket.end(jsonErrorResponse(408, 'request timeout'))
        setTimeout(() => socket.destroy(), 200).unref()
      }, options.headersTimeoutMs)
      timer.unref()
      socket.once('close', () => clearTimeout(timer))
    })
    server.on('request', (req, res) => {
      this.sawRequest.add(req.socket)
      // the connection was already given up (timed out): never act on a request nobody gets an answer to
      if (req.socket.writableEnded || req.socket.destroyed) return void req.socket.destroy()
      this.onRequest(req, res, false)
    })
    // Expect: 100-continue: answer 100 only once the request passed the checks (a refused body is never sent)
    server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
      this.sawRequest.add(req.socket)
      this.onRequest(req, res, true)
    })
    server.on('checkExpectation', (req: IncomingMessage, res: ServerResponse) => {
      this.sawRequest.add(req.socket)
      this.refuse(req, res, 417, 'unsupported Expect header')
    })
    server.on('upgrade', (req: IncomingMessage, conn: Duplex, head: Buffer) => {
      this.sawRequest.add(req.socket)
      if (req.socket.writableEnded || req.socket.destroyed) return void conn.destroy()
      this.upgraded.add(conn)
      conn.once('close', () => this.upgraded.delete(conn))
      try {
        handleUpgrade(req, conn, head, { handler: this.handler, options: this.options })
      } catch (error) {
        this.options.onError(error, 'upgrade')
        conn.destroy()
      }
    })
    server.on('connect', (_req: IncomingMessage, conn: Duplex) => {
      conn.on('error', () => {})
      conn.end(jsonErrorResponse(405, 'CONNECT is not supported'))
      setTimeout(() => conn.destroy(), 1_000).unref()
    })
    server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => this.onClientError(error, socket as Socket))
  }

  private onClientError(error: NodeJS.ErrnoException, socket: Socket): void {
    this.sawRequest.add(socket)
    if (this.clientErrorSeen.has(socket) || !socket.writable) {
      socket.destroy()
      return
    }
    this.clientErrorSeen.add(socket)
    const inFlight = this.activeResponse.get(socket)
    if (error.code === 'ECONNRESET' || error.code === 'EPIPE' || inFlight?.headersSent === true) {
      socket.destroy()
      return
    }
    let status = 400
    let message = 'bad request'
    if (error.code === 'HPE_HEADER_OVERFLOW') {
      status = 431
      message = 'request header fields too large'
    } else if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
      status = 408
      message = 'request timeout'
    } else if (error.code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW') {
      status = 413
      message = 'request chunk extensions too large'
    }
    socket.on('error', () => {})
    socket.end(jsonErrorResponse(status, message))
    // the answer is out once 'finish' fires; don't wait for the client to close its side
    socket.once('finish', () => socket.destroy())
    setTimeout(() => socket.destroy(), 1_000).unref()
  }

  private onRequest(req: IncomingMessage, res: ServerResponse, expectsContinue: boolean): void {
    const socket = req.socket
    this.activeResponse.set(socket, res)
    const forget = (): void => {
      if (this.activeResponse.get(socket) === res) this.activeResponse.delete(socket)
    }
    res.once('finish', forget)
    res.once('close', forget)
    try {
      this.route(req, res, expectsContinue)
    } catch (error) {
      this.options.onError(error, 'request')
      if (!res.headersSent) sendJsonError(res, 500, errorMessage(error))
      else res.destroy()
    }
  }

  /** Answers before the body was read. A body too big to drain is not waited for: the connection closes. */
  private refuse(req: IncomingMessage, res: ServerResponse, status: number, message: string): void {
    const declared = Number(req.headers['content-length'] ?? '0')
    const hugeBody = !req.complete && declared > DRAIN_LIMIT
    sendJsonError(res, status, message, hugeBody)
    if (!hugeBody) drain(req)
  }

  private route(req: IncomingMessage, res: ServerResponse, expectsContinue: boolean): void {
    const method = (req.method ?? '').toUpperCase()
    const refusal = checkRequestSafety({
      method,
      headers: req.headers,
      hostValues: req.headersDistinct.host ?? [],
      localPort: req.socket.localPort
    })
    if (refusal) return this.refuse(req, res, refusal.status, refusal.message)
    const target = parseRequestTarget(req.url)
    if (!target) return this.refuse(req, res, 400, 'invalid request target')
    const limit = isBuildRequest(method, target.path) ? this.options.maxBuildBodyBytes : this.options.maxBodyBytes
    const declared = Number(req.headers['content-length'] ?? '0')
    if (declared > limit) return this.refuse(req, res, 413, 'request body too large')
    if (expectsContinue) res.writeContinue()

    readBody(req, limit, (result) => {
      if (result.kind === 'aborted') return
      if (result.kind === 'too-large') {
        if (!res.headersSent) sendJsonError(res, 413, 'request body too large')
        return
      }
      this.dispatch(req, res, method, target.path, target.query, result.body)
    })
  }

  private dispatch(
    req: IncomingMessage,
    res: ServerResponse,
    method: string,
    path: string,
    query: Record<string, string>,
    body: Buffer | undefined
  ): void {
    const label = `${method} ${path}`
    let produced: ApiResponse | Promise<ApiResponse>
    try {
      produced = this.handler({ method, path, query, headers: headerRecord(req.headers), ...(body ? { body } : {}) })
    } catch (error) {
      this.options.onError(error, label)
      sendJsonError(res, 500, errorMessage(error))
      return
    }
    if (isPromise(produced)) {
      produced.then(
        (response) => this.answer(res, label, response),
        (error: unknown) => {
          this.options.onError(error, label)
          if (!res.headersSent && !res.destroyed) sendJsonError(res, 500, errorMessage(error))
        }
      )
      return
    }
    this.answer(res, label, produced)
  }

  private answer(res: ServerResponse, label: string, response: unknown): void {
    let checked
    try {
      checked = checkResponse(response)
    } catch (error) {
      this.options.onError(error, label)
      if (!res.headersSent && !res.destroyed) sendJsonError(res, 500, errorMessage(error))
      return
    }
    try {
      writeResponse(res, checked, { options: this.options, label })
    } catch (error) {
      // only a bad header/status from the handler gets here, and nothing was sent yet
      this.options.onError(error, label)
      if (!res.headersSent) sendJsonError(res, 500, errorMessage(error))
      else res.destroy()
    }
  }

  listen(port: number): Promise<ListeningEngine> {
    return new Promise((resolve, reject) => {
      const server = this.server
      const onError = (error: Error): void => reject(error)
      server.once('error', onError)
      server.listen({ port, host: this.options.host, exclusive: true }, () => {
        server.off('error', onError)
        server.on('error', (error) => this.options.onError(error, 'server'))
        const address = server.address() as AddressInfo
        resolve({ port: address.port, host: address.address, server, close: () => this.close() })
      })
    })
  }

  close(): Promise<void> {
    this.closing ??= new Promise((resolve) => {
      this.server.close(() => resolve())
      this.server.closeAllConnections()
      for (const conn of this.upgraded) conn.destroy()
      this.upgraded.clear()
    })
    return this.closing
  }
}

export function createEngineServer(handler: AsyncApiHandler, options?: EngineServerOptions): EngineServer {
  const resolved = resolveOptions(options)
  return {
    listen(port = 0) {
      if (!Number.isInteger(port) || port < 0 || port > 65535) return Promise.reject(new RangeError(`invalid port ${String(port)}`))
      return new EngineListener(handler, resolved).listen(port)
    }
  }
}
