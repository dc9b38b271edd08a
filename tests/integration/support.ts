// Shared by the integration tests: a wall-clock engine (`startEngine`), two ways to run a docker command line
// against it (the real docker CLI binary, and src/cli's runDocker over HttpTransport), and polling helpers.
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join, relative } from 'node:path'
import { startEngine } from '../../src/cli/serveEngine.ts'
import { runDocker } from '../../src/cli/dockerCli.ts'
import { HttpTransport } from '../../src/cli/httpTransport.ts'
import { writeTar } from '../../src/cli/tarWriter.ts'
import type { World, ReportInstance } from '../../src/sim/index.ts'

export interface CliResult { code: number; stdout: string; stderr: string }

export type Engine = Awaited<ReturnType<typeof startEngine>>

/** A docker command line (words after `docker`) → its exit code and output. */
export type DockerRunner = (args: string[]) => Promise<CliResult>

/** Per-call wall-clock limit: a command that hangs fails its test instead of the whole file. */
export const CALL_TIMEOUT_MS = 15_000

export function findDocker(): string | undefined {
  const dirs = ['/usr/local/bin', '/usr/bin', ...(process.env['PATH'] ?? '').split(delimiter)]
  for (const dir of dirs) {
    if (dir === '') continue
    const candidate = join(dir, 'docker')
    if (existsSync(candidate)) return candidate
  }
  return undefined
}

/** The real CLI with a clean HOME (no user config, contexts or plugins leak in) and DOCKER_HOST on the engine. */
export function realDockerRunner(binary: string, port: number, home: string, apiVersion: string): DockerRunner {
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '/usr/local/bin:/usr/bin:/bin',
    HOME: home,
    DOCKER_CONFIG: join(home, '.docker'),
    DOCKER_HOST: `tcp://127.0.0.1:${port}`
  }
  if (apiVersion) env['DOCKER_API_VERSION'] = apiVersion
  return (args) => new Promise((resolve) => {
    // SIGKILL: a foreground `docker run` forwards SIGTERM to the container instead of exiting (protocol §0.10)
    execFile(binary, args, { env, timeout: CALL_TIMEOUT_MS, killSignal: 'SIGKILL', maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0
      resolve({ code, stdout, stderr: error?.killed ? `${stderr}[killed after ${CALL_TIMEOUT_MS} ms]` : stderr })
    }).stdin?.end()
  })
}

/** src/cli's docker over HTTP: the same code path as the app's terminal, with the network in between. */
export function srcCliRunner(port: number, apiVersion: string): DockerRunner {
  const transport = new HttpTransport(`tcp://127.0.0.1:${port}`, { requestTimeoutMs: CALL_TIMEOUT_MS })
  const ctx = { transport, apiVersion: apiVersion || '1.50', nowMs: () => Date.now(), hostUrl: `tcp://127.0.0.1:${port}`, inProcess: false }
  const extras = { contextName: 'default', tarOf: tarOfDirectory }
  return async (args) => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const limit = new Promise<CliResult>((resolve) => {
      timer = setTimeout(() => resolve({ code: -1, stdout: '', stderr: `[no answer after ${CALL_TIMEOUT_MS} ms]` }), CALL_TIMEOUT_MS)
    })
    try {
      const r = await Promise.race([runDocker(args, ctx, extras).then((o) => ({ code: o.exitCode, stdout: o.stdout, stderr: o.stderr })), limit])
      return r
    } finally {
      clearTimeout(timer)
    }
  }
}

/** A folder on disk as the tar build context the CLI sends (text files; enough for these tests). */
export function tarOfDirectory(dir: string): Uint8Array | null {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return null
  const files: { path: string; sizeMb: number; text: string }[] = []
  const walk = (at: string): void => {
    for (const name of readdirSync(at).sort()) {
      const full = join(at, name)
      if (statSync(full).isDirectory()) walk(full)
      else {
        const text = readFileSync(full, 'utf8')
        files.push({ path: relative(dir, full).split('\\').join('/'), sizeMb: Buffer.byteLength(text) / 1048576, text })
      }
    }
  }
  walk(dir)
  return writeTar(files)
}

export function tempDir(prefix: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix))
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) }
}

export const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** Polls `probe` every 20 ms until it returns a value that is not undefined/false; throws after `timeoutMs` of wall time. */
export async function eventually<T>(probe: () => T | undefined | false, what: string | (() => string), timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = probe()
    if (value !== undefined && value !== false) return value
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${typeof what === 'string' ? what : what()}`)
    await delay(20)
  }
}

export function instanceOf(world: World, name: string): ReportInstance | undefined {
  return world.report().instances.find((i) => i.kind === 'container' && i.name === name)
}

/** The instance once its state is one of `states` (polling the world's report). */
export function stateOf(world: World, name: string, states: string[], timeoutMs = 5_000): Promise<ReportInstance> {
  return eventually(() => {
    const i = instanceOf(world, name)
    return i && states.includes(i.state) ? i : undefined
  }, () => `container ${name} to be ${states.join('|')} (it is ${instanceOf(world, name)?.state ?? 'absent'})`, timeoutMs)
}

export function imageTags(world: World): string[] {
  return world.state.daemons.find((d) => d.id === 'container-host')!.images.flatMap((i) => i.repoTags)
}
