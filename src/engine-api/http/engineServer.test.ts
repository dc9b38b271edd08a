import { Buffer } from 'node:buffer'
import { request as httpRequest, Agent } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiHandler, ApiRequest, ApiResponse, StreamSink } from '../types.ts'
import { createEngineServer, type ListeningEngine } from './engineServer.ts'
import { MiB } from './options.ts'
import { delay, openSocket, parseResponses, rawExchange, send, until } from './testSupport.ts'

const JSON_CT = { 'Content-Type': 'application/json' }

/** A fake handler: a few routes plus a log of every request it saw. */
function fakeEngine() {
  const seen: ApiRequest[] = []
  const waits: StreamSink[] = []
  const stops: string[] = []
  let events: StreamSink | undefined
  const handler: ApiHandler = (req): ApiResponse => {
    seen.push(req)
    const path = req.path.replace(/^\/v[0-9.]+/, '')
    if (path === '/_ping') {
      return { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, text: req.method === 'HEAD' ? '' : 'OK' }
    }
    if (path === '/echo') {
      const text = req.body ? Buffer.from(req.body).toString('utf8') : null
      return { status: 200, headers: {}, json: { method: req.method, path: req.path, query: req.query, headers: req.headers, body: text ? JSON.parse(text) : null } }
    }
    if (path === '/boom') throw new Error('simulated handler failure')
    if (path === '/bad-header') return { status: 200, headers: { 'X-Bad': 'a\r\nInjected: yes' }, json: {} }
    if (path === '/bad-status') return { status: 42, headers: {}, json: {} }
    if (path === '/cors') return { status: 200, headers: { 'Access-Control-Allow-Origin': '*' }, json: {} }
    if (path === '/own-headers') return { status: 200, headers: { 'Api-Version': '1.41', server: 'Custom' }, json: {} }
    if (path === '/no-content') return { status: 204, headers: {} }
    if (path === '/bytes') return { status: 200, headers: { 'Content-Type': 'application/octet-stream' }, text: new Uint8Array([0, 1, 2, 255]) as unknown as string }
    if (path === '/build') return { status: 200, headers: {}, json: { size: req.body?.byteLength ?? 0, first: req.body?.[0] ?? null, last: req.body?.[req.body.byteLength - 1] ?? null } }
    if (/^\/containers\/[^/]+\/wait$/.test(path)) {
      return { status: 200, headers: JSON_CT, stream: { start(sink) { waits.push(sink); return () => stops.push('wait') } } }
    }
    if (path === '/events') {
      return {
        status: 200,
        headers: JSON_CT,
        stream: {
          start(sink) {
            events = sink
            sink.write('{"Type":"container","Action":"start"}\n')
            return () => stops.push('events')
          }
        }
      }
    }
    if (path === '/short-stream') {
      return {
        status: 200,
        headers: JSON_CT,
        stream: {
          start(sink) {
            sink.write('{"status":"one"}\r\n')
            sink.write(new TextEncoder().encode('{"status":"two"}\r\n'))
            sink.end()
            sink.write('ignored after end')
            return () => stops.push('short-stream')
          }
        }
      }
    }
    return { status: 404, headers: JSON_CT, json: { message: 'page not found' } }
  }
  return { handler, seen, waits, stops, events: () => events }
}

const errors: string[] = []
const onError = (error: unknown, context: string): void => {
  errors.push(`${context}: ${error instanceof Error ? error.message : String(error)}`)
}

let fake: ReturnType<typeof fakeEngine>
let engine: ListeningEngine
let port: number

beforeAll(async () => {
  fake = fakeEngine()
  engine = await createEngineServer(fake.handler, { onError }).listen(0)
  port = engine.port
})
afterAll(async () => {
  await engine.close()
})

function json(body: Buffer): unknown {
  return JSON.parse(body.toString('utf8'))
}

describe('binding and server settings', () => {
  it('listens on 127.0.0.1 only and refuses other bind addresses', () => {
    expect(engine.host).toBe('127.0.0.1')
    expect(() => createEngineServer(fake.handler, { host: '0.0.0.0' })).toThrow(/only loopback/)
    expect(() => createEngineServer(fake.handler, { host: '::' })).toThrow(/only loopback/)
    expect(() => createEngineServer(fake.handler, { host: 'localhost' })).toThrow(/only loopback/)
  })
  it('has short header/request timeouts, a header size limit and a connection cap', () => {
    const s = engine.server
    expect(s.headersTimeout).toBe(5_000)
    expect(s.requestTimeout).toBe(30_000)
    expect(s.keepAliveTimeout).toBe(5_000)
    expect((s as unknown as { maxHeaderSize?: number }).maxHeaderSize).toBe(16 * 1024)
    expect(s.maxConnections).toBe(256)
    expect(s.timeout).toBe(0)
  })
})

