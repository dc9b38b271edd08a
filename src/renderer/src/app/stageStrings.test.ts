// The stage's words (src/renderer/src/scene gets them through a translate function, i18n/parts/stage.*.ts holds
// them, and i18n/parts/state.*.ts the state words it shares with the panels): every key the scene names and every
// value the built-in catalog can put on the stage has an English and a German text, and the tooltip details come out
// in German after a language change.
import { readdirSync, readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { catalog, World, type ContainerState, type HostState, type HypervisorKind, type VmState } from '../../../sim/index.ts'
import { stageEn } from '../i18n/parts/stage.en'
import { stageDe } from '../i18n/parts/stage.de'
import { stateEn } from '../i18n/parts/state.en'
import { stateDe } from '../i18n/parts/state.de'
import { i18n, t } from '../i18n'
import { describeLayer } from '../scene/describe'

type Table = { readonly [key: string]: string | Table }

/** the text at `path` (a key without the leading "stage." or "state."), a plural's `_other` form standing for the key */
function lookup(table: Table, path: string): string | undefined {
  const parts = path.split('.')
  let node: string | Table | undefined = table
  for (let i = 0; i < parts.length; i++) {
    if (typeof node !== 'object') return undefined
    const part = parts[i]!
    node = node[part] ?? (i === parts.length - 1 ? node[`${part}_other`] : undefined)
  }
  return typeof node === 'string' ? node : undefined
}

const tables = { en: stageEn as Table, de: stageDe as Table }
const stateTables = { en: stateEn as Table, de: stateDe as Table }

describe('the stage string tables', () => {
  it('have a text for every key the scene names', () => {
    const dir = 'src/renderer/src/scene'
    const keys = new Set<string>()
    const stateKeys = new Set<string>()
    for (const file of readdirSync(dir)) {
      if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue
      const source = readFileSync(`${dir}/${file}`, 'utf8')
      for (const match of source.matchAll(/'stage\.([A-Za-z.]+)'/g)) keys.add(match[1]!)
      for (const match of source.matchAll(/'state\.([A-Za-z.]+)'/g)) stateKeys.add(match[1]!)
    }
    expect(keys.size).toBeGreaterThan(40)
    expect(stateKeys.size).toBeGreaterThan(0)
    for (const [lang, table] of Object.entries(tables)) {
      for (const key of keys) expect(lookup(table, key), `${lang}: stage.${key}`).toBeTypeOf('string')
    }
    for (const [lang, table] of Object.entries(stateTables)) {
      for (const key of stateKeys) expect(lookup(table, key), `${lang}: state.${key}`).toBeTypeOf('string')
    }
  })

  it('name every start phase, state and hypervisor the catalog can produce', () => {
    const phases = new Set<string>()
    for (const os of Object.values(catalog.GUEST_OSES)) for (const p of os.phases) phases.add(p.name)
    for (const p of catalog.MICROVM_PHASES) phases.add(p.name)
    for (const p of catalog.CONTAINER_PHASES) phases.add(p.name)
    const vmStates: Record<VmState['state'], true> = { stopped: true, starting: true, running: true, paused: true, stopping: true, crashed: true, deleted: true }
    const ctrStates: Record<ContainerState['state'], true> = { created: true, starting: true, running: true, paused: true, exited: true, restarting: true, removed: true }
    const health: Record<NonNullable<ContainerState['health']>['status'], true> = { starting: true, healthy: true, unhealthy: true }
    const hostStates: Record<HostState['state'], true> = { up: true, panicked: true, rebooting: true, off: true }
    const hypervisors: Record<HypervisorKind, string> = { none: 'none', esxi: 'esxi', 'hyper-v': 'hyperV', kvm: 'kvm', virtualbox: 'virtualbox', 'vmware-workstation': 'vmwareWorkstation' }
    for (const [lang, table] of Object.entries(tables)) {
      for (const phase of phases) expect(lookup(table, `phase.${phase}`), `${lang}: phase ${phase}`).toBeTypeOf('string')
      for (const status of Object.keys(health)) expect(lookup(table, `health.${status}`), `${lang}: health ${status}`).toBeTypeOf('string')
      for (const state of Object.keys(hostStates)) expect(lookup(table, `describe.hostState.${state}`), `${lang}: host ${state}`).toBeTypeOf('string')
      for (const key of Object.values(hypervisors)) expect(lookup(table, `hypervisor.${key}`), `${lang}: hypervisor ${key}`).toBeTypeOf('string')
    }
    for (const [lang, table] of Object.entries(stateTables)) {
      for (const state of [...Object.keys(vmStates), ...Object.keys(ctrStates), ...Object.keys(hostStates)]) expect(lookup(table, state), `${lang}: state ${state}`).toBeTypeOf('string')
    }
  })
})

describe('tooltip details', () => {
  afterEach(async () => {
    await i18n.changeLanguage('en')
  })

  function world(): World {
    const w = new World({ seed: 1 })
    w.send({ type: 'vm.create', name: 'v', os: 'alpine-3.20', kind: 'full', docker: false, autostart: false })
    w.send({ type: 'vm.start', name: 'v' })
    w.step(10_000)
    return w
  }

  it('read as before in English', async () => {
    await i18n.changeLanguage('en')
    const w = world()
    const vm = w.state.vms[0]!
    expect(describeLayer(w.state, 'hardware', 'vm-host', null, t)).toMatch(/^vm-host: 16 cores, [\d.]+ GiB RAM, [\d.]+ [GT]iB disk$/)
    expect(describeLayer(w.state, 'shared-kernel', 'container-host', null, t)).toBe('Kernel 6.8: every one of the 0 live containers makes its system calls to it')
    expect(describeLayer(w.state, 'hypervisor', 'vm-host', null, t)).toBe('kvm: 1 VM, 1 running')
    expect(describeLayer(w.state, 'host-os', 'vm-host', null, t)).toBe('vm-host runs Linux with kernel 6.8; it is up')
    expect(describeLayer(w.state, 'vm', 'v', `vm:${vm.id}`, t)).toBe(`v: running, booted in ${vm.startupMs!.toLocaleString('en-US')} ms`)
    expect(describeLayer(w.state, 'guest-os', 'v', `vm:${vm.id}`, t)).toBe('Alpine Linux 3.20: a whole operating system inside v')
  })

  it('follow a switch to German', async () => {
    const w = world()
    const vm = w.state.vms[0]!
    await i18n.changeLanguage('de')
    expect(describeLayer(w.state, 'hypervisor', 'vm-host', null, t)).toBe('kvm: 1 VM, 1 läuft')
    expect(describeLayer(w.state, 'host-os', 'vm-host', null, t)).toBe('Auf vm-host läuft Linux mit Kernel 6.8; Zustand: in Betrieb')
    expect(describeLayer(w.state, 'vm', 'v', `vm:${vm.id}`, t)).toMatch(/^v: läuft, gebootet in [\d,]+ ms$/)
    expect(describeLayer(w.state, 'docker', 'container-host', null, t)).toMatch(/^0 Container, \d+ Images? auf dieser Engine$/)
    expect(describeLayer(w.state, 'cores', 'vm-host', null, t)).toMatch(/ von 16 Kernen ausgelastet$/)
  })
})
