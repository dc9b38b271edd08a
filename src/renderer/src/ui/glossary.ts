// One sentence per layer of the stage: what it is and why it matters. The tooltip, the screen-reader list and
// the glossary dialog all read from here.
import type { LayerKind } from './types'

export interface GlossaryEntry { readonly term: string; readonly text: string }

export const GLOSSARY: Readonly<Record<LayerKind, GlossaryEntry>> = {
  hardware: { term: 'Hardware', text: 'The physical machine: its CPU cores, RAM and disk are shared by everything stacked above it.' },
  cores: { term: 'CPU cores', text: 'Each square is a core; it lights up as the host gets busy, whoever the work belongs to.' },
  ram: { term: 'RAM', text: 'Memory in use on the physical host: a VM reserves all of its RAM when it starts, a container uses only what its processes touch.' },
  disk: { term: 'Disk', text: 'Disk in use: VM images hold a whole OS each, while containers share read-only image layers.' },
  'host-os': { term: 'Host OS and kernel', text: 'The operating system installed on the machine; its kernel schedules the hypervisor and every VM process.' },
  'shared-kernel': { term: 'Shared kernel', text: 'There is only one kernel here: every container’s processes make their system calls to it, so its version and its faults are theirs too.' },
  hypervisor: { term: 'Hypervisor', text: 'The layer that creates virtual hardware so each VM can boot its own kernel; KVM is part of the Linux kernel, ESXi runs on bare metal.' },
  docker: { term: 'Docker Engine', text: 'dockerd takes API calls, containerd manages container lifecycles, and runc asks the kernel for namespaces and cgroups, then gets out of the way.' },
  vm: { term: 'Virtual machine', text: 'A whole computer in software: virtual hardware, its own kernel and OS, and apps on top, booted phase by phase.' },
  'vm-hardware': { term: 'Virtual hardware', text: 'The vCPUs, RAM and devices the hypervisor presents; the guest believes they are a real machine.' },
  'guest-kernel': { term: 'Guest kernel', text: 'The VM’s own kernel: it can be a different version or even a different OS from the host’s.' },
  'guest-os': { term: 'Guest OS', text: 'A full operating system’s userland (init, services, libraries) running inside the VM.' },
  'vm-apps': { term: 'Apps in the VM', text: 'The programs the VM exists to run; from the host they are invisible inside one VMM process.' },
  container: { term: 'Container', text: 'A group of ordinary host processes with their own view of the system (namespaces) and limits (cgroups): no kernel of its own.' },
  'container-app': { term: 'App', text: 'The container’s main process: PID 1 inside its PID namespace, an ordinary PID on the host.' },
  'container-libs': { term: 'Image libs', text: 'The image’s read-only layers (libraries and binaries), shared by every container of that image, plus a thin writable layer.' },
  shim: { term: 'containerd shim', text: 'A small per-container process that keeps the container’s stdio and exit status after runc has started it and exited.' }
}

export const GLOSSARY_EXTRA: readonly GlossaryEntry[] = [
  { term: 'Namespace', text: 'A kernel feature that gives a process its own view of one thing: PIDs, network, mounts, hostname, IPC or users.' },
  { term: 'cgroup', text: 'A kernel feature that counts and caps what a group of processes uses: CPU time, memory, number of PIDs.' },
  { term: 'seccomp', text: 'A filter on the system calls a process may make; Docker’s default profile blocks a few dozen risky ones.' },
  { term: 'Capabilities', text: 'Root’s powers split into pieces; a container keeps only a short default list unless it runs --privileged.' },
  { term: 'Stopwatch', text: 'Virtual time from the start request until the instance is ready, frozen at its startup figure.' }
]
