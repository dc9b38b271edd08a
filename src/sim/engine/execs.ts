import type { WorldCore } from '../WorldCore.ts'
import type { DaemonState, ExecState, Timer } from '../model/types.ts'
import { done, refuse, type EngineResult } from './engineResult.ts'
import { runShell } from './shell.ts'
import { shellContextFor } from './containers.ts'
import { recordDaemonEvent } from './daemonEvents.ts'

export function createExec(core: WorldCore, daemon: DaemonState, containerId: string, cmd: string[], tty: boolean): EngineResult<ExecState> {
  const c = daemon.containers.find((x) => x.id === containerId)!
  if (c.state === 'paused') return refuse(409, `container ${c.id} is paused, unpause the container before exec`)
  // `starting` counts as running: dockerd's start call returns only once the process runs, so a client may exec at once
  if (c.state !== 'running' && c.state !== 'starting') return refuse(409, `container ${c.id} is not running`)
  if (cmd.length === 0) return refuse(400, 'No exec command specified')
  const exec: ExecState = { id: core.newId('exec'), containerId: c.id, cmd, tty, running: false, exitCode: null, pid: 0 }
  daemon.execs.push(exec)
  if (daemon.execs.length > 500) daemon.execs.shift()
  recordDaemonEvent(core, daemon, 'container', `exec_create: ${cmd.join(' ')}`, c.id, { name: c.name })
  return done(exec)
}

/** Runs the exec's command in the container; output and exit code land when its `exec.done` timer fires. */
export function startExec(core: WorldCore, daemon: DaemonState, exec: ExecState): EngineResult<null> {
  const c = daemon.containers.find((x) => x.id === exec.containerId)
  if (!c || (c.state !== 'running' && c.state !== 'starting')) return refuse(409, `container ${exec.containerId} is not running`)
  if (exec.running || exec.exitCode !== null) return refuse(409, `Error: Exec command ${exec.id} has already run`)
  const result = runShell(exec.cmd, shellContextFor(core, daemon, c))
  exec.running = true
  exec.pid = 100 + (core.state.seq % 900)
  recordDaemonEvent(core, daemon, 'container', `exec_start: ${exec.cmd.join(' ')}`, c.id, { name: c.name })
  const payload = JSON.stringify({ stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode, forever: result.forever })
  if (!result.forever) core.schedule(core.clockMs + result.durationMs, 'exec.done', exec.id, `${daemon.id}|${payload}`)
  return done(null)
}

export function onExecDone(core: WorldCore, timer: Timer): void {
  const data = timer.data ?? ''
  const bar = data.indexOf('|')
  const daemon = core.state.daemons.find((d) => d.id === data.slice(0, bar))
  const exec = daemon?.execs.find((e) => e.id === timer.target)
  if (!daemon || !exec) return
  const { stdout, stderr, exitCode } = JSON.parse(data.slice(bar + 1)) as { stdout: string; stderr: string; exitCode: number }
  exec.running = false
  exec.exitCode = exitCode
  recordDaemonEvent(core, daemon, 'container', 'exec_die', exec.containerId, { execID: exec.id, exitCode: String(exitCode) })
  core.emit('exec.finished', exec.id, `exec ${exec.cmd.join(' ')} exited with ${exitCode}`, { internal: true, detail: { execId: exec.id, stdout, stderr, exitCode } })
}
