// The blast radius of a fault, read from the world: what it hit, what kept running, which boundary held or failed,
// and a caption in plain words. Everything here is derived from the state and the events emitted since the fault,
// so it follows the world as time passes (a leak that meets its limit later, a host that reboots).
import { catalog, type ContainerState, type DaemonState, type HostState, type SimEvent, type VmState, type WorldState } from '../../../sim/index.ts'
import type { BlastEntry, BoundaryView, FaultKind, SideView, Suggestion, Verdict } from '../ui/labTypes'
import { currentLanguage, t as tr } from '../i18n'

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

/** The fault's name in the current language: "Kernel panic", "Memory leak"… */
export function faultName(fault: FaultKind): string {
  return tr(`lab.fault.${fault}.name`)
}

/** "before the kernel panic" */
export function faultBefore(fault: FaultKind): string {
  return tr(`lab.fault.${fault}.before`)
}

/** An instance named in prose: "VM app", "Container web". */
export function named(kind: 'vm' | 'container', name: string): string {
  return tr(`lab.named.${kind}`, { name })
}

/** A state as a word in the current language (the raw value when there is none). */
export function stateWord(state: string): string {
  return tr(`state.${state}`, { defaultValue: state })
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
      out.push({ key: 'ctr:' + c.id, kind: 'container', name: c.name, host, inVm, where: inVm ? named('vm', inVm.name) : host, up: ctrUp(c), gen: c.gen, vm: null, c, daemon })
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

const locale = (): string => (currentLanguage() === 'de' ? 'de-DE' : 'en-US')
/** A number as the current language writes it: 1,234 / 1.234 */
export const num = (n: number): string => n.toLocaleString(locale())
const oneDecimal = (n: number): string => n.toLocaleString(locale(), { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false })
const mib = (mb: number): string => (mb >= 1024 ? `${oneDecimal(mb / 1024)} GiB` : `${num(Math.round(mb))} MiB`)

/** "db, web and cache" / "db, web und cache" */
export function list(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? ''
  return `${words.slice(0, -1).join(', ')} ${tr('lab.and')} ${words[words.length - 1]}`
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
      const how = exit.oom || c.oomKilled ? tr('lab.detail.oomKilled', { code: code ?? 137 }) : tr('lab.detail.exited', { code: code ?? '?' })
      const detail = i.up ? tr('lab.detail.restarted', { how, policy: c.hostConfig.restartPolicy }) : c.state === 'restarting' ? tr('lab.detail.restarting', { how }) : how
      return { verdict: 'hit', detail }
    }
  } else if (i.vm) {
    if (down) {
      const crashed = events.some((e) => e.type === 'vm.crashed' && e.subject === i.name)
      return { verdict: 'hit', detail: i.up ? tr('lab.detail.vmStartedAgain') : stateWord(crashed ? 'crashed' : i.vm.state) }
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
    if (host.pidsUsed >= host.pidMax && events.some((e) => e.type === 'host.pidsExhausted' && e.subject === host.name)) reasons.push(tr('lab.detail.cannotFork'))
    if (host.diskFull && events.some((e) => e.type === 'host.diskFull' && e.subject === host.name)) {
      reasons.push(tr(i.kind === 'vm' ? 'lab.detail.diskImageCannotGrow' : 'lab.detail.writesFail'))
    }
    if (host.breachedBy && !isSource) reasons.push(tr('lab.detail.reachableBy', { name: host.breachedBy }))
    if (run.fault === 'cpu-hog' && !isSource && target && target.host === i.host && !target.inVm && target.c && target.c.hostConfig.cpus === null && host.cpuPercent >= 99) {
      reasons.push(tr('lab.detail.lessCpu'))
    }
  }
  if (reasons.length > 0) return { verdict: 'affected', detail: reasons.join('; ') }
  return { verdict: 'safe', detail: tr(i.kind === 'vm' && i.vm?.state === 'paused' ? 'lab.detail.pausedUntouched' : 'lab.detail.keptRunning') }
}

