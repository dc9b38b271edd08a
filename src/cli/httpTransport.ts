// The CLI's Transport over node:http, for a daemon on this machine: `tcp://127.0.0.1:PORT` (what `npm run engine`
// serves) or a unix socket path. Loopback only: anything else is refused before a connection is made.
//
//   const transport = new HttpTransport('tcp://127.0.0.1:23750')
//   await runDocker(['ps'], { transport, apiVersion: '1.50', nowMs: Date.now, hostUrl, inProcess: false }, extras)
//
// Requests carry what docker CLI 28 sends (docker-protocol.md §1): `Host: 127.0.0.1:PORT` over TCP (the engine
// refuses any other Host), `api.moby.localhost` over a unix socket, `Content-Length: 0` on a POST without a body.
// attach and exec start (`Connection: Upgrade`, `Upgrade: tcp`) are hijacked: after the `101 UPGRADED` head the
// socket carries raw bytes; the client half-closes its side at once (no stdin), as the CLI does without `-i`.
import { request as httpRequest, type ClientRequest, type IncomingHttpHeaders, type IncomingMessage, type RequestOptions } from 'node:http'
import type { Socket } from 'node:net'
import type { ApiRequest } from '../engine-api/types.ts'
import { concat, ConnectionError, TimeoutError, type RawResponse, type StreamHandle, type Transport } from './transport.ts'

export type HttpTarget = { kind: 'tcp'; host: string; port: number } | { kind: 'unix'; socketPath: string }

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]'])
const HIJACKED = /^(?:\/v[\d.]+)?\/(?:containers\/[^/]+\/attach|exec\/[^/]+\/start)$/

/**
 * `tcp://127.0.0.1:2375`, `http://localhost:2375`, `unix:///run/docker.sock`, `/run/docker.sock` or a bare port →
 * where to connect. A host that is not loopback is an error (a string), never a connection.
 */
export function parseDaemonAddress(address: string | number): HttpTarget | string {
  if (typeof address === 'number') {
    return Number.isInteger(address) && address > 0 && address <= 65535 ? { kind: 'tcp', host: '127.0.0.1', port: address } : `invalid port ${address}`
  }
  const text = address.trim()
  if (text.startsWith('unix://')) return text.length > 7 ? { kind: 'unix', socketPath: text.slice(7) } : 'unix:// needs a socket path'
  if (text.startsWith('/')) return { kind: 'unix', socketPath: text }
  if (/^\d+$/.test(text)) return parseDaemonAddress(Number(text))
  const m = /^(?:tcp|http):\/\/(\[[^\]]+\]|[^:/]+)(?::(\d+))?\/?$/.exec(text)
  if (!m) return `unsupported daemon address "${text}": use tcp://127.0.0.1:PORT or a unix socket path`
  const host = m[1]!.toLowerCase()
  if (!LOOPBACK.has(host)) return `refusing to connect to ${host}: only a daemon on this machine (127.0.0.1, localhost, [::1]) is allowed`
  const port = m[2] === undefined ? 2375 : Number(m[2])
  if (port <= 0 || port > 65535) return `invalid port in "${text}"`
  return { kind: 'tcp', host: host === '[::1]' ? '::1' : host, port }
}

export interface HttpTransportOptions {
  /** wall-clock limit of `request()` (a pull, a build); default 10 minutes */
  requestTimeoutMs?: number
}

function flatHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue
    out[name] = Array.isArray(value) ? value.join(', ') : value
  }
  return out
}

/** Go's url.Values.Encode: keys sorted, QueryEscape'd values. */
function queryString(query: Record<string, string>): string {
  const params = new URLSearchParams()
  for (const key of Object.keys(query).sort()) params.append(key, query[key]!)
  const text = params.toString()
  return text ? `?${text}` : ''
}

/** A response whose body is still arriving (or, after the 101, the hijacked socket's bytes). */
class HttpStreamHandle implements StreamHandle {
  chunks: Uint8Array[] = []
  ended = false
  private readonly listeners: ((chunk: Uint8Array) => void)[] = []
  private readonly waiters: (() => void)[] = []

  constructor(readonly status: number, readonly headers: Record<string, string>, private readonly abort: () => void) {}

  onData(listener: (chunk: Uint8Array) => void): void { this.listeners.push(listener) }

  push(chunk: Uint8Array): void {
    if (this.ended || chunk.length === 0) return
    this.chunks.push(chunk)
    for (const l of this.listeners) l(chunk)
  }

  finish(): void {
    if (this.ended) return
    this.ended = true
    for (const w of this.waiters.splice(0)) w()
  }

  whenEnded(): Promise<void> {
    return this.ended ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve))
  }

  close(): void {
    if (this.ended) return
    this.finish()
    this.abort()
  }
}

export class HttpTransport implements Transport {
  readonly target: HttpTarget
  private readonly requestTimeoutMs: number

