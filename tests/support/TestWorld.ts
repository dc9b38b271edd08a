// A world driven the way people drive it: command lines through the Shell (after tldraw's TestEditor).
import { World, parseDurationMs, type ReportInstance, type ReportHost } from '../../src/sim/index.ts'
import { Shell, type ShellOutput } from '../../src/cli/Shell.ts'

export class TestWorld {
  readonly world: World
  readonly shell: Shell
  last: ShellOutput = { stdout: '', stderr: '', exitCode: 0 }

  constructor(options: { seed?: number } = {}) {
    this.world = new World({ seed: options.seed ?? 1 })
    this.shell = new Shell(this.world)
  }

  /** Run lines in order; returns the last output. */
  async run(...lines: string[]): Promise<ShellOutput> {
    for (const line of lines) this.last = await this.shell.run(line)
    return this.last
  }

  /** Run a line that must succeed (exit 0); throws with its stderr otherwise. */
  async ok(line: string): Promise<ShellOutput> {
    const r = await this.shell.run(line)
    if (r.exitCode !== 0) throw new Error(`"${line}" failed (${r.exitCode}): ${r.stderr}`)
    this.last = r
    return r
  }

  advance(duration: string): this {
    const ms = parseDurationMs(duration)
    if (ms === null) throw new Error(`bad duration ${duration}`)
    this.world.step(ms)
    return this
  }

  instance(name: string): ReportInstance {
    const found = this.world.report().instances.filter((i) => i.name === name)
    if (found.length !== 1) throw new Error(`expected one instance named ${name}, found ${found.length}`)
    return found[0]!
  }

  host(name: string): ReportHost {
    const h = this.world.report().hosts.find((x) => x.name === name)
    if (!h) throw new Error(`no host ${name}`)
    return h
  }

  events(type: string): string[] {
    return this.world.report().events.filter((e) => e.type === type).map((e) => e.subject)
  }
}
