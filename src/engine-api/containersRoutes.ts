// Container endpoints that answer at once: list, create, inspect, the lifecycle verbs, rename, resize, top, prune.
import type { ContainerState } from '../sim/index.ts'
import { engine } from '../sim/index.ts'
import { boolParam, core, intParam, readJson, type RouteContext } from './context.ts'
import { findContainer } from './containerLookup.ts'
import { apiState, containerInspect, containerSummary, effectiveCommand, exposedPortKeys, isRunningLike } from './containerViews.ts'
import { BadRequest, parseCreateSpec } from './createSpec.ts'
import { labelMatches, matchesAll, parseFilters, regexMatch } from './filters.ts'
import { pidOf } from './ids.ts'
import { answer, empty, errorResponse, json, refused } from './responses.ts'
import { route, type Route } from './router.ts'
import type { ApiResponse } from './types.ts'

const LIST_FILTERS = ['ancestor', 'before', 'expose', 'exited', 'health', 'id', 'isolation', 'is-task', 'label', 'name', 'network', 'publish', 'since', 'status', 'volume']
const STATES = ['created', 'restarting', 'running', 'removing', 'paused', 'exited', 'dead']

function listContainers(ctx: RouteContext): ApiResponse {
  const parsed = parseFilters(ctx.query.filters, LIST_FILTERS)
  if (!parsed.ok) return errorResponse(400, parsed.message)
  const filters = parsed.filters
  for (const v of filters.get('status') ?? []) if (!STATES.includes(v)) return errorResponse(400, `invalid filter 'status=${v}'`)
  for (const v of filters.get('health') ?? []) if (!['starting', 'healthy', 'unhealthy', 'none'].includes(v)) return errorResponse(400, `invalid filter 'health=${v}'`)
  for (const v of filters.get('exited') ?? []) if (!/^-?\d+$/.test(v)) return errorResponse(400, `invalid filter 'exited=${v}'`)
  const daemon = ctx.daemon
  const limit = intParam(ctx, 'limit') ?? -1
  // like dockerd, a status filter or a limit lists stopped containers too
  const all = boolParam(ctx, 'all') || filters.has('status') || limit > 0
  const refTime = (key: string): number | null => {
    const ref = filters.get(key)?.[0]
    if (ref === undefined) return null
    return engine.resolveContainer(daemon, ref)?.createdAtMs ?? Number.NaN
  }
  const before = refTime('before')
  const since = refTime('since')
  if (Number.isNaN(before) || Number.isNaN(since)) return errorResponse(404, `No such container: ${filters.get(Number.isNaN(before) ? 'before' : 'since')?.[0] ?? ''}`)
  const list = [...daemon.containers].reverse().filter((c) => {
    if (!all && !isRunningLike(c)) return false
    if (before !== null && !(c.createdAtMs < before)) return false
    if (since !== null && !(c.createdAtMs > since)) return false
    return matchesAll(filters, (key, value) => containerMatches(ctx, c, key, value))
  })
  const shown = limit > 0 ? list.slice(0, limit) : list
  return json(200, shown.map((c) => containerSummary(ctx, c, boolParam(ctx, 'size'))))
}

function containerMatches(ctx: RouteContext, c: ContainerState, key: string, value: string): boolean {
  const daemon = ctx.daemon
  switch (key) {
    case 'name': return regexMatch(value, `/${c.name}`) || regexMatch(value, c.name)
    case 'id': return c.id.startsWith(value) || regexMatch(value, c.id)
    case 'status': return apiState(c) === value
    case 'label': return labelMatches(c.config.labels, value)
    case 'exited': return c.state === 'exited' && c.exitCode === Number(value)
    case 'health': return value === 'none' ? !c.health : c.health?.status === value && isRunningLike(c)
    case 'ancestor': {
      // dockerd looks the value up as an image; one it cannot find matches nothing
      const image = engine.resolveImage(daemon, value)
      return image !== undefined && c.imageId === image.id
    }
    case 'network': {
      const net = engine.resolveNetwork(daemon, value)
      return net !== undefined && net.name === c.hostConfig.networkMode
    }
    case 'volume': return c.hostConfig.binds.some((b) => b.split(':')[0] === value || b.split(':')[1] === value)
    case 'expose': return exposedPortKeys(daemon, c).includes(value.includes('/') ? value : `${value}/tcp`)
    case 'publish': return c.hostConfig.portBindings.some((b) => `${b.hostPort}/${b.protocol}` === (value.includes('/') ? value : `${value}/tcp`))
    case 'is-task': return value === 'false'
    default: return true // before/since/isolation are applied elsewhere or always hold
  }
}

function createContainer(ctx: RouteContext): ApiResponse {
  const body = readJson(ctx)
  if (!body.ok) return body.response
  const name = ctx.query.name ? ctx.query.name : null
  let spec
  try {
    spec = parseCreateSpec(body.value, name, ctx.daemon)
  } catch (error) {
    if (error instanceof BadRequest) return errorResponse(400, error.message)
    throw error
  }
  return answer(engine.createContainer(core(ctx), ctx.daemon, spec), (r) => json(201, { Id: r.id, Warnings: r.warnings }))
}

function inspectContainer(ctx: RouteContext): ApiResponse {
  const found = findContainer(ctx)
  if (!found.ok) return found.response
  return json(200, containerInspect(ctx, found.c, boolParam(ctx, 'size')))
}

/** A lifecycle verb: find the container, run the daemon operation, answer 204 (or 304 when nothing changed). */
function verb(run: (ctx: RouteContext, c: ContainerState) => ApiResponse) {
  return (ctx: RouteContext): ApiResponse => {
    const found = findContainer(ctx)
    return found.ok ? run(ctx, found.c) : found.response
  }
}

