// Volumes: list ({Volumes, Warnings}), create (201), inspect, remove, prune.
import type { DaemonState, VolumeState } from '../sim/index.ts'
import { engine } from '../sim/index.ts'
import { boolParam, core, isRecord, readJson, type RouteContext } from './context.ts'
import { labelMatches, matchesAll, parseFilters, regexMatch } from './filters.ts'
import { answer, empty, errorResponse, json, refused } from './responses.ts'
import { route, type Route } from './router.ts'
import type { TimeFormat } from './time.ts'
import type { ApiResponse } from './types.ts'

export function volumeView(time: TimeFormat, volume: VolumeState): Record<string, unknown> {
  // the local driver reports CreatedAt in whole seconds
  return {
    CreatedAt: time.rfc3339Nano(Math.floor((time.epochMs + volume.createdAtMs) / 1000) * 1000 - time.epochMs), Driver: 'local', Labels: {}, Mountpoint: `/var/lib/docker/volumes/${volume.name}/_data`,
    Name: volume.name, Options: {}, Scope: 'local'
  }
}

export const volumeUsers = (daemon: DaemonState, volume: VolumeState): number =>
  daemon.containers.filter((c) => c.hostConfig.binds.some((b) => b.split(':')[0] === volume.name)).length

/** Anonymous volumes have 64-hex generated names (what `volume prune` removes by default since API 1.42). */
const anonymous = (volume: VolumeState): boolean => /^[a-f0-9]{64}$/.test(volume.name)

function listVolumes(ctx: RouteContext): ApiResponse {
  const parsed = parseFilters(ctx.query.filters, ['dangling', 'driver', 'label', 'name'])
  if (!parsed.ok) return errorResponse(400, parsed.message)
  const daemon = ctx.daemon
  const list = daemon.volumes.filter((v) => matchesAll(parsed.filters, (key, value) => {
    switch (key) {
      case 'name': return regexMatch(value, v.name)
      case 'driver': return value === 'local'
      case 'label': return labelMatches({}, value)
      case 'dangling': return (value === 'true' || value === '1') === (volumeUsers(daemon, v) === 0)
      default: return true
    }
  }))
  return json(200, { Volumes: list.map((v) => volumeView(ctx.time, v)), Warnings: null })
}

function createVolume(ctx: RouteContext): ApiResponse {
  const body = readJson(ctx)
  if (!body.ok) return body.response
  const options = isRecord(body.value) ? body.value : {}
  const driver = typeof options.Driver === 'string' && options.Driver !== '' ? options.Driver : 'local'
  if (driver !== 'local') return errorResponse(404, `error looking up volume plugin ${driver}: plugin "${driver}" not found`)
  const name = typeof options.Name === 'string' && options.Name !== '' ? options.Name : null
  return answer(engine.createVolume(core(ctx), ctx.daemon, name), (v) => json(201, volumeView(ctx.time, v)))
}

function inspectVolume(ctx: RouteContext): ApiResponse {
  const name = ctx.params.name ?? ''
  const volume = ctx.daemon.volumes.find((v) => v.name === name)
  return volume ? json(200, volumeView(ctx.time, volume)) : errorResponse(404, `get ${name}: no such volume`)
}

function removeVolume(ctx: RouteContext): ApiResponse {
  return answer(engine.removeVolume(core(ctx), ctx.daemon, ctx.params.name ?? '', boolParam(ctx, 'force')), () => empty(204))
}

function pruneVolumes(ctx: RouteContext): ApiResponse {
  const parsed = parseFilters(ctx.query.filters, ['all', 'label', 'label!'])
  if (!parsed.ok) return errorResponse(400, parsed.message)
  const all = (parsed.filters.get('all') ?? []).some((v) => v === 'true' || v === '1')
  const deleted: string[] = []
  let reclaimed = 0
  for (const v of [...ctx.daemon.volumes]) {
    if (volumeUsers(ctx.daemon, v) > 0 || (!all && !anonymous(v))) continue
    const r = engine.removeVolume(core(ctx), ctx.daemon, v.name, false)
    if (!r.ok) return refused(r)
    deleted.push(v.name)
    reclaimed += Math.round(v.sizeMb * 1_000_000)
  }
  return json(200, { VolumesDeleted: deleted.length ? deleted : null, SpaceReclaimed: reclaimed })
}

export const volumeRoutes: Route[] = [
  route('GET', '/volumes', listVolumes),
  route('POST', '/volumes/create', createVolume),
  route('POST', '/volumes/prune', pruneVolumes),
  route('GET', '/volumes/{name}', inspectVolume),
  route('DELETE', '/volumes/{name}', removeVolume)
]
