import type { DaemonState, HostState, HypervisorKind, OsFamily, WorldState } from './model/types.ts'
import { HOST_PROFILE } from './catalog/hostProfile.ts'
import { PROJECTS } from './catalog/projects.ts'
import { hex64 } from './util/hash.ts'

export interface HostSpec {
  name: string
  cores?: number
  memoryMb?: number
  diskMb?: number
  os?: OsFamily
  kernel?: string
  hypervisor?: HypervisorKind
  docker?: boolean
  overcommit?: number
  role?: 'server' | 'laptop'
}

export function newHost(spec: HostSpec): HostState {
  return {
    name: spec.name,
    gen: 0,
    cores: spec.cores ?? HOST_PROFILE.cores.value,
    memoryMb: spec.memoryMb ?? HOST_PROFILE.memoryMb.value,
    diskMb: spec.diskMb ?? HOST_PROFILE.diskMb.value,
    os: spec.os ?? 'linux',
    kernel: spec.kernel ?? '6.8',
    hypervisor: spec.hypervisor ?? 'none',
    docker: spec.docker ?? false,
    overcommit: spec.overcommit ?? 1,
    state: 'up',
    pidMax: HOST_PROFILE.pidMax.value,
    breachedBy: null,
    cpuPercent: 0,
    memoryUsedMb: 0,
    diskUsedMb: 0,
    pidsUsed: 0,
    diskFull: false,
    role: spec.role ?? 'server'
  }
}

/** A Docker engine's fresh state: the three built-in networks and nothing else. */
export function newDaemon(id: string, onVm: string | null, seed: number): DaemonState {
  const net = (name: string, driver: 'bridge' | 'host' | 'null', subnet: string) => ({
    id: hex64(`${seed}:${id}:network:${name}`), name, driver, createdAtMs: 0, subnet, internal: false
  })
  return {
    id, onVm, images: [], containers: [], execs: [], events: [], buildCache: {}, nextIp: 2, volumes: [],
    networks: [net('bridge', 'bridge', '172.17.0.0/16'), net('host', 'host', ''), net('none', 'null', '')]
  }
}

export type SandboxKind = 'default' | 'empty'

/** DESIGN.md's default sandbox: `vm-host` (KVM) and `container-host` (Docker) with the same hardware. */
export function createInitialState(seed: number, sandbox: SandboxKind = 'default'): WorldState {
  const state: WorldState = {
    seed,
    rngState: seed >>> 0,
    clockMs: 0,
    seq: 0,
    hosts: [],
    vms: [],
    daemons: [],
    timers: [],
    events: [],
    client: { location: 'host', dockerHost: null, contexts: [], currentContext: 'default' },
    projects: PROJECTS.map((p) => ({ name: p.name, files: p.files.map((f) => ({ ...f })) }))
  }
  if (sandbox === 'default') {
    state.hosts.push(newHost({ name: 'vm-host', hypervisor: 'kvm' }))
    state.hosts.push(newHost({ name: 'container-host', docker: true }))
    state.daemons.push(newDaemon('container-host', null, seed))
  }
  return state
}