describe('ping and common headers', () => {
  it('answers HEAD /_ping with an empty body, Content-Length 0 and the daemon headers', async () => {
    const res = await send(port, { method: 'HEAD', path: '/_ping', headers: { 'user-agent': 'Docker-Client/28.2.2 (linux)' } })
    expect(res.status).toBe(200)
    expect(res.body.length).toBe(0)
    expect(res.headers['content-length']).toBe('0')
    expect(res.headers['api-version']).toBe('1.50')
    expect(res.headers['docker-experimental']).toBe('false')
    expect(res.headers['ostype']).toBe('linux')
    expect(res.headers['server']).toBe('Docker/28.2.2 (linux)')
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8')
  })
  it('answers GET /_ping and /v1.50/_ping with OK', async () => {
    for (const path of ['/_ping', '/v1.50/_ping']) {
      const res = await send(port, { path })
      expect(res.status).toBe(200)
      expect(res.body.toString()).toBe('OK')
      expect(res.headers['content-length']).toBe('2')
      expect(res.headers['api-version']).toBe('1.50')
    }
  })
  it('keeps headers the handler set itself (case-insensitive)', async () => {
    const res = await send(port, { path: '/own-headers' })
    expect(res.headers['api-version']).toBe('1.41')
    expect(res.headers['server']).toBe('Custom')
    expect(res.rawHeaderNames.filter((n) => n.toLowerCase() === 'server')).toHaveLength(1)
    expect(res.headers['ostype']).toBe('linux')
  })
})

describe('JSON requests and responses', () => {
  it('passes method, path, decoded query, lower-cased headers and the body to the handler', async () => {
    const filters = JSON.stringify({ reference: { 'nginx:1.27': true } })
    const body = JSON.stringify({ Image: 'nginx:1.27', Cmd: ['echo', 'hi'] }) + '\n'
    const res = await send(port, {
      method: 'POST',
      path: `/v1.50/echo?name=web&filters=${encodeURIComponent(filters)}&all=1&all=0&q=a+b`,
      headers: { 'Content-Type': 'application/json', 'X-Registry-Auth': 'e30=' },
      body
    })
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe('application/json')
    expect(res.body.toString().endsWith('}\n')).toBe(true)
    expect(Number(res.headers['content-length'])).toBe(res.body.length)
    const echoed = json(res.body) as { method: string; path: string; query: Record<string, string>; headers: Record<string, string>; body: unknown }
    expect(echoed.method).toBe('POST')
    expect(echoed.path).toBe('/v1.50/echo')
    expect(echoed.query).toEqual({ name: 'web', filters, all: '0', q: 'a b' })
    expect(echoed.headers['x-registry-auth']).toBe('e30=')
    expect(echoed.headers['content-type']).toBe('application/json')
    expect(echoed.headers['host']).toBe(`127.0.0.1:${port}`)
    expect(echoed.body).toEqual({ Image: 'nginx:1.27', Cmd: ['echo', 'hi'] })
  })
  it('keeps : and / of image references in the path and never decodes %2F', async () => {
    await send(port, { path: '/v1.50/images/docker.io/library/nginx:1.27/json' })
    expect(fake.seen.at(-1)?.path).toBe('/v1.50/images/docker.io/library/nginx:1.27/json')
    await send(port, { path: '/v1.50/images/a%2Fb%3Ac%20d%C3%A9/json' })
    expect(fake.seen.at(-1)?.path).toBe('/v1.50/images/a%2Fb:c dé/json')
    await send(port, { path: '/v1.50/images/bad%zzescape/json' })
    expect(fake.seen.at(-1)?.path).toBe('/v1.50/images/bad%zzescape/json')
  })
  it('gives no body to a bodiless request', async () => {
    await send(port, { method: 'POST', path: '/v1.50/containers/web/start', headers: { 'content-length': '0' } })
    expect(fake.seen.at(-1)?.body).toBeUndefined()
  })
  it('passes 404 through with the handler JSON error', async () => {
    const res = await send(port, { path: '/v1.50/containers/nope/json' })
    expect(res.status).toBe(404)
    expect(json(res.body)).toEqual({ message: 'page not found' })
  })
  it('sends 204 without body or Content-Length', async () => {
    const res = await send(port, { method: 'POST', path: '/no-content' })
    expect(res.status).toBe(204)
    expect(res.body.length).toBe(0)
    expect(res.headers['content-length']).toBeUndefined()
  })
  it('sends byte bodies unchanged', async () => {
    const res = await send(port, { path: '/bytes' })
    expect([...res.body]).toEqual([0, 1, 2, 255])
    expect(res.headers['content-type']).toBe('application/octet-stream')
  })
})

