// Exec: create (201 {Id}), start (hijacked; frames of the command's output, then the connection closes),
// inspect (the CLI's exit code is ExitCode), resize.
import type { ExecState } from '../sim/index.ts'
import { engine } from '../sim/index.ts'
import { apiAtLeast, core, isRecord, readJson, type RouteContext } from './context.ts'
import { findContainer } from './containerLookup.ts'
import { isAbout } from './containerEvents.ts'
import { answer, empty, errorResponse, json } from './responses.ts'
import { route, type Route } from './router.ts'
import { outputChunk, outputContentType, worldStream } from './streams.ts'
import type { ApiResponse } from './types.ts'

function findExec(ctx: RouteContext): ExecState | undefined {
  const id = ctx.params.id ?? ''
  return ctx.daemon.execs.find((e) => e.id === id)
}

const noSuchExec = (ctx: RouteContext): ApiResponse => errorResponse(404, `No such exec instance: ${ctx.params.id ?? ''}`)

function stringList(value: unknown): string[] | null {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[]
  return null
}

function createExec(ctx: RouteContext): ApiResponse {
  const found = findContainer(ctx)
  if (!found.ok) return found.response
  const body = readJson(ctx)
  if (!body.ok) return body.response
  if (body.value !== undefined && body.value !== null && !isRecord(body.value)) {
    return errorResponse(400, 'json: cannot unmarshal into Go value of type container.ExecOptions')
  }
  const options = isRecord(body.value) ? body.value : {}
  const cmd = options.Cmd === undefined || options.Cmd === null ? [] : stringList(options.Cmd)
  if (cmd === null) return errorResponse(400, 'json: cannot unmarshal into Go struct field ExecOptions.Cmd of type []string')
  const tty = options.Tty === true
  return answer(engine.createExec(core(ctx), ctx.daemon, found.c.id, cmd, tty), (exec) => json(201, { Id: exec.id }))
}

function startExec(ctx: RouteContext): ApiResponse {
  const exec = findExec(ctx)
  if (!exec) return noSuchExec(ctx)
  const body = readJson(ctx)
  if (!body.ok) return body.response
  const options = isRecord(body.value) ? body.value : {}
  const started = engine.startExec(core(ctx), ctx.daemon, exec)
  if (!started.ok) return errorResponse(started.status, started.message)
  if (options.Detach === true) return empty(200)
  const { world, daemon } = ctx
  const tty = options.Tty === true || exec.tty
  const stream = worldStream(world, daemon.id, (out) => {
    out.on((event) => {
      if (event.type === 'exec.finished' && event.detail?.execId === exec.id) {
        const stdout = String(event.detail.stdout ?? '')
        const stderr = String(event.detail.stderr ?? '')
        if (stdout) out.write(outputChunk(tty, 1, stdout))
        if (stderr) out.write(outputChunk(tty, 2, stderr))
        out.end()
      } else if ((event.type === 'container.exited' || event.type === 'container.removed') && isAbout(world, event, daemon.id, exec.containerId)) {
        out.end() // the exec's process dies with its container
      }
    })
  }, { input: () => {}, inputEnded: () => {} })
  return { status: 101, upgrade: true, headers: { 'Content-Type': outputContentType(apiAtLeast(ctx, '1.42'), tty) }, stream }
}

function inspectExec(ctx: RouteContext): ApiResponse {
  const exec = findExec(ctx)
  if (!exec) return noSuchExec(ctx)
  return json(200, {
    ID: exec.id, Running: exec.running, ExitCode: exec.exitCode,
    ProcessConfig: { tty: exec.tty, entrypoint: exec.cmd[0] ?? '', arguments: exec.cmd.slice(1), privileged: false, user: '' },
    OpenStdin: false, OpenStderr: true, OpenStdout: true, CanRemove: false, ContainerID: exec.containerId, DetachKeys: '',
    Pid: exec.running ? exec.pid : 0
  })
}

function resizeExec(ctx: RouteContext): ApiResponse {
  return findExec(ctx) ? empty(200) : noSuchExec(ctx)
}

export const execRoutes: Route[] = [
  route('POST', '/containers/{id}/exec', createExec),
  route('POST', '/exec/{id}/start', startExec),
  route('GET', '/exec/{id}/json', inspectExec),
  route('POST', '/exec/{id}/resize', resizeExec)
]
