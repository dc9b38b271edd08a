import { describe, expect, it } from 'vitest'
import { nextLifecycle } from './lifecycle.ts'
import { vmMachine } from './vmMachine.ts'
import { containerMachine } from './containerMachine.ts'
import { hostMachine } from './hostMachine.ts'

describe('vm machine', () => {
  it('boots, pauses, resumes, stops', () => {
    expect(nextLifecycle(vmMachine, 'stopped', 'start')).toBe('starting')
    expect(nextLifecycle(vmMachine, 'starting', 'booted')).toBe('running')
    expect(nextLifecycle(vmMachine, 'running', 'pause')).toBe('paused')
    expect(nextLifecycle(vmMachine, 'paused', 'resume')).toBe('running')
    expect(nextLifecycle(vmMachine, 'running', 'stop')).toBe('stopping')
    expect(nextLifecycle(vmMachine, 'stopping', 'halted')).toBe('stopped')
  })
  it('refuses illegal moves', () => {
    expect(nextLifecycle(vmMachine, 'stopped', 'pause')).toBeNull()
    expect(nextLifecycle(vmMachine, 'running', 'start')).toBeNull()
    expect(nextLifecycle(vmMachine, 'running', 'delete')).toBeNull()
  })
  it('crashes from any live state and can start again', () => {
    for (const s of ['starting', 'running', 'paused', 'stopping'] as const) expect(nextLifecycle(vmMachine, s, 'crash')).toBe('crashed')
    expect(nextLifecycle(vmMachine, 'crashed', 'start')).toBe('starting')
  })
})

describe('container machine', () => {
  it('runs through its lifecycle', () => {
    expect(nextLifecycle(containerMachine, 'created', 'start')).toBe('starting')
    expect(nextLifecycle(containerMachine, 'starting', 'ready')).toBe('running')
    expect(nextLifecycle(containerMachine, 'running', 'pause')).toBe('paused')
    expect(nextLifecycle(containerMachine, 'paused', 'unpause')).toBe('running')
    expect(nextLifecycle(containerMachine, 'running', 'exit')).toBe('exited')
    expect(nextLifecycle(containerMachine, 'exited', 'scheduleRestart')).toBe('restarting')
    expect(nextLifecycle(containerMachine, 'restarting', 'start')).toBe('starting')
    expect(nextLifecycle(containerMachine, 'exited', 'remove')).toBe('removed')
  })
  it('refuses illegal moves', () => {
    expect(nextLifecycle(containerMachine, 'created', 'pause')).toBeNull()
    expect(nextLifecycle(containerMachine, 'exited', 'pause')).toBeNull()
    expect(nextLifecycle(containerMachine, 'running', 'ready')).toBeNull()
  })
})

describe('host machine', () => {
  it('panics, reboots and comes back', () => {
    expect(nextLifecycle(hostMachine, 'up', 'panic')).toBe('panicked')
    expect(nextLifecycle(hostMachine, 'panicked', 'reboot')).toBe('rebooting')
    expect(nextLifecycle(hostMachine, 'rebooting', 'booted')).toBe('up')
    expect(nextLifecycle(hostMachine, 'up', 'booted')).toBeNull()
  })
})
