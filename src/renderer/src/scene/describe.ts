// The one-line detail under a layer's tooltip: what this particular layer is doing right now. Built when the
// pointer or focus arrives on a layer, never per frame.
import type { WorldState } from '../../../sim/index.ts'
import { catalog } from '../../../sim/index.ts'
import { formatMb, formatPercent } from './format'
import { containerStopwatchMs, formatStopwatch, vmStopwatchMs } from './stopwatch'
import type { SceneLayerKind } from './types'

export function describeLayer(state: Readonly<WorldState>, kind: SceneLayerKind, subject: string, instanceKey: string | null): string {
  const host = state.hosts.find((h) => h.name === subject)
  switch (kind) {
    case 'hardware':
      return host ? `${subject}: ${host.cores} cores, ${formatMb(host.memoryMb)} RAM, ${formatMb(host.diskMb)} disk` : subject
    case 'cores':
      return host ? `${formatPercent(host.cpuPercent)} of ${host.cores} cores busy` : subject
    case 'ram':
      return host ? `${formatMb(host.memoryUsedMb)} of ${formatMb(host.memoryMb)} in use (${formatPercent((100 * host.memoryUsedMb) / host.memoryMb)})` : subject
    case 'disk':
      return host ? `${formatMb(host.diskUsedMb)} of ${formatMb(host.diskMb)} in use` : subject
    case 'host-os':
      return host ? `${subject} runs ${host.os} with kernel ${host.kernel}; it is ${host.state}` : subject
    case 'shared-kernel': {
      const daemon = state.daemons.find((d) => d.id === subject)
      const live = daemon ? daemon.containers.filter((c) => c.state === 'running' || c.state === 'paused').length : 0
      return host ? `Kernel ${host.kernel}: every one of the ${live} live containers makes its system calls to it` : subject
    }
    case 'hypervisor': {
      const vms = state.vms.filter((v) => v.host === subject && !v.hidden)
      return `${host?.hypervisor ?? 'hypervisor'}: ${vms.length} VM${vms.length === 1 ? '' : 's'}, ${vms.filter((v) => v.state === 'running').length} running`
    }
    case 'docker': {
      const daemon = state.daemons.find((d) => d.id === subject)
      return daemon ? `${daemon.containers.length} container${daemon.containers.length === 1 ? '' : 's'}, ${daemon.images.length} image${daemon.images.length === 1 ? '' : 's'} on this engine` : 'no engine'
    }
    default:
      return describeInstanceLayer(state, kind, instanceKey)
  }
}

function describeInstanceLayer(state: Readonly<WorldState>, kind: SceneLayerKind, instanceKey: string | null): string {
  if (!instanceKey) return ''
  if (instanceKey.startsWith('vm:')) {
    const vm = state.vms.find((v) => v.id === instanceKey.slice(3))
    if (!vm) return ''
    const os = catalog.GUEST_OSES[vm.os]
    const ms = vmStopwatchMs(state.clockMs, vm)
    switch (kind) {
      case 'vm-hardware': return `${vm.cpus} virtual CPUs and ${formatMb(vm.memoryMb)} of RAM that ${vm.name} sees as its own machine`
      case 'guest-kernel': return `${vm.name} boots its own kernel ${vm.kind === 'microvm' ? '6.1' : (os?.kernel ?? '?')}`
      case 'guest-os': return `${os?.label ?? vm.os}: a whole operating system inside ${vm.name}`
      case 'vm-apps': return vm.docker ? `${vm.name} runs its own Docker engine` : `the programs ${vm.name} runs`
      default: return `${vm.name}: ${vm.state}${ms !== null ? `, ${vm.startupMs !== null ? 'booted in' : 'booting for'} ${formatStopwatch(ms)}` : ''}`
    }
  }
  for (const daemon of state.daemons) {
    const c = daemon.containers.find((x) => x.id === instanceKey.slice(4))
    if (!c) continue
    const ms = containerStopwatchMs(state, c)
    switch (kind) {
      case 'container-app': return `${c.process.kind === 'service' ? c.process.service : (c.config.cmd ?? []).join(' ')}: PID 1 inside ${c.name}`
      case 'container-libs': {
        const image = daemon.images.find((i) => i.id === c.imageId)
        const size = image ? image.layers.reduce((sum, l) => sum + l.sizeMb, 0) : 0
        return `${c.imageRef}: ${image?.layers.length ?? 0} read-only layers (${formatMb(size)}), shared with every container of this image`
      }
      case 'shim': return `containerd-shim-runc-v2 for ${c.name}: about ${catalog.INSTANCE_OVERHEAD_MB.containerRunc.value} MiB on the host`
      default: return `${c.name}: ${c.state}${ms !== null ? `, ${c.startupMs !== null ? 'started in' : 'starting for'} ${formatStopwatch(ms)}` : ''}`
    }
  }
  return ''
}
