// "Inside vs from the host": one instance's processes as its own kernel numbers them and as the host sees them.
// A container's processes are ordinary host processes (PID 1 inside is a host PID outside, under its containerd
// shim); a VM is one VMM process on the host, with a thread per vCPU, and its own PID 1 inside. The host PIDs of a
// container are the ones `docker top` prints; every other PID is illustrative (a model assumption).
import { catalog, type ContainerState, type DaemonState, type HostState, type VmState, type WorldState } from '../../../sim/index.ts'
import { pidOf } from '../../../engine-api/ids.ts'
import type { ProcessLine, ProcessModel } from '../ui/labTypes'

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
    inside.push(line(1, command, 0, 'PID 1: the app itself, no init'))
    for (let i = 1; i < Math.min(count, 1 + SHOWN_WORKERS); i++) inside.push(line(i + 1, workerName(command), 1))
    if (count > 1 + SHOWN_WORKERS) inside.push(line(null, `… ${count} processes in all`, 1))
    outside.push(line(1, vm ? '/sbin/init' : '/sbin/init (systemd)', 0, vm ? `VM ${vm.name}'s init` : "the host's init"))
    outside.push(line(main - 21, `containerd-shim-runc-v2 -namespace moby -id ${c.id.slice(0, 12)} -address /run/containerd/containerd.sock`, 1, 'its parent on the host'))
    outside.push(line(main, command, 2, 'the same process as PID 1 inside: an ordinary host PID'))
    for (let i = 1; i < Math.min(count, 1 + SHOWN_WORKERS); i++) outside.push(line(main + 40 + i, workerName(command), 3))
    if (count > 1 + SHOWN_WORKERS) outside.push(line(null, `… ${count} in all, each with a host PID`, 3))
  }
  const where = vm ? `VM ${vm.name}` : daemon.id
  return {
    key, kind: 'container', name: c.name, running,
    inside: {
      title: 'Inside the container',
      how: `docker exec ${c.name} ps`,
      lines: inside,
      note: 'Its own PID namespace: it sees only its own processes, numbered from 1.'
    },
    fromHost: {
      title: vm ? `From VM ${vm.name}'s kernel` : `From the host, ${daemon.id}`,
      how: `docker top ${c.name} (host PIDs)`,
      lines: outside,
      note: vm
        ? `The container's processes are ordinary processes of ${where}'s kernel. The physical host ${vm.host} sees none of them: only ${vm.name}'s VMM process.`
        : `No wrapper, no second kernel: ${daemon.id}'s kernel schedules these like any other process, so \`ps\` on the host lists them.`
    }
  }
}

function guestProcesses(vm: VmState): ProcessLine[] {
  const os = catalog.GUEST_OSES[vm.os]
  const total = vm.pids > 0 ? vm.pids : (os?.idlePids.value ?? 30)
  if (os?.family === 'windows') {
    return [
      line(4, 'System', 0, 'the NT kernel\'s own process'),
      line(412, 'smss.exe', 1, 'session manager'),
      line(520, 'wininit.exe', 1),
      line(640, 'services.exe', 2),
      line(null, `… ${total.toLocaleString('en-US')} processes in all`, 1)
    ]
  }
  const microvm = vm.kind === 'microvm'
  const alpine = vm.os.startsWith('alpine') || microvm
  return [
    line(1, alpine ? '/sbin/init' : '/sbin/init (systemd)', 0, 'its own PID 1, started by its own kernel'),
    line(2, '[kthreadd]', 1, "the guest kernel's threads"),
    ...(alpine ? [line(210, '/sbin/syslogd', 1)] : [line(312, '/lib/systemd/systemd-journald', 1)]),
    line(412, 'sshd: /usr/sbin/sshd -D', 1),
    ...(vm.docker ? [line(530, '/usr/bin/dockerd', 1, 'its own Docker engine')] : []),
    line(null, `… ${total.toLocaleString('en-US')} processes in all`, 1)
  ]
}

function vmm(host: HostState, vm: VmState): { command: string; thread: (i: number) => string; note: string } {
  if (vm.kind === 'microvm') return { command: `firecracker --api-sock /run/firecracker-${vm.name}.sock`, thread: (i) => `fc_vcpu ${i}`, note: 'Firecracker: one process per microVM' }
  switch (host.hypervisor) {
    case 'kvm': return {
      command: `qemu-system-x86_64 -enable-kvm -name guest=${vm.name} -smp ${vm.cpus} -m ${vm.memoryMb}`,
      thread: (i) => `CPU ${i}/KVM`, note: 'QEMU; KVM in the host kernel runs its vCPU threads'
    }
    case 'virtualbox': return { command: `VBoxHeadless --startvm ${vm.name}`, thread: (i) => `EMT-${i}`, note: 'VirtualBox, a type-2 hypervisor: an app on the host OS' }
    case 'vmware-workstation': return { command: `vmware-vmx ${vm.name}.vmx`, thread: (i) => `vmx-vcpu-${i}`, note: 'VMware Workstation, a type-2 hypervisor' }
    case 'hyper-v': return { command: `vmwp.exe ${vm.name}`, thread: (i) => `vCPU ${i} (scheduled by the hypervisor)`, note: 'the worker process in the root partition; Hyper-V itself runs below the host OS' }
    case 'esxi': return { command: `vmx ${vm.name}`, thread: (i) => `vmx-vcpu-${i}:${vm.name}`, note: 'a world on the ESXi kernel' }
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
        line(1, '/sbin/init (systemd)', 0, "the host's init"),
        line(pid, v.command, 1, `${v.note}: the whole VM is this one process`),
        ...Array.from({ length: Math.min(vm.cpus, 8) }, (_, i) => line(pid + 1 + i, v.thread(i), 2, i === 0 ? 'a thread per vCPU' : '', true)),
        ...(vm.cpus > 8 ? [line(null, `… ${vm.cpus} vCPU threads in all`, 2)] : [])
      ]
    : []
  return {
    key, kind: 'vm', name: vm.name, running,
    inside: {
      title: 'Inside the VM',
      how: `vm exec ${vm.name} ps`,
      lines: booted ? guestProcesses(vm) : [],
      note: `Its own kernel starts its own PID 1 and numbers every process of the guest; ${host.name} never sees them.`
    },
    fromHost: {
      title: `From the host, ${host.name}`,
      how: `ps -eLf on ${host.name}`,
      lines: outside,
      note: `One process with ${vm.cpus} vCPU thread${vm.cpus === 1 ? '' : 's'}: the host schedules those threads and sees nothing inside them.`
    }
  }
}
