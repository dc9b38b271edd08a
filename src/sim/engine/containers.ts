// The daemon's container operations, worded and coded as dockerd answers them.
import type { WorldCore } from '../WorldCore.ts'
import type { ContainerConfig, ContainerHostConfig, ContainerState, DaemonState, HealthConfig, Timer } from '../model/types.ts'
import { CONTAINER_PHASES, CONTAINER_TIMING } from '../catalog/containerPhases.ts'
import { SERVICES } from '../catalog/images.ts'
import { ISOLATION } from '../catalog/performance.ts'
import { nextLifecycle } from '../machines/lifecycle.ts'
import { containerMachine, type ContainerLifecycle } from '../machines/containerMachine.ts'
import { done, refuse, type EngineResult } from './engineResult.ts'
import { normalizeRef, resolveImage, shortId } from './imageRefs.ts'
import { recordDaemonEvent } from './daemonEvents.ts'
import { programFor, SERVICE_PORTS } from './programs.ts'
import { runShell, type ShellContext } from './shell.ts'
import { daemonIsUp, kernelOfDaemon, physicalHostOf } from '../lookup.ts'
import { generateName } from './names.ts'

export interface CreateSpec {
  name: string | null
  config: ContainerConfig
  hostConfig: ContainerHostConfig
}

const NAME_RE = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/

