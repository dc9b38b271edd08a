// The engine bridge's main side against a fake page: what main sends is a valid EngineToRenderer message, the
// page's answers become the HTTP side's ApiResponse (complete or streamed), hijacked input flows back, and every
// way a request can be abandoned (no page, a slow page, a client that leaves, the bridge switched off) ends it.
import { request as httpRequest } from 'node:http'
import { createServer, type AddressInfo } from 'node:net'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createEngineServer } from '../engine-api/http/engineServer.ts'
import type { ApiHandler, ApiResponse, StreamSink } from '../engine-api/types.ts'
import { ENGINE_CHUNK_MAX_BYTES, EngineToRendererSchema, type EngineFromRenderer, type EngineToRenderer } from '../shared/engineBridge'
import { EngineBridge, type ListenFunction, type RunningListener } from './engineBridge'

/** A page that records what main sends and answers when the test says so. */
class FakePage {
  readonly received: EngineToRenderer[] = []
  open = true
  bridge: EngineBridge | null = null
  readonly link = {
    send: (message: EngineToRenderer): boolean => {
      if (!this.open) return false
      // main's messages must always fit the contract the page checks
      expect(EngineToRendererSchema.safeParse(message).success).toBe(true)
      this.received.push(message)
      return true
    }
  }
  reply(message: EngineFromRenderer | Record<string, unknown> | string): void {
    this.bridge?.receive(message)
  }
  requests() {
    return this.received.filter((m) => m.kind === 'request')
  }
  last() {
    return this.received[this.received.length - 1]
  }
}

/** A listener that binds nothing: start() succeeds unless the port is in `busy`. */
function fakeListen(busy: number[] = []): ListenFunction & { closed: number } {
  const fn = Object.assign(
    async (_handler: unknown, port: number): Promise<RunningListener> => {
      if (busy.includes(port)) throw Object.assign(new Error(`listen EADDRINUSE: address already in use 127.0.0.1:${port}`), { code: 'EADDRINUSE' })
      return { port, close: async () => void fn.closed++ }
    },
    { closed: 0 }
  )
  return fn
}

async function started(options: { busy?: number[]; headTimeoutMs?: number; startTimeoutMs?: number } = {}) {
  const page = new FakePage()
  const log = vi.fn<(message: string) => void>()
  const listen = fakeListen(options.busy)
  const bridge = new EngineBridge({ link: page.link, listen, log, headTimeoutMs: options.headTimeoutMs ?? 10_000, startTimeoutMs: options.startTimeoutMs ?? 10_000 })
  page.bridge = bridge
  const status = await bridge.start()
  return { page, bridge, log, listen, status }
}

function sinkRecorder() {
  const chunks: string[] = []
  let ended = false
  const sink: StreamSink = {
    write: (chunk) => void chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')),
    end: () => void (ended = true)
  }
  return { sink, chunks, ended: () => ended }
}

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64')

afterEach(() => {
  vi.useRealTimers()
})

