// What the inspector shows for one instance, read from the world's state and the catalog. Every figure
// carries where it comes from: a calibration source, a model assumption, the simulation, or a setting.
import { catalog, type ContainerState, type DaemonState, type HostState, type VmState, type WorldState } from '../../../sim/index.ts'
import type { FigureSource, Inspection, PhaseView, ProcessRow, SourcedFigure } from '../ui/types'
import { containerStopwatchMs, vmStopwatchMs } from '../scene/stopwatch'
import { formatMb } from '../scene/format'

const fig = (label: string, value: string, source: FigureSource): SourcedFigure => ({ label, value, source })
const mib = (mb: number): string => `${(Math.round(mb * 10) / 10).toLocaleString('en-US')} MiB`

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

function vmOverhead(host: HostState, vm: VmState): { mb: number; source: FigureSource; what: string } {
  const o = catalog.INSTANCE_OVERHEAD_MB
  if (vm.kind === 'microvm') return { mb: o.microvmFirecracker.value, source: o.microvmFirecracker.source, what: 'Firecracker VMM process' }
  if (host.hypervisor === 'virtualbox' || host.hypervisor === 'vmware-workstation') return { mb: o.vmType2Hosted.value, source: o.vmType2Hosted.source, what: 'hosted hypervisor process' }
  if (host.hypervisor === 'kvm') return { mb: o.vmQemuKvm.value, source: o.vmQemuKvm.source, what: 'QEMU process' }
  return { mb: o.vmType1.value, source: o.vmType1.source, what: 'hypervisor per-VM cost' }
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
    summary: `${vm.kind === 'microvm' ? 'microVM (minimal Linux guest)' : (os?.label ?? vm.os)} · ${vm.cpus} vCPU · ${formatMb(vm.memoryMb)} RAM · ${formatMb(vm.diskMb)} disk · on ${host.name} (${host.hypervisor})`,
    startupMs: vm.startupMs,
    stopwatchMs: vmStopwatchMs(state.clockMs, vm),
    phases: phaseViews(planned, vm.plannedPhases.length > 0 ? vm.phaseIndex : -1, vm.state, vmPhaseSource(vm)),
    live: [
      fig('CPU', `${vm.cpuPercent.toFixed(1)} % of one core`, 'simulated'),
      fig('Processes in the guest', String(vm.pids), 'simulated'),
      fig('Idle guest CPU', `${os?.idleCpuPercent.value ?? 0} %`, os?.idleCpuPercent.source ?? 'model')
    ],
    memory: [
      fig(host.overcommit > 1 ? 'Guest RAM (overcommitted)' : 'Guest RAM, reserved on the host', mib(vm.memoryMb), 'setting'),
      fig('Touched by the guest so far', mib(vm.guestUsedMb), 'simulated'),
      fig('Guest OS resident after boot', mib(vm.kind === 'microvm' ? catalog.MICROVM_GUEST.touchedMb.value : (os?.touchedMb.value ?? 0)),
        vm.kind === 'microvm' ? catalog.MICROVM_GUEST.touchedMb.source : (os?.touchedMb.source ?? 'model')),
      fig(`Host-side overhead (${overhead.what})`, mib(overhead.mb), overhead.source),
      fig('Disk used', mib(vm.diskUsedMb), os ? os.diskUsedMb.source : 'model')
    ],
    kernel: {
      text: `Its own kernel: ${windows ? 'Windows NT' : 'Linux'} ${kernel}, booted inside the VM`,
      explanation: `${vm.name} runs a complete kernel on virtual hardware. The host's kernel ${host.kernel} only sees the VMM process below.`
    },
    processesInside: inside,
    processesFromHost: fromHost,
    isolationNote: 'Hardware virtualisation (VT-x / AMD-V with nested page tables): the guest kernel talks to virtual devices, never to the host kernel directly.',
    isolation: [
      fig('Namespaces', 'none needed: a separate machine', 'model'),
      fig('vCPUs', String(vm.cpus), 'setting'),
      fig('RAM cap', mib(vm.memoryMb), 'setting'),
      fig('Host system calls made directly by the guest', String(catalog.ISOLATION.vmGuestHostSyscalls.value), catalog.ISOLATION.vmGuestHostSyscalls.source)
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
    summary: `${c.imageRef} · on ${vm ? `VM ${vm.name}` : daemon.id}${ports ? ` · ports ${ports}` : ''}${c.ip ? ` · ${c.ip}` : ''}` +
      (c.state === 'exited' ? ` · exit code ${c.exitCode ?? 0}${c.oomKilled ? ' (OOM-killed)' : ''}` : ''),
    startupMs: c.startupMs,
    stopwatchMs: containerStopwatchMs(state, c),
    phases: phaseViews(c.plannedPhases.length > 0 ? c.plannedPhases : catalog.CONTAINER_PHASES.map((p) => ({ name: p.name, ms: p.ms.value })),
      c.plannedPhases.length > 0 ? c.phaseIndex : -1, c.state, containerPhaseSource),
    live: [
      fig('CPU', `${c.cpuPercent.toFixed(1)} % of one core`, 'simulated'),
      fig('PIDs in its cgroup', String(live ? c.pids : 0), 'simulated'),
      ...(service ? [fig(`${c.process.kind === 'service' ? c.process.service : 'app'} when idle`, mib(service.memoryMb.value), service.memoryMb.source)] : [])
    ],
    memory: [
      fig('cgroup memory in use', mib(live ? c.memoryMb : 0), 'simulated'),
      fig('Memory limit (memory.max)', c.hostConfig.memoryMb === null ? 'none (max)' : mib(c.hostConfig.memoryMb), c.hostConfig.memoryMb === null ? 'model' : 'setting'),
      fig('containerd shim + kernel bookkeeping', mib(live ? shim.value : 0), shim.source),
      fig('Writable layer', mib(c.writableMb), 'simulated'),
      fig('Image layers (read-only, shared on disk)', mib(imageMb), image ? layerSource(image.layers[0]?.createdBy ?? '') : 'model')
    ],
    kernel: {
      text: vm ? `VM ${vm.name}'s kernel ${kernel}, shared` : `The host's kernel: Linux ${kernel}, shared`,
      explanation: `No kernel of its own: its processes make system calls to the same kernel as the ${neighbours} other live container${neighbours === 1 ? '' : 's'} on ${daemon.id}.`
    },
    processesInside: live ? [{ pid: 1, command, note: 'PID 1 in its own PID namespace' }] : [],
    processesFromHost: live
      ? [
          { pid: hostPid(c.id, -17), command: `containerd-shim-runc-v2 -namespace moby -id ${c.id.slice(0, 12)}`, note: 'its parent on the host' },
          { pid: hostPid(c.id), command, note: 'the same process: an ordinary host PID' }
        ]
      : [],
    isolationNote: 'Namespaces give it its own view of the system; cgroups cap what it may use; seccomp and capabilities narrow what it may ask of the one kernel.',
    isolation: [
      fig('Namespaces of its own', c.hostConfig.networkMode === 'host' ? 'pid, mnt, uts, ipc (net: the host\'s)' : 'pid, net, mnt, uts, ipc', 'model'),
      fig('User namespace', 'shared with the host (userns-remap off)', 'model'),
      fig('cgroup cpu.max', c.hostConfig.cpus === null ? 'max (no limit)' : `${Math.round(c.hostConfig.cpus * 100000)} 100000 (${c.hostConfig.cpus} CPUs)`, c.hostConfig.cpus === null ? 'model' : 'setting'),
      fig('cgroup pids.max', c.hostConfig.pidsLimit === null ? 'max (no limit)' : String(c.hostConfig.pidsLimit), c.hostConfig.pidsLimit === null ? iso.pidsLimitDefault.source : 'setting'),
      fig('System calls blocked by seccomp', c.hostConfig.privileged ? 'none (privileged)' : `${iso.seccompBlocked.value} of ${iso.syscallsTotal.value}`,
        c.hostConfig.privileged ? 'setting' : iso.seccompBlocked.source),
      fig('Capabilities kept', c.hostConfig.privileged ? 'all (privileged)' : `${iso.defaultCapabilities.value} of ${iso.linuxCapabilities.value}`,
        c.hostConfig.privileged ? 'setting' : iso.defaultCapabilities.source),
      fig('Network', `${c.hostConfig.networkMode}${c.ip ? `, ${c.ip}` : ''}`, 'simulated')
    ],
    layers: image ? image.layers.map((l) => ({ createdBy: l.createdBy, sizeMb: l.sizeMb, source: layerSource(l.createdBy) })) : null
  }
}