describe('handler failures', () => {
  it('turns a handler exception into 500 {"message"} and keeps serving, also on the same connection', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    const get = (path: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const r = httpRequest({ host: '127.0.0.1', port, path, agent, headers: { host: `127.0.0.1:${port}` } }, (res) => {
          let body = ''
          res.on('data', (c: Buffer) => (body += c.toString()))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
        })
        r.on('error', reject)
        r.end()
      })
    const failed = await get('/v1.50/boom')
    expect(failed.status).toBe(500)
    expect(JSON.parse(failed.body)).toEqual({ message: 'simulated handler failure' })
    const ok = await get('/_ping')
    expect(ok).toEqual({ status: 200, body: 'OK' })
    agent.destroy()
    expect(errors.some((e) => e.includes('simulated handler failure'))).toBe(true)
  })
  it('answers 500 for an invalid status or an unsafe header from the handler', async () => {
    const bad = await send(port, { path: '/bad-status' })
    expect(bad.status).toBe(500)
    const injected = await send(port, { path: '/bad-header' })
    expect(injected.status).toBe(500)
    expect(injected.headers['injected']).toBeUndefined()
    expect((json(injected.body) as { message: string }).message).toBeTypeOf('string')
  })
})

describe('local API safety', () => {
  const refusedHosts = ['evil.example', 'evil.example:PORT', '127.0.0.1.nip.io:PORT', 'localhost.evil.com:PORT', '127.0.0.1:1', 'api.moby.localhost', '0.0.0.0:PORT', '[::2]:PORT', '127.0.0.1:PORT:PORT', 'localhost:PORTx']
  it.each(refusedHosts)('refuses Host %j with 403 and never calls the handler', async (host) => {
    const before = fake.seen.length
    const res = await send(port, { method: 'POST', path: '/v1.50/containers/create', headers: { host: host.replaceAll('PORT', String(port)) }, body: '{}' })
    expect(res.status).toBe(403)
    expect((json(res.body) as { message: string }).message).toMatch(/Host/)
    expect(fake.seen.length).toBe(before)
  })
  it.each(['127.0.0.1:PORT', 'localhost:PORT', 'LOCALHOST:PORT', '[::1]:PORT', '127.0.0.1', 'localhost'])('accepts Host %j', async (host) => {
    const res = await send(port, { path: '/_ping', headers: { host: host.replaceAll('PORT', String(port)) } })
    expect(res.status).toBe(200)
  })
  it('refuses a request without Host (HTTP/1.0) and one with two Host headers', async () => {
    const none = parseResponses((await rawExchange(port, 'GET /_ping HTTP/1.0\r\n\r\n')).data)
    expect(none.responses[0]?.status).toBe(403)
    const empty = parseResponses((await rawExchange(port, 'GET /_ping HTTP/1.1\r\nHost: \r\n\r\n')).data)
    expect(empty.responses[0]?.status).toBe(403)
    const two = parseResponses((await rawExchange(port, `GET /_ping HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nHost: evil.example\r\n\r\n`)).data)
    expect([400, 403]).toContain(two.responses[0]?.status)
  })
  it('refuses any Origin, Sec-Fetch-* and OPTIONS with 403', async () => {
    const before = fake.seen.length
    for (const origin of ['http://evil.example', 'null', `http://127.0.0.1:${port}`]) {
      const res = await send(port, { method: 'POST', path: '/v1.50/containers/web/kill', headers: { origin } })
      expect(res.status).toBe(403)
    }
    const fetchSite = await send(port, { path: '/v1.50/containers/json', headers: { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors' } })
    expect(fetchSite.status).toBe(403)
    const preflight = await send(port, { method: 'OPTIONS', path: '/v1.50/containers/create', headers: { 'access-control-request-method': 'POST' } })
    expect(preflight.status).toBe(403)
    expect(fake.seen.length).toBe(before)
  })
  it('never sends an Access-Control-* header, even when the handler sets one', async () => {
    const responses = [
      await send(port, { path: '/cors' }),
      await send(port, { path: '/_ping', headers: { origin: 'http://evil.example' } }),
      await send(port, { method: 'OPTIONS', path: '/_ping' })
    ]
    for (const res of responses) expect(res.rawHeaderNames.filter((n) => /^access-control-/i.test(n))).toEqual([])
  })
})

describe('request size limits', () => {
  it('answers 413 to a JSON body over 1 MiB (declared or chunked) without calling the handler', async () => {
    const before = fake.seen.length
    const big = Buffer.alloc(2 * MiB, 0x61)
    const declared = await send(port, { method: 'POST', path: '/v1.50/containers/create', headers: { 'content-type': 'application/json' }, body: big })
    expect(declared.status).toBe(413)
    expect(json(declared.body)).toEqual({ message: 'request body too large' })
    const chunked = await new Promise<number>((resolve, reject) => {
      const r = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/v1.50/containers/create', agent: false, headers: { host: `127.0.0.1:${port}`, 'transfer-encoding': 'chunked' } }, (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      })
      r.on('error', reject)
      for (let i = 0; i < 8; i++) r.write(Buffer.alloc(256 * 1024, 0x62))
      r.end()
    })
    expect(chunked).toBe(413)
    expect(fake.seen.length).toBe(before)
    // the server is fine afterwards
    expect((await send(port, { path: '/_ping' })).status).toBe(200)
  })
  it('accepts a body of exactly 1 MiB', async () => {
    const body = JSON.stringify({ pad: 'x'.repeat(MiB - 20) })
    expect(body.length).toBeLessThanOrEqual(MiB)
    const res = await send(port, { method: 'POST', path: '/echo', headers: { 'content-type': 'application/json' }, body })
    expect(res.status).toBe(200)
  })
  it('streams a 10 MiB build context to the handler, and refuses one over 64 MiB', async () => {
    const chunk = Buffer.alloc(MiB, 0x55)
    const postBuild = (chunks: number, lastByte: number, declare: boolean) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const total = chunks * MiB
        const headers: Record<string, string> = { host: `127.0.0.1:${port}`, 'content-type': 'application/x-tar' }
        if (declare) headers['content-length'] = String(total)
        else headers['transfer-encoding'] = 'chunked'
        const r = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/v1.50/build?t=app', agent: false, headers }, (res) => {
          let body = ''
          res.on('data', (c: Buffer) => (body += c.toString()))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
        })
        r.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' || e.code === 'EPIPE' ? undefined : reject(e)))
        let i = 0
        const pump = (): void => {
          while (i < chunks) {
            const isLast = i === chunks - 1
            const piece = isLast ? Buffer.concat([chunk.subarray(0, MiB - 1), Buffer.from([lastByte])]) : chunk
            i++
            if (!r.write(piece)) {
              r.once('drain', pump)
              return
            }
          }
          r.end()
        }
        pump()
      })
    const ok = await postBuild(10, 0x7a, false)
    expect(ok.status).toBe(200)
    expect(JSON.parse(ok.body)).toEqual({ size: 10 * MiB, first: 0x55, last: 0x7a })
    // a declared size over the cap is refused at once and the connection closed (the body is never awaited)
    const declaredTooBig = await rawExchange(port, `POST /v1.50/build HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Length: ${64 * MiB + 1}\r\n\r\n`, { end: false, timeoutMs: 3_000 })
    expect(declaredTooBig.timedOut).toBe(false)
    expect(parseResponses(declaredTooBig.data).responses[0]?.status).toBe(413)
    const before = fake.seen.length
    const tooBig = await postBuild(65, 0x7a, false)
    expect(tooBig.status).toBe(413)
    expect(fake.seen.length).toBe(before)
  }, 20_000)
  it('answers 431 to an oversized header', async () => {
    const result = await rawExchange(port, `GET /_ping HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Big: ${'a'.repeat(20 * 1024)}\r\n\r\n`)
    const parsed = parseResponses(result.data)
    expect(parsed.responses[0]?.status).toBe(431)
    expect(json(parsed.responses[0]?.body ?? Buffer.alloc(0))).toEqual({ message: 'request header fields too large' })
  })
})

