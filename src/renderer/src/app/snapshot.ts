// Builds the frozen plain snapshot the panels read. Parts that did not change keep their identity, so a
// selector sees the same object and React skips the render.
import type { World } from '../../../sim/index.ts'
import type { EventEntry, HostSummary, InstanceSummary, Notice, TimingMode, UiSnapshot, ViewState } from '../ui/types'
import { containerStopwatchMs, vmStopwatchMs } from '../scene/stopwatch'
import { containerPhaseSource, inspect, phaseViews, vmPhaseSource } from './inspect'

const MAX_EVENTS = 300

export interface SnapshotInput {
  world: World
  playing: boolean
  speed: number
  timing: TimingMode
  compression: number
  stepMs: number
  busy: boolean
  selectedKey: string | null
  notices: readonly Notice[]
  view: ViewState
  autosave: UiSnapshot['autosave']
}

export class SnapshotBuilder {
  private events: readonly EventEntry[] = Object.freeze([])
  private eventsSource: unknown = null
  private eventsLength = -1

  build(input: SnapshotInput): UiSnapshot {
    const state = input.world.state
    const instances: InstanceSummary[] = []
    for (const vm of state.vms) {
      if (vm.hidden) continue
      const current = vm.plannedPhases[vm.phaseIndex]
      instances.push({
        key: 'vm:' + vm.id, kind: 'vm', name: vm.name, host: vm.host, state: vm.state, startupMs: vm.startupMs,
        stopwatchMs: vmStopwatchMs(state.clockMs, vm), phaseName: vm.state === 'starting' && current ? current.name : null,
        phases: phaseViews(vm.plannedPhases, vm.phaseIndex, vm.state, vmPhaseSource(vm)), image: null, os: vm.os,
        memoryMb: vm.memoryMb, cpuPercent: vm.cpuPercent
      })
    }
    for (const daemon of state.daemons) {
      for (const c of daemon.containers) {
        if (c.state === 'removed') continue
        const current = c.plannedPhases[c.phaseIndex]
        instances.push({
          key: 'ctr:' + c.id, kind: 'container', name: c.name, host: daemon.id, state: c.state, startupMs: c.startupMs,
          stopwatchMs: containerStopwatchMs(state, c), phaseName: c.state === 'starting' && current ? current.name : null,
          phases: phaseViews(c.plannedPhases, c.phaseIndex, c.state, containerPhaseSource), image: c.imageRef, os: null,
          memoryMb: c.memoryMb, cpuPercent: c.cpuPercent
        })
      }
    }
    const hosts: HostSummary[] = state.hosts.filter((h) => h.role === 'server').map((h) => ({
      name: h.name, state: h.state, cores: h.cores, memoryMb: h.memoryMb, memoryUsedMb: h.memoryUsedMb, diskMb: h.diskMb,
      diskUsedMb: h.diskUsedMb, cpuPercent: h.cpuPercent, kernel: h.kernel, os: h.os, hypervisor: h.hypervisor, docker: h.docker,
      pidsUsed: h.pidsUsed
    }))
    const selectedKey = input.selectedKey && instances.some((i) => i.key === input.selectedKey) ? input.selectedKey : null
    return deepFreeze({
      clockMs: state.clockMs,
      playing: input.playing,
      speed: input.speed,
      timing: input.timing,
      compression: input.compression,
      stepMs: input.stepMs,
      busy: input.busy,
      instances,
      hosts,
      events: this.eventsOf(input.world),
      selectedKey,
      inspection: selectedKey ? inspect(state, selectedKey) : null,
      checkpoints: input.world.checkpointNames(),
      notices: input.notices,
      view: input.view,
      autosave: input.autosave
    })
  }

  private eventsOf(world: World): readonly EventEntry[] {
    const events = world.state.events
    if (events === this.eventsSource && events.length === this.eventsLength) return this.events
    this.eventsSource = events
    this.eventsLength = events.length
    const start = Math.max(0, events.length - MAX_EVENTS)
    this.events = Object.freeze(events.slice(start).map((e, i) => Object.freeze({ index: start + i + 1, atMs: e.atMs, type: e.type, subject: e.subject, message: e.message })))
    return this.events
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value as Record<string, unknown>)) deepFreeze(child)
  }
  return value
}
