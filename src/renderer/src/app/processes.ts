// "Inside vs from the host": one instance's processes as its own kernel numbers them and as the host sees them.
// A container's processes are ordinary host processes (PID 1 inside is a host PID outside, under its containerd
// shim); a VM is one VMM process on the host, with a thread per vCPU, and its own PID 1 inside. The host PIDs of a
// container are the ones `docker top` prints; every other PID is illustrative (a model assumption).
import { catalog, type ContainerState, type DaemonState, type HostState, type VmState, type WorldState } from '../../../sim/index.ts'
import { pidOf } from '../../../engine-api/ids.ts'
import type { ProcessLine, ProcessModel } from '../ui/labTypes'
import { t as tr } from '../i18n'
import { named, num } from './blastRadius'

const p = (key: string, options?: Record<string, unknown>): string => tr(`lab.processes.${key}`, options)

const SHOWN_WORKERS = 3

const line = (pid: number | null, command: string, depth: number, note = '', thread = false): ProcessLine => ({ pid, command, note, depth, thread })

export function processModel(s: Readonly<WorldState>, key: string): ProcessModel | null {
  if (key.startsWith('vm:')) {
    const vm = s.vms.find((v) => v.id === key.slice(3))
    const host = vm && s.hosts.find((h) => h.name === vm.host)
    return vm && host ? vmProcesses(vm, host, key) : null
  }
  for (const daemon of s.daemons) {
    const c = daemon.containers.find((x) => x.id === key.slice(4))
    if (c && c.state !== 'removed') return containerProcesses(s, daemon, c, key)
  }
  return null
}

function argv(daemon: DaemonState, c: ContainerState): string {
  const image = daemon.images.find((i) => i.id === c.imageId)
  const words = [...(c.config.entrypoint ?? image?.entrypoint ?? []), ...(c.config.cmd ?? (c.config.entrypoint ? [] : (image?.cmd ?? [])))]
  return words.join(' ') || c.imageRef
}

/** nginx's workers are "nginx: worker process"; an entrypoint script execs the program after it. */
function workerName(command: string): string {
  const words = command.split(' ')
  const first = words[0]?.split('/').pop() ?? command
  const program = /entrypoint/.test(first) && words[1] ? (words[1].split('/').pop() ?? first) : first
  return `${program}: worker process`
}

function containerProcesses(s: Readonly<WorldState>, daemon: DaemonState, c: ContainerState, key: string): ProcessModel {
  const running = c.state === 'running' || c.state === 'paused'
  const command = argv(daemon, c)
  const vm = daemon.onVm ? s.vms.find((v) => v.id === daemon.onVm) : undefined
  const count = Math.max(1, Math.min(c.pids, 50))
  const main = pidOf(c.id, c.gen)
  const inside: ProcessLine[] = []
  const outside: ProcessLine[] = []
  if (running) {
    inside.push(line(1, command, 0, p('appItself')))
    for (let i = 1; i < Math.min(count, 1 + SHOWN_WORKERS); i++) inside.push(line(i + 1, workerName(command), 1))
    if (count > 1 + SHOWN_WORKERS) inside.push(line(null, p('inAll', { n: num(count) }), 1))
    outside.push(line(1, vm ? '/sbin/init' : '/sbin/init (systemd)', 0, vm ? p('vmInit', { vm: vm.name }) : p('hostInit')))
    outside.push(line(main - 21, `containerd-shim-runc-v2 -namespace moby -id ${c.id.slice(0, 12)} -address /run/containerd/containerd.sock`, 1, p('shimParent')))
    outside.push(line(main, command, 2, p('sameProcess')))
    for (let i = 1; i < Math.min(count, 1 + SHOWN_WORKERS); i++) outside.push(line(main + 40 + i, workerName(command), 3))
    if (count > 1 + SHOWN_WORKERS) outside.push(line(null, p('inAllHostPids', { n: num(count) }), 3))
  }
  const where = vm ? named('vm', vm.name) : daemon.id
  return {
    key, kind: 'container', name: c.name, running,
    inside: {
      title: p('insideContainer'),
      how: `docker exec ${c.name} ps`,
      lines: inside,
      note: p('containerNote')
    },
    fromHost: {
      title: vm ? p('fromVmKernel', { vm: vm.name }) : p('fromHost', { host: daemon.id }),
      how: p('hostPids', { command: `docker top ${c.name}` }),
      lines: outside,
      note: vm ? p('inVmNote', { where, host: vm.host, vm: vm.name }) : p('onHostNote', { host: daemon.id })
    }
  }
}

