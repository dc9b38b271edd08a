// The clock, timers, events and random source every part of the simulation shares.
import type { SimEvent, Timer, WorldState } from './model/types.ts'
import { nextRandom } from './util/rng.ts'
import { hex64 } from './util/hash.ts'

export const TICK_MS = 100

export interface EmittedEvent extends SimEvent {
  /** extra fields for listeners (container output, request hops); not part of the report */
  detail?: Record<string, unknown>
  /** internal events (output lines, hops) reach listeners but are not listed in the report */
  internal?: boolean
}

export type Listener = (event: EmittedEvent) => void
export type TimerHandler = (core: WorldCore, timer: Timer) => void
export type TickHandler = (core: WorldCore, dtMs: number) => void

export class WorldCore {
  state: WorldState
  private listeners = new Set<Listener>()
  private timerHandlers = new Map<string, TimerHandler>()
  private tickHandlers: TickHandler[] = []

  constructor(state: WorldState) {
    this.state = state
  }

  get clockMs(): number {
    return this.state.clockMs
  }

  onTimer(kind: string, handler: TimerHandler): void {
    this.timerHandlers.set(kind, handler)
  }

  onTick(handler: TickHandler): void {
    this.tickHandlers.push(handler)
  }

  on(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  emit(type: string, subject: string, message: string, extra?: { detail?: Record<string, unknown>; internal?: boolean }): void {
    const event: EmittedEvent = { atMs: this.state.clockMs, type, subject, message }
    if (!extra?.internal) this.state.events.push({ atMs: event.atMs, type, subject, message })
    if (this.listeners.size === 0) return
    if (extra?.detail) event.detail = extra.detail
    if (extra?.internal) event.internal = true
    for (const listener of [...this.listeners]) listener(event)
  }

  random(): number {
    const [value, next] = nextRandom(this.state.rngState)
    this.state.rngState = next
    return value
  }

  /** A fresh, deterministic 64-hex id. */
  newId(salt: string): string {
    this.state.seq += 1
    return hex64(`${this.state.seed}:${this.state.seq}:${salt}`)
  }

  schedule(atMs: number, kind: string, target: string, data?: string): void {
    this.state.seq += 1
    const timer: Timer = { atMs: Math.max(atMs, this.state.clockMs), seq: this.state.seq, kind, target }
    if (data !== undefined) timer.data = data
    const timers = this.state.timers
    // binary search for the first timer that fires later (ties keep insertion order)
    let lo = 0
    let hi = timers.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      const t = timers[mid]!
      if (t.atMs < timer.atMs || (t.atMs === timer.atMs && t.seq < timer.seq)) lo = mid + 1
      else hi = mid
    }
    timers.splice(lo, 0, timer)
  }

  cancelTimers(target: string, kind?: string): void {
    this.state.timers = this.state.timers.filter((t) => t.target !== target || (kind !== undefined && t.kind !== kind))
  }

  /**
   * Advance virtual time by `ms`: accounting runs at every multiple of TICK_MS, timers fire at their exact ms, so
   * the outcome never depends on how a duration is split across calls.
   */
  step(ms: number): void {
    if (!(ms >= 0) || !Number.isFinite(ms)) throw new Error(`step: invalid duration ${ms}`)
    const target = this.state.clockMs + Math.round(ms)
    for (;;) {
      const clock = this.state.clockMs
      const nextTick = (Math.floor(clock / TICK_MS) + 1) * TICK_MS
      const nextTimer = this.state.timers.length > 0 ? this.state.timers[0]!.atMs : Infinity
      const next = Math.min(nextTick, nextTimer)
      if (next > target) {
        this.state.clockMs = target
        return
      }
      this.state.clockMs = next
      while (this.state.timers.length > 0 && this.state.timers[0]!.atMs === next) {
        const timer = this.state.timers.shift()!
        const handler = this.timerHandlers.get(timer.kind)
        if (handler) handler(this, timer)
      }
      if (next === nextTick) {
        for (const handler of this.tickHandlers) handler(this, TICK_MS)
        // a per-second beat for periodic readers (the Engine API's `stats?stream=1`); only when someone listens
        if (next % 1000 === 0 && this.listeners.size > 0) this.emit('clock.second', 'world', `t = ${next / 1000} s`, { internal: true })
      }
    }
  }
}
