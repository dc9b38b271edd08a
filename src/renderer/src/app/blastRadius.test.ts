// The blast radius read from a headless world: verdicts, boundaries and captions follow the events after a fault,
// a rewind makes the outcome disappear, and the host PIDs of the processes view are the ones docker top prints.
import { afterEach, describe, expect, it } from 'vitest'
import { World } from '../../../sim/index.ts'
import { Shell } from '../../../cli/Shell.ts'
import { eventsSince, listInstances, rerunLines, sideView, snapshotBefore, suggestionFor, type ExperimentRecord, type FaultRun } from './blastRadius'
import { processModel } from './processes'
import type { FaultKind, SideView } from '../ui/labTypes'
import { i18n } from '../i18n'

async function world(lines: string[]): Promise<{ world: World; shell: Shell }> {
  const w = new World({ seed: 1 })
  const shell = new Shell(w)
  for (const line of lines) {
    const r = await shell.run(line)
    if (r.exitCode !== 0) throw new Error(`${line}: ${r.stderr}`)
  }
  return { world: w, shell }
}

const keyOf = (w: World, name: string): string => listInstances(w.state).find((i) => i.name === name)!.key

async function fault(w: World, shell: Shell, lines: string[], mode: 'single' | 'compare' = 'single'): Promise<ExperimentRecord> {
  const s = w.state
  const record = { runs: [] as FaultRun[], startIndex: s.events.length, atMs: s.clockMs, before: snapshotBefore(s), mode }
  for (const line of lines) {
    const [, kind, name] = line.split(' ')
    const key = keyOf(w, name!)
    const r = await shell.run(line)
    if (r.exitCode !== 0) throw new Error(r.stderr)
    record.runs.push({ fault: kind as FaultKind, key, line })
  }
  return record
}

function side(w: World, record: ExperimentRecord, index = 0): SideView {
  const events = eventsSince(w.state, record)
  if (!events) throw new Error('the world is not after the fault')
  return sideView(w.state, record, record.runs[index]!, events)!
}

const verdicts = (v: SideView): Record<string, string> => Object.fromEntries(v.entries.map((e) => [`${e.kind}:${e.name}`, e.verdict]))

const TWO_STACKS = ['docker run -d --name web --restart always nginx:1.27', 'docker run -d --name cache redis:7', 'vm create app --os alpine-3.20', 'vm start app',
  'vm create db --os alpine-3.20', 'vm start db', 'wait 10s']

