// Tab completion for the terminal: command words, subcommands, flags, and the names in the world.
import type { CompletionWords } from './types'

export const TOP_LEVEL = ['docker', 'vm', 'host', 'client', 'fault', 'checkpoint', 'rewind', 'wait', 'report', 'help', 'clear', 'history', 'export', 'unset']
const DOCKER = ['run', 'ps', 'images', 'pull', 'stop', 'start', 'restart', 'kill', 'pause', 'unpause', 'rm', 'logs', 'inspect', 'stats', 'rmi',
  'exec', 'build', 'tag', 'network', 'volume', 'system', 'version', 'info', 'events', 'context']
const DOCKER_ON_CONTAINER = ['stop', 'start', 'restart', 'kill', 'pause', 'unpause', 'rm', 'logs', 'inspect', 'exec']
const DOCKER_RUN_FLAGS = ['-d', '--rm', '--name', '-p', '-m', '--memory', '--cpus', '--pids-limit', '--restart', '--privileged', '--network', '-v', '-e',
  '--health-cmd', '--health-interval']
const VM = ['create', 'start', 'stop', 'pause', 'resume', 'delete', 'list', 'exec']
const VM_CREATE_FLAGS = ['--os', '--kind', '--cpus', '--memory', '--disk', '--host', '--docker']
const FAULTS = ['panic', 'leak', 'cpu-hog', 'fork-bomb', 'disk-fill', 'escape']
const HELP = ['docker', 'vm', 'host', 'client', 'fault', 'checkpoint', 'rewind', 'wait', 'report', 'export', 'history', 'clear']
const CLIENTS = ['host', 'laptop-macos', 'laptop-windows', 'docker-desktop']

export interface Completion {
  /** the new line and cursor */
  readonly line: string
  readonly cursor: number
  /** the candidates, when more than one still fits */
  readonly options: readonly string[]
}

function candidatesFor(done: readonly string[], partial: string, words: CompletionWords): readonly string[] {
  const [head, sub] = done
  const prev = done[done.length - 1]
  const index = done.length
  if (index === 0) return TOP_LEVEL
  switch (head) {
    case 'docker': {
      if (index === 1) return DOCKER
      if (sub === 'run') {
        if (prev === '--restart') return ['no', 'on-failure', 'always', 'unless-stopped']
        if (prev !== undefined && ['--name', '-p', '-m', '--memory', '--cpus', '--pids-limit', '-v', '-e', '--network', '--health-cmd', '--health-interval'].includes(prev)) return []
        return partial.startsWith('-') ? DOCKER_RUN_FLAGS : words.images
      }
      if (sub === 'pull' || sub === 'rmi' || sub === 'tag') return words.images
      if (sub && DOCKER_ON_CONTAINER.includes(sub)) return partial.startsWith('-') ? ['-f'] : words.containerNames
      if (sub === 'ps') return ['-a']
      if (sub === 'stats') return ['--no-stream']
      if (sub === 'network' || sub === 'volume') return index === 2 ? ['create', 'ls', 'rm'] : []
      if (sub === 'context') return index === 2 ? ['ls', 'create', 'use', 'rm', 'show'] : []
      if (sub === 'system') return index === 2 ? ['df'] : []
      return []
    }
    case 'vm':
      if (index === 1) return VM
      if (sub === 'create') {
        if (prev === '--os') return words.oses
        if (prev === '--kind') return ['full', 'microvm']
        if (prev === '--host') return words.hosts
        if (prev !== undefined && ['--cpus', '--memory', '--disk'].includes(prev)) return []
        return partial.startsWith('-') || index > 2 ? VM_CREATE_FLAGS : []
      }
      if (sub === 'list') return []
      return index === 2 ? words.vmNames : partial.startsWith('-') ? ['--host'] : []
    case 'fault':
      if (index === 1) return FAULTS
      return index === 2 ? [...words.vmNames, ...words.containerNames, ...words.hosts.map((h) => `host:${h}`)] : ['--rate', '--threads']
    case 'checkpoint':
    case 'rewind':
      return index === 1 ? words.checkpoints : []
    case 'help':
      return index === 1 ? HELP : []
    case 'client':
      return index === 1 ? ['use'] : index === 2 ? CLIENTS : []
    case 'host':
      if (index === 1) return ['add', 'list', 'set']
      return sub === 'set' && index === 2 ? words.hosts : []
    case 'report':
      return index === 1 ? ['--json'] : []
    case 'export':
      return index === 1 ? ['DOCKER_HOST='] : []
    case 'unset':
      return index === 1 ? ['DOCKER_HOST'] : []
    default:
      return []
  }
}

function commonPrefix(values: readonly string[]): string {
  if (values.length === 0) return ''
  let prefix = values[0]!
  for (const v of values) while (!v.startsWith(prefix)) prefix = prefix.slice(0, -1)
  return prefix
}

/** Completes the word before the cursor. */
export function complete(line: string, cursor: number, words: CompletionWords): Completion {
  const before = line.slice(0, cursor)
  const after = line.slice(cursor)
  const match = /(\S*)$/.exec(before)
  const partial = match?.[1] ?? ''
  const done = before.slice(0, before.length - partial.length).trim().split(/\s+/).filter(Boolean)
  const options = [...new Set(candidatesFor(done, partial, words))].filter((c) => c.startsWith(partial)).sort()
  if (options.length === 0) return { line, cursor, options: [] }
  const stem = before.slice(0, before.length - partial.length)
  if (options.length === 1) {
    const word = options[0]!
    const suffix = word.endsWith('=') || after.startsWith(' ') ? '' : ' '
    const next = stem + word + suffix
    return { line: next + after, cursor: next.length, options: [] }
  }
  const prefix = commonPrefix(options)
  const next = stem + (prefix.length > partial.length ? prefix : partial)
  return { line: next + after, cursor: next.length, options }
}
