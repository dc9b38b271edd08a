import { setup } from 'xstate'

/**
 * A VM's lifecycle (DESIGN.md): stopped → starting (through its boot phases) → running ⇄ paused → stopping →
 * stopped; crashed when its kernel panics or its host goes down. The phases inside `starting` are counted by
 * the world's scheduler, not by events each tick.
 */
export const vmMachine = setup({
  types: {
    events: {} as
      | { type: 'start' } | { type: 'booted' } | { type: 'pause' } | { type: 'resume' }
      | { type: 'stop' } | { type: 'halted' } | { type: 'crash' } | { type: 'delete' }
  }
}).createMachine({
  id: 'vm',
  initial: 'stopped',
  states: {
    stopped: { on: { start: 'starting', delete: 'deleted' } },
    starting: { on: { booted: 'running', stop: 'stopping', crash: 'crashed' } },
    running: { on: { pause: 'paused', stop: 'stopping', crash: 'crashed' } },
    paused: { on: { resume: 'running', stop: 'stopping', crash: 'crashed' } },
    stopping: { on: { halted: 'stopped', crash: 'crashed' } },
    crashed: { on: { start: 'starting', delete: 'deleted', stop: 'stopped' } },
    deleted: { type: 'final' }
  }
})

export type VmLifecycle = 'stopped' | 'starting' | 'running' | 'paused' | 'stopping' | 'crashed' | 'deleted'
export type VmEventType = Parameters<typeof vmMachine.transition>[1]['type']
