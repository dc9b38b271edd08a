// CPU and memory of each server host, sampled once per virtual second into plain arrays for uPlot. The
// charts read them on their own timer; nothing here causes a React render.
import type { WorldState } from '../../../sim/index.ts'

export const SAMPLE_EVERY_MS = 1000
const MAX_SAMPLES = 900

export interface ChartSeries {
  readonly hosts: readonly string[]
  /** seconds of virtual time */
  readonly t: number[]
  /** per host, in host order */
  readonly cpuPercent: number[][]
  readonly memoryGib: number[][]
  readonly version: number
}

export class ChartSamples implements ChartSeries {
  hosts: string[] = []
  t: number[] = []
  cpuPercent: number[][] = []
  memoryGib: number[][] = []
  version = 0

  clear(): void {
    this.hosts = []
    this.t = []
    this.cpuPercent = []
    this.memoryGib = []
    this.version++
  }

  record(state: Readonly<WorldState>): void {
    const servers = state.hosts.filter((h) => h.role === 'server')
    if (servers.length !== this.hosts.length || servers.some((h, i) => h.name !== this.hosts[i])) {
      // the set of hosts changed (host add, a restore): start the series again
      this.clear()
      this.hosts = servers.map((h) => h.name)
      this.cpuPercent = servers.map(() => [])
      this.memoryGib = servers.map(() => [])
    }
    const seconds = state.clockMs / 1000
    const last = this.t[this.t.length - 1]
    if (last !== undefined && seconds <= last) {
      if (seconds < last) this.truncate(seconds)
      else return
    }
    this.t.push(seconds)
    servers.forEach((h, i) => {
      this.cpuPercent[i]!.push(Math.round(h.cpuPercent * 10) / 10)
      this.memoryGib[i]!.push(Math.round((h.memoryUsedMb / 1024) * 100) / 100)
    })
    if (this.t.length > MAX_SAMPLES) {
      const drop = this.t.length - MAX_SAMPLES
      this.t.splice(0, drop)
      for (const series of [...this.cpuPercent, ...this.memoryGib]) series.splice(0, drop)
    }
    this.version++
  }

  /** After a rewind: forget samples from the future. */
  truncate(seconds: number): void {
    let keep = this.t.length
    while (keep > 0 && this.t[keep - 1]! >= seconds) keep--
    if (keep === this.t.length) return
    this.t.length = keep
    for (const series of [...this.cpuPercent, ...this.memoryGib]) series.length = keep
    this.version++
  }
}
