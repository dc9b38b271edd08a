// The blast radius of a fault, read from the world: what it hit, what kept running, which boundary held or failed,
// and a caption in plain words. Everything here is derived from the state and the events emitted since the fault,
// so it follows the world as time passes (a leak that meets its limit later, a host that reboots).
import { catalog, type ContainerState, type DaemonState, type HostState, type SimEvent, type VmState, type WorldState } from '../../../sim/index.ts'
import type { BlastEntry, BoundaryView, FaultKind, SideView, Suggestion, Verdict } from '../ui/labTypes'

export interface FaultRun {
  readonly fault: FaultKind
  readonly key: string
  readonly line: string
}

/** What an instance looked like just before the fault. */
export interface Before {
  readonly up: boolean
  readonly gen: number
}

export interface ExperimentRecord {
  readonly runs: readonly FaultRun[]
  /** world.state.events.length before the first fault */
  readonly startIndex: number
  readonly atMs: number
  readonly before: Readonly<Record<string, Before>>
  readonly mode: 'single' | 'compare'
}

export const FAULT_LABELS: Record<FaultKind, string> = {
  panic: 'Kernel panic',
  leak: 'Memory leak',
  'cpu-hog': 'CPU hog',
  'fork-bomb': 'Fork bomb',
  'disk-fill': 'Disk fill',
  escape: 'Escape attempt'
}

interface Inst {
  readonly key: string
  readonly kind: 'vm' | 'container'
  readonly name: string
  /** the physical host */
  readonly host: string
  /** the VM a container runs in, if any */
  readonly inVm: VmState | null
  readonly where: string
  readonly up: boolean
  readonly gen: number
  readonly vm: VmState | null
  readonly c: ContainerState | null
  readonly daemon: DaemonState | null
}

const vmUp = (vm: VmState): boolean => vm.state === 'running' || vm.state === 'paused' || vm.state === 'starting'
const ctrUp = (c: ContainerState): boolean => c.state === 'running' || c.state === 'paused' || c.state === 'starting'

export function listInstances(s: Readonly<WorldState>): Inst[] {
  const out: Inst[] = []
  for (const vm of s.vms) {
    if (vm.hidden) continue
    out.push({ key: 'vm:' + vm.id, kind: 'vm', name: vm.name, host: vm.host, inVm: null, where: vm.host, up: vmUp(vm), gen: vm.gen, vm, c: null, daemon: null })
  }
  for (const daemon of s.daemons) {
    const inVm = daemon.onVm ? (s.vms.find((v) => v.id === daemon.onVm) ?? null) : null
    if (inVm?.hidden) continue
    const host = inVm ? inVm.host : daemon.id
    for (const c of daemon.containers) {
      if (c.state === 'removed') continue
      out.push({ key: 'ctr:' + c.id, kind: 'container', name: c.name, host, inVm, where: inVm ? `VM ${inVm.name}` : host, up: ctrUp(c), gen: c.gen, vm: null, c, daemon })
    }
  }
  return out
}

export function snapshotBefore(s: Readonly<WorldState>): Record<string, Before> {
  const before: Record<string, Before> = {}
  for (const i of listInstances(s)) before[i.key] = { up: i.up, gen: i.gen }
  return before
}

export function findInstance(s: Readonly<WorldState>, key: string): Inst | null {
  return listInstances(s).find((i) => i.key === key) ?? null
}

/** The events since the experiment began, if the world still is after it (not rewound or replaced). */
export function eventsSince(s: Readonly<WorldState>, record: ExperimentRecord): readonly SimEvent[] | null {
  if (s.clockMs < record.atMs || s.events.length <= record.startIndex) return null
  const first = s.events[record.startIndex]
  if (!first || first.type !== 'fault.injected' || first.atMs !== record.atMs) return null
  return s.events.slice(record.startIndex)
}

/** How long a panicked host takes to come back: a model assumption of the catalog. */
const REBOOT_S = Math.round(catalog.HOST_PROFILE.rebootMs.value / 1000)

const mib = (mb: number): string => (mb >= 1024 ? `${(mb / 1024).toFixed(1)} GiB` : `${Math.round(mb)} MiB`)
const cpusText = (n: number): string => `${n} CPU${n === 1 ? '' : 's'}`

