// Parses `vm`, `host`, `client`, `fault`, `checkpoint`, `rewind`, `wait` and `report` lines (DESIGN.md).
import type { SimCommand } from './SimCommand.ts'
import type { ClientLocation, HypervisorKind, OsFamily } from '../model/types.ts'
import type { FaultKind } from '../faults/faults.ts'
import { parseDurationMs, parseSizeMb } from '../util/units.ts'

export type Parsed = { ok: true; command: SimCommand } | { ok: false; error: string }
const bad = (error: string): Parsed => ({ ok: false, error })

interface FlagSpec { [flag: string]: 'value' | 'bool' }

function parseFlags(args: string[], spec: FlagSpec, usage: string): { positional: string[]; flags: Record<string, string | true> } | string {
  const positional: string[] = []
  const flags: Record<string, string | true> = {}
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    if (a.startsWith('--')) {
      const eq = a.indexOf('=')
      const name = eq > 0 ? a.slice(0, eq) : a
      const kind = spec[name]
      if (!kind) return `unknown flag: ${name}\nUsage: ${usage}`
      if (kind === 'bool') { flags[name] = true; continue }
      const value = eq > 0 ? a.slice(eq + 1) : args[++i]
      if (value === undefined) return `flag needs an argument: ${name}\nUsage: ${usage}`
      flags[name] = value
    } else positional.push(a)
  }
  return { positional, flags }
}

const HYPERVISORS: HypervisorKind[] = ['none', 'esxi', 'hyper-v', 'kvm', 'virtualbox', 'vmware-workstation']
const OSES: OsFamily[] = ['linux', 'windows', 'macos']
const CLIENTS: ClientLocation[] = ['host', 'laptop-macos', 'laptop-windows', 'docker-desktop']
const FAULTS: FaultKind[] = ['panic', 'leak', 'cpu-hog', 'fork-bomb', 'disk-fill', 'escape']

function size(flag: string, value: string | true | undefined): number | undefined | string {
  if (value === undefined) return undefined
  const mb = typeof value === 'string' ? parseSizeMb(value) : null
  return mb === null || mb <= 0 ? `invalid size for ${flag}: "${String(value)}" (use e.g. 512m, 2g)` : mb
}
function integer(flag: string, value: string | true | undefined, min: number): number | undefined | string {
  if (value === undefined) return undefined
  const n = Number(value)
  return Number.isInteger(n) && n >= min ? n : `invalid value for ${flag}: "${String(value)}" (a whole number ≥ ${min})`
}
function rate(value: string | true | undefined): number | undefined | string {
  if (value === undefined) return undefined
  const m = typeof value === 'string' ? /^(.+)\/s$/.exec(value) : null
  const mb = m ? parseSizeMb(m[1]!) : null
  return mb === null || mb <= 0 ? `invalid rate "${String(value)}" (use e.g. 50m/s)` : mb
}

const VM_USAGE = 'vm create NAME --os OS [--kind full|microvm] [--cpus N] [--memory SIZE] [--disk SIZE] [--host HOST] [--docker]'
const HOST_USAGE = 'host add|set NAME [--cores N] [--memory SIZE] [--disk SIZE] [--os linux|windows|macos] [--kernel X.Y] [--hypervisor KIND] [--docker] [--overcommit X]'

