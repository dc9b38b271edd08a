// What the inspector shows for one instance, read from the world's state and the catalog. Every figure
// carries where it comes from: a calibration source, a model assumption, the simulation, or a setting.
import { catalog, type ContainerState, type DaemonState, type HostState, type VmState, type WorldState } from '../../../sim/index.ts'
// Display text is handed over as keys and values (UiText): the inspector translates it when it renders.
import type { FigureSource, Inspection, PhaseView, ProcessRow, SourcedFigure, UiText } from '../ui/types'
import { containerStopwatchMs, vmStopwatchMs } from '../scene/stopwatch'

type Params = NonNullable<UiText['params']>
/** a panels.inspect.* text */
const tx = (key: string, params?: Params): UiText => (params ? { key: `panels.inspect.${key}`, params } : { key: `panels.inspect.${key}` })
const value = (key: string, v: number | string): UiText => ({ key: `panels.value.${key}`, params: { value: v } })
const plain = (v: number | string): UiText => value('plain', v)
const fig = (label: UiText, v: UiText, source: FigureSource): SourcedFigure => ({ label, value: v, source })
const mib = (mb: number): UiText => value('mib', Math.round(mb * 10) / 10)
/** MiB below a GiB, GiB above (as the stage writes sizes) */
function size(mb: number): UiText {
  if (mb >= 1024) return value(mb >= 10 * 1024 ? 'gib0' : 'gib1', mb / 1024)
  return value(mb >= 100 ? 'mib0' : 'mib1', mb)
}

/** An illustrative host PID, stable for an instance (the simulation keeps no host PIDs). */
function hostPid(id: string, offset = 0): number {
  return 2000 + (parseInt(id.slice(0, 6), 16) % 60000) + offset
}

export function phaseViews(planned: readonly { name: string; ms: number }[], phaseIndex: number, state: string, sourceOf: (name: string) => FigureSource): PhaseView[] {
  const up = state !== 'starting'
  return planned.map((p, i) => ({
    name: p.name,
    ms: p.ms,
    source: sourceOf(p.name),
    status: i < phaseIndex || (up && phaseIndex >= planned.length) ? 'done' : i === phaseIndex && state === 'starting' ? 'current' : 'pending'
  }))
}

export function vmPhaseSource(vm: VmState): (name: string) => FigureSource {
  const specs = vm.kind === 'microvm' ? catalog.MICROVM_PHASES : (catalog.GUEST_OSES[vm.os]?.phases ?? [])
  return (name) => specs.find((p) => p.name === name)?.ms.source ?? 'simulated'
}

export function containerPhaseSource(name: string): FigureSource {
  return catalog.CONTAINER_PHASES.find((p) => p.name === name)?.ms.source ?? 'simulated'
}

export function inspect(state: Readonly<WorldState>, key: string): Inspection | null {
  if (key.startsWith('vm:')) {
    const vm = state.vms.find((v) => v.id === key.slice(3))
    const host = vm && state.hosts.find((h) => h.name === vm.host)
    return vm && host ? inspectVm(state, vm, host, key) : null
  }
  for (const daemon of state.daemons) {
    const c = daemon.containers.find((x) => x.id === key.slice(4))
    if (c && c.state !== 'removed') return inspectContainer(state, daemon, c, key)
  }
  return null
}

function vmOverhead(host: HostState, vm: VmState): { mb: number; source: FigureSource; what: UiText } {
  const o = catalog.INSTANCE_OVERHEAD_MB
  if (vm.kind === 'microvm') return { mb: o.microvmFirecracker.value, source: o.microvmFirecracker.source, what: tx('overhead.firecracker') }
  if (host.hypervisor === 'virtualbox' || host.hypervisor === 'vmware-workstation') return { mb: o.vmType2Hosted.value, source: o.vmType2Hosted.source, what: tx('overhead.hosted') }
  if (host.hypervisor === 'kvm') return { mb: o.vmQemuKvm.value, source: o.vmQemuKvm.source, what: tx('overhead.qemu') }
  return { mb: o.vmType1.value, source: o.vmType1.source, what: tx('overhead.type1') }
}

function vmmCommand(host: HostState, vm: VmState): string {
  if (vm.kind === 'microvm') return `firecracker --api-sock /run/fc-${vm.name}.sock`
  switch (host.hypervisor) {
    case 'kvm': return `qemu-system-x86_64 -enable-kvm -name ${vm.name} -smp ${vm.cpus} -m ${vm.memoryMb}`
    case 'virtualbox': return `VBoxHeadless --startvm ${vm.name}`
    case 'vmware-workstation': return `vmware-vmx ${vm.name}.vmx`
    case 'hyper-v': return `vmwp.exe (worker process for ${vm.name})`
    case 'esxi': return `vmx (world for ${vm.name})`
    default: return vm.name
  }
}

