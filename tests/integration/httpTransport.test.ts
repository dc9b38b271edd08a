// HttpTransport on its own: which addresses it accepts (loopback only), what it sends, streams and their time limit,
// the hijack of exec start, a unix socket, and "Cannot connect" when nothing listens.
import { createServer, type Server } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEngine } from '../../src/cli/serveEngine.ts'
import { HttpTransport, parseDaemonAddress } from '../../src/cli/httpTransport.ts'
import { runDocker } from '../../src/cli/dockerCli.ts'
import { req, type CliContext } from '../../src/cli/api.ts'
import { TimeoutError, concat } from '../../src/cli/transport.ts'
import { demux } from '../../src/cli/streams.ts'
import { stateOf, tempDir, type Engine } from './support.ts'

const ctxOf = (transport: HttpTransport, hostUrl: string): CliContext => ({ transport, apiVersion: '1.50', nowMs: () => Date.now(), hostUrl, inProcess: false })
const extras = { contextName: 'default', tarOf: () => null }

describe('parseDaemonAddress', () => {
  it('accepts loopback tcp/http URLs, ports and socket paths', () => {
    expect(parseDaemonAddress('tcp://127.0.0.1:23750')).toEqual({ kind: 'tcp', host: '127.0.0.1', port: 23750 })
    expect(parseDaemonAddress('http://localhost:2375/')).toEqual({ kind: 'tcp', host: 'localhost', port: 2375 })
    expect(parseDaemonAddress('tcp://[::1]:9')).toEqual({ kind: 'tcp', host: '::1', port: 9 })
    expect(parseDaemonAddress('tcp://127.0.0.1')).toEqual({ kind: 'tcp', host: '127.0.0.1', port: 2375 })
    expect(parseDaemonAddress(23750)).toEqual({ kind: 'tcp', host: '127.0.0.1', port: 23750 })
    expect(parseDaemonAddress('unix:///var/run/docker.sock')).toEqual({ kind: 'unix', socketPath: '/var/run/docker.sock' })
    expect(parseDaemonAddress('/tmp/x.sock')).toEqual({ kind: 'unix', socketPath: '/tmp/x.sock' })
  })
  it('refuses anything that is not this machine, and nonsense', () => {
    for (const bad of ['tcp://10.0.0.1:2375', 'tcp://evil.example:2375', 'tcp://127.0.0.2:1', 'ssh://me@host', 'tcp://127.0.0.1:99999', 'npipe:////./pipe/docker_engine', 0]) {
      expect(typeof parseDaemonAddress(bad), String(bad)).toBe('string')
    }
    expect(() => new HttpTransport('tcp://192.168.1.2:2375')).toThrow(/only a daemon on this machine/)
  })
})

