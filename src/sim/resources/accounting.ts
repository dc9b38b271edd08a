// The per-tick accounting of CPU, memory, PIDs and disk: plain functions over plain data (no events per tick).
import type { WorldCore } from '../WorldCore.ts'
import type { ContainerState, DaemonState, HostState, VmState } from '../model/types.ts'
import { HOST_PROFILE, INSTANCE_OVERHEAD_MB } from '../catalog/hostProfile.ts'
import { GUEST_OSES } from '../catalog/guestOses.ts'
import { fairShare } from './fairShare.ts'
import { exitContainer } from '../engine/containers.ts'
import { crashVm, vmOverheadMb, vmReservedMb } from '../vms.ts'
import { imageLayersMb } from './disk.ts'

/** Kernel memory a forked process costs (task struct, stack, page tables): a model assumption. */
export const MB_PER_EXTRA_PID = 0.01
const GUEST_PID_MAX = 4_194_304
// hoisted out of the per-tick loops
const ENGINE_IDLE_MB = HOST_PROFILE.dockerdIdleMb.value + HOST_PROFILE.containerdIdleMb.value
const ENGINE_PIDS = HOST_PROFILE.daemonPids.value
const SHIM_MB = INSTANCE_OVERHEAD_MB.containerRunc.value

const isRunningVm = (vm: VmState): boolean => vm.state === 'running' || vm.state === 'paused' || vm.state === 'starting' || vm.state === 'stopping'
const isLiveContainer = (c: ContainerState): boolean => c.state === 'running' || c.state === 'paused'

// scratch buffers reused every tick: no allocation per instance per tick
let demand = new Float64Array(1024)
let weight = new Float64Array(1024)
let alloc = new Float64Array(1024)
function ensure(n: number): void {
  if (demand.length >= n) return
  const size = Math.max(n, demand.length * 2)
  demand = new Float64Array(size); weight = new Float64Array(size); alloc = new Float64Array(size)
}

function containerCpuDemand(c: ContainerState, coresAvailable: number): number {
  if (c.state !== 'running') return 0
  let d = c.baseCpuPercent + c.hogThreads * 100
  if (c.forkBomb) d += coresAvailable * 100
  if (d > 0 && c.hostConfig.cpus !== null) d = Math.min(d, c.hostConfig.cpus * 100)
  return d
}

interface DaemonTotals { memoryMb: number; pids: number }

/**
 * Grow faulting containers (leak, fork bomb, disk fill) and compute their memory; cgroup OOM kills happen here.
 * Returns the engine's memory and PIDs in the same pass (one walk over the containers per tick).
 */
function advanceContainers(core: WorldCore, daemon: DaemonState, dtMs: number, pidRoom: number): DaemonTotals {
  const totals: DaemonTotals = { memoryMb: ENGINE_IDLE_MB, pids: ENGINE_PIDS }
  for (let i = 0; i < daemon.containers.length; i++) {
    const c = daemon.containers[i]!
    if (!isLiveContainer(c)) continue
    if (c.state === 'running') {
      if (c.leakRateMbPerS > 0) c.leakedMb += (c.leakRateMbPerS * dtMs) / 1000
      if (c.forkBomb) {
        const cap = c.hostConfig.pidsLimit ?? Infinity
        const before = c.pids
        c.pids = Math.min(cap, c.pids * 2 + 1, c.pids + Math.max(0, pidRoom))
        pidRoom -= c.pids - before
        if (c.pids === cap && before < cap) {
          core.emit('container.pidsLimitReached', c.name, `fork bomb in ${c.name} stopped at its --pids-limit of ${cap}: fork() now fails inside ${c.name} only`)
        }
      }
      if (c.diskFillRateMbPerS > 0) c.writableMb += (c.diskFillRateMbPerS * dtMs) / 1000
    }
    const grew = c.leakedMb > 0 || c.pids > c.basePids
    c.memoryMb = grew ? c.baseMemoryMb + c.leakedMb + Math.max(0, c.pids - c.basePids) * MB_PER_EXTRA_PID : c.baseMemoryMb
    // only a growing container can cross its limit (the start itself checks the base footprint)
    const limit = grew ? c.hostConfig.memoryMb : null
    if (limit !== null && c.memoryMb > limit) {
      c.memoryMb = limit
      exitContainer(core, daemon, c, 137, { oomKilled: true, reason: `its cgroup reached memory.max (${limit} MiB) and the cgroup's OOM killer ended it; nothing else was touched` })
      continue
    }
    totals.memoryMb += c.memoryMb + SHIM_MB
    totals.pids += c.pids + 1 // +1: its containerd shim
  }
  return totals
}

function containerCpuSplit(daemon: DaemonState, capacity: number, cores: number, dtMs: number): number {
  const list = daemon.containers
  ensure(list.length)
  for (let i = 0; i < list.length; i++) {
    const c = list[i]!
    demand[i] = containerCpuDemand(c, cores)
    weight[i] = c.hostConfig.cpuShares / 1024
  }
  const total = fairShare(capacity, demand, weight, list.length, alloc)
  for (let i = 0; i < list.length; i++) {
    const c = list[i]!
    c.cpuPercent = alloc[i]!
    c.cpuUsageNs += (alloc[i]! / 100) * dtMs * 1e6
  }
  return total
}