describe('streams', () => {
  it('sends the head of a wait-style stream at once and the body only when the handler writes it', async () => {
    const waitsBefore = fake.waits.length
    const result = await new Promise<{ headAt: number; bodyAt: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
      const r = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/v1.50/containers/web/wait?condition=next-exit', agent: false, headers: { host: `127.0.0.1:${port}`, 'content-length': '0' } }, (res) => {
        const headAt = Date.now()
        let body = ''
        res.on('data', (c: Buffer) => (body += c.toString()))
        res.on('end', () => resolve({ headAt, bodyAt: Date.now(), body, headers: res.headers }))
        // the head arrived while the handler has not written anything: now finish the wait
        setTimeout(() => {
          const sink = fake.waits[waitsBefore]
          sink?.write('{"Error":null,"StatusCode":3}\n')
          sink?.end()
        }, 150)
      })
      r.on('error', reject)
      r.end()
    })
    expect(result.bodyAt - result.headAt).toBeGreaterThanOrEqual(100)
    expect(result.body).toBe('{"Error":null,"StatusCode":3}\n')
    expect(result.headers['content-type']).toBe('application/json')
    expect(result.headers['transfer-encoding']).toBe('chunked')
    expect(result.headers['api-version']).toBe('1.50')
  })
  it('writes chunks of a finished stream and ignores writes after end (no stop call)', async () => {
    const res = await send(port, { path: '/short-stream' })
    expect(res.body.toString()).toBe('{"status":"one"}\r\n{"status":"two"}\r\n')
    await delay(50)
    expect(fake.stops).not.toContain('short-stream')
  })
  it('calls the stop function when the client disconnects mid-stream', async () => {
    const stopsBefore = fake.stops.filter((s) => s === 'events').length
    await new Promise<void>((resolve, reject) => {
      const r = httpRequest({ host: '127.0.0.1', port, path: '/v1.50/events', agent: false, headers: { host: `127.0.0.1:${port}` } }, (res) => {
        res.once('data', (c: Buffer) => {
          expect(c.toString()).toContain('"Action":"start"')
          r.destroy()
          resolve()
        })
      })
      r.on('error', () => {})
      r.on('error', reject)
      r.end()
    })
    await until(() => fake.stops.filter((s) => s === 'events').length === stopsBefore + 1, 3_000, 'stop()')
  })
  it('does not start a HEAD stream', async () => {
    const res = await send(port, { method: 'HEAD', path: '/v1.50/events' })
    expect(res.status).toBe(200)
    expect(res.body.length).toBe(0)
  })
})

