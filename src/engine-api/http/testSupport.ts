// Test helpers for the adapter's tests (raw sockets and a tiny HTTP/1.1 response parser). Not used by the app.

import { Buffer } from 'node:buffer'
import { request as httpRequest, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http'
import { connect, type Socket } from 'node:net'

export interface SimpleResponse {
  status: number
  headers: IncomingHttpHeaders
  /** raw header names as sent, for exact checks */
  rawHeaderNames: string[]
  body: Buffer
}

export interface SimpleRequest {
  method?: string
  path: string
  headers?: OutgoingHttpHeaders
  body?: string | Buffer
}

/** One request on a fresh connection (no agent pooling). `headers.host` defaults to 127.0.0.1:PORT. */
export function send(port: number, req: SimpleRequest): Promise<SimpleResponse> {
  return new Promise((resolve, reject) => {
    const headers: OutgoingHttpHeaders = { host: `127.0.0.1:${port}`, ...req.headers }
    const r = httpRequest({ host: '127.0.0.1', port, method: req.method ?? 'GET', path: req.path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        const names: string[] = []
        for (let i = 0; i < res.rawHeaders.length; i += 2) names.push(res.rawHeaders[i] ?? '')
        resolve({ status: res.statusCode ?? 0, headers: res.headers, rawHeaderNames: names, body: Buffer.concat(chunks) })
      })
      res.on('error', reject)
    })
    r.on('error', reject)
    if (req.body !== undefined) r.end(req.body)
    else r.end()
  })
}

export interface RawResult {
  data: Buffer
  /** set when the connection ended with an error (e.g. ECONNRESET) */
  error?: Error
  /** ms from connect until the server closed the connection (or the timeout hit) */
  elapsedMs: number
  timedOut: boolean
}

/** Opens a raw TCP connection, writes `bytes` (and half-closes when `end`), collects everything until close. */
export function rawExchange(
  port: number,
  bytes: Buffer | string,
  opts: { end?: boolean; timeoutMs?: number; /** write in pieces cut at these offsets, 5 ms apart */ cuts?: number[] } = {}
): Promise<RawResult> {
  return new Promise((resolve) => {
    const started = Date.now()
    const chunks: Buffer[] = []
    let error: Error | undefined
    let timedOut = false
    const socket = connect({ host: '127.0.0.1', port, allowHalfOpen: true })
    const timer = setTimeout(() => {
      timedOut = true
      socket.destroy()
    }, opts.timeoutMs ?? 5_000)
    socket.on('connect', () => {
      const data = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes
      const cuts = [...new Set(opts.cuts ?? [])].filter((c) => c > 0 && c < data.length).sort((a, b) => a - b)
      const pieces: Buffer[] = []
      let from = 0
      for (const cut of [...cuts, data.length]) {
        pieces.push(data.subarray(from, cut))
        from = cut
      }
      const next = (): void => {
        if (socket.destroyed) return
        const piece = pieces.shift()
        if (piece !== undefined) socket.write(piece)
        if (pieces.length > 0) setTimeout(next, 5)
        else if (opts.end ?? true) socket.end()
      }
      next()
    })
    socket.on('data', (c: Buffer) => chunks.push(c))
    // the server finished: close our side too (like any HTTP client)
    socket.on('end', () => socket.end())
    socket.on('error', (e) => {
      error = e
    })
    socket.on('close', () => {
      clearTimeout(timer)
      resolve({ data: Buffer.concat(chunks), ...(error ? { error } : {}), elapsedMs: Date.now() - started, timedOut })
    })
  })
}

export function openSocket(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port, allowHalfOpen: true })
    socket.once('connect', () => resolve(socket))
    socket.once('error', reject)
  })
}

export interface ParsedResponse {
  status: number
  statusLine: string
  headers: Record<string, string>
  /** the head exactly as received, including the final CRLFCRLF */
  rawHead: string
  body: Buffer
}

