// The served engine (`startEngine`, as `npm run engine` runs it) against hostile or broken clients: requests a
// browser page could make (foreign Host: DNS rebinding; Origin: cross-site) are refused and change nothing;
// oversized bodies get 413; slow request heads are cut off; and random requests on real route shapes never crash
// the server or get anything but a valid answer or a JSON {"message"} error.
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { connect } from 'node:net'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { startEngine } from '../../src/cli/serveEngine.ts'
import { ROUTES } from '../../src/engine-api/routes.ts'
import { writeTar } from '../../src/cli/tarWriter.ts'
import { srcCliRunner, stateOf, type DockerRunner, type Engine } from './support.ts'

interface Answer { status: number; headers: IncomingHttpHeaders; body: Buffer; complete: boolean; upgraded: boolean }

interface Send {
  method?: string
  path: string
  headers?: Record<string, string>
  body?: Uint8Array | string
  /** stop reading a body that is still streaming after this long (wall ms) */
  readMs?: number
  /** send the body chunked (no Content-Length) */
  chunked?: boolean
}

let engine: Engine
let port: number
let docker: DockerRunner
const logged: string[] = []

/** One request on its own connection. Rejects only when no answer head arrives within 3 s. */
function send(req: Send): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const body = typeof req.body === 'string' ? Buffer.from(req.body) : req.body ? Buffer.from(req.body) : undefined
    const headers: Record<string, string> = { host: `127.0.0.1:${port}`, ...req.headers }
    if (body && !req.chunked) headers['content-length'] = String(body.length)
    const r = httpRequest({ host: '127.0.0.1', port, method: req.method ?? 'GET', path: req.path, headers, agent: false })
    const noHead = setTimeout(() => { r.destroy(); reject(new Error(`no answer head within 3 s: ${req.method ?? 'GET'} ${req.path}`)) }, 3_000)
    r.on('error', () => {}) // a reset after the answer (a refused body we were still sending)
    r.on('upgrade', (res, socket, head) => {
      clearTimeout(noHead)
      socket.on('error', () => {})
      const chunks: Buffer[] = [head]
      socket.on('data', (c: Buffer) => chunks.push(c))
      setTimeout(() => { socket.destroy(); resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), complete: false, upgraded: true }) }, req.readMs ?? 150)
    })
    r.on('response', (res) => {
      clearTimeout(noHead)
      const chunks: Buffer[] = []
      let done = false
      const finish = (complete: boolean) => {
        if (done) return
        done = true
        clearTimeout(cut)
        if (!complete) res.destroy()
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), complete, upgraded: false })
      }
      const cut = setTimeout(() => finish(false), req.readMs ?? 2_000)
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => finish(true))
      res.on('error', () => finish(false))
    })
    if (body) r.end(body)
    else r.end()
  })
}

const daemon = () => engine.world.state.daemons.find((d) => d.id === 'container-host')!
/** What a refused request must not change (stats move with time, so only the objects and the event log). */
const snapshot = () => {
  const d = daemon()
  return JSON.stringify({
    containers: d.containers.map((c) => [c.id, c.name, c.state]), images: d.images.map((i) => [i.id, i.repoTags]),
    networks: d.networks.map((n) => n.id), volumes: d.volumes.map((v) => v.name), execs: d.execs.length, events: d.events.length
  })
}

function expectJsonError(a: Answer, status: number, message?: RegExp): void {
  expect(a.status, a.body.toString()).toBe(status)
  expect(a.headers['content-type']).toBe('application/json')
  const parsed = JSON.parse(a.body.toString('utf8')) as { message?: unknown }
  expect(typeof parsed.message).toBe('string')
  if (message) expect(parsed.message).toMatch(message)
}

const noCors = (a: Answer) => expect(Object.keys(a.headers).filter((h) => h.startsWith('access-control-'))).toEqual([])

beforeAll(async () => {
  // the server reports handler exceptions through console.error ("[engine-api] …"): none may happen
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => { logged.push(args.map((a) => (a instanceof Error ? a.stack : String(a))).join(' ')) })
  engine = await startEngine({ port: 0, scenario: null, seed: 3 })
  port = engine.port
  docker = srcCliRunner(port, '')
  for (const args of [['pull', 'alpine:3.20'], ['run', '-d', '--name', 'web', 'alpine:3.20', 'sleep', 'infinity'], ['volume', 'create', 'v1']]) {
    const r = await docker(args)
    if (r.code !== 0) throw new Error(`setup: docker ${args.join(' ')}: ${r.stderr}`)
  }
  await stateOf(engine.world, 'web', ['running'])
})

