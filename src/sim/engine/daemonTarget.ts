// Which engine a docker command reaches: from where the CLI runs and `-H` / DOCKER_HOST / a context, as the
// real CLI decides (DESIGN.md "Targets").
import type { DaemonState, WorldState } from '../model/types.ts'
import { daemonIsUp } from '../lookup.ts'

export type TargetResult = { ok: true; daemon: DaemonState; url: string; transport: string } | { ok: false; error: string }

const DEFAULT_SOCKET = 'unix:///var/run/docker.sock'

/** The URL the CLI would use with no -H: DOCKER_HOST, else the current context, else the platform default. */
export function effectiveHostUrl(s: WorldState, explicit: string | null): string {
  if (explicit) return explicit
  if (s.client.dockerHost) return s.client.dockerHost
  const ctx = s.client.contexts.find((c) => c.name === s.client.currentContext)
  if (ctx) return ctx.host
  return s.client.location === 'laptop-windows' ? 'npipe:////./pipe/docker_engine' : DEFAULT_SOCKET
}

export function resolveDaemonTarget(s: WorldState, explicit: string | null): TargetResult {
  const url = effectiveHostUrl(s, explicit)
  const cannot = (extra = ''): TargetResult => ({ ok: false, error: `Cannot connect to the Docker daemon at ${url}. Is the docker daemon running?${extra}` })
  let name: string | null = null
  let transport: string
  if (url.startsWith('unix://') || url.startsWith('npipe://')) {
    transport = url.startsWith('unix://') ? 'unix socket' : 'named pipe'
    if (s.client.location === 'host') name = 'container-host'
    else if (s.client.location === 'docker-desktop') name = 'docker-desktop'
    else return cannot(`\n(this ${s.client.location === 'laptop-macos' ? 'macOS' : 'Windows'} laptop runs no daemon: set DOCKER_HOST=ssh://user@container-host or use a context)`)
  } else {
    const m = /^(ssh|tcp):\/\/(?:[^@/]+@)?([^:/]+)(?::(\d+))?\/?$/.exec(url)
    if (!m) return { ok: false, error: `unable to parse docker host \`${url}\`` }
    const [, scheme, hostName, port] = m
    if (scheme === 'tcp' && (port ?? '2375') === '2375' && !['localhost', '127.0.0.1'].includes(hostName!)) {
      return cannot('\n(dockerd refuses a plain-TCP listener off loopback because anyone on the network could drive it: use ssh:// or TLS on port 2376)')
    }
    transport = scheme === 'ssh' ? 'ssh' : 'TLS over tcp'
    name = hostName === 'localhost' || hostName === '127.0.0.1' ? (s.client.location === 'host' ? 'container-host' : null) : hostName!
  }
  const daemon = name ? s.daemons.find((d) => d.id === name) : undefined
  if (!daemon || !daemonIsUp(s, daemon)) return cannot()
  return { ok: true, daemon, url, transport }
}
