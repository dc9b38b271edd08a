// English strings of the stage area (merged into en.ts under `stage`).
export const stageEn = {
  error: 'The stage could not be drawn ({{message}}). Everything else works; try ?renderer=canvas.',
  column: {
    vmTitle: 'Virtual machines · {{host}}',
    containerTitle: 'Containers · {{host}}',
    subtitle: '{{instances}}, {{running}} · {{kernels}}',
    vms_one: '{{count}} VM',
    vms_other: '{{count}} VMs',
    containers_one: '{{count}} container',
    containers_other: '{{count}} containers',
    running_one: '{{count}} running',
    running_other: '{{count}} running',
    vmKernels_one: '{{count}} kernel (host + VMs)',
    vmKernels_other: '{{count}} kernels (host + VMs)',
    sharedKernel: '1 kernel, shared',
    vmEmpty: 'No VMs yet: New VM… or `vm create`',
    containerEmpty: 'No containers yet: Run container… or `docker run`'
  },
  host: {
    vmKernel: 'Host OS: {{os}} · kernel {{kernel}}',
    sharedKernel: 'Host OS: {{os}} · ONE shared kernel {{kernel}}',
    panicked: '✕ KERNEL PANIC',
    rebooting: '↻ rebooting',
    off: '■ off',
    breached: 'breached by {{name}}',
    dockerEngine: 'Docker Engine: dockerd → containerd → runc (+ one shim per container)'
  },
  hypervisor: {
    kvm: 'Hypervisor: KVM (in the host kernel) + one QEMU process per VM',
    esxi: 'Hypervisor: VMware ESXi (type 1, on bare metal)',
    hyperV: 'Hypervisor: Hyper-V (type 1, on bare metal)',
    virtualbox: 'Hypervisor: VirtualBox (type 2, an app on the host OS)',
    vmwareWorkstation: 'Hypervisor: VMware Workstation (type 2, an app on the host OS)',
    none: 'No hypervisor on this host'
  },
  hardware: {
    title: 'Hardware',
    ram: 'RAM',
    disk: 'Disk',
    cpu: 'CPU {{percent}}',
    spec_one: '{{count}} core · {{memory}} RAM\n{{disk}} disk',
    spec_other: '{{count}} cores · {{memory}} RAM\n{{disk}} disk'
  },
  /** the labels of an instance's body layers */
  body: {
    vmHardware: '{{cpus}} vCPU · {{memory}}',
    linuxKernel: 'Linux kernel {{version}}',
    ntKernel: 'NT kernel {{version}}',
    minimalGuest: 'minimal guest',
    apps: 'apps',
    appsDocker: 'apps + Docker engine',
    shim: 'shim',
    libs: 'libs: {{image}}',
    app: 'app: {{app}}'
  },
  /** the word under an exited container's name, in place of the plain state word (the shared `state` table has the others) */
  exited: {
    code: 'exited ({{code}})',
    oomKilled: 'OOM-killed'
  },
  health: {
    starting: 'starting',
    healthy: 'healthy',
    unhealthy: 'unhealthy'
  },
  /** the start phases of the catalog (shown while an instance starts) */
  phase: {
    'vmm-init': 'vmm-init',
    firmware: 'firmware',
    bootloader: 'bootloader',
    kernel: 'kernel',
    initramfs: 'initramfs',
    userspace: 'userspace',
    'vmm-start': 'vmm-start',
    'api-config': 'api-config',
    'kernel-and-init': 'kernel-and-init',
    'api-call': 'api-call',
    'create-snapshot': 'create-snapshot',
    'netns-veth': 'netns-veth',
    shim: 'shim',
    'runc-create': 'runc-create',
    'runc-start': 'runc-start'
  },
  legend: {
    hardware: 'Hardware',
    kernel: 'Kernel',
    hypervisor: 'Hypervisor',
    docker: 'Docker',
    shim: 'Shim',
    vmHardware: 'Virtual HW',
    guestOs: 'Guest OS',
    libs: 'Image libs',
    app: 'Apps'
  },
  /** the screen-reader list of the stage's layers */
  list: {
    vmColumn: 'VM stack on {{host}}',
    containerColumn: 'Container stack on {{host}}',
    hardware_one: 'Hardware: {{count}} core, {{memory}} RAM, {{disk}} disk',
    hardware_other: 'Hardware: {{count}} cores, {{memory}} RAM, {{disk}} disk',
    cores: 'CPU cores',
    ram: 'RAM in use',
    disk: 'Disk in use',
    hostOs: 'Host OS and kernel: {{os}} {{kernel}}',
    sharedKernel: 'Host OS and the one shared kernel: {{os}} {{kernel}}',
    hypervisor: 'Hypervisor: {{name}}',
    docker: 'Docker Engine: dockerd, containerd, runc',
    vm: 'VM {{name}}',
    container: 'Container {{name}}'
  },
  /** the one-line detail in a layer's tooltip */
  describe: {
    hardware_one: '{{host}}: {{count}} core, {{memory}} RAM, {{disk}} disk',
    hardware_other: '{{host}}: {{count}} cores, {{memory}} RAM, {{disk}} disk',
    cores_one: '{{percent}} of {{count}} core busy',
    cores_other: '{{percent}} of {{count}} cores busy',
    ram: '{{used}} of {{total}} in use ({{percent}})',
    disk: '{{used}} of {{total}} in use',
    hostOs: '{{host}} runs {{os}} with kernel {{kernel}}; it is {{state}}',
    hostState: { up: 'up', panicked: 'panicked', rebooting: 'rebooting', off: 'off' },
    sharedKernel_one: 'Kernel {{kernel}}: the one live container makes its system calls to it',
    sharedKernel_other: 'Kernel {{kernel}}: every one of the {{count}} live containers makes its system calls to it',
    hypervisor: '{{name}}: {{vms}}, {{running}}',
    hypervisorFallback: 'hypervisor',
    vms_one: '{{count}} VM',
    vms_other: '{{count}} VMs',
    engine: '{{containers}}, {{images}} on this engine',
    containers_one: '{{count}} container',
    containers_other: '{{count}} containers',
    images_one: '{{count}} image',
    images_other: '{{count}} images',
    noEngine: 'no engine',
    vmHardware_one: '{{count}} virtual CPU and {{memory}} of RAM that {{name}} sees as its own machine',
    vmHardware_other: '{{count}} virtual CPUs and {{memory}} of RAM that {{name}} sees as its own machine',
    guestKernel: '{{name}} boots its own kernel {{kernel}}',
    guestOs: '{{os}}: a whole operating system inside {{name}}',
    vmAppsDocker: '{{name}} runs its own Docker engine',
    vmApps: 'the programs {{name}} runs',
    instance: '{{name}}: {{state}}',
    vmBooted: '{{name}}: {{state}}, booted in {{time}}',
    vmBooting: '{{name}}: {{state}}, booting for {{time}}',
    containerApp: '{{cmd}}: PID 1 inside {{name}}',
    containerLibs_one: '{{image}}: {{count}} read-only layer ({{size}}), shared with every container of this image',
    containerLibs_other: '{{image}}: {{count}} read-only layers ({{size}}), shared with every container of this image',
    shim: 'containerd-shim-runc-v2 for {{name}}: about {{mb}} MiB on the host',
    ctrStarted: '{{name}}: {{state}}, started in {{time}}',
    ctrStarting: '{{name}}: {{state}}, starting for {{time}}'
  }
}