function list(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? ''
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`
}

function exitOf(events: readonly SimEvent[], name: string): { code: number | null; oom: boolean; restarted: boolean } {
  let code: number | null = null
  let oom = false
  let restarted = false
  for (const e of events) {
    if (e.subject !== name) continue
    if (e.type === 'container.exited') {
      const m = /exited with code (\d+)/.exec(e.message)
      if (m) code = Number(m[1])
    } else if (e.type === 'container.oomKilled') oom = true
    else if (e.type === 'container.restarted') restarted = true
  }
  return { code, oom, restarted }
}

/** Hit, affected or safe, and why in a few words. */
function judge(i: Inst, before: Before, s: Readonly<WorldState>, events: readonly SimEvent[], run: FaultRun, target: Inst | null): { verdict: Verdict; detail: string } {
  const isSource = i.key === run.key
  const down = !i.up || i.gen !== before.gen
  if (i.kind === 'container' && i.c) {
    const c = i.c
    if (down) {
      const exit = exitOf(events, c.name)
      const code = exit.code ?? c.exitCode
      const how = exit.oom || c.oomKilled ? `OOM-killed (exit ${code ?? 137})` : `exited (${code ?? '?'})`
      const back = i.up ? `, restarted (--restart ${c.hostConfig.restartPolicy})` : c.state === 'restarting' ? ', restarting' : ''
      return { verdict: 'hit', detail: how + back }
    }
  } else if (i.vm) {
    if (down) {
      const crashed = events.some((e) => e.type === 'vm.crashed' && e.subject === i.name)
      return { verdict: 'hit', detail: i.up ? 'crashed, started again' : crashed || i.vm.state === 'crashed' ? 'crashed' : i.vm.state }
    }
  }
  const host = s.hosts.find((h) => h.name === i.host)
  const reasons: string[] = []
  if (isSource) {
    const detail = sourceDetail(run.fault, i, events, host)
    // the attacker whose escape was blocked reached nothing, itself included
    if (run.fault === 'escape' && !events.some((e) => e.type === 'fault.escaped' && e.subject === i.name)) return { verdict: 'safe', detail }
    return { verdict: 'affected', detail }
  }
  if (host && !i.inVm) {
    if (host.pidsUsed >= host.pidMax && events.some((e) => e.type === 'host.pidsExhausted' && e.subject === host.name)) reasons.push('cannot fork: no PIDs left on the host')
    if (host.diskFull && events.some((e) => e.type === 'host.diskFull' && e.subject === host.name)) {
      reasons.push(i.kind === 'vm' ? 'its disk image cannot grow' : 'writes fail: no space left on device')
    }
    if (host.breachedBy && !isSource) reasons.push(`reachable by ${host.breachedBy} (host breached)`)
    if (run.fault === 'cpu-hog' && !isSource && target && target.host === i.host && !target.inVm && target.c && target.c.hostConfig.cpus === null && host.cpuPercent >= 99) {
      reasons.push('gets less CPU')
    }
  }
  if (reasons.length > 0) return { verdict: 'affected', detail: reasons.join('; ') }
  return { verdict: 'safe', detail: i.kind === 'vm' && i.vm?.state === 'paused' ? 'paused, untouched' : 'kept running' }
}

function sourceDetail(fault: FaultKind, i: Inst, events: readonly SimEvent[], host: HostState | undefined): string {
  const hostSeen = (type: string): boolean => !!host && !i.inVm && events.some((e) => e.type === type && e.subject === host.name)
  switch (fault) {
    case 'leak':
      if (i.vm && events.some((e) => e.type === 'vm.guestOomKilled' && e.subject === i.name)) return 'its guest OOM killer ended the leak'
      return i.vm ? `leaking inside its ${mib(i.vm.memoryMb)}` : 'leaking'
    case 'cpu-hog': {
      const pct = Math.round((i.vm ?? i.c)!.cpuPercent)
      return `busy: ${pct.toLocaleString('en-US')} % CPU`
    }
    case 'fork-bomb':
      if (i.c && events.some((e) => e.type === 'container.pidsLimitReached' && e.subject === i.name)) return `fork() fails inside it (pids.max ${i.c.hostConfig.pidsLimit})`
      if (hostSeen('host.pidsExhausted')) return "forking: took every PID on the host"
      return i.vm ? `its own PID table is full (${i.vm.pids.toLocaleString('en-US')} processes)` : 'forking'
    case 'disk-fill':
      if (i.vm && events.some((e) => e.type === 'vm.diskFull' && e.subject === i.name)) return 'its own disk image is full'
      if (hostSeen('host.diskFull')) return "filled the host's disk"
      return 'writing to disk'
    case 'escape':
      return events.some((e) => e.type === 'fault.escaped' && e.subject === i.name) ? 'escaped to the host' : 'its escape was blocked'
    case 'panic':
      return 'panicked'
  }
}

/** Which layer held the fault or let it through, once the outcome shows. */
function boundariesFor(run: FaultRun, t: Inst, s: Readonly<WorldState>, events: readonly SimEvent[]): BoundaryView[] {
  const host = t.host
  const seen = (type: string, subject: string): boolean => events.some((e) => e.type === type && e.subject === subject)
  const inVm = t.inVm
  const hypervisorHeld = (): BoundaryView => ({ layerId: `hypervisor@${host}`, held: true, what: `the hypervisor on ${host}`, tag: 'hypervisor' })
  switch (run.fault) {
    case 'panic':
      if (t.kind === 'vm') {
        return [{ layerId: `guest-kernel@${t.key}`, held: false, what: `${t.name}'s own guest kernel`, tag: 'guest kernel' }, hypervisorHeld()]
      }
      if (inVm) {
        return [{ layerId: `guest-kernel@vm:${inVm.id}`, held: false, what: `VM ${inVm.name}'s guest kernel, shared by its containers`, tag: 'guest kernel' }, hypervisorHeld()]
      }
      return [{ layerId: `shared-kernel@${host}`, held: false, what: `the one kernel of ${host}, shared by every container`, tag: 'shared kernel' }]
    case 'leak': {
      if (t.vm) return seen('vm.guestOomKilled', t.name) ? [{ layerId: `guest-kernel@${t.key}`, held: true, what: `${t.name}'s guest kernel and its ${mib(t.vm.memoryMb)} of RAM`, tag: 'guest kernel' }] : []
      const oom = events.find((e) => e.type === 'container.oomKilled')
      if (!oom) return []
      if (/cgroup/.test(oom.message) && t.c?.hostConfig.memoryMb != null) {
        return [{ layerId: t.key, held: true, what: `${t.name}'s cgroup limit (memory.max ${mib(t.c.hostConfig.memoryMb)})`, tag: 'cgroup memory.max' }]
      }
      if (inVm) return [{ layerId: `guest-kernel@vm:${inVm.id}`, held: true, what: `VM ${inVm.name}'s guest kernel and its RAM`, tag: 'guest kernel' }]
      return [{ layerId: `ram@${host}`, held: false, what: `${host}'s RAM, shared with no limit`, tag: 'host RAM' }]
    }
    case 'cpu-hog':
      if (t.vm) return [{ layerId: `vm-hardware@${t.key}`, held: true, what: `${t.name}'s ${t.vm.cpus} vCPU${t.vm.cpus === 1 ? '' : 's'}`, tag: `${t.vm.cpus} vCPU` }]
      if (t.c?.hostConfig.cpus != null) return [{ layerId: t.key, held: true, what: `${t.name}'s cgroup limit (cpu.max, ${cpusText(t.c.hostConfig.cpus)})`, tag: 'cgroup cpu.max' }]
      if (inVm) return [{ layerId: `vm-hardware@vm:${inVm.id}`, held: true, what: `VM ${inVm.name}'s vCPUs`, tag: 'vCPUs' }]
      return [{ layerId: `cores@${host}`, held: false, what: `${host}'s cores, shared with no --cpus limit`, tag: 'shared cores' }]
    case 'fork-bomb':
      if (t.vm) return [{ layerId: `guest-kernel@${t.key}`, held: true, what: `${t.name}'s own kernel and its own PID table`, tag: 'own PID table' }]
      if (seen('container.pidsLimitReached', t.name)) return [{ layerId: t.key, held: true, what: `${t.name}'s cgroup limit (pids.max ${t.c?.hostConfig.pidsLimit ?? '?'})`, tag: 'cgroup pids.max' }]
      if (seen('host.pidsExhausted', host) && !inVm) return [{ layerId: `shared-kernel@${host}`, held: false, what: `${host}'s kernel and its one PID table`, tag: 'shared PID table' }]
      return []
    case 'disk-fill':
      if (t.vm) return seen('vm.diskFull', t.name) ? [{ layerId: `vm-hardware@${t.key}`, held: true, what: `${t.name}'s own disk image`, tag: 'own disk image' }] : []
      if (seen('host.diskFull', host)) return [{ layerId: `disk@${host}`, held: false, what: `${host}'s disk, shared by every container`, tag: 'shared disk' }]
      return []
    case 'escape':
      if (t.vm) return [hypervisorHeld()]
      if (seen('fault.escaped', t.name)) {
        return inVm ? [{ layerId: `guest-kernel@vm:${inVm.id}`, held: false, what: `VM ${inVm.name}'s kernel`, tag: 'guest kernel' }, hypervisorHeld()]
          : [{ layerId: `shared-kernel@${host}`, held: false, what: `${host}'s kernel`, tag: 'host kernel' }]
      }
      return [{ layerId: t.key, held: true, what: `${t.name}'s seccomp profile and dropped capabilities`, tag: 'seccomp + caps' }]
  }
  return []
}

