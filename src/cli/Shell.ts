// The command language's front end: one line at a time from the terminal, a lesson, a scenario file or the runner.
// docker lines go through the CLI → Engine API handler path; the rest are simulation commands.
import { World, engine, parseSimCommand, splitWords, type SimCommand } from '../sim/index.ts'
import { createEngineHandler } from '../engine-api/handler.ts'
import { InProcessTransport } from './transport.ts'
import { parseGlobals, runDocker, DOCKER_COMMANDS } from './dockerCli.ts'
import { writeTar } from './tarWriter.ts'
import { HELP_TOPICS, didYouMean, helpText } from './help.ts'
import type { CliOutput } from './api.ts'

/** Virtual time 0 is 2025-01-01T00:00:00Z (DESIGN.md). */
export const EPOCH_MS = Date.UTC(2025, 0, 1)

export interface ShellOutput extends CliOutput { clear?: boolean; parseError?: boolean }
/** A command as it was run: when it started and when the clock stood after it (pull, build, a foreground run take time). */
export interface SessionEntry { atMs: number; endMs: number; line: string }

/** Strip a `#` comment that is outside quotes. */
export function stripComment(line: string): string {
  let quote: string | null = null
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!
    if (quote) { if (ch === quote) quote = null; else if (ch === '\\' && quote === '"') i++; continue }
    if (ch === '"' || ch === "'") quote = ch
    else if (ch === '\\') i++
    else if (ch === '#' && (i === 0 || /\s/.test(line[i - 1]!))) return line.slice(0, i)
  }
  return line
}

export type ParsedLine =
  | { kind: 'empty' }
  | { kind: 'docker'; words: string[] }
  | { kind: 'sim'; command: SimCommand }
  | { kind: 'shell'; words: string[] }
  | { kind: 'error'; message: string }

/** Parse one line of the command language: never throws; a command or an error message. */
export function parseLine(line: string): ParsedLine {
  const words = splitWords(stripComment(line))
  if (words === null) return { kind: 'error', message: 'unterminated quote' }
  if (words.length === 0) return { kind: 'empty' }
  const head = words[0]!
  if (head === 'docker') return { kind: 'docker', words: words.slice(1) }
  if (['help', 'clear', 'history', 'export', 'unset'].includes(head)) return { kind: 'shell', words }
  const parsed = parseSimCommand(words)
  if (parsed.ok) return { kind: 'sim', command: parsed.command }
  if (parsed.error.startsWith('unknown command')) return { kind: 'error', message: `${head}: command not found${didYouMean(head)}` }
  return { kind: 'error', message: parsed.error }
}

export class Shell {
  readonly history: string[] = []
  readonly session: SessionEntry[] = []

  constructor(readonly world: World) {}

  async run(line: string): Promise<ShellOutput> {
    const parsed = parseLine(line)
    if (parsed.kind === 'empty') return { stdout: '', stderr: '', exitCode: 0 }
    this.history.push(line.trim())
    if (parsed.kind === 'error') return { stdout: '', stderr: parsed.message + '\n', exitCode: 2, parseError: true }
    const atMs = this.world.clockMs
    const result = await this.execute(parsed)
    if (parsed.kind !== 'shell' || parsed.words[0] === 'export' || parsed.words[0] === 'unset') {
      if (!(parsed.kind === 'sim' && (parsed.command.type === 'report' || parsed.command.type === 'wait'))) this.session.push({ atMs, endMs: this.world.clockMs, line: line.trim() })
    }
    return result
  }

  /** What was done, as a command file with `wait` lines, so it replays in the app and in `npm run sim`. */
  sessionScript(untilMs = this.world.clockMs): string {
    const lines = ['# Stacklab session', `# saved at t = ${(untilMs / 1000).toFixed(1)} s`]
    // a command that takes time (pull, build, foreground run) advances the clock itself on replay,
    // so each gap is measured from where the clock stood after the previous command
    let t = 0
    for (const e of this.session) {
      if (e.atMs > t) lines.push(`wait ${e.atMs - t}ms`)
      lines.push(e.line)
      t = e.endMs
    }
    if (untilMs > t) lines.push(`wait ${untilMs - t}ms`)
    return lines.join('\n') + '\n'
  }

  private async execute(parsed: Exclude<ParsedLine, { kind: 'empty' } | { kind: 'error' }>): Promise<ShellOutput> {
    switch (parsed.kind) {
      case 'docker': return this.docker(parsed.words)
      case 'sim': {
        const r = this.world.send(parsed.command)
        return r.ok ? { stdout: r.output ? r.output + '\n' : '', stderr: '', exitCode: 0 } : { stdout: '', stderr: r.error + '\n', exitCode: 1 }
      }
      case 'shell': return this.shellBuiltin(parsed.words)
    }
  }

