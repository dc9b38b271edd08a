// How dockerd shows a container: the `docker ps` summary, the `docker inspect` document and their pieces
// (State/Status strings, Command, Ports, Mounts, NetworkSettings).
import type { ContainerState, DaemonState, ImageState } from '../sim/index.ts'
import type { View } from './context.ts'
import type { TimeFormat } from './time.ts'
import { engine, humanDuration } from '../sim/index.ts'
import { derivedHex64, macOf, pidOf } from './ids.ts'

const MiB = 1048576
const MB = 1_000_000
export const DEFAULT_PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'

export type ApiState = 'created' | 'running' | 'paused' | 'restarting' | 'exited' | 'removing' | 'dead'

/**
 * The state dockerd reports. The simulation's `starting` (the ~200 ms of start phases) is `running` here:
 * dockerd's start call returns only once the process runs, so a client never sees a container in between.
 */
export function apiState(c: ContainerState): ApiState {
  switch (c.state) {
    case 'starting': case 'running': return 'running'
    case 'paused': return 'paused'
    case 'restarting': return 'restarting'
    case 'exited': return 'exited'
    case 'removed': return 'removing'
    default: return 'created'
  }
}

/** dockerd's State.Running: true while running, paused or restarting. */
export const isRunningLike = (c: ContainerState): boolean =>
  c.state === 'starting' || c.state === 'running' || c.state === 'paused' || c.state === 'restarting'

/** Whether the container holds its network endpoint (and so its IP and published ports). */
export const hasEndpoint = (c: ContainerState): boolean => c.state === 'starting' || c.state === 'running' || c.state === 'paused'

export function imageOf(daemon: DaemonState, c: ContainerState): ImageState | undefined {
  return daemon.images.find((i) => i.id === c.imageId)
}

/** State.String() of moby: `Up 5 minutes (healthy)`, `Up 3 seconds (Paused)`, `Exited (0) 2 seconds ago`, `Created`. */
export function statusText(c: ContainerState, nowMs: number): string {
  const since = (ms: number | null): string => humanDuration(Math.max(0, nowMs - (ms ?? nowMs)))
  switch (c.state) {
    case 'starting':
      return 'Up Less than a second'
    case 'running': {
      const up = `Up ${since(c.startedAtMs)}`
      if (!c.health) return up
      return `${up} (${c.health.status === 'starting' ? 'health: starting' : c.health.status})`
    }
    case 'paused':
      return `Up ${since(c.startedAtMs)} (Paused)`
    case 'restarting':
      return `Restarting (${c.exitCode ?? 0}) ${since(c.finishedAtMs)} ago`
    case 'exited':
      if (c.startedAtMs === null && c.finishedAtMs === null) return 'Created'
      return `Exited (${c.exitCode ?? 0}) ${since(c.finishedAtMs)} ago`
    case 'removed':
      return 'Removal In Progress'
    default:
      return 'Created'
  }
}

/** Entrypoint and Cmd merged with the image's as dockerd does: a user entrypoint drops the image's Cmd. */
export function effectiveCommand(daemon: DaemonState, c: ContainerState): { entrypoint: string[] | null; cmd: string[] | null; path: string; args: string[] } {
  const image = imageOf(daemon, c)
  const entrypoint = c.config.entrypoint ?? image?.entrypoint ?? null
  const cmd = c.config.cmd ?? (c.config.entrypoint ? null : (image?.cmd ?? null))
  const argv = [...(entrypoint ?? []), ...(cmd ?? [])]
  return { entrypoint, cmd, path: argv[0] ?? '', args: argv.slice(1) }
}

/** The `Command` of `docker ps`: path and args, an arg with a space in single quotes (moby daemon/list). */
export function commandText(daemon: DaemonState, c: ContainerState): string {
  const { path, args } = effectiveCommand(daemon, c)
  if (args.length === 0) return path
  return `${path} ${args.map((a) => (a.includes(' ') ? `'${a}'` : a)).join(' ')}`
}

