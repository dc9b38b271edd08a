// POST /build (the legacy builder): the body is a tar of the build context. The steps are planned at once;
// their lines stream right away and the "Successfully built/tagged" lines follow when the world commits the image.
import type { ProjectFolder } from '../sim/index.ts'
import { engine } from '../sim/index.ts'
import { boolParam, core, type RouteContext } from './context.ts'
import { eventDaemon } from './containerEvents.ts'
import { errorResponse, JSON_TYPE } from './responses.ts'
import { route, type Route } from './router.ts'
import { looksLikeTar, readTar, textOf, cleanPath } from './tar.ts'
import { worldStream } from './streams.ts'
import { writeError, writeMessage } from './pullRoute.ts'
import type { ApiResponse } from './types.ts'

const MiB = 1048576

type Context = { ok: true; project: ProjectFolder } | { ok: false; response: ApiResponse }

/** The build context as a project folder. A body that is not an archive is the Dockerfile itself (`docker build - < Dockerfile`). */
export function contextOf(body: Uint8Array | undefined, name: string, dockerfile: string): Context {
  const bytes = body ?? new Uint8Array(0)
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    return { ok: false, response: errorResponse(400, 'compressed build contexts are not simulated: send a plain tar (docker build without --compress)') }
  }
  if (bytes.length > 0 && !looksLikeTar(bytes)) {
    const text = textOf(bytes, 1024 * 1024)
    if (text === undefined) return { ok: false, response: errorResponse(400, 'the build context is neither a tar archive nor a text Dockerfile') }
    return { ok: true, project: { name, files: [{ path: dockerfile, sizeMb: bytes.length / MiB, text }] } }
  }
  const tar = readTar(bytes)
  if (!tar.ok) return { ok: false, response: errorResponse(400, `failed to read the build context: ${tar.message}`) }
  const files = tar.files.map((f) => {
    const text = textOf(f.bytes)
    return { path: f.path, sizeMb: f.bytes.length / MiB, ...(text !== undefined ? { text } : {}) }
  })
  return { ok: true, project: { name, files } }
}

function build(ctx: RouteContext): ApiResponse {
  const tag = ctx.query.t ? ctx.query.t : null
  if (tag !== null && !engine.isValidRef(tag)) {
    return errorResponse(400, tag !== tag.toLowerCase() ? `invalid tag "${tag}": invalid reference format: repository name must be lowercase` : `invalid tag "${tag}": invalid reference format`)
  }
  if (ctx.query.remote) return errorResponse(501, 'building from a remote URL is not simulated: send the context as a tar')
  const dockerfile = cleanPath(ctx.query.dockerfile || 'Dockerfile') ?? 'Dockerfile'
  const context = contextOf(ctx.request.body, tag ?? 'context', dockerfile)
  if (!context.ok) return context.response
  const planned = engine.planBuild(core(ctx), ctx.daemon, context.project, dockerfile, tag)
  if (!planned.ok) return errorResponse(planned.status, planned.message)
  const plan = planned.value
  const quiet = boolParam(ctx, 'q')
  const { world, daemon } = ctx
  const image = plan.image
  if (!plan.error && image) engine.startBuild(core(ctx), daemon, plan)
  // the last lines ("Successfully built …", "Successfully tagged …") wait for the commit
  const finalCount = plan.error || !image ? 0 : plan.tag ? 2 : 1
  const steps = plan.lines.slice(0, plan.lines.length - finalCount)
  const final = plan.lines.slice(plan.lines.length - finalCount)
  const stream = worldStream(world, daemon.id, (out) => {
    if (!quiet) for (const line of steps) writeMessage(out, { stream: `${line}\n` })
    if (plan.error || !image) {
      writeError(out, plan.error ?? 'the build produced no image')
      return out.end()
    }
    const subject = plan.tag ?? engine.shortId(image.id)
    out.on((event) => {
      if (event.type !== 'image.built' || event.subject !== subject) return
      if (eventDaemon(event) !== undefined && eventDaemon(event) !== daemon.id) return
      writeMessage(out, { aux: { ID: image.id } })
      if (quiet) writeMessage(out, { stream: `${image.id}\n` })
      else for (const line of final) writeMessage(out, { stream: `${line}\n` })
      out.end()
    })
  })
  return { status: 200, headers: { 'Content-Type': JSON_TYPE }, stream }
}

export const buildRoutes: Route[] = [route('POST', '/build', build)]
