// The world: owns every host, VM, engine and container on one virtual clock. Everything that changes it is a
// command (`send`) or the passing of time (`step`); everything else reads it.
import { WorldCore, type Listener } from './WorldCore.ts'
import type { WorldState } from './model/types.ts'
import { fail, ok, type CommandResult } from './model/result.ts'
import type { SimCommand } from './commands/SimCommand.ts'
import { createInitialState, newDaemon, newHost, type SandboxKind } from './sandbox.ts'
import { createVm, deleteVm, onVmHalted, onVmPhase, pauseVm, resumeVm, startVm, stopVm } from './vms.ts'
import { onContainerAutoRemove, onContainerExitTimer, onContainerPhase, onContainerRestart, onHealthCheck } from './engine/containers.ts'
import { onImagePulled } from './engine/images.ts'
import { onImageBuilt } from './engine/build.ts'
import { onExecDone } from './engine/execs.ts'
import { tickWorld } from './resources/accounting.ts'
import { injectFault, onHostReboot } from './faults/faults.ts'
import { buildReport, type Report } from './report.ts'
import { findHost, findVm } from './lookup.ts'
import { runShell } from './engine/shell.ts'
import { GUEST_OSES } from './catalog/guestOses.ts'
import { DOCKER_DESKTOP_VM } from './catalog/hostProfile.ts'

export interface WorldOptions { seed?: number; sandbox?: SandboxKind }

export class World {
  readonly core: WorldCore
  private checkpoints = new Map<string, string>()

  constructor(options: WorldOptions = {}) {
    const seed = options.seed ?? 1
    this.core = new WorldCore(createInitialState(seed, options.sandbox ?? 'default'))
    this.core.onTimer('vm.phase', onVmPhase)
    this.core.onTimer('vm.halted', onVmHalted)
    this.core.onTimer('container.phase', onContainerPhase)
    this.core.onTimer('container.exit', onContainerExitTimer)
    this.core.onTimer('container.restart', onContainerRestart)
    this.core.onTimer('container.autoRemove', onContainerAutoRemove)
    this.core.onTimer('container.health', onHealthCheck)
    this.core.onTimer('image.pulled', onImagePulled)
    this.core.onTimer('image.built', onImageBuilt)
    this.core.onTimer('exec.done', onExecDone)
    this.core.onTimer('host.reboot', onHostReboot)
    this.core.onTick(tickWorld)
    tickWorld(this.core, 0)
  }

  get state(): Readonly<WorldState> {
    return this.core.state
  }

  get clockMs(): number {
    return this.core.clockMs
  }

  step(ms: number): void {
    this.core.step(ms)
  }

  on(listener: Listener): () => void {
    return this.core.on(listener)
  }

  report(): Report {
    return buildReport(this.core.state)
  }

  /** A deep copy of the whole world, as plain JSON text. */
  serialize(): string {
    return JSON.stringify(this.core.state)
  }

  /** Replace the world's state (a checkpoint, an autosave); throws when `text` is not a world. */
  restore(text: string): void {
    const state = JSON.parse(text) as WorldState
    if (!state || typeof state !== 'object' || !Array.isArray(state.hosts) || typeof state.clockMs !== 'number') {
      throw new Error('not a Stacklab world state')
    }
    this.core.state = state
  }