/** Image env first, then the container's, a later KEY= replacing an earlier one; PATH as every base image sets it. */
export function mergedEnv(daemon: DaemonState, c: ContainerState): string[] {
  const image = imageOf(daemon, c)
  const out = new Map<string, string>()
  const base = image?.env ?? []
  if (!base.some((e) => e.startsWith('PATH='))) out.set('PATH', DEFAULT_PATH)
  for (const entry of [...base, ...c.config.env]) {
    const eq = entry.indexOf('=')
    out.set(eq < 0 ? entry : entry.slice(0, eq), entry)
  }
  return [...out.values()]
}

function portKey(spec: string): string {
  return spec.includes('/') ? spec : `${spec}/tcp`
}

const portNumber = (key: string): number => Number.parseInt(key, 10) || 0

/** Every exposed port ("80/tcp"): the container's, the image's and the published ones, in port order. */
export function exposedPortKeys(daemon: DaemonState, c: ContainerState): string[] {
  const keys = new Set<string>()
  for (const p of c.config.exposedPorts) keys.add(portKey(p))
  for (const p of imageOf(daemon, c)?.exposedPorts ?? []) keys.add(`${p}/tcp`)
  for (const b of c.hostConfig.portBindings) keys.add(`${b.containerPort}/${b.protocol}`)
  return [...keys].sort((a, b) => portNumber(a) - portNumber(b) || a.localeCompare(b))
}

/** HostConfig.PortBindings as the client sent them. */
export function portBindingsMap(c: ContainerState): Record<string, { HostIp: string; HostPort: string }[]> {
  const out: Record<string, { HostIp: string; HostPort: string }[]> = {}
  for (const b of c.hostConfig.portBindings) {
    const key = `${b.containerPort}/${b.protocol}`
    ;(out[key] ??= []).push({ HostIp: b.hostIp, HostPort: String(b.hostPort) })
  }
  return out
}

/** A binding on all addresses listens on IPv4 and IPv6 (`0.0.0.0` and `::`). */
function bindAddresses(hostIp: string): string[] {
  return hostIp === '' || hostIp === '0.0.0.0' ? ['0.0.0.0', '::'] : [hostIp]
}

const publishes = (c: ContainerState): boolean => hasEndpoint(c) && c.hostConfig.networkMode !== 'host' && c.hostConfig.networkMode !== 'none'

/** NetworkSettings.Ports: filled while the container holds its endpoint, `{}` otherwise. */
export function networkPorts(daemon: DaemonState, c: ContainerState): Record<string, { HostIp: string; HostPort: string }[] | null> {
  const out: Record<string, { HostIp: string; HostPort: string }[] | null> = {}
  if (!publishes(c)) return out
  for (const key of exposedPortKeys(daemon, c)) {
    const bindings = c.hostConfig.portBindings.filter((b) => `${b.containerPort}/${b.protocol}` === key)
    out[key] = bindings.length === 0 ? null : bindings.flatMap((b) => bindAddresses(b.hostIp).map((ip) => ({ HostIp: ip, HostPort: String(b.hostPort) })))
  }
  return out
}

export interface SummaryPort { IP?: string; PrivatePort: number; PublicPort?: number; Type: string }

/** `docker ps` Ports: `{IP, PrivatePort, PublicPort, Type}` per address, `{PrivatePort, Type}` when unpublished. */
export function summaryPorts(daemon: DaemonState, c: ContainerState): SummaryPort[] {
  const out: SummaryPort[] = []
  for (const [key, bindings] of Object.entries(networkPorts(daemon, c))) {
    const [port, type] = key.split('/')
    const privatePort = Number(port)
    if (!bindings) out.push({ PrivatePort: privatePort, Type: type ?? 'tcp' })
    else for (const b of bindings) out.push({ IP: b.HostIp, PrivatePort: privatePort, PublicPort: Number(b.HostPort), Type: type ?? 'tcp' })
  }
  return out
}

