// Both halves of the engine bridge joined as Electron joins them (main's EngineBridge ↔ IPC ↔ the page's
// responder over its World), minus Electron: every message crosses as a structured clone of plain data, and is
// checked by the receiving side's schema. Then, where src/engine-api's HTTP adapter awaits asynchronous handlers,
// the same over real HTTP on 127.0.0.1.
import { request as httpRequest } from 'node:http'
import { describe, expect, it } from 'vitest'
import { World } from '../../src/sim/index.ts'
import { Shell } from '../../src/cli/Shell.ts'
import { createEngineServer } from '../../src/engine-api/http/engineServer.ts'
import type { ApiHandler, StreamSink } from '../../src/engine-api/types.ts'
import { EngineBridge } from '../../src/main/engineBridge.ts'
import { EngineBridgeResponder } from '../../src/renderer/src/app/engineBridgeResponder.ts'
import { RequestTrace } from '../../src/renderer/src/app/requestTrace.ts'

function joined() {
  const world = new World({ seed: 1 })
  const trace = new RequestTrace()
  trace.attach(world)
  let toPage: ((message: unknown) => void) | null = null
  let bridge: EngineBridge | null = null
  const responder = new EngineBridgeResponder({
    start: () => bridge!.start(),
    stop: () => bridge!.stop(),
    status: async () => bridge!.status(),
    send: (message) => queueMicrotask(() => bridge!.receive(structuredClone(message))),
    onMessage: (callback) => {
      toPage = callback
      return () => {
        toPage = null
      }
    }
  }, () => world, trace)
  bridge = new EngineBridge({
    link: {
      send: (message) => {
        if (!toPage) return false
        const deliver = toPage
        queueMicrotask(() => deliver(structuredClone(message)))
        return true
      }
    },
    listen: async (_handler, port) => ({ port, close: async () => {} }),
    log: () => {}
  })
  return { world, trace, bridge, responder, shell: new Shell(world) }
}

const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value))

describe('engine bridge, main ↔ page, in process', () => {
  it('a real CLI\'s docker run: create, start, wait, ps; the container is in the world and the trace', async () => {
    const t = joined()
    await t.responder.start()
    await t.shell.run('docker pull nginx:1.27')
    const created = await t.bridge.handle({ method: 'POST', path: '/v1.50/containers/create', query: { name: 'web' }, headers: { 'content-type': 'application/json' }, body: json({ Image: 'nginx:1.27' }) })
    expect(created.status).toBe(201)
    const id = (JSON.parse(String(created.text)) as { Id: string }).Id

    const wait = await t.bridge.handle({ method: 'POST', path: `/v1.50/containers/${id}/wait`, query: { condition: 'next-exit' }, headers: {} })
    expect(wait.status).toBe(200)
    const chunks: string[] = []
    let ended = false
    const sink: StreamSink = { write: (c) => void chunks.push(typeof c === 'string' ? c : new TextDecoder().decode(c)), end: () => void (ended = true) }
    wait.stream!.start(sink)

    expect((await t.bridge.handle({ method: 'POST', path: `/v1.50/containers/${id}/start`, query: {}, headers: {} })).status).toBe(204)
    t.world.step(2000)
    const ps = await t.bridge.handle({ method: 'GET', path: '/v1.50/containers/json', query: {}, headers: {} })
    expect(JSON.parse(String(ps.text))).toEqual([expect.objectContaining({ Names: ['/web'], State: 'running' })])

    await t.shell.run('docker stop web')
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(ended).toBe(true)
    expect(JSON.parse(chunks.join(''))).toMatchObject({ StatusCode: 0 })
    expect(t.bridge.openRequests).toBe(0)
    expect(t.trace.all().filter((r) => r.source === 'engine-bridge').map((r) => `${r.method} ${r.route} ${r.status}`)).toEqual([
      'POST /containers/create 201', 'POST /containers/{id}/wait 200', 'POST /containers/{id}/start 204', 'GET /containers/json 200'
    ])
  })

  it('a client that leaves mid-stream stops the page\'s stream', async () => {
    const t = joined()
    await t.responder.start()
    const events = await t.bridge.handle({ method: 'GET', path: '/v1.50/events', query: {}, headers: {} })
    const chunks: unknown[] = []
    const stop = events.stream!.start({ write: (c) => void chunks.push(c), end: () => {} })
    await t.shell.run('docker pull alpine:3.20')
    await new Promise((resolve) => setTimeout(resolve, 0))
    const seen = chunks.length
    expect(seen).toBeGreaterThan(0)
    stop()
    await new Promise((resolve) => setTimeout(resolve, 0))
    await t.shell.run('docker pull busybox:1.36')
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(chunks).toHaveLength(seen)
  })
})

/** Whether src/engine-api's node:http adapter awaits a handler that returns a promise (what the bridge needs). */
async function adapterAwaitsPromises(): Promise<boolean> {
  const engine = await createEngineServer((async () => ({ status: 200, headers: {}, text: 'OK' })) as unknown as ApiHandler, { onError: () => {} }).listen(0)
  try {
    return (await http(engine.port, 'GET', '/_ping')).status === 200
  } finally {
    await engine.close()
  }
}

function http(port: number, method: string, path: string, body?: unknown): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body)
    const req = httpRequest({ host: '127.0.0.1', port, path, method, headers: { host: `127.0.0.1:${port}`, ...(data ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(data)) } : {}) } }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (text += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }))
    })
    req.on('error', reject)
    req.end(data)
  })
}

describe.skipIf(!(await adapterAwaitsPromises()))('engine bridge over real HTTP (needs the engine-api adapter to await async handlers)', () => {
  it('a client on 127.0.0.1 creates and starts a container in the page\'s world', async () => {
    const world = new World({ seed: 1 })
    await new Shell(world).run('docker pull nginx:1.27')
    let toPage: ((message: unknown) => void) | null = null
    let bridge: EngineBridge | null = null
    const responder = new EngineBridgeResponder({
      start: () => bridge!.start(40_000 + Math.floor(Math.random() * 20_000)),
      stop: () => bridge!.stop(),
      status: async () => bridge!.status(),
      send: (message) => setImmediate(() => bridge!.receive(structuredClone(message))),
      onMessage: (callback) => ((toPage = callback), () => (toPage = null))
    }, () => world, new RequestTrace())
    bridge = new EngineBridge({ link: { send: (m) => (toPage ? (setImmediate(() => toPage?.(structuredClone(m))), true) : false) }, log: () => {} })
    const status = await responder.start()
    expect(status.state).toBe('listening')
    const port = (status as { port: number }).port
    try {
      const created = await http(port, 'POST', '/v1.50/containers/create?name=web', { Image: 'nginx:1.27' })
      expect(created.status).toBe(201)
      expect((await http(port, 'POST', '/v1.50/containers/web/start')).status).toBe(204)
      world.step(2000)
      const ps = await http(port, 'GET', '/v1.50/containers/json')
      expect(JSON.parse(ps.body)).toEqual([expect.objectContaining({ Names: ['/web'], State: 'running' })])
    } finally {
      await responder.stop()
    }
  })
})
