// The stopwatch of an instance: virtual ms since its start was requested, frozen at startupMs once it is
// ready. Read from the world's plain state; nothing here allocates.
import type { ContainerState, VmState, WorldState } from '../../../sim/index.ts'

export function vmStopwatchMs(clockMs: number, vm: VmState): number | null {
  if (vm.startupMs !== null) return vm.startupMs
  if (vm.state === 'starting' && vm.startRequestedAtMs !== null) return Math.max(0, clockMs - vm.startRequestedAtMs)
  return null
}

/** A container keeps no start time, so the elapsed part of its current phase comes from the phase's timer. */
export function containerStopwatchMs(state: Readonly<WorldState>, c: ContainerState): number | null {
  if (c.startupMs !== null) return c.startupMs
  if (c.state !== 'starting') return null
  let done = 0
  for (let i = 0; i < c.phases.length; i++) done += c.phases[i]!.ms
  const current = c.plannedPhases[c.phaseIndex]
  if (!current) return done
  const timers = state.timers
  for (let i = 0; i < timers.length; i++) {
    const t = timers[i]!
    if (t.kind === 'container.phase' && t.target === c.id) {
      const inPhase = current.ms - (t.atMs - state.clockMs)
      return done + Math.min(current.ms, Math.max(0, inPhase))
    }
  }
  return done
}

export function plannedTotalMs(phases: readonly { ms: number }[]): number {
  let total = 0
  for (let i = 0; i < phases.length; i++) total += phases[i]!.ms
  return total
}

/** "7,935 ms": the same text on the stage, in the panels and in the tests. */
export function formatStopwatch(ms: number): string {
  return `${Math.round(ms).toLocaleString('en-US')} ms`
}