function guestProcesses(vm: VmState): ProcessLine[] {
  const os = catalog.GUEST_OSES[vm.os]
  const total = vm.pids > 0 ? vm.pids : (os?.idlePids.value ?? 30)
  if (os?.family === 'windows') {
    return [
      line(4, 'System', 0, p('ntKernel')),
      line(412, 'smss.exe', 1, p('sessionManager')),
      line(520, 'wininit.exe', 1),
      line(640, 'services.exe', 2),
      line(null, p('inAll', { n: num(total) }), 1)
    ]
  }
  const microvm = vm.kind === 'microvm'
  const alpine = vm.os.startsWith('alpine') || microvm
  return [
    line(1, alpine ? '/sbin/init' : '/sbin/init (systemd)', 0, p('ownPid1')),
    line(2, '[kthreadd]', 1, p('guestKernelThreads')),
    ...(alpine ? [line(210, '/sbin/syslogd', 1)] : [line(312, '/lib/systemd/systemd-journald', 1)]),
    line(412, 'sshd: /usr/sbin/sshd -D', 1),
    ...(vm.docker ? [line(530, '/usr/bin/dockerd', 1, p('ownDocker'))] : []),
    line(null, p('inAll', { n: num(total) }), 1)
  ]
}

function vmm(host: HostState, vm: VmState): { command: string; thread: (i: number) => string; note: string } {
  if (vm.kind === 'microvm') return { command: `firecracker --api-sock /run/firecracker-${vm.name}.sock`, thread: (i) => `fc_vcpu ${i}`, note: p('firecracker') }
  switch (host.hypervisor) {
    case 'kvm': return {
      command: `qemu-system-x86_64 -enable-kvm -name guest=${vm.name} -smp ${vm.cpus} -m ${vm.memoryMb}`,
      thread: (i) => `CPU ${i}/KVM`, note: p('qemu')
    }
    case 'virtualbox': return { command: `VBoxHeadless --startvm ${vm.name}`, thread: (i) => `EMT-${i}`, note: p('virtualbox') }
    case 'vmware-workstation': return { command: `vmware-vmx ${vm.name}.vmx`, thread: (i) => `vmx-vcpu-${i}`, note: p('vmware') }
    case 'hyper-v': return { command: `vmwp.exe ${vm.name}`, thread: (i) => p('hypervThread', { index: i }), note: p('hyperv') }
    case 'esxi': return { command: `vmx ${vm.name}`, thread: (i) => `vmx-vcpu-${i}:${vm.name}`, note: p('esxi') }
    default: return { command: vm.name, thread: (i) => `vCPU ${i}`, note: '' }
  }
}

function vmProcesses(vm: VmState, host: HostState, key: string): ProcessModel {
  const running = vm.state === 'running' || vm.state === 'paused' || vm.state === 'starting'
  const booted = vm.state === 'running' || vm.state === 'paused'
  const v = vmm(host, vm)
  const pid = pidOf(vm.id, vm.gen)
  const outside: ProcessLine[] = running
    ? [
        line(1, '/sbin/init (systemd)', 0, p('hostInit')),
        line(pid, v.command, 1, v.note ? p('wholeVmWith', { note: v.note }) : p('wholeVm')),
        ...Array.from({ length: Math.min(vm.cpus, 8) }, (_, i) => line(pid + 1 + i, v.thread(i), 2, i === 0 ? p('threadPerVcpu') : '', true)),
        ...(vm.cpus > 8 ? [line(null, p('vcpuThreadsInAll', { n: num(vm.cpus) }), 2)] : [])
      ]
    : []
  return {
    key, kind: 'vm', name: vm.name, running,
    inside: {
      title: p('insideVm'),
      how: `vm exec ${vm.name} ps`,
      lines: booted ? guestProcesses(vm) : [],
      note: p('vmInsideNote', { host: host.name })
    },
    fromHost: {
      title: p('fromHost', { host: host.name }),
      how: p('onHost', { command: 'ps -eLf', host: host.name }),
      lines: outside,
      note: p('vmOutsideNote', { count: vm.cpus })
    }
  }
}
