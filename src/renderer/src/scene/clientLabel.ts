// Where the terminal's docker CLI runs and how it reaches a daemon, in words: what the client box on the stage
// says and what the request list records with each request. Read from the world's client state (`client use`,
// `export DOCKER_HOST`, `docker context use`), the way the real CLI picks its endpoint.
import type { ClientLocation, WorldState } from '../../../sim/index.ts'
import { engine } from '../../../sim/index.ts'
// says a key of the requests area's table: the app passes i18n's t (the scene may not import i18n)
import type { Translate } from './types'

export type { Translate }

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
  /** "unix socket", "ssh", "TLS", "tcp", "named pipe", in the language of the translate function */
  readonly transport: string
  /** the daemon it reaches, or null (and `problem` says why) */
  readonly daemon: string | null
  readonly problem: string | null
  /** true when the daemon is Docker Desktop's, in the hidden VM on the laptop */
  readonly dockerDesktop: boolean
}

/** The key fragment of a client's place (requests.client.title.*, requests.clientShort.*). */
export function locationKey(location: ClientLocation | 'this-computer'): string {
  switch (location) {
    case 'host': return 'host'
    case 'laptop-macos': return 'laptopMacos'
    case 'laptop-windows': return 'laptopWindows'
    case 'docker-desktop': return 'dockerDesktop'
    case 'this-computer': return 'thisComputer'
  }
}

/** "CLI on container-host", "CLI on a macOS laptop", "a real docker CLI" (the engine bridge's client). */
export function clientTitleOf(location: ClientLocation | 'this-computer', tr: Translate): string {
  return tr(`requests.client.title.${locationKey(location)}`)
}

const TRANSPORT_KEY: Readonly<Record<string, string>> = {
  'unix socket': 'unixSocket', 'named pipe': 'namedPipe', ssh: 'ssh', TLS: 'tls', tcp: 'tcp'
}

/** The transport (a value from transportOf) in words of the UI language. */
export function transportName(transport: string, tr: Translate): string {
  return tr(`requests.client.transport.${TRANSPORT_KEY[transport] ?? 'unknown'}`)
}

/** How the CLI reaches its daemon, as a value (English, the same in every language): see transportName. */
export function transportOf(url: string): string {
  if (url.startsWith('unix://')) return 'unix socket'
  if (url.startsWith('npipe://')) return 'named pipe'
  if (url.startsWith('ssh://')) return 'ssh'
  if (url.startsWith('tcp://')) return /:2376\/?$/.test(url) ? 'TLS' : 'tcp'
  return 'unknown'
}

/** The client in words; `transport` is said in the language of `tr` (transportOf gives the value). */
export function describeClient(state: Readonly<WorldState>, tr: Translate): ClientDescription {
  const client = state.client
  const endpoint = engine.effectiveHostUrl(state as WorldState, null)
  const transport = transportName(transportOf(endpoint), tr)
  const context = client.dockerHost ? 'default' : client.currentContext
  const target = engine.resolveDaemonTarget(state as WorldState, null)
  const daemon = target.ok ? target.daemon.id : null
  const problem = target.ok ? null : target.error.split('\n').pop()!.replace(/^\(|\)$/g, '')
  const dockerDesktop = daemon === 'docker-desktop'
  const kind = transportOf(endpoint)
  const local = kind === 'unix socket' || kind === 'named pipe'
  const title = clientTitleOf(client.location, tr)
  let label: string
  let route: string
  if (client.location === 'docker-desktop') {
    // the default endpoint is the socket Docker Desktop forwards into its VM, whether or not the VM is up yet
    route = local ? `→ ${tr('requests.client.hiddenVm')} → dockerd` : `→ ${transport} → ${daemon ?? tr('requests.client.noDaemon')}`
    label = `${title} ${route}`
  } else if (daemon && local) {
    route = `→ ${transport} → ${tr('requests.client.dockerdOn', { daemon })}`
    label = `${title} (${transport})`
  } else if (daemon) {
    route = `→ ${transport} → ${daemon}`
    label = `${title} ${route}`
  } else {
    const why = tr(client.location === 'host' ? 'requests.client.noDaemonAnswers' : 'requests.client.noDaemonHere')
    route = `→ ${why}`
    label = `${title} (${why})`
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
