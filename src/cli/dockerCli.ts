// The docker CLI: a command line → the requests docker CLI 28 sends → the handler → output as the CLI prints it.
import { out, type CliContext, type CliOutput } from './api.ts'
import { runOrCreate } from './commands/run.ts'
import { build, images, pull, rmi, tag } from './commands/images.ts'
import { exec, inspect, lifecycle, logs, port, ps, rename, rm, stats, top, wait } from './commands/containers.ts'
import { clientBlock, events, info, network, systemDf, version, volume } from './commands/system.ts'
import { ConnectionError } from './transport.ts'
import { parseDurationMs } from '../sim/index.ts'
import { unixTimestampText } from './format.ts'

export const DOCKER_COMMANDS = ['run', 'create', 'ps', 'images', 'pull', 'stop', 'start', 'restart', 'kill', 'pause', 'unpause', 'rm', 'logs',
  'inspect', 'stats', 'rmi', 'tag', 'exec', 'build', 'network', 'volume', 'system', 'version', 'info', 'events', 'top', 'port', 'rename', 'wait',
  'context', 'container', 'image']

export interface DockerGlobals { host: string | null; context: string | null; rest: string[] }

/** Global flags before the subcommand: -H/--host, --context/-c, -D, --log-level. */
export function parseGlobals(words: string[]): DockerGlobals | string {
  let host: string | null = null
  let context: string | null = null
  let i = 0
  for (; i < words.length; i++) {
    const w = words[i]!
    if (w === '-H' || w === '--host') { host = words[++i] ?? null; if (host === null) return 'flag needs an argument: -H'; continue }
    if (w.startsWith('--host=')) { host = w.slice(7); continue }
    if (w.startsWith('-H') && w.length > 2) { host = w.slice(2); continue }
    if (w === '--context' || w === '-c') { context = words[++i] ?? null; if (context === null) return 'flag needs an argument: --context'; continue }
    if (w.startsWith('--context=')) { context = w.slice(10); continue }
    if (w === '-D' || w === '--debug') continue
    if (w.startsWith('-')) return `unknown flag: ${w}\nSee 'docker --help'.`
    break
  }
  return { host, context, rest: words.slice(i) }
}

export interface DockerExtras {
  contextName: string
  tarOf(dir: string): Uint8Array | null
}

/**
 * `--since`/`--until` as docker's GetTimestamp sends them, relative to the CLI's clock: unix seconds pass through
 * as typed ("1735689605.5"), a duration ("10m") is whole seconds before now, a date keeps its fraction ("sec.nnnnnnnnn").
 */
function sinceParser(ctx: CliContext) {
  return (v: string): string | null => {
    if (/^\d+(\.\d{1,9})?$/.test(v)) return v
    const d = parseDurationMs(v)
    if (d !== null && v !== '0') return String(Math.floor((ctx.nowMs() - d) / 1000))
    const t = Date.parse(v)
    return Number.isNaN(t) ? null : unixTimestampText(t)
  }
}

export async function runDocker(words: string[], ctx: CliContext, extras: DockerExtras): Promise<CliOutput> {
  try {
    return await dispatch(words, ctx, extras)
  } catch (e) {
    // over HTTP the daemon may not be there at all
    if (!(e instanceof ConnectionError)) throw e
    const message = `Cannot connect to the Docker daemon at ${ctx.hostUrl}. Is the docker daemon running?\n`
    return out(words[0] === 'version' ? clientBlock(ctx, extras.contextName) : '', message, 1)
  }
}

async function dispatch(words: string[], ctx: CliContext, extras: DockerExtras): Promise<CliOutput> {
  let [cmd, ...rest] = words
  // `docker container ls`, `docker image ls` and friends map onto the classic commands
  if (cmd === 'container' || cmd === 'image') {
    const sub = rest[0]
    const alias: Record<string, string> = { ls: cmd === 'container' ? 'ps' : 'images', list: cmd === 'container' ? 'ps' : 'images', rm: cmd === 'container' ? 'rm' : 'rmi', inspect: 'inspect', prune: 'prune' }
    const mapped = sub ? (alias[sub] ?? sub) : undefined
    if (!mapped) return out('', `docker: 'docker ${cmd}' requires a subcommand\n`, 1)
    cmd = mapped
    rest = rest.slice(1)
  }
  switch (cmd) {
    case 'run': return runOrCreate(ctx, rest, 'run')
    case 'create': return runOrCreate(ctx, rest, 'create')
    case 'ps': return ps(ctx, rest)
    case 'images': return images(ctx, rest)
    case 'pull': return pull(ctx, rest)
    case 'stop': case 'start': case 'restart': case 'kill': case 'pause': case 'unpause': return lifecycle(ctx, cmd, rest)
    case 'rm': return rm(ctx, rest)
    case 'logs': return logs(ctx, rest)
    case 'inspect': return inspect(ctx, rest)
    case 'stats': return stats(ctx, rest)
    case 'rmi': return rmi(ctx, rest)
    case 'tag': return tag(ctx, rest)
    case 'exec': return exec(ctx, rest)
    case 'build': return build(ctx, rest, extras).then((r) => ({ ...r, stderr: LEGACY_BUILDER + r.stderr }))
    case 'network': return network(ctx, rest)
    case 'volume': return volume(ctx, rest)
    case 'system':
      if (rest[0] === 'df') return systemDf(ctx)
      if (rest[0] === 'info') return info(ctx, extras.contextName)
      if (rest[0] === 'events') return events(ctx, rest.slice(1), sinceParser(ctx))
      return out('', `docker: unknown command: docker system ${rest[0] ?? ''}\n\nRun 'docker system --help' for more information\n`, 1)
    case 'version': return version(ctx, extras.contextName)
    case 'info': return info(ctx, extras.contextName)
    case 'events': return events(ctx, rest, sinceParser(ctx))
    case 'top': return top(ctx, rest)
    case 'port': return port(ctx, rest)
    case 'rename': return rename(ctx, rest)
    case 'wait': return wait(ctx, rest)
    case undefined: return out('', "Usage:  docker [OPTIONS] COMMAND\n\nRun 'docker --help' for more information\n", 1)
    default: return out('', `docker: unknown command: docker ${cmd}\n\nRun 'docker --help' for more information\n`, 1)
  }
}

const LEGACY_BUILDER = 'DEPRECATED: The legacy builder is deprecated and will be removed in a future release.\n            Install the buildx component to build images with BuildKit:\n            https://docs.docker.com/go/buildx/\n\n'