export function mounts(c: ContainerState): Record<string, unknown>[] {
  return c.hostConfig.binds.map((bind) => {
    const [source = '', destination = '', mode = ''] = bind.split(':')
    const rw = !mode.split(',').includes('ro')
    if (source.startsWith('/')) {
      return { Type: 'bind', Source: source, Destination: destination, Mode: mode, RW: rw, Propagation: 'rprivate' }
    }
    return { Type: 'volume', Name: source, Source: `/var/lib/docker/volumes/${source}/_data`, Destination: destination, Driver: 'local', Mode: mode === '' ? 'z' : mode, RW: rw, Propagation: '' }
  })
}

const gatewayOf = (ip: string): string => (ip ? ip.split('.').slice(0, 3).join('.') + '.1' : '')

/** The endpoint on the container's network (`Networks.<name>`); empty addresses once it stopped. */
export function endpoint(daemon: DaemonState, c: ContainerState): Record<string, unknown> {
  const net = daemon.networks.find((n) => n.name === c.hostConfig.networkMode)
  const live = hasEndpoint(c)
  const ip = live && net?.driver === 'bridge' ? c.ip : ''
  const userNet = net !== undefined && net.driver === 'bridge' && net.name !== 'bridge'
  return {
    IPAMConfig: null, Links: null, Aliases: null, MacAddress: macOf(ip), DriverOpts: null, GwPriority: 0,
    NetworkID: net?.id ?? '', EndpointID: live ? derivedHex64(`endpoint:${c.id}:${c.gen}`) : '',
    Gateway: gatewayOf(ip), IPAddress: ip, IPPrefixLen: ip ? 16 : 0, IPv6Gateway: '', GlobalIPv6Address: '', GlobalIPv6PrefixLen: 0,
    DNSNames: userNet ? [c.name, c.id.slice(0, 12)] : null
  }
}

export function containerSummary(view: View, c: ContainerState, withSize: boolean): Record<string, unknown> {
  const { world, daemon, time } = view
  const out: Record<string, unknown> = {
    Id: c.id, Names: [`/${c.name}`], Image: c.config.image, ImageID: c.imageId, Command: commandText(daemon, c),
    Created: time.unixSeconds(c.createdAtMs), Ports: summaryPorts(daemon, c), Labels: { ...c.config.labels }, State: apiState(c),
    Status: statusText(c, world.clockMs), HostConfig: { NetworkMode: c.hostConfig.networkMode },
    NetworkSettings: { Networks: { [c.hostConfig.networkMode]: endpoint(daemon, c) } }, Mounts: mounts(c)
  }
  if (withSize) Object.assign(out, sizes(daemon, c))
  return out
}

export function sizes(daemon: DaemonState, c: ContainerState): { SizeRw: number; SizeRootFs: number } {
  const image = imageOf(daemon, c)
  const rw = Math.round(c.writableMb * MB)
  return { SizeRw: rw, SizeRootFs: rw + Math.round((image ? engine.imageSizeMb(image) : 0) * MB) }
}

function healthView(time: TimeFormat, c: ContainerState): Record<string, unknown> | undefined {
  if (!c.health) return undefined
  return {
    Status: c.health.status, FailingStreak: c.health.failingStreak,
    Log: c.health.log.map((l) => ({ Start: time.rfc3339Nano(l.atMs), End: time.rfc3339Nano(l.atMs), ExitCode: l.exitCode, Output: l.output }))
  }
}

