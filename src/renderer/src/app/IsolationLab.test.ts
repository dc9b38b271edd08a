// The lab's actions, headless: every step is a command line in the session, a checkpoint comes before each fault,
// rewind restores it, "run again with --memory" recreates the container with its limit, and the comparison
// creates its two instances when they are missing.
import { describe, expect, it } from 'vitest'
import { SimController } from './SimController'
import { IsolationLab } from './IsolationLab'
import type { Platform } from '../platform/createPlatform'
import { i18n } from '../i18n'

function setup(): { controller: SimController; lab: IsolationLab } {
  const controller = new SimController({ platform: {} as Platform, playing: false })
  return { controller, lab: new IsolationLab(controller) }
}

async function run(controller: SimController, lines: string[]): Promise<void> {
  for (const line of lines) {
    const r = await controller.runLine(line, 'ui')
    if (r.exitCode !== 0) throw new Error(`${line}: ${r.stderr}`)
  }
}

const keyOf = (controller: SimController, name: string): string => controller.store.getSnapshot().instances.find((i) => i.name === name)!.key
const session = (controller: SimController): string[] => controller.shell.session.map((e) => e.line)
const instance = (controller: SimController, name: string) => controller.world.report().instances.find((i) => i.name === name)!

describe('IsolationLab', () => {
  it('takes a checkpoint before the fault, shows the outcome, and rewinds to it', async () => {
    const { controller, lab } = setup()
    await run(controller, ['docker run -d --name web nginx:1.27', 'docker run -d --name cache redis:7', 'wait 2s'])
    await lab.inject(keyOf(controller, 'web'), 'panic', {})
    expect(session(controller).slice(-2)).toEqual(['checkpoint before-panic-1', 'fault panic web'])
    const experiment = lab.store.getSnapshot().experiment!
    expect(experiment).toMatchObject({ status: 'live', checkpoint: 'before-panic-1', lines: ['checkpoint before-panic-1', 'fault panic web'] })
    expect(experiment.sides[0]!.died).toEqual(['web', 'cache'])
    expect(experiment.announcement).toContain("shared container-host's kernel")
    await lab.rewindToBefore()
    expect(lab.store.getSnapshot().experiment!.status).toBe('rewound')
    expect(lab.store.getSnapshot().experiment!.announcement).toBe('Rewound to before-panic-1: the world is as it was just before the kernel panic.')
    expect(instance(controller, 'cache').state).toBe('running')
    // the next experiment numbers its checkpoint on
    await lab.inject(keyOf(controller, 'cache'), 'escape', {})
    expect(session(controller).slice(-2)).toEqual(['checkpoint before-escape-2', 'fault escape cache'])
  })

  it('runs a leak again with --memory: rewind, recreate, checkpoint, fault; the cgroup ends it alone', async () => {
    const { controller, lab } = setup()
    await run(controller, ['docker run -d --name web -p 8080:80 nginx:1.27', 'docker run -d --name cache redis:7', 'wait 2s'])
    controller.select(keyOf(controller, 'web'))
    await lab.inject(keyOf(controller, 'web'), 'leak', { rateMbPerS: 500 })
    expect(lab.store.getSnapshot().experiment!.suggestion?.label).toBe('Run again with --memory 256m')
    await lab.runAgain(true)
    // (the history has every line; the session file keeps the wait as the gap between the commands)
    expect(controller.history().slice(-6)).toEqual([
      'rewind before-leak-1', 'docker rm -f web', 'docker run -d --name web -p 8080:80 --memory 256m nginx:1.27', 'wait 300ms',
      'checkpoint before-leak-2', 'fault leak web --rate 500m/s'
    ])
    // the recreated container stays selected
    expect(controller.store.getSnapshot().selectedKey).toBe(keyOf(controller, 'web'))
    controller.setStepMs(1000)
    controller.step()
    await Promise.resolve()
    expect(instance(controller, 'web')).toMatchObject({ state: 'exited', exitCode: 137, oomKilled: true, limits: { memoryMb: 256 } })
    expect(instance(controller, 'cache').state).toBe('running')
    expect(lab.store.getSnapshot().experiment!.sides[0]!.boundaries[0]).toMatchObject({ held: true, tag: 'cgroup memory.max' })
    expect(lab.store.getSnapshot().experiment!.suggestion).toBeNull()
  })

  it('compares a fault on both stacks, creating nginx-ctr and nginx-vm first', async () => {
    const { controller, lab } = setup()
    await lab.compare('panic', {})
    const lines = session(controller)
    expect(lines).toContain('docker run -d --name nginx-ctr nginx:1.27')
    expect(lines).toContain('vm create nginx-vm --os alpine-3.20')
    expect(lines.slice(-3)).toEqual(['checkpoint before-panic-1', 'fault panic nginx-ctr', 'fault panic nginx-vm'])
    const sides = lab.store.getSnapshot().experiment!.sides
    expect(sides.map((s) => [s.kind, s.target.state, s.hostDid])).toEqual([
      ['container', 'exited', 'kernel panicked; reboots in about 60 s (model assumption)'],
      ['vm', 'crashed', 'kept running']
    ])
    expect(lab.store.getSnapshot().error).toBeNull()
  })

  it('forgets the experiment when the world is reset', async () => {
    const { controller, lab } = setup()
    await run(controller, ['docker run -d --name web nginx:1.27', 'wait 2s'])
    await lab.inject(keyOf(controller, 'web'), 'panic', {})
    controller.resetAll()
    await Promise.resolve()
    expect(lab.store.getSnapshot().experiment).toBeNull()
  })

  it('a language switch remakes the outcome, the errors and the stage badges in the new language', async () => {
    const { controller, lab } = setup()
    const marks: string[][] = []
    lab.attachScene({ setBlast: (m: readonly { word: string }[]) => marks.push(m.map((x) => x.word)) } as never)
    try {
      await run(controller, ['docker run -d --name web nginx:1.27', 'docker run -d --name cache redis:7', 'wait 2s'])
      await lab.inject(keyOf(controller, 'web'), 'panic', {})
      expect(lab.store.getSnapshot().experiment!.title).toBe('Kernel panic in container web')
      expect(marks.at(-1)).toContain('HIT')
      await lab.inject('ctr:gone', 'panic', {})
      expect(lab.store.getSnapshot().error).toBe('that instance is gone')
      await i18n.changeLanguage('de')
      const snapshot = lab.store.getSnapshot()
      expect(snapshot.experiment!.title).toBe('Kernel Panic in Container web')
      expect(snapshot.experiment!.announcement).toContain('Der Container teilte sich den Kernel von container-host')
      expect(snapshot.error).toBe('Diese Instanz gibt es nicht mehr')
      expect(marks.at(-1)).toContain('GETROFFEN')
      await lab.rewindToBefore()
      expect(lab.store.getSnapshot().experiment!.announcement).toBe('Zurückgespult auf before-panic-1: Die Welt ist wieder so wie direkt vor der Kernel Panic.')
    } finally {
      await i18n.changeLanguage('en')
      lab.dispose()
    }
  })
})