function afterColon(message: string, marker: string): string {
  const at = message.indexOf(marker)
  return at < 0 ? message : message.slice(at + marker.length)
}

/** One or two plain sentences: what happened and why. */
function captionFor(run: FaultRun, t: Inst, s: Readonly<WorldState>, events: readonly SimEvent[], entries: readonly BlastEntry[], scoped: boolean): { caption: string; pending: boolean; now: string | null } {
  const host = s.hosts.find((h) => h.name === t.host)
  const hostName = t.host
  const who = `${t.kind === 'vm' ? 'VM' : 'Container'} ${t.name}`
  const seen = (type: string, subject?: string): SimEvent | undefined => events.find((e) => e.type === type && (subject === undefined || e.subject === subject))
  const hit = entries.filter((e) => e.verdict === 'hit' && e.kind !== 'host')
  const elsewhere = entries.filter((e) => e.kind !== 'host' && e.verdict !== 'hit' && !e.source)
  switch (run.fault) {
    case 'panic': {
      if (t.kind === 'vm') {
        const others = elsewhere.length
        return {
          caption: `${who} runs its own kernel, so its panic took down that VM alone. ` +
            (others > 0 ? `The hypervisor kept the failure inside that VM: ${others <= 4 ? list(elsewhere.map((e) => e.name)) : `the other ${others} instances`} kept running.` : 'The hypervisor and the host carried on.'),
          pending: false, now: null
        }
      }
      if (t.inVm) {
        return {
          caption: `The container shared VM ${t.inVm.name}'s guest kernel, so its panic took down ${t.inVm.name} and every container in it. ` +
            `${hostName} and its other VMs carried on: the hypervisor kept the failure inside that VM.`,
          pending: false, now: null
        }
      }
      const vmsDown = hit.filter((e) => e.kind === 'vm').map((e) => e.name)
      const ctrsDown = hit.filter((e) => e.kind === 'container').length
      const containers = ctrsDown === 1 ? 'the only container' : ctrsDown === 2 ? 'both containers' : `all ${ctrsDown} containers`
      const victims = [containers, ...(vmsDown.length ? [`the VM${vmsDown.length > 1 ? 's' : ''} ${list(vmsDown)}`] : [])]
      const first = `The container shared ${hostName}'s kernel, so its panic took down ${list(victims)} on ${hostName}.`
      const otherVms = !scoped ? entries.filter((e) => e.kind === 'vm' && e.verdict !== 'hit').map((e) => e.where) : []
      const otherHosts = [...new Set(otherVms)]
      let second: string
      if (seen('host.booted', hostName)) {
        const back = entries.filter((e) => e.kind === 'container' && e.verdict === 'hit' && /restarted/.test(e.detail)).map((e) => e.name)
        const c = entries.filter((e) => e.kind === 'container' && e.verdict === 'hit')
        const stayed = c.filter((e) => !back.includes(e.name)).map((e) => e.name)
        second = `The host rebooted; ${back.length ? `${list(back)} came back through ${back.length === 1 ? 'its' : 'their'} restart policy` : 'no container came back by itself'}` +
          `${stayed.length ? ` and ${list(stayed)} stayed down` : ''}.`
      } else {
        second = `The host reboots, which takes ${REBOOT_S} s (a model assumption).`
      }
      if (otherHosts.length) second += ` The VMs on ${list(otherHosts)} run their own kernels and kept going.`
      return { caption: `${first} ${second}`, pending: false, now: null }
    }
    case 'leak': {
      if (t.vm) {
        const ev = seen('vm.guestOomKilled', t.name)
        if (ev) {
          return {
            caption: `${who}'s own kernel ran out of its ${mib(t.vm.memoryMb)} of RAM, and its OOM killer ended the leaking process inside the guest; the VM kept running. ` +
              `The host never gives a VM more than its RAM, so nothing outside ${t.name} was touched.`,
            pending: false, now: null
          }
        }
        return {
          caption: `${who} is leaking memory inside its own ${mib(t.vm.memoryMb)} of RAM. Jump ahead to see the guest's own OOM killer act.`,
          pending: true, now: `guest memory in use: ${mib(t.vm.guestUsedMb)} of ${mib(t.vm.memoryMb)}`
        }
      }
      const c = t.c!
      const oom = events.find((e) => e.type === 'container.oomKilled')
      if (oom) {
        const victim = oom.subject
        const restarted = entries.find((e) => e.name === victim && e.kind === 'container')?.detail.includes('restarted')
        if (/cgroup/.test(oom.message)) {
          return {
            caption: `${who} reached its memory limit (memory.max ${mib(c.hostConfig.memoryMb ?? 0)}), so its own cgroup's OOM killer ended it: exit 137, OOMKilled true. ` +
              `Nothing else was touched: the limit kept the leak inside the container.`,
            pending: false, now: null
          }
        }
        if (/guest kernel/.test(oom.message) && t.inVm) {
          return {
            caption: `VM ${t.inVm.name} ran out of its own RAM and its guest kernel OOM-killed ${victim} (exit 137). ${t.inVm.host} and its other VMs were not touched.`,
            pending: false, now: null
          }
        }
        const other = victim !== t.name
        return {
          caption: `With no --memory limit the leak could take all of ${hostName}'s RAM; when it ran out, the host's OOM killer ended ${victim} (exit 137)` +
            `${other ? `, a neighbour, not the leaking ${t.name}` : ', the process with the highest oom score'}. ` +
            `${restarted ? `${victim} came back through its restart policy. ` : ''}A --memory limit would have stopped it inside its own cgroup.`,
          pending: false, now: null
        }
      }
      const free = host ? host.memoryMb - host.memoryUsedMb : 0
      const rate = c.leakRateMbPerS
      const limit = c.hostConfig.memoryMb
      return {
        caption: limit !== null
          ? `${who} is leaking ${mib(rate)}/s towards its memory limit of ${mib(limit)}. Jump ahead to see the cgroup's OOM killer act.`
          : `${who} is leaking ${mib(rate)}/s with no memory limit: it can take ${hostName}'s RAM until the host's OOM killer steps in. Jump ahead to see who it picks.`,
        pending: true,
        now: limit !== null
          ? `${mib(c.memoryMb)} of ${mib(limit)} used`
          : `${mib(c.memoryMb)} used; ${mib(Math.max(0, free))} of ${hostName}'s RAM still free${rate > 0 ? ` (about ${Math.ceil(Math.max(0, free) / rate)} s at this rate)` : ''}`
      }
    }
    case 'cpu-hog': {
      const pct = Math.round((t.vm ?? t.c)!.cpuPercent)
      if (t.vm) {
        return {
          caption: `${who}'s hog is bounded by its ${t.vm.cpus} vCPU${t.vm.cpus === 1 ? '' : 's'}: it can use at most ${t.vm.cpus * 100} % CPU, and the host's other cores stay free for its neighbours.`,
          pending: false, now: `${t.name}: ${pct.toLocaleString('en-US')} % CPU`
        }
      }
      const c = t.c!
      if (c.hostConfig.cpus !== null) {
        return {
          caption: `${who}'s --cpus ${c.hostConfig.cpus} limit (the cgroup's cpu.max) holds it to ${Math.round(c.hostConfig.cpus * 100)} % CPU, however many threads it runs. Its neighbours keep their share.`,
          pending: false, now: `${t.name}: ${pct.toLocaleString('en-US')} % CPU`
        }
      }
      const starved = entries.filter((e) => e.verdict === 'affected' && !e.source).map((e) => e.name)
      return {
        caption: `${who} has no --cpus limit, so its busy threads take as much of ${hostName}'s ${host?.cores ?? '?'} cores as they can (${pct.toLocaleString('en-US')} % CPU). ` +
          (starved.length ? `${list(starved)} now get${starved.length === 1 ? 's' : ''} less CPU; --cpus or CPU weights would contain it.` : 'Its neighbours share what is left; --cpus or CPU weights would contain it.'),
        pending: false, now: host ? `${hostName}: ${Math.round(host.cpuPercent)} % of all cores busy` : null
      }
    }
    case 'fork-bomb': {
      if (t.vm) {
        return {
          caption: `The fork bomb filled ${t.name}'s own PID table inside the guest. The host sees one VMM process with ${t.vm.cpus} vCPU thread${t.vm.cpus === 1 ? '' : 's'}, so other VMs and containers can still start processes.`,
          pending: false, now: `processes inside ${t.name}: ${t.vm.pids.toLocaleString('en-US')}`
        }
      }
      const c = t.c!
      if (seen('container.pidsLimitReached', t.name)) {
        return {
          caption: `The fork bomb stopped at ${t.name}'s --pids-limit of ${c.hostConfig.pidsLimit}: fork() now fails inside ${t.name} only. Its neighbours can still start processes.`,
          pending: false, now: null
        }
      }
      if (seen('host.pidsExhausted', hostName) && !t.inVm) {
        return {
          caption: `${who} has no --pids-limit (Docker's default), so its fork bomb used every PID of ${hostName}'s one kernel. ` +
            `No process anywhere on ${hostName} can start now, neighbours included; they keep running but cannot fork.`,
          pending: false, now: host ? `${hostName}: ${host.pidsUsed.toLocaleString('en-US')} of ${host.pidMax.toLocaleString('en-US')} PIDs` : null
        }
      }
      return {
        caption: c.hostConfig.pidsLimit !== null
          ? `${who} is forking towards its --pids-limit of ${c.hostConfig.pidsLimit}. Jump ahead to see the cgroup stop it.`
          : `${t.name} is forking with no --pids-limit (Docker's default). Jump ahead to see ${hostName}'s PID table fill up.`,
        pending: true, now: `PIDs in ${t.name}: ${c.pids.toLocaleString('en-US')}`
      }
    }
    case 'disk-fill': {
      if (t.vm) {
        if (seen('vm.diskFull', t.name)) {
          return {
            caption: `${who} filled its own ${mib(t.vm.diskMb)} disk image: writes now fail inside that guest only. The host's disk was not touched.`,
            pending: false, now: null
          }
        }
        return { caption: `${who} is writing to its own disk image (${mib(t.vm.diskMb)}). Jump ahead to see it fill.`, pending: true, now: `${mib(t.vm.diskUsedMb)} of ${mib(t.vm.diskMb)} used` }
      }
      if (seen('host.diskFull', hostName)) {
        return {
          caption: `${who}'s writable layer lives on ${hostName}'s disk, so filling it filled the host's disk. Every container writing to it now gets "No space left on device".`,
          pending: false, now: null
        }
      }
      return {
        caption: `${who} is writing to its writable layer, which lives on ${t.inVm ? `VM ${t.inVm.name}'s disk` : `${hostName}'s disk`}. Jump ahead to see it fill.`,
        pending: true, now: host ? `${hostName}'s disk: ${mib(host.diskUsedMb)} of ${mib(host.diskMb)}` : null
      }
    }
    case 'escape': {
      const escaped = seen('fault.escaped', t.name)
      if (t.vm) {
        return {
          caption: `The escape from ${t.name} failed at the hypervisor: the guest never makes system calls to the host's kernel, only VM exits and hypercalls to its VMM. Nothing outside ${t.name} was reached.`,
          pending: false, now: null
        }
      }
      if (escaped) {
        return {
          caption: `The escape from ${t.name} ${afterColon(escaped.message, `escape from ${t.name} `)}. A default container would have been stopped by seccomp and its dropped capabilities.`,
          pending: false, now: null
        }
      }
      const blocked = seen('fault.escapeBlocked', t.name)
      return {
        caption: blocked ? `The escape from ${t.name} was blocked: ${afterColon(blocked.message, 'blocked: ')}. Nothing outside ${t.name} was reached.` : `The escape from ${t.name} was blocked.`,
        pending: false, now: null
      }
    }
  }
}

