// The one-line detail under a layer's tooltip: what this particular layer is doing right now. Built when the
// pointer or focus arrives on a layer (or the language changes), never per frame.
import type { WorldState } from '../../../sim/index.ts'
import { catalog } from '../../../sim/index.ts'
import { formatMb, formatPercent, osName } from './format'
import { containerStopwatchMs, formatStopwatch, vmStopwatchMs } from './stopwatch'
import type { SceneLayerKind, Translate } from './types'

export function describeLayer(state: Readonly<WorldState>, kind: SceneLayerKind, subject: string, instanceKey: string | null, tr: Translate): string {
  const host = state.hosts.find((h) => h.name === subject)
  switch (kind) {
    case 'hardware':
      return host ? tr('stage.describe.hardware', { host: subject, count: host.cores, memory: formatMb(host.memoryMb), disk: formatMb(host.diskMb) }) : subject
    case 'cores':
      return host ? tr('stage.describe.cores', { percent: formatPercent(host.cpuPercent), count: host.cores }) : subject
    case 'ram':
      return host
        ? tr('stage.describe.ram', { used: formatMb(host.memoryUsedMb), total: formatMb(host.memoryMb), percent: formatPercent((100 * host.memoryUsedMb) / host.memoryMb) })
        : subject
    case 'disk':
      return host ? tr('stage.describe.disk', { used: formatMb(host.diskUsedMb), total: formatMb(host.diskMb) }) : subject
    case 'host-os':
      return host
        ? tr('stage.describe.hostOs', { host: subject, os: osName(host.os), kernel: host.kernel, state: tr(`stage.describe.hostState.${host.state}`, { defaultValue: host.state }) })
        : subject
    case 'shared-kernel': {
      const daemon = state.daemons.find((d) => d.id === subject)
      const live = daemon ? daemon.containers.filter((c) => c.state === 'running' || c.state === 'paused').length : 0
      return host ? tr('stage.describe.sharedKernel', { kernel: host.kernel, count: live }) : subject
    }
    case 'hypervisor': {
      const vms = state.vms.filter((v) => v.host === subject && !v.hidden)
      const running = vms.filter((v) => v.state === 'running').length
      return tr('stage.describe.hypervisor', {
        name: host?.hypervisor ?? tr('stage.describe.hypervisorFallback'),
        vms: tr('stage.describe.vms', { count: vms.length }),
        running: tr('stage.column.running', { count: running })
      })
    }
    case 'docker': {
      const daemon = state.daemons.find((d) => d.id === subject)
      return daemon
        ? tr('stage.describe.engine', {
          containers: tr('stage.describe.containers', { count: daemon.containers.length }),
          images: tr('stage.describe.images', { count: daemon.images.length })
        })
        : tr('stage.describe.noEngine')
    }
    default:
      return describeInstanceLayer(state, kind, instanceKey, tr)
  }
}

function describeInstanceLayer(state: Readonly<WorldState>, kind: SceneLayerKind, instanceKey: string | null, tr: Translate): string {
  if (!instanceKey) return ''
  if (instanceKey.startsWith('vm:')) {
    const vm = state.vms.find((v) => v.id === instanceKey.slice(3))
    if (!vm) return ''
    const os = catalog.GUEST_OSES[vm.os]
    const ms = vmStopwatchMs(state.clockMs, vm)
    const name = vm.name
    switch (kind) {
      case 'vm-hardware': return tr('stage.describe.vmHardware', { count: vm.cpus, memory: formatMb(vm.memoryMb), name })
      case 'guest-kernel': return tr('stage.describe.guestKernel', { name, kernel: vm.kind === 'microvm' ? '6.1' : (os?.kernel ?? '?') })
      case 'guest-os': return tr('stage.describe.guestOs', { os: os?.label ?? vm.os, name })
      case 'vm-apps': return tr(vm.docker ? 'stage.describe.vmAppsDocker' : 'stage.describe.vmApps', { name })
      default: {
        const vmState = tr(`state.${vm.state}`, { defaultValue: vm.state })
        if (ms === null) return tr('stage.describe.instance', { name, state: vmState })
        return tr(vm.startupMs !== null ? 'stage.describe.vmBooted' : 'stage.describe.vmBooting', { name, state: vmState, time: formatStopwatch(ms) })
      }
    }
  }
  for (const daemon of state.daemons) {
    const c = daemon.containers.find((x) => x.id === instanceKey.slice(4))
    if (!c) continue
    const ms = containerStopwatchMs(state, c)
    const name = c.name
    switch (kind) {
      case 'container-app':
        return tr('stage.describe.containerApp', { cmd: c.process.kind === 'service' ? c.process.service : (c.config.cmd ?? []).join(' '), name })
      case 'container-libs': {
        const image = daemon.images.find((i) => i.id === c.imageId)
        const size = image ? image.layers.reduce((sum, l) => sum + l.sizeMb, 0) : 0
        return tr('stage.describe.containerLibs', { image: c.imageRef, count: image?.layers.length ?? 0, size: formatMb(size) })
      }
      case 'shim': return tr('stage.describe.shim', { name, mb: catalog.INSTANCE_OVERHEAD_MB.containerRunc.value })
      default: {
        const ctrState = tr(`state.${c.state}`, { defaultValue: c.state })
        if (ms === null) return tr('stage.describe.instance', { name, state: ctrState })
        return tr(c.startupMs !== null ? 'stage.describe.ctrStarted' : 'stage.describe.ctrStarting', { name, state: ctrState, time: formatStopwatch(ms) })
      }
    }
  }
  return ''
}
