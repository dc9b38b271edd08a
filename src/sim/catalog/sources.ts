// Every figure in the catalog names where it comes from: a section of the calibration reference
// (docs/calibration.md, copied from shared/reference/calibration.md) or "model" for a model assumption.

export type SourceId =
  | 'felter2014' // §1 Felter et al., IBM RC25482
  | 'firecracker-spec' // §2 Firecracker SPECIFICATION.md / design.md
  | 'firecracker-nsdi2020' // §2 Agache et al., NSDI 2020
  | 'lightvm2017' // §3 Manco et al., SOSP 2017
  | 'garzarella2019' // §5 QEMU/KVM boot-time measurement
  | 'cloud-init-analyze' // §5 cloud-init analyze docs
  | 'opscart-docker' // §5/§6 docker-internals-guide measurements
  | 'docker-create-2018' // §5 bergwolf gist
  | 'containerd-issues' // §6 containerd/moby issue measurements
  | 'image-sizes' // §6 published image size snapshots
  | 'windows-server-docs' // §6 Windows Server hardware requirements
  | 'docker-desktop-docs' // §6/§8 Docker Desktop VM measurements and docs
  | 'docker-seccomp-docs' // §7 docs.docker.com seccomp
  | 'moby-caps' // §7 moby oci/caps/defaults.go
  | 'docker-resource-docs' // §7 docs.docker.com resource constraints, CIS text
  | 'cgroup-v2-docs' // §7 Linux cgroup-v2.rst
  | 'syscall-table' // §7 syscall_64.tbl
  | 'oom-docs' // §7 OpenShift OOM docs
  | 'type2-model' // §8 suggested type-2 defaults (labelled M in the reference)
  | 'model' // a model assumption: not measured, labelled so in the app

export interface Figure {
  readonly value: number
  readonly source: SourceId
}

export const SOURCES: Readonly<Record<SourceId, string>> = {
  'felter2014': 'Felter et al., "An Updated Performance Comparison of VMs and Linux Containers", IBM RC25482 (2014)',
  'firecracker-spec': 'Firecracker SPECIFICATION.md and docs/design.md',
  'firecracker-nsdi2020': 'Agache et al., "Firecracker", USENIX NSDI 2020',
  'lightvm2017': 'Manco et al., "My VM is Lighter (and Safer) than your Container", SOSP 2017',
  'garzarella2019': 'S. Garzarella, "How to measure the boot time of a Linux VM with QEMU/KVM" (2019)',
  'cloud-init-analyze': 'canonical/cloud-init, doc/rtd/explanation/analyze.rst',
  'opscart-docker': 'opscart/docker-internals-guide, Azure premium SSD results',
  'docker-create-2018': 'Kata runtime timing gist (2018): docker create ≈ 0.39 s, start ≈ 0.01 s',
  'containerd-issues': 'containerd#2020, containerd#7878, moby#21737 (shim and daemon RSS)',
  'image-sizes': 'Published docker images outputs and image READMEs (2018–2023)',
  'windows-server-docs': 'MicrosoftDocs windowsserverdocs, hardware requirements',
  'docker-desktop-docs': 'docker/docs (Docker Desktop VMM settings) and docker/for-mac issues',
  'docker-seccomp-docs': 'docs.docker.com/engine/security/seccomp',
  'moby-caps': 'moby/moby oci/caps/defaults.go',
  'docker-resource-docs': 'docs.docker.com resource constraints; CIS Docker benchmark',
  'cgroup-v2-docs': 'Linux Documentation/admin-guide/cgroup-v2.rst',
  'syscall-table': 'arch/x86/entry/syscalls/syscall_64.tbl',
  'oom-docs': 'OpenShift docs, "Understanding OOM kill policy"',
  'type2-model': 'Suggested type-2 hypervisor defaults (the reference marks them as model values)',
  'model': 'Model assumption: a plausible value, not a measurement'
}

export const fig = (value: number, source: SourceId): Figure => ({ value, source })
