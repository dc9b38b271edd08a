import { Buffer } from 'node:buffer'
import type { IncomingMessage } from 'node:http'
import type { Socket } from 'node:net'
import { Duplex, Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiHandler, ApiRequest, ApiResponse, StreamSink } from '../types.ts'
import { createEngineServer, type ListeningEngine } from './engineServer.ts'
import { handleUpgrade } from './hijack.ts'
import { resolveOptions } from './options.ts'
import { delay, frame, openSocket, parseResponses, rawExchange, until } from './testSupport.ts'

const MUX = 'application/vnd.docker.multiplexed-stream'

interface Session {
  request: ApiRequest
  sink?: StreamSink
  input: Buffer[]
  inputEnded: boolean
  stopped: boolean
}

/** attach / exec start: records each session; the test drives the output through `sink`. */
function fakeEngine() {
  const sessions: Session[] = []
  const handler: ApiHandler = (request): ApiResponse => {
    const path = request.path.replace(/^\/v[0-9.]+/, '')
    if (path.endsWith('/missing/attach')) return { status: 404, headers: { 'Content-Type': 'application/json' }, json: { message: 'No such container: missing' } }
    if (path.endsWith('/boom/attach')) throw new Error('attach exploded')
    if (path.endsWith('/plain/attach')) {
      return { status: 200, headers: { 'Content-Type': 'application/vnd.docker.raw-stream' }, stream: { start: (sink) => { sink.write('plain'); sink.end(); return () => {} } } }
    }
    const session: Session = { request, input: [], inputEnded: false, stopped: false }
    sessions.push(session)
    const headers: Record<string, string> = path.includes('rawdefault') ? {} : { 'Content-Type': MUX }
    return {
      status: 101,
      headers,
      upgrade: true,
      stream: {
        start(sink) {
          session.sink = sink
          if (path.startsWith('/exec/')) sink.write(frame(1, 'started\n'))
          return () => {
            session.stopped = true
          }
        },
        input(chunk) {
          session.input.push(Buffer.from(chunk))
        },
        inputEnded() {
          session.inputEnded = true
        }
      }
    }
  }
  return { handler, sessions }
}

const errors: string[] = []
let fake: ReturnType<typeof fakeEngine>
let engine: ListeningEngine
let port: number

beforeAll(async () => {
  fake = fakeEngine()
  engine = await createEngineServer(fake.handler, { onError: (e, c) => errors.push(`${c}: ${String(e)}`) }).listen(0)
  port = engine.port
})
afterAll(async () => {
  await engine.close()
})

function attachHead(id: string, extra = ''): string {
  return (
    `POST /v1.50/containers/${id}/attach?stderr=1&stdout=1&stream=1 HTTP/1.1\r\n` +
    `Host: 127.0.0.1:${port}\r\nUser-Agent: Docker-Client/28.2.2 (linux)\r\nContent-Length: 0\r\n` +
    `Connection: Upgrade\r\nContent-Type: text/plain\r\nUpgrade: tcp\r\n${extra}\r\n`
  )
}

