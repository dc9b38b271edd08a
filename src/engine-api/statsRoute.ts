// GET /containers/{id}/stats: cgroup figures from the simulation, shaped so that the CLI's arithmetic gives back
// the simulation's own numbers: CPU % = Δtotal_usage / Δsystem_cpu_usage × online_cpus × 100 = cpuPercent.
import type { ContainerState, DaemonState, World } from '../sim/index.ts'
import { engine } from '../sim/index.ts'
import { boolParam, type RouteContext } from './context.ts'
import { findContainer } from './containerLookup.ts'
import { isAbout } from './containerEvents.ts'
import { hasEndpoint } from './containerViews.ts'
import { json, JSON_TYPE } from './responses.ts'
import { route, type Route } from './router.ts'
import { worldStream } from './streams.ts'
import { ZERO_TIME, type TimeFormat } from './time.ts'
import type { ApiResponse } from './types.ts'

const MiB = 1048576
/** The host booted an hour before virtual time 0, so system_cpu_usage is never below one sample interval. */
const UPTIME_OFFSET_MS = 3_600_000

interface Sample { atMs: number; totalNs: number; systemNs: number }

/** CPUs and RAM the container can see: its VM's when the daemon runs in one, else the host's. */
function machineOf(world: World, daemon: DaemonState): { cpus: number; memoryMb: number } {
  const vm = engine.vmOfDaemon(world.state, daemon)
  if (vm) return { cpus: vm.cpus, memoryMb: vm.memoryMb }
  const host = engine.physicalHostOf(world.state, daemon)
  return { cpus: host?.cores ?? 1, memoryMb: host?.memoryMb ?? 0 }
}

/**
 * The cumulative counters now. total_usage starts one CPU-second per CPU above the simulation's own count, so a
 * synthetic previous sample one second back (below) never goes negative.
 */
function sampleOf(world: World, cpus: number, c: ContainerState): Sample {
  return {
    atMs: world.clockMs,
    totalNs: Math.round(c.cpuUsageNs) + Math.round(cpus * 1e9),
    systemNs: Math.round(cpus * (world.clockMs + UPTIME_OFFSET_MS) * 1e6)
  }
}

/** One second before `now`, with the CPU time the container's current cpuPercent implies (dockerd samples 1 s apart). */
function syntheticPrevious(now: Sample, cpus: number, c: ContainerState): Sample {
  const delta = Math.min(Math.round((c.cpuPercent / 100) * 1e9), Math.round(cpus * 1e9))
  return { atMs: now.atMs - 1000, totalNs: now.totalNs - Math.max(0, delta), systemNs: now.systemNs - Math.round(cpus * 1e9) }
}

const cpuStats = (s: Sample | null, cpus: number) => ({
  cpu_usage: { total_usage: s?.totalNs ?? 0, usage_in_kernelmode: Math.round((s?.totalNs ?? 0) / 3), usage_in_usermode: (s?.totalNs ?? 0) - Math.round((s?.totalNs ?? 0) / 3) },
  ...(s ? { system_cpu_usage: s.systemNs, online_cpus: cpus } : {}),
  throttling_data: { periods: 0, throttled_periods: 0, throttled_time: 0 }
})

function statsObject(time: TimeFormat, c: ContainerState, now: Sample | null, previous: Sample | null, cpus: number, memoryMb: number): Record<string, unknown> {
  const usage = now ? Math.round(c.memoryMb * MiB) : 0
  const limit = Math.round((c.hostConfig.memoryMb ?? memoryMb) * MiB)
  const networked = c.hostConfig.networkMode !== 'host' && c.hostConfig.networkMode !== 'none'
  const rx = Math.round(c.netRxBytes)
  const tx = Math.round(c.netTxBytes)
  return {
    name: `/${c.name}`, id: c.id, read: now ? time.rfc3339Nano(now.atMs) : ZERO_TIME, preread: previous ? time.rfc3339Nano(previous.atMs) : ZERO_TIME,
    pids_stats: now ? { current: c.pids, ...(c.hostConfig.pidsLimit !== null ? { limit: c.hostConfig.pidsLimit } : {}) } : {},
    blkio_stats: {
      io_service_bytes_recursive: now ? [{ major: 8, minor: 0, op: 'read', value: 0 }, { major: 8, minor: 0, op: 'write', value: Math.round(c.writableMb * 1e6) }] : null,
      io_serviced_recursive: null, io_queue_recursive: null, io_service_time_recursive: null, io_wait_time_recursive: null,
      io_merged_recursive: null, io_time_recursive: null, sectors_recursive: null
    },
    num_procs: 0, storage_stats: {},
    cpu_stats: cpuStats(now, cpus), precpu_stats: cpuStats(previous, cpus),
    memory_stats: now ? { usage, stats: { active_anon: 0, anon: usage, file: 0, inactive_file: 0, kernel: 0 }, limit } : {},
    ...(now && networked ? {
      networks: { eth0: { rx_bytes: rx, rx_packets: Math.ceil(rx / 1000), rx_errors: 0, rx_dropped: 0, tx_bytes: tx, tx_packets: Math.ceil(tx / 1000), tx_errors: 0, tx_dropped: 0 } }
    } : {})
  }
}

function statsContainer(ctx: RouteContext): ApiResponse {
  const found = findContainer(ctx)
  if (!found.ok) return found.response
  const { world, daemon } = ctx
  const c = found.c
  const { cpus, memoryMb } = machineOf(world, daemon)
  const live = (): boolean => hasEndpoint(c)
  const first = (): Record<string, unknown> => {
    if (!live()) return statsObject(ctx.time, c, null, null, cpus, memoryMb)
    const now = sampleOf(world, cpus, c)
    const previous = syntheticPrevious(now, cpus, c)
    return statsObject(ctx.time, c, now, previous, cpus, memoryMb)
  }
  if (!boolParam(ctx, 'stream', true) || boolParam(ctx, 'one-shot')) return json(200, first())
  // streaming: one object now, then one per virtual second while the container runs (no samples while stopped)
  const stream = worldStream(world, daemon.id, (out) => {
    let previous: Sample | null = null
    if (live()) {
      const now = sampleOf(world, cpus, c)
      out.writeJson(statsObject(ctx.time, c, now, syntheticPrevious(now, cpus, c), cpus, memoryMb))
      previous = now
    }
    out.on((event) => {
      if (event.type === 'container.removed' && isAbout(world, event, daemon.id, c.id)) return out.end()
      if (event.type !== 'clock.second') return
      if (!live()) {
        previous = null
        return
      }
      const now = sampleOf(world, cpus, c)
      const prev = previous ?? syntheticPrevious(now, cpus, c)
      out.writeJson(statsObject(ctx.time, c, now, prev, cpus, memoryMb))
      previous = now
    })
  })
  return { status: 200, headers: { 'Content-Type': JSON_TYPE }, stream }
}

export const statsRoutes: Route[] = [route('GET', '/containers/{id}/stats', statsContainer)]
