// The body of POST /containers/create (Config + HostConfig, protocol §3 "docker run") → the simulation's CreateSpec.
// Field names and zero values follow the v1.50 spec; a value of the wrong JSON type is refused as Go's decoder would.
import type { DaemonState, HealthConfig, PortBinding } from '../sim/index.ts'
import { engine } from '../sim/index.ts'
import { isRecord } from './context.ts'

type CreateSpec = engine.CreateSpec

/** A 400 the create route answers with. */
export class BadRequest extends Error {}

const goType = (v: unknown): string => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v === 'boolean' ? 'bool' : typeof v)

function typeError(path: string, value: unknown, want: string): BadRequest {
  return new BadRequest(`json: cannot unmarshal ${goType(value)} into Go struct field ${path} of type ${want}`)
}

/** Reads the fields of one JSON object; `null` and absent are the Go zero value. */
class Fields {
  constructor(private readonly obj: Record<string, unknown>, private readonly path: string) {}

  private get(key: string): unknown {
    return Object.prototype.hasOwnProperty.call(this.obj, key) ? this.obj[key] : undefined
  }

  string(key: string): string {
    const v = this.get(key)
    if (v === undefined || v === null) return ''
    if (typeof v !== 'string') throw typeError(`${this.path}.${key}`, v, 'string')
    return v
  }

  bool(key: string): boolean {
    const v = this.get(key)
    if (v === undefined || v === null) return false
    if (typeof v !== 'boolean') throw typeError(`${this.path}.${key}`, v, 'bool')
    return v
  }

  int(key: string): number {
    const v = this.get(key)
    if (v === undefined || v === null) return 0
    if (typeof v !== 'number' || !Number.isInteger(v)) throw typeError(`${this.path}.${key}`, v, 'int64')
    return v
  }

  /** Go's strslice: a JSON array of strings, or a single string. null when absent. */
  strings(key: string): string[] | null {
    const v = this.get(key)
    if (v === undefined || v === null) return null
    if (typeof v === 'string') return [v]
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw typeError(`${this.path}.${key}`, v, '[]string')
    return v as string[]
  }

  object(key: string): Fields | null {
    const v = this.get(key)
    if (v === undefined || v === null) return null
    if (!isRecord(v)) throw typeError(`${this.path}.${key}`, v, 'object')
    return new Fields(v, `${this.path}.${key}`)
  }

  keys(key: string): string[] {
    return Object.keys(this.object(key)?.obj ?? {})
  }

  stringMap(key: string): Record<string, string> {
    const f = this.object(key)
    const out: Record<string, string> = {}
    if (!f) return out
    for (const [k, v] of Object.entries(f.obj)) {
      if (typeof v !== 'string') throw typeError(`${this.path}.${key}`, v, 'map[string]string')
      out[k] = v
    }
    return out
  }

  raw(key: string): unknown {
    return this.get(key)
  }
}

const RESTART_POLICIES = ['no', 'always', 'on-failure', 'unless-stopped'] as const

function restartPolicy(hc: Fields | null): { name: (typeof RESTART_POLICIES)[number]; retries: number } {
  const policy = hc?.object('RestartPolicy') ?? null
  const name = policy?.string('Name') || 'no'
  const retries = policy?.int('MaximumRetryCount') ?? 0
  if (!(RESTART_POLICIES as readonly string[]).includes(name)) {
    throw new BadRequest(`invalid restart policy: unknown policy '${name}'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'`)
  }
  if (retries < 0) throw new BadRequest('invalid restart policy: maximum retry count cannot be negative')
  if (retries > 0 && name !== 'on-failure') throw new BadRequest(`invalid restart policy: maximum retry count can only be used with 'on-failure'`)
  return { name: name as (typeof RESTART_POLICIES)[number], retries }
}

function healthcheck(config: Fields): HealthConfig | null {
  const hc = config.object('Healthcheck')
  if (!hc) return null
  const test = hc.strings('Test')
  if (!test || test.length === 0) return null
  if (!['NONE', 'CMD', 'CMD-SHELL'].includes(test[0]!)) throw new BadRequest(`invalid healthcheck: Test must start with NONE, CMD or CMD-SHELL, got "${test[0]}"`)
  const intervalNs = hc.int('Interval')
  const retries = hc.int('Retries')
  if (intervalNs < 0 || retries < 0) throw new BadRequest('Interval in Healthcheck cannot be less than 1ms')
  if (intervalNs > 0 && intervalNs < 1_000_000) throw new BadRequest('Interval in Healthcheck cannot be less than 1ms')
  return { test, intervalMs: intervalNs > 0 ? intervalNs / 1e6 : 30_000, retries: retries > 0 ? retries : 3 }
}

/** The lowest free port of the ephemeral range (dockerd draws from 32768–60999). */
function ephemeralPort(daemon: DaemonState, taken: Set<number>): number {
  for (const c of daemon.containers) for (const b of c.hostConfig.portBindings) taken.add(b.hostPort)
  let port = 32768
  while (taken.has(port)) port++
  taken.add(port)
  return port
}

