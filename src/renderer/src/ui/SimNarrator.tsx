// A live region that tells screen-reader users what happens in the simulation: "VM legacy-analytics finished
// booting in 7.9 s", "container web was OOM-killed". It reads the world's events from the snapshot and speaks the
// ones that change what is running; a burst is summed up rather than read out line by line.
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import type { EventEntry } from './types'
import { useSnapshot } from './useController'

/** event type → the translation key and how to read its figures from the simulation's message */
const NARRATED: Record<string, { key: string; figure?: RegExp }> = {
  'vm.started': { key: 'narrator.vmStarted', figure: /in ([\d.]+) s/ },
  'vm.stopped': { key: 'narrator.vmStopped' },
  'vm.crashed': { key: 'narrator.vmCrashed' },
  'vm.guestOomKilled': { key: 'narrator.vmGuestOom' },
  'container.started': { key: 'narrator.containerStarted', figure: /in ([\d.,]+) ms/ },
  'container.exited': { key: 'narrator.containerExited', figure: /code (\d+)/ },
  'container.oomKilled': { key: 'narrator.containerOom' },
  'container.restarted': { key: 'narrator.containerRestarted' },
  'host.panicked': { key: 'narrator.hostPanicked' },
  'host.rebooting': { key: 'narrator.hostRebooting' },
  'host.booted': { key: 'narrator.hostBooted' },
  'host.diskFull': { key: 'narrator.hostDiskFull' },
  'host.pidsExhausted': { key: 'narrator.hostPids' },
  'image.built': { key: 'narrator.imageBuilt' },
  'image.pulled': { key: 'narrator.imagePulled' },
  'fault.escaped': { key: 'narrator.faultEscaped' },
  'fault.escapeBlocked': { key: 'narrator.faultBlocked' }
}

const MAX_READ = 3

export function SimNarrator() {
  const { t } = useTranslation()
  const events = useSnapshot((s) => s.events, (a, b) => a === b)
  const seen = useRef<EventEntry | null | undefined>(undefined)
  const [text, setText] = useState('')
  useEffect(() => {
    const latest = events.length ? events[events.length - 1]! : null
    const before = seen.current
    seen.current = latest
    // the first look, or another world (a reset, a lesson's start world, a rewind): nothing new to tell
    if (before === undefined || !latest) return
    if (before) {
      const same = events.find((e) => e.index === before.index)
      if (latest.index < before.index || (same && (same.atMs !== before.atMs || same.message !== before.message))) return
    }
    const fresh = events.filter((e) => e.index > (before?.index ?? 0) && NARRATED[e.type])
    if (fresh.length === 0) return
    const lines = fresh.slice(-MAX_READ).map((e) => say(e, t))
    const more = fresh.length - MAX_READ
    setText([...(more > 0 ? [t('narrator.more', { count: more })] : []), ...lines].join(' '))
  }, [events, t])
  return <div className="sr-only" role="status" aria-live="polite" data-testid="sim-narrator">{text}</div>
}

function say(e: EventEntry, t: TFunction): string {
  const how = NARRATED[e.type]!
  const figure = how.figure?.exec(e.message)?.[1]
  if (how.figure && figure === undefined) return e.message
  return t(how.key, { name: e.subject, figure, defaultValue: e.message })
}
