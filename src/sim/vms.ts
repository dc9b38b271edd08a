// VM lifecycle operations and their timers. Admission follows strict allocation unless the host overcommits.
import type { WorldCore } from './WorldCore.ts'
import type { HostState, Phase, Timer, VmState } from './model/types.ts'
import { fail, ok, type CommandResult } from './model/result.ts'
import { GUEST_OSES, MICROVM_GUEST, MICROVM_PHASES, VM_SHUTDOWN_MS } from './catalog/guestOses.ts'
import { HOST_PROFILE, INSTANCE_OVERHEAD_MB } from './catalog/hostProfile.ts'
import { nextLifecycle } from './machines/lifecycle.ts'
import { vmMachine, type VmLifecycle } from './machines/vmMachine.ts'
import { findHost, findVm } from './lookup.ts'
import { newDaemon } from './sandbox.ts'
import { stopDaemonContainers, startDaemonAfterBoot } from './engine/daemonLifecycle.ts'

export interface VmCreateSpec {
  name: string
  os: string
  kind: 'full' | 'microvm'
  cpus?: number
  memoryMb?: number
  diskMb?: number
  host?: string
  docker?: boolean
  autostart?: boolean
  hidden?: boolean
}

const NAME_RE = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}$/

export function vmOverheadMb(host: HostState, vm: VmState): number {
  if (vm.kind === 'microvm') return INSTANCE_OVERHEAD_MB.microvmFirecracker.value
  if (host.hypervisor === 'virtualbox' || host.hypervisor === 'vmware-workstation') return INSTANCE_OVERHEAD_MB.vmType2Hosted.value
  if (host.hypervisor === 'kvm') return INSTANCE_OVERHEAD_MB.vmQemuKvm.value
  return INSTANCE_OVERHEAD_MB.vmType1.value
}

/** Memory the host must set aside for a started VM: all of its RAM under strict allocation. */
export function vmReservedMb(host: HostState, vm: VmState): number {
  const guest = host.overcommit > 1 ? vm.guestUsedMb : vm.memoryMb
  return guest + vmOverheadMb(host, vm)
}

export function createVm(core: WorldCore, spec: VmCreateSpec): CommandResult {
  const s = core.state
  const hostName = spec.host ?? 'vm-host'
  const host = findHost(s, hostName)
  if (!host) return fail(`no such host: ${hostName}`)
  if (host.hypervisor === 'none') return fail(`host ${hostName} has no hypervisor: set one with 'host set ${hostName} --hypervisor kvm'`)
  if (!NAME_RE.test(spec.name)) return fail(`invalid VM name "${spec.name}": use letters, digits, '_', '.' or '-'`)
  if (findVm(s, spec.name, hostName)) return fail(`a VM named ${spec.name} already exists on ${hostName}`)
  const os = GUEST_OSES[spec.os]
  if (spec.kind === 'full' && !os) return fail(`unknown guest OS "${spec.os}": choose one of ${Object.keys(GUEST_OSES).join(', ')}`)
  if (spec.kind === 'microvm' && os && os.family !== 'linux') return fail(`a microVM runs a minimal Linux guest, not ${spec.os}`)
  if (spec.docker && os?.family === 'windows') return fail('the Docker engine here runs Linux containers: give the VM a Linux guest OS')
  const cpus = spec.cpus ?? (spec.kind === 'microvm' ? 1 : os!.defaultCpus)
  if (!Number.isInteger(cpus) || cpus < 1 || cpus > host.cores) return fail(`--cpus must be a whole number from 1 to ${host.cores} (the host's cores)`)
  const memoryMb = spec.memoryMb ?? (spec.kind === 'microvm' ? MICROVM_GUEST.memoryMb.value : os!.defaultMemoryMb.value)
  if (!(memoryMb >= 64)) return fail('--memory must be at least 64m for a VM')
  if (memoryMb > host.memoryMb * host.overcommit) return fail(`--memory ${memoryMb}m is more than ${hostName} has (${host.memoryMb} MiB)`)
  const diskMb = spec.diskMb ?? (os ? os.diskVirtualMb.value : 1024)
  const id = core.newId(`vm:${spec.name}`)
  const vm: VmState = {
    id, gen: 0, name: spec.name, host: hostName, os: spec.os, kind: spec.kind, cpus, memoryMb, diskMb,
    docker: !!spec.docker, autostart: !!spec.autostart, hidden: !!spec.hidden, state: 'stopped', phases: [], plannedPhases: [],
    phaseIndex: 0, startRequestedAtMs: null, startupMs: null, runningSinceMs: null, guestUsedMb: 0,
    diskUsedMb: spec.kind === 'microvm' ? 50 : (os?.diskUsedMb.value ?? 0), pids: 0, cpuPercent: 0, hogThreads: 0,
    leakRateMbPerS: 0, leakedMb: 0, forkBomb: false, diskFillRateMbPerS: 0, guestOomKills: 0, panicked: false
  }
  s.vms.push(vm)
  if (vm.docker) s.daemons.push(newDaemon(vm.name, vm.id, s.seed))
  core.emit('vm.created', vm.name, `VM ${vm.name} created on ${hostName}`)
  return ok(`${vm.name}: ${os?.label ?? 'microVM guest'}, ${cpus} vCPU, ${memoryMb} MiB RAM, ${Math.round(diskMb / 1024)} GiB disk on ${hostName}`)
}