function hostEntry(h: HostState, events: readonly SimEvent[]): BlastEntry {
  const ev = (type: string): boolean => events.some((e) => e.type === type && e.subject === h.name)
  let verdict: Verdict = 'safe'
  let detail = 'kept running'
  if (ev('host.panicked')) {
    verdict = 'hit'
    detail = h.state === 'up' ? 'kernel panicked, rebooted' : h.state === 'rebooting' ? `kernel panicked, rebooting (${REBOOT_S} s, model assumption)` : `kernel panicked; reboots in about ${REBOOT_S} s (model assumption)`
  } else {
    const reasons: string[] = []
    if (h.pidsUsed >= h.pidMax && ev('host.pidsExhausted')) reasons.push('out of PIDs')
    if (h.diskFull && ev('host.diskFull')) reasons.push('disk full')
    if (h.breachedBy) reasons.push(`breached by ${h.breachedBy}`)
    if (events.some((e) => (e.type === 'container.oomKilled' || e.type === 'vm.crashed') && e.message.includes(`${h.name} ran out of memory`)) ||
      events.some((e) => e.type === 'vm.crashed' && e.message.includes(`when ${h.name} ran out of memory`))) reasons.push("ran out of memory: its OOM killer acted")
    if (reasons.length) {
      verdict = 'affected'
      detail = reasons.join('; ')
    }
  }
  return { key: `host:${h.name}`, kind: 'host', name: h.name, where: h.name, host: h.name, verdict, detail, source: false }
}

