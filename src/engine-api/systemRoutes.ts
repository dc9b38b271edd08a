// System endpoints: _ping, version, info and system df, with the daemon's real counts and machine.
import type { DaemonState, World } from '../sim/index.ts'
import { catalog, engine } from '../sim/index.ts'
import type { RouteContext } from './context.ts'
import { apiState, containerSummary, sizes } from './containerViews.ts'
import { derivedHex64 } from './ids.ts'
import { imageSummary, usersOf } from './imageViews.ts'
import { API_VERSION, json, MIN_API_VERSION, SERVER_VERSION } from './responses.ts'
import { route, type Route } from './router.ts'
import type { ApiResponse } from './types.ts'
import { volumeUsers, volumeView } from './volumesRoutes.ts'

const MiB = 1048576
const MB = 1_000_000
const GIT_COMMIT = '45873be'
const GO_VERSION = 'go1.24.3'
const BUILD_TIME = '2025-05-30T12:07:14.000000000+00:00'
const CONTAINERD = { version: '1.7.27', commit: '05044ec0a9a75232cad458027ca83437aae3f4da' }
const RUNC = { version: '1.2.5', commit: 'v1.2.5-0-g59923ef' }
const INIT = { version: '0.19.0', commit: 'de40ad0' }

/**
 * Ping headers as dockerd sends them, except Builder-Version: "1" (the legacy builder) rather than "2", so a
 * real CLI builds through POST /build, the one builder this daemon simulates, instead of BuildKit's session API.
 */
function ping(ctx: RouteContext): ApiResponse {
  const headers = {
    'Content-Type': 'text/plain; charset=utf-8', 'Builder-Version': '1', 'Cache-Control': 'no-cache, no-store, must-revalidate',
    Pragma: 'no-cache', Swarm: 'inactive'
  }
  if (ctx.request.method === 'HEAD') return { status: 200, headers: { ...headers, 'Content-Length': '0' } }
  return { status: 200, headers, text: 'OK' }
}

function kernelOf(world: World, daemon: DaemonState): string {
  return engine.kernelOfDaemon(world.state, daemon)
}

function version(ctx: RouteContext): ApiResponse {
  const kernel = kernelOf(ctx.world, ctx.daemon)
  return json(200, {
    Platform: { Name: 'Docker Engine - Community' },
    Components: [
      {
        Name: 'Engine', Version: SERVER_VERSION,
        Details: { ApiVersion: API_VERSION, Arch: 'amd64', BuildTime: BUILD_TIME, Experimental: 'false', GitCommit: GIT_COMMIT, GoVersion: GO_VERSION, KernelVersion: kernel, MinAPIVersion: MIN_API_VERSION, Os: 'linux' }
      },
      { Name: 'containerd', Version: CONTAINERD.version, Details: { GitCommit: CONTAINERD.commit } },
      { Name: 'runc', Version: RUNC.version, Details: { GitCommit: RUNC.commit } },
      { Name: 'docker-init', Version: INIT.version, Details: { GitCommit: INIT.commit } }
    ],
    Version: SERVER_VERSION, ApiVersion: API_VERSION, MinAPIVersion: MIN_API_VERSION, GitCommit: GIT_COMMIT, GoVersion: GO_VERSION,
    Os: 'linux', Arch: 'amd64', KernelVersion: kernel, BuildTime: BUILD_TIME
  })
}

/** The machine the daemon runs on: its guest VM, or the host itself. */
function machine(world: World, daemon: DaemonState): { cpus: number; memoryMb: number; os: string; osVersion: string } {
  const vm = engine.vmOfDaemon(world.state, daemon)
  if (vm) {
    if (vm.hidden) return { cpus: vm.cpus, memoryMb: vm.memoryMb, os: 'Docker Desktop', osVersion: '' }
    const guest = catalog.GUEST_OSES[vm.os]
    return { cpus: vm.cpus, memoryMb: vm.memoryMb, os: guest?.label ?? vm.os, osVersion: /[\d.]+$/.exec(guest?.label ?? '')?.[0] ?? '' }
  }
  const host = engine.physicalHostOf(world.state, daemon)
  return { cpus: host?.cores ?? 1, memoryMb: host?.memoryMb ?? 0, os: 'Ubuntu 24.04.1 LTS', osVersion: '24.04' }
}