function hostConfigView(c: ContainerState): Record<string, unknown> {
  const hc = c.hostConfig
  const memory = hc.memoryMb === null ? 0 : Math.round(hc.memoryMb * MiB)
  return {
    Binds: hc.binds.length ? [...hc.binds] : null, ContainerIDFile: '', LogConfig: { Type: 'json-file', Config: {} },
    NetworkMode: hc.networkMode, PortBindings: portBindingsMap(c),
    RestartPolicy: { Name: hc.restartPolicy, MaximumRetryCount: hc.maximumRetryCount }, AutoRemove: hc.autoRemove,
    VolumeDriver: '', VolumesFrom: null, ConsoleSize: [0, 0], CapAdd: hc.capAdd.length ? [...hc.capAdd] : null,
    CapDrop: hc.capDrop.length ? [...hc.capDrop] : null, CgroupnsMode: 'private', Dns: [], DnsOptions: [], DnsSearch: [],
    ExtraHosts: null, GroupAdd: null, IpcMode: 'private', Cgroup: '', Links: null, OomScoreAdj: 0, PidMode: '',
    Privileged: hc.privileged, PublishAllPorts: false, ReadonlyRootfs: false, SecurityOpt: null, UTSMode: '', UsernsMode: '',
    ShmSize: 67108864, Runtime: 'runc', Isolation: '', CpuShares: hc.cpuShares === 1024 ? 0 : hc.cpuShares, Memory: memory,
    NanoCpus: hc.cpus === null ? 0 : Math.round(hc.cpus * 1e9), CgroupParent: '', BlkioWeight: 0, BlkioWeightDevice: [],
    BlkioDeviceReadBps: [], BlkioDeviceWriteBps: [], BlkioDeviceReadIOps: [], BlkioDeviceWriteIOps: [], CpuPeriod: 0,
    CpuQuota: 0, CpuRealtimePeriod: 0, CpuRealtimeRuntime: 0, CpusetCpus: '', CpusetMems: '', Devices: [],
    DeviceCgroupRules: null, DeviceRequests: null, MemoryReservation: 0, MemorySwap: memory * 2, MemorySwappiness: null,
    OomKillDisable: null, PidsLimit: hc.pidsLimit, Ulimits: [], CpuCount: 0, CpuPercent: 0, IOMaximumIOps: 0,
    IOMaximumBandwidth: 0, MaskedPaths: hc.privileged ? null : MASKED_PATHS, ReadonlyPaths: hc.privileged ? null : READONLY_PATHS
  }
}

const MASKED_PATHS = ['/proc/asound', '/proc/acpi', '/proc/interrupts', '/proc/kcore', '/proc/keys', '/proc/latency_stats',
  '/proc/timer_list', '/proc/timer_stats', '/proc/sched_debug', '/proc/scsi', '/sys/firmware', '/sys/devices/virtual/powercap']
const READONLY_PATHS = ['/proc/bus', '/proc/fs', '/proc/irq', '/proc/sys', '/proc/sysrq-trigger']

export function healthcheckView(c: ContainerState): Record<string, unknown> | undefined {
  const hc = c.config.healthcheck
  if (!hc) return undefined
  return { Test: [...hc.test], Interval: Math.round(hc.intervalMs * 1e6), Retries: hc.retries }
}

function configView(daemon: DaemonState, c: ContainerState): Record<string, unknown> {
  const { entrypoint, cmd } = effectiveCommand(daemon, c)
  const exposed = exposedPortKeys(daemon, c)
  const out: Record<string, unknown> = {
    Hostname: c.config.hostname, Domainname: '', User: '', AttachStdin: c.config.openStdin,
    AttachStdout: c.config.attachStdout, AttachStderr: c.config.attachStderr
  }
  if (exposed.length) out.ExposedPorts = Object.fromEntries(exposed.map((k) => [k, {}]))
  Object.assign(out, {
    Tty: c.config.tty, OpenStdin: c.config.openStdin, StdinOnce: c.config.openStdin, Env: mergedEnv(daemon, c),
    Cmd: cmd ? [...cmd] : null
  })
  const health = healthcheckView(c)
  if (health) out.Healthcheck = health
  Object.assign(out, {
    Image: c.config.image, Volumes: null, WorkingDir: '', Entrypoint: entrypoint ? [...entrypoint] : null, OnBuild: null,
    Labels: { ...c.config.labels }
  })
  return out
}