function sourceDetail(fault: FaultKind, i: Inst, events: readonly SimEvent[], host: HostState | undefined): string {
  const hostSeen = (type: string): boolean => !!host && !i.inVm && events.some((e) => e.type === type && e.subject === host.name)
  switch (fault) {
    case 'leak':
      if (i.vm && events.some((e) => e.type === 'vm.guestOomKilled' && e.subject === i.name)) return tr('lab.detail.guestOomEnded')
      return i.vm ? tr('lab.detail.leakingInside', { size: mib(i.vm.memoryMb) }) : tr('lab.detail.leaking')
    case 'cpu-hog': {
      const pct = Math.round((i.vm ?? i.c)!.cpuPercent)
      return tr('lab.detail.busy', { pct: num(pct) })
    }
    case 'fork-bomb':
      if (i.c && events.some((e) => e.type === 'container.pidsLimitReached' && e.subject === i.name)) return tr('lab.detail.forkFails', { limit: i.c.hostConfig.pidsLimit })
      if (hostSeen('host.pidsExhausted')) return tr('lab.detail.tookEveryPid')
      return i.vm ? tr('lab.detail.ownPidTableFull', { count: i.vm.pids, n: num(i.vm.pids) }) : tr('lab.detail.forking')
    case 'disk-fill':
      if (i.vm && events.some((e) => e.type === 'vm.diskFull' && e.subject === i.name)) return tr('lab.detail.ownDiskFull')
      if (hostSeen('host.diskFull')) return tr('lab.detail.filledHostDisk')
      return tr('lab.detail.writing')
    case 'escape':
      return tr(events.some((e) => e.type === 'fault.escaped' && e.subject === i.name) ? 'lab.detail.escaped' : 'lab.detail.escapeBlocked')
    case 'panic':
      return tr('lab.detail.panicked')
  }
}