describe('timeouts', () => {
  it('cuts off a slow-loris client within the header timeout, and keeps long streams alive', async () => {
    const quickFake = fakeEngine()
    const quick = await createEngineServer(quickFake.handler, { onError, headersTimeoutMs: 800, requestTimeoutMs: 1_000, connectionsCheckingIntervalMs: 200 }).listen(0)
    try {
      // slow headers: one byte every 100 ms, never finishing
      const socket = await openSocket(quick.port)
      const started = Date.now()
      let received = ''
      socket.on('data', (c: Buffer) => (received += c.toString('latin1')))
      socket.on('error', () => {})
      const line = `GET /_ping HTTP/1.1\r\nHost: 127.0.0.1:${quick.port}\r\nX-Slow: ${'a'.repeat(100)}`
      let i = 0
      const drip = setInterval(() => {
        if (!socket.destroyed && i < line.length) socket.write(line[i++] ?? '')
      }, 100)
      const closedAfter = await new Promise<number>((resolve) => socket.on('close', () => resolve(Date.now() - started)))
      clearInterval(drip)
      expect(closedAfter).toBeLessThan(2_500)
      expect(received).toMatch(/^HTTP\/1\.1 408 /)
      // a silent connection is dropped too
      const silent = await rawExchange(quick.port, '', { end: false, timeoutMs: 4_000 })
      expect(silent.timedOut).toBe(false)
      expect(silent.elapsedMs).toBeLessThan(2_500)
      // while a stream lasting longer than requestTimeout keeps going
      const chunks: string[] = []
      await new Promise<void>((resolve, reject) => {
        const r = httpRequest({ host: '127.0.0.1', port: quick.port, path: '/events', agent: false, headers: { host: `127.0.0.1:${quick.port}` } }, (res) => {
          res.on('data', (c: Buffer) => chunks.push(c.toString()))
          res.on('end', () => resolve())
          setTimeout(() => quickFake.events()?.write('{"Action":"late"}\n'), 1_800)
          setTimeout(() => quickFake.events()?.end(), 1_900)
        })
        r.on('error', reject)
        r.end()
      })
      expect(chunks.join('')).toContain('"Action":"late"')
    } finally {
      await quick.close()
    }
  }, 15_000)
})

describe('close()', () => {
  it('stops listening and stops open streams', async () => {
    const local = fakeEngine()
    const server = await createEngineServer(local.handler, { onError }).listen(0)
    const gotHead = new Promise<void>((resolve) => {
      const r = httpRequest({ host: '127.0.0.1', port: server.port, path: '/events', agent: false, headers: { host: `127.0.0.1:${server.port}` } }, (res) => {
        res.on('data', () => resolve())
        res.on('error', () => {})
      })
      r.on('error', () => {})
      r.end()
    })
    await gotHead
    await server.close()
    await until(() => local.stops.includes('events'), 2_000, 'stop on close')
    await expect(send(server.port, { path: '/_ping' })).rejects.toThrow()
  })
})

