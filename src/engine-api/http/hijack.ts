// Upgrade requests (`Connection: Upgrade`, `Upgrade: tcp`): POST /containers/{id}/attach and POST /exec/{id}/start.
// Node routes them to server.on('upgrade') with the raw connection. We read the request body (exec start carries a
// JSON body with Content-Length before the upgrade), call the handler, answer with dockerd's exact
// `HTTP/1.1 101 UPGRADED` head and then move raw bytes both ways (protocol §0.5, §4):
//  - bytes after the request body go to stream.input (attach stdin), the client's FIN to stream.inputEnded;
//  - the client usually half-closes at once, so output keeps flowing after its FIN (the socket allows half-open);
//  - when the stream ends the socket is closed; when the client goes away first, the stream's stop function runs.
//
// Node versions differ in where an upgrade request's body lands: Node 20 leaves it unparsed in `head` and later
// socket data; newer Node parses it into `req` and only hands post-body bytes to the upgraded stream. Both work here:
// if `req` yields body bytes they are the body, otherwise the first Content-Length raw bytes are.

import { Buffer } from 'node:buffer'
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { ApiResponse, ApiStream, AsyncApiHandler, StreamSink } from '../types.ts'
import type { ResolvedOptions } from './options.ts'
import { checkRequestSafety } from './safety.ts'
import { headerRecord, isBuildRequest, parseRequestTarget } from './requestTarget.ts'
import { checkResponse, completeBody } from './responseWriter.ts'
import { closeDelimitedHead, closingResponse, findHeader, jsonErrorResponse, upgradeHandshake } from './wire.ts'

/** After our side is done, how long a client may keep the connection half-open before it is destroyed. */
const LINGER_MS = 2_000

