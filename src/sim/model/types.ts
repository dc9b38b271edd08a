// The world's state: plain, JSON-compatible data, so a checkpoint is a deep copy and a report is a read.
import type { VmLifecycle } from '../machines/vmMachine.ts'
import type { ContainerLifecycle } from '../machines/containerMachine.ts'
import type { HostLifecycle } from '../machines/hostMachine.ts'

export type HypervisorKind = 'none' | 'esxi' | 'hyper-v' | 'kvm' | 'virtualbox' | 'vmware-workstation'
export type OsFamily = 'linux' | 'windows' | 'macos'
export type ClientLocation = 'host' | 'laptop-macos' | 'laptop-windows' | 'docker-desktop'

export interface Phase { name: string; ms: number }

export interface HostState {
  name: string
  gen: number
  cores: number
  memoryMb: number
  diskMb: number
  os: OsFamily
  kernel: string
  hypervisor: HypervisorKind
  docker: boolean
  overcommit: number
  state: HostLifecycle
  pidMax: number
  breachedBy: string | null
  /** figures recomputed every tick */
  cpuPercent: number
  memoryUsedMb: number
  diskUsedMb: number
  pidsUsed: number
  diskFull: boolean
  /** hidden helper hosts (a laptop) are drawn but not listed first */
  role: 'server' | 'laptop'
}

export interface VmState {
  id: string
  /** bumped at every start/stop so stale timers can be told apart */
  gen: number
  name: string
  host: string
  os: string
  kind: 'full' | 'microvm'
  cpus: number
  memoryMb: number
  diskMb: number
  docker: boolean
  autostart: boolean
  hidden: boolean
  state: VmLifecycle
  phases: Phase[] // the latest boot's phases, filled in as they complete
  plannedPhases: Phase[]
  phaseIndex: number
  startRequestedAtMs: number | null
  startupMs: number | null
  runningSinceMs: number | null
  /** guest RAM touched so far (MiB) */
  guestUsedMb: number
  diskUsedMb: number
  pids: number
  cpuPercent: number
  /** fault state inside the guest */
  hogThreads: number
  leakRateMbPerS: number
  leakedMb: number
  forkBomb: boolean
  diskFillRateMbPerS: number
  guestOomKills: number
  panicked: boolean
}

export interface HealthConfig { test: string[]; intervalMs: number; retries: number }
export interface HealthState { status: 'starting' | 'healthy' | 'unhealthy'; failingStreak: number; log: { atMs: number; exitCode: number; output: string }[] }

export interface ContainerConfig {
  image: string // as the user typed it
  cmd: string[] | null
  entrypoint: string[] | null
  env: string[]
  tty: boolean
  openStdin: boolean
  attachStdout: boolean
  attachStderr: boolean
  exposedPorts: string[]
  labels: Record<string, string>
  hostname: string
  healthcheck: HealthConfig | null
}

export interface PortBinding { hostPort: number; containerPort: number; protocol: 'tcp' | 'udp'; hostIp: string }

export interface ContainerHostConfig {
  memoryMb: number | null
  cpus: number | null
  cpuShares: number
  pidsLimit: number | null
  restartPolicy: 'no' | 'on-failure' | 'always' | 'unless-stopped'
  maximumRetryCount: number
  privileged: boolean
  networkMode: string
  binds: string[]
  portBindings: PortBinding[]
  autoRemove: boolean
  capAdd: string[]
  capDrop: string[]
}

export interface LogLine { atMs: number; stream: 1 | 2; text: string }

export interface ContainerState {
  id: string
  gen: number
  name: string
  daemon: string // daemon id = the name of the host or VM it runs on
  imageId: string
  imageRef: string // normalised repo:tag it was created from
  config: ContainerConfig
  hostConfig: ContainerHostConfig
  state: ContainerLifecycle
  createdAtMs: number
  startedAtMs: number | null
  finishedAtMs: number | null
  phases: Phase[]
  plannedPhases: Phase[]
  phaseIndex: number
  startupMs: number | null
  exitCode: number | null
  oomKilled: boolean
  restartCount: number
  manuallyStopped: boolean
  /** what the main process is: a long-running service or a script that ends */
  process: { kind: 'service'; service: string } | { kind: 'script'; endsAtMs: number | null; exitCode: number } | { kind: 'none' }
  logs: LogLine[]
  health: HealthState | null
  /** figures recomputed every tick */
  cpuPercent: number
  memoryMb: number
  baseMemoryMb: number
  baseCpuPercent: number
  basePids: number
  pids: number
  writableMb: number
  cpuUsageNs: number
  /** fault state */
  hogThreads: number
  leakRateMbPerS: number
  leakedMb: number
  forkBomb: boolean
  diskFillRateMbPerS: number
  netRxBytes: number
  netTxBytes: number
  ip: string
}

export interface ImageState {
  id: string // sha256:<64hex>
  repoTags: string[]
  repoDigests: string[]
  os: 'linux' | 'windows'
  layers: { id: string; sizeMb: number; createdBy: string }[]
  createdIso: string
  cmd: string[]
  entrypoint: string[] | null
  env: string[]
  exposedPorts: number[]
  healthcheck: HealthConfig | null
  /** build-cache keys of the layers, for "Using cache" */
  cacheKeys: string[]
  /** small text files COPY put into the image (path → text), visible to `cat` and `ls` inside its containers */
  files?: Record<string, string>
}

export interface NetworkState { id: string; name: string; driver: 'bridge' | 'host' | 'null'; createdAtMs: number; subnet: string; internal: boolean }
export interface VolumeState { name: string; createdAtMs: number; sizeMb: number }
export interface ExecState { id: string; containerId: string; cmd: string[]; tty: boolean; running: boolean; exitCode: number | null; pid: number }

export interface DaemonEvent { atMs: number; type: 'container' | 'image' | 'network' | 'volume'; action: string; actorId: string; attributes: Record<string, string> }

export interface DaemonState {
  id: string // the host or VM name it runs on
  onVm: string | null
  images: ImageState[]
  containers: ContainerState[]
  networks: NetworkState[]
  volumes: VolumeState[]
  execs: ExecState[]
  events: DaemonEvent[]
  /** build cache: key → layer id */
  buildCache: Record<string, string>
  nextIp: number
}

export interface Timer { atMs: number; seq: number; kind: string; target: string; data?: string }

export interface SimEvent { atMs: number; type: string; subject: string; message: string }

export interface ClientState {
  location: ClientLocation
  dockerHost: string | null
  contexts: { name: string; host: string; description: string }[]
  currentContext: string
}

export interface ProjectFolder { name: string; files: { path: string; sizeMb: number; text?: string }[] }

export interface WorldState {
  seed: number
  rngState: number
  clockMs: number
  seq: number
  hosts: HostState[]
  vms: VmState[]
  daemons: DaemonState[]
  timers: Timer[]
  events: SimEvent[]
  client: ClientState
  projects: ProjectFolder[]
}