function inspectVm(state: Readonly<WorldState>, vm: VmState, host: HostState, key: string): Inspection {
  const os = catalog.GUEST_OSES[vm.os]
  const live = vm.state !== 'stopped' && vm.state !== 'crashed'
  const kernel = vm.kind === 'microvm' ? '6.1' : (os?.kernel ?? '?')
  const overhead = vmOverhead(host, vm)
  const planned = vm.plannedPhases.length > 0 ? vm.plannedPhases
    : (vm.kind === 'microvm' ? catalog.MICROVM_PHASES : (os?.phases ?? [])).map((p) => ({ name: p.name, ms: p.ms.value }))
  const windows = os?.family === 'windows'
  const inside: ProcessRow[] = live
    ? [
        { pid: 1, command: windows ? 'System' : '/sbin/init (systemd)', note: 'the guest kernel starts it' },
        { pid: windows ? 4 : 412, command: windows ? 'smss.exe' : 'sshd', note: '' },
        { pid: 0, command: `… ${vm.pids} processes in all`, note: 'simulated' }
      ]
    : []
  const fromHost: ProcessRow[] = live
    ? [{ pid: hostPid(vm.id), command: vmmCommand(host, vm), note: `one process with ${vm.cpus} vCPU threads: the host sees nothing inside it` }]
    : []
  return {
    key, kind: 'vm', name: vm.name, state: vm.state,
    summary: tx('vmSummary', {
      os: vm.kind === 'microvm' ? tx('microvm') : (os?.label ?? vm.os), cpus: vm.cpus, memory: size(vm.memoryMb), disk: size(vm.diskMb),
      host: host.name, hypervisor: host.hypervisor
    }),
    startupMs: vm.startupMs,
    stopwatchMs: vmStopwatchMs(state.clockMs, vm),
    phases: phaseViews(planned, vm.plannedPhases.length > 0 ? vm.phaseIndex : -1, vm.state, vmPhaseSource(vm)),
    live: [
      fig(tx('cpu'), value('ofOneCore', vm.cpuPercent), 'simulated'),
      fig(tx('guestProcesses'), plain(vm.pids), 'simulated'),
      fig(tx('idleGuestCpu'), value('percent', os?.idleCpuPercent.value ?? 0), os?.idleCpuPercent.source ?? 'model')
    ],
    memory: [
      fig(tx(host.overcommit > 1 ? 'guestRamOvercommitted' : 'guestRamReserved'), mib(vm.memoryMb), 'setting'),
      fig(tx('touched'), mib(vm.guestUsedMb), 'simulated'),
      fig(tx('guestResident'), mib(vm.kind === 'microvm' ? catalog.MICROVM_GUEST.touchedMb.value : (os?.touchedMb.value ?? 0)),
        vm.kind === 'microvm' ? catalog.MICROVM_GUEST.touchedMb.source : (os?.touchedMb.source ?? 'model')),
      fig(tx('hostOverhead', { what: overhead.what }), mib(overhead.mb), overhead.source),
      fig(tx('diskUsed'), mib(vm.diskUsedMb), os ? os.diskUsedMb.source : 'model')
    ],
    kernel: {
      text: tx('vmKernel', { family: windows ? 'Windows NT' : 'Linux', kernel }),
      explanation: tx('vmKernelExplain', { name: vm.name, kernel: host.kernel })
    },
    processesInside: inside,
    processesFromHost: fromHost,
    isolationNote: tx('vmIsolationNote'),
    isolation: [
      fig(tx('namespaces'), tx('noNamespaces'), 'model'),
      fig(tx('vcpus'), plain(vm.cpus), 'setting'),
      fig(tx('ramCap'), mib(vm.memoryMb), 'setting'),
      fig(tx('guestHostSyscalls'), plain(catalog.ISOLATION.vmGuestHostSyscalls.value), catalog.ISOLATION.vmGuestHostSyscalls.source)
    ],
    layers: null
  }
}

function argvOf(daemon: DaemonState, c: ContainerState): string[] {
  const image = daemon.images.find((i) => i.id === c.imageId)
  const entrypoint = c.config.entrypoint ?? image?.entrypoint ?? []
  const cmd = c.config.cmd ?? image?.cmd ?? []
  return [...entrypoint, ...cmd]
}

function layerSource(createdBy: string): FigureSource {
  for (const spec of catalog.REGISTRY) {
    const layer = spec.layers.find((l) => l.createdBy === createdBy)
    if (layer) return layer.sizeMb.source
  }
  return 'simulated'
}