afterAll(async () => {
  await engine?.close()
  vi.restoreAllMocks()
})

describe('requests a browser page could make are refused and change nothing', () => {
  const mutations: Send[] = [
    { method: 'POST', path: '/v1.50/volumes/create', body: '{"Name":"evil"}\n', headers: { 'content-type': 'application/json' } },
    { method: 'POST', path: '/v1.50/containers/web/kill' },
    { method: 'DELETE', path: '/v1.50/containers/web?force=1' },
    { method: 'POST', path: '/v1.50/containers/create?name=evil', body: '{"Image":"alpine:3.20","Cmd":["sleep","infinity"]}\n', headers: { 'content-type': 'application/json' } },
    { method: 'POST', path: '/v1.50/images/create?fromImage=docker.io%2Flibrary%2Fbusybox&tag=1.36' },
    { method: 'GET', path: '/v1.50/containers/json' },
    { method: 'GET', path: '/_ping' }
  ]

  it.each(['evil.example', 'evil.example:PORT', '127.0.0.1:1', 'localhost.evil.example'])('a foreign Host (%s) gets 403', async (host) => {
    const before = snapshot()
    for (const m of mutations) {
      const a = await send({ ...m, headers: { ...m.headers, host: host.replace('PORT', String(port)) } })
      expectJsonError(a, 403, /Host header/)
      noCors(a)
    }
    // the hijacked endpoints refuse on their own path (the upgrade handler) too
    const id = daemon().containers.find((c) => c.name === 'web')!.id
    const attach = await send({ method: 'POST', path: `/v1.50/containers/${id}/attach?stream=1&stdout=1`, headers: { host: 'evil.example', connection: 'Upgrade', upgrade: 'tcp' } })
    expect(attach.upgraded).toBe(false)
    expectJsonError(attach, 403)
    expect(snapshot()).toBe(before)
  })

  it('an Origin header gets 403 and no Access-Control-* header, also for a CORS preflight', async () => {
    const before = snapshot()
    for (const origin of ['http://evil.example', 'null', `http://127.0.0.1:${port}`]) {
      for (const m of mutations) {
        const a = await send({ ...m, headers: { ...m.headers, origin } })
        expectJsonError(a, 403, /cross-origin/)
        noCors(a)
      }
    }
    const preflight = await send({ method: 'OPTIONS', path: '/v1.50/containers/web/kill', headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' } })
    expectJsonError(preflight, 403)
    noCors(preflight)
    const fetchMeta = await send({ method: 'POST', path: '/v1.50/containers/web/kill', headers: { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors' } })
    expectJsonError(fetchMeta, 403)
    expect(snapshot()).toBe(before)
    expect(engine.world.report().instances.find((i) => i.name === 'web')?.state).toBe('running')
  })
})

describe('limits', () => {
  it('an oversized JSON body gets 413, with or without Content-Length, and creates nothing', async () => {
    const before = snapshot()
    const huge = JSON.stringify({ Image: 'alpine:3.20', Env: Array.from({ length: 40_000 }, (_, i) => `VAR_${i}=${'x'.repeat(40)}`) })
    expect(huge.length).toBeGreaterThan(1024 * 1024)
    expectJsonError(await send({ method: 'POST', path: '/v1.50/containers/create?name=big', body: huge, headers: { 'content-type': 'application/json' } }), 413, /too large/)
    expectJsonError(await send({ method: 'POST', path: '/v1.50/containers/create?name=big', body: huge, chunked: true, headers: { 'content-type': 'application/json' } }), 413, /too large/)
    expect(snapshot()).toBe(before)
    // and it still serves
    expect((await send({ path: '/_ping' })).status).toBe(200)
  })

  it('cuts off a client that sends its request head too slowly, and one that sends nothing', async () => {
    const slow = (drip: boolean) => new Promise<{ elapsed: number; received: string }>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port, allowHalfOpen: true })
      const started = Date.now()
      let received = ''
      let timer: ReturnType<typeof setInterval> | undefined
      socket.on('error', () => {})
      socket.on('connect', () => {
        if (!drip) return
        const head = `GET /v1.50/containers/json HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`
        socket.write(head)
        // one more header line every 200 ms, never the blank line that ends the head
        let n = 0
        timer = setInterval(() => { if (!socket.destroyed) socket.write(`X-Slow-${n++}: ${'a'.repeat(10)}\r\n`) }, 200)
      })
      socket.on('data', (c: Buffer) => { received += c.toString('latin1') })
      socket.on('end', () => socket.end())
      socket.on('close', () => { clearInterval(timer); resolve({ elapsed: Date.now() - started, received }) })
      setTimeout(() => socket.destroy(), 12_000).unref()
    })
    const [dripping, silent] = await Promise.all([slow(true), slow(false)])
    for (const r of [dripping, silent]) {
      expect(r.elapsed).toBeLessThan(7_500) // the 5 s head timeout, checked every second
      expect(r.received).toMatch(/^HTTP\/1\.1 408 /)
    }
    expect(dripping.elapsed).toBeGreaterThan(3_000)
  }, 15_000)
})

// ---- random requests on the real routes ----

const HEX = '0123456789abcdef'.split('')
const refArb = fc.oneof(
  { weight: 7, arbitrary: fc.constantFrom('web', 'WEB_ID', 'WEB_ID12', 'job', 'nosuch', 'alpine:3.20', 'docker.io/library/alpine:3.20', 'alpine', 'bridge', 'host', 'v1', 'EXEC_ID') },
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom(...HEX), minLength: 1, maxLength: 64 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }).map((s) => encodeURIComponent(s)) },
  { weight: 1, arbitrary: fc.constantFrom('', '..', '%2F', '%2e%2e', 'a%zz', 'sha256:00') }
)
const versionArb = fc.oneof({ weight: 6, arbitrary: fc.constantFrom('/v1.50', '/v1.41', '/v1.24', '') }, { weight: 1, arbitrary: fc.constantFrom('/v1.12', '/v1.51', '/v2', '/v1..2') })
// mostly the route's own method, sometimes another one
const routeArb = fc.tuple(fc.constantFrom(...ROUTES), versionArb, refArb, fc.integer({ min: 0, max: 9 }), fc.constantFrom('GET', 'POST', 'DELETE', 'PUT', 'HEAD'))
  .map(([r, v, ref, keep, other]) => ({ method: keep > 0 ? r.method : other, path: v + r.template.replace(/\{\w+\*?\}/g, ref) }))