  send(cmd: SimCommand): CommandResult {
    const core = this.core
    const s = core.state
    switch (cmd.type) {
      case 'vm.create':
        return createVm(core, {
          name: cmd.name, os: cmd.os, kind: cmd.kind, docker: cmd.docker, autostart: cmd.autostart,
          ...(cmd.cpus !== undefined && { cpus: cmd.cpus }), ...(cmd.memoryMb !== undefined && { memoryMb: cmd.memoryMb }),
          ...(cmd.diskMb !== undefined && { diskMb: cmd.diskMb }), ...(cmd.host !== undefined && { host: cmd.host })
        })
      case 'vm.start': case 'vm.stop': case 'vm.pause': case 'vm.resume': case 'vm.delete': {
        const vm = findVm(s, cmd.name, cmd.host)
        if (!vm || vm.hidden) return fail(`no such VM: ${cmd.name}`)
        const op = { 'vm.start': startVm, 'vm.stop': stopVm, 'vm.pause': pauseVm, 'vm.resume': resumeVm, 'vm.delete': deleteVm }[cmd.type]
        return op(core, vm)
      }
      case 'vm.list': {
        const rows = s.vms.filter((v) => !v.hidden).map((v) => [v.name, v.host, v.kind === 'microvm' ? 'microvm' : v.os, String(v.cpus), `${v.memoryMb}MiB`, v.state, v.startupMs === null ? '-' : `${(v.startupMs / 1000).toFixed(1)}s`])
        return ok(table(['NAME', 'HOST', 'OS', 'VCPUS', 'MEMORY', 'STATE', 'BOOT'], rows))
      }
      case 'vm.exec': {
        const vm = findVm(s, cmd.name, cmd.host)
        if (!vm || vm.hidden) return fail(`no such VM: ${cmd.name}`)
        if (vm.state !== 'running') return fail(`VM ${vm.name} is ${vm.state}, not running`)
        const kernel = vm.kind === 'microvm' ? '6.1' : (GUEST_OSES[vm.os]?.kernel ?? '?')
        if (cmd.argv[0] === 'analytics' || cmd.argv[0] === '/opt/analytics/analytics') {
          return kernel.startsWith('3.10') ? ok(`analytics 2.3 starting: loading kernel module analytics.ko\nanalytics.ko loaded into kernel ${kernel}: running`)
            : fail(`modprobe: ERROR: could not insert 'analytics': Exec format error (built for 3.10, this guest runs ${kernel})`)
        }
        const r = runShell(cmd.argv, {
          hostname: vm.name, kernel, env: [], processes: [[1, vm.os.startsWith('windows') ? 'System' : '/sbin/init'], [412, 'sshd'], [530, 'sh']],
          files: { '/etc/hostname': `${vm.name}\n` }, reach: () => false, canFork: !vm.forkBomb
        })
        // like a foreground `docker run`, a foreground command may hold the clock for an hour at most
        if (r.durationMs > 3_600_000) return fail(`vm exec: ${cmd.argv.join(' ')} would run for ${Math.round(r.durationMs / 1000)} s; a foreground command may run at most 1 h here`)
        if (r.durationMs > 0) this.step(r.durationMs)
        const text = (r.stdout + r.stderr).replace(/\n$/, '')
        return r.exitCode === 0 ? ok(text) : fail(text || `exit status ${r.exitCode}`)
      }
      case 'host.add': {
        if (findHost(s, cmd.name)) return fail(`a host named ${cmd.name} already exists`)
        if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(cmd.name)) return fail(`invalid host name "${cmd.name}"`)
        const problem = hostProblem(cmd.os ?? 'linux', cmd.hypervisor ?? 'none', cmd.docker ?? false)
        if (problem) return fail(problem)
        const host = newHost({ name: cmd.name, ...definedOnly(cmd) })
        s.hosts.push(host)
        if (host.docker) s.daemons.push(newDaemon(host.name, null, s.seed))
        core.emit('host.added', host.name, `host ${host.name} added (${host.cores} cores, ${host.memoryMb} MiB, ${host.os} ${host.kernel}, hypervisor ${host.hypervisor})`)
        return ok(host.name)
      }
      case 'host.set': {
        const host = findHost(s, cmd.name)
        if (!host) return fail(`no such host: ${cmd.name}`)
        const next = { ...host, ...definedOnly(cmd) }
        const problem = hostProblem(next.os, next.hypervisor, next.docker)
        if (problem) return fail(problem)
        const live = s.vms.some((v) => v.host === host.name && v.state !== 'stopped')
        if (live && (cmd.hypervisor !== undefined || cmd.kernel !== undefined || cmd.os !== undefined)) return fail(`stop the VMs on ${host.name} before changing its OS, kernel or hypervisor`)
        Object.assign(host, definedOnly(cmd))
        if (host.docker && !s.daemons.some((d) => d.id === host.name)) s.daemons.push(newDaemon(host.name, null, s.seed))
        core.emit('host.changed', host.name, `host ${host.name} changed`)
        return ok(host.name)
      }
      case 'host.list': {
        const rows = s.hosts.map((h) => [h.name, h.state, String(h.cores), `${h.memoryMb}MiB`, `${h.os} ${h.kernel}`, h.hypervisor, h.docker ? 'yes' : 'no'])
        return ok(table(['NAME', 'STATE', 'CORES', 'MEMORY', 'OS', 'HYPERVISOR', 'DOCKER'], rows))
      }
      case 'client.use':
        return this.useClient(cmd.location)
      case 'client.dockerHost':
        if (cmd.url !== null && !/^(unix|tcp|ssh|npipe):\/\/\S+$/.test(cmd.url)) return fail(`unable to parse docker host \`${cmd.url}\``)
        s.client.dockerHost = cmd.url
        return ok()
      case 'client.contextCreate':
        if (!/^[a-zA-Z0-9][a-zA-Z0-9_.+-]*$/.test(cmd.name) || cmd.name === 'default') return fail(`context name "${cmd.name}" is invalid`)
        if (s.client.contexts.some((c) => c.name === cmd.name)) return fail(`context "${cmd.name}" already exists`)
        if (!/^(unix|tcp|ssh):\/\/\S+$/.test(cmd.host)) return fail(`unable to parse docker host \`${cmd.host}\``)
        s.client.contexts.push({ name: cmd.name, host: cmd.host, description: cmd.description })
        return ok(`${cmd.name}\nSuccessfully created context "${cmd.name}"`)
      case 'client.contextUse':
        if (cmd.name !== 'default' && !s.client.contexts.some((c) => c.name === cmd.name)) return fail(`context "${cmd.name}" does not exist`)
        s.client.currentContext = cmd.name
        return ok(`${cmd.name}\nCurrent context is now "${cmd.name}"`)
      case 'client.contextRemove':
        if (!s.client.contexts.some((c) => c.name === cmd.name)) return fail(`context "${cmd.name}" does not exist`)
        if (s.client.currentContext === cmd.name) return fail(`cannot remove the current context: use another one first`)
        s.client.contexts = s.client.contexts.filter((c) => c.name !== cmd.name)
        return ok(cmd.name)
      case 'fault':
        return injectFault(core, { kind: cmd.kind, target: cmd.target, ...(cmd.rateMbPerS !== undefined && { rateMbPerS: cmd.rateMbPerS }), ...(cmd.threads !== undefined && { threads: cmd.threads }) })
      case 'checkpoint':
        this.checkpoints.set(cmd.name, this.serialize())
        core.emit('world.checkpointed', cmd.name, `checkpoint ${cmd.name} taken at ${(s.clockMs / 1000).toFixed(1)} s`, { internal: true })
        return ok(`checkpoint ${cmd.name} at ${(s.clockMs / 1000).toFixed(1)} s`)
      case 'rewind': {
        const saved = this.checkpoints.get(cmd.name)
        if (!saved) return fail(`no checkpoint named ${cmd.name}`)
        this.restore(saved)
        core.emit('world.rewound', cmd.name, `rewound to checkpoint ${cmd.name}`, { internal: true })
        return ok(`rewound to ${cmd.name} (${(this.core.state.clockMs / 1000).toFixed(1)} s)`)
      }
      case 'project.write': {
        if (!/^[a-z0-9][a-z0-9_.-]{0,62}$/.test(cmd.name)) return fail(`invalid project name "${cmd.name}": lower-case letters, digits, '_', '.' or '-'`)
        if (!/^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/.test(cmd.path) || cmd.path.split('/').includes('..')) return fail(`invalid file path "${cmd.path}" (relative, no "..")`)
        const bytes = new TextEncoder().encode(cmd.text).length
        if (bytes > 65536) return fail(`${cmd.path} is ${bytes} bytes: project files written here are limited to 64 KiB`)
        let project = s.projects.find((p) => p.name === cmd.name)
        if (!project) s.projects.push((project = { name: cmd.name, files: [] }))
        const file = { path: cmd.path, sizeMb: bytes / 1048576, text: cmd.text }
        const at = project.files.findIndex((f) => f.path === cmd.path)
        if (at >= 0) project.files[at] = file
        else project.files.push(file)
        core.emit('project.written', cmd.name, `${cmd.name}/${cmd.path} written (${bytes} bytes)`)
        return ok(`${cmd.name}/${cmd.path}`)
      }
      case 'project.list':
        return ok(table(['PROJECT', 'FILES', 'SIZE'], s.projects.map((p) => [p.name, String(p.files.length), `${p.files.reduce((n, f) => n + f.sizeMb, 0).toFixed(1)}MB`])))
      case 'project.show': {
        const file = s.projects.find((p) => p.name === cmd.name)?.files.find((f) => f.path === cmd.path)
        if (!file) return fail(`no file ${cmd.path} in project ${cmd.name}`)
        return ok(file.text === undefined ? `(${file.sizeMb.toFixed(1)} MB of binary data)` : file.text.replace(/\n$/, ''))
      }
      case 'wait':
        this.step(cmd.ms)
        return ok()
      case 'report':
        return ok(cmd.json ? JSON.stringify(this.report(), null, 2) : summary(this.report()))
    }
  }

  checkpointNames(): string[] {
    return [...this.checkpoints.keys()]
  }

  private useClient(location: WorldState['client']['location']): CommandResult {
    const s = this.core.state
    s.client.location = location
    if (location === 'docker-desktop') {
      let laptop = findHost(s, 'laptop')
      if (!laptop) {
        laptop = newHost({ name: 'laptop', cores: 8, memoryMb: 16384, diskMb: 512_000, os: 'macos', kernel: '24.1', hypervisor: 'virtualbox', role: 'laptop' })
        s.hosts.push(laptop)
      }
      if (!findVm(s, 'docker-desktop', 'laptop')) {
        createVm(this.core, { name: 'docker-desktop', os: 'alpine-3.20', kind: 'full', cpus: 4, memoryMb: 2048, host: 'laptop', docker: true, hidden: true })
        const vm = findVm(s, 'docker-desktop', 'laptop')!
        startVm(this.core, vm)
        vm.plannedPhases = [{ name: 'vmm-init', ms: 35 }, { name: 'kernel', ms: 1000 }, { name: 'userspace', ms: DOCKER_DESKTOP_VM.bootMs.value - 1035 }]
      }
      return ok(`the docker CLI now runs on a laptop with Docker Desktop: its daemon runs in a hidden Linux VM (${DOCKER_DESKTOP_VM.memoryMb.value} MiB of the laptop's RAM once up)`)
    }
    if (location === 'host') return ok('the docker CLI now runs on container-host and talks to its daemon over unix:///var/run/docker.sock')
    return ok(`the docker CLI now runs on a ${location === 'laptop-macos' ? 'macOS' : 'Windows'} laptop with no daemon of its own: point it at a remote one, e.g. export DOCKER_HOST=ssh://user@container-host`)
  }
}