function daemonMemoryMb(daemon: DaemonState): number {
  let mb = HOST_PROFILE.dockerdIdleMb.value + HOST_PROFILE.containerdIdleMb.value
  for (const c of daemon.containers) if (isLiveContainer(c)) mb += c.memoryMb + INSTANCE_OVERHEAD_MB.containerRunc.value
  return mb
}


/** A VM's guest: its own kernel accounts its own memory and PIDs; the host only sees the VMM process. */
function accountVmGuest(core: WorldCore, vm: VmState, daemon: DaemonState | undefined, dtMs: number): void {
  const os = GUEST_OSES[vm.os]
  if (vm.state !== 'running' && vm.state !== 'paused') { vm.cpuPercent = 0; return }
  const baseTouched = vm.kind === 'microvm' ? 40 : (os?.touchedMb.value ?? 100)
  const running = vm.state === 'running'
  if (running && vm.leakRateMbPerS > 0) vm.leakedMb += (vm.leakRateMbPerS * dtMs) / 1000
  if (running && vm.diskFillRateMbPerS > 0) {
    const before = vm.diskUsedMb
    vm.diskUsedMb = Math.min(vm.diskMb, vm.diskUsedMb + (vm.diskFillRateMbPerS * dtMs) / 1000)
    if (vm.diskUsedMb >= vm.diskMb && before < vm.diskMb) {
      vm.diskFillRateMbPerS = 0
      core.emit('vm.diskFull', vm.name, `VM ${vm.name}'s own disk image is full (${Math.round(vm.diskMb / 1024)} GiB): writes fail inside that guest only; the host's disk is not touched`)
    }
  }
  let pids = os?.idlePids.value ?? 30
  if (running && vm.forkBomb) {
    if (vm.pids < GUEST_PID_MAX) core.emit('vm.guestPidsExhausted', vm.name, `a fork bomb used up the PIDs of ${vm.name}'s own kernel (${GUEST_PID_MAX}): nothing new starts inside that guest; the host and other VMs are untouched`)
    pids = GUEST_PID_MAX
  }
  let inner = 0
  let innerCpu = 0
  if (daemon) {
    const totals = advanceContainers(core, daemon, dtMs, Math.max(0, GUEST_PID_MAX - vm.pids))
    innerCpu = running ? containerCpuSplit(daemon, vm.cpus * 100, vm.cpus, dtMs) : 0
    inner = totals.memoryMb
    pids += totals.pids
  }
  vm.pids = Math.min(GUEST_PID_MAX, pids)
  let used = baseTouched + inner + vm.leakedMb + (vm.forkBomb ? 200 : 0)
  // the guest's own OOM killer acts inside the guest; the host never gives the VM more than its RAM
  if (used > vm.memoryMb) {
    if (vm.leakedMb > 0) {
      vm.leakedMb = 0
      vm.leakRateMbPerS = 0
      vm.guestOomKills += 1
      core.emit('vm.guestOomKilled', vm.name, `the guest kernel in ${vm.name} ran out of its ${vm.memoryMb} MiB and OOM-killed the leaking process; the VM keeps running and the host gave it no more RAM`)
    } else if (daemon) {
      const victim = daemon.containers.filter((c) => c.state === 'running').sort((a, b) => b.memoryMb - a.memoryMb)[0]
      if (victim) exitContainer(core, daemon, victim, 137, { oomKilled: true, reason: `the guest kernel of ${vm.name} ran out of memory` })
    }
    used = Math.min(vm.memoryMb, baseTouched + (daemon ? daemonMemoryMb(daemon) : 0))
  }
  vm.guestUsedMb = Math.min(vm.memoryMb, used)
  const idle = os?.idleCpuPercent.value ?? 0.2
  vm.cpuPercent = running ? Math.min(vm.cpus * 100, idle + vm.hogThreads * 100 + (vm.forkBomb ? vm.cpus * 100 : 0) + innerCpu) : 0
}