/** One side of the result: the whole world for a single fault, or one target's host for a comparison. */
export function sideView(s: Readonly<WorldState>, record: ExperimentRecord, run: FaultRun, events: readonly SimEvent[]): SideView | null {
  const t = findInstance(s, run.key)
  if (!t) return null
  const scoped = record.mode === 'compare'
  const entries: BlastEntry[] = []
  for (const i of listInstances(s)) {
    const before = record.before[i.key]
    if (!before?.up) continue
    if (scoped && i.host !== t.host) continue
    const { verdict, detail } = judge(i, before, s, events, run, t)
    entries.push({ key: i.key, kind: i.kind, name: i.name, where: i.where, host: i.host, verdict, detail, source: i.key === run.key })
  }
  const hosts = s.hosts.filter((h) => h.role === 'server' && (!scoped || h.name === t.host)).map((h) => hostEntry(h, events))
  entries.push(...hosts)
  const rank: Record<Verdict, number> = { hit: 0, affected: 1, safe: 2 }
  entries.sort((a, b) => rank[a.verdict] - rank[b.verdict] || Number(b.source) - Number(a.source) || (a.kind === 'host' ? 1 : 0) - (b.kind === 'host' ? 1 : 0))
  const { caption, pending, now } = captionFor(run, t, s, events, entries, scoped)
  const instances = entries.filter((e) => e.kind !== 'host')
  const hostOfTarget = entries.find((e) => e.kind === 'host' && e.name === t.host)
  return {
    key: t.key, kind: t.kind, name: t.name, host: t.host,
    title: `${t.kind === 'vm' ? 'VM' : 'Container'} ${t.name} on ${t.where}`,
    caption, pending, now, entries,
    boundaries: pending && run.fault !== 'cpu-hog' ? [] : boundariesFor(run, t, s, events),
    target: {
      state: t.vm ? t.vm.state : t.c!.state,
      exitCode: t.c ? t.c.exitCode : null,
      oomKilled: t.c ? t.c.oomKilled : false
    },
    died: instances.filter((e) => e.verdict === 'hit').map((e) => e.name),
    keptRunning: instances.filter((e) => e.verdict !== 'hit').map((e) => e.name),
    hostDid: hostOfTarget ? hostOfTarget.detail : 'kept running'
  }
}

