import { setup } from 'xstate'

/** A host's kernel: up → panicked → rebooting → up; or powered off. */
export const hostMachine = setup({
  types: { events: {} as { type: 'panic' } | { type: 'reboot' } | { type: 'booted' } | { type: 'powerOff' } | { type: 'powerOn' } }
}).createMachine({
  id: 'host',
  initial: 'up',
  states: {
    up: { on: { panic: 'panicked', powerOff: 'off' } },
    panicked: { on: { reboot: 'rebooting', powerOff: 'off' } },
    rebooting: { on: { booted: 'up', panic: 'panicked' } },
    off: { on: { powerOn: 'rebooting' } }
  }
})

export type HostLifecycle = 'up' | 'panicked' | 'rebooting' | 'off'