const SEGMENTS = ['containers', 'images', 'exec', 'json', 'create', 'start', 'logs', 'attach', 'wait', 'stats', 'events', 'build', '_ping', 'system', 'df', 'web', 'x']
const anyPathArb = fc.record({
  method: fc.oneof(fc.constantFrom('GET', 'POST', 'DELETE', 'HEAD', 'PUT', 'PATCH', 'OPTIONS'), fc.stringMatching(/^[A-Z]{1,7}$/)).filter((m) => m !== 'CONNECT'),
  path: fc.tuple(versionArb, fc.array(fc.oneof(fc.constantFrom(...SEGMENTS), refArb), { minLength: 1, maxLength: 5 })).map(([v, s]) => `${v}/${s.join('/')}`)
})
const QUERY_KEYS = ['all', 'filters', 'name', 'condition', 'stream', 'stdout', 'stderr', 'follow', 'tail', 'timestamps', 'since', 'until', 'signal', 'force', 't',
  'dockerfile', 'fromImage', 'tag', 'repo', 'h', 'w', 'size', 'logs', 'q', 'v']
const QUERY_VALUES = ['1', '0', 'true', 'all', '-1', 'next-exit', 'removed', 'KILL', 'web', 'docker.io/library/alpine', '3.20', '{"name":{"web":true}}', '{"bad":',
  '[]', '1735689600', '9999999999999', 'Dockerfile', 'nosuch:1']
const queryArb = fc.oneof(
  { weight: 5, arbitrary: fc.dictionary(fc.oneof(fc.constantFrom(...QUERY_KEYS), fc.string({ maxLength: 5 })), fc.oneof(fc.constantFrom(...QUERY_VALUES), fc.string({ maxLength: 10 })), { maxKeys: 4 })
    .map((q) => { const s = new URLSearchParams(q).toString(); return s ? `?${s}` : '' }) },
  { weight: 1, arbitrary: fc.constantFrom('?', '?&&', '?a=%zz', '?filters=%7B', '?=1', '?since=1&until=0', '?t=abc&signal=NOPE') }
)
const te = new TextEncoder()
const bodyArb = fc.oneof(
  { weight: 3, arbitrary: fc.constant<Uint8Array | undefined>(undefined) },
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => te.encode(JSON.stringify(v) ?? 'null')) },
  { weight: 2, arbitrary: fc.record({ Image: fc.constantFrom('alpine:3.20', 'alpine', 'Alpine', ''), Cmd: fc.oneof(fc.constant(null), fc.array(fc.constantFrom('sleep', 'infinity', 'sh', '-c', 'echo hi', 'true'), { maxLength: 3 })),
    HostConfig: fc.record({ Memory: fc.oneof(fc.integer(), fc.string()), PidsLimit: fc.oneof(fc.integer(), fc.constant(null)), AutoRemove: fc.boolean() }, { requiredKeys: [] }) }, { requiredKeys: [] })
    .map((v) => te.encode(JSON.stringify(v))) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 400 }) },
  { weight: 1, arbitrary: fc.constant(writeTar([{ path: 'Dockerfile', sizeMb: 0, text: 'FROM alpine:3.20\nCMD ["true"]\n' }])) }
)
const headersArb = fc.record({
  contentType: fc.constantFrom(undefined, 'application/json', 'application/x-tar', 'text/plain'),
  upgrade: fc.integer({ min: 0, max: 4 }).map((n) => n === 0)
})

