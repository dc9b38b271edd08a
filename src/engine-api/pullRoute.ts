// POST /images/create?fromImage=…&tag=…: a pull. Registry errors that stop the pull before it starts are HTTP
// errors (the CLI prints "Error response from daemon: …"); once progress has been written, a failure is an
// in-stream `{"errorDetail":…,"error":…}` message (protocol §3 "docker pull").
import { engine } from '../sim/index.ts'
import { core, type RouteContext } from './context.ts'
import { errorResponse, JSON_TYPE } from './responses.ts'
import { route, type Route } from './router.ts'
import { eventDaemon } from './containerEvents.ts'
import { worldStream, type StreamControl } from './streams.ts'
import type { ApiResponse } from './types.ts'

/** dockerd's JSON messages end with "\r\n". */
const CRLF = '\r\n'

export function writeMessage(out: StreamControl, message: unknown): void {
  out.writeJson(message, CRLF)
}

export function writeError(out: StreamControl, message: string): void {
  writeMessage(out, { errorDetail: { message }, error: message })
}

/** The reference the client asked for: the digest travels in `tag` (protocol §3). */
function requestedRef(fromImage: string, tag: string): string {
  if (tag === '') return fromImage
  return tag.startsWith('sha256:') ? `${fromImage}@${tag}` : `${fromImage}:${tag}`
}

function pullImage(ctx: RouteContext): ApiResponse {
  const fromImage = ctx.query.fromImage ?? ''
  const tag = ctx.query.tag ?? ''
  if (fromImage === '') {
    if (ctx.query.fromSrc) return errorResponse(501, 'importing an image from a tarball (fromSrc) is not simulated; pull an image from the offline registry instead')
    return errorResponse(400, 'fromImage or fromSrc is required')
  }
  const ref = requestedRef(fromImage, tag)
  if (!engine.isValidRef(ref)) {
    return errorResponse(400, fromImage !== fromImage.toLowerCase() ? `invalid reference format: repository name (${fromImage}) must be lowercase` : 'invalid reference format')
  }
  const { world, daemon } = ctx
  const norm = engine.normalizeRef(ref)
  const { repo } = engine.splitRef(norm)
  const shownTag = tag || engine.splitRef(norm).tag
  // a Windows-only image on this Linux daemon: the manifest list is read (and "Pulling from" written) before
  // the platform check fails, so dockerd reports it inside the stream
  const listed = engine.findInRegistry(norm)
  if (listed && listed.spec.os !== 'linux') {
    const stream = worldStream(world, daemon.id, (out) => {
      writeMessage(out, { status: `Pulling from ${engine.remoteName(repo)}`, id: shownTag })
      writeError(out, 'no matching manifest for linux/amd64 in the manifest list entries')
      out.end()
    })
    return { status: 200, headers: { 'Content-Type': JSON_TYPE }, stream }
  }
  const planned = engine.planPull(core(ctx), daemon, ref, 'linux')
  if (!planned.ok) return errorResponse(planned.status, planned.message)
  const plan = planned.value
  engine.startPull(core(ctx), daemon, plan)
  const lines = engine.pullProgressLines(plan)
  const stream = worldStream(world, daemon.id, (out) => {
    lines.start.forEach((message, i) => writeMessage(out, i === 0 ? { ...message, id: shownTag } : message))
    out.on((event) => {
      if (event.type !== 'image.pulled' || event.subject !== plan.ref) return
      if (eventDaemon(event) !== undefined && eventDaemon(event) !== daemon.id) return
      for (const message of lines.end) writeMessage(out, message)
      out.end()
    })
  })
  return { status: 200, headers: { 'Content-Type': JSON_TYPE }, stream }
}

export const pullRoutes: Route[] = [route('POST', '/images/create', pullImage)]