describe('EngineBridge (main side)', () => {
  it('listens on 127.0.0.1:23750, or the next free port, and says so', async () => {
    expect((await started()).status).toEqual({ state: 'listening', host: '127.0.0.1', port: 23750 })
    expect((await started({ busy: [23750, 23751] })).status).toEqual({ state: 'listening', host: '127.0.0.1', port: 23752 })
    const full = await started({ busy: Array.from({ length: 10 }, (_, i) => 23750 + i) })
    expect(full.status.state).toBe('failed')
    expect(full.status).toMatchObject({ message: expect.stringContaining('23750–23759') })
  })

  it('starts once however often it is asked, and stops idempotently', async () => {
    const { bridge, listen } = await started()
    await Promise.all([bridge.start(), bridge.start()])
    expect(bridge.status()).toEqual({ state: 'listening', host: '127.0.0.1', port: 23750 })
    expect(await bridge.stop()).toEqual({ state: 'off' })
    expect(await bridge.stop()).toEqual({ state: 'off' })
    expect(listen.closed).toBe(1)
    // switched off, a request that still reaches the handler is answered like an absent daemon
    expect((await bridge.handle({ method: 'GET', path: '/_ping', query: {}, headers: {} })).status).toBe(503)
  })

  it('forwards a request as one validated message and answers with the page\'s JSON', async () => {
    const { page, bridge } = await started()
    const answer = bridge.handle({
      method: 'POST', path: '/v1.50/containers/create', query: { name: 'web' },
      headers: { 'content-type': 'application/json', host: '127.0.0.1:23750' }, body: Buffer.from('{"Image":"nginx:1.27"}')
    })
    const [forwarded] = page.requests()
    expect(forwarded).toEqual({
      kind: 'request', id: 1, method: 'POST', path: '/v1.50/containers/create', query: { name: 'web' },
      headers: { 'content-type': 'application/json', host: '127.0.0.1:23750' }, bodyBase64: b64('{"Image":"nginx:1.27"}'), upgrade: false
    })
    page.reply({ kind: 'head', id: 1, status: 201, headers: { 'Content-Type': 'application/json' }, body: { type: 'json', text: '{"Id":"abc","Warnings":[]}' }, stream: false, upgrade: false })
    const response = await answer
    expect(response).toEqual({ status: 201, headers: { 'Content-Type': 'application/json' }, text: '{"Id":"abc","Warnings":[]}\n' })
    expect(bridge.openRequests).toBe(0)
  })

  it('streams: chunks that come before the HTTP side starts are kept, then written in order; the end ends it', async () => {
    const { page, bridge } = await started()
    const answer = bridge.handle({ method: 'POST', path: '/v1.50/containers/abc/wait', query: {}, headers: {} })
    page.reply({ kind: 'head', id: 1, status: 200, headers: { 'Content-Type': 'application/json' }, body: { type: 'none' }, stream: true, upgrade: false })
    const response: ApiResponse = await answer
    expect(response.status).toBe(200)
    page.reply({ kind: 'chunk', id: 1, dataBase64: b64('early ') })
    const out = sinkRecorder()
    response.stream!.start(out.sink)
    page.reply({ kind: 'chunk', id: 1, dataBase64: b64('{"StatusCode":0}\n') })
    expect(out.ended()).toBe(false)
    page.reply({ kind: 'end', id: 1 })
    expect(out.chunks.join('')).toBe('early {"StatusCode":0}\n')
    expect(out.ended()).toBe(true)
    expect(bridge.openRequests).toBe(0)
    // a chunk after the end belongs to nothing
    page.reply({ kind: 'chunk', id: 1, dataBase64: b64('late') })
    expect(out.chunks.join('')).toBe('early {"StatusCode":0}\n')
  })

  it('a client that leaves cancels the page\'s stream', async () => {
    const { page, bridge } = await started()
    const answer = bridge.handle({ method: 'GET', path: '/v1.50/events', query: {}, headers: {} })
    page.reply({ kind: 'head', id: 1, status: 200, headers: {}, body: { type: 'none' }, stream: true, upgrade: false })
    const out = sinkRecorder()
    const stop = (await answer).stream!.start(out.sink)
    stop()
    expect(page.last()).toEqual({ kind: 'cancel', id: 1 })
    expect(bridge.openRequests).toBe(0)
  })

  it('hijacked connections: the upgrade is flagged, and client bytes go to the page in capped pieces', async () => {
    const { page, bridge } = await started()
    const answer = bridge.handle({ method: 'POST', path: '/v1.50/containers/abc/attach', query: { stream: '1', stdin: '1' }, headers: { connection: 'Upgrade', upgrade: 'tcp' } })
    expect(page.requests()[0]).toMatchObject({ upgrade: true, bodyBase64: null })
    page.reply({ kind: 'head', id: 1, status: 101, headers: { 'Content-Type': 'application/vnd.docker.raw-stream' }, body: { type: 'none' }, stream: true, upgrade: true })
    const response = await answer
    expect(response).toMatchObject({ status: 101, upgrade: true })
    response.stream!.start(sinkRecorder().sink)
    response.stream!.input!(new Uint8Array(ENGINE_CHUNK_MAX_BYTES + 10).fill(65))
    response.stream!.inputEnded!()
    const sent = page.received.slice(1)
    expect(sent.map((m) => m.kind)).toEqual(['input', 'input', 'input-end'])
    const sizes = sent.filter((m) => m.kind === 'input').map((m) => Buffer.from((m as { dataBase64: string }).dataBase64, 'base64').byteLength)
    expect(sizes).toEqual([ENGINE_CHUNK_MAX_BYTES, 10])
  })

  it('answers 503 when there is no page, or when the page does not answer in time (and cancels it)', async () => {
    vi.useFakeTimers()
    const { page, bridge, log } = await started({ headTimeoutMs: 2_000 })
    page.open = false
    const none = await bridge.handle({ method: 'GET', path: '/_ping', query: {}, headers: {} })
    expect(none).toMatchObject({ status: 503, json: { message: expect.stringContaining('window is not open') } })
    page.open = true
    const slow = bridge.handle({ method: 'GET', path: '/v1.50/info', query: {}, headers: {} })
    await vi.advanceTimersByTimeAsync(2_001)
    expect(await slow).toMatchObject({ status: 503, json: { message: expect.stringContaining('did not answer in time') } })
    expect(page.last()).toEqual({ kind: 'cancel', id: 2 })
    expect(log).toHaveBeenCalledWith(expect.stringContaining('no answer'))
    // the page's late answer changes nothing
    page.reply({ kind: 'head', id: 2, status: 200, headers: {}, body: { type: 'json', text: '{}' }, stream: false, upgrade: false })
    expect(bridge.openRequests).toBe(0)
  })

  it('cancels a streamed answer the HTTP side never starts (HEAD, 204, a client gone meanwhile)', async () => {
    vi.useFakeTimers()
    const { page, bridge } = await started({ startTimeoutMs: 1_000 })
    const answer = bridge.handle({ method: 'GET', path: '/v1.50/containers/abc/logs', query: { follow: '1' }, headers: {} })
    page.reply({ kind: 'head', id: 1, status: 200, headers: {}, body: { type: 'none' }, stream: true, upgrade: false })
    const response = await answer
    await vi.advanceTimersByTimeAsync(1_001)
    expect(page.last()).toEqual({ kind: 'cancel', id: 1 })
    const out = sinkRecorder()
    response.stream!.start(out.sink)
    expect(out.ended()).toBe(true)
  })

  it('drops malformed or hostile messages from the page and logs where, never what', async () => {
    const { page, bridge, log } = await started()
    const answer = bridge.handle({ method: 'GET', path: '/v1.50/version', query: {}, headers: {} })
    const base = { kind: 'head', id: 1, body: { type: 'none' }, stream: false, upgrade: false }
    page.reply({ ...base, status: 99, headers: {} })
    page.reply({ ...base, status: 200, headers: { 'X-Evil': 'a\r\nSet-Cookie: x=1' } })
    page.reply({ ...base, status: 200, headers: {}, extra: 'field' })
    page.reply({ kind: 'chunk', id: 1, dataBase64: 'not base64!' })
    page.reply({ kind: 'chunk', id: 1, dataBase64: 'A'.repeat(Math.ceil(ENGINE_CHUNK_MAX_BYTES / 3) * 4 + 4) })
    page.reply('{"kind":"head"}')
    expect(log).toHaveBeenCalledTimes(6)
    expect(log.mock.calls.map((c) => c[0]).join('\n')).not.toContain('Set-Cookie')
    expect(bridge.openRequests).toBe(1)
    // an error from the page before any head is a 500 with its message
    page.reply({ kind: 'error', id: 1, message: 'the world could not answer' })
    expect(await answer).toMatchObject({ status: 500, json: { message: 'the world could not answer' } })
  })

  it('refuses to forward what the contract cannot carry', async () => {
    const { page, bridge } = await started()
    const answer = await bridge.handle({ method: 'GET', path: '/v1.50/info', query: {}, headers: { 'x-bad': 'line\nbreak' } })
    expect(answer.status).toBe(400)
    expect(page.requests()).toHaveLength(0)
  })

  it('switching off, or losing the page, ends whatever is open', async () => {
    const { page, bridge } = await started()
    const waiting = bridge.handle({ method: 'GET', path: '/v1.50/info', query: {}, headers: {} })
    const streaming = bridge.handle({ method: 'GET', path: '/v1.50/events', query: {}, headers: {} })
    page.reply({ kind: 'head', id: 2, status: 200, headers: {}, body: { type: 'none' }, stream: true, upgrade: false })
    const out = sinkRecorder()
    ;(await streaming).stream!.start(out.sink)
    bridge.rendererGone()
    expect(await waiting).toMatchObject({ status: 503 })
    expect(out.ended()).toBe(true)
    expect(page.received.filter((m) => m.kind === 'cancel').map((m) => m.id).sort()).toEqual([1, 2])
    expect(bridge.openRequests).toBe(0)
  })
})