  private shellBuiltin(words: string[]): ShellOutput {
    const [head, arg] = words
    switch (head) {
      case 'help': return { stdout: helpText(arg), stderr: '', exitCode: arg && !HELP_TOPICS.includes(arg) ? 1 : 0 }
      case 'clear': return { stdout: '', stderr: '', exitCode: 0, clear: true }
      case 'history': return { stdout: this.history.map((h, i) => `${String(i + 1).padStart(4)}  ${h}`).join('\n') + '\n', stderr: '', exitCode: 0 }
      case 'export': {
        const m = /^DOCKER_HOST=(.*)$/.exec(arg ?? '')
        if (!m) return { stdout: '', stderr: 'export: only DOCKER_HOST=URL is understood here\n', exitCode: 1 }
        const r = this.world.send({ type: 'client.dockerHost', url: m[1] || null })
        return r.ok ? { stdout: '', stderr: '', exitCode: 0 } : { stdout: '', stderr: r.error + '\n', exitCode: 1 }
      }
      case 'unset':
        if (arg !== 'DOCKER_HOST') return { stdout: '', stderr: 'unset: only DOCKER_HOST is understood here\n', exitCode: 1 }
        this.world.send({ type: 'client.dockerHost', url: null })
        return { stdout: '', stderr: '', exitCode: 0 }
      default: return { stdout: '', stderr: `${head}: command not found\n`, exitCode: 127 }
    }
  }

  private async docker(words: string[]): Promise<ShellOutput> {
    const g = parseGlobals(words)
    if (typeof g === 'string') return { stdout: '', stderr: g + '\n', exitCode: 125 }
    if (g.rest[0] === 'context') return this.context(g.rest.slice(1))
    const cmd = g.rest[0]
    if (cmd !== undefined && !DOCKER_COMMANDS.includes(cmd)) {
      return { stdout: '', stderr: `docker: unknown command: docker ${cmd}${didYouMean(cmd, DOCKER_COMMANDS)}\n\nRun 'docker --help' for more information\n`, exitCode: 1 }
    }
    const s = this.world.state
    let host = g.host
    if (g.context) {
      const ctx = s.client.contexts.find((c) => c.name === g.context)
      if (!ctx && g.context !== 'default') return { stdout: '', stderr: `context "${g.context}" does not exist\n`, exitCode: 1 }
      host = ctx?.host ?? null
    }
    const contextName = g.context ?? (s.client.dockerHost ? 'default' : s.client.currentContext)
    const target = engine.resolveDaemonTarget(s, host)
    if (!target.ok) {
      if (cmd === 'version') return { stdout: 'Client:\n Version:           28.2.2\n API version:       1.50\n Context:           ' + contextName + '\n', stderr: target.error + '\n', exitCode: 1 }
      return { stdout: '', stderr: target.error + '\n', exitCode: 1 }
    }
    const daemonId = target.daemon.id
    const transport = new InProcessTransport(this.world, createEngineHandler(this.world, () => daemonId))
    return runDocker(g.rest, { transport, apiVersion: '1.50', nowMs: () => EPOCH_MS + this.world.clockMs, hostUrl: target.url, inProcess: true }, {
      contextName,
      tarOf: (dir) => {
        const name = dir.replace(/^\.\//, '').replace(/\/+$/, '').split('/').pop() ?? ''
        const project = s.projects.find((p) => p.name === name)
        return project ? writeTar(project.files) : null
      }
    })
  }

  private context(words: string[]): ShellOutput {
    const [sub, ...rest] = words
    const s = this.world.state
    const result = (r: ReturnType<World['send']>): ShellOutput => r.ok ? { stdout: r.output + '\n', stderr: '', exitCode: 0 } : { stdout: '', stderr: r.error + '\n', exitCode: 1 }
    switch (sub) {
      case 'ls': case 'list': {
        const rows = [['default', 'Current DOCKER_HOST based configuration', engine.effectiveHostUrl({ ...s, client: { ...s.client, dockerHost: null, currentContext: 'default' } }, null)],
          ...s.client.contexts.map((c) => [c.name, c.description, c.host])]
        const lines = ['NAME        DESCRIPTION                               DOCKER ENDPOINT']
        for (const [name, desc, url] of rows) lines.push(`${(name! + (name === s.client.currentContext ? ' *' : '')).padEnd(12)}${desc!.padEnd(42)}${url}`)
        return { stdout: lines.join('\n') + '\n', stderr: '', exitCode: 0 }
      }
      case 'create': {
        const name = rest.find((w) => !w.startsWith('--') && rest[rest.indexOf(w) - 1] !== '--docker' && rest[rest.indexOf(w) - 1] !== '--description')
        const dockerIdx = rest.indexOf('--docker')
        const spec = dockerIdx >= 0 ? rest[dockerIdx + 1] : rest.find((w) => w.startsWith('--docker='))?.slice(9)
        const host = spec ? /(?:^|,)host=([^,]+)/.exec(spec)?.[1] : undefined
        if (!name || !host) return { stdout: '', stderr: 'usage: docker context create NAME --docker host=URL\n', exitCode: 1 }
        const descIdx = rest.indexOf('--description')
        return result(this.world.send({ type: 'client.contextCreate', name, host, description: descIdx >= 0 ? (rest[descIdx + 1] ?? '') : '' }))
      }
      case 'use':
        if (rest.length !== 1) return { stdout: '', stderr: 'usage: docker context use CONTEXT\n', exitCode: 1 }
        return result(this.world.send({ type: 'client.contextUse', name: rest[0]! }))
      case 'rm': case 'remove':
        if (rest.length !== 1) return { stdout: '', stderr: 'usage: docker context rm CONTEXT\n', exitCode: 1 }
        return result(this.world.send({ type: 'client.contextRemove', name: rest[0]! }))
      case 'show':
        return { stdout: (s.client.dockerHost ? 'default' : s.client.currentContext) + '\n', stderr: '', exitCode: 0 }
      default:
        return { stdout: '', stderr: `docker: unknown command: docker context ${sub ?? ''}\n\nRun 'docker context --help' for more information\n`, exitCode: 1 }
    }
  }
}
