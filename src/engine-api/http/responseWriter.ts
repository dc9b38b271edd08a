// Writes an ApiResponse onto a node:http ServerResponse (the non-upgraded path).

import { Buffer } from 'node:buffer'
import type { ServerResponse } from 'node:http'
import type { ApiResponse, StreamSink } from '../types.ts'
import type { ResolvedOptions } from './options.ts'
import { errorBody, findHeader, jsonBody, withDefaultHeaders } from './wire.ts'

/** A response the handler produced, checked and normalised. */
export interface CheckedResponse {
  status: number
  headers: Record<string, string>
  response: ApiResponse
}

const NO_BODY_STATUS = new Set([204, 304])

/**
 * Validates the handler's answer: a status in 100..599 (101 only with `upgrade`), string header values.
 * Content-Length and Transfer-Encoding from the handler are dropped: the transport computes them.
 */
export function checkResponse(response: unknown): CheckedResponse {
  if (typeof response !== 'object' || response === null) throw new TypeError('handler returned no response object')
  const candidate = response as ApiResponse
  const status = candidate.status
  if (!Number.isInteger(status) || status < 100 || status > 599) throw new TypeError(`handler returned an invalid status ${String(status)}`)
  if (status < 200 && !(status === 101 && candidate.upgrade === true)) throw new TypeError(`handler returned status ${status} without upgrade`)
  const headers: Record<string, string> = {}
  const given: unknown = candidate.headers ?? {}
  if (typeof given !== 'object' || given === null) throw new TypeError('handler returned invalid headers')
  for (const [name, value] of Object.entries(given as Record<string, unknown>)) {
    if (value === undefined || value === null) continue
    const lower = name.toLowerCase()
    if (lower === 'transfer-encoding') continue
    if (lower.startsWith('access-control-')) continue // never any CORS header (reliability.md §4)
    headers[name] = String(value)
  }
  return { status, headers, response: candidate }
}

function dropHeader(headers: Record<string, string>, name: string): void {
  for (const key of Object.keys(headers)) if (key.toLowerCase() === name) delete headers[key]
}

/**
 * The body of a complete (non-stream) response: JSON + "\n" (Content-Type application/json unless the handler set
 * one), text (text/plain; charset=utf-8), or nothing. Adds the Content-Type to `headers`.
 */
export function completeBody(response: ApiResponse, headers: Record<string, string>): Buffer {
  if (response.json !== undefined) {
    if (findHeader(headers, 'content-type') === undefined) headers['Content-Type'] = 'application/json'
    return jsonBody(response.json)
  }
  if (response.text !== undefined) {
    if (findHeader(headers, 'content-type') === undefined) headers['Content-Type'] = 'text/plain; charset=utf-8'
    const text: unknown = response.text
    return text instanceof Uint8Array ? Buffer.from(text.buffer, text.byteOffset, text.byteLength) : Buffer.from(String(text), 'utf8')
  }
  return Buffer.alloc(0)
}

/** Complete JSON error answer, `{"message": ...}` as dockerd sends. */
export function sendJsonError(res: ServerResponse, status: number, message: string, closeConnection = false): void {
  const body = errorBody(message)
  const headers: Record<string, string> = { 'Content-Type': 'application/json', 'Content-Length': String(body.byteLength) }
  if (closeConnection) headers['Connection'] = 'close'
  res.writeHead(status, withDefaultHeaders(headers))
  res.end(res.req.method === 'HEAD' ? undefined : body)
}

export interface StreamHooks {
  options: ResolvedOptions
  /** a short label for error reports, e.g. "GET /v1.50/events" */
  label: string
}

/** Writes a checked response. Throws only before anything was sent (invalid header), so the caller can still answer 500. */
export function writeResponse(res: ServerResponse, checked: CheckedResponse, hooks: StreamHooks): void {
  const { response } = checked
  const isHead = res.req.method === 'HEAD'
  const headers = { ...checked.headers }
  if (response.upgrade === true || response.stream !== undefined) {
    // upgrade requested but the client did not ask for one: like dockerd, answer 200 and stream the raw bytes
    const status = checked.status < 200 ? 200 : checked.status
    dropHeader(headers, 'content-length')
    writeStream(res, status, headers, isHead || NO_BODY_STATUS.has(status) ? undefined : response, hooks)
    return
  }
  const body = completeBody(response, headers)
  if (NO_BODY_STATUS.has(checked.status)) {
    dropHeader(headers, 'content-length')
    res.writeHead(checked.status, withDefaultHeaders(headers))
    res.end()
    return
  }
  if (isHead) {
    // dockerd's HEAD /_ping answers Content-Length: 0; keep a length the handler set explicitly
    if (findHeader(headers, 'content-length') === undefined) headers['Content-Length'] = '0'
    res.writeHead(checked.status, withDefaultHeaders(headers))
    res.end()
    return
  }
  dropHeader(headers, 'content-length')
  headers['Content-Length'] = String(body.byteLength)
  res.writeHead(checked.status, withDefaultHeaders(headers))
  res.end(body)
}

function writeStream(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  response: ApiResponse | undefined,
  hooks: StreamHooks
): void {
  res.writeHead(status, withDefaultHeaders(headers))
  const stream = response?.stream
  if (stream === undefined) {
    res.end()
    return
  }
  // the client is already gone (its 'close' has fired): never start a stream nobody could stop
  if (res.destroyed) return
  // headers go out now: `docker run` waits for the head of POST /wait before it starts the container (protocol §0.4)
  res.flushHeaders()
  let ended = false
  let stop: (() => void) | undefined
  const sink: StreamSink = {
    write(chunk) {
      if (ended || res.destroyed || res.writableEnded) return
      if (typeof chunk === 'string' ? chunk.length === 0 : chunk.byteLength === 0) return
      res.write(chunk)
      if (res.writableLength > hooks.options.maxQueuedOutputBytes) {
        hooks.options.onError(new Error('client does not read; stream cut'), hooks.label)
        res.destroy()
      }
    },
    end() {
      if (ended) return
      ended = true
      if (!res.destroyed && !res.writableEnded) res.end()
    }
  }
  // res 'close', not req 'close': the request side closes as soon as its body is read (protocol §6.2)
  res.on('close', () => {
    if (ended) return
    ended = true
    if (stop === undefined) return
    try {
      stop()
    } catch (error) {
      hooks.options.onError(error, `${hooks.label}: stream stop`)
    }
  })
  try {
    const returned: unknown = stream.start(sink)
    if (typeof returned === 'function') stop = returned as () => void
  } catch (error) {
    hooks.options.onError(error, `${hooks.label}: stream start`)
    ended = true
    res.destroy()
  }
}