export function accountHost(core: WorldCore, host: HostState, dtMs: number): void {
  const s = core.state
  if (host.state !== 'up') {
    host.cpuPercent = 0
    host.memoryUsedMb = 0
    host.pidsUsed = 0
    return
  }
  const hostDaemon = host.docker ? s.daemons.find((d) => d.id === host.name && d.onVm === null) : undefined
  const vms = s.vms.filter((v) => v.host === host.name)
  // 1) guests first: each VM accounts its own inside (its kernel, its containers)
  for (const vm of vms) accountVmGuest(core, vm, vm.docker ? s.daemons.find((d) => d.onVm === vm.id) : undefined, dtMs)
  // 2) host PIDs and host-level containers
  let vmPids = 0
  for (const vm of vms) if (isRunningVm(vm)) vmPids += 1 + vm.cpus // one VMM process plus a thread per vCPU
  const basePids = HOST_PROFILE.hostOsIdlePids.value + vmPids
  // PIDs left for forks this tick: what the host had free at the end of the last one
  const totals = hostDaemon ? advanceContainers(core, hostDaemon, dtMs, host.pidMax - host.pidsUsed) : null
  const pidsBefore = host.pidsUsed
  host.pidsUsed = Math.min(host.pidMax, basePids + (totals ? totals.pids : 0))
  if (host.pidsUsed >= host.pidMax && pidsBefore < host.pidMax) {
    core.emit('host.pidsExhausted', host.name, `${host.name} ran out of PIDs (${host.pidMax}): no process anywhere on this host can fork, neighbours included`)
  }
  // 3) CPU: VMs' vCPU threads and containers share the host's cores by weight
  const capacity = host.cores * 100
  const containers = hostDaemon?.containers ?? []
  const n = vms.length + containers.length
  ensure(n)
  for (let i = 0; i < vms.length; i++) { demand[i] = vms[i]!.cpuPercent; weight[i] = 1 }
  let total = 0
  for (let i = 0; i < vms.length; i++) total += demand[i]!
  for (let j = 0; j < containers.length; j++) total += demand[vms.length + j] = containerCpuDemand(containers[j]!, host.cores)
  // weights (cpu.weight) only matter when the cores are contended
  if (total > capacity) for (let j = 0; j < containers.length; j++) weight[vms.length + j] = containers[j]!.hostConfig.cpuShares / 1024
  const used = fairShare(capacity, demand, weight, n, alloc)
  for (let i = 0; i < vms.length; i++) vms[i]!.cpuPercent = alloc[i]!
  for (let j = 0; j < containers.length; j++) {
    const c = containers[j]!
    c.cpuPercent = alloc[vms.length + j]!
    c.cpuUsageNs += (c.cpuPercent / 100) * dtMs * 1e6
  }
  host.cpuPercent = (used / capacity) * 100
  // 4) memory, and the host's OOM killer when it runs out
  host.memoryUsedMb = hostMemoryUsedMb(host, totals ? totals.memoryMb : 0, vms)
  let guard = 0
  while (host.memoryUsedMb > host.memoryMb && guard++ < 64) {
    if (!hostOomKill(core, host, hostDaemon, vms)) break
    host.memoryUsedMb = hostMemoryUsedMb(host, hostDaemon ? daemonMemoryMb(hostDaemon) : 0, vms)
  }
  // 5) disk
  host.diskUsedMb = hostDiskUsedMb(core, host, hostDaemon, vms)
  if (host.diskUsedMb >= host.diskMb) {
    if (!host.diskFull) core.emit('host.diskFull', host.name, `${host.name}'s disk is full: every container writing to it gets "No space left on device"`)
    host.diskFull = true
    host.diskUsedMb = host.diskMb
    if (hostDaemon) for (const c of hostDaemon.containers) c.diskFillRateMbPerS = 0
  } else host.diskFull = false
}

function hostMemoryUsedMb(host: HostState, engineMb: number, vms: VmState[]): number {
  let mb = HOST_PROFILE.hostOsIdleMb.value + engineMb
  for (const vm of vms) if (isRunningVm(vm)) mb += vmReservedMb(host, vm)
  return mb
}

/** The host's OOM killer picks the process with the highest oom score (its resident memory). */
function hostOomKill(core: WorldCore, host: HostState, hostDaemon: DaemonState | undefined, vms: VmState[]): boolean {
  let victimC: ContainerState | null = null
  let victimVm: VmState | null = null
  let best = 0
  if (hostDaemon) for (const c of hostDaemon.containers) if (isLiveContainer(c) && c.memoryMb > best) { best = c.memoryMb; victimC = c }
  for (const vm of vms) {
    if (!isRunningVm(vm)) continue
    const rss = (host.overcommit > 1 ? vm.guestUsedMb : vm.memoryMb) + vmOverheadMb(host, vm)
    if (rss > best) { best = rss; victimVm = vm; victimC = null }
  }
  if (victimVm) {
    crashVm(core, victimVm, `the host's OOM killer chose its VMM process (largest oom score, ${Math.round(best)} MiB) when ${host.name} ran out of memory`)
    return true
  }
  if (victimC && hostDaemon) {
    exitContainer(core, hostDaemon, victimC, 137, { oomKilled: true, reason: `${host.name} ran out of memory and the host's OOM killer picked the process with the highest oom score (${Math.round(best)} MiB)` })
    return true
  }
  return false
}

function hostDiskUsedMb(core: WorldCore, host: HostState, hostDaemon: DaemonState | undefined, vms: VmState[]): number {
  let mb = HOST_PROFILE.hostOsDiskMb.value
  if (hostDaemon) {
    mb += imageLayersMb(hostDaemon)
    for (const c of hostDaemon.containers) mb += c.writableMb
    for (const v of hostDaemon.volumes) mb += v.sizeMb
  }
  for (const vm of vms) mb += vm.diskUsedMb
  return mb
}

export function tickWorld(core: WorldCore, dtMs: number): void {
  for (const host of core.state.hosts) accountHost(core, host, dtMs)
}
