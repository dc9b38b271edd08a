// GET /events: the daemon's event log replayed for `since`/`until` (virtual times), then live events until
// `until` passes or the client goes away. One JSON object per line, legacy fields included (protocol §3).
import type { DaemonEvent } from '../sim/index.ts'
import type { RouteContext } from './context.ts'
import { labelMatches, matchesAll, parseFilters, type Filters } from './filters.ts'
import { errorResponse, JSON_TYPE } from './responses.ts'
import { route, type Route } from './router.ts'
import { worldStream } from './streams.ts'
import type { TimeFormat } from './time.ts'
import type { ApiResponse } from './types.ts'

const FILTERS = ['config', 'container', 'daemon', 'event', 'image', 'label', 'network', 'node', 'plugin', 'scope', 'secret', 'service', 'type', 'volume']
const TYPES = ['builder', 'config', 'container', 'daemon', 'image', 'network', 'node', 'plugin', 'secret', 'service', 'volume']

/** An event as dockerd encodes events.Message (field order as the Go struct, attribute keys sorted). */
export function eventMessage(time: TimeFormat, ev: DaemonEvent): Record<string, unknown> {
  const attributes = Object.fromEntries(Object.entries(ev.attributes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
  const legacy: Record<string, unknown> = {}
  if (ev.type === 'container' || ev.type === 'image') {
    legacy.status = ev.action
    legacy.id = ev.actorId
    if (ev.type === 'container' && ev.attributes.image) legacy.from = ev.attributes.image
  }
  return {
    ...legacy, Type: ev.type, Action: ev.action, Actor: { ID: ev.actorId, Attributes: attributes }, scope: 'local',
    time: time.unixSeconds(ev.atMs), timeNano: BigInt(time.unixNanoText(ev.atMs))
  }
}

function eventMatches(daemonId: string, ev: DaemonEvent, filters: Filters): boolean {
  return matchesAll(filters, (key, value) => {
    switch (key) {
      case 'type': return ev.type === value
      case 'event': return ev.action === value || ev.action.startsWith(`${value}:`)
      case 'container': return ev.type === 'container' && (ev.actorId === value || ev.actorId.startsWith(value) || ev.attributes.name === value)
      case 'image': return (ev.type === 'image' && (ev.actorId === value || ev.attributes.name === value)) || ev.attributes.image === value
      case 'network': return ev.type === 'network' && (ev.actorId === value || ev.attributes.name === value)
      case 'volume': return ev.type === 'volume' && ev.actorId === value
      case 'label': return labelMatches(ev.attributes, value)
      case 'daemon': return value === daemonId
      case 'scope': return value === 'local'
      default: return false // swarm objects: this daemon has none
    }
  })
}

function events(ctx: RouteContext): ApiResponse {
  const parsed = parseFilters(ctx.query.filters, FILTERS)
  if (!parsed.ok) return errorResponse(400, parsed.message)
  for (const v of parsed.filters.get('type') ?? []) if (!TYPES.includes(v)) return errorResponse(400, `invalid filter 'type=${v}'`)
  const bound = (name: string): number | null | undefined => {
    const raw = ctx.query[name]
    if (raw === undefined || raw === '') return null
    return ctx.time.virtualMsOf(raw) ?? undefined
  }
  const since = bound('since')
  const until = bound('until')
  if (since === undefined) return errorResponse(400, `invalid value for since: ${ctx.query.since ?? ''}`)
  if (until === undefined) return errorResponse(400, `invalid value for until: ${ctx.query.until ?? ''}`)
  if (since !== null && until !== null && until < since) return errorResponse(400, 'since time must be before until time')
  const { world, daemon } = ctx
  const filters = parsed.filters
  const stream = worldStream(world, daemon.id, (out) => {
    // dockerd replays its buffer only when a window is given
    if (since !== null || until !== null) {
      for (const ev of daemon.events) {
        if (since !== null && ev.atMs < since) continue
        if (until !== null && ev.atMs > until) continue
        if (eventMatches(daemon.id, ev, filters)) out.writeJson(eventMessage(ctx.time, ev))
      }
    }
    if (until !== null && until <= world.clockMs) return out.end()
    out.on((event) => {
      if (until !== null && world.clockMs > until) return out.end()
      if (event.type !== 'daemon.event' || event.detail?.daemon !== daemon.id) return
      const ev = event.detail.event as DaemonEvent | undefined
      if (!ev || typeof ev !== 'object') return
      if (since !== null && ev.atMs < since) return
      if (eventMatches(daemon.id, ev, filters)) out.writeJson(eventMessage(ctx.time, ev))
    })
  })
  return { status: 200, headers: { 'Content-Type': JSON_TYPE }, stream }
}

export const eventRoutes: Route[] = [route('GET', '/events', events)]
