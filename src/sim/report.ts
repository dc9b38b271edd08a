// The report `stacklab.report/1` (DESIGN.md): the one read every front end, test and lesson check agrees on.
import type { ContainerState, DaemonState, WorldState } from './model/types.ts'
import { round1 } from './util/units.ts'
import { INSTANCE_OVERHEAD_MB } from './catalog/hostProfile.ts'
import { kernelOfDaemon, physicalHostOf, vmOfDaemon, findHost } from './lookup.ts'
import { vmOverheadMb } from './vms.ts'
import { GUEST_OSES } from './catalog/guestOses.ts'

export interface ReportHost {
  name: string; state: string; cores: number; memoryMb: number; kernel: string; hypervisor: string; docker: boolean
  cpuPercent: number; memoryUsedMb: number; diskUsedMb: number; pidsUsed: number; pidsMax: number; diskFull: boolean; breachedBy: string | null
}
export interface ReportInstance {
  kind: 'vm' | 'container'; name: string; host: string; parent: string | null; image: string | null; os: string | null; kernel: string
  state: string; startupMs: number | null; phases: { name: string; ms: number }[]; cpuPercent: number; memoryMb: number; overheadMb: number
  diskMb: number; limits: { memoryMb: number | null; cpus: number | null; pids: number | null }; restartPolicy: string | null
  health: string | null; ports: string[]; networks: string[]; pids: number; exitCode: number | null; oomKilled: boolean
}
export interface Report {
  schema: 'stacklab.report/1'; seed: number; clockMs: number; hosts: ReportHost[]; instances: ReportInstance[]
  events: { atMs: number; type: string; subject: string; message: string }[]
}

function containerEntry(s: WorldState, daemon: DaemonState, c: ContainerState): ReportInstance {
  const host = physicalHostOf(s, daemon)
  const vm = vmOfDaemon(s, daemon)
  const live = c.state === 'running' || c.state === 'paused'
  return {
    kind: 'container', name: c.name, host: host?.name ?? daemon.id, parent: vm?.name ?? null, image: c.imageRef, os: null,
    kernel: kernelOfDaemon(s, daemon), state: c.state, startupMs: c.startupMs, phases: c.phases.map((p) => ({ ...p })),
    cpuPercent: round1(c.cpuPercent), memoryMb: round1(live ? c.memoryMb : 0),
    overheadMb: live ? INSTANCE_OVERHEAD_MB.containerRunc.value : 0, diskMb: round1(c.writableMb),
    limits: { memoryMb: c.hostConfig.memoryMb, cpus: c.hostConfig.cpus, pids: c.hostConfig.pidsLimit },
    restartPolicy: c.hostConfig.restartPolicy, health: c.health && live ? c.health.status : null,
    ports: c.hostConfig.portBindings.map((p) => `${p.hostPort}:${p.containerPort}${p.protocol === 'udp' ? '/udp' : ''}`),
    networks: [c.hostConfig.networkMode], pids: live ? c.pids : 0, exitCode: c.exitCode, oomKilled: c.oomKilled
  }
}

export function buildReport(s: WorldState): Report {
  const instances: ReportInstance[] = []
  // creation order: VMs and containers interleave by their creation sequence is not tracked; VMs first, then
  // containers per daemon, each in creation order
  for (const vm of s.vms) {
    if (vm.hidden) continue
    const host = findHost(s, vm.host)!
    const live = vm.state !== 'stopped' && vm.state !== 'crashed'
    instances.push({
      kind: 'vm', name: vm.name, host: vm.host, parent: null, image: null, os: vm.os,
      kernel: vm.kind === 'microvm' ? '6.1' : (GUEST_OSES[vm.os]?.kernel ?? '?'), state: vm.state, startupMs: vm.startupMs,
      phases: vm.phases.map((p) => ({ ...p })), cpuPercent: round1(vm.cpuPercent),
      memoryMb: round1(live ? (host.overcommit > 1 ? vm.guestUsedMb : vm.memoryMb) : 0), overheadMb: live ? vmOverheadMb(host, vm) : 0,
      diskMb: round1(vm.diskUsedMb), limits: { memoryMb: vm.memoryMb, cpus: vm.cpus, pids: null }, restartPolicy: null,
      health: null, ports: [], networks: [], pids: live ? vm.pids : 0, exitCode: null, oomKilled: false
    })
  }
  for (const daemon of s.daemons) for (const c of daemon.containers) instances.push(containerEntry(s, daemon, c))
  return {
    schema: 'stacklab.report/1',
    seed: s.seed,
    clockMs: s.clockMs,
    hosts: s.hosts.filter((h) => h.role === 'server').map((h) => ({
      name: h.name, state: h.state, cores: h.cores, memoryMb: h.memoryMb, kernel: h.kernel, hypervisor: h.hypervisor, docker: h.docker,
      cpuPercent: round1(h.cpuPercent), memoryUsedMb: round1(h.memoryUsedMb), diskUsedMb: round1(h.diskUsedMb), pidsUsed: h.pidsUsed,
      pidsMax: h.pidMax, diskFull: h.diskFull, breachedBy: h.breachedBy
    })),
    instances,
    events: s.events.map((e) => ({ ...e }))
  }
}
