// The hops of one Engine API request, as the stage animates them and the request list steps through them:
// client → REST API → dockerd, then for the routes that change a container's life dockerd → containerd → runc →
// the container, and back. Everything else dockerd answers from its own state. Each hop says what happens there.
import { statusText } from './requestSummary'

export type Station = 'client' | 'api' | 'dockerd' | 'containerd' | 'runc' | 'container'

export interface Hop {
  readonly station: Station
  /** short name of the place: "dockerd", "REST API" */
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

type Lifecycle = { containerd: string; runc: string; container: (name: string) => string }

const LIFECYCLE: Record<string, Lifecycle> = {
  'POST /containers/create': {
    containerd: 'containerd prepares a snapshot for the new container: its writable layer over the image\'s read-only ones',
    runc: 'runc gets an OCI bundle (config.json: namespaces, cgroup limits, mounts) ready; nothing runs until start',
    container: (n) => `${n} now exists, in state "created": no process yet`
  },
  'POST /containers/{id}/start': {
    containerd: 'containerd starts a task through containerd-shim-runc-v2, the shim that stays with the container',
    runc: 'runc creates the namespaces and the cgroup, pivots into the root filesystem and execs the entrypoint',
    container: (n) => `${n}'s first process runs as PID 1 in its own namespaces, on the host's kernel`
  },
  'POST /containers/{id}/stop': {
    containerd: 'containerd signals the task: SIGTERM first, SIGKILL if it has not exited when the timeout ends',
    runc: 'runc kill delivers the signal to PID 1 inside the container',
    container: (n) => `${n}'s process exits; the container stays, stopped, with its writable layer`
  },
  'POST /containers/{id}/restart': {
    containerd: 'containerd stops the task, then starts a new one through the shim',
    runc: 'runc kills the old process and runs the entrypoint again in fresh namespaces',
    container: (n) => `${n} runs again (same writable layer, new PID 1)`
  },
  'POST /containers/{id}/kill': {
    containerd: 'containerd signals the task at once (SIGKILL unless another signal was asked for)',
    runc: 'runc kill delivers the signal to PID 1',
    container: (n) => `${n}'s process dies`
  },
  'POST /containers/{id}/pause': {
    containerd: 'containerd pauses the task',
    runc: 'runc pause freezes every process of the container with the cgroup freezer',
    container: (n) => `${n} is frozen: its processes get no CPU time until unpaused`
  },
  'POST /containers/{id}/unpause': {
    containerd: 'containerd resumes the task',
    runc: 'runc resume thaws the cgroup',
    container: (n) => `${n}'s processes run again where they stopped`
  },
  'DELETE /containers/{id}': {
    containerd: 'containerd deletes the task and the container\'s snapshot',
    runc: 'runc delete removes what is left of the container\'s runtime state',
    container: (n) => `${n} and its writable layer are gone`
  },
  'POST /exec/{id}/start': {
    containerd: 'containerd adds a process to the container\'s running task',
    runc: 'runc exec enters the container\'s namespaces and cgroup and starts the command there',
    container: (n) => `the command runs inside ${n}, beside its PID 1`
  }
}

/** What dockerd does itself, for the routes that stop there. */
const DOCKERD: Record<string, string> = {
  'GET /_ping': 'dockerd answers "OK": the CLI learns the API version and that the daemon is there',
  'HEAD /_ping': 'dockerd answers the ping: the CLI learns the API version and that the daemon is there',
  'GET /version': 'dockerd reports its version and the API versions it speaks',
  'GET /info': 'dockerd reports the host: kernel, CPUs, memory, how many containers and images',
  'GET /containers/json': 'dockerd lists containers from its own store; nothing below it is asked',
  'GET /containers/{id}/json': 'dockerd answers inspect from its own record of the container',
  'GET /containers/{id}/logs': 'dockerd reads the container\'s json-file log and streams it',
  'GET /containers/{id}/stats': 'dockerd reads the container\'s cgroup counters (CPU, memory, PIDs) and streams them',
  'GET /containers/{id}/top': 'dockerd lists the processes in the container\'s cgroup',
  'POST /containers/{id}/wait': 'dockerd holds the request open and answers when the container stops',
  'POST /containers/{id}/attach': 'dockerd hijacks the connection: from now on it carries the container\'s raw stdin/stdout',
  'POST /containers/{id}/exec': 'dockerd records an exec (the command to run) and returns its id; nothing runs yet',
  'POST /containers/{id}/rename': 'dockerd renames the container in its own store',
  'POST /containers/{id}/resize': 'dockerd resizes the container\'s TTY',
  'POST /containers/prune': 'dockerd removes every stopped container',
  'GET /images/json': 'dockerd lists the images in its image store',
  'POST /images/create': 'dockerd pulls the image from the registry; progress streams back as JSON lines',
  'DELETE /images/{name*}': 'dockerd untags the image and deletes layers no other image uses',
  'POST /images/{name*}/tag': 'dockerd adds a tag to the image: no bytes are copied',
  'POST /build': 'dockerd reads the build context (a tar) and runs the Dockerfile step by step',
  'GET /events': 'dockerd streams its event log as things happen',
  'GET /system/df': 'dockerd adds up the disk used by images, containers and volumes',
  'GET /networks': 'dockerd lists its networks',
  'POST /networks/create': 'dockerd creates a network (a Linux bridge and its subnet)',
  'GET /volumes': 'dockerd lists its volumes',
  'POST /volumes/create': 'dockerd creates a volume: a folder it manages on the host'
}

export function routeKey(method: string, route: string | null, path: string): string {
  return `${method} ${route ?? path}`
}

export function isLifecycle(input: Pick<HopInput, 'method' | 'route' | 'status'>): boolean {
  return input.status < 400 && input.route !== null && LIFECYCLE[`${input.method} ${input.route}`] !== undefined
}

/** The hops of one request, in order; the last is always the client reading the answer. */
export function hopsOf(input: HopInput): Hop[] {
  const key = routeKey(input.method, input.route, input.path)
  const answer = `${input.status} ${statusText(input.status)}`
  const hops: Hop[] = [
    { station: 'client', title: input.clientTitle, back: false,
      text: `The docker CLI sends ${key}${input.command ? `, for \`${input.command}\`` : ''}` },
    { station: 'api', title: 'REST API', back: false,
      text: `An HTTP request over ${input.transport} (${input.hostUrl}): the CLI is only a client of the daemon` }
  ]
  const lifecycle = isLifecycle(input) ? LIFECYCLE[key]! : null
  if (input.status === 503 && input.route === null) {
    hops.push({ station: 'dockerd', title: 'dockerd', back: false, text: `No daemon answers on ${input.daemon}: it is down or not there` })
  } else if (input.route === null) {
    hops.push({ station: 'dockerd', title: 'dockerd', back: false, text: `dockerd has no route for ${input.method} ${input.path}: ${answer}` })
  } else if (lifecycle) {
    const name = input.containerName ?? 'the container'
    hops.push(
      { station: 'dockerd', title: 'dockerd', back: false, text: `dockerd (the daemon on ${input.daemon}) checks the request and hands it to containerd` },
      { station: 'containerd', title: 'containerd', back: false, text: lifecycle.containerd },
      { station: 'runc', title: 'runc', back: false, text: lifecycle.runc },
      { station: 'container', title: name, back: false, text: lifecycle.container(name) },
      { station: 'dockerd', title: 'dockerd', back: true, text: `containerd reports back; dockerd answers ${answer}` }
    )
  } else {
    const own = DOCKERD[key] ?? `dockerd answers ${key} from its own state`
    hops.push({ station: 'dockerd', title: 'dockerd', back: false, text: input.status >= 400 ? `${own}; here it refuses: ${answer}` : own })
  }
  hops.push({ station: 'client', title: input.clientTitle, back: true, text: `The response, ${answer}, travels back and the CLI prints what it means` })
  return hops
}

/** Index of the hop where the answer starts back (the deepest station reached). */
export function turnIndex(hops: readonly Hop[]): number {
  const firstBack = hops.findIndex((h) => h.back)
  return Math.max(0, firstBack - 1)
}