/** Whether src/engine-api's node:http adapter awaits a handler that returns a promise (what the bridge needs). */
async function adapterAwaitsPromises(): Promise<boolean> {
  const handler = (async () => ({ status: 200, headers: {}, text: 'OK' })) as unknown as ApiHandler
  const engine = await createEngineServer(handler, { onError: () => {} }).listen(0)
  try {
    return (await get(engine.port, '/_ping')).status === 200
  } finally {
    await engine.close()
  }
}

function get(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers: { host: `127.0.0.1:${port}` } }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  await new Promise((resolve) => server.close(resolve))
  return port
}

describe.skipIf(!(await adapterAwaitsPromises()))('EngineBridge over real HTTP (needs the engine-api adapter to await async handlers)', () => {
  it('a docker client\'s request reaches the page and the page\'s answer reaches the client', async () => {
    const page = new FakePage()
    const bridge = new EngineBridge({ link: page.link, log: () => {} })
    page.bridge = bridge
    const status = await bridge.start(await freePort())
    expect(status.state).toBe('listening')
    const port = (status as { port: number }).port
    try {
      const reply = get(port, '/v1.50/version')
      await vi.waitFor(() => expect(page.requests()).toHaveLength(1))
      expect(page.requests()[0]).toMatchObject({ method: 'GET', path: '/v1.50/version' })
      page.reply({ kind: 'head', id: 1, status: 200, headers: { 'Content-Type': 'application/json' }, body: { type: 'json', text: '{"ApiVersion":"1.50"}' }, stream: false, upgrade: false })
      expect(await reply).toEqual({ status: 200, body: '{"ApiVersion":"1.50"}\n' })
    } finally {
      await bridge.stop()
    }
  })
})