describe('blast radius', () => {
  it('a panic from a container: the shared kernel failed, its containers hit, the VMs safe; then the host reboots', async () => {
    const { world: w, shell } = await world(TWO_STACKS)
    const record = await fault(w, shell, ['fault panic web'])
    w.step(500)
    const v = side(w, record)
    expect(verdicts(v)).toEqual({
      'container:web': 'hit', 'container:cache': 'hit', 'host:container-host': 'hit',
      'vm:app': 'safe', 'vm:db': 'safe', 'host:vm-host': 'safe'
    })
    expect(v.boundaries).toEqual([expect.objectContaining({ layerId: 'shared-kernel@container-host', held: false })])
    expect(v.caption).toBe("The container shared container-host's kernel, so its panic took down both containers on container-host. " +
      'The host reboots, which takes 60 s (a model assumption). The VMs on vm-host run their own kernels and kept going.')
    expect(v.target).toEqual({ state: 'exited', exitCode: 255, oomKilled: false })
    w.step(70_000)
    const after = side(w, record)
    expect(after.caption).toContain('The host rebooted; web came back through its restart policy and cache stayed down.')
    expect(after.entries.find((e) => e.name === 'web')!.detail).toBe('exited (255), restarted (--restart always)')
  })

  it('a panic in a VM: its guest kernel failed, the hypervisor held, everything else safe', async () => {
    const { world: w, shell } = await world(TWO_STACKS)
    const record = await fault(w, shell, ['fault panic app'])
    const v = side(w, record)
    expect(verdicts(v)).toMatchObject({ 'vm:app': 'hit', 'vm:db': 'safe', 'container:web': 'safe', 'host:vm-host': 'safe' })
    expect(v.boundaries.map((b) => [b.layerId.split('@')[0], b.held])).toEqual([['guest-kernel', false], ['hypervisor', true]])
    expect(v.caption).toBe('VM app runs its own kernel, so its panic took down that VM alone. The hypervisor kept the failure inside that VM: db, web and cache kept running.')
  })

  it('a leak with --memory: pending, then the cgroup held and only the leaking container was hit', async () => {
    const { world: w, shell } = await world(['docker run -d --name lim -m 256m nginx:1.27', ...TWO_STACKS])
    const record = await fault(w, shell, ['fault leak lim --rate 100m/s'])
    expect(side(w, record)).toMatchObject({ pending: true, boundaries: [] })
    w.step(5_000)
    const v = side(w, record)
    expect(v.pending).toBe(false)
    expect(verdicts(v)).toMatchObject({ 'container:lim': 'hit', 'container:web': 'safe', 'container:cache': 'safe', 'host:container-host': 'safe' })
    expect(v.boundaries).toEqual([expect.objectContaining({ layerId: keyOf(w, 'lim'), held: true, tag: 'cgroup memory.max' })])
    expect(v.caption).toContain("reached its memory limit (memory.max 256 MiB), so its own cgroup's OOM killer ended it: exit 137, OOMKilled true")
    expect(suggestionFor('leak', w.state, keyOf(w, 'lim'))).toBeNull()
  })

  it('a leak without a limit: the host OOM killer picks a victim; the suggestion recreates the container with a limit', async () => {
    const { world: w, shell } = await world(['host set container-host --memory 4g', ...TWO_STACKS])
    const record = await fault(w, shell, ['fault leak web --rate 500m/s'])
    w.step(20_000)
    const v = side(w, record)
    expect(v.entries.find((e) => e.name === 'web')).toMatchObject({ verdict: 'hit', detail: 'OOM-killed (exit 137), restarted (--restart always)' })
    expect(v.entries.find((e) => e.name === 'container-host')).toMatchObject({ verdict: 'affected' })
    expect(v.boundaries).toEqual([expect.objectContaining({ layerId: 'ram@container-host', held: false })])
    expect(v.caption).toContain("when it ran out, the host's OOM killer ended web (exit 137)")
    const suggestion = suggestionFor('leak', w.state, keyOf(w, 'web'))!
    expect(suggestion.label).toBe('Run again with --memory 256m')
    expect(rerunLines(w.state, keyOf(w, 'web'), suggestion.flag)).toEqual(['docker rm -f web', 'docker run -d --name web --restart always --memory 256m nginx:1.27'])
  })

  it('a rewind to before the fault leaves no outcome to show', async () => {
    const { world: w, shell } = await world([...TWO_STACKS, 'checkpoint before-panic-1'])
    const record = await fault(w, shell, ['fault panic web'])
    expect(eventsSince(w.state, record)).not.toBeNull()
    await shell.run('rewind before-panic-1')
    expect(eventsSince(w.state, record)).toBeNull()
  })

  it('same fault, both stacks: each side keeps to its own host', async () => {
    const { world: w, shell } = await world(TWO_STACKS)
    const record = await fault(w, shell, ['fault panic web', 'fault panic app'], 'compare')
    const container = side(w, record, 0)
    const vm = side(w, record, 1)
    expect(container.died).toEqual(['web', 'cache'])
    expect(container.keptRunning).toEqual([])
    expect(vm.died).toEqual(['app'])
    expect(vm.keptRunning).toEqual(['db'])
    expect(vm.hostDid).toBe('kept running')
  })
})

describe('processes, inside vs from the host', () => {
  it("a container's PID 1 is the app; from the host it has docker top's PID, under its shim", async () => {
    const { world: w, shell } = await world(['docker run -d --name web nginx:1.27', 'wait 2s'])
    const model = processModel(w.state, keyOf(w, 'web'))!
    expect(model.inside.lines[0]).toMatchObject({ pid: 1, command: '/docker-entrypoint.sh nginx -g daemon off;' })
    expect(model.inside.lines[1]?.command).toBe('nginx: worker process')
    const top = await shell.run('docker top web')
    const [main, ppid] = top.stdout.split('\n')[1]!.trim().split(/\s+/).slice(1, 3).map(Number)
    expect(model.fromHost.lines.find((l) => l.command.startsWith('containerd-shim-runc-v2'))?.pid).toBe(ppid)
    expect(model.fromHost.lines.find((l) => l.command === '/docker-entrypoint.sh nginx -g daemon off;')?.pid).toBe(main)
  })

  it('a VM is its own PID 1 inside and one VMM process with a thread per vCPU outside', async () => {
    const { world: w } = await world(['vm create v --os ubuntu-24.04 --cpus 2', 'vm start v', 'wait 10s'])
    const model = processModel(w.state, keyOf(w, 'v'))!
    expect(model.inside.lines[0]).toMatchObject({ pid: 1, command: '/sbin/init (systemd)' })
    const host = model.fromHost.lines
    expect(host.filter((l) => l.command.startsWith('qemu-system-x86_64'))).toHaveLength(1)
    expect(host.filter((l) => l.thread).map((l) => l.command)).toEqual(['CPU 0/KVM', 'CPU 1/KVM'])
  })
})

