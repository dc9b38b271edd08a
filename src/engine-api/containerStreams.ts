// Container endpoints that stream: wait, attach and logs. Each ends by itself when the container exits (or is
// removed), driven only by the world's events.
import type { ContainerState, LogLine } from '../sim/index.ts'
import { apiAtLeast, boolParam, type RouteContext } from './context.ts'
import { findContainer } from './containerLookup.ts'
import { exitCodeOf, isAbout } from './containerEvents.ts'
import { isRunningLike } from './containerViews.ts'
import { errorResponse, JSON_TYPE } from './responses.ts'
import { route, type Route } from './router.ts'
import { outputChunk, outputContentType, worldStream, type StreamControl } from './streams.ts'
import type { ApiResponse } from './types.ts'

const CONDITIONS = ['not-running', 'next-exit', 'removed']

/**
 * POST /containers/{id}/wait: the headers go out at once (the CLI waits for them before it starts the container,
 * protocol §0.4); `{"Error":null,"StatusCode":N}` follows when the condition is met.
 */
function waitContainer(ctx: RouteContext): ApiResponse {
  const found = findContainer(ctx)
  if (!found.ok) return found.response
  const condition = ctx.query.condition || 'not-running'
  if (!CONDITIONS.includes(condition)) return errorResponse(400, `invalid condition: "${condition}"`)
  const { world, daemon } = ctx
  const c = found.c
  const id = c.id
  let exitSeen: number | null = null
  // a container removed without an exit event (created, or a failed start) reports the code it holds
  const lastExit = (): number => exitSeen ?? c.exitCode ?? 0
  const stream = worldStream(world, daemon.id, (out) => {
    const finish = (code: number): void => {
      out.writeJson({ Error: null, StatusCode: code })
      out.end()
    }
    const current = (): ContainerState | undefined => world.state.daemons.find((d) => d.id === daemon.id)?.containers.find((c) => c.id === id)
    const now = current()
    if (!now) return finish(lastExit())
    if (condition === 'not-running' && !isRunningLike(now)) return finish(now.exitCode ?? 0)
    out.on((event) => {
      if (event.type === 'container.exited' && isAbout(world, event, daemon.id, id)) {
        exitSeen = exitCodeOf(event) ?? current()?.exitCode ?? lastExit()
        if (condition !== 'removed') finish(exitSeen)
      } else if (event.type === 'container.removed' && isAbout(world, event, daemon.id, id)) {
        // removal wakes every waiter, a created container's too (moby container/state.go)
        finish(lastExit())
      }
    })
  })
  return { status: 200, headers: { 'Content-Type': JSON_TYPE }, stream }
}

/** Split stored output into log lines, as the json-file driver stores one entry per line. */
function logLines(logs: readonly LogLine[]): LogLine[] {
  const out: LogLine[] = []
  for (const entry of logs) {
    const parts = entry.text.split(/(?<=\n)/)
    for (const text of parts) if (text !== '') out.push({ atMs: entry.atMs, stream: entry.stream, text })
  }
  return out
}

function streamsWanted(ctx: RouteContext): { stdout: boolean; stderr: boolean } {
  return { stdout: boolParam(ctx, 'stdout'), stderr: boolParam(ctx, 'stderr') }
}

function writeOutput(ctx: RouteContext, out: StreamControl, tty: boolean, line: LogLine, timestamps: boolean): void {
  out.write(outputChunk(tty, line.stream, timestamps ? `${ctx.time.rfc3339NanoFixed(line.atMs)} ${line.text}` : line.text))
}

/** Output events of container `id` go to `out` until the container exits or is removed. */
function followOutput(ctx: RouteContext, out: StreamControl, id: string, tty: boolean, wanted: { stdout: boolean; stderr: boolean }, timestamps: boolean): void {
  const { world, daemon } = ctx
  out.on((event) => {
    if (event.type === 'container.output' && event.detail?.id === id) {
      const stream = event.detail.stream === 2 ? 2 : 1
      if (stream === 1 ? !wanted.stdout : !wanted.stderr) return
      writeOutput(ctx, out, tty, { atMs: event.atMs, stream, text: String(event.detail.text ?? '') }, timestamps)
    } else if ((event.type === 'container.exited' || event.type === 'container.removed') && isAbout(world, event, daemon.id, id)) {
      out.end()
    }
  })
}

function logsContainer(ctx: RouteContext): ApiResponse {
  const found = findContainer(ctx)
  if (!found.ok) return found.response
  const wanted = streamsWanted(ctx)
  if (!wanted.stdout && !wanted.stderr) return errorResponse(400, 'Bad parameters: you must choose at least one stream')
  const bound = (name: string): number | null | undefined => {
    const raw = ctx.query[name]
    if (raw === undefined || raw === '' || raw === '0') return null
    const ms = ctx.time.virtualMsOf(raw)
    return ms === null ? undefined : ms
  }
  const since = bound('since')
  const until = bound('until')
  if (since === undefined || until === undefined) return errorResponse(400, `invalid value for ${since === undefined ? 'since' : 'until'}`)
  const tailText = (ctx.query.tail ?? 'all').trim()
  const tail = /^\d+$/.test(tailText) ? Number(tailText) : -1
  const timestamps = boolParam(ctx, 'timestamps')
  const c = found.c
  const tty = c.config.tty
  const stream = worldStream(ctx.world, ctx.daemon.id, (out) => {
    let lines = logLines(c.logs).filter((l) => (l.stream === 1 ? wanted.stdout : wanted.stderr) &&
      (since === null || l.atMs >= since) && (until === null || l.atMs <= until))
    if (tail >= 0) lines = tail === 0 ? [] : lines.slice(-tail)
    for (const line of lines) writeOutput(ctx, out, tty, line, timestamps)
    // dockerd follows only a container whose logger is live; `until` ends a follow too
    if (!boolParam(ctx, 'follow') || !isRunningLike(c) || (until !== null && until <= ctx.world.clockMs)) return out.end()
    followOutput(ctx, out, c.id, tty, wanted, timestamps)
  })
  return { status: 200, headers: { 'Content-Type': outputContentType(apiAtLeast(ctx, '1.42'), tty) }, stream }
}

/**
 * POST /containers/{id}/attach: hijacked; the attacher gets the output produced after it attached (with
 * `logs=1`, the stored output first), and the connection closes when the process exits (protocol §6.6).
 * stdin is accepted and dropped: simulated programs read none.
 */
function attachContainer(ctx: RouteContext): ApiResponse {
  const found = findContainer(ctx)
  if (!found.ok) return found.response
  const c = found.c
  const tty = c.config.tty
  const wanted = streamsWanted(ctx)
  const stream = worldStream(ctx.world, ctx.daemon.id, (out) => {
    if (boolParam(ctx, 'logs')) {
      for (const line of logLines(c.logs)) if (line.stream === 1 ? wanted.stdout : wanted.stderr) writeOutput(ctx, out, tty, line, false)
    }
    if (!boolParam(ctx, 'stream')) return out.end()
    followOutput(ctx, out, c.id, tty, wanted, false)
  }, { input: () => {}, inputEnded: () => {} })
  return { status: 101, upgrade: true, headers: { 'Content-Type': outputContentType(apiAtLeast(ctx, '1.42'), tty) }, stream }
}

export const containerStreamRoutes: Route[] = [
  route('POST', '/containers/{id}/wait', waitContainer),
  route('GET', '/containers/{id}/logs', logsContainer),
  route('POST', '/containers/{id}/attach', attachContainer)
]