/** Which layer held the fault or let it through, once the outcome shows. */
function boundariesFor(run: FaultRun, t: Inst, s: Readonly<WorldState>, events: readonly SimEvent[]): BoundaryView[] {
  const host = t.host
  const seen = (type: string, subject: string): boolean => events.some((e) => e.type === type && e.subject === subject)
  const inVm = t.inVm
  const tag = (key: string, options?: Record<string, unknown>): string => tr(`lab.boundary.tag.${key}`, options)
  const what = (key: string, options: Record<string, unknown>): string => tr(`lab.boundary.${key}`, options)
  const hypervisorHeld = (): BoundaryView => ({ layerId: `hypervisor@${host}`, held: true, what: what('hypervisor', { host }), tag: tag('hypervisor') })
  switch (run.fault) {
    case 'panic':
      if (t.kind === 'vm') {
        return [{ layerId: `guest-kernel@${t.key}`, held: false, what: what('ownGuestKernel', { name: t.name }), tag: tag('guestKernel') }, hypervisorHeld()]
      }
      if (inVm) {
        return [{ layerId: `guest-kernel@vm:${inVm.id}`, held: false, what: what('sharedGuestKernel', { vm: inVm.name }), tag: tag('guestKernel') }, hypervisorHeld()]
      }
      return [{ layerId: `shared-kernel@${host}`, held: false, what: what('sharedKernel', { host }), tag: tag('sharedKernel') }]
    case 'leak': {
      if (t.vm) return seen('vm.guestOomKilled', t.name) ? [{ layerId: `guest-kernel@${t.key}`, held: true, what: what('guestKernelRam', { name: t.name, size: mib(t.vm.memoryMb) }), tag: tag('guestKernel') }] : []
      const oom = events.find((e) => e.type === 'container.oomKilled')
      if (!oom) return []
      if (/cgroup/.test(oom.message) && t.c?.hostConfig.memoryMb != null) {
        return [{ layerId: t.key, held: true, what: what('cgroupMemory', { name: t.name, size: mib(t.c.hostConfig.memoryMb) }), tag: tag('cgroupMemory') }]
      }
      if (inVm) return [{ layerId: `guest-kernel@vm:${inVm.id}`, held: true, what: what('vmGuestKernelRam', { vm: inVm.name }), tag: tag('guestKernel') }]
      return [{ layerId: `ram@${host}`, held: false, what: what('hostRam', { host }), tag: tag('hostRam') }]
    }
    case 'cpu-hog':
      if (t.vm) return [{ layerId: `vm-hardware@${t.key}`, held: true, what: what('vcpus', { name: t.name, count: t.vm.cpus }), tag: tag('vcpus', { n: t.vm.cpus }) }]
      if (t.c?.hostConfig.cpus != null) {
        const cpus = t.c.hostConfig.cpus
        return [{ layerId: t.key, held: true, what: what('cgroupCpu', { name: t.name, count: cpus, cpus: num(cpus) }), tag: tag('cgroupCpu') }]
      }
      if (inVm) return [{ layerId: `vm-hardware@vm:${inVm.id}`, held: true, what: what('vmVcpus', { vm: inVm.name }), tag: tag('vmVcpus') }]
      return [{ layerId: `cores@${host}`, held: false, what: what('hostCores', { host }), tag: tag('sharedCores') }]
    case 'fork-bomb':
      if (t.vm) return [{ layerId: `guest-kernel@${t.key}`, held: true, what: what('ownPidTable', { name: t.name }), tag: tag('ownPidTable') }]
      if (seen('container.pidsLimitReached', t.name)) return [{ layerId: t.key, held: true, what: what('cgroupPids', { name: t.name, limit: t.c?.hostConfig.pidsLimit ?? '?' }), tag: tag('cgroupPids') }]
      if (seen('host.pidsExhausted', host) && !inVm) return [{ layerId: `shared-kernel@${host}`, held: false, what: what('hostPidTable', { host }), tag: tag('sharedPidTable') }]
      return []
    case 'disk-fill':
      if (t.vm) return seen('vm.diskFull', t.name) ? [{ layerId: `vm-hardware@${t.key}`, held: true, what: what('ownDisk', { name: t.name }), tag: tag('ownDisk') }] : []
      if (seen('host.diskFull', host)) return [{ layerId: `disk@${host}`, held: false, what: what('hostDisk', { host }), tag: tag('sharedDisk') }]
      return []
    case 'escape':
      if (t.vm) return [hypervisorHeld()]
      if (seen('fault.escaped', t.name)) {
        return inVm ? [{ layerId: `guest-kernel@vm:${inVm.id}`, held: false, what: what('vmKernel', { vm: inVm.name }), tag: tag('guestKernel') }, hypervisorHeld()]
          : [{ layerId: `shared-kernel@${host}`, held: false, what: what('hostKernel', { host }), tag: tag('hostKernel') }]
      }
      return [{ layerId: t.key, held: true, what: what('seccomp', { name: t.name }), tag: tag('seccomp') }]
  }
  return []
}

