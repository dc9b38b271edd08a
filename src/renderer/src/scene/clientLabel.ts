// Where the terminal's docker CLI runs and how it reaches a daemon, in words: what the client box on the stage
// says and what the request list records with each request. Read from the world's client state (`client use`,
// `export DOCKER_HOST`, `docker context use`), the way the real CLI picks its endpoint.
import type { ClientLocation, WorldState } from '../../../sim/index.ts'
import { engine } from '../../../sim/index.ts'

export interface ClientDescription {
  readonly location: ClientLocation
  /** "CLI on container-host", "CLI on a macOS laptop", "Docker Desktop: CLI on the laptop" */
  readonly title: string
  /** how it gets there: "→ ssh → container-host", "→ unix socket → dockerd" */
  readonly route: string
  /** the one-line label: "CLI on a macOS laptop → ssh → container-host" */
  readonly label: string
  /** the endpoint the CLI uses: DOCKER_HOST, else the context's, else the platform default */
  readonly endpoint: string
  readonly dockerHost: string | null
  readonly context: string
  /** "unix socket", "ssh", "TLS", "tcp", "named pipe" */
  readonly transport: string
  /** the daemon it reaches, or null (and `problem` says why) */
  readonly daemon: string | null
  readonly problem: string | null
  /** true when the daemon is Docker Desktop's, in the hidden VM on the laptop */
  readonly dockerDesktop: boolean
}

const WHERE: Record<ClientLocation, string> = {
  host: 'container-host',
  'laptop-macos': 'a macOS laptop',
  'laptop-windows': 'a Windows laptop',
  'docker-desktop': 'the laptop'
}

export function transportOf(url: string): string {
  if (url.startsWith('unix://')) return 'unix socket'
  if (url.startsWith('npipe://')) return 'named pipe'
  if (url.startsWith('ssh://')) return 'ssh'
  if (url.startsWith('tcp://')) return /:2376\/?$/.test(url) ? 'TLS' : 'tcp'
  return 'an unknown transport'
}

export function describeClient(state: Readonly<WorldState>): ClientDescription {
  const client = state.client
  const endpoint = engine.effectiveHostUrl(state as WorldState, null)
  const transport = transportOf(endpoint)
  const context = client.dockerHost ? 'default' : client.currentContext
  const target = engine.resolveDaemonTarget(state as WorldState, null)
  const daemon = target.ok ? target.daemon.id : null
  const problem = target.ok ? null : target.error.split('\n').pop()!.replace(/^\(|\)$/g, '')
  const dockerDesktop = daemon === 'docker-desktop'
  const local = transport === 'unix socket' || transport === 'named pipe'
  let title = `CLI on ${WHERE[client.location]}`
  let label: string
  let route: string
  if (client.location === 'docker-desktop') {
    title = 'Docker Desktop: CLI on the laptop'
    // the default endpoint is the socket Docker Desktop forwards into its VM, whether or not the VM is up yet
    route = local ? '→ hidden Linux VM → dockerd' : `→ ${transport} → ${daemon ?? 'no daemon'}`
    label = `${title} ${route}`
  } else if (daemon && local) {
    route = `→ ${transport} → dockerd on ${daemon}`
    label = `${title} (${transport})`
  } else if (daemon) {
    route = `→ ${transport} → ${daemon}`
    label = `${title} ${route}`
  } else {
    route = client.location === 'host' ? '→ no daemon answers' : '→ no daemon here: set DOCKER_HOST'
    label = `${title} (${route.slice(2)})`
  }
  return { location: client.location, title, route, label, endpoint, dockerHost: client.dockerHost, context, transport, daemon, problem, dockerDesktop }
}

/** A cheap key that changes whenever the description could. */
export function clientKey(state: Readonly<WorldState>): string {
  const c = state.client
  let key = `${c.location}|${c.dockerHost ?? ''}|${c.currentContext}|${c.contexts.length}`
  for (let i = 0; i < c.contexts.length; i++) key += `|${c.contexts[i]!.name}=${c.contexts[i]!.host}`
  for (let i = 0; i < state.daemons.length; i++) {
    const d = state.daemons[i]!
    key += `|${d.id}:${engine.daemonIsUp(state as WorldState, d) ? 1 : 0}`
  }
  return key
}
