import { Buffer } from 'node:buffer'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiHandler, ApiResponse } from '../types.ts'
import { createEngineServer, type ListeningEngine } from './engineServer.ts'
import { openSocket, parseResponses, rawExchange, send } from './testSupport.ts'

/** Finite answers only, so that every exchange ends: text, JSON, a short stream, a short hijack, an exception. */
const handler: ApiHandler = (req): ApiResponse => {
  const path = req.path.replace(/^\/v[0-9.]+/, '')
  if (path === '/_ping') return { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, text: 'OK' }
  if (path === '/echo') return { status: 200, headers: {}, json: { method: req.method, path: req.path, query: req.query, size: req.body?.byteLength ?? 0 } }
  if (path === '/boom') throw new Error('boom')
  if (path === '/events') {
    return { status: 200, headers: { 'Content-Type': 'application/json' }, stream: { start: (sink) => { sink.write('{"Action":"start"}\n'); sink.end(); return () => {} } } }
  }
  if (/\/(attach|start)$/.test(path)) {
    return {
      status: 101,
      headers: { 'Content-Type': 'application/vnd.docker.multiplexed-stream' },
      upgrade: true,
      stream: { start: (sink) => { sink.write(new Uint8Array([1, 0, 0, 0, 0, 0, 0, 3, 104, 105, 10])); sink.end(); return () => {} } }
    }
  }
  return { status: 404, headers: { 'Content-Type': 'application/json' }, json: { message: 'page not found' } }
}

const errors: string[] = []
let engine: ListeningEngine
let port: number

beforeAll(async () => {
  engine = await createEngineServer(handler, {
    headersTimeoutMs: 1_000,
    requestTimeoutMs: 1_500,
    connectionsCheckingIntervalMs: 250,
    onError: (e, context) => errors.push(`${context}: ${e instanceof Error ? e.message : String(e)}`)
  }).listen(0)
  port = engine.port
})
afterAll(async () => {
  await engine.close()
})

const te = new TextEncoder()

const methodArb = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom('GET', 'GET', 'HEAD', 'POST', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'TRACE', 'CONNECT') },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z_-]{1,8}$/) }
)
const pathChars = 'abcxyz019/%?#:=&+-._~ é\u0000\u007f\u00ff\t'.split('')
const pathArb = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.constantFrom(
      '/_ping', '/v1.50/_ping', '/v1.50/echo?all=1&filters=%7B%22a%22%3A1%7D', '/echo?x=%zz', '/v1.50/boom', '/v1.50/events',
      '/v1.50/containers/web/attach?stream=1&stdout=1', '/v1.50/exec/abc/start', '/v1.50/build', '/v1.50/images/docker.io/library/nginx:1.27/json',
      '*', 'http://127.0.0.1/_ping', '', '//', '/%2F%2f/..'
    )
  },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...pathChars), maxLength: 40 }).map((s) => `/${s}`) }
)
const headerNameArb = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('Content-Type', 'X-Test', 'Accept', 'User-Agent', 'Expect', 'Connection', 'Upgrade', 'Origin', 'Sec-Fetch-Site', 'Transfer-Encoding', 'Content-Length', 'Host') },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...'abcXYZ-_:;@ \t\u0001é'.split('')), minLength: 1, maxLength: 10 }) }
)
const headerValueArb = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('application/json', 'tcp', 'Upgrade', 'close', 'keep-alive', 'chunked', '100-continue', 'http://evil.example', '0', '12', 'x') },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...'abc 019,;=\t\u0000\u0001\u007fé\r\n'.split('')), maxLength: 20 }) }
)

interface Shape {
  method: string
  path: string
  version: string
  host: 'good' | 'none' | 'evil' | 'other-port' | 'ipv6'
  headers: [string, string][]
  body: Uint8Array
  framing: 'exact' | 'none' | 'short' | 'long' | 'chunked' | 'bad-chunked'
  upgrade: boolean
  trailing: Uint8Array | null
}

const shapeArb: fc.Arbitrary<Shape> = fc.record({
  method: methodArb,
  path: pathArb,
  version: fc.oneof({ weight: 12, arbitrary: fc.constant('HTTP/1.1') }, { weight: 1, arbitrary: fc.constantFrom('HTTP/1.0', 'HTTP/2.0', 'HTTP/1.1 ', 'http/1.1') }),
  host: fc.oneof({ weight: 8, arbitrary: fc.constant<Shape['host']>('good') }, { weight: 1, arbitrary: fc.constantFrom<Shape['host']>('none', 'evil', 'other-port', 'ipv6') }),
  headers: fc.array(fc.tuple(headerNameArb, headerValueArb), { maxLength: 4 }),
  body: fc.uint8Array({ maxLength: 3_000 }),
  framing: fc.oneof({ weight: 6, arbitrary: fc.constantFrom<Shape['framing']>('exact', 'none', 'chunked') }, { weight: 1, arbitrary: fc.constantFrom<Shape['framing']>('short', 'long', 'bad-chunked') }),
  upgrade: fc.boolean(),
  trailing: fc.oneof({ weight: 5, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 100 }) })
})

