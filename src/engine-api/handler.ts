// The Docker Engine API over a World: request → response, never throwing. Every request also tells the world
// (an internal `api.request` event) so the app can animate it.
import type { DaemonState, World } from '../sim/index.ts'
import { engine } from '../sim/index.ts'
import type { RouteContext } from './context.ts'
import { API_VERSION, DAEMON_HEADERS, errorResponse, messageOf } from './responses.ts'
import { matchRoute } from './router.ts'
import { ROUTES } from './routes.ts'
import { DEFAULT_EPOCH_MS, TimeFormat } from './time.ts'
import type { ApiHandler, ApiRequest, ApiResponse } from './types.ts'
import { splitVersion, versionRefusal } from './version.ts'

interface Handled { response: ApiResponse; path: string; route: string | null }

function text(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

/** Only string-valued entries survive: a caller's odd query or headers can never reach a route as non-strings. */
function strings(record: unknown, lowerKeys: boolean): Record<string, string> {
  const out: Record<string, string> = {}
  if (typeof record !== 'object' || record === null) return out
  for (const [key, value] of Object.entries(record as Record<string, unknown>)) {
    if (typeof value === 'string') out[lowerKeys ? key.toLowerCase() : key] = value
  }
  return out
}

function handle(world: World, time: TimeFormat, daemonId: string, raw: ApiRequest): Handled {
  const method = text(raw?.method).toUpperCase()
  const { version, path } = splitVersion(text(raw?.path))
  const daemon: DaemonState | undefined = world.state.daemons.find((d) => d.id === daemonId)
  if (!daemon || !engine.daemonIsUp(world.state, daemon)) {
    return { response: errorResponse(503, 'Cannot connect to the Docker daemon. Is the docker daemon running?'), path, route: null }
  }
  const match = matchRoute(ROUTES, method, path)
  if (!match) return { response: errorResponse(404, 'page not found'), path, route: null }
  if (version !== null) {
    const refusal = versionRefusal(version)
    if (refusal) return { response: errorResponse(400, refusal), path, route: match.route.template }
  }
  const body = raw?.body instanceof Uint8Array ? raw.body : undefined
  const request: ApiRequest = { method, path: text(raw?.path), query: strings(raw?.query, false), headers: strings(raw?.headers, true), ...(body ? { body } : {}) }
  const ctx: RouteContext = { world, daemon, time, request, params: match.params, query: request.query, apiVersion: version ?? API_VERSION }
  return { response: match.route.handler(ctx), path, route: match.route.template }
}

/** dockerd's middleware headers on every answer; the route's own headers win. */
function withDaemonHeaders(response: ApiResponse): ApiResponse {
  return { ...response, headers: { ...DAEMON_HEADERS, ...response.headers } }
}

export interface EngineHandlerOptions {
  /** Unix ms of virtual time 0; default 2025-01-01T00:00:00Z (DESIGN.md). A wall-clock server passes now − clockMs. */
  epochMs?: number
}

/**
 * The handler for the daemon `daemonId()` names (read at every request, so the caller can retarget it). A daemon
 * that is missing or down answers 503, as if nothing listened.
 */
export function createEngineHandler(world: World, daemonId: () => string, options: EngineHandlerOptions = {}): ApiHandler {
  const time = new TimeFormat(Number.isFinite(options.epochMs) ? options.epochMs : DEFAULT_EPOCH_MS)
  return (request: ApiRequest): ApiResponse => {
    let id = ''
    let handled: Handled
    try {
      id = String(daemonId())
      handled = handle(world, time, id, request)
    } catch (error) {
      handled = { response: errorResponse(500, messageOf(error)), path: text(request?.path), route: null }
    }
    const response = withDaemonHeaders(handled.response)
    try {
      const method = text(request?.method).toUpperCase()
      world.core.emit('api.request', id, `${method} ${handled.path}`, {
        internal: true,
        // the request and response objects ride along (by reference) so the app's request list can show them
        detail: { method, path: handled.path, route: handled.route, status: response.status, daemon: id, request, response }
      })
    } catch {
      // a listener's failure is not the client's problem
    }
    return response
  }
}
