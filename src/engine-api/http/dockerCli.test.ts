// End-to-end with the real docker CLI (skipped when none is installed): version, a foreground `run --rm`
// (create → hijacked attach → wait with flushed headers → start) and `exec` (hijacked start with a JSON body).

import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiHandler, ApiResponse, StreamSink } from '../types.ts'
import { createEngineServer, type ListeningEngine } from './engineServer.ts'
import { frame } from './testSupport.ts'

function findDocker(): string | undefined {
  const dirs = ['/usr/bin', '/usr/local/bin', ...(process.env['PATH'] ?? '').split(delimiter)]
  for (const dir of dirs) {
    if (dir === '') continue
    const candidate = join(dir, 'docker')
    if (existsSync(candidate)) return candidate
  }
  return undefined
}

const docker = findDocker()
if (!docker) console.warn('[dockerCli.test] no docker CLI found: skipping the end-to-end CLI tests')

const CONTAINER = 'c0ffee'.padEnd(64, '0')
const EXEC = 'e1ec'.padEnd(64, '1')
const CAT = 'ca7'.padEnd(64, '2')
const JSON_CT = { 'Content-Type': 'application/json' }

/** Just enough of an engine for `version`, `run --rm alpine echo hi` and `exec web echo hello`. */
function miniEngine() {
  let attach: StreamSink | undefined
  let wait: StreamSink | undefined
  const handler: ApiHandler = (req): ApiResponse => {
    const path = req.path.replace(/^\/v[0-9.]+/, '')
    if (path === '/_ping') return { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, text: req.method === 'HEAD' ? '' : 'OK' }
    if (path === '/version') return { status: 200, headers: {}, json: { Version: '28.2.2', ApiVersion: '1.50', MinAPIVersion: '1.24', Os: 'linux', Arch: 'amd64' } }
    if (path === '/containers/create') {
      const body = JSON.parse(new TextDecoder().decode(req.body)) as { Cmd: string[] | null }
      return { status: 201, headers: {}, json: { Id: body.Cmd?.[0] === 'cat' ? CAT : CONTAINER, Warnings: [] } }
    }
    if (path === `/containers/${CAT}/attach`) {
      // `cat`: echo stdin back as stdout frames, exit when stdin ends
      return {
        status: 101,
        headers: { 'Content-Type': 'application/vnd.docker.multiplexed-stream' },
        upgrade: true,
        stream: {
          start: (sink) => {
            attach = sink
            return () => {}
          },
          input: (chunk) => attach?.write(frame(1, new TextDecoder().decode(chunk))),
          inputEnded: () => {
            attach?.end()
            setTimeout(() => {
              wait?.write('{"Error":null,"StatusCode":0}\n')
              wait?.end()
            }, 20)
          }
        }
      }
    }
    if (path === `/containers/${CAT}/wait`) {
      return { status: 200, headers: JSON_CT, stream: { start: (sink) => { wait = sink; return () => {} } } }
    }
    if (path === `/containers/${CAT}/start`) return { status: 204, headers: {} }
    if (path === `/containers/${CONTAINER}/attach`) {
      return { status: 101, headers: { 'Content-Type': 'application/vnd.docker.multiplexed-stream' }, upgrade: true, stream: { start: (sink) => { attach = sink; return () => {} } } }
    }
    if (path === `/containers/${CONTAINER}/wait`) {
      return { status: 200, headers: JSON_CT, stream: { start: (sink) => { wait = sink; return () => {} } } }
    }
    if (path === `/containers/${CONTAINER}/start`) {
      setTimeout(() => {
        attach?.write(frame(1, 'hi\n'))
        attach?.end()
        setTimeout(() => {
          wait?.write('{"Error":null,"StatusCode":0}\n')
          wait?.end()
        }, 20)
      }, 10)
      return { status: 204, headers: {} }
    }
    if (path === '/containers/web/json') {
      return { status: 200, headers: {}, json: { Id: CONTAINER, Name: '/web', State: { Status: 'running', Running: true }, Config: { Tty: false } } }
    }
    if (path === '/containers/web/exec') return { status: 201, headers: {}, json: { Id: EXEC } }
    if (path === `/exec/${EXEC}/start`) {
      const body = JSON.parse(new TextDecoder().decode(req.body)) as { Detach: boolean; Tty: boolean }
      return {
        status: 101,
        headers: { 'Content-Type': 'application/vnd.docker.multiplexed-stream' },
        upgrade: true,
        stream: {
          start(sink) {
            sink.write(frame(1, `hello tty=${String(body.Tty)}\n`))
            sink.write(frame(2, 'warn\n'))
            sink.end()
            return () => {}
          }
        }
      }
    }
    if (path === `/exec/${EXEC}/json`) return { status: 200, headers: {}, json: { ID: EXEC, Running: false, ExitCode: 3 } }
    return { status: 404, headers: JSON_CT, json: { message: 'page not found' } }
  }
  return { handler }
}

interface CliResult {
  code: number
  stdout: string
  stderr: string
}

let engine: ListeningEngine
let home: string

function runDocker(args: string[], stdin?: string): Promise<CliResult> {
  const env: Record<string, string> = { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: home, DOCKER_CONFIG: join(home, '.docker') }
  return new Promise((resolve) => {
    const child = execFile(docker ?? 'docker', ['-H', `tcp://127.0.0.1:${engine.port}`, ...args], { timeout: 10_000, env }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0
      resolve({ code, stdout, stderr })
    })
    child.stdin?.end(stdin ?? '')
  })
}

describe.skipIf(!docker)('docker CLI against the adapter', () => {
  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'stacklab-docker-'))
    engine = await createEngineServer(miniEngine().handler).listen(0)
  })
  afterAll(async () => {
    await engine?.close()
    rmSync(home, { recursive: true, force: true })
  })

  it('docker version exits 0 and shows the engine', async () => {
    const result = await runDocker(['version'])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/Server:[^]*Engine:[^]*Version:\s+28\.2\.2/)
  })
  it('docker run --rm alpine echo hi prints hi through the hijacked attach and exits with the wait status', async () => {
    const result = await runDocker(['run', '--rm', 'alpine', 'echo', 'hi'])
    expect(result.stderr).toBe('')
    expect(result.stdout).toBe('hi\n')
    expect(result.code).toBe(0)
  })
  it('docker run -i pipes stdin through the hijacked connection', async () => {
    const result = await runDocker(['run', '-i', '--rm', 'alpine', 'cat'], 'line one\nline two\n')
    expect(result.stderr).toBe('')
    expect(result.stdout).toBe('line one\nline two\n')
    expect(result.code).toBe(0)
  })
  it('docker exec sends the JSON start body before the upgrade and exits with ExitCode', async () => {
    const result = await runDocker(['exec', 'web', 'echo', 'hello'])
    expect(result.stdout).toBe('hello tty=false\n')
    expect(result.stderr).toBe('warn\n')
    expect(result.code).toBe(3)
  })
})
