import { setup } from 'xstate'

/**
 * A container's lifecycle (DESIGN.md): created → starting (through its phases) → running ⇄ paused → exited
 * (OOM-killed or not) → removed; restarting while a restart policy brings it back.
 */
export const containerMachine = setup({
  types: {
    events: {} as
      | { type: 'start' } | { type: 'ready' } | { type: 'pause' } | { type: 'unpause' } | { type: 'exit' }
      | { type: 'scheduleRestart' } | { type: 'remove' }
  }
}).createMachine({
  id: 'container',
  initial: 'created',
  states: {
    created: { on: { start: 'starting', remove: 'removed', exit: 'exited' } },
    starting: { on: { ready: 'running', exit: 'exited', remove: 'removed' } },
    running: { on: { pause: 'paused', exit: 'exited', remove: 'removed' } },
    paused: { on: { unpause: 'running', exit: 'exited', remove: 'removed' } },
    exited: { on: { start: 'starting', scheduleRestart: 'restarting', remove: 'removed' } },
    restarting: { on: { start: 'starting', exit: 'exited', remove: 'removed' } },
    removed: { type: 'final' }
  }
})

export type ContainerLifecycle = 'created' | 'starting' | 'running' | 'paused' | 'exited' | 'restarting' | 'removed'
