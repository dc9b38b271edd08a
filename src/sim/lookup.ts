import type { ContainerState, DaemonState, HostState, VmState, WorldState } from './model/types.ts'
import { GUEST_OSES } from './catalog/guestOses.ts'

export const findHost = (s: WorldState, name: string): HostState | undefined => s.hosts.find((h) => h.name === name)
export const findVm = (s: WorldState, name: string, host?: string): VmState | undefined =>
  s.vms.find((v) => v.name === name && (host === undefined || v.host === host))
export const findDaemon = (s: WorldState, id: string): DaemonState | undefined => s.daemons.find((d) => d.id === id)

/** The physical host a daemon's containers consume resources on. */
export function physicalHostOf(s: WorldState, daemon: DaemonState): HostState | undefined {
  if (daemon.onVm) {
    const vm = s.vms.find((v) => v.id === daemon.onVm)
    return vm ? findHost(s, vm.host) : undefined
  }
  return findHost(s, daemon.id)
}

export function vmOfDaemon(s: WorldState, daemon: DaemonState): VmState | undefined {
  return daemon.onVm ? s.vms.find((v) => v.id === daemon.onVm) : undefined
}

/** The kernel the daemon's containers share: the host's, or the guest VM's. */
export function kernelOfDaemon(s: WorldState, daemon: DaemonState): string {
  const vm = vmOfDaemon(s, daemon)
  if (vm) return vm.kind === 'microvm' ? '6.1' : (GUEST_OSES[vm.os]?.kernel ?? '?')
  return findHost(s, daemon.id)?.kernel ?? '?'
}

/** Whether the daemon can answer at all: its host is up, and its VM (if any) is running. */
export function daemonIsUp(s: WorldState, daemon: DaemonState): boolean {
  const host = physicalHostOf(s, daemon)
  if (!host || host.state !== 'up') return false
  const vm = vmOfDaemon(s, daemon)
  return !vm || vm.state === 'running'
}

export const isLive = (c: ContainerState): boolean => c.state === 'running' || c.state === 'paused' || c.state === 'starting'

/** `kernel` strings compare on major.minor. */
export const sameKernelLine = (a: string, b: string): boolean => a.split('.').slice(0, 2).join('.') === b.split('.').slice(0, 2).join('.')
