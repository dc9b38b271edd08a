// The page's side of the engine bridge against a fake main: each forwarded request is answered by the Engine API
// handler over a real World, heads and chunks go back as valid EngineFromRenderer messages, streams end with the
// world's events or a cancel, and every answered request lands in the trace with its query and bodies.
import { describe, expect, it } from 'vitest'
import { World } from '../../../sim/index.ts'
import { Shell } from '../../../cli/Shell.ts'
import { EngineFromRendererSchema, type EngineFromRenderer, type EngineToRenderer } from '../../../shared/engineBridge'
import type { EngineBridgePort } from '../platform/Platform'
import { EngineBridgeResponder, base64ToBytes, bytesToBase64 } from './engineBridgeResponder'
import { RequestTrace } from './requestTrace'

function setup() {
  const world = new World({ seed: 1 })
  const trace = new RequestTrace()
  trace.attach(world)
  const sent: EngineFromRenderer[] = []
  let listener: ((message: unknown) => void) | null = null
  const port: EngineBridgePort = {
    start: async () => ({ state: 'listening', host: '127.0.0.1', port: 23751 }),
    stop: async () => ({ state: 'off' }),
    status: async () => ({ state: 'off' }),
    send: (message) => {
      // what the page sends must pass main's check
      expect(EngineFromRendererSchema.safeParse(message).success).toBe(true)
      sent.push(message)
    },
    onMessage: (callback) => {
      listener = callback
      return () => {
        listener = null
      }
    }
  }
  const responder = new EngineBridgeResponder(port, () => world, trace)
  let id = 0
  const deliver = (message: unknown): void => listener?.(message)
  const request = (method: string, path: string, query: Record<string, string> = {}, body?: unknown, upgrade = false): number => {
    const message: EngineToRenderer = {
      kind: 'request', id: ++id, method, path, query, headers: body === undefined ? {} : { 'content-type': 'application/json' },
      bodyBase64: body === undefined ? null : bytesToBase64(new TextEncoder().encode(JSON.stringify(body))), upgrade
    }
    deliver(message)
    return id
  }
  const of = (requestId: number) => sent.filter((m) => m.id === requestId)
  const text = (requestId: number) => of(requestId).filter((m) => m.kind === 'chunk').map((m) => new TextDecoder().decode(base64ToBytes((m as { dataBase64: string }).dataBase64))).join('')
  return { world, trace, sent, responder, deliver, request, of, text, shell: new Shell(world) }
}

describe('EngineBridgeResponder (the page side)', () => {
  it('answers once started, and records a real CLI\'s request with its query and bodies', async () => {
    const t = setup()
    t.request('GET', '/_ping')
    expect(t.sent).toHaveLength(0) // not listening yet
    expect(await t.responder.start()).toEqual({ state: 'listening', host: '127.0.0.1', port: 23751 })
    expect(t.responder.exportLine).toBe('export DOCKER_HOST=tcp://127.0.0.1:23751')
    await t.shell.run('docker pull nginx:1.27')
    const id = t.request('POST', '/v1.50/containers/create', { name: 'web' }, { Image: 'nginx:1.27', Tty: false })
    const [head] = t.of(id)
    expect(head).toMatchObject({ kind: 'head', status: 201, stream: false, upgrade: false, body: { type: 'json' } })
    const created = JSON.parse((head as { body: { text: string } }).body.text) as { Id: string }
    expect(t.world.state.daemons[0]!.containers.find((c) => c.name === 'web')?.id).toBe(created.Id)
    const entry = t.trace.all().at(-1)!
    expect(entry).toMatchObject({
      source: 'engine-bridge', clientTitle: 'a real docker CLI', hostUrl: 'tcp://127.0.0.1:23751', route: '/containers/create', status: 201,
      fullPath: '/v1.50/containers/create', query: { name: 'web' }, containerName: 'web', requestSummary: '{ Image: "nginx:1.27", Tty: false }'
    })
    expect(entry.responseSummary).toContain(created.Id.slice(0, 12))
  })

  it('streams: POST /wait sends its head at once and its status when the container stops', async () => {
    const t = setup()
    await t.responder.start()
    await t.shell.run('docker run -d --name web nginx:1.27')
    t.world.step(1000)
    const id = t.request('POST', '/v1.50/containers/web/wait', { condition: 'not-running' })
    expect(t.of(id)).toEqual([expect.objectContaining({ kind: 'head', status: 200, stream: true, body: { type: 'none' } })])
    await t.shell.run('docker kill web')
    t.world.step(500)
    expect(t.of(id).map((m) => m.kind)).toEqual(['head', 'chunk', 'end'])
    expect(JSON.parse(t.text(id))).toMatchObject({ StatusCode: 137 })
  })

  it('a cancel from main stops the stream; HEAD and 204 answers carry no stream', async () => {
    const t = setup()
    await t.responder.start()
    const events = t.request('GET', '/v1.50/events')
    expect(t.of(events)[0]).toMatchObject({ kind: 'head', stream: true })
    await t.shell.run('docker pull alpine:3.20')
    const before = t.of(events).length
    expect(before).toBeGreaterThan(1)
    t.deliver({ kind: 'cancel', id: events })
    await t.shell.run('docker pull busybox:1.36')
    expect(t.of(events)).toHaveLength(before)
    const ping = t.request('HEAD', '/_ping')
    expect(t.of(ping)).toEqual([expect.objectContaining({ kind: 'head', status: 200, stream: false })])
  })

  it('ignores anything that is not a message of the contract, and stops answering when stopped', async () => {
    const t = setup()
    await t.responder.start()
    t.deliver({ kind: 'request', id: 1, method: 'GET', path: 'no-slash', query: {}, headers: {}, bodyBase64: null, upgrade: false })
    t.deliver({ kind: 'request', id: 2, method: 'get', path: '/_ping', query: {}, headers: {}, bodyBase64: null, upgrade: false })
    t.deliver('GET /_ping')
    t.deliver({ kind: 'input', id: 3, dataBase64: '' })
    expect(t.sent).toHaveLength(0)
    await t.responder.stop()
    t.request('GET', '/_ping')
    expect(t.sent).toHaveLength(0)
  })

  it('answers for the world the app has now (reset replaces it)', async () => {
    let world = new World({ seed: 1 })
    const sent: EngineFromRenderer[] = []
    let listener: ((m: unknown) => void) | null = null
    const responder = new EngineBridgeResponder({
      start: async () => ({ state: 'listening', host: '127.0.0.1', port: 23750 }), stop: async () => ({ state: 'off' }), status: async () => ({ state: 'off' }),
      send: (m) => void sent.push(m), onMessage: (cb) => ((listener = cb), () => {})
    }, () => world, new RequestTrace())
    await responder.start()
    await new Shell(world).run('docker run -d --name old nginx:1.27')
    world = new World({ seed: 1 })
    listener!({ kind: 'request', id: 1, method: 'GET', path: '/v1.50/containers/json', query: { all: '1' }, headers: {}, bodyBase64: null, upgrade: false })
    expect(JSON.parse((sent[0] as { body: { text: string } }).body.text)).toEqual([])
  })
})
