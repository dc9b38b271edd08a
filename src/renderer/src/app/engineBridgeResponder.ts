// The engine bridge, the page's side: main forwards a real docker CLI's HTTP requests (shared/engineBridge.ts);
// this answers each one with the Engine API handler over the page's world, exactly as `npm run engine` does
// headless, and streams the answer back: the head, then chunks and an end. Bytes the client writes on a hijacked
// connection come in as `input`. Everything main sends is parsed first; anything else is ignored.
import { z } from 'zod'
import type { World } from '../../../sim/index.ts'
import { createEngineHandler } from '../../../engine-api/handler.ts'
import { jsonText } from '../../../engine-api/streams.ts'
import type { ApiHandler, ApiRequest, ApiResponse, ApiStream } from '../../../engine-api/types.ts'
import {
  ENGINE_CHUNK_MAX_BYTES,
  EngineToRendererSchema,
  dockerHostLine,
  type EngineBridgeStatus,
  type EngineRequestMessage,
  type EngineResponseBody
} from '../../../shared/engineBridge'
import type { EngineBridgePort } from '../platform/Platform'
import type { RequestTrace } from './requestTrace'

// The page's CSP has no 'unsafe-eval': zod must not probe for `new Function` (its JIT), which the browser reports as a
// CSP violation even though zod catches it. Global, and harmless for every other schema in the page.
z.config({ jitless: true })

/** The daemon a real CLI reaches: the container stack's, as `npm run engine` serves it. */
export const BRIDGED_DAEMON = 'container-host'

const encoder = new TextEncoder()

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

export function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text)
  const out = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i)
  return out
}

interface OpenStream {
  stream: ApiStream
  stop: (() => void) | null
}

export class EngineBridgeResponder {
  private readonly open = new Map<number, OpenStream>()
  private handler: ApiHandler | null = null
  private handlerWorld: World | null = null
  private unsubscribe: () => void = () => {}
  private port: number | null = null

  constructor(
    private readonly bridge: EngineBridgePort,
    private readonly world: () => World,
    private readonly trace: RequestTrace
  ) {}

  /** Starts the server in main and answers what it forwards. */
  async start(): Promise<EngineBridgeStatus> {
    this.listen()
    const status = await this.bridge.start({})
    this.port = status.state === 'listening' ? status.port : null
    if (status.state !== 'listening') this.stopListening()
    return status
  }

  async stop(): Promise<EngineBridgeStatus> {
    const status = await this.bridge.stop()
    this.stopListening()
    this.port = null
    return status
  }

  /** What main says now (after a reload the page asks: main stops the bridge when the page navigates). */
  async status(): Promise<EngineBridgeStatus> {
    const status = await this.bridge.status()
    if (status.state === 'listening') {
      this.port = status.port
      this.listen()
    }
    return status
  }

  /** "a real docker CLI → tcp://127.0.0.1:23750" while listening */
  get endpoint(): string | null {
    return this.port === null ? null : `tcp://127.0.0.1:${this.port}`
  }

  get exportLine(): string | null {
    return this.port === null ? null : dockerHostLine(this.port)
  }

  /** Handles one message from main; exposed for the tests. */
  receive(raw: unknown): void {
    const parsed = EngineToRendererSchema.safeParse(raw)
    if (!parsed.success) return
    const message = parsed.data
    switch (message.kind) {
      case 'request':
        this.answer(message)
        return
      case 'input': {
        const open = this.open.get(message.id)
        open?.stream.input?.(base64ToBytes(message.dataBase64))
        return
      }
      case 'input-end':
        this.open.get(message.id)?.stream.inputEnded?.()
        return
      case 'cancel': {
        const open = this.open.get(message.id)
        this.open.delete(message.id)
        open?.stop?.()
        return
      }
    }
  }

  dispose(): void {
    this.stopListening()
  }

  private listen(): void {
    this.unsubscribe()
    this.unsubscribe = this.bridge.onMessage((message) => this.receive(message))
  }

  private stopListening(): void {
    this.unsubscribe()
    this.unsubscribe = () => {}
    for (const open of this.open.values()) open.stop?.()
    this.open.clear()
  }

  /** One handler per world; virtual time 0 sits where wall-clock now minus the world's clock is, as `npm run engine`. */
  private handlerFor(world: World): ApiHandler {
    if (this.handler && this.handlerWorld === world) return this.handler
    this.handlerWorld = world
    this.handler = createEngineHandler(world, () => BRIDGED_DAEMON, { epochMs: Date.now() - world.clockMs })
    return this.handler
  }

  private answer(message: EngineRequestMessage): void {
    const { id } = message
    const request: ApiRequest = {
      method: message.method,
      path: message.path,
      query: message.query,
      headers: message.headers,
      ...(message.bodyBase64 ? { body: base64ToBytes(message.bodyBase64) } : {})
    }
    let response: ApiResponse
    this.trace.beginExternal({ clientTitle: 'a real docker CLI', hostUrl: this.endpoint ?? 'tcp://127.0.0.1' })
    try {
      response = this.handlerFor(this.world())(request)
    } catch (error) {
      // the handler never throws; if it ever did, the client gets dockerd's kind of error
      this.trace.endExternal()
      this.bridge.send({ kind: 'error', id, message: error instanceof Error ? error.message : String(error) })
      return
    }
    const entry = this.trace.endExternal()
    if (entry) this.trace.enrich(entry, request, response)

    // the HTTP side writes no body for HEAD, 204 and 304: a stream there would never be read
    const streamed = response.stream !== undefined && message.method !== 'HEAD' && response.status !== 204 && response.status !== 304
    this.bridge.send({
      kind: 'head',
      id,
      status: response.status,
      headers: response.headers,
      body: streamed ? { type: 'none' } : bodyOf(response),
      stream: streamed,
      upgrade: response.upgrade === true
    })
    if (!streamed) return
    const stream = response.stream!
    const open: OpenStream = { stream, stop: null }
    this.open.set(id, open)
    let ended = false
    const stop = stream.start({
      write: (chunk) => {
        if (ended) return
        const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk
        for (let at = 0; at < bytes.byteLength; at += ENGINE_CHUNK_MAX_BYTES) {
          const piece = bytes.subarray(at, at + ENGINE_CHUNK_MAX_BYTES)
          if (piece.byteLength > 0) this.bridge.send({ kind: 'chunk', id, dataBase64: bytesToBase64(piece) })
        }
      },
      end: () => {
        if (ended) return
        ended = true
        this.open.delete(id)
        this.bridge.send({ kind: 'end', id })
      }
    })
    if (ended) return
    open.stop = () => {
      ended = true
      stop()
    }
  }
}

function bodyOf(response: ApiResponse): EngineResponseBody {
  if (response.json !== undefined) return { type: 'json', text: jsonText(response.json) }
  if (typeof response.text === 'string') return { type: 'text', text: response.text }
  return { type: 'none' }
}
