// The engine goes down with the kernel under it and comes back with it: restart policies decide who returns.
import type { WorldCore } from '../WorldCore.ts'
import type { VmState } from '../model/types.ts'
import { exitContainer, startContainer } from './containers.ts'
import { findDaemon } from '../lookup.ts'

/** Every live container of the daemon ends: cleanly on shutdown, abruptly (exit 255, no restart) on a crash. */
export function stopDaemonContainers(core: WorldCore, daemonId: string, how: 'shutdown' | 'crash'): void {
  const daemon = findDaemon(core.state, daemonId)
  if (!daemon) return
  for (const c of daemon.containers) {
    if (c.state === 'restarting') { c.state = 'exited'; core.cancelTimers(c.id); continue }
    if (c.state !== 'running' && c.state !== 'paused' && c.state !== 'starting') continue
    const code = how === 'crash' ? 255 : c.process.kind === 'service' && c.process.service !== 'sleep' ? 0 : 137
    exitContainer(core, daemon, c, code, { noRestart: true, reason: how === 'crash' ? 'the kernel under it went down' : 'its engine shut down' })
  }
}

/** When an engine starts (host booted, VM booted): containers with `always`, or `unless-stopped` not stopped by hand, come back. */
export function startDaemonAfterBoot(core: WorldCore, vmOrHost: VmState | { name: string }): void {
  const daemon = findDaemon(core.state, vmOrHost.name)
  if (!daemon) return
  for (const c of daemon.containers) {
    if (c.state !== 'exited') continue
    const policy = c.hostConfig.restartPolicy
    if (policy === 'always' || (policy === 'unless-stopped' && !c.manuallyStopped)) {
      c.manuallyStopped = false
      const r = startContainer(core, daemon, c)
      if (r.ok) core.emit('container.restarted', c.name, `container ${c.name} came back with the engine (restart policy ${policy})`)
    }
  }
}