export interface ParseResult {
  responses: ParsedResponse[]
  /** bytes after a 101 response (the hijacked stream) */
  upgraded?: Buffer
  /** bytes that did not form a complete response */
  rest: Buffer
  /** true when the bytes are not HTTP/1.1 responses at all */
  malformed: boolean
}

/** Parses consecutive HTTP/1.x responses (Content-Length, chunked, or close-delimited bodies). */
export function parseResponses(data: Buffer, opts: { headRequests?: boolean } = {}): ParseResult {
  const responses: ParsedResponse[] = []
  let offset = 0
  while (offset < data.length) {
    const end = data.indexOf('\r\n\r\n', offset, 'latin1')
    if (end < 0) return { responses, rest: data.subarray(offset), malformed: false }
    const rawHead = data.subarray(offset, end + 4).toString('latin1')
    const lines = rawHead.slice(0, -4).split('\r\n')
    const statusLine = lines[0] ?? ''
    const match = /^HTTP\/1\.[01] (\d{3})(?: (.*))?$/.exec(statusLine)
    if (!match) return { responses, rest: data.subarray(offset), malformed: true }
    const status = Number(match[1])
    const headers: Record<string, string> = {}
    for (const line of lines.slice(1)) {
      const colon = line.indexOf(':')
      if (colon <= 0) return { responses, rest: data.subarray(offset), malformed: true }
      headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim()
    }
    let cursor = end + 4
    if (status === 101) {
      responses.push({ status, statusLine, headers, rawHead, body: Buffer.alloc(0) })
      return { responses, upgraded: data.subarray(cursor), rest: Buffer.alloc(0), malformed: false }
    }
    if (status >= 100 && status < 200) {
      // interim answer (100 Continue): no body, the final response follows
      responses.push({ status, statusLine, headers, rawHead, body: Buffer.alloc(0) })
      offset = cursor
      continue
    }
    let body: Buffer
    if (status === 204 || status === 304 || opts.headRequests === true) {
      body = Buffer.alloc(0)
    } else if (headers['transfer-encoding']?.toLowerCase() === 'chunked') {
      const parts: Buffer[] = []
      for (;;) {
        const lineEnd = data.indexOf('\r\n', cursor, 'latin1')
        if (lineEnd < 0) return { responses, rest: data.subarray(offset), malformed: false }
        const size = parseInt(data.subarray(cursor, lineEnd).toString('latin1'), 16)
        if (!Number.isFinite(size)) return { responses, rest: data.subarray(offset), malformed: true }
        cursor = lineEnd + 2
        if (size === 0) {
          cursor += 2
          break
        }
        if (cursor + size + 2 > data.length) return { responses, rest: data.subarray(offset), malformed: false }
        parts.push(data.subarray(cursor, cursor + size))
        cursor += size + 2
      }
      body = Buffer.concat(parts)
    } else if (headers['content-length'] !== undefined) {
      const length = Number(headers['content-length'])
      if (cursor + length > data.length) return { responses, rest: data.subarray(offset), malformed: false }
      body = data.subarray(cursor, cursor + length)
      cursor += length
    } else {
      body = data.subarray(cursor)
      cursor = data.length
    }
    responses.push({ status, statusLine, headers, rawHead, body })
    offset = cursor
  }
  return { responses, rest: Buffer.alloc(0), malformed: false }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** Resolves when `predicate` holds, polling every 10 ms; rejects after `timeoutMs`. */
export async function until(predicate: () => boolean, timeoutMs = 3_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await delay(10)
  }
}

/** Docker's 8-byte stream frame: [stream, 0, 0, 0, len BE32] + payload. */
export function frame(stream: 1 | 2, payload: string): Buffer {
  const body = Buffer.from(payload, 'utf8')
  const header = Buffer.alloc(8)
  header[0] = stream
  header.writeUInt32BE(body.length, 4)
  return Buffer.concat([header, body])
}
