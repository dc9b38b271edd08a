// Driving the handler in process for tests: requests, streams consumed while stepping the world.
import { World } from '../sim/index.ts'
import { createEngineHandler } from './handler.ts'
import type { ApiHandler, ApiRequest, ApiResponse } from './types.ts'

const encoder = new TextEncoder()
const decoder = new TextDecoder()

export interface Kit {
  world: World
  api: ApiHandler
  call(method: string, path: string, options?: { query?: Record<string, string>; body?: unknown; raw?: Uint8Array | string; headers?: Record<string, string> }): ApiResponse
}

export function kit(seed = 1, daemon = 'container-host'): Kit {
  const world = new World({ seed })
  const api = createEngineHandler(world, () => daemon)
  return {
    world,
    api,
    call(method, path, options = {}) {
      const req: ApiRequest = { method, path, query: options.query ?? {}, headers: options.headers ?? {} }
      if (options.raw !== undefined) req.body = typeof options.raw === 'string' ? encoder.encode(options.raw) : options.raw
      else if (options.body !== undefined) {
        req.body = encoder.encode(JSON.stringify(options.body) + '\n')
        req.headers = { 'content-type': 'application/json', ...req.headers }
      }
      return api(req)
    }
  }
}

export interface Collected {
  chunks: Uint8Array[]
  ended: boolean
  bytes(): Uint8Array
  text(): string
  stop(): void
}

/** Starts `response.stream` and returns what it has written so far; `run` steps the world until it ends. */
export function open(response: ApiResponse): Collected {
  const chunks: Uint8Array[] = []
  const out: Collected = {
    chunks,
    ended: false,
    bytes() {
      const total = chunks.reduce((n, c) => n + c.length, 0)
      const all = new Uint8Array(total)
      let at = 0
      for (const c of chunks) { all.set(c, at); at += c.length }
      return all
    },
    text() {
      return decoder.decode(out.bytes())
    },
    stop() {}
  }
  if (!response.stream) throw new Error(`not a stream: ${response.status} ${JSON.stringify(response.json)}`)
  out.stop = response.stream.start({
    write(chunk) {
      if (out.ended) return
      chunks.push(typeof chunk === 'string' ? encoder.encode(chunk) : chunk)
    },
    end() {
      out.ended = true
    }
  })
  return out
}

/** Steps the world 100 ms at a time until the stream ends (or `limitMs` of virtual time passed). */
export function run(world: World, collected: Collected, limitMs = 120_000): Collected {
  for (let waited = 0; !collected.ended && waited < limitMs; waited += 100) world.step(100)
  return collected
}

export function drain(world: World, response: ApiResponse, limitMs?: number): Collected {
  return run(world, open(response), limitMs)
}

/** `docker pull IMAGE` to the end. */
export function pull(k: Kit, image: string, tag: string): Collected {
  const res = k.call('POST', '/v1.50/images/create', { query: { fromImage: `docker.io/library/${image}`, tag } })
  if (res.status !== 200) throw new Error(`pull ${image}:${tag}: ${res.status} ${JSON.stringify(res.json)}`)
  return drain(k.world, res)
}

/** The JSON messages of a JSON-lines stream ("\n" or "\r\n" separated). */
export function jsonLines(text: string): Record<string, unknown>[] {
  return text.split(/\r?\n/).filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Record<string, unknown>)
}

/** Decodes multiplexed frames: [stream, payload text] pairs. */
export function frames(bytes: Uint8Array): [number, string][] {
  const out: [number, string][] = []
  let at = 0
  while (at + 8 <= bytes.length) {
    const size = new DataView(bytes.buffer, bytes.byteOffset + at + 4, 4).getUint32(0)
    out.push([bytes[at]!, decoder.decode(bytes.subarray(at + 8, at + 8 + size))])
    at += 8 + size
  }
  return out
}

/** The create body `docker run` sends (protocol §3), with overrides. */
export function runBody(image: string, extra: Record<string, unknown> = {}, hostConfig: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    Hostname: '', User: '', AttachStdin: false, AttachStdout: false, AttachStderr: false, Tty: false, OpenStdin: false, StdinOnce: false,
    Env: null, Cmd: null, Image: image, Volumes: {}, WorkingDir: '', Entrypoint: null, OnBuild: null, Labels: {},
    HostConfig: {
      Binds: null, LogConfig: { Type: '', Config: {} }, NetworkMode: 'default', PortBindings: {}, RestartPolicy: { Name: 'no', MaximumRetryCount: 0 },
      AutoRemove: false, ConsoleSize: [0, 0], Memory: 0, NanoCpus: 0, MemorySwappiness: -1, PidsLimit: 0, CpuShares: 0, Privileged: false,
      CapAdd: null, CapDrop: null, ...hostConfig
    },
    NetworkingConfig: { EndpointsConfig: { default: {} } },
    ...extra
  }
}
