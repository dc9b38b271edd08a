import type { WorldCore } from '../WorldCore.ts'
import type { DaemonEvent, DaemonState } from '../model/types.ts'

const MAX_EVENTS = 2000

/** The daemon's own event log (what `docker events` replays); bounded like dockerd's ring buffer. */
export function recordDaemonEvent(core: WorldCore, daemon: DaemonState, type: DaemonEvent['type'], action: string, actorId: string, attributes: Record<string, string>): void {
  const event: DaemonEvent = { atMs: core.clockMs, type, action, actorId, attributes }
  daemon.events.push(event)
  if (daemon.events.length > MAX_EVENTS) daemon.events.splice(0, daemon.events.length - MAX_EVENTS)
  core.emit('daemon.event', daemon.id, `${type} ${action}`, { internal: true, detail: { daemon: daemon.id, event } })
}