/** The limit that would contain this fault next time, for a container; null when no flag helps. */
export function suggestionFor(fault: FaultKind, s: Readonly<WorldState>, key: string): Suggestion | null {
  const t = findInstance(s, key)
  if (!t?.c) return null
  const hc = t.c.hostConfig
  switch (fault) {
    case 'leak': {
      if (hc.memoryMb !== null) return null
      const mb = t.c.baseMemoryMb > 200 ? 1024 : 256
      return { label: `Run again with --memory ${mb}m`, flag: `--memory ${mb}m`, why: 'a cgroup memory limit: the leak ends in its own OOM kill, nothing else is touched' }
    }
    case 'fork-bomb':
      return hc.pidsLimit !== null ? null : { label: 'Run again with --pids-limit 100', flag: '--pids-limit 100', why: 'a cgroup PID limit: the bomb stops inside the container' }
    case 'cpu-hog':
      return hc.cpus !== null ? null : { label: 'Run again with --cpus 1', flag: '--cpus 1', why: 'a cgroup CPU limit: the hog gets one core at most' }
    case 'escape':
      return hc.privileged ? { label: 'Run again without --privileged', flag: '--no-privileged', why: 'the default seccomp profile and capabilities block the breakout' } : null
    default:
      return null
  }
}

/** `docker run` for the same container with a flag added (or --privileged dropped), to rerun an experiment with a limit. */
export function rerunLines(s: Readonly<WorldState>, key: string, flag: string): string[] | null {
  const t = findInstance(s, key)
  if (!t?.c || !t.daemon) return null
  const c = t.c
  const hc = c.hostConfig
  const prefix = t.inVm ? `docker -H ssh://root@${t.inVm.name}` : 'docker'
  const args: string[] = ['run', '-d', '--name', c.name]
  if (hc.restartPolicy !== 'no') args.push('--restart', hc.restartPolicy === 'on-failure' && hc.maximumRetryCount > 0 ? `on-failure:${hc.maximumRetryCount}` : hc.restartPolicy)
  for (const p of hc.portBindings) args.push('-p', `${p.hostPort}:${p.containerPort}${p.protocol === 'udp' ? '/udp' : ''}`)
  const set = (name: string): boolean => flag.startsWith(name)
  if (hc.memoryMb !== null && !set('--memory')) args.push('--memory', `${hc.memoryMb}m`)
  if (hc.cpus !== null && !set('--cpus')) args.push('--cpus', String(hc.cpus))
  if (hc.pidsLimit !== null && !set('--pids-limit')) args.push('--pids-limit', String(hc.pidsLimit))
  if (hc.privileged && flag !== '--no-privileged') args.push('--privileged')
  if (hc.networkMode !== 'default' && hc.networkMode !== 'bridge') args.push('--network', hc.networkMode)
  for (const b of hc.binds) args.push('-v', b)
  if (flag !== '--no-privileged') args.push(...flag.split(' '))
  args.push(c.imageRef)
  if (c.config.cmd) args.push(...c.config.cmd.map(quote))
  return [`${prefix} rm -f ${c.name}`, `${prefix} ${args.join(' ')}`]
}

function quote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`
}

export function faultLine(fault: FaultKind, name: string, options: { rateMbPerS?: number; threads?: number }): string {
  let line = `fault ${fault} ${name}`
  if ((fault === 'leak' || fault === 'disk-fill') && options.rateMbPerS) line += ` --rate ${options.rateMbPerS}m/s`
  if (fault === 'cpu-hog' && options.threads) line += ` --threads ${options.threads}`
  return line
}