function transitionVm(core: WorldCore, vm: VmState, event: string): boolean {
  const next = nextLifecycle<VmLifecycle>(vmMachine, vm.state, event)
  if (!next) return false
  vm.state = next
  return true
}

export function startVm(core: WorldCore, vm: VmState): CommandResult {
  const s = core.state
  const host = findHost(s, vm.host)!
  if (host.state !== 'up') return fail(`host ${host.name} is ${host.state}`)
  if (vm.state !== 'stopped' && vm.state !== 'crashed') return fail(`VM ${vm.name} is already ${vm.state}`)
  // strict allocation: every started VM's RAM is set aside (calibration §9 memory_overcommit_default 1.0)
  const free = host.memoryMb - committedMb(core, host)
  const need = (host.overcommit > 1 ? vm.memoryMb / host.overcommit : vm.memoryMb) + vmOverheadMb(host, vm)
  if (need > free) return fail(`not enough memory on ${host.name} to start ${vm.name}: needs ${Math.round(need)} MiB, ${Math.max(0, Math.round(free))} MiB free`)
  const os = GUEST_OSES[vm.os]
  const specs = vm.kind === 'microvm' ? MICROVM_PHASES : os!.phases
  vm.plannedPhases = specs.map((p) => ({ name: p.name, ms: p.ms.value })).filter((p) => p.ms > 0 || vm.kind === 'full')
  vm.phases = []
  vm.phaseIndex = 0
  vm.startupMs = null
  vm.startRequestedAtMs = s.clockMs
  vm.gen += 1
  vm.panicked = false
  resetVmFigures(vm)
  transitionVm(core, vm, 'start')
  core.schedule(s.clockMs + vm.plannedPhases[0]!.ms, 'vm.phase', vm.id, String(vm.gen))
  core.emit('vm.starting', vm.name, `VM ${vm.name} is booting: ${vm.plannedPhases.map((p) => p.name).join(' → ')}`)
  return ok(vm.name)
}

/** RAM already set aside on a host: its OS, its engine and containers, and every started VM's reservation. */
export function committedMb(core: WorldCore, host: HostState): number {
  let used = HOST_PROFILE.hostOsIdleMb.value
  const daemon = host.docker ? core.state.daemons.find((d) => d.id === host.name && d.onVm === null) : undefined
  if (daemon) {
    used += HOST_PROFILE.dockerdIdleMb.value + HOST_PROFILE.containerdIdleMb.value
    for (const c of daemon.containers) if (c.state === 'running' || c.state === 'paused') used += c.memoryMb + INSTANCE_OVERHEAD_MB.containerRunc.value
  }
  for (const vm of core.state.vms) {
    if (vm.host !== host.name || vm.state === 'stopped' || vm.state === 'crashed') continue
    used += host.overcommit > 1 ? vm.memoryMb / host.overcommit + vmOverheadMb(host, vm) : vm.memoryMb + vmOverheadMb(host, vm)
  }
  return used
}

