// Recognising the world's events about one container: by id in the detail, or by name and daemon for events
// that carry only those.
import type { EmittedEvent, World } from '../sim/index.ts'

export function eventDaemon(event: EmittedEvent): string | undefined {
  const d = event.detail?.daemon
  return typeof d === 'string' ? d : undefined
}

export function isAbout(world: World, event: EmittedEvent, daemonId: string, containerId: string): boolean {
  const id = event.detail?.id
  if (typeof id === 'string') return id === containerId
  if (eventDaemon(event) !== daemonId) return false
  const c = world.state.daemons.find((d) => d.id === daemonId)?.containers.find((x) => x.id === containerId)
  return c !== undefined && c.name === event.subject
}

/** The exit code an exit event reports, if any. */
export function exitCodeOf(event: EmittedEvent): number | null {
  const code = event.detail?.exitCode
  return typeof code === 'number' ? code : null
}