/** One or two plain sentences: what happened and why. */
function captionFor(run: FaultRun, t: Inst, s: Readonly<WorldState>, events: readonly SimEvent[], entries: readonly BlastEntry[], scoped: boolean): { caption: string; pending: boolean; now: string | null } {
  const host = s.hosts.find((h) => h.name === t.host)
  const hostName = t.host
  const who = named(t.kind, t.name)
  const c = (key: string, options?: Record<string, unknown>): string => tr(`lab.caption.${key}`, options)
  const seen = (type: string, subject?: string): SimEvent | undefined => events.find((e) => e.type === type && (subject === undefined || e.subject === subject))
  const hit = entries.filter((e) => e.verdict === 'hit' && e.kind !== 'host')
  const elsewhere = entries.filter((e) => e.kind !== 'host' && e.verdict !== 'hit' && !e.source)
  // instances up again after going down: a restart policy (or a VM started again) brought them back
  const upNow = new Set(listInstances(s).filter((i) => i.up).map((i) => i.key))
  switch (run.fault) {
    case 'panic': {
      if (t.kind === 'vm') {
        const others = elsewhere.length
        const names = others <= 4 ? list(elsewhere.map((e) => e.name)) : c('panic.otherInstances', { n: others })
        return {
          caption: `${c('panic.vmAlone', { who })} ${others > 0 ? c('panic.vmOthers', { count: others, names }) : c('panic.vmNoOthers')}`,
          pending: false, now: null
        }
      }
      if (t.inVm) return { caption: c('panic.inVm', { vm: t.inVm.name, host: hostName }), pending: false, now: null }
      const vmsDown = hit.filter((e) => e.kind === 'vm').map((e) => e.name)
      const ctrsDown = hit.filter((e) => e.kind === 'container').length
      const containers = ctrsDown === 1 ? c('panic.containersOne') : ctrsDown === 2 ? c('panic.containersBoth') : c('panic.containersAll', { n: ctrsDown })
      const victims = [containers, ...(vmsDown.length ? [c('panic.vms', { count: vmsDown.length, names: list(vmsDown) })] : [])]
      const first = c('panic.hostDown', { host: hostName, victims: list(victims) })
      const otherVms = !scoped ? entries.filter((e) => e.kind === 'vm' && e.verdict !== 'hit').map((e) => e.where) : []
      const otherHosts = [...new Set(otherVms)]
      let second: string
      if (seen('host.booted', hostName)) {
        const down = entries.filter((e) => e.kind === 'container' && e.verdict === 'hit')
        const back = down.filter((e) => upNow.has(e.key)).map((e) => e.name)
        const stayed = down.filter((e) => !upNow.has(e.key)).map((e) => e.name)
        const cameBack = back.length ? c('panic.cameBack', { count: back.length, names: list(back) }) : c('panic.noneBack')
        second = c('panic.rebooted', { what: stayed.length ? c('panic.stayedDown', { count: stayed.length, back: cameBack, names: list(stayed) }) : cameBack })
      } else {
        second = c('panic.reboots', { seconds: REBOOT_S })
      }
      if (otherHosts.length) second += ` ${c('panic.otherVms', { hosts: list(otherHosts) })}`
      return { caption: `${first} ${second}`, pending: false, now: null }
    }
    case 'leak': {
      if (t.vm) {
        if (seen('vm.guestOomKilled', t.name)) return { caption: c('leak.vmOom', { who, size: mib(t.vm.memoryMb), name: t.name }), pending: false, now: null }
        return {
          caption: c('leak.vmLeaking', { who, size: mib(t.vm.memoryMb) }),
          pending: true, now: c('leak.vmNow', { used: mib(t.vm.guestUsedMb), total: mib(t.vm.memoryMb) })
        }
      }
      const ctr = t.c!
      const oom = events.find((e) => e.type === 'container.oomKilled')
      if (oom) {
        const victim = oom.subject
        const victimEntry = entries.find((e) => e.name === victim && e.kind === 'container')
        const restarted = !!victimEntry && upNow.has(victimEntry.key)
        if (/cgroup/.test(oom.message)) return { caption: c('leak.cgroup', { who, size: mib(ctr.hostConfig.memoryMb ?? 0) }), pending: false, now: null }
        if (/guest kernel/.test(oom.message) && t.inVm) {
          return { caption: c('leak.guestKernel', { vm: t.inVm.name, victim, host: t.inVm.host }), pending: false, now: null }
        }
        const sentences = [
          victim !== t.name ? c('leak.hostNeighbour', { host: hostName, victim, name: t.name }) : c('leak.hostSelf', { host: hostName, victim }),
          ...(restarted ? [c('leak.cameBack', { victim })] : []),
          c('leak.wouldHaveStopped')
        ]
        return { caption: sentences.join(' '), pending: false, now: null }
      }
      const free = Math.max(0, host ? host.memoryMb - host.memoryUsedMb : 0)
      const rate = ctr.leakRateMbPerS
      const limit = ctr.hostConfig.memoryMb
      return {
        caption: limit !== null
          ? c('leak.towardsLimit', { who, rate: mib(rate), limit: mib(limit) })
          : c('leak.noLimit', { who, rate: mib(rate), host: hostName }),
        pending: true,
        now: limit !== null
          ? c('leak.limitNow', { used: mib(ctr.memoryMb), limit: mib(limit) })
          : rate > 0
            ? c('leak.freeNowEta', { used: mib(ctr.memoryMb), free: mib(free), host: hostName, seconds: num(Math.ceil(free / rate)) })
            : c('leak.freeNow', { used: mib(ctr.memoryMb), free: mib(free), host: hostName })
      }
    }
    case 'cpu-hog': {
      const pct = num(Math.round((t.vm ?? t.c)!.cpuPercent))
      if (t.vm) {
        return {
          caption: c('cpu.vm', { who, count: t.vm.cpus, max: num(t.vm.cpus * 100) }),
          pending: false, now: c('cpu.now', { name: t.name, pct })
        }
      }
      const ctr = t.c!
      if (ctr.hostConfig.cpus !== null) {
        return {
          caption: c('cpu.cgroup', { who, cpus: ctr.hostConfig.cpus, max: num(Math.round(ctr.hostConfig.cpus * 100)) }),
          pending: false, now: c('cpu.now', { name: t.name, pct })
        }
      }
      const starved = entries.filter((e) => e.verdict === 'affected' && !e.source).map((e) => e.name)
      return {
        caption: `${c('cpu.noLimit', { who, host: hostName, cores: host?.cores ?? '?', pct })} ` +
          (starved.length ? c('cpu.starved', { count: starved.length, names: list(starved) }) : c('cpu.shareRest')),
        pending: false, now: host ? c('cpu.hostNow', { host: hostName, pct: num(Math.round(host.cpuPercent)) }) : null
      }
    }
    case 'fork-bomb': {
      if (t.vm) {
        return {
          caption: c('fork.vm', { name: t.name, count: t.vm.cpus }),
          pending: false, now: c('fork.vmNow', { name: t.name, count: num(t.vm.pids) })
        }
      }
      const ctr = t.c!
      if (seen('container.pidsLimitReached', t.name)) {
        return { caption: c('fork.cgroup', { name: t.name, limit: ctr.hostConfig.pidsLimit }), pending: false, now: null }
      }
      if (seen('host.pidsExhausted', hostName) && !t.inVm) {
        return {
          caption: c('fork.host', { who, host: hostName }),
          pending: false, now: host ? c('fork.hostNow', { host: hostName, used: num(host.pidsUsed), max: num(host.pidMax) }) : null
        }
      }
      return {
        caption: ctr.hostConfig.pidsLimit !== null
          ? c('fork.towardsLimit', { who, limit: ctr.hostConfig.pidsLimit })
          : c('fork.noLimit', { name: t.name, host: hostName }),
        pending: true, now: c('fork.now', { name: t.name, count: num(ctr.pids) })
      }
    }
    case 'disk-fill': {
      if (t.vm) {
        if (seen('vm.diskFull', t.name)) return { caption: c('disk.vmFull', { who, size: mib(t.vm.diskMb) }), pending: false, now: null }
        return {
          caption: `${c('disk.vmWriting', { who, size: mib(t.vm.diskMb) })} ${c('jumpAhead')}`,
          pending: true, now: c('disk.vmNow', { used: mib(t.vm.diskUsedMb), total: mib(t.vm.diskMb) })
        }
      }
      if (seen('host.diskFull', hostName)) return { caption: c('disk.hostFull', { who, host: hostName }), pending: false, now: null }
      const disk = t.inVm ? c('disk.vmDisk', { vm: t.inVm.name }) : c('disk.hostDisk', { host: hostName })
      return {
        caption: `${c('disk.writing', { who, disk })} ${c('jumpAhead')}`,
        pending: true, now: host ? c('disk.hostNow', { host: hostName, used: mib(host.diskUsedMb), total: mib(host.diskMb) }) : null
      }
    }
    case 'escape': {
      if (t.vm) return { caption: c('escape.vm', { name: t.name }), pending: false, now: null }
      if (seen('fault.escaped', t.name)) {
        // what the simulation reports (sim/faults): --privileged or a host path mounted inside, reaching the host or the VM under it
        const hc = t.c!.hostConfig
        const hostMount = hc.binds.find((b) => b.startsWith('/:') || b.startsWith('/var/run/docker.sock:'))
        const how = hc.privileged || !hostMount ? c('escape.privileged') : c('escape.hostMount', { path: hostMount.split(':')[0] })
        const reached = t.inVm ? named('vm', t.inVm.name) : hostName
        return { caption: c('escape.escaped', { name: t.name, how, reached }), pending: false, now: null }
      }
      if (seen('fault.escapeBlocked', t.name)) {
        const { syscallsTotal, seccompBlocked } = catalog.ISOLATION
        return {
          caption: c('escape.blocked', {
            name: t.name, blocked: seccompBlocked.value, reachable: syscallsTotal.value - seccompBlocked.value, caps: catalog.DEFAULT_CAPABILITIES.length
          }),
          pending: false, now: null
        }
      }
      return { caption: c('escape.blockedShort', { name: t.name }), pending: false, now: null }
    }
  }
}

