// The engine bridge's IPC contract. In the desktop app main serves the Engine API on 127.0.0.1 for a real docker
// CLI, but the world lives in the renderer: main forwards each HTTP request to the page and the page streams the
// answer back. Every message either way is checked with these schemas (main parses what the page sends, the page
// parses what main sends); sizes are capped so a message can never carry more than the HTTP side accepted.
//
//   main → renderer (CHANNELS.engineToRenderer)
//     request    {id, method, path, query, headers, bodyBase64|null, upgrade}   one HTTP request
//     input      {id, dataBase64}     bytes the client wrote on a hijacked (attach/exec) connection
//     input-end  {id}                 the client half-closed its side
//     cancel     {id}                 the client went away, or main gave up: stop the stream
//   renderer → main (CHANNELS.engineFromRenderer)
//     head       {id, status, headers, body, stream, upgrade}   the response head (and the whole body if not streamed)
//     chunk      {id, dataBase64}     one piece of a streamed body (at most ENGINE_CHUNK_MAX_BYTES)
//     end        {id}                 the stream ended
//     error      {id, message}        the page could not answer (main replies 500 if no head went out yet)
import { z } from 'zod'

const MiB = 1024 * 1024

/** The first port the bridge tries; it counts up from here when a port is taken. */
export const ENGINE_BRIDGE_PORT = 23750
export const ENGINE_BRIDGE_PORT_ATTEMPTS = 10
/** The HTTP side caps a build context at 64 MiB; a forwarded body can be no bigger. */
export const ENGINE_REQUEST_BODY_MAX_BYTES = 64 * MiB
/** One streamed chunk, either way; bigger writes are split. */
export const ENGINE_CHUNK_MAX_BYTES = 1 * MiB
/** A complete (non-streamed) response body: dockerd's biggest JSON answers (inspect, info) are a few KiB. */
export const ENGINE_RESPONSE_BODY_MAX_BYTES = 16 * MiB

const base64Chars = (bytes: number): number => Math.ceil(bytes / 3) * 4

const RequestId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)
const HeaderName = z.string().min(1).max(128).regex(/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/)
// visible ASCII, space, tab and obs-text: never CR, LF or NUL (no header injection through the bridge)
const HeaderValue = z.string().max(8192).regex(/^[\t\x20-\x7e\x80-\xff]*$/)
const Headers = z.record(HeaderName, HeaderValue).refine((h) => Object.keys(h).length <= 100, 'at most 100 headers')
const Query = z.record(z.string().max(256), z.string().max(64 * 1024)).refine((q) => Object.keys(q).length <= 100, 'at most 100 query parameters')
const Base64 = (maxBytes: number) => z.base64().max(base64Chars(maxBytes))

export const EngineRequestMessageSchema = z.strictObject({
  kind: z.literal('request'),
  id: RequestId,
  method: z.string().regex(/^[A-Z]{1,10}$/),
  path: z.string().min(1).max(4096).startsWith('/'),
  query: Query,
  headers: Headers,
  bodyBase64: Base64(ENGINE_REQUEST_BODY_MAX_BYTES).nullable(),
  upgrade: z.boolean()
})

export const EngineToRendererSchema = z.discriminatedUnion('kind', [
  EngineRequestMessageSchema,
  z.strictObject({ kind: z.literal('input'), id: RequestId, dataBase64: Base64(ENGINE_CHUNK_MAX_BYTES).min(1) }),
  z.strictObject({ kind: z.literal('input-end'), id: RequestId }),
  z.strictObject({ kind: z.literal('cancel'), id: RequestId })
])

export const EngineResponseBodySchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('none') }),
  /** JSON text, as dockerd would encode it (main parses it back into a value for the HTTP writer) */
  z.strictObject({ type: z.literal('json'), text: z.string().max(ENGINE_RESPONSE_BODY_MAX_BYTES) }),
  z.strictObject({ type: z.literal('text'), text: z.string().max(ENGINE_RESPONSE_BODY_MAX_BYTES) })
])

export const EngineFromRendererSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('head'),
    id: RequestId,
    status: z.number().int().min(101).max(599),
    headers: Headers,
    body: EngineResponseBodySchema,
    /** chunks and an end follow */
    stream: z.boolean(),
    /** answer with 101 UPGRADED and carry raw bytes both ways (attach, exec start) */
    upgrade: z.boolean()
  }),
  z.strictObject({ kind: z.literal('chunk'), id: RequestId, dataBase64: Base64(ENGINE_CHUNK_MAX_BYTES).min(1) }),
  z.strictObject({ kind: z.literal('end'), id: RequestId }),
  z.strictObject({ kind: z.literal('error'), id: RequestId, message: z.string().max(2000) })
])

export const EngineBridgeStatusSchema = z.discriminatedUnion('state', [
  z.strictObject({ state: z.literal('off') }),
  z.strictObject({ state: z.literal('listening'), host: z.literal('127.0.0.1'), port: z.number().int().min(1).max(65535) }),
  z.strictObject({ state: z.literal('failed'), message: z.string().max(2000) })
])

export const EngineStartRequestSchema = z.strictObject({
  /** the first port to try; default ENGINE_BRIDGE_PORT. Unprivileged ports only. */
  port: z.number().int().min(1024).max(65535).optional()
})

export type EngineRequestMessage = z.infer<typeof EngineRequestMessageSchema>
export type EngineToRenderer = z.infer<typeof EngineToRendererSchema>
export type EngineFromRenderer = z.infer<typeof EngineFromRendererSchema>
export type EngineResponseBody = z.infer<typeof EngineResponseBodySchema>
export type EngineBridgeStatus = z.infer<typeof EngineBridgeStatusSchema>
export type EngineStartRequest = z.infer<typeof EngineStartRequestSchema>

/** The line a person pastes into their own shell. */
export function dockerHostLine(port: number): string {
  return `export DOCKER_HOST=tcp://127.0.0.1:${port}`
}