const startContainer = verb((ctx, c) => {
  // API ≥ 1.24 refuses the HostConfig that old clients sent with start
  const body = readJson(ctx)
  if (!body.ok) return body.response
  if (typeof body.value === 'object' && body.value !== null && Object.keys(body.value).length > 0) {
    return errorResponse(400, 'starting container with non-empty request body was deprecated since API v1.22 and removed in v1.24')
  }
  return answer(engine.startContainer(core(ctx), ctx.daemon, c), (r) => empty(r === 'already' ? 304 : 204))
})

const stopContainer = verb((ctx, c) => answer(engine.stopContainer(core(ctx), ctx.daemon, c), (r) => empty(r === 'already' ? 304 : 204)))

const restartContainer = verb((ctx, c) => answer(engine.restartContainer(core(ctx), ctx.daemon, c), () => empty(204)))

const killContainer = verb((ctx, c) => {
  const signal = ctx.query.signal || 'KILL'
  const r = engine.killContainer(core(ctx), ctx.daemon, c, signal)
  if (r.ok) return empty(204)
  // dockerd names the container as the client did ("cannot kill container: web: …")
  const prefix = `cannot kill container: ${c.name}: `
  return errorResponse(r.status, r.message.startsWith(prefix) ? `cannot kill container: ${ctx.params.id}: ${r.message.slice(prefix.length)}` : r.message)
})

const pauseContainer = verb((ctx, c) => answer(engine.pauseContainer(core(ctx), ctx.daemon, c), () => empty(204)))
const unpauseContainer = verb((ctx, c) => answer(engine.unpauseContainer(core(ctx), ctx.daemon, c), () => empty(204)))

const removeContainer = verb((ctx, c) => answer(engine.removeContainer(core(ctx), ctx.daemon, c, boolParam(ctx, 'force')), () => empty(204)))

const renameContainer = verb((ctx, c) => {
  const name = (ctx.query.name ?? '').replace(/^\//, '')
  if (name === '') return errorResponse(400, 'Neither old nor new names may be empty')
  return answer(engine.renameContainer(core(ctx), ctx.daemon, c, name), () => empty(204))
})

const resizeContainer = verb((ctx, c) => {
  const h = intParam(ctx, 'h')
  const w = intParam(ctx, 'w')
  if ((ctx.query.h !== undefined && (h === null || h < 0)) || (ctx.query.w !== undefined && (w === null || w < 0))) {
    return errorResponse(400, 'invalid resize dimensions')
  }
  if (!isRunningLike(c)) return errorResponse(409, `container ${c.id} is not running`)
  return empty(200)
})

const topContainer = verb((ctx, c) => {
  if (!isRunningLike(c) || c.state === 'restarting') return errorResponse(409, `container ${c.id} is not running`)
  const { path, args } = effectiveCommand(ctx.daemon, c)
  const main = pidOf(c.id, c.gen)
  const startedMs = c.startedAtMs ?? ctx.world.clockMs
  const stime = ctx.time.rfc3339NanoFixed(startedMs).slice(11, 16)
  const cpuSeconds = Math.floor(c.cpuUsageNs / 1e9)
  const time = [Math.floor(cpuSeconds / 3600), Math.floor(cpuSeconds / 60) % 60, cpuSeconds % 60].map((n) => String(n).padStart(2, '0')).join(':')
  const cmd = [path, ...args].join(' ')
  const count = Math.max(1, Math.min(c.pids, 50))
  const processes = Array.from({ length: count }, (_, i) => [
    'root', String(i === 0 ? main : main + 40 + i), String(i === 0 ? main - 21 : main), '0', stime, '?', i === 0 ? time : '00:00:00',
    // workers carry the service's name (nginx), not the entrypoint script's
    i === 0 ? cmd : `${c.process.kind === 'service' ? c.process.service : (path.split('/').pop() ?? path)}: worker process`
  ])
  return json(200, { Titles: ['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'], Processes: processes })
})

function pruneContainers(ctx: RouteContext): ApiResponse {
  const parsed = parseFilters(ctx.query.filters, ['label', 'label!', 'until'])
  if (!parsed.ok) return errorResponse(400, parsed.message)
  const deleted: string[] = []
  let reclaimed = 0
  for (const c of [...ctx.daemon.containers]) {
    if (isRunningLike(c)) continue
    if (!matchesAll(parsed.filters, (key, value) => key === 'label' ? labelMatches(c.config.labels, value) : key === 'label!' ? !labelMatches(c.config.labels, value) : true)) continue
    const mb = c.writableMb
    const r = engine.removeContainer(core(ctx), ctx.daemon, c, false)
    if (!r.ok) return refused(r)
    deleted.push(c.id)
    reclaimed += Math.round(mb * 1_000_000)
  }
  return json(200, { ContainersDeleted: deleted.length ? deleted : null, SpaceReclaimed: reclaimed })
}

export const containerRoutes: Route[] = [
  route('GET', '/containers/json', listContainers),
  route('POST', '/containers/create', createContainer),
  route('POST', '/containers/prune', pruneContainers),
  route('GET', '/containers/{id}/json', inspectContainer),
  route('GET', '/containers/{id}/top', topContainer),
  route('POST', '/containers/{id}/start', startContainer),
  route('POST', '/containers/{id}/stop', stopContainer),
  route('POST', '/containers/{id}/restart', restartContainer),
  route('POST', '/containers/{id}/kill', killContainer),
  route('POST', '/containers/{id}/pause', pauseContainer),
  route('POST', '/containers/{id}/unpause', unpauseContainer),
  route('POST', '/containers/{id}/rename', renameContainer),
  route('POST', '/containers/{id}/resize', resizeContainer),
  route('DELETE', '/containers/{id}', removeContainer)
]