function inspectContainer(state: Readonly<WorldState>, daemon: DaemonState, c: ContainerState, key: string): Inspection {
  const vm = daemon.onVm ? state.vms.find((v) => v.id === daemon.onVm) : undefined
  const hostName = vm ? vm.host : daemon.id
  const host = state.hosts.find((h) => h.name === hostName)
  const kernel = vm ? (catalog.GUEST_OSES[vm.os]?.kernel ?? '?') : (host?.kernel ?? '?')
  const live = c.state === 'running' || c.state === 'paused'
  const image = daemon.images.find((i) => i.id === c.imageId)
  const argv = argvOf(daemon, c)
  const command = argv.join(' ') || c.imageRef
  const neighbours = daemon.containers.filter((o) => o !== c && (o.state === 'running' || o.state === 'paused')).length
  const service = c.process.kind === 'service' ? catalog.SERVICES[c.process.service] : undefined
  const shim = catalog.INSTANCE_OVERHEAD_MB.containerRunc
  const iso = catalog.ISOLATION
  const imageMb = image ? image.layers.reduce((sum, l) => sum + l.sizeMb, 0) : 0
  const ports = c.hostConfig.portBindings.map((p) => `${p.hostPort}→${p.containerPort}/${p.protocol}`).join(', ')
  return {
    key, kind: 'container', name: c.name, state: c.state,
    summary: tx('ctrSummary', {
      image: c.imageRef, where: vm ? tx('onVm', { name: vm.name }) : daemon.id, ports: ports ? tx('ports', { ports }) : '', ip: c.ip ? tx('ip', { ip: c.ip }) : '',
      exit: c.state === 'exited' ? tx(c.oomKilled ? 'exitCodeOom' : 'exitCode', { code: c.exitCode ?? 0 }) : ''
    }),
    startupMs: c.startupMs,
    stopwatchMs: containerStopwatchMs(state, c),
    phases: phaseViews(c.plannedPhases.length > 0 ? c.plannedPhases : catalog.CONTAINER_PHASES.map((p) => ({ name: p.name, ms: p.ms.value })),
      c.plannedPhases.length > 0 ? c.phaseIndex : -1, c.state, containerPhaseSource),
    live: [
      fig(tx('cpu'), value('ofOneCore', c.cpuPercent), 'simulated'),
      fig(tx('pids'), plain(live ? c.pids : 0), 'simulated'),
      ...(service ? [fig(tx('whenIdle', { service: c.process.kind === 'service' ? c.process.service : 'app' }), mib(service.memoryMb.value), service.memoryMb.source)] : [])
    ],
    memory: [
      fig(tx('cgroupMemory'), mib(live ? c.memoryMb : 0), 'simulated'),
      fig(tx('memoryLimit'), c.hostConfig.memoryMb === null ? tx('noneMax') : mib(c.hostConfig.memoryMb), c.hostConfig.memoryMb === null ? 'model' : 'setting'),
      fig(tx('shim'), mib(live ? shim.value : 0), shim.source),
      fig(tx('writable'), mib(c.writableMb), 'simulated'),
      fig(tx('imageLayers'), mib(imageMb), image ? layerSource(image.layers[0]?.createdBy ?? '') : 'model')
    ],
    kernel: {
      text: vm ? tx('vmSharedKernel', { vm: vm.name, kernel }) : tx('hostSharedKernel', { kernel }),
      explanation: tx('ctrKernelExplain', { count: neighbours, daemon: daemon.id })
    },
    processesInside: live ? [{ pid: 1, command, note: 'PID 1 in its own PID namespace' }] : [],
    processesFromHost: live
      ? [
          { pid: hostPid(c.id, -17), command: `containerd-shim-runc-v2 -namespace moby -id ${c.id.slice(0, 12)}`, note: 'its parent on the host' },
          { pid: hostPid(c.id), command, note: 'the same process: an ordinary host PID' }
        ]
      : [],
    isolationNote: tx('ctrIsolationNote'),
    isolation: [
      fig(tx('ownNamespaces'), c.hostConfig.networkMode === 'host' ? tx('namespacesHostNet') : plain('pid, net, mnt, uts, ipc'), 'model'),
      fig(tx('userNamespace'), tx('userNamespaceShared'), 'model'),
      fig(tx('cpuMax'), c.hostConfig.cpus === null ? tx('noLimit') : tx('cpuQuota', { quota: String(Math.round(c.hostConfig.cpus * 100000)), cpus: String(c.hostConfig.cpus) }),
        c.hostConfig.cpus === null ? 'model' : 'setting'),
      fig(tx('pidsMax'), c.hostConfig.pidsLimit === null ? tx('noLimit') : plain(c.hostConfig.pidsLimit), c.hostConfig.pidsLimit === null ? iso.pidsLimitDefault.source : 'setting'),
      fig(tx('seccomp'), c.hostConfig.privileged ? tx('nonePrivileged') : tx('countOf', { part: iso.seccompBlocked.value, total: iso.syscallsTotal.value }),
        c.hostConfig.privileged ? 'setting' : iso.seccompBlocked.source),
      fig(tx('capabilities'), c.hostConfig.privileged ? tx('allPrivileged') : tx('countOf', { part: iso.defaultCapabilities.value, total: iso.linuxCapabilities.value }),
        c.hostConfig.privileged ? 'setting' : iso.defaultCapabilities.source),
      fig(tx('network'), c.ip ? tx('networkIp', { mode: c.hostConfig.networkMode, ip: c.ip }) : plain(c.hostConfig.networkMode), 'simulated')
    ],
    layers: image ? image.layers.map((l) => ({ createdBy: l.createdBy, sizeMb: l.sizeMb, source: layerSource(l.createdBy) })) : null
  }
}
