import { fig } from './sources.ts'

/** Calibration §9 `performance_factors` (throughput vs native = 1.00; rtt = latency multiplier). */
export const CPU_FACTOR = {
  native: fig(1.0, 'felter2014'),
  docker: fig(1.0, 'felter2014'),
  kvmTuned: fig(0.98, 'felter2014'),
  kvmUntuned: fig(0.83, 'felter2014'),
  firecracker: fig(0.97, 'firecracker-spec'),
  type2: fig(0.93, 'type2-model')
} as const

export const CPU_TLB_HEAVY_FACTOR = {
  native: fig(1.0, 'felter2014'),
  docker: fig(0.96, 'felter2014'),
  kvmTuned: fig(0.82, 'felter2014'),
  kvmUntuned: fig(0.78, 'felter2014')
} as const

export const MEMORY_BANDWIDTH_FACTOR = { docker: fig(1.0, 'felter2014'), kvm: fig(0.98, 'felter2014') } as const

export const NETWORK = {
  baseRttUs: fig(37, 'felter2014'),
  rttDockerHost: fig(1.0, 'felter2014'),
  rttDockerNat: fig(2.0, 'felter2014'),
  /** KVM adds ~30 µs (+80%) */
  kvmAddedRttUs: fig(30, 'felter2014'),
  bulkDockerNat: fig(0.99, 'felter2014'),
  bulkKvm: fig(0.99, 'felter2014'),
  cpuPerByteDockerNatTx: fig(1.3, 'model'),
  cpuPerByteKvmRx: fig(1.5, 'model')
} as const

export const BLOCK_IO = {
  randIopsDockerVolume: fig(1.0, 'felter2014'),
  randIopsDockerOverlay: fig(0.9, 'model'),
  randIopsKvm: fig(0.53, 'felter2014'),
  seqDockerVolume: fig(1.0, 'felter2014'),
  seqKvm: fig(0.99, 'felter2014')
} as const

/** Victim slowdown when a co-tenant saturates a resource — all model assumptions (§9). */
export const NOISY_NEIGHBOUR_SLOWDOWN = {
  diskHogContainer: fig(1.6, 'model'),
  diskHogVm: fig(1.2, 'model'),
  memoryHogContainer: fig(1.4, 'model'),
  memoryHogVm: fig(1.1, 'model')
} as const

/** §7 and §9 `isolation:`. */
export const ISOLATION = {
  syscallsTotal: fig(384, 'syscall-table'),
  seccompBlocked: fig(44, 'docker-seccomp-docs'),
  defaultCapabilities: fig(14, 'moby-caps'),
  linuxCapabilities: fig(41, 'model'),
  pidsLimitDefault: fig(0, 'docker-resource-docs'),
  memoryMinMb: fig(6, 'docker-resource-docs'),
  oomExitCode: fig(137, 'oom-docs'),
  vmGuestHostSyscalls: fig(0, 'model')
} as const

export const DEFAULT_CAPABILITIES = [
  'CHOWN', 'DAC_OVERRIDE', 'FSETID', 'FOWNER', 'MKNOD', 'NET_RAW', 'SETGID', 'SETUID', 'SETFCAP', 'SETPCAP',
  'NET_BIND_SERVICE', 'SYS_CHROOT', 'KILL', 'AUDIT_WRITE'
] as const