export function parseSimCommand(words: string[]): Parsed {
  const [head, sub, ...rest] = words
  switch (head) {
    case 'vm': return parseVm(sub, rest)
    case 'host': return parseHost(sub, rest)
    case 'client': {
      if (sub !== 'use' || rest.length !== 1) return bad(`usage: client use ${CLIENTS.join('|')}`)
      if (!CLIENTS.includes(rest[0] as ClientLocation)) return bad(`unknown client location "${rest[0]}": choose ${CLIENTS.join(', ')}`)
      return { ok: true, command: { type: 'client.use', location: rest[0] as ClientLocation } }
    }
    case 'fault': {
      if (!sub || !FAULTS.includes(sub as FaultKind)) return bad(`unknown fault "${sub ?? ''}": choose ${FAULTS.join(', ')}`)
      const p = parseFlags(rest, { '--rate': 'value', '--threads': 'value' }, `fault ${sub} TARGET`)
      if (typeof p === 'string') return bad(p)
      if (p.positional.length !== 1) return bad(`usage: fault ${sub} TARGET`)
      const r = rate(p.flags['--rate'])
      if (typeof r === 'string') return bad(r)
      const t = integer('--threads', p.flags['--threads'], 1)
      if (typeof t === 'string') return bad(t)
      if (r !== undefined && sub !== 'leak' && sub !== 'disk-fill') return bad(`--rate applies to leak and disk-fill, not ${sub}`)
      if (t !== undefined && sub !== 'cpu-hog') return bad(`--threads applies to cpu-hog, not ${sub}`)
      const command: SimCommand = { type: 'fault', kind: sub as FaultKind, target: p.positional[0]! }
      if (r !== undefined) command.rateMbPerS = r
      if (t !== undefined) command.threads = t
      return { ok: true, command }
    }
    case 'project': return parseProject(sub, rest)
    case 'checkpoint': case 'rewind':
      if (rest.length > 0) return bad(`usage: ${head} [NAME]`)
      if (sub !== undefined && !/^[\w.-]+$/.test(sub)) return bad(`invalid checkpoint name "${sub}"`)
      return { ok: true, command: { type: head, name: sub ?? 'default' } }
    case 'wait': {
      if (!sub || rest.length > 0) return bad('usage: wait DURATION (e.g. 500ms, 30s, 2m, 1m30s)')
      const ms = parseDurationMs(sub)
      if (ms === null) return bad(`invalid duration "${sub}" (use e.g. 500ms, 30s, 2m, 1m30s)`)
      return { ok: true, command: { type: 'wait', ms } }
    }
    case 'report':
      if (sub !== undefined && sub !== '--json') return bad(`unknown flag: ${sub}\nUsage: report [--json]`)
      return { ok: true, command: { type: 'report', json: sub === '--json' } }
    default:
      return bad(`unknown command "${head ?? ''}"`)
  }
}

function parseVm(sub: string | undefined, rest: string[]): Parsed {
  switch (sub) {
    case 'create': {
      const p = parseFlags(rest, { '--os': 'value', '--kind': 'value', '--cpus': 'value', '--memory': 'value', '--disk': 'value', '--host': 'value', '--docker': 'bool', '--autostart': 'bool' }, VM_USAGE)
      if (typeof p === 'string') return bad(p)
      if (p.positional.length !== 1) return bad(`vm create needs exactly one NAME\nUsage: ${VM_USAGE}`)
      const kind = (p.flags['--kind'] ?? 'full') as string
      if (kind !== 'full' && kind !== 'microvm') return bad(`invalid --kind "${kind}": full or microvm`)
      const os = p.flags['--os']
      if (typeof os !== 'string' && kind === 'full') return bad(`vm create needs --os\nUsage: ${VM_USAGE}`)
      const cpus = integer('--cpus', p.flags['--cpus'], 1)
      const memoryMb = size('--memory', p.flags['--memory'])
      const diskMb = size('--disk', p.flags['--disk'])
      for (const v of [cpus, memoryMb, diskMb]) if (typeof v === 'string') return bad(v)
      const command: SimCommand = { type: 'vm.create', name: p.positional[0]!, os: typeof os === 'string' ? os : 'microvm', kind, docker: !!p.flags['--docker'], autostart: !!p.flags['--autostart'] }
      if (cpus !== undefined) command.cpus = cpus as number
      if (memoryMb !== undefined) command.memoryMb = memoryMb as number
      if (diskMb !== undefined) command.diskMb = diskMb as number
      if (typeof p.flags['--host'] === 'string') command.host = p.flags['--host']
      return { ok: true, command }
    }
    case 'start': case 'stop': case 'pause': case 'resume': case 'delete': {
      const p = parseFlags(rest, { '--host': 'value' }, `vm ${sub} NAME [--host HOST]`)
      if (typeof p === 'string') return bad(p)
      if (p.positional.length !== 1) return bad(`usage: vm ${sub} NAME [--host HOST]`)
      const command: SimCommand = { type: `vm.${sub}`, name: p.positional[0]! }
      if (typeof p.flags['--host'] === 'string') command.host = p.flags['--host']
      return { ok: true, command }
    }
    case 'list':
      return rest.length ? bad('usage: vm list') : { ok: true, command: { type: 'vm.list' } }
    case 'exec': {
      const [name, ...argv] = rest
      if (!name || argv.length === 0) return bad('usage: vm exec NAME CMD...')
      return { ok: true, command: { type: 'vm.exec', name, argv } }
    }
    default:
      return bad(`unknown vm subcommand "${sub ?? ''}": create, start, stop, pause, resume, delete, list, exec`)
  }
}