export function resolveContainer(daemon: DaemonState, ref: string): ContainerState | undefined {
  const name = ref.replace(/^\//, '')
  const byId = daemon.containers.find((c) => c.id === ref)
  if (byId) return byId
  const byName = daemon.containers.find((c) => c.name === name)
  if (byName) return byName
  if (/^[a-f0-9]+$/.test(ref)) {
    const matches = daemon.containers.filter((c) => c.id.startsWith(ref))
    if (matches.length === 1) return matches[0]
  }
  return undefined
}

export const noSuchContainer = (ref: string) => refuse(404, `No such container: ${ref}`)

function transition(c: ContainerState, event: string): boolean {
  const next = nextLifecycle<ContainerLifecycle>(containerMachine, c.state, event)
  if (!next) return false
  c.state = next
  return true
}

export function createContainer(core: WorldCore, daemon: DaemonState, spec: CreateSpec): EngineResult<{ id: string; warnings: string[] }> {
  const host = physicalHostOf(core.state, daemon)!
  // dockerd's order: settings, then the image (a 404 here makes the CLI pull), then the name
  const hc = spec.hostConfig
  if (hc.memoryMb !== null && hc.memoryMb < ISOLATION.memoryMinMb.value) return refuse(400, 'Minimum memory limit allowed is 6MB')
  const cores = daemon.onVm ? (core.state.vms.find((v) => v.id === daemon.onVm)?.cpus ?? host.cores) : host.cores
  if (hc.cpus !== null && (hc.cpus < 0.01 || hc.cpus > cores)) {
    return refuse(400, `range of CPUs is from 0.01 to ${cores.toFixed(2)}, as there are only ${cores} CPUs available`)
  }
  if (hc.pidsLimit !== null && hc.pidsLimit < 0) hc.pidsLimit = null
  if (hc.autoRemove && hc.restartPolicy !== 'no') return refuse(400, "can't create 'AutoRemove' container with restart policy")
  const image = resolveImage(daemon, spec.config.image)
  if (!image) return refuse(404, `No such image: ${normalizeRef(spec.config.image)}`)
  if (spec.name !== null && !NAME_RE.test(spec.name)) {
    return refuse(400, `Invalid container name (${spec.name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`)
  }
  const name = spec.name?.replace(/^\//, '') ?? generateName(core, daemon)
  const clash = daemon.containers.find((c) => c.name === name)
  if (clash) {
    return refuse(409, `Conflict. The container name "/${name}" is already in use by container "${clash.id}". You have to remove (or rename) that container to be able to reuse that name.`)
  }
  const networkName = hc.networkMode === 'default' ? 'bridge' : hc.networkMode
  if (!daemon.networks.some((n) => n.name === networkName)) return refuse(404, `network ${networkName} not found`)
  hc.networkMode = networkName
  for (const bind of hc.binds) {
    const [src, dst] = bind.split(':')
    if (!src || !dst || !dst.startsWith('/')) return refuse(400, `invalid volume specification: '${bind}'`)
    if (!src.startsWith('/') && !daemon.volumes.some((v) => v.name === src)) {
      daemon.volumes.push({ name: src, createdAtMs: core.clockMs, sizeMb: 0 })
      recordDaemonEvent(core, daemon, 'volume', 'create', src, { driver: 'local' })
    }
  }
  const id = core.newId(`container:${name}`)
  const config: ContainerConfig = { ...spec.config, image: spec.config.image, hostname: spec.config.hostname || id.slice(0, 12) }
  if (!config.healthcheck && image.healthcheck) config.healthcheck = { ...image.healthcheck }
  const c: ContainerState = {
    id, gen: 0, name, daemon: daemon.id, imageId: image.id, imageRef: normalizeRef(spec.config.image), config, hostConfig: hc,
    state: 'created', createdAtMs: core.clockMs, startedAtMs: null, finishedAtMs: null, phases: [], plannedPhases: [],
    phaseIndex: 0, startupMs: null, exitCode: null, oomKilled: false, restartCount: 0, manuallyStopped: false,
    process: { kind: 'none' }, logs: [], health: null, cpuPercent: 0, memoryMb: 0, baseMemoryMb: 0, baseCpuPercent: 0,
    basePids: 0, pids: 0, writableMb: 0.1, cpuUsageNs: 0, hogThreads: 0, leakRateMbPerS: 0, leakedMb: 0, forkBomb: false,
    diskFillRateMbPerS: 0, netRxBytes: 0, netTxBytes: 0, ip: ''
  }
  daemon.containers.push(c)
  recordDaemonEvent(core, daemon, 'container', 'create', id, { image: spec.config.image, name })
  core.emit('container.created', name, `container ${name} created from ${c.imageRef}`, { detail: { daemon: daemon.id, id } })
  return done({ id, warnings: [] })
}

export function argvOf(daemon: DaemonState, c: ContainerState): string[] {
  const image = daemon.images.find((i) => i.id === c.imageId)
  const entry = c.config.entrypoint ?? []
  const cmd = c.config.cmd ?? image?.cmd ?? []
  return [...entry, ...cmd]
}

export function startContainer(core: WorldCore, daemon: DaemonState, c: ContainerState): EngineResult<'started' | 'already'> {
  const result = tryStart(core, daemon, c)
  if (!result.ok && result.status >= 500) {
    // dockerd records a failed start (exit code 128 unless the runtime gave one) and removes an --rm container at once,
    // which is what `docker run --rm` waits for (wait?condition=removed) before it reports the error
    if (c.exitCode === null || c.exitCode === 0) c.exitCode = 128
    if (c.hostConfig.autoRemove && daemon.containers.includes(c)) removeNow(core, daemon, c)
  }
  return result
}

function tryStart(core: WorldCore, daemon: DaemonState, c: ContainerState): EngineResult<'started' | 'already'> {
  if (c.state === 'running' || c.state === 'starting') return done('already')
  if (c.state === 'paused') return refuse(409, 'cannot start a paused container, try unpause instead')
  const host = physicalHostOf(core.state, daemon)!
  if (host.pidsUsed >= host.pidMax) {
    return refuse(500, 'failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: fork/exec /proc/self/exe: resource temporarily unavailable: unknown')
  }
  for (const p of c.hostConfig.portBindings) {
    const taken = daemon.containers.find((o) => o !== c && (o.state === 'running' || o.state === 'paused' || o.state === 'starting') &&
      o.hostConfig.portBindings.some((q) => q.hostPort === p.hostPort && q.protocol === p.protocol))
    if (taken) {
      return refuse(500, `driver failed programming external connectivity on endpoint ${c.name} (${c.id}): Bind for 0.0.0.0:${p.hostPort} failed: port is already allocated`)
    }
  }
  const argv = argvOf(daemon, c)
  const program = programFor(argv, kernelOfDaemon(core.state, daemon), c.config.tty || c.config.openStdin)
  if (program.kind === 'notFound') {
    c.exitCode = 127
    return refuse(500, `failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "${program.executable}": executable file not found in $PATH: unknown`)
  }
  if (!transition(c, 'start')) return refuse(409, `container ${c.id} is ${c.state}`)
  c.gen += 1
  c.plannedPhases = CONTAINER_PHASES.map((p) => ({ name: p.name, ms: p.ms.value }))
  c.phases = []
  c.phaseIndex = 0
  c.startupMs = null
  c.exitCode = null
  c.oomKilled = false
  c.leakedMb = 0
  c.leakRateMbPerS = 0
  c.hogThreads = 0
  c.forkBomb = false
  c.diskFillRateMbPerS = 0
  c.manuallyStopped = false
  if (!c.ip) c.ip = c.hostConfig.networkMode === 'host' || c.hostConfig.networkMode === 'none' ? '' : `172.${c.hostConfig.networkMode === 'bridge' ? 17 : 18}.0.${daemon.nextIp++}`
  core.schedule(core.clockMs + c.plannedPhases[0]!.ms, 'container.phase', c.id, `${daemon.id}|${c.gen}`)
  core.emit('container.starting', c.name, `container ${c.name} is starting`, { internal: true, detail: { daemon: daemon.id } })
  return done('started')
}

// id → container, per containers array: the array is replaced on removal, and a miss rebuilds the index, so
// timers find their container in O(1) even with thousands of containers
const indexes = new WeakMap<ContainerState[], Map<string, ContainerState>>()
export function containerById(daemon: DaemonState, id: string): ContainerState | undefined {
  let index = indexes.get(daemon.containers)
  let c = index?.get(id)
  if (!c) {
    index = new Map(daemon.containers.map((x) => [x.id, x]))
    indexes.set(daemon.containers, index)
    c = index.get(id)
  }
  return c
}

function findByTimer(core: WorldCore, timer: Timer): { daemon: DaemonState; c: ContainerState } | undefined {
  const [daemonId, gen] = (timer.data ?? '').split('|')
  const daemon = core.state.daemons.find((d) => d.id === daemonId)
  const c = daemon ? containerById(daemon, timer.target) : undefined
  if (!daemon || !c || String(c.gen) !== gen) return undefined
  return { daemon, c }
}

export function onContainerPhase(core: WorldCore, timer: Timer): void {
  const found = findByTimer(core, timer)
  if (!found || found.c.state !== 'starting') return
  const { daemon, c } = found
  const phase = c.plannedPhases[c.phaseIndex]!
  c.phases.push({ ...phase })
  c.phaseIndex += 1
  const next = c.plannedPhases[c.phaseIndex]
  if (next) {
    core.schedule(core.clockMs + next.ms, 'container.phase', c.id, timer.data)
    return
  }
  transition(c, 'ready')
  c.startupMs = c.phases.reduce((s, p) => s + p.ms, 0)
  c.startedAtMs = core.clockMs
  c.finishedAtMs = null
  recordDaemonEvent(core, daemon, 'container', 'start', c.id, { image: c.config.image, name: c.name })
  core.emit('container.started', c.name, `container ${c.name} started in ${c.startupMs} ms`, { detail: { daemon: daemon.id } })
  runMainProcess(core, daemon, c)
  // HEALTHCHECK NONE (Test ["NONE"]) disables the image's check
  if (c.config.healthcheck && c.config.healthcheck.test[0] !== 'NONE' && c.state === 'running') {
    c.health = { status: 'starting', failingStreak: 0, log: [] }
    core.schedule(core.clockMs + c.config.healthcheck.intervalMs, 'container.health', c.id, `${daemon.id}|${c.gen}`)
  }
}

function runMainProcess(core: WorldCore, daemon: DaemonState, c: ContainerState): void {
  const argv = argvOf(daemon, c)
  const program = programFor(argv, kernelOfDaemon(core.state, daemon), c.config.tty || c.config.openStdin)
  if (program.kind === 'service') {
    const spec = SERVICES[program.service]!
    c.process = { kind: 'service', service: program.service }
    c.baseMemoryMb = spec.memoryMb.value
    c.baseCpuPercent = spec.cpuPercent.value
    c.basePids = spec.pids
    c.pids = spec.pids
    c.memoryMb = spec.memoryMb.value
    const limit = c.hostConfig.memoryMb
    if (limit !== null && c.memoryMb > limit) {
      exitContainer(core, daemon, c, 137, { oomKilled: true, reason: `${program.service} needs ${c.memoryMb} MiB at start, more than its memory.max of ${limit} MiB` })
    }
    return
  }
  let stdout = ''
  let stderr = ''
  let exitCode = 0
  let durationMs = 0
  let forever = false
  if (program.kind === 'fixed') ({ stdout, stderr, exitCode } = program)
  else if (program.kind === 'shell') ({ stdout, stderr, exitCode, durationMs, forever } = runShell(program.argv, shellContextFor(core, daemon, c)))
  c.baseMemoryMb = 0.5
  c.baseCpuPercent = 0
  c.basePids = 1
  c.pids = 1
  c.memoryMb = 0.5
  writeOutput(core, c, 1, stdout)
  writeOutput(core, c, 2, stderr)
  if (forever) {
    c.process = { kind: 'service', service: 'sleep' }
    return
  }
  c.process = { kind: 'script', endsAtMs: core.clockMs + durationMs, exitCode }
  core.schedule(core.clockMs + durationMs, 'container.exit', c.id, `${daemon.id}|${c.gen}|${exitCode}`)
}

const MAX_LOG_LINES = 2000

export function writeOutput(core: WorldCore, c: ContainerState, stream: 1 | 2, text: string): void {
  if (!text) return
  c.logs.push({ atMs: core.clockMs, stream, text })
  if (c.logs.length > MAX_LOG_LINES) c.logs.splice(0, c.logs.length - MAX_LOG_LINES)
  core.emit('container.output', c.name, text, { internal: true, detail: { id: c.id, stream, text } })
}

export function onContainerExitTimer(core: WorldCore, timer: Timer): void {
  const [daemonId, gen, code] = (timer.data ?? '').split('|')
  const found = findByTimer(core, { ...timer, data: `${daemonId}|${gen}` })
  if (!found || found.c.state !== 'running') return
  exitContainer(core, found.daemon, found.c, Number(code), {})
}

export interface ExitOptions { oomKilled?: boolean; reason?: string; noRestart?: boolean }

/** The main process ended: record it, then apply the restart policy or `--rm`. */
export function exitContainer(core: WorldCore, daemon: DaemonState, c: ContainerState, exitCode: number, opts: ExitOptions): void {
  if (!transition(c, 'exit')) return
  c.gen += 1
  c.exitCode = exitCode
  c.oomKilled = !!opts.oomKilled
  c.finishedAtMs = core.clockMs
  c.cpuPercent = 0
  c.memoryMb = 0
  c.pids = 0
  c.forkBomb = false
  c.hogThreads = 0
  c.leakRateMbPerS = 0
  if (c.health) c.health.status = 'unhealthy'
  core.cancelTimers(c.id)
  if (opts.oomKilled) recordDaemonEvent(core, daemon, 'container', 'oom', c.id, { image: c.config.image, name: c.name })
  recordDaemonEvent(core, daemon, 'container', 'die', c.id, { exitCode: String(exitCode), image: c.config.image, name: c.name })
  const why = opts.reason ? `: ${opts.reason}` : ''
  if (opts.oomKilled) core.emit('container.oomKilled', c.name, `container ${c.name} was OOM-killed (exit ${exitCode})${why}`, { detail: { daemon: daemon.id } })
  core.emit('container.exited', c.name, `container ${c.name} exited with code ${exitCode}${why}`, { detail: { daemon: daemon.id, id: c.id, exitCode } })
  if (!opts.noRestart && shouldRestart(c) && daemonIsUp(core.state, daemon)) {
    transition(c, 'scheduleRestart')
    const delayMs = 100 * 2 ** Math.min(c.restartCount, 9)
    core.schedule(core.clockMs + delayMs, 'container.restart', c.id, `${daemon.id}|${c.gen}`)
    return
  }
  if (c.hostConfig.autoRemove) core.schedule(core.clockMs + CONTAINER_TIMING.teardownMs.value, 'container.autoRemove', c.id, `${daemon.id}|${c.gen}`)
}

function shouldRestart(c: ContainerState): boolean {
  const policy = c.hostConfig.restartPolicy
  if (c.manuallyStopped) return false
  if (policy === 'always' || policy === 'unless-stopped') return true
  if (policy === 'on-failure') return c.exitCode !== 0 && (c.hostConfig.maximumRetryCount === 0 || c.restartCount < c.hostConfig.maximumRetryCount)
  return false
}

export function onContainerRestart(core: WorldCore, timer: Timer): void {
  const found = findByTimer(core, timer)
  if (!found || found.c.state !== 'restarting') return
  const { daemon, c } = found
  c.restartCount += 1
  c.state = 'exited'
  const result = startContainer(core, daemon, c)
  if (!result.ok) exitContainer(core, daemon, c, 128, { reason: result.message, noRestart: true })
  else {
    recordDaemonEvent(core, daemon, 'container', 'restart', c.id, { name: c.name })
    core.emit('container.restarted', c.name, `container ${c.name} restarted by its policy (${c.hostConfig.restartPolicy}), restart #${c.restartCount}`)
  }
}

export function onContainerAutoRemove(core: WorldCore, timer: Timer): void {
  const found = findByTimer(core, timer)
  if (!found || found.c.state !== 'exited') return
  removeNow(core, found.daemon, found.c)
}

function removeNow(core: WorldCore, daemon: DaemonState, c: ContainerState): void {
  transition(c, 'remove')
  core.cancelTimers(c.id)
  daemon.containers = daemon.containers.filter((x) => x !== c)
  daemon.execs = daemon.execs.filter((e) => e.containerId !== c.id)
  recordDaemonEvent(core, daemon, 'container', 'destroy', c.id, { image: c.config.image, name: c.name })
  core.emit('container.removed', c.name, `container ${c.name} removed`, { detail: { daemon: daemon.id, id: c.id } })
}

/** `docker stop`: SIGTERM; a service exits cleanly, a shell as PID 1 ignores it and is killed after the grace period. */
export function stopContainer(core: WorldCore, daemon: DaemonState, c: ContainerState): EngineResult<'stopped' | 'already'> {
  if (c.state === 'restarting') {
    c.manuallyStopped = true
    c.state = 'exited'
    core.cancelTimers(c.id)
    return done('stopped')
  }
  if (c.state !== 'running' && c.state !== 'paused' && c.state !== 'starting') return done('already')
  c.manuallyStopped = true
  const code = c.process.kind === 'service' && c.process.service !== 'sleep' ? 0 : 137
  recordDaemonEvent(core, daemon, 'container', 'kill', c.id, { name: c.name, signal: '15' })
  exitContainer(core, daemon, c, code, {})
  recordDaemonEvent(core, daemon, 'container', 'stop', c.id, { name: c.name })
  return done('stopped')
}

const SIGNALS: Record<string, number> = { KILL: 9, SIGKILL: 9, '9': 9, TERM: 15, SIGTERM: 15, '15': 15, INT: 2, SIGINT: 2, '2': 2, HUP: 1, SIGHUP: 1, '1': 1, CONT: 18, SIGCONT: 18, USR1: 10, SIGUSR1: 10, QUIT: 3, SIGQUIT: 3 }

export function killContainer(core: WorldCore, daemon: DaemonState, c: ContainerState, signal: string): EngineResult<null> {
  const sig = SIGNALS[signal.toUpperCase()]
  if (sig === undefined) return refuse(400, `Invalid signal: ${signal}`)
  if (c.state !== 'running' && c.state !== 'paused' && c.state !== 'starting') {
    return refuse(409, `cannot kill container: ${c.name}: container ${c.id} is not running`)
  }
  recordDaemonEvent(core, daemon, 'container', 'kill', c.id, { name: c.name, signal: String(sig) })
  if (sig === 9) {
    c.manuallyStopped = true
    exitContainer(core, daemon, c, 137, {})
  } else if ((sig === 15 || sig === 2) && c.process.kind === 'service' && c.process.service !== 'sleep') {
    c.manuallyStopped = true
    exitContainer(core, daemon, c, 0, {})
  }
  return done(null)
}

export function pauseContainer(core: WorldCore, daemon: DaemonState, c: ContainerState): EngineResult<null> {
  if (c.state === 'paused') return refuse(409, `container ${c.id} is already paused`)
  if (!transition(c, 'pause')) return refuse(409, `container ${c.id} is not running`)
  recordDaemonEvent(core, daemon, 'container', 'pause', c.id, { name: c.name })
  core.emit('container.paused', c.name, `container ${c.name} paused: the cgroup freezer stopped its processes`)
  return done(null)
}

export function unpauseContainer(core: WorldCore, daemon: DaemonState, c: ContainerState): EngineResult<null> {
  if (!transition(c, 'unpause')) return refuse(409, `container ${c.id} is not paused`)
  recordDaemonEvent(core, daemon, 'container', 'unpause', c.id, { name: c.name })
  core.emit('container.unpaused', c.name, `container ${c.name} unpaused`)
  return done(null)
}

export function restartContainer(core: WorldCore, daemon: DaemonState, c: ContainerState): EngineResult<null> {
  if (c.state === 'paused') return refuse(409, 'cannot restart a paused container, try unpause instead')
  if (c.state === 'running' || c.state === 'starting') stopContainer(core, daemon, c)
  const r = startContainer(core, daemon, c)
  if (!r.ok) return r
  recordDaemonEvent(core, daemon, 'container', 'restart', c.id, { name: c.name })
  return done(null)
}

export function removeContainer(core: WorldCore, daemon: DaemonState, c: ContainerState, force: boolean): EngineResult<null> {
  const live = c.state === 'running' || c.state === 'paused' || c.state === 'starting' || c.state === 'restarting'
  if (live && !force) {
    return refuse(409, `cannot remove container "/${c.name}": container is running: stop the container before removing or force remove`)
  }
  if (live) {
    c.manuallyStopped = true
    if (c.state === 'restarting') c.state = 'exited'
    else {
      // `rm -f` SIGKILLs first, as dockerd logs it: kill, die, destroy
      recordDaemonEvent(core, daemon, 'container', 'kill', c.id, { image: c.config.image, name: c.name, signal: '9' })
      exitContainer(core, daemon, c, 137, { noRestart: true })
    }
  }
  removeNow(core, daemon, c)
  return done(null)
}

export function renameContainer(core: WorldCore, daemon: DaemonState, c: ContainerState, name: string): EngineResult<null> {
  if (!NAME_RE.test(name)) return refuse(400, `Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`)
  const clash = daemon.containers.find((x) => x.name === name)
  if (clash) return refuse(409, `Conflict. The container name "/${name}" is already in use by container "${clash.id}". You have to remove (or rename) that container to be able to reuse that name.`)
  c.name = name
  recordDaemonEvent(core, daemon, 'container', 'rename', c.id, { name })
  return done(null)
}

export function listensOn(daemon: DaemonState, c: ContainerState): number[] {
  const image = daemon.images.find((i) => i.id === c.imageId)
  const ports = new Set<number>(image?.exposedPorts ?? [])
  if (c.process.kind === 'service') for (const p of SERVICE_PORTS[c.process.service] ?? []) ports.add(p)
  return [...ports]
}

/** What a process inside the container sees. */
export function shellContextFor(core: WorldCore, daemon: DaemonState, c: ContainerState): ShellContext {
  const host = physicalHostOf(core.state, daemon)!
  const image = daemon.images.find((i) => i.id === c.imageId)
  const argv = argvOf(daemon, c)
  const net = c.hostConfig.networkMode
  const userNet = net !== 'bridge' && net !== 'host' && net !== 'none'
  return {
    hostname: c.config.hostname,
    kernel: kernelOfDaemon(core.state, daemon),
    env: [...(image?.env ?? []), ...c.config.env],
    processes: [[1, argv.join(' ')]],
    files: { ...(image?.files ?? {}), '/etc/hostname': c.config.hostname + '\n', '/etc/os-release': `NAME="${c.imageRef}"\n` },
    canFork: host.pidsUsed < host.pidMax && (c.hostConfig.pidsLimit === null || c.pids < c.hostConfig.pidsLimit),
    reach(target, port) {
      if (target === 'localhost' || target === '127.0.0.1' || target === c.config.hostname || target === c.name) {
        return c.state === 'running' && listensOn(daemon, c).includes(port)
      }
      if (!userNet) return false
      const peer = daemon.containers.find((o) => (o.name === target || o.id.startsWith(target)) && o.hostConfig.networkMode === net)
      return !!peer && peer.state === 'running' && listensOn(daemon, peer).includes(port)
    }
  }
}

export function onHealthCheck(core: WorldCore, timer: Timer): void {
  const found = findByTimer(core, timer)
  if (!found || found.c.state !== 'running' && found.c.state !== 'paused') return
  const { daemon, c } = found
  const hc: HealthConfig | null = c.config.healthcheck
  if (!hc || !c.health) return
  core.schedule(core.clockMs + hc.intervalMs, 'container.health', c.id, timer.data)
  if (c.state === 'paused') return
  const argv = hc.test[0] === 'CMD-SHELL' ? ['sh', '-c', hc.test.slice(1).join(' ')] : hc.test[0] === 'CMD' ? hc.test.slice(1) : hc.test
  const result = runShell(argv, shellContextFor(core, daemon, c))
  c.health.log.push({ atMs: core.clockMs, exitCode: result.exitCode, output: result.stdout + result.stderr })
  if (c.health.log.length > 5) c.health.log.shift()
  const before = c.health.status
  if (result.exitCode === 0) {
    c.health.failingStreak = 0
    c.health.status = 'healthy'
  } else {
    c.health.failingStreak += 1
    if (c.health.failingStreak >= hc.retries) c.health.status = 'unhealthy'
  }
  if (before !== c.health.status) {
    recordDaemonEvent(core, daemon, 'container', `health_status: ${c.health.status}`, c.id, { name: c.name })
    core.emit(`container.${c.health.status}`, c.name, `container ${c.name} is ${c.health.status}` +
      (c.health.status === 'unhealthy' ? `: ${result.stderr.trim() || `exit ${result.exitCode}`}` : ''))
  }
}

export { shortId }
