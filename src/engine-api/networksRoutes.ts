// Networks: list (sorted by name, as `docker network ls` shows them), inspect, create (201 {Id, Warning}), remove, prune.
import type { NetworkState } from '../sim/index.ts'
import { engine } from '../sim/index.ts'
import { core, isRecord, readJson, type RouteContext, type View } from './context.ts'
import { hasEndpoint, endpoint } from './containerViews.ts'
import { labelMatches, matchesAll, parseFilters, regexMatch } from './filters.ts'
import { answer, empty, errorResponse, json, refused } from './responses.ts'
import { route, type Route } from './router.ts'
import type { ApiResponse } from './types.ts'

const BUILTIN = ['bridge', 'host', 'none']

function gatewayOf(subnet: string): string {
  const m = /^(\d+\.\d+\.\d+)\.\d+\/\d+$/.exec(subnet)
  return m ? `${m[1]}.1` : ''
}

export function networkView(view: View, net: NetworkState, withContainers: boolean): Record<string, unknown> {
  const { daemon, time } = view
  const containers: Record<string, unknown> = {}
  if (withContainers) {
    for (const c of daemon.containers) {
      if (c.hostConfig.networkMode !== net.name || !hasEndpoint(c)) continue
      const ep = endpoint(daemon, c)
      containers[c.id] = { Name: c.name, EndpointID: ep.EndpointID, MacAddress: ep.MacAddress, IPv4Address: ep.IPAddress ? `${String(ep.IPAddress)}/16` : '', IPv6Address: '' }
    }
  }
  const bridged = net.driver === 'bridge'
  return {
    Name: net.name, Id: net.id, Created: time.rfc3339Nano(net.createdAtMs), Scope: 'local', Driver: net.driver, EnableIPv4: bridged,
    EnableIPv6: false,
    IPAM: { Driver: 'default', Options: null, Config: bridged && net.subnet ? [{ Subnet: net.subnet, Gateway: gatewayOf(net.subnet) }] : [] },
    Internal: net.internal, Attachable: false, Ingress: false, ConfigFrom: { Network: '' }, ConfigOnly: false, Containers: containers,
    Options: net.name === 'bridge' ? { 'com.docker.network.bridge.default_bridge': 'true', 'com.docker.network.bridge.name': 'docker0' } : {},
    Labels: {}
  }
}

const LIST_FILTERS = ['dangling', 'driver', 'id', 'label', 'name', 'scope', 'type']

function listNetworks(ctx: RouteContext): ApiResponse {
  const parsed = parseFilters(ctx.query.filters, LIST_FILTERS)
  if (!parsed.ok) return errorResponse(400, parsed.message)
  for (const v of parsed.filters.get('type') ?? []) if (v !== 'custom' && v !== 'builtin') return errorResponse(400, `invalid filter: 'type'='${v}'`)
  const daemon = ctx.daemon
  const used = (net: NetworkState): boolean => daemon.containers.some((c) => c.hostConfig.networkMode === net.name)
  const list = daemon.networks.filter((net) => matchesAll(parsed.filters, (key, value) => {
    switch (key) {
      case 'name': return regexMatch(value, net.name)
      case 'id': return net.id.startsWith(value)
      case 'driver': return net.driver === value
      case 'type': return (value === 'builtin') === BUILTIN.includes(net.name)
      case 'scope': return value === 'local'
      case 'label': return labelMatches({}, value)
      case 'dangling': return (value === 'true' || value === '1') === (!BUILTIN.includes(net.name) && !used(net))
      default: return true
    }
  }))
  const sorted = [...list].sort((a, b) => a.name.localeCompare(b.name))
  return json(200, sorted.map((net) => networkView(ctx, net, false)))
}

function inspectNetwork(ctx: RouteContext): ApiResponse {
  const ref = ctx.params.id ?? ''
  const net = engine.resolveNetwork(ctx.daemon, ref)
  return net ? json(200, networkView(ctx, net, true)) : errorResponse(404, `network ${ref} not found`)
}

function createNetwork(ctx: RouteContext): ApiResponse {
  const body = readJson(ctx)
  if (!body.ok) return body.response
  const options = isRecord(body.value) ? body.value : {}
  const name = typeof options.Name === 'string' ? options.Name : ''
  if (name === '') return errorResponse(400, 'invalid name: name is empty')
  const driver = typeof options.Driver === 'string' && options.Driver !== '' ? options.Driver : 'bridge'
  return answer(engine.createNetwork(core(ctx), ctx.daemon, name, driver, options.Internal === true), (net) => json(201, { Id: net.id, Warning: '' }))
}

function removeNetwork(ctx: RouteContext): ApiResponse {
  return answer(engine.removeNetwork(core(ctx), ctx.daemon, ctx.params.id ?? ''), () => empty(204))
}

function pruneNetworks(ctx: RouteContext): ApiResponse {
  const parsed = parseFilters(ctx.query.filters, ['label', 'label!', 'until'])
  if (!parsed.ok) return errorResponse(400, parsed.message)
  const deleted: string[] = []
  for (const net of [...ctx.daemon.networks]) {
    if (BUILTIN.includes(net.name) || ctx.daemon.containers.some((c) => c.hostConfig.networkMode === net.name)) continue
    const r = engine.removeNetwork(core(ctx), ctx.daemon, net.id)
    if (!r.ok) return refused(r)
    deleted.push(net.name)
  }
  return json(200, { NetworksDeleted: deleted.length ? deleted : null })
}

export const networkRoutes: Route[] = [
  route('GET', '/networks', listNetworks),
  route('POST', '/networks/create', createNetwork),
  route('POST', '/networks/prune', pruneNetworks),
  route('GET', '/networks/{id}', inspectNetwork),
  route('DELETE', '/networks/{id}', removeNetwork)
]