function parseHost(sub: string | undefined, rest: string[]): Parsed {
  if (sub === 'list') return rest.length ? bad('usage: host list') : { ok: true, command: { type: 'host.list' } }
  if (sub !== 'add' && sub !== 'set') return bad(`unknown host subcommand "${sub ?? ''}": add, set, list`)
  const p = parseFlags(rest, { '--cores': 'value', '--memory': 'value', '--disk': 'value', '--os': 'value', '--kernel': 'value', '--hypervisor': 'value', '--docker': 'bool', '--no-docker': 'bool', '--overcommit': 'value' }, HOST_USAGE)
  if (typeof p === 'string') return bad(p)
  if (p.positional.length !== 1) return bad(`host ${sub} needs exactly one NAME\nUsage: ${HOST_USAGE}`)
  const command: SimCommand = { type: `host.${sub}`, name: p.positional[0]! }
  const cores = integer('--cores', p.flags['--cores'], 1)
  const memoryMb = size('--memory', p.flags['--memory'])
  const diskMb = size('--disk', p.flags['--disk'])
  for (const v of [cores, memoryMb, diskMb]) if (typeof v === 'string') return bad(v)
  if (cores !== undefined) command.cores = cores as number
  if (memoryMb !== undefined) command.memoryMb = memoryMb as number
  if (diskMb !== undefined) command.diskMb = diskMb as number
  const os = p.flags['--os']
  if (os !== undefined) {
    if (!OSES.includes(os as OsFamily)) return bad(`invalid --os "${String(os)}": linux, windows or macos`)
    command.os = os as OsFamily
  }
  const kernel = p.flags['--kernel']
  if (kernel !== undefined) {
    if (typeof kernel !== 'string' || !/^\d+\.\d+(\.\d+)?$/.test(kernel)) return bad(`invalid --kernel "${String(kernel)}" (e.g. 6.8)`)
    command.kernel = kernel
  }
  const hv = p.flags['--hypervisor']
  if (hv !== undefined) {
    if (!HYPERVISORS.includes(hv as HypervisorKind)) return bad(`invalid --hypervisor "${String(hv)}": ${HYPERVISORS.join(', ')}`)
    command.hypervisor = hv as HypervisorKind
  }
  if (p.flags['--docker']) command.docker = true
  if (p.flags['--no-docker']) command.docker = false
  const oc = p.flags['--overcommit']
  if (oc !== undefined) {
    const x = Number(oc)
    if (!(x >= 1 && x <= 20)) return bad(`invalid --overcommit "${String(oc)}": a factor from 1 (strict) to 20`)
    command.overcommit = x
  }
  return { ok: true, command }
}

const PROJECT_USAGE = 'project write NAME PATH (--text TEXT | --base64 DATA) | project list | project show NAME PATH'

/** A file in a project folder, so an edited Dockerfile is a command line that replays (base64 keeps newlines). */
function parseProject(sub: string | undefined, rest: string[]): Parsed {
  if (sub === 'list') return rest.length ? bad(`usage: ${PROJECT_USAGE}`) : { ok: true, command: { type: 'project.list' } }
  if (sub === 'show') {
    if (rest.length !== 2) return bad(`usage: ${PROJECT_USAGE}`)
    return { ok: true, command: { type: 'project.show', name: rest[0]!, path: rest[1]! } }
  }
  if (sub !== 'write') return bad(`unknown project subcommand "${sub ?? ''}": write, list, show`)
  const p = parseFlags(rest, { '--text': 'value', '--base64': 'value' }, PROJECT_USAGE)
  if (typeof p === 'string') return bad(p)
  if (p.positional.length !== 2) return bad(`usage: ${PROJECT_USAGE}`)
  const text = p.flags['--text']
  const b64 = p.flags['--base64']
  if ((text === undefined) === (b64 === undefined)) return bad('project write needs exactly one of --text or --base64')
  let content: string
  if (typeof b64 === 'string') {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64) || b64.length % 4 !== 0) return bad('--base64: not valid base64')
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))
    try { content = new TextDecoder('utf-8', { fatal: true }).decode(bytes) } catch { return bad('--base64: the text is not valid UTF-8') }
  } else content = String(text)
  return { ok: true, command: { type: 'project.write', name: p.positional[0]!, path: p.positional[1]!, text: content } }
}
