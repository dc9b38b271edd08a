// The hops of one Engine API request, as the stage animates them and the request list steps through them:
// client → REST API → dockerd, then for the routes that change a container's life dockerd → containerd → runc →
// the container, and back. Everything else dockerd answers from its own state. Each hop says what happens there,
// in the UI language (requests.hop.*): RequestTrace says them again after a language change.
import { t } from '../i18n'
import { transportName } from '../scene/clientLabel'
import { statusText } from './requestSummary'

export type Station = 'client' | 'api' | 'dockerd' | 'containerd' | 'runc' | 'container'

export interface Hop {
  readonly station: Station
  /** short name of the place: "dockerd", "REST API", the client's title, the container's name */
  readonly title: string
  /** what happens there, one sentence */
  readonly text: string
  /** true on the way back (the response) */
  readonly back: boolean
}

/** What the hops need to know about a request. */
export interface HopInput {
  readonly method: string
  readonly route: string | null
  readonly path: string
  readonly status: number
  readonly daemon: string
  readonly transport: string
  readonly hostUrl: string
  readonly clientTitle: string
  readonly containerName: string | null
  readonly command: string | null
}

/** The routes that change a container's life: their key under requests.hop.lifecycle (containerd, runc, container). */
const LIFECYCLE: Readonly<Record<string, string>> = {
  'POST /containers/create': 'create',
  'POST /containers/{id}/start': 'start',
  'POST /containers/{id}/stop': 'stop',
  'POST /containers/{id}/restart': 'restart',
  'POST /containers/{id}/kill': 'kill',
  'POST /containers/{id}/pause': 'pause',
  'POST /containers/{id}/unpause': 'unpause',
  'DELETE /containers/{id}': 'remove',
  'POST /exec/{id}/start': 'exec'
}

/** What dockerd does itself, for the routes that stop there: their key under requests.hop.dockerd. */
const DOCKERD: Readonly<Record<string, string>> = {
  'GET /_ping': 'ping',
  'HEAD /_ping': 'pingHead',
  'GET /version': 'version',
  'GET /info': 'info',
  'GET /containers/json': 'containerList',
  'GET /containers/{id}/json': 'inspect',
  'GET /containers/{id}/logs': 'logs',
  'GET /containers/{id}/stats': 'stats',
  'GET /containers/{id}/top': 'top',
  'POST /containers/{id}/wait': 'wait',
  'POST /containers/{id}/attach': 'attach',
  'POST /containers/{id}/exec': 'execCreate',
  'POST /containers/{id}/rename': 'rename',
  'POST /containers/{id}/resize': 'resize',
  'POST /containers/prune': 'prune',
  'GET /images/json': 'imageList',
  'POST /images/create': 'pull',
  'DELETE /images/{name*}': 'imageRemove',
  'POST /images/{name*}/tag': 'tag',
  'POST /build': 'build',
  'GET /events': 'events',
  'GET /system/df': 'df',
  'GET /networks': 'networkList',
  'POST /networks/create': 'networkCreate',
  'GET /volumes': 'volumeList',
  'POST /volumes/create': 'volumeCreate'
}

export function routeKey(method: string, route: string | null, path: string): string {
  return `${method} ${route ?? path}`
}

export function isLifecycle(input: Pick<HopInput, 'method' | 'route' | 'status'>): boolean {
  return input.status < 400 && input.route !== null && LIFECYCLE[`${input.method} ${input.route}`] !== undefined
}

/** The hops of one request, in order, said in the UI language; the last is always the client reading the answer. */
export function hopsOf(input: HopInput): Hop[] {
  const key = routeKey(input.method, input.route, input.path)
  const answer = `${input.status} ${statusText(input.status)}`
  const hops: Hop[] = [
    { station: 'client', title: input.clientTitle, back: false,
      text: input.command ? t('requests.hop.sendsFor', { request: key, command: input.command }) : t('requests.hop.sends', { request: key }) },
    { station: 'api', title: 'REST API', back: false,
      text: t('requests.hop.api', { transport: transportName(input.transport, t), url: input.hostUrl }) }
  ]
  const lifecycle = isLifecycle(input) ? LIFECYCLE[key]! : null
  if (input.status === 503 && input.route === null) {
    hops.push({ station: 'dockerd', title: 'dockerd', back: false, text: t('requests.hop.noDaemon', { daemon: input.daemon }) })
  } else if (input.route === null) {
    hops.push({ station: 'dockerd', title: 'dockerd', back: false, text: t('requests.hop.noRoute', { method: input.method, path: input.path, answer }) })
  } else if (lifecycle) {
    const name = input.containerName ?? t('requests.hop.theContainer')
    const says = (part: string) => t(`requests.hop.lifecycle.${lifecycle}.${part}`, { name })
    hops.push(
      { station: 'dockerd', title: 'dockerd', back: false, text: t('requests.hop.handsOn', { daemon: input.daemon }) },
      { station: 'containerd', title: 'containerd', back: false, text: says('containerd') },
      { station: 'runc', title: 'runc', back: false, text: says('runc') },
      { station: 'container', title: name, back: false, text: says('container') },
      { station: 'dockerd', title: 'dockerd', back: true, text: t('requests.hop.reportsBack', { answer }) }
    )
  } else {
    const own = DOCKERD[key] ? t(`requests.hop.dockerd.${DOCKERD[key]}`) : t('requests.hop.ownState', { request: key })
    hops.push({ station: 'dockerd', title: 'dockerd', back: false, text: input.status >= 400 ? t('requests.hop.refuses', { what: own, answer }) : own })
  }
  hops.push({ station: 'client', title: input.clientTitle, back: true, text: t('requests.hop.response', { answer }) })
  return hops
}

/** Index of the hop where the answer starts back (the deepest station reached). */
export function turnIndex(hops: readonly Hop[]): number {
  const firstBack = hops.findIndex((h) => h.back)
  return Math.max(0, firstBack - 1)
}