function parsePortKey(key: string): { port: number; protocol: 'tcp' | 'udp' } {
  const m = /^(\d{1,5})(?:\/(tcp|udp|sctp))?$/.exec(key)
  const port = m ? Number(m[1]) : NaN
  if (!m || port < 1 || port > 65535) throw new BadRequest(`invalid port specification: "${key}"`)
  if (m[2] === 'sctp') throw new BadRequest(`invalid port specification: "${key}": sctp is not simulated`)
  return { port, protocol: (m[2] ?? 'tcp') as 'tcp' | 'udp' }
}

function portBindings(hc: Fields | null, exposed: string[], daemon: DaemonState): PortBinding[] {
  const out: PortBinding[] = []
  const taken = new Set<number>()
  const map = hc?.object('PortBindings') ?? null
  for (const key of hc?.keys('PortBindings') ?? []) {
    const { port, protocol } = parsePortKey(key)
    const list = map!.raw(key)
    if (list === null) continue
    if (!Array.isArray(list)) throw typeError('CreateRequest.HostConfig.PortBindings', list, '[]nat.PortBinding')
    for (const item of list) {
      if (!isRecord(item)) throw typeError('CreateRequest.HostConfig.PortBindings', item, 'nat.PortBinding')
      const b = new Fields(item, 'CreateRequest.HostConfig.PortBindings')
      const hostIp = b.string('HostIp')
      const hostPortText = b.string('HostPort').split('-')[0]!
      let hostPort: number
      if (hostPortText === '' || hostPortText === '0') hostPort = ephemeralPort(daemon, taken)
      else {
        hostPort = /^\d{1,5}$/.test(hostPortText) ? Number(hostPortText) : NaN
        if (!(hostPort >= 1 && hostPort <= 65535)) throw new BadRequest(`invalid port specification: "${b.string('HostPort')}"`)
      }
      out.push({ hostPort, containerPort: port, protocol, hostIp })
    }
  }
  if (hc?.bool('PublishAllPorts')) {
    for (const key of exposed) {
      const { port, protocol } = parsePortKey(key)
      if (!out.some((b) => b.containerPort === port && b.protocol === protocol)) {
        out.push({ hostPort: ephemeralPort(daemon, taken), containerPort: port, protocol, hostIp: '' })
      }
    }
  }
  return out
}

/** The CreateSpec for `body`; throws BadRequest with dockerd's wording when the body cannot make a container. */
export function parseCreateSpec(body: unknown, name: string | null, daemon: DaemonState): CreateSpec {
  if (body === undefined || body === null) throw new BadRequest('config cannot be empty in order to create a container')
  if (!isRecord(body)) throw typeError('CreateRequest', body, 'container.CreateRequest')
  const config = new Fields(body, 'CreateRequest')
  const image = config.string('Image')
  if (image === '' || !engine.isValidRef(image)) {
    throw new BadRequest(image !== '' && image !== image.toLowerCase() ? `invalid reference format: repository name (${image}) must be lowercase` : 'invalid reference format')
  }
  const hc = config.object('HostConfig')
  const exposedPorts = config.keys('ExposedPorts')
  for (const key of exposedPorts) parsePortKey(key)
  const { name: policy, retries } = restartPolicy(hc)
  const memory = hc?.int('Memory') ?? 0
  const nanoCpus = hc?.int('NanoCpus') ?? 0
  const cpuQuota = hc?.int('CpuQuota') ?? 0
  const cpuPeriod = hc?.int('CpuPeriod') ?? 0
  if (memory < 0) throw new BadRequest('invalid memory limit: cannot be negative')
  if (nanoCpus < 0) throw new BadRequest('Range of CPUs is from 0.01 to the number of CPUs available')
  if (nanoCpus > 0 && cpuQuota > 0) throw new BadRequest('Conflicting options: Nano CPUs and CPU Period cannot both be set')
  const cpus = nanoCpus > 0 ? nanoCpus / 1e9 : cpuQuota > 0 ? cpuQuota / (cpuPeriod > 0 ? cpuPeriod : 100_000) : null
  const pidsLimit = hc?.int('PidsLimit') ?? 0
  const cpuShares = hc?.int('CpuShares') ?? 0
  const autoRemove = hc?.bool('AutoRemove') ?? false
  return {
    name,
    config: {
      image,
      cmd: config.strings('Cmd'),
      entrypoint: config.strings('Entrypoint'),
      env: config.strings('Env') ?? [],
      tty: config.bool('Tty'),
      openStdin: config.bool('OpenStdin'),
      attachStdout: config.bool('AttachStdout'),
      attachStderr: config.bool('AttachStderr'),
      exposedPorts,
      labels: config.stringMap('Labels'),
      hostname: config.string('Hostname'),
      healthcheck: healthcheck(config)
    },
    hostConfig: {
      memoryMb: memory > 0 ? memory / 1048576 : null,
      cpus,
      cpuShares: cpuShares > 0 ? cpuShares : 1024,
      pidsLimit: pidsLimit > 0 ? pidsLimit : null,
      restartPolicy: policy,
      maximumRetryCount: retries,
      privileged: hc?.bool('Privileged') ?? false,
      networkMode: hc?.string('NetworkMode') || 'default',
      binds: hc?.strings('Binds') ?? [],
      portBindings: portBindings(hc, exposedPorts, daemon),
      autoRemove,
      capAdd: hc?.strings('CapAdd') ?? [],
      capDrop: hc?.strings('CapDrop') ?? []
    }
  }
}