function build(shape: Shape, targetPort: number): Buffer {
  const lines = [`${shape.method} ${shape.path} ${shape.version}`]
  if (shape.host === 'good') lines.push(`Host: 127.0.0.1:${targetPort}`)
  if (shape.host === 'evil') lines.push(`Host: evil.example:${targetPort}`)
  if (shape.host === 'other-port') lines.push('Host: 127.0.0.1:1')
  if (shape.host === 'ipv6') lines.push(`Host: [::1]:${targetPort}`)
  if (shape.upgrade) lines.push('Connection: Upgrade', 'Upgrade: tcp')
  for (const [name, value] of shape.headers) lines.push(`${name}: ${value}`)
  let body: Uint8Array = shape.body
  if (shape.framing === 'exact') lines.push(`Content-Length: ${body.length}`)
  if (shape.framing === 'short') lines.push(`Content-Length: ${Math.floor(body.length / 2)}`)
  if (shape.framing === 'long') lines.push(`Content-Length: ${body.length + 10}`)
  if (shape.framing === 'chunked' || shape.framing === 'bad-chunked') {
    lines.push('Transfer-Encoding: chunked')
    const size = shape.framing === 'chunked' ? body.length.toString(16) : 'zz'
    body = Buffer.concat([te.encode(`${size}\r\n`), body, te.encode('\r\n0\r\n\r\n')])
  }
  const head = Buffer.from(lines.join('\r\n') + '\r\n\r\n', 'latin1')
  return Buffer.concat([head, body, shape.trailing ?? new Uint8Array()])
}

const inputArb = fc.record({
  what: fc.oneof(
    { weight: 6, arbitrary: shapeArb.map((shape) => ({ kind: 'request' as const, shape })) },
    { weight: 1, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 600 }).map((bytes) => ({ kind: 'garbage' as const, bytes })) }
  ),
  // where the bytes are cut into separately sent pieces
  cuts: fc.oneof({ weight: 3, arbitrary: fc.constant<number[]>([]) }, { weight: 1, arbitrary: fc.array(fc.nat({ max: 400 }), { maxLength: 3 }) })
})

describe('robustness', () => {
  it('never crashes: every answer is well-formed HTTP, errors are JSON {"message"}, no CORS header', async () => {
    let answered = 0
    let runs = 0
    await fc.assert(
      fc.asyncProperty(inputArb, async ({ what: input, cuts }) => {
        runs++
        const bytes = input.kind === 'request' ? build(input.shape, port) : Buffer.from(input.bytes)
        const isHead = input.kind === 'request' && input.shape.method === 'HEAD'
        const result = await rawExchange(port, bytes, { end: true, timeoutMs: 4_000, cuts })
        expect(result.timedOut).toBe(false)
        const parsed = parseResponses(result.data, { headRequests: isHead })
        expect(parsed.malformed).toBe(false)
        if (parsed.responses.length > 0) answered++
        for (const response of parsed.responses) {
          expect(response.status).toBeGreaterThanOrEqual(100)
          expect(response.status).toBeLessThan(600)
          expect(response.rawHead).not.toMatch(/\r\naccess-control-/i)
          if (response.status === 101) {
            expect(response.rawHead).toBe('HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker.multiplexed-stream\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n')
            continue
          }
          if (response.status < 200) continue
          expect(response.headers['api-version']).toBe('1.50')
          if (response.status >= 400 && response.body.length > 0) {
            const error = JSON.parse(response.body.toString('utf8')) as { message?: unknown }
            expect(typeof error.message).toBe('string')
          } else if ((response.headers['content-type'] ?? '').includes('json')) {
            for (const line of response.body.toString('utf8').split('\n').filter((l) => l.trim() !== '')) JSON.parse(line)
          }
        }
        // and the server still answers
        const ping = await send(port, { path: '/_ping' })
        expect(ping.status).toBe(200)
      }),
      { numRuns: 400, seed: 20261129 }
    )
    expect(answered).toBeGreaterThan(runs / 2)
    expect(errors.filter((e) => !e.includes('boom'))).toEqual([])
  }, 25_000)
})

describe('default timeouts', () => {
  it('cuts a slow-loris client off within the 5 s header timeout of a default server', async () => {
    const server = await createEngineServer(handler).listen(0)
    try {
      const socket = await openSocket(server.port)
      socket.on('error', () => {})
      const started = Date.now()
      const line = `GET /_ping HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nX-Slow: ${'a'.repeat(200)}`
      let i = 0
      const drip = setInterval(() => {
        if (!socket.destroyed && i < line.length) socket.write(line[i++] ?? '')
      }, 150)
      let received = ''
      socket.on('data', (c: Buffer) => (received += c.toString('latin1')))
      socket.on('end', () => socket.end())
      const elapsed = await new Promise<number>((resolve) => socket.on('close', () => resolve(Date.now() - started)))
      clearInterval(drip)
      expect(elapsed).toBeGreaterThan(4_000)
      expect(elapsed).toBeLessThan(7_500)
      expect(received).toMatch(/^HTTP\/1\.1 408 /)
    } finally {
      await server.close()
    }
  }, 12_000)
})
