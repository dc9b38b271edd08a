import { describe, expect, it } from 'vitest'
import { World } from '../../../sim/index.ts'
import { containerStopwatchMs, formatStopwatch, vmStopwatchMs } from './stopwatch'
import { containerPhaseLayer, layerStatus, vmPhaseLayer } from './lifecycle'

describe('stopwatches', () => {
  it('runs through a VM boot and stops at startupMs', () => {
    const world = new World({ seed: 1 })
    world.send({ type: 'vm.create', name: 'v', os: 'alpine-3.20', kind: 'full', docker: false, autostart: false })
    world.send({ type: 'vm.start', name: 'v' })
    world.step(1000)
    const vm = world.state.vms[0]!
    expect(vmStopwatchMs(world.clockMs, vm)).toBe(1000)
    world.step(10_000)
    expect(vm.startupMs).not.toBeNull()
    expect(vmStopwatchMs(world.clockMs, vm)).toBe(vm.startupMs)
  })

  it('reads a container mid-phase from its phase timer', () => {
    const world = new World({ seed: 1 })
    // a container 15 ms into its second start phase (the first took 20 ms), built by hand
    const planned = [{ name: 'api-call', ms: 20 }, { name: 'create-snapshot', ms: 60 }]
    const c = { id: 'c1', state: 'starting', phases: [{ name: 'api-call', ms: 20 }], plannedPhases: planned, phaseIndex: 1, startupMs: null } as unknown as Parameters<typeof containerStopwatchMs>[1]
    world.state.timers.push({ atMs: world.clockMs + 45, seq: 1, kind: 'container.phase', target: 'c1' })
    expect(containerStopwatchMs(world.state, c)).toBe(20 + 15)
  })

  it('formats with thousands separators', () => {
    expect(formatStopwatch(7935)).toBe('7,935 ms')
    expect(formatStopwatch(210)).toBe('210 ms')
  })
})

describe('layer status', () => {
  const vmPlan = ['vmm-init', 'firmware', 'bootloader', 'kernel', 'initramfs', 'userspace'].map((name) => ({ name }))

  it('lights a VM bottom-up as its boot phases complete', () => {
    // during "kernel": the virtual hardware is up, the guest kernel is booting, the OS and apps are not yet
    const at = vmPlan.findIndex((p) => p.name === 'kernel')
    expect([0, 1, 2, 3].map((layer) => layerStatus(layer, false, true, vmPlan, at, vmPhaseLayer))).toEqual(['on', 'booting', 'off', 'off'])
    expect([0, 1, 2, 3].map((layer) => layerStatus(layer, true, false, vmPlan, vmPlan.length, vmPhaseLayer))).toEqual(['on', 'on', 'on', 'on'])
  })

  it('brings a container\'s image layers up before its app', () => {
    const plan = ['api-call', 'create-snapshot', 'netns-veth', 'shim', 'runc-create', 'runc-start'].map((name) => ({ name }))
    expect([0, 1, 2].map((layer) => layerStatus(layer, false, true, plan, 3, containerPhaseLayer))).toEqual(['booting', 'on', 'off'])
  })
})