export interface UpgradeContext {
  handler: AsyncApiHandler
  options: ResolvedOptions
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** Ends the connection after `bytes`; keeps reading (and dropping) input so the client can still read the answer. */
function closeWith(conn: Duplex, bytes: Uint8Array): void {
  if (conn.destroyed) return
  conn.once('finish', () => {
    const timer = setTimeout(() => conn.destroy(), LINGER_MS)
    timer.unref()
    conn.once('close', () => clearTimeout(timer))
  })
  conn.end(bytes)
  conn.resume()
}

export function handleUpgrade(req: IncomingMessage, conn: Duplex, head: Buffer, ctx: UpgradeContext): void {
  const { options } = ctx
  const socket = req.socket
  socket.setTimeout(0)
  socket.setNoDelay(true)
  conn.on('error', () => {
    // a reset or a write after the peer left; 'close' follows and does the cleanup
  })
  req.on('error', () => {})

  type Phase = 'collecting' | 'dispatching' | 'streaming' | 'done'
  let phase: Phase = 'collecting'
  // the whole request (head is in, body may follow) must arrive within requestTimeout
  const timer = setTimeout(() => refuse(408, 'request body not received in time'), options.requestTimeoutMs)
  timer.unref()
  const method = (req.method ?? '').toUpperCase()
  const label = `${method} ${req.url ?? ''} (upgrade)`

  const refuse = (status: number, message: string): void => {
    if (phase === 'done') return
    phase = 'done'
    clearTimeout(timer)
    closeWith(conn, jsonErrorResponse(status, message))
  }

  // stream plumbing, set once the handler answered with a stream
  let deliverInput: (chunk: Buffer) => void = () => {}
  let deliverInputEnd: () => void = () => {}
  let onClosed: () => void = () => {}
  let clientEnded = false
  conn.on('close', () => {
    clearTimeout(timer)
    const wasStreaming = phase === 'streaming'
    phase = 'done'
    if (wasStreaming) onClosed()
  })

  const refusal = checkRequestSafety({
    method,
    headers: req.headers,
    hostValues: req.headersDistinct.host ?? [],
    localPort: socket.localPort
  })
  if (refusal) return refuse(refusal.status, refusal.message)
  const target = parseRequestTarget(req.url)
  if (!target) return refuse(400, 'invalid request target')
  if (req.headers['transfer-encoding'] !== undefined) return refuse(400, 'chunked request bodies are not supported on upgraded connections')
  const limit = isBuildRequest(method, target.path) ? options.maxBuildBodyBytes : options.maxBodyBytes
  const declared = Number(req.headers['content-length'] ?? '0')
  if (!Number.isSafeInteger(declared) || declared < 0) return refuse(400, 'invalid Content-Length')
  if (declared > limit) return refuse(413, 'request body too large')

  // --- collect the body: from `req` (newer Node) or from the raw bytes (Node 20) ---
  const parsed: Buffer[] = []
  let parsedBytes = 0
  const raw: Buffer[] = head.length > 0 ? [head] : []
  const early: Buffer[] = []
  let earlyBytes = 0
  let rawBytes = head.length
  let reqEnded = false

  const decide = (): void => {
    if (phase !== 'collecting' || !reqEnded) return
    let body: Buffer
    let rest: Buffer
    if (parsedBytes > 0) {
      body = Buffer.concat(parsed, parsedBytes)
      rest = Buffer.concat(raw, rawBytes)
    } else {
      if (rawBytes < declared) {
        if (clientEnded) refuse(400, 'connection closed before the request body was complete')
        return
      }
      const all = Buffer.concat(raw, rawBytes)
      body = all.subarray(0, declared)
      rest = all.subarray(declared)
    }
    clearTimeout(timer)
    raw.length = 0
    parsed.length = 0
    dispatch(body, rest)
  }

  req.on('data', (chunk: Buffer) => {
    if (phase !== 'collecting') return
    parsed.push(chunk)
    parsedBytes += chunk.length
    if (parsedBytes > limit) refuse(413, 'request body too large')
  })
  req.on('end', () => {
    reqEnded = true
    decide()
  })
  conn.on('data', (chunk: Buffer) => {
    if (phase === 'collecting') {
      raw.push(chunk)
      rawBytes += chunk.length
      // the body plus what a client may reasonably send before it has seen the 101
      if (rawBytes > declared + options.maxBodyBytes) return refuse(413, 'request body too large')
      decide()
    } else if (phase === 'dispatching') {
      // stdin a client sends while an asynchronous handler is still answering: delivered once the stream starts
      early.push(chunk)
      earlyBytes += chunk.length
      if (earlyBytes > options.maxBodyBytes) refuse(413, 'request body too large')
    } else if (phase === 'streaming') {
      deliverInput(chunk)
    }
  })
  conn.on('end', () => {
    clientEnded = true
    if (phase === 'collecting') decide()
    else if (phase === 'dispatching') return
    else if (phase === 'streaming') deliverInputEnd()
  })
  conn.resume()

  function dispatch(body: Buffer, rest: Buffer): void {
    if (!target) return
    let produced: ApiResponse | Promise<ApiResponse>
    try {
      produced = ctx.handler({
        method,
        path: target.path,
        query: target.query,
        headers: headerRecord(req.headers),
        ...(body.length > 0 ? { body } : {})
      })
    } catch (error) {
      options.onError(error, label)
      return refuse(500, errorMessage(error))
    }
    if (typeof (produced as { then?: unknown }).then !== 'function') return answer(produced as ApiResponse, rest)
    phase = 'dispatching'
    ;(produced as Promise<ApiResponse>).then(
      (response) => {
        if (phase !== 'dispatching') {
          // the client went away meanwhile: a stream nobody reads is started and stopped at once
          if (response?.stream) response.stream.start({ write() {}, end() {} })()
          return
        }
        phase = 'collecting'
        answer(response, Buffer.concat([rest, ...early.splice(0)]))
      },
      (error: unknown) => {
        options.onError(error, label)
        if (phase === 'dispatching') {
          phase = 'collecting'
          refuse(500, errorMessage(error))
        }
      }
    )
  }

  function answer(produced: ApiResponse, rest: Buffer): void {
    let checked
    try {
      checked = checkResponse(produced)
    } catch (error) {
      options.onError(error, label)
      return refuse(500, errorMessage(error))
    }
    const { response, status } = checked
    const headers = { ...checked.headers }
    if (response.upgrade === true) {
      const handshake = upgradeHandshake(findHeader(headers, 'content-type'))
      if (response.stream === undefined) {
        phase = 'done'
        closeWith(conn, handshake)
        return
      }
      conn.write(handshake)
      startStream(response.stream, rest, true)
    } else if (response.stream !== undefined && method !== 'HEAD' && status !== 204 && status !== 304) {
      // a plain stream answered on an upgrade request: a close-delimited body (e.g. attach refused with 200)
      conn.write(closeDelimitedHead(status, headers))
      startStream(response.stream, rest, false)
    } else {
      const bytes = response.stream !== undefined || method === 'HEAD' ? Buffer.alloc(0) : completeBody(response, headers)
      phase = 'done'
      closeWith(conn, closingResponse(status, headers, bytes))
    }
  }

  function startStream(stream: ApiStream, pendingInput: Buffer, withInput: boolean): void {
    phase = 'streaming'
    let ended = false
    let stop: (() => void) | undefined
    let inputClosed = false
    const finish = (): void => {
      phase = 'done'
      if (conn.destroyed) return
      closeWith(conn, Buffer.alloc(0))
    }
    const sink: StreamSink = {
      write(chunk) {
        if (ended || conn.destroyed || !conn.writable) return
        if (typeof chunk === 'string' ? chunk.length === 0 : chunk.byteLength === 0) return
        conn.write(chunk)
        if (conn.writableLength > options.maxQueuedOutputBytes) {
          options.onError(new Error('client does not read; stream cut'), label)
          conn.destroy()
        }
      },
      end() {
        if (ended) return
        ended = true
        finish()
      }
    }
    deliverInput = (chunk) => {
      if (ended || !withInput || inputClosed || stream.input === undefined) return
      try {
        stream.input(chunk)
      } catch (error) {
        options.onError(error, `${label}: stream input`)
      }
    }
    deliverInputEnd = () => {
      if (ended || !withInput || inputClosed) return
      inputClosed = true
      try {
        stream.inputEnded?.()
      } catch (error) {
        options.onError(error, `${label}: stream inputEnded`)
      }
    }
    onClosed = () => {
      if (ended) return
      ended = true
      if (stop === undefined) return
      try {
        stop()
      } catch (error) {
        options.onError(error, `${label}: stream stop`)
      }
    }
    try {
      const returned: unknown = stream.start(sink)
      if (typeof returned === 'function') stop = returned as () => void
    } catch (error) {
      options.onError(error, `${label}: stream start`)
      ended = true
      phase = 'done'
      conn.destroy()
      return
    }
    if (conn.destroyed && !ended) {
      // the connection died while the stream was starting
      onClosed()
      return
    }
    if (pendingInput.length > 0) deliverInput(pendingInput)
    if (clientEnded) deliverInputEnd()
  }
}
