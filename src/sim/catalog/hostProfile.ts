import { fig } from './sources.ts'

/** Calibration §9 `host:` and `per_instance_fixed_overhead_mb:`. */
export const HOST_PROFILE = {
  cores: fig(16, 'felter2014'),
  memoryMb: fig(65536, 'model'),
  diskMb: fig(1_048_576, 'model'),
  hostOsIdleMb: fig(400, 'model'),
  hostOsIdlePids: fig(300, 'model'),
  dockerdIdleMb: fig(60, 'model'),
  containerdIdleMb: fig(55, 'containerd-issues'),
  daemonPids: fig(40, 'model'),
  kvmFixedMb: fig(0, 'model'),
  hostOsDiskMb: fig(20_000, 'model'),
  /** systemd raises pid_max to 4,194,304 on 64-bit (§7) */
  pidMax: fig(4_194_304, 'docker-resource-docs'),
  /** host reboot after a kernel panic: not measured */
  rebootMs: fig(60_000, 'model')
} as const

export const INSTANCE_OVERHEAD_MB = {
  /** containerd shim 8 (S1 5–11) + ~2 kernel/cgroup */
  containerRunc: fig(10, 'containerd-issues'),
  microvmFirecracker: fig(3, 'firecracker-nsdi2020'),
  vmQemuKvm: fig(131, 'firecracker-nsdi2020'),
  vmType2Hosted: fig(150, 'model'),
  /** ESXi / Hyper-V per-VM host-side cost: not in the reference */
  vmType1: fig(131, 'model')
} as const

/** Docker Desktop's hidden Linux VM on a laptop (§6, §8). */
export const DOCKER_DESKTOP_VM = {
  memoryMb: fig(1650, 'docker-desktop-docs'),
  bootMs: fig(5000, 'model')
} as const
