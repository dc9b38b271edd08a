import { fig, type Figure } from './sources.ts'

export interface PhaseSpec {
  readonly name: string
  readonly ms: Figure
}

export interface GuestOsSpec {
  readonly id: string
  readonly label: string
  readonly family: 'linux' | 'windows'
  readonly kernel: string
  readonly defaultMemoryMb: Figure
  /** pages resident after boot (what overcommit counts) */
  readonly touchedMb: Figure
  readonly defaultCpus: number
  readonly diskVirtualMb: Figure
  readonly diskUsedMb: Figure
  readonly idlePids: Figure
  /** host CPU an idle guest burns, in % of one core (LightVM §3: Debian VM ≈ 0.025% of the host per VM) */
  readonly idleCpuPercent: Figure
  readonly phases: readonly PhaseSpec[]
}

const p = (name: string, ms: Figure): PhaseSpec => ({ name, ms })

/** Calibration §9 `boot_phases_ms` and `guest_memory_mb`; phase names follow DESIGN.md's report contract. */
export const GUEST_OSES: Readonly<Record<string, GuestOsSpec>> = {
  'ubuntu-24.04': {
    id: 'ubuntu-24.04', label: 'Ubuntu Server 24.04', family: 'linux', kernel: '6.8',
    defaultMemoryMb: fig(2048, 'model'), touchedMb: fig(250, 'model'), defaultCpus: 2,
    diskVirtualMb: fig(10240, 'model'), diskUsedMb: fig(2200, 'image-sizes'), idlePids: fig(120, 'model'),
    idleCpuPercent: fig(0.4, 'lightvm2017'),
    phases: [
      p('vmm-init', fig(35, 'garzarella2019')), p('firmware', fig(400, 'model')), p('bootloader', fig(500, 'model')),
      p('kernel', fig(1000, 'cloud-init-analyze')), p('initramfs', fig(1500, 'model')), p('userspace', fig(4500, 'model'))
    ]
  },
  'alpine-3.20': {
    id: 'alpine-3.20', label: 'Alpine Linux 3.20', family: 'linux', kernel: '6.6',
    defaultMemoryMb: fig(512, 'model'), touchedMb: fig(50, 'model'), defaultCpus: 1,
    diskVirtualMb: fig(1024, 'model'), diskUsedMb: fig(150, 'model'), idlePids: fig(30, 'model'),
    idleCpuPercent: fig(0.1, 'model'),
    phases: [
      p('vmm-init', fig(35, 'garzarella2019')), p('firmware', fig(400, 'model')), p('bootloader', fig(300, 'model')),
      p('kernel', fig(600, 'model')), p('initramfs', fig(400, 'model')), p('userspace', fig(700, 'model'))
    ]
  },
  'centos-7': {
    id: 'centos-7', label: 'CentOS 7', family: 'linux', kernel: '3.10',
    defaultMemoryMb: fig(2048, 'model'), touchedMb: fig(250, 'model'), defaultCpus: 2,
    diskVirtualMb: fig(10240, 'model'), diskUsedMb: fig(2200, 'model'), idlePids: fig(110, 'model'),
    idleCpuPercent: fig(0.4, 'lightvm2017'),
    phases: [
      p('vmm-init', fig(35, 'garzarella2019')), p('firmware', fig(400, 'model')), p('bootloader', fig(500, 'model')),
      p('kernel', fig(1000, 'cloud-init-analyze')), p('initramfs', fig(1500, 'model')), p('userspace', fig(4500, 'model'))
    ]
  },
  'windows-server-2022': {
    id: 'windows-server-2022', label: 'Windows Server 2022 (Server Core)', family: 'windows', kernel: '10.0.20348',
    defaultMemoryMb: fig(2048, 'windows-server-docs'), touchedMb: fig(800, 'model'), defaultCpus: 2,
    diskVirtualMb: fig(32768, 'windows-server-docs'), diskUsedMb: fig(9000, 'model'), idlePids: fig(60, 'model'),
    idleCpuPercent: fig(1.0, 'model'),
    // the reference only gives a 30 s total (M, L); the split is ours
    phases: [
      p('vmm-init', fig(35, 'garzarella2019')), p('firmware', fig(1500, 'model')), p('bootloader', fig(1500, 'model')),
      p('kernel', fig(6000, 'model')), p('initramfs', fig(0, 'model')), p('userspace', fig(20965, 'model'))
    ]
  }
}

/** A Firecracker-style microVM: minimal guest, no firmware or bootloader (§2, §9 firecracker_microvm). */
export const MICROVM_PHASES: readonly PhaseSpec[] = [
  p('vmm-start', fig(12, 'firecracker-spec')),
  p('api-config', fig(15, 'firecracker-spec')),
  p('kernel-and-init', fig(110, 'firecracker-spec'))
]
export const MICROVM_GUEST = {
  memoryMb: fig(128, 'firecracker-spec'),
  touchedMb: fig(40, 'model'),
  /** sustained creation rate: 5 microVMs per host core per second */
  creationRatePerCorePerSecond: fig(5, 'firecracker-spec')
} as const

/** Shutdown takes time too; not in the reference. */
export const VM_SHUTDOWN_MS = fig(3000, 'model')
export const VM_TYPE2_EXTRA_BOOT_FACTOR = fig(1.0, 'model')
