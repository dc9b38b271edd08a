// The isolation experiments (calibration §7, §8, §10): each fault acts where Linux and hypervisors act.
import type { WorldCore } from '../WorldCore.ts'
import type { ContainerState, DaemonState, HostState, VmState } from '../model/types.ts'
import { fail, ok, type CommandResult } from '../model/result.ts'
import { HOST_PROFILE } from '../catalog/hostProfile.ts'
import { DEFAULT_CAPABILITIES, ISOLATION } from '../catalog/performance.ts'
import { nextLifecycle } from '../machines/lifecycle.ts'
import { hostMachine, type HostLifecycle } from '../machines/hostMachine.ts'
import { crashVm, startVm } from '../vms.ts'
import { stopDaemonContainers, startDaemonAfterBoot } from '../engine/daemonLifecycle.ts'
import { findHost, physicalHostOf, vmOfDaemon } from '../lookup.ts'

export type FaultKind = 'panic' | 'leak' | 'cpu-hog' | 'fork-bomb' | 'disk-fill' | 'escape'
export interface FaultSpec { kind: FaultKind; target: string; rateMbPerS?: number; threads?: number }

export type Target = { kind: 'container'; daemon: DaemonState; c: ContainerState } | { kind: 'vm'; vm: VmState }

/** `name` or `host:name`; ambiguous names must be qualified. */
export function resolveTarget(core: WorldCore, ref: string): Target | string {
  const colon = ref.indexOf(':')
  const scope = colon > 0 ? ref.slice(0, colon) : null
  const name = colon > 0 ? ref.slice(colon + 1) : ref
  const found: Target[] = []
  for (const vm of core.state.vms) if (vm.name === name && (!scope || vm.host === scope)) found.push({ kind: 'vm', vm })
  for (const daemon of core.state.daemons) {
    if (scope && daemon.id !== scope && physicalHostOf(core.state, daemon)?.name !== scope) continue
    for (const c of daemon.containers) if (c.name === name || (name.length >= 4 && c.id.startsWith(name))) found.push({ kind: 'container', daemon, c })
  }
  if (found.length === 0) return `no such instance: ${ref}`
  if (found.length > 1) return `"${name}" is ambiguous: qualify it as ${found.map((t) => `${t.kind === 'vm' ? t.vm.host : t.daemon.id}:${name}`).join(' or ')}`
  return found[0]!
}

export function injectFault(core: WorldCore, spec: FaultSpec): CommandResult {
  const target = resolveTarget(core, spec.target)
  if (typeof target === 'string') return fail(target)
  const live = target.kind === 'vm' ? target.vm.state === 'running' : target.c.state === 'running'
  if (!live) return fail(`${spec.target} is not running`)
  const label = target.kind === 'vm' ? target.vm.name : target.c.name
  core.emit('fault.injected', label, `fault ${spec.kind} injected into ${label}`)
  switch (spec.kind) {
    case 'panic': return panic(core, target)
    case 'leak': {
      const rate = spec.rateMbPerS ?? 50
      if (target.kind === 'vm') target.vm.leakRateMbPerS = rate
      else target.c.leakRateMbPerS = rate
      return ok(`${label}: leaking ${rate} MiB/s`)
    }
    case 'cpu-hog': {
      const threads = spec.threads ?? 4
      if (target.kind === 'vm') target.vm.hogThreads = threads
      else target.c.hogThreads = threads
      return ok(`${label}: ${threads} busy threads`)
    }
    case 'fork-bomb':
      if (target.kind === 'vm') target.vm.forkBomb = true
      else target.c.forkBomb = true
      return ok(`${label}: fork bomb started`)
    case 'disk-fill': {
      const rate = spec.rateMbPerS ?? 500
      if (target.kind === 'vm') target.vm.diskFillRateMbPerS = rate
      else target.c.diskFillRateMbPerS = rate
      return ok(`${label}: writing ${rate} MiB/s`)
    }
    case 'escape': return escape(core, target)
  }
}

function setHostState(host: HostState, event: string): boolean {
  const next = nextLifecycle<HostLifecycle>(hostMachine, host.state, event)
  if (!next) return false
  host.state = next
  return true
}