describe('in German', () => {
  afterEach(async () => {
    await i18n.changeLanguage('en')
  })

  /** every string of a side, to find a key that was not translated (i18next returns the key itself) */
  const texts = (v: SideView): string[] => [v.title, v.caption, v.now ?? '', v.hostDid, ...v.entries.flatMap((e) => [e.detail, e.where]),
    ...v.boundaries.flatMap((b) => [b.what, b.tag])]

  it('captions, details and boundaries come in German, with German numbers', async () => {
    await i18n.changeLanguage('de')
    const { world: w, shell } = await world(['host set container-host --memory 4g', ...TWO_STACKS])
    const record = await fault(w, shell, ['fault leak web --rate 500m/s'])
    const pending = side(w, record)
    expect(pending.caption).toBe('Container web verliert 500 MiB/s ohne Speicherlimit: Er kann den RAM von container-host belegen, bis der OOM-Killer des Hosts eingreift. Spring vorwärts, um zu sehen, wen er trifft.')
    expect(pending.now).toMatch(/^\d+ MiB belegt; \d+,\d GiB RAM von container-host noch frei \(etwa \d+ s bei dieser Rate\)$/)
    w.step(20_000)
    const v = side(w, record)
    expect(v.entries.find((e) => e.name === 'web')!.detail).toBe('vom OOM-Killer beendet (Exit 137), neu gestartet (--restart always)')
    expect(v.entries.find((e) => e.name === 'cache')!.detail).toBe('lief weiter')
    expect(v.boundaries[0]).toMatchObject({ what: 'der RAM von container-host, ohne Limit geteilt', tag: 'Host-RAM' })
    expect(v.caption).toContain('hat der OOM-Killer des Hosts web beendet (Exit 137)')
    expect(v.caption).toContain('web kam über seine Restart-Policy zurück.')
    expect(suggestionFor('leak', w.state, keyOf(w, 'web'))).toMatchObject({ label: 'Noch einmal mit --memory 256m', flag: '--memory 256m' })
  })

  it('a panic from a container: the list and the reboot in German', async () => {
    await i18n.changeLanguage('de')
    const { world: w, shell } = await world(TWO_STACKS)
    const record = await fault(w, shell, ['fault panic web'])
    w.step(70_000)
    expect(side(w, record).caption).toBe('Der Container teilte sich den Kernel von container-host, also hat seine Panic beide Container auf container-host mitgerissen. ' +
      'Der Host ist neu gestartet; web kam über seine Restart-Policy zurück, und cache blieb aus. Die VMs auf vm-host haben eigene Kernel und liefen weiter.')
  })

  it('every fault, on a container and on a VM, has no untranslated key', async () => {
    await i18n.changeLanguage('de')
    const faults: FaultKind[] = ['panic', 'leak', 'cpu-hog', 'fork-bomb', 'disk-fill', 'escape']
    for (const kind of faults) {
      for (const target of ['web', 'app', 'root']) {
        const { world: w, shell } = await world(['docker run -d --name root --privileged redis:7', ...TWO_STACKS])
        const record = await fault(w, shell, [`fault ${kind} ${target}${kind === 'leak' || kind === 'disk-fill' ? ' --rate 2000m/s' : ''}`])
        for (const ms of [0, 30_000]) {
          w.step(ms)
          const v = side(w, record)
          for (const text of texts(v)) expect(text, `${kind} ${target}`).not.toMatch(/lab\.|\bthe\b/)
        }
      }
    }
  })

  it('the processes view in German', async () => {
    await i18n.changeLanguage('de')
    const { world: w } = await world(['docker run -d --name web nginx:1.27', 'vm create v --os ubuntu-24.04 --cpus 2', 'vm start v', 'wait 10s'])
    const ctr = processModel(w.state, keyOf(w, 'web'))!
    expect(ctr.inside.title).toBe('Im Container')
    expect(ctr.inside.lines[0]!.note).toBe('PID 1: die App selbst, kein init')
    expect(ctr.fromHost.how).toBe('docker top web (Host-PIDs)')
    const vm = processModel(w.state, keyOf(w, 'v'))!
    expect(vm.fromHost.note).toBe('Ein Prozess mit 2 vCPU-Threads: Der Host plant diese Threads ein und sieht nichts darin.')
    expect(vm.fromHost.how).toBe('ps -eLf auf vm-host')
  })
})