  constructor(address: string | number | HttpTarget, options: HttpTransportOptions = {}) {
    const target = typeof address === 'object' ? address : parseDaemonAddress(address)
    if (typeof target === 'string') throw new Error(target)
    if (target.kind === 'tcp' && !LOOPBACK.has(target.host)) throw new Error(`refusing to connect to ${target.host}: loopback only`)
    this.target = target
    this.requestTimeoutMs = options.requestTimeoutMs ?? 600_000
  }

  /** What the docker CLI puts in `Host`. */
  get hostHeader(): string {
    if (this.target.kind === 'unix') return 'api.moby.localhost'
    const host = this.target.host.includes(':') ? `[${this.target.host}]` : this.target.host
    return `${host}:${this.target.port}`
  }

  /** `HEAD /_ping` as the CLI sends before each command: the daemon's API version, or null when it did not answer 200. */
  async ping(): Promise<{ status: number; apiVersion: string | null }> {
    const res = await this.request({ method: 'HEAD', path: '/_ping', query: {}, headers: { 'user-agent': 'Docker-Client/28.2.2 (linux)' } })
    return { status: res.status, apiVersion: res.status === 200 ? (res.headers['api-version'] ?? null) : null }
  }

  async request(req: ApiRequest): Promise<RawResponse> {
    const handle = await this.open(req)
    try {
      await this.until(handle, this.requestTimeoutMs)
    } catch (e) {
      handle.close()
      throw e
    }
    return { status: handle.status, headers: handle.headers, body: concat(handle.chunks) }
  }

  open(req: ApiRequest): Promise<StreamHandle> {
    const headers: Record<string, string> = {}
    for (const [name, value] of Object.entries(req.headers)) headers[name.toLowerCase()] = value
    // the docker CLI always hijacks attach and exec start
    if (req.method === 'POST' && HIJACKED.test(req.path)) Object.assign(headers, { connection: 'Upgrade', upgrade: 'tcp' })
    const upgrade = (headers['upgrade'] ?? '') !== '' && /upgrade/i.test(headers['connection'] ?? '')
    headers['host'] = this.hostHeader
    const body = req.body
    if (body !== undefined) headers['content-length'] = String(body.length)
    else if (req.method !== 'GET' && req.method !== 'HEAD') headers['content-length'] = '0'
    if (!upgrade && headers['connection'] === undefined) headers['connection'] = 'close'
    const options: RequestOptions = {
      method: req.method,
      path: req.path + queryString(req.query),
      headers,
      agent: false,
      ...(this.target.kind === 'unix' ? { socketPath: this.target.socketPath } : { host: this.target.host, port: this.target.port })
    }
    return new Promise<StreamHandle>((resolve, reject) => {
      let settled = false
      const fail = (error: Error): void => {
        if (settled) return
        settled = true
        reject(error)
      }
      let active: ClientRequest
      try {
        active = httpRequest(options)
      } catch (e) {
        return fail(e as Error)
      }
      active.on('error', (error: NodeJS.ErrnoException) => {
        if (settled) return
        const where = this.target.kind === 'unix' ? `unix://${this.target.socketPath}` : `tcp://${this.hostHeader}`
        fail(new ConnectionError(`${where}: ${error.code ?? error.message}`))
      })
      active.on('upgrade', (res: IncomingMessage, socket: Socket, head: Buffer) => {
        const handle = new HttpStreamHandle(res.statusCode ?? 101, flatHeaders(res.headers), () => socket.destroy())
        if (head.length > 0) handle.push(new Uint8Array(head))
        socket.on('data', (chunk: Buffer) => handle.push(new Uint8Array(chunk)))
        socket.on('end', () => { handle.finish(); socket.destroy() })
        socket.on('close', () => handle.finish())
        socket.on('error', () => handle.finish())
        // no stdin: half-close our side at once, the daemon keeps writing until the process exits
        socket.end()
        settled = true
        resolve(handle)
      })
      active.on('response', (res: IncomingMessage) => {
        const status = res.statusCode ?? 0
        const handle = new HttpStreamHandle(status, flatHeaders(res.headers), () => { res.destroy(); active.destroy() })
        res.on('data', (chunk: Buffer) => handle.push(new Uint8Array(chunk)))
        res.on('end', () => handle.finish())
        res.on('close', () => handle.finish())
        res.on('error', () => handle.finish())
        settled = true
        // an error's body is read whole, so callers can print the daemon's message right away
        if (status >= 300) void handle.whenEnded().then(() => resolve(handle))
        else resolve(handle)
      })
      active.end(body === undefined ? undefined : Buffer.from(body.buffer, body.byteOffset, body.byteLength))
    })
  }

  async until(handle: StreamHandle, limitMs: number): Promise<void> {
    if (handle.ended) return
    const ended = handle instanceof HttpStreamHandle ? handle.whenEnded() : pollEnded(handle)
    let timer: ReturnType<typeof setTimeout> | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new TimeoutError(`still running after ${Math.round(limitMs / 1000)} s`)), Math.max(0, limitMs))
    })
    try {
      await Promise.race([ended, timeout])
    } finally {
      clearTimeout(timer)
    }
  }
}

async function pollEnded(handle: StreamHandle): Promise<void> {
  while (!handle.ended) await new Promise((resolve) => setTimeout(resolve, 10))
}