function hostProblem(os: string, hypervisor: string, docker: boolean): string | null {
  if ((hypervisor === 'esxi' || hypervisor === 'hyper-v') && docker) return `a ${hypervisor} host is a bare-metal hypervisor with no general-purpose OS beside it: run Docker in a Linux guest VM instead (vm create … --docker)`
  if (hypervisor === 'kvm' && os !== 'linux') return 'KVM is part of the Linux kernel: a kvm host must run linux'
  if (docker && os !== 'linux') return 'the Docker engine needs a Linux kernel: on macOS and Windows it runs in a Linux VM (client use docker-desktop)'
  if (hypervisor === 'esxi' && os !== 'linux') return null
  return null
}

function definedOnly<T extends object>(cmd: T): Partial<Record<string, unknown>> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(cmd)) if (v !== undefined && k !== 'type' && k !== 'name') out[k] = v
  return out
}

export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]! + 3))).join('')
  return [line(headers), ...rows.map(line)].join('\n')
}

function summary(r: Report): string {
  const hosts = r.hosts.map((h) => `${h.name}: ${h.state}, CPU ${h.cpuPercent}%, RAM ${h.memoryUsedMb}/${h.memoryMb} MiB, PIDs ${h.pidsUsed}${h.breachedBy ? `, breached by ${h.breachedBy}` : ''}`)
  const inst = r.instances.map((i) => `${i.kind === 'vm' ? 'VM' : 'container'} ${i.name} on ${i.parent ?? i.host}: ${i.state}` +
    `${i.startupMs !== null ? `, started in ${i.startupMs} ms` : ''}, ${i.memoryMb} MiB${i.exitCode !== null ? `, exit ${i.exitCode}` : ''}${i.oomKilled ? ' (OOM-killed)' : ''}`)
  return [`t = ${(r.clockMs / 1000).toFixed(1)} s`, ...hosts, ...inst].join('\n')
}
