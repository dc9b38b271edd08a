// How the CLI reaches an Engine API: in process (calling the handler, advancing the world's virtual clock while
// it waits) or over HTTP. Commands are written once against this interface.
import type { ApiHandler, ApiRequest, ApiResponse } from '../engine-api/types.ts'
import type { World } from '../sim/index.ts'

export interface RawResponse { status: number; headers: Record<string, string>; body: Uint8Array }

export interface StreamHandle {
  status: number
  headers: Record<string, string>
  /** chunks received so far (also delivered to onData listeners as they arrive) */
  chunks: Uint8Array[]
  onData(listener: (chunk: Uint8Array) => void): void
  readonly ended: boolean
  close(): void
}

export interface Transport {
  /** A request whose whole body is read (streamed bodies are read to their end). */
  request(req: ApiRequest): Promise<RawResponse>
  /** A request whose body keeps coming (wait, attach, logs -f, events): returns once the head has arrived. */
  open(req: ApiRequest): Promise<StreamHandle>
  /** Resolve when `handle` has ended, or reject after `limitMs` (virtual in process, wall over HTTP). */
  until(handle: StreamHandle, limitMs: number): Promise<void>
}

const encoder = new TextEncoder()
export const toBytes = (chunk: Uint8Array | string): Uint8Array => (typeof chunk === 'string' ? encoder.encode(chunk) : chunk)

export function concat(chunks: Uint8Array[]): Uint8Array {
  const total = chunks.reduce((n, c) => n + c.length, 0)
  const out = new Uint8Array(total)
  let at = 0
  for (const c of chunks) { out.set(c, at); at += c.length }
  return out
}

export class TimeoutError extends Error {}

/** The daemon could not be reached at all (refused, no such socket): the CLI's "Cannot connect to the Docker daemon". */
export class ConnectionError extends Error {}

/** Calls the handler directly; waiting advances the world's clock in 100 ms steps. */
export class InProcessTransport implements Transport {
  constructor(private readonly world: World, private readonly handler: ApiHandler) {}

  async request(req: ApiRequest): Promise<RawResponse> {
    const res = this.handler(req)
    if (!res.stream) return { status: res.status, headers: res.headers, body: bodyOf(res) }
    const handle = this.startStream(res)
    await this.until(handle, 3_600_000)
    return { status: res.status, headers: res.headers, body: concat(handle.chunks) }
  }

  async open(req: ApiRequest): Promise<StreamHandle> {
    const res = this.handler(req)
    if (!res.stream) {
      const body = bodyOf(res)
      return { status: res.status, headers: res.headers, chunks: body.length ? [body] : [], onData() {}, ended: true, close() {} }
    }
    return this.startStream(res)
  }

  async until(handle: StreamHandle, limitMs: number): Promise<void> {
    let waited = 0
    while (!handle.ended) {
      if (waited >= limitMs) throw new TimeoutError(`still running after ${Math.round(limitMs / 1000)} s of simulated time`)
      this.world.step(100)
      waited += 100
    }
  }

  private startStream(res: ApiResponse): StreamHandle {
    const listeners: ((c: Uint8Array) => void)[] = []
    let stop: (() => void) | null = null
    const handle = {
      status: res.status,
      headers: res.headers,
      chunks: [] as Uint8Array[],
      ended: false,
      onData(l: (c: Uint8Array) => void) { listeners.push(l) },
      close() { if (!handle.ended) { handle.ended = true; stop?.() } }
    }
    stop = res.stream!.start({
      write(chunk) {
        if (handle.ended) return
        const bytes = toBytes(chunk)
        handle.chunks.push(bytes)
        for (const l of listeners) l(bytes)
      },
      end() { handle.ended = true }
    })
    res.stream!.inputEnded?.()
    if (handle.ended) stop()
    return handle
  }
}

function bodyOf(res: ApiResponse): Uint8Array {
  if (res.json !== undefined) return encoder.encode(JSON.stringify(res.json) + '\n')
  if (res.text !== undefined) return encoder.encode(res.text)
  return new Uint8Array(0)
}