function execHead(id: string, body: string): string {
  return (
    `POST /v1.50/exec/${id}/start HTTP/1.1\r\n` +
    `Host: 127.0.0.1:${port}\r\nUser-Agent: Docker-Client/28.2.2 (linux)\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
    `Connection: Upgrade\r\nContent-Type: application/json\r\nUpgrade: tcp\r\n\r\n`
  )
}

/** Collects what a raw client socket receives, and when it closes. */
function collect(socket: Socket): { data: () => Buffer; closed: () => boolean } {
  const chunks: Buffer[] = []
  let closed = false
  socket.on('data', (c: Buffer) => chunks.push(c))
  socket.on('end', () => socket.end()) // the server's FIN: done, like the docker CLI
  socket.on('error', () => {})
  socket.on('close', () => (closed = true))
  return { data: () => Buffer.concat(chunks), closed: () => closed }
}

describe('attach (hijacked)', () => {
  it('answers the exact 101 head, then framed bytes, keeps writing after the client half-closes, closes at the end', async () => {
    const count = fake.sessions.length
    const socket = await openSocket(port)
    const seen = collect(socket)
    socket.write(attachHead('web'))
    socket.end() // like the docker CLI without stdin: half-close at once
    await until(() => fake.sessions.length === count + 1, 2_000, 'handler call')
    const session = fake.sessions[count]
    if (!session) throw new Error('no session')
    expect(session.request.method).toBe('POST')
    expect(session.request.path).toBe('/v1.50/containers/web/attach')
    expect(session.request.query).toEqual({ stderr: '1', stdout: '1', stream: '1' })
    expect(session.request.headers['upgrade']).toBe('tcp')
    expect(session.request.body).toBeUndefined()
    await until(() => session.inputEnded, 2_000, 'inputEnded')
    await delay(50)
    // the client's FIN arrived; output still flows
    session.sink?.write(frame(1, 'hi\n'))
    await delay(30)
    session.sink?.write(frame(2, 'oops\n'))
    session.sink?.end()
    await until(seen.closed, 3_000, 'server closes the socket')
    const expectedHead = `HTTP/1.1 101 UPGRADED\r\nContent-Type: ${MUX}\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n`
    const data = seen.data()
    expect(data.subarray(0, expectedHead.length).toString('latin1')).toBe(expectedHead)
    expect(data.subarray(expectedHead.length)).toEqual(Buffer.concat([frame(1, 'hi\n'), frame(2, 'oops\n')]))
    expect(session.stopped).toBe(false)
  })
  it('defaults the 101 Content-Type to raw-stream', async () => {
    const count = fake.sessions.length
    const socket = await openSocket(port)
    const seen = collect(socket)
    socket.write(attachHead('rawdefault'))
    await until(() => fake.sessions[count]?.sink !== undefined, 2_000, 'stream start')
    fake.sessions[count]?.sink?.end()
    await until(seen.closed, 3_000, 'close')
    expect(seen.data().toString('latin1')).toBe('HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker.raw-stream\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n')
  })
  it('passes stdin bytes (also ones sent right after the head) to input, and the FIN to inputEnded', async () => {
    const count = fake.sessions.length
    const socket = await openSocket(port)
    collect(socket)
    socket.write(attachHead('stdin') + 'early ')
    await until(() => fake.sessions[count]?.sink !== undefined, 2_000, 'stream start')
    const session = fake.sessions[count]
    if (!session) throw new Error('no session')
    socket.write('line one\n')
    await delay(30)
    socket.write(Buffer.from([0, 255, 1]))
    socket.end()
    await until(() => session.inputEnded, 2_000, 'inputEnded')
    expect(Buffer.concat(session.input)).toEqual(Buffer.concat([Buffer.from('early line one\n'), Buffer.from([0, 255, 1])]))
    session.sink?.end()
  })
  it('calls stop when the client goes away mid-stream', async () => {
    const count = fake.sessions.length
    const socket = await openSocket(port)
    collect(socket)
    socket.write(attachHead('leaver'))
    await until(() => fake.sessions[count]?.sink !== undefined, 2_000, 'stream start')
    const session = fake.sessions[count]
    session?.sink?.write(frame(1, 'tick\n'))
    socket.destroy()
    await until(() => session?.stopped === true, 2_000, 'stop()')
    // writing after the client left is harmless
    session?.sink?.write(frame(1, 'late\n'))
    session?.sink?.end()
  })
  it('answers refusals, handler errors and non-upgrade answers as plain HTTP and closes', async () => {
    const count = fake.sessions.length
    const foreign = parseResponses((await rawExchange(port, attachHead('web').replace(`Host: 127.0.0.1:${port}`, 'Host: evil.example'))).data)
    expect(foreign.responses[0]?.status).toBe(403)
    const origin = parseResponses((await rawExchange(port, attachHead('web', 'Origin: http://evil.example\r\n'))).data)
    expect(origin.responses[0]?.status).toBe(403)
    const websocket = parseResponses((await rawExchange(port, attachHead('web', 'Sec-Fetch-Mode: websocket\r\n'))).data)
    expect(websocket.responses[0]?.status).toBe(403)
    expect(fake.sessions.length).toBe(count)
    const missing = parseResponses((await rawExchange(port, attachHead('missing'))).data)
    expect(missing.responses[0]?.status).toBe(404)
    expect(JSON.parse(missing.responses[0]?.body.toString() ?? '')).toEqual({ message: 'No such container: missing' })
    expect(missing.responses[0]?.headers['api-version']).toBe('1.50')
    const boom = parseResponses((await rawExchange(port, attachHead('boom'))).data)
    expect(boom.responses[0]?.status).toBe(500)
    expect(JSON.parse(boom.responses[0]?.body.toString() ?? '')).toEqual({ message: 'attach exploded' })
    const plain = await rawExchange(port, attachHead('plain'))
    expect(plain.data.toString('latin1')).toMatch(/^HTTP\/1\.1 200 OK\r\n[^]*\r\n\r\nplain$/)
    for (const r of [foreign, origin, missing, boom]) expect(r.responses[0]?.rawHead).not.toMatch(/access-control-/i)
  })
})

describe('exec start (hijacked, JSON body before the upgrade)', () => {
  it('reads exactly Content-Length bytes as the body, even when they arrive in pieces, and the rest as stdin', async () => {
    const count = fake.sessions.length
    const body = '{"Detach":false,"Tty":false}'
    const socket = await openSocket(port)
    const seen = collect(socket)
    socket.write(execHead('e1', body) + body.slice(0, 5))
    await delay(50)
    expect(fake.sessions.length).toBe(count) // the handler waits for the whole body
    socket.write(body.slice(5) + 'STDIN')
    await until(() => fake.sessions[count]?.sink !== undefined, 2_000, 'stream start')
    const session = fake.sessions[count]
    if (!session) throw new Error('no session')
    expect(session.request.path).toBe('/v1.50/exec/e1/start')
    expect(JSON.parse(Buffer.from(session.request.body ?? new Uint8Array()).toString())).toEqual({ Detach: false, Tty: false })
    await until(() => session.input.length > 0, 2_000, 'stdin')
    expect(Buffer.concat(session.input).toString()).toBe('STDIN')
    socket.end()
    await until(() => session.inputEnded, 2_000, 'inputEnded')
    session.sink?.write(frame(1, 'hello\n'))
    session.sink?.end()
    await until(seen.closed, 3_000, 'close')
    const parsed = parseResponses(seen.data())
    expect(parsed.responses[0]?.status).toBe(101)
    expect(parsed.upgraded).toEqual(Buffer.concat([frame(1, 'started\n'), frame(1, 'hello\n')]))
  })
  it('handles head, body and an immediate half-close in a single write (the docker CLI pattern)', async () => {
    const count = fake.sessions.length
    const body = '{"Detach":false,"Tty":false}\n'
    const socket = await openSocket(port)
    const seen = collect(socket)
    socket.end(execHead('e2', body) + body)
    await until(() => fake.sessions[count]?.inputEnded === true, 2_000, 'inputEnded')
    const session = fake.sessions[count]
    expect(Buffer.from(session?.request.body ?? new Uint8Array()).toString()).toBe(body)
    expect(session?.input).toEqual([])
    session?.sink?.end()
    await until(seen.closed, 3_000, 'close')
    expect(parseResponses(seen.data()).upgraded).toEqual(frame(1, 'started\n'))
  })
  it('refuses an oversized body with 413 and a body that never comes with 408', async () => {
    const big = parseResponses((await rawExchange(port, execHead('big', 'x'.repeat(2 * 1024 * 1024)))).data)
    expect(big.responses[0]?.status).toBe(413)
    const quick = await createEngineServer(fake.handler, { headersTimeoutMs: 300, requestTimeoutMs: 500 }).listen(0)
    try {
      const head = execHead('slow', '{"Detach":false}').replace(`Host: 127.0.0.1:${port}`, `Host: 127.0.0.1:${quick.port}`)
      const result = await rawExchange(quick.port, head + '{"De', { end: false, timeoutMs: 3_000 })
      expect(result.timedOut).toBe(false)
      expect(parseResponses(result.data).responses[0]?.status).toBe(408)
    } finally {
      await quick.close()
    }
  })
  it('keeps a hijacked stream open longer than the request timeout', async () => {
    const quickFake = fakeEngine()
    const quick = await createEngineServer(quickFake.handler, { headersTimeoutMs: 300, requestTimeoutMs: 500, connectionsCheckingIntervalMs: 100 }).listen(0)
    try {
      const socket = await openSocket(quick.port)
      const seen = collect(socket)
      const body = '{"Detach":false,"Tty":true}'
      socket.write(execHead('long', body).replace(`Host: 127.0.0.1:${port}`, `Host: 127.0.0.1:${quick.port}`) + body)
      await until(() => quickFake.sessions[0]?.sink !== undefined, 2_000, 'stream start')
      await delay(1_200)
      expect(seen.closed()).toBe(false)
      quickFake.sessions[0]?.sink?.write('still here\r\n')
      quickFake.sessions[0]?.sink?.end()
      await until(seen.closed, 3_000, 'close')
      expect(parseResponses(seen.data()).upgraded?.toString()).toContain('still here\r\n')
    } finally {
      await quick.close()
    }
  })
})

describe('upgrade bodies parsed by Node itself (newer Node versions)', () => {
  // Node ≥ 25 (nodejs/node#60016) parses an upgrade request's body into `req` and hands only post-body bytes to the
  // upgraded stream; Node 20 leaves the body in `head`. handleUpgrade must work with both; this simulates the newer one.
  it('takes the body from req and treats the stream bytes as stdin', async () => {
    const local = fakeEngine()
    const body = '{"Detach":false,"Tty":false}'
    const req = Object.assign(new Readable({ read() {} }), {
      method: 'POST',
      url: '/v1.50/exec/abc/start',
      headers: { host: '127.0.0.1:2375', 'content-length': String(body.length), connection: 'Upgrade', upgrade: 'tcp' },
      headersDistinct: { host: ['127.0.0.1:2375'] },
      socket: { localPort: 2375, setTimeout() {}, setNoDelay() {} }
    })
    const written: Buffer[] = []
    let finished = false
    const conn = new Duplex({
      allowHalfOpen: true,
      read() {},
      write(chunk: Buffer, _encoding, callback) {
        written.push(Buffer.from(chunk))
        callback()
      },
      final(callback) {
        finished = true
        callback()
      }
    })
    handleUpgrade(req as unknown as IncomingMessage, conn, Buffer.alloc(0), { handler: local.handler, options: resolveOptions() })
    req.push(Buffer.from(body.slice(0, 10)))
    req.push(Buffer.from(body.slice(10)))
    req.push(null)
    conn.push(Buffer.from('STDIN'))
    await until(() => local.sessions[0]?.sink !== undefined, 2_000, 'stream start')
    const session = local.sessions[0]
    expect(Buffer.from(session?.request.body ?? new Uint8Array()).toString()).toBe(body)
    await until(() => (session?.input.length ?? 0) > 0, 2_000, 'stdin')
    expect(Buffer.concat(session?.input ?? []).toString()).toBe('STDIN')
    conn.push(null)
    await until(() => session?.inputEnded === true, 2_000, 'inputEnded')
    session?.sink?.end()
    await until(() => finished, 2_000, 'end of the upgraded stream')
    expect(Buffer.concat(written).toString('latin1')).toBe(
      `HTTP/1.1 101 UPGRADED\r\nContent-Type: ${MUX}\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n` + frame(1, 'started\n').toString('latin1')
    )
    conn.destroy()
  })
})
