// The simulation's events in the UI language. The world writes each event's message in English (as docker and
// the CLI do); for the event types it knows, this reads the figures and names back out of the message and
// builds the same sentence from panels.event.* (in English it reads exactly as the message). A message that
// does not match, or an event type it does not know, is shown as it came.
import type { TFunction } from 'i18next'
import type { EventEntry } from './types'
import { uiLocale, phaseLabel } from './format'

interface Pattern { readonly re: RegExp; readonly key: string }

/** event type → its message shapes, most specific first; keys under panels.event */
export const EVENT_PATTERNS: Readonly<Record<string, readonly Pattern[]>> = {
  'container.created': [{ re: /^container (?<name>\S+) created from (?<image>\S+)$/, key: 'containerCreated' }],
  'container.exited': [
    { re: /^container (?<name>\S+) exited with code (?<code>-?\d+): (?<reason>[\s\S]+)$/, key: 'containerExitedWhy' },
    { re: /^container (?<name>\S+) exited with code (?<code>-?\d+)$/, key: 'containerExited' }
  ],
  'container.oomKilled': [
    { re: /^container (?<name>\S+) was OOM-killed \(exit (?<code>-?\d+)\): (?<reason>[\s\S]+)$/, key: 'containerOomWhy' },
    { re: /^container (?<name>\S+) was OOM-killed \(exit (?<code>-?\d+)\)$/, key: 'containerOom' }
  ],
  'container.paused': [{ re: /^container (?<name>\S+) paused: the cgroup freezer stopped its processes$/, key: 'containerPaused' }],
  'container.unpaused': [{ re: /^container (?<name>\S+) unpaused$/, key: 'containerUnpaused' }],
  'container.pidsLimitReached': [{ re: /^fork bomb in (?<name>\S+) stopped at its --pids-limit of (?<cap>\d+): fork\(\) now fails inside \S+ only$/, key: 'containerPidsLimit' }],
  'container.removed': [{ re: /^container (?<name>\S+) removed$/, key: 'containerRemoved' }],
  'container.restarted': [
    { re: /^container (?<name>\S+) came back with the engine \(restart policy (?<policy>[^)]+)\)$/, key: 'containerBackWithEngine' },
    { re: /^container (?<name>\S+) restarted by its policy \((?<policy>[^)]+)\), restart #(?<n>\d+)$/, key: 'containerRestarted' }
  ],
  'container.started': [{ re: /^container (?<name>\S+) started in (?<ms>[\d.]+) ms$/, key: 'containerStarted' }],
  'container.healthy': [{ re: /^container (?<name>\S+) is healthy$/, key: 'containerHealthy' }],
  'container.unhealthy': [{ re: /^container (?<name>\S+) is unhealthy: (?<detail>[\s\S]+)$/, key: 'containerUnhealthy' }],
  'fault.escapeBlocked': [
    {
      re: /^escape from (?<name>\S+) failed: the guest kernel was compromised, but the guest issues (?<syscalls>\d+) host syscalls; it only reaches the VMM through VM exits and hypercalls, and the hypervisor boundary held$/,
      key: 'vmEscapeBlocked'
    },
    {
      re: /^escape from (?<name>\S+) blocked: the default seccomp profile denied mount\(2\), unshare\(2\) and keyctl\(2\) \(EPERM; (?<blocked>\d+) syscalls blocked, ~(?<reachable>\d+) reachable\), and CAP_SYS_ADMIN is not among its (?<caps>\d+) default capabilities$/,
      key: 'ctrEscapeBlocked'
    }
  ],
  'fault.escaped': [
    { re: /^escape from (?<name>\S+) succeeded: --privileged gave it every capability and no seccomp filter; it reached (?<reached>.+) and every neighbour on it$/, key: 'escapedPrivileged' },
    { re: /^escape from (?<name>\S+) succeeded: the host path (?<path>\S+) is mounted inside it; it reached (?<reached>.+) and every neighbour on it$/, key: 'escapedMount' }
  ],
  'fault.injected': [{ re: /^fault (?<kind>\S+) injected into (?<name>\S+)$/, key: 'faultInjected' }],
  'host.added': [{
    re: /^host (?<name>\S+) added \((?<cores>\d+) cores, (?<memory>[\d.]+) MiB, (?<os>\S+) (?<kernel>\S+), hypervisor (?<hypervisor>\S+)\)$/,
    key: 'hostAdded'
  }],
  'host.booted': [{ re: /^(?<name>\S+) is back up$/, key: 'hostBooted' }],
  'host.changed': [{ re: /^host (?<name>\S+) changed$/, key: 'hostChanged' }],
  'host.diskFull': [{ re: /^(?<name>\S+?)'s disk is full: every container writing to it gets "No space left on device"$/, key: 'hostDiskFull' }],
  'host.panicked': [{ re: /^(?<name>\S+?)'s kernel panicked: (?<reason>[\s\S]+)$/, key: 'hostPanicked' }],
  'host.pidsExhausted': [{ re: /^(?<name>\S+) ran out of PIDs \((?<max>\d+)\): no process anywhere on this host can fork, neighbours included$/, key: 'hostPids' }],
  'host.rebooting': [{ re: /^(?<name>\S+) is rebooting \(takes (?<seconds>[\d.]+) s: a model assumption\)$/, key: 'hostRebooting' }],
  'image.built': [{ re: /^(?<daemon>\S+) built (?<image>\S+) \((?<count>\d+) layers\)$/, key: 'imageBuilt' }],
  'image.pulled': [{ re: /^(?<daemon>\S+) pulled (?<image>\S+) \((?<id>[^)]+)\)$/, key: 'imagePulled' }],
  'image.removed': [{ re: /^(?<daemon>\S+) removed image (?<image>\S+)$/, key: 'imageRemoved' }],
  'network.created': [{ re: /^network (?<name>\S+) created on (?<daemon>\S+)$/, key: 'networkCreated' }],
  'project.written': [{ re: /^(?<name>[^/\s]+)\/(?<path>.+) written \((?<count>\d+) bytes\)$/, key: 'projectWritten' }],
  'vm.crashed': [{ re: /^VM (?<name>\S+) went down: (?<reason>[\s\S]+)$/, key: 'vmCrashed' }],
  'vm.created': [{ re: /^VM (?<name>\S+) created on (?<host>\S+)$/, key: 'vmCreated' }],
  'vm.deleted': [{ re: /^VM (?<name>\S+) deleted$/, key: 'vmDeleted' }],
  'vm.diskFull': [{
    re: /^VM (?<name>\S+?)'s own disk image is full \((?<gib>[\d.]+) GiB\): writes fail inside that guest only; the host's disk is not touched$/,
    key: 'vmDiskFull'
  }],
  'vm.guestOomKilled': [{
    re: /^the guest kernel in (?<name>\S+) ran out of its (?<mb>[\d.]+) MiB and OOM-killed the leaking process; the VM keeps running and the host gave it no more RAM$/,
    key: 'vmGuestOom'
  }],
  'vm.guestPidsExhausted': [{
    re: /^a fork bomb used up the PIDs of (?<name>\S+?)'s own kernel \((?<max>\d+)\): nothing new starts inside that guest; the host and other VMs are untouched$/,
    key: 'vmGuestPids'
  }],
  'vm.paused': [{ re: /^VM (?<name>\S+) paused: its vCPUs no longer run, its RAM stays reserved$/, key: 'vmPaused' }],
  'vm.resumed': [{ re: /^VM (?<name>\S+) resumed$/, key: 'vmResumed' }],
  'vm.started': [{ re: /^VM (?<name>\S+) finished booting in (?<seconds>[\d.]+) s$/, key: 'vmStarted' }],
  'vm.starting': [{ re: /^VM (?<name>\S+) is booting: (?<phases>.+)$/, key: 'vmStarting' }],
  'vm.stopped': [{ re: /^VM (?<name>\S+) stopped$/, key: 'vmStopped' }],
  'vm.stopping': [{ re: /^VM (?<name>\S+) is shutting down$/, key: 'vmStopping' }]
}

/** why a VM went down, a host panicked or a container ended; keys under panels.event.reason */
const REASONS: readonly Pattern[] = [
  { re: /^its guest kernel panicked; the hypervisor and every other VM carry on$/, key: 'guestPanic' },
  { re: /^a container \((?<name>\S+)\) triggered a panic in the guest kernel it shares$/, key: 'containerPanicGuest' },
  { re: /^its host (?<host>\S+) panicked: a VM is a process of the host$/, key: 'hostPanicked' },
  { re: /^the host's OOM killer chose its VMM process \(largest oom score, (?<mb>[\d.]+) MiB\) when (?<host>\S+) ran out of memory$/, key: 'hostOomVmm' },
  { re: /^container (?<name>\S+) triggered a panic in the host kernel it shares$/, key: 'containerPanicHost' },
  { re: /^the kernel under it went down$/, key: 'kernelDown' },
  { re: /^its engine shut down$/, key: 'engineDown' },
  { re: /^(?<service>\S+) needs (?<mb>[\d.]+) MiB at start, more than its memory\.max of (?<limit>[\d.]+) MiB$/, key: 'needsAtStart' },
  { re: /^its cgroup reached memory\.max \((?<limit>[\d.]+) MiB\) and the cgroup's OOM killer ended it; nothing else was touched$/, key: 'cgroupOom' },
  { re: /^the guest kernel of (?<vm>\S+) ran out of memory$/, key: 'guestOom' },
  { re: /^(?<host>\S+) ran out of memory and the host's OOM killer picked the process with the highest oom score \((?<mb>[\d.]+) MiB\)$/, key: 'hostOom' }
]

/** figures written with a decimal point, shown with the language's (7.9 s → 7,9 s) */
const DECIMALS = new Set(['seconds', 'ms', 'mb', 'limit', 'gib', 'memory'])

function figure(name: string, value: string): string | number {
  if (name === 'count') return Number(value)
  const decimals = /^\d+\.(\d+)$/.exec(value)?.[1]?.length
  if (!DECIMALS.has(name) || decimals === undefined) return value
  return Number(value).toLocaleString(uiLocale(), { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: false })
}

function rebuild(t: TFunction, message: string, patterns: readonly Pattern[], prefix: string): string | null {
  for (const p of patterns) {
    const match = p.re.exec(message)
    if (!match) continue
    const params: Record<string, string | number> = {}
    for (const [name, value] of Object.entries(match.groups ?? {})) {
      if (value === undefined) continue
      if (name === 'reason') params[name] = rebuild(t, value, REASONS, 'panels.event.reason.') ?? value
      else if (name === 'phases') params[name] = value.split(' → ').map(phaseLabel).join(t('panels.event.phaseArrow'))
      else params[name] = figure(name, value)
    }
    return t(prefix + p.key, params)
  }
  return null
}

/** An event's message in the UI language (the message itself when its type or shape is unknown). */
export function eventText(t: TFunction, event: Pick<EventEntry, 'type' | 'message'>): string {
  const patterns = EVENT_PATTERNS[event.type]
  return (patterns && rebuild(t, event.message, patterns, 'panels.event.')) ?? event.message
}
