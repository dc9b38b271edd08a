import type { WorldCore } from '../WorldCore.ts'
import type { DaemonState, NetworkState, VolumeState } from '../model/types.ts'
import { done, refuse, type EngineResult } from './engineResult.ts'
import { recordDaemonEvent } from './daemonEvents.ts'

export function resolveNetwork(daemon: DaemonState, ref: string): NetworkState | undefined {
  return daemon.networks.find((n) => n.name === ref || n.id === ref) ??
    (ref.length >= 1 && /^[a-f0-9]+$/.test(ref) ? daemon.networks.filter((n) => n.id.startsWith(ref)).at(0) : undefined)
}

export function createNetwork(core: WorldCore, daemon: DaemonState, name: string, driver: string, internal: boolean): EngineResult<NetworkState> {
  if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(name)) return refuse(400, `invalid network name "${name}"`)
  if (daemon.networks.some((n) => n.name === name)) return refuse(409, `network with name ${name} already exists`)
  if (driver !== 'bridge') return refuse(400, `plugin "${driver}" not found`)
  const index = daemon.networks.filter((n) => n.driver === 'bridge').length + 17
  const net: NetworkState = { id: core.newId(`network:${name}`), name, driver: 'bridge', createdAtMs: core.clockMs, subnet: `172.${index}.0.0/16`, internal }
  daemon.networks.push(net)
  recordDaemonEvent(core, daemon, 'network', 'create', net.id, { name, type: 'bridge' })
  core.emit('network.created', name, `network ${name} created on ${daemon.id}`)
  return done(net)
}

export function removeNetwork(core: WorldCore, daemon: DaemonState, ref: string): EngineResult<null> {
  const net = resolveNetwork(daemon, ref)
  if (!net) return refuse(404, `network ${ref} not found`)
  if (['bridge', 'host', 'none'].includes(net.name)) return refuse(403, `${net.name} is a pre-defined network and cannot be removed`)
  // a container still in its start phases already holds its endpoint (its netns-veth phase), as one whose start call returned does
  const users = daemon.containers.filter((c) => c.hostConfig.networkMode === net.name && (c.state === 'running' || c.state === 'paused' || c.state === 'starting'))
  if (users.length > 0) return refuse(403, `error while removing network: network ${net.name} id ${net.id} has active endpoints`)
  daemon.networks = daemon.networks.filter((n) => n !== net)
  recordDaemonEvent(core, daemon, 'network', 'destroy', net.id, { name: net.name, type: 'bridge' })
  return done(null)
}

export function createVolume(core: WorldCore, daemon: DaemonState, name: string | null): EngineResult<VolumeState> {
  const volumeName = name || core.newId('volume')
  if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(volumeName)) return refuse(400, `create ${volumeName}: "${volumeName}" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path`)
  const existing = daemon.volumes.find((v) => v.name === volumeName)
  if (existing) return done(existing)
  const volume: VolumeState = { name: volumeName, createdAtMs: core.clockMs, sizeMb: 0 }
  daemon.volumes.push(volume)
  recordDaemonEvent(core, daemon, 'volume', 'create', volumeName, { driver: 'local' })
  return done(volume)
}

export function removeVolume(core: WorldCore, daemon: DaemonState, name: string, force: boolean): EngineResult<null> {
  const volume = daemon.volumes.find((v) => v.name === name)
  if (!volume) return force ? done(null) : refuse(404, `get ${name}: no such volume`)
  const users = daemon.containers.filter((c) => c.hostConfig.binds.some((b) => b.split(':')[0] === name))
  if (users.length > 0) return refuse(409, `remove ${name}: volume is in use - [${users.map((c) => c.id).join(', ')}]`)
  daemon.volumes = daemon.volumes.filter((v) => v !== volume)
  recordDaemonEvent(core, daemon, 'volume', 'destroy', name, { driver: 'local' })
  return done(null)
}
