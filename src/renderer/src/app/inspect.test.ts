// The inspector's words come as keys and values: the same inspection reads in English and in German, with the
// language's number format, and a language switch needs no new inspection.
import { afterAll, describe, expect, it } from 'vitest'
import { i18n } from '../i18n'
import { resolveText } from '../ui/uiText'
import type { Inspection } from '../ui/types'
import { inspect } from './inspect'
import { catalog, SOURCES } from '../../../sim/index.ts'
import { TestWorld } from '../../../../tests/support/TestWorld.ts'


function lines(i: Inspection): string[] {
  const t = i18n.t
  return [
    resolveText(t, i.summary), resolveText(t, i.kernel.text), resolveText(t, i.kernel.explanation), resolveText(t, i.isolationNote),
    ...[...i.live, ...i.memory, ...i.isolation].map((f) => `${resolveText(t, f.label)} = ${resolveText(t, f.value)}`)
  ]
}

describe('inspect', () => {
  afterAll(async () => { await i18n.changeLanguage('en') })

  it('describes a container and a VM in English and in German', async () => {
    const w = new TestWorld()
    await w.ok('docker pull nginx:1.27')
    await w.ok('vm create db --os ubuntu-24.04')
    await w.ok('vm start db')
    await w.ok('docker run -d --name web -m 256m -p 8080:80 nginx:1.27')
    w.advance('10s')
    const s = w.world.state
    const ctr = inspect(s, 'ctr:' + s.daemons[0]!.containers[0]!.id)!
    const vm = inspect(s, 'vm:' + s.vms[0]!.id)!

    await i18n.changeLanguage('en')
    expect(lines(ctr)).toContain("The host's kernel: Linux 6.8, shared")
    expect(lines(ctr)).toContain('Memory limit (memory.max) = 256 MiB')
    expect(resolveText(i18n.t, ctr.summary)).toBe('nginx:1.27 · on container-host · ports 8080→80/tcp · 172.17.0.2')
    expect(lines(vm)).toContain('Guest RAM, reserved on the host = 2,048 MiB')
    expect(resolveText(i18n.t, vm.summary)).toBe('Ubuntu Server 24.04 · 2 vCPU · 2.0 GiB RAM · 10 GiB disk · on vm-host (kvm)')

    await i18n.changeLanguage('de')
    expect(lines(ctr)).toContain('Der Kernel des Hosts: Linux 6.8, geteilt')
    expect(lines(ctr)).toContain('Speicherlimit (memory.max) = 256 MiB')
    expect(lines(vm)).toContain('Gast-RAM, auf dem Host reserviert = 2.048 MiB')
    expect(resolveText(i18n.t, vm.summary)).toBe('Ubuntu Server 24.04 · 2 vCPU · 2,0 GiB RAM · 10 GiB Festplatte · auf vm-host (kvm)')
    for (const line of [...lines(ctr), ...lines(vm)]) expect(line).not.toMatch(/\{\{|panels\./)
  })

  it('has German words for every phase, source and state the built-in catalog can produce', () => {
    const phases = new Set([
      ...Object.values(catalog.GUEST_OSES).flatMap((os) => os.phases.map((p) => p.name)),
      ...catalog.MICROVM_PHASES.map((p) => p.name),
      ...catalog.CONTAINER_PHASES.map((p) => p.name)
    ])
    for (const name of phases) expect(i18n.exists(`panels.phase.${name}`, { lng: 'de', fallbackLng: false }), name).toBe(true)
    for (const id of [...Object.keys(SOURCES), 'simulated', 'setting']) {
      expect(i18n.exists(`panels.source.${id}`, { lng: 'de', fallbackLng: false }), id).toBe(true)
      expect(i18n.exists(`panels.sourceTitle.${id}`, { lng: 'de', fallbackLng: false }), id).toBe(true)
    }
    const states = ['created', 'starting', 'running', 'paused', 'exited', 'restarting', 'removed', 'stopped', 'stopping', 'crashed', 'deleted', 'up', 'panicked', 'rebooting', 'off']
    for (const state of states) expect(i18n.exists(`state.${state}`, { lng: 'de', fallbackLng: false }), state).toBe(true)
  })
})