function panic(core: WorldCore, target: Target): CommandResult {
  if (target.kind === 'vm') {
    target.vm.panicked = true
    crashVm(core, target.vm, 'its guest kernel panicked; the hypervisor and every other VM carry on')
    return ok(`kernel panic in ${target.vm.name}'s own guest kernel: only ${target.vm.name} went down`)
  }
  const vm = vmOfDaemon(core.state, target.daemon)
  if (vm) {
    vm.panicked = true
    crashVm(core, vm, `a container (${target.c.name}) triggered a panic in the guest kernel it shares`)
    return ok(`kernel panic in ${vm.name}'s guest kernel, shared by ${target.c.name}: ${vm.name} and its containers went down, the host and its other VMs carry on`)
  }
  const host = physicalHostOf(core.state, target.daemon)!
  panicHost(core, host, `container ${target.c.name} triggered a panic in the host kernel it shares`)
  return ok(`kernel panic in ${host.name}'s kernel, shared by every container on it: ${host.name} is down`)
}

/** The host kernel is gone: every container, the daemon and every VM on the host go down (VMs are host processes). */
export function panicHost(core: WorldCore, host: HostState, reason: string): void {
  if (!setHostState(host, 'panic')) return
  host.gen += 1
  core.emit('host.panicked', host.name, `${host.name}'s kernel panicked: ${reason}`)
  for (const vm of core.state.vms.filter((v) => v.host === host.name)) crashVm(core, vm, `its host ${host.name} panicked: a VM is a process of the host`)
  stopDaemonContainers(core, host.name, 'crash')
  core.schedule(core.clockMs + 1000, 'host.reboot', host.name, String(host.gen))
}

export function onHostReboot(core: WorldCore, timer: { target: string; data?: string }): void {
  const host = findHost(core.state, timer.target)
  if (!host || String(host.gen) !== timer.data) return
  if (host.state === 'panicked') {
    setHostState(host, 'reboot')
    core.emit('host.rebooting', host.name, `${host.name} is rebooting (takes ${HOST_PROFILE.rebootMs.value / 1000} s: a model assumption)`)
    core.schedule(core.clockMs + HOST_PROFILE.rebootMs.value - 1000, 'host.reboot', host.name, timer.data)
    return
  }
  if (host.state !== 'rebooting') return
  setHostState(host, 'booted')
  host.breachedBy = null
  core.emit('host.booted', host.name, `${host.name} is back up`)
  if (host.docker) startDaemonAfterBoot(core, host)
  for (const vm of core.state.vms.filter((v) => v.host === host.name && v.autostart)) startVm(core, vm)
}

function escape(core: WorldCore, target: Target): CommandResult {
  if (target.kind === 'vm') {
    const msg = `escape from ${target.vm.name} failed: the guest kernel was compromised, but the guest issues ${ISOLATION.vmGuestHostSyscalls.value} host syscalls; it only reaches the VMM through VM exits and hypercalls, and the hypervisor boundary held`
    core.emit('fault.escapeBlocked', target.vm.name, msg)
    return ok(msg)
  }
  const c = target.c
  const hostMount = c.hostConfig.binds.find((b) => b.startsWith('/:') || b.startsWith('/var/run/docker.sock:'))
  if (c.hostConfig.privileged || hostMount) {
    const vm = vmOfDaemon(core.state, target.daemon)
    const reached = vm ? `VM ${vm.name}` : physicalHostOf(core.state, target.daemon)!.name
    if (!vm) physicalHostOf(core.state, target.daemon)!.breachedBy = c.name
    const how = c.hostConfig.privileged ? '--privileged gave it every capability and no seccomp filter' : `the host path ${hostMount!.split(':')[0]} is mounted inside it`
    const msg = `escape from ${c.name} succeeded: ${how}; it reached ${reached} and every neighbour on it`
    core.emit('fault.escaped', c.name, msg)
    return ok(msg)
  }
  const reachable = ISOLATION.syscallsTotal.value - ISOLATION.seccompBlocked.value
  const msg = `escape from ${c.name} blocked: the default seccomp profile denied mount(2), unshare(2) and keyctl(2) (EPERM; ${ISOLATION.seccompBlocked.value} syscalls blocked, ~${reachable} reachable), and CAP_SYS_ADMIN is not among its ${DEFAULT_CAPABILITIES.length} default capabilities`
  core.emit('fault.escapeBlocked', c.name, msg)
  return ok(msg)
}