/** The references in a generated path made real: the running container's id, an exec's id. */
function resolveRefs(path: string): string {
  const d = daemon()
  const web = d.containers.find((c) => c.name === 'web')
  return path.replace(/WEB_ID12/g, web?.id.slice(0, 12) ?? 'gone').replace(/WEB_ID/g, web?.id ?? 'gone').replace(/EXEC_ID/g, d.execs[0]?.id ?? 'noexec')
}

/** The cast the random requests remove or stop: bring it back before each run. */
async function restock(): Promise<void> {
  const d = daemon()
  if (!d.images.some((i) => i.repoTags.includes('alpine:3.20'))) await docker(['pull', 'alpine:3.20'])
  const web = d.containers.find((c) => c.name === 'web')
  if (!web) await docker(['run', '-d', '--name', 'web', 'alpine:3.20', 'sleep', 'infinity'])
  else if (web.state !== 'running' && web.state !== 'starting') {
    if (web.state === 'paused') await docker(['unpause', 'web'])
    else await docker(['start', 'web'])
  }
  if (!d.containers.some((c) => c.name === 'job')) await docker(['create', '--name', 'job', 'alpine:3.20', 'sh', '-c', 'echo hi'])
}

describe('random requests on real route shapes', () => {
  it('never crash the server and always get a valid answer or a JSON {"message"} error', async () => {
    let runs = 0
    const statuses = new Map<number, number>()
    await fc.assert(fc.asyncProperty(fc.oneof({ weight: 4, arbitrary: routeArb }, { weight: 1, arbitrary: anyPathArb }), queryArb, bodyArb, headersArb, async (target, query, body, h) => {
      runs++
      await restock()
      const headers: Record<string, string> = { 'user-agent': 'Docker-Client/28.2.2 (linux)' }
      if (h.contentType) headers['content-type'] = h.contentType
      if (h.upgrade) { headers['connection'] = 'Upgrade'; headers['upgrade'] = 'tcp' }
      const a = await send({ method: target.method, path: resolveRefs(target.path) + query, headers, ...(body ? { body } : {}), readMs: 150 })
      statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1)
      expect(a.status).toBeGreaterThanOrEqual(100)
      expect(a.status).toBeLessThan(600)
      noCors(a)
      if (a.upgraded) {
        expect(a.status).toBe(101)
        expect(a.headers['upgrade']).toBe('tcp')
      } else {
        expect(a.headers['api-version']).toBe('1.50')
        if (a.status >= 400 && target.method !== 'HEAD') {
          expect(a.complete).toBe(true) // an error is a complete answer, never a stream
          expectJsonError(a, a.status)
        } else if (a.status >= 200 && (a.headers['content-type'] ?? '').includes('json')) {
          // JSON and JSON-lines bodies: every complete line parses (a stream may have been cut mid-line)
          const text = a.body.toString('utf8')
          const lines = text.split('\n')
          if (!a.complete) lines.pop()
          for (const line of lines.filter((l) => l.trim() !== '')) expect(() => JSON.parse(line), line).not.toThrow()
        }
      }
      // the server keeps answering
      const ping = await send({ path: '/_ping' })
      expect([ping.status, ping.body.toString()]).toEqual([200, 'OK'])
    }), { numRuns: 200, seed: 20261130 })
    expect(runs).toBe(200)
    // a spread of answers, not 200 × 404
    expect([...statuses.keys()].filter((s) => s < 300).length).toBeGreaterThan(0)
    expect(statuses.get(404) ?? 0).toBeLessThan(runs * 0.7)
    expect(logged.filter((l) => l.includes('[engine-api]'))).toEqual([])
  }, 60_000)
})