export function onVmPhase(core: WorldCore, timer: Timer): void {
  const vm = core.state.vms.find((v) => v.id === timer.target)
  if (!vm || vm.state !== 'starting' || String(vm.gen) !== timer.data) return
  const phase = vm.plannedPhases[vm.phaseIndex]!
  vm.phases.push({ ...phase })
  vm.phaseIndex += 1
  const nextPhase = vm.plannedPhases[vm.phaseIndex]
  if (nextPhase) {
    core.emit('vm.phaseCompleted', vm.name, `${vm.name}: ${phase.name} done (${phase.ms} ms)`, { internal: true, detail: { phase: phase.name } })
    core.schedule(core.clockMs + nextPhase.ms, 'vm.phase', vm.id, timer.data)
    return
  }
  transitionVm(core, vm, 'booted')
  vm.startupMs = vm.phases.reduce((sum, p: Phase) => sum + p.ms, 0)
  vm.runningSinceMs = core.clockMs
  vm.guestUsedMb = vm.kind === 'microvm' ? MICROVM_GUEST.touchedMb.value : GUEST_OSES[vm.os]!.touchedMb.value
  core.emit('vm.started', vm.name, `VM ${vm.name} finished booting in ${(vm.startupMs / 1000).toFixed(1)} s`)
  startDaemonAfterBoot(core, vm)
}

export function stopVm(core: WorldCore, vm: VmState): CommandResult {
  if (vm.state === 'stopped') return fail(`VM ${vm.name} is not running`)
  if (vm.state === 'crashed') { transitionVm(core, vm, 'stop'); return ok(vm.name) }
  if (!transitionVm(core, vm, 'stop')) return fail(`VM ${vm.name} is ${vm.state}`)
  vm.gen += 1
  stopDaemonContainers(core, vm.name, 'shutdown')
  core.schedule(core.clockMs + VM_SHUTDOWN_MS.value, 'vm.halted', vm.id, String(vm.gen))
  core.emit('vm.stopping', vm.name, `VM ${vm.name} is shutting down`)
  return ok(vm.name)
}

export function onVmHalted(core: WorldCore, timer: Timer): void {
  const vm = core.state.vms.find((v) => v.id === timer.target)
  if (!vm || vm.state !== 'stopping' || String(vm.gen) !== timer.data) return
  transitionVm(core, vm, 'halted')
  resetVmFigures(vm)
  core.emit('vm.stopped', vm.name, `VM ${vm.name} stopped`)
}

/** A VM that is off, or booting afresh: no guest memory touched, no fault running inside. */
function resetVmFigures(vm: VmState): void {
  vm.runningSinceMs = null
  vm.guestUsedMb = 0
  vm.leakedMb = 0
  vm.cpuPercent = 0
  vm.pids = 0
  vm.hogThreads = 0
  vm.leakRateMbPerS = 0
  vm.forkBomb = false
  vm.diskFillRateMbPerS = 0
}

/** The VM's kernel (or its host) is gone: it is down at once, and so is any engine inside it. */
export function crashVm(core: WorldCore, vm: VmState, reason: string): void {
  if (vm.state === 'stopped' || vm.state === 'crashed') return
  transitionVm(core, vm, 'crash')
  vm.gen += 1
  stopDaemonContainers(core, vm.name, 'crash')
  resetVmFigures(vm)
  core.emit('vm.crashed', vm.name, `VM ${vm.name} went down: ${reason}`)
}

export function pauseVm(core: WorldCore, vm: VmState): CommandResult {
  if (!transitionVm(core, vm, 'pause')) return fail(`VM ${vm.name} is ${vm.state}, not running`)
  core.emit('vm.paused', vm.name, `VM ${vm.name} paused: its vCPUs no longer run, its RAM stays reserved`)
  return ok(vm.name)
}

export function resumeVm(core: WorldCore, vm: VmState): CommandResult {
  if (!transitionVm(core, vm, 'resume')) return fail(`VM ${vm.name} is ${vm.state}, not paused`)
  core.emit('vm.resumed', vm.name, `VM ${vm.name} resumed`)
  return ok(vm.name)
}

export function deleteVm(core: WorldCore, vm: VmState): CommandResult {
  if (vm.state !== 'stopped' && vm.state !== 'crashed') return fail(`VM ${vm.name} is ${vm.state}: stop it before deleting it`)
  core.state.vms = core.state.vms.filter((v) => v !== vm)
  core.state.daemons = core.state.daemons.filter((d) => d.onVm !== vm.id)
  core.cancelTimers(vm.id)
  core.emit('vm.deleted', vm.name, `VM ${vm.name} deleted`)
  return ok(vm.name)
}