export function containerInspect(view: View, c: ContainerState, withSize: boolean): Record<string, unknown> {
  const { world, daemon, time } = view
  const { path, args } = effectiveCommand(daemon, c)
  const state = apiState(c)
  const running = isRunningLike(c)
  const live = hasEndpoint(c)
  const health = running ? healthView(time, c) : undefined
  const dir = `/var/lib/docker/containers/${c.id}`
  const layer = derivedHex64(`layer:${c.id}`)
  const net = endpoint(daemon, c)
  const defaultBridge = c.hostConfig.networkMode === 'bridge'
  const execIds = daemon.execs.filter((e) => e.containerId === c.id).map((e) => e.id)
  const out: Record<string, unknown> = {
    Id: c.id, Created: time.rfc3339Nano(c.createdAtMs), Path: path, Args: args,
    State: {
      Status: state, Running: running, Paused: c.state === 'paused', Restarting: c.state === 'restarting', OOMKilled: c.oomKilled,
      Dead: false, Pid: running && c.state !== 'restarting' ? pidOf(c.id, c.gen) : 0, ExitCode: c.exitCode ?? 0, Error: '',
      StartedAt: time.rfc3339Nano(c.state === 'starting' ? world.clockMs : c.startedAtMs),
      FinishedAt: time.rfc3339Nano(c.state === 'starting' ? null : c.finishedAtMs),
      ...(health ? { Health: health } : {})
    },
    Image: c.imageId, ResolvConfPath: `${dir}/resolv.conf`, HostnamePath: `${dir}/hostname`, HostsPath: `${dir}/hosts`,
    LogPath: `${dir}/${c.id}-json.log`, Name: `/${c.name}`, RestartCount: c.restartCount, Driver: 'overlay2', Platform: 'linux',
    MountLabel: '', ProcessLabel: '', AppArmorProfile: c.hostConfig.privileged ? 'unconfined' : 'docker-default',
    ExecIDs: execIds.length ? execIds : null, HostConfig: hostConfigView(c),
    GraphDriver: {
      Data: { LowerDir: `/var/lib/docker/overlay2/${layer}-init/diff`, MergedDir: `/var/lib/docker/overlay2/${layer}/merged`, UpperDir: `/var/lib/docker/overlay2/${layer}/diff`, WorkDir: `/var/lib/docker/overlay2/${layer}/work` },
      Name: 'overlay2'
    },
    ...(withSize ? sizes(daemon, c) : {}),
    Mounts: mounts(c), Config: configView(daemon, c),
    NetworkSettings: {
      Bridge: '', SandboxID: live ? derivedHex64(`sandbox:${c.id}:${c.gen}`) : '',
      SandboxKey: live ? `/var/run/docker/netns/${derivedHex64(`sandbox:${c.id}:${c.gen}`).slice(0, 12)}` : '',
      Ports: networkPorts(daemon, c), HairpinMode: false, LinkLocalIPv6Address: '', LinkLocalIPv6PrefixLen: 0,
      SecondaryIPAddresses: null, SecondaryIPv6Addresses: null,
      // the top-level endpoint fields describe the default bridge only (deprecated, still sent)
      EndpointID: defaultBridge ? net.EndpointID : '', Gateway: defaultBridge ? net.Gateway : '', GlobalIPv6Address: '',
      GlobalIPv6PrefixLen: 0, IPAddress: defaultBridge ? net.IPAddress : '', IPPrefixLen: defaultBridge ? net.IPPrefixLen : 0,
      IPv6Gateway: '', MacAddress: defaultBridge ? net.MacAddress : '',
      Networks: { [c.hostConfig.networkMode]: net }
    }
  }
  return out
}