describe('against the served engine', () => {
  let engine: Engine
  let transport: HttpTransport
  beforeAll(async () => {
    engine = await startEngine({ port: 0, scenario: null, seed: 5 })
    transport = new HttpTransport(`tcp://127.0.0.1:${engine.port}`)
  })
  afterAll(async () => { await engine?.close() })

  it('pings like the CLI and sends Host 127.0.0.1:PORT (the engine refuses any other)', async () => {
    expect(transport.hostHeader).toBe(`127.0.0.1:${engine.port}`)
    expect(await transport.ping()).toEqual({ status: 200, apiVersion: '1.50' })
    const version = await transport.request(req(ctxOf(transport, ''), 'GET', '/version'))
    expect(version.status).toBe(200)
    expect(JSON.parse(new TextDecoder().decode(version.body))).toMatchObject({ Version: '28.2.2', ApiVersion: '1.50' })
  })

  it('an endless stream: open() returns at the head, until() rejects with TimeoutError after the wall-clock limit', async () => {
    const ctx = ctxOf(transport, '')
    const handle = await transport.open(req(ctx, 'GET', '/events'))
    expect(handle.status).toBe(200)
    expect(handle.headers['content-type']).toBe('application/json')
    const seen: Uint8Array[] = []
    handle.onData((c) => seen.push(c))
    await transport.request(req(ctx, 'POST', '/volumes/create', {}, { Name: 'tv1' }))
    const started = Date.now()
    await expect(transport.until(handle, 300)).rejects.toBeInstanceOf(TimeoutError)
    expect(Date.now() - started).toBeGreaterThanOrEqual(280)
    expect(handle.ended).toBe(false)
    expect(new TextDecoder().decode(concat(seen))).toMatch(/"Action":"create".*"tv1"/)
    handle.close()
    expect(handle.ended).toBe(true)
  })

  it('an error answer is read whole before open() returns', async () => {
    const handle = await transport.open(req(ctxOf(transport, ''), 'GET', '/containers/nosuch/logs', { stdout: '1', follow: '1' }))
    expect(handle.status).toBe(404)
    expect(handle.ended).toBe(true)
    expect(JSON.parse(new TextDecoder().decode(concat(handle.chunks)))).toEqual({ message: 'No such container: nosuch' })
  })

  it('hijacks exec start (101 UPGRADED, raw frames until the daemon closes)', async () => {
    const ctx = ctxOf(transport, '')
    expect((await runDocker(['run', '-d', '--name', 'hj', 'alpine:3.20', 'sleep', 'infinity'], ctx, extras)).exitCode).toBe(0)
    await stateOf(engine.world, 'hj', ['running'])
    const exec = JSON.parse(new TextDecoder().decode((await transport.request(req(ctx, 'POST', '/containers/hj/exec', {}, { AttachStdout: true, AttachStderr: true, Cmd: ['sh', '-c', 'echo out; exit 6'] }))).body)) as { Id: string }
    const start = req(ctx, 'POST', `/exec/${exec.Id}/start`, {}, { Detach: false, Tty: false })
    start.headers['connection'] = 'Upgrade'
    start.headers['upgrade'] = 'tcp'
    const handle = await transport.open(start)
    expect(handle.status).toBe(101)
    expect(handle.headers['content-type']).toBe('application/vnd.docker.multiplexed-stream')
    await transport.until(handle, 5_000)
    expect(demux(concat(handle.chunks), false)).toEqual({ stdout: 'out\n', stderr: '' })
    const info = JSON.parse(new TextDecoder().decode((await transport.request(req(ctx, 'GET', `/exec/${exec.Id}/json`))).body)) as { ExitCode: number }
    expect(info.ExitCode).toBe(6)
  })
})

describe('connection problems', () => {
  it('nothing listening: "Cannot connect to the Docker daemon", exit 1 (version still prints the client)', async () => {
    // a port that was just free: bind, note, close
    const probe = createServer()
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
    const port = (probe.address() as { port: number }).port
    await new Promise<void>((resolve) => probe.close(() => resolve()))
    const url = `tcp://127.0.0.1:${port}`
    const ctx = ctxOf(new HttpTransport(url), url)
    expect(await runDocker(['ps'], ctx, extras)).toEqual({ stdout: '', stderr: `Cannot connect to the Docker daemon at ${url}. Is the docker daemon running?\n`, exitCode: 1 })
    const version = await runDocker(['version'], ctx, extras)
    expect(version.exitCode).toBe(1)
    expect(version.stdout).toMatch(/^Client:\n Version:\s+28\.2\.2\n/)
  })

  it('speaks over a unix socket with Host api.moby.localhost', async () => {
    const dir = tempDir('stacklab-sock-')
    const socketPath = join(dir.path, 'docker.sock')
    const seen: string[] = []
    const server: Server = createServer((rq, rs) => {
      seen.push(`${rq.method} ${rq.url} host=${rq.headers.host}`)
      rs.writeHead(200, { 'Content-Type': 'application/json', 'Api-Version': '1.50' })
      rs.end(rq.url?.startsWith('/v1.50/containers/json') ? '[]\n' : '{}\n')
    })
    await new Promise<void>((resolve) => server.listen(socketPath, resolve))
    try {
      const transport = new HttpTransport(`unix://${socketPath}`)
      const r = await runDocker(['ps', '-a'], ctxOf(transport, `unix://${socketPath}`), extras)
      expect(r).toEqual({ stdout: 'CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n', stderr: '', exitCode: 0 })
      expect(seen).toEqual(['GET /v1.50/containers/json?all=1 host=api.moby.localhost'])
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()))
      dir.remove()
    }
  })
})