/** dockerd's engine ID is a UUID; derived from the daemon id so it is stable. */
function engineUuid(daemon: DaemonState): string {
  const h = derivedHex64(`engine:${daemon.id}`)
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`
}

function info(ctx: RouteContext): ApiResponse {
  const { world, daemon } = ctx
  const m = machine(world, daemon)
  const states = daemon.containers.map(apiState)
  const running = states.filter((s) => s === 'running' || s === 'restarting').length
  const paused = states.filter((s) => s === 'paused').length
  return json(200, {
    ID: engineUuid(daemon), Containers: states.length, ContainersRunning: running, ContainersPaused: paused,
    ContainersStopped: states.length - running - paused, Images: daemon.images.length, Driver: 'overlay2',
    DriverStatus: [['Backing Filesystem', 'extfs'], ['Supports d_type', 'true'], ['Using metacopy', 'false'], ['Native Overlay Diff', 'true'], ['userxattr', 'false']],
    Plugins: {
      Volume: ['local'], Network: ['bridge', 'host', 'ipvlan', 'macvlan', 'null', 'overlay'], Authorization: null,
      Log: ['awslogs', 'fluentd', 'gcplogs', 'gelf', 'journald', 'json-file', 'local', 'splunk', 'syslog']
    },
    MemoryLimit: true, SwapLimit: true, CpuCfsPeriod: true, CpuCfsQuota: true, CPUShares: true, CPUSet: true, PidsLimit: true,
    IPv4Forwarding: true, Debug: false, NFd: 24 + 4 * running, OomKillDisable: false, NGoroutines: 42 + 6 * running,
    SystemTime: ctx.time.rfc3339Nano(world.clockMs), LoggingDriver: 'json-file', CgroupDriver: 'systemd', CgroupVersion: '2', NEventsListener: 0,
    KernelVersion: kernelOf(world, daemon), OperatingSystem: m.os, OSVersion: m.osVersion, OSType: 'linux', Architecture: 'x86_64',
    IndexServerAddress: 'https://index.docker.io/v1/',
    RegistryConfig: {
      InsecureRegistryCIDRs: ['::1/128', '127.0.0.0/8'],
      IndexConfigs: { 'docker.io': { Name: 'docker.io', Mirrors: [], Secure: true, Official: true } }, Mirrors: null
    },
    NCPU: m.cpus, MemTotal: Math.round(m.memoryMb * MiB), GenericResources: null, DockerRootDir: '/var/lib/docker', HttpProxy: '',
    HttpsProxy: '', NoProxy: '', Name: daemon.id, Labels: [], ExperimentalBuild: false, ServerVersion: SERVER_VERSION,
    Runtimes: { 'io.containerd.runc.v2': { path: 'runc', status: { 'org.opencontainers.runtime-spec.features': '{}' } }, runc: { path: 'runc', status: { 'org.opencontainers.runtime-spec.features': '{}' } } },
    DefaultRuntime: 'runc',
    Swarm: { NodeID: '', NodeAddr: '', LocalNodeState: 'inactive', ControlAvailable: false, Error: '', RemoteManagers: null },
    LiveRestoreEnabled: false, Isolation: '', InitBinary: 'docker-init', ContainerdCommit: { ID: CONTAINERD.commit },
    RuncCommit: { ID: RUNC.commit }, InitCommit: { ID: INIT.commit },
    SecurityOptions: ['name=apparmor', 'name=seccomp,profile=builtin', 'name=cgroupns'], CDISpecDirs: ['/etc/cdi', '/var/run/cdi'],
    Containerd: { Address: '/run/containerd/containerd.sock', Namespaces: { Containers: 'moby', Plugins: 'plugindb' } },
    Warnings: null
  })
}

function systemDf(ctx: RouteContext): ApiResponse {
  const daemon = ctx.daemon
  return json(200, {
    LayersSize: Math.round(engine.imageLayersMb(daemon) * MB),
    Images: daemon.images.map((image) => ({ ...imageSummary(ctx.time, image), Containers: usersOf(daemon, image), SharedSize: 0 })),
    Containers: daemon.containers.map((c) => ({ ...containerSummary(ctx, c, false), ...sizes(daemon, c) })),
    Volumes: daemon.volumes.map((v) => ({ ...volumeView(ctx.time, v), UsageData: { Size: Math.round(v.sizeMb * MB), RefCount: volumeUsers(daemon, v) } })),
    BuildCache: []
  })
}

export const systemRoutes: Route[] = [
  route('GET', '/_ping', ping),
  route('HEAD', '/_ping', ping),
  route('GET', '/version', version),
  route('GET', '/info', info),
  route('GET', '/system/df', systemDf)
]