function hostEntry(h: HostState, events: readonly SimEvent[]): BlastEntry {
  const ev = (type: string): boolean => events.some((e) => e.type === type && e.subject === h.name)
  let verdict: Verdict = 'safe'
  let detail = tr('lab.detail.keptRunning')
  if (ev('host.panicked')) {
    verdict = 'hit'
    detail = h.state === 'up' ? tr('lab.detail.hostRebooted') : tr(h.state === 'rebooting' ? 'lab.detail.hostRebooting' : 'lab.detail.hostRebootsIn', { seconds: REBOOT_S })
  } else {
    const reasons: string[] = []
    if (h.pidsUsed >= h.pidMax && ev('host.pidsExhausted')) reasons.push(tr('lab.detail.outOfPids'))
    if (h.diskFull && ev('host.diskFull')) reasons.push(tr('lab.detail.diskFull'))
    if (h.breachedBy) reasons.push(tr('lab.detail.breachedBy', { name: h.breachedBy }))
    if (events.some((e) => (e.type === 'container.oomKilled' || e.type === 'vm.crashed') && e.message.includes(`${h.name} ran out of memory`)) ||
      events.some((e) => e.type === 'vm.crashed' && e.message.includes(`when ${h.name} ran out of memory`))) reasons.push(tr('lab.detail.hostOom'))
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
    title: tr('lab.sideTitle', { who: named(t.kind, t.name), where: t.where }),
    caption, pending, now, entries,
    boundaries: pending && run.fault !== 'cpu-hog' ? [] : boundariesFor(run, t, s, events),
    target: {
      state: t.vm ? t.vm.state : t.c!.state,
      exitCode: t.c ? t.c.exitCode : null,
      oomKilled: t.c ? t.c.oomKilled : false
    },
    died: instances.filter((e) => e.verdict === 'hit').map((e) => e.name),
    keptRunning: instances.filter((e) => e.verdict !== 'hit').map((e) => e.name),
    hostDid: hostOfTarget ? hostOfTarget.detail : tr('lab.detail.keptRunning')
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
      return withFlag(`--memory ${mb}m`, 'memory')
    }
    case 'fork-bomb':
      return hc.pidsLimit !== null ? null : withFlag('--pids-limit 100', 'pids')
    case 'cpu-hog':
      return hc.cpus !== null ? null : withFlag('--cpus 1', 'cpus')
    case 'escape':
      return hc.privileged ? { label: tr('lab.suggestion.runWithoutPrivileged'), flag: '--no-privileged', why: tr('lab.suggestion.privileged') } : null
    default:
      return null
  }
}

function withFlag(flag: string, why: string): Suggestion {
  return { label: tr('lab.suggestion.runWith', { flag }), flag, why: tr(`lab.suggestion.${why}`) }
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
