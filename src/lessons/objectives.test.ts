import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { World, type Report, type ReportInstance } from '../sim/index.ts'
import { Shell } from '../cli/Shell.ts'
import { checkObjective, evaluateObjective, parseObjective, INSTANCE_FIELDS, HOST_FIELDS, CLIENT_FIELDS, IMAGE_FIELDS } from './objectives.ts'
import { DE, DE_NOUN_KEYS, EN, phrasebook } from './phrases.ts'
import { worldView, EMPTY_WORLD_VIEW } from './worldView.ts'

function inst(over: Partial<ReportInstance> & { name: string }): ReportInstance {
  return {
    kind: 'container', host: 'container-host', parent: null, image: 'nginx:1.27', os: null, kernel: '6.8', state: 'running',
    startupMs: 210, phases: [{ name: 'runc-start', ms: 20 }], cpuPercent: 0.1, memoryMb: 3.3, overheadMb: 8, diskMb: 0.1,
    limits: { memoryMb: null, cpus: null, pids: null }, restartPolicy: 'no', health: null, ports: [], networks: ['bridge'], pids: 3,
    exitCode: null, oomKilled: false, ...over
  }
}

function report(instances: ReportInstance[], extra: Partial<Report> = {}): Report {
  const host = (name: string, hypervisor: string, docker: boolean) => ({
    name, state: 'up', cores: 16, memoryMb: 65536, kernel: '6.8', hypervisor, docker, cpuPercent: 1, memoryUsedMb: 400, diskUsedMb: 20000,
    pidsUsed: 300, pidsMax: 4194304, diskFull: false, breachedBy: null
  })
  return { schema: 'stacklab.report/1', seed: 1, clockMs: 1000, hosts: [host('vm-host', 'kvm', false), host('container-host', 'none', true)], instances, events: [], ...extra }
}

const check = (src: string, r: Report) => checkObjective(src, r)

describe('parseObjective', () => {
  it('parses the examples of the brief', () => {
    for (const src of [
      'instance web is running',
      'instance web is running with limits.memoryMb <= 256',
      'instance web has exitCode = 137 and oomKilled = true',
      'vm ubuntu has startupMs >= 5000',
      'host container-host has state = up',
      'host vm-host has breachedBy = null',
      'count containers running >= 3',
      'image recommender:1.0 exists',
      'event container.oomKilled for web happened',
      'instance web is running and host vm-host is up and count vms >= 1',
      'instance web is running with limits.memoryMb ≤ 256',
      'client has location = laptop-macos and dockerHost contains ssh://',
      'container legacy:analytics is running with kernel = 3.10',
      'count containers running on container-host with image = nginx:1.27 and kernel = 6.8 >= 2',
      'image legacy-analytics:1.0 on legacy exists with sizeMb < 100 and layers >= 2',
      'container api has env.REDIS_HOST = cache and networks contains appnet',
      'vm race-vm has phases.userspace >= 3000',
      'instance web does not exist',
      'event host.panicked did not happen',
      'container web has health = "healthy"'
    ]) {
      const p = parseObjective(src)
      expect(p.ok, `${src}: ${p.ok ? '' : p.error.message}`).toBe(true)
    }
  })

  it('splits clauses and keeps each clause text', () => {
    const p = parseObjective('instance web has exitCode = 137 and oomKilled = true and host container-host is up')
    if (!p.ok) throw new Error(p.error.message)
    expect(p.objective.clauses.map((c) => c.text)).toEqual(['instance web has exitCode = 137 and oomKilled = true', 'host container-host is up'])
    const c = p.objective.clauses[0]!
    expect(c.type === 'instance' && c.conditions.map((x) => x.path)).toEqual(['exitCode', 'oomKilled'])
  })

  it('treats "and image = …" as a condition, not a new image clause', () => {
    const p = parseObjective('container web is running with startupMs < 1000 and image = nginx:1.27')
    expect(p.ok && p.objective.clauses.length).toBe(1)
  })

  it.each([
    ['instance web is runing', 17, "did you mean 'running'"],
    ['instance web is running with limits.memory <= 256', 30, "did you mean 'limits.memoryMb'"],
    ['instance web has exitCode = fast', 29, 'a number'],
    ['instance web has oomKilled = yes', 30, "'true'"],
    ['instance web has networks = appnet', 27, "'contains'"],
    ['instance web has kernel < 4', 25, 'text'],
    ['host vm-host is sleeping', 17, 'a host state'],
    ['count boxes >= 3', 7, "'containers'"],
    ['count containers running', 25, 'a comparison'],
    ['event oom for web happened', 7, 'an event type'],
    ['image recommender:1.0', 22, "'exists'"],
    ['instance web is running or host vm-host is up', 25, "'and'"],
    ['', 1, 'an objective'],
    ['instanse web is running', 1, "did you mean 'instance'"],
    ['instance web has kernel = null', 27, 'never null'],
    ['instance web has "oops', 18, 'closing']
  ])('%s → error at column %i', (src, column, words) => {
    const p = parseObjective(src)
    expect(p.ok).toBe(false)
    if (p.ok) return
    expect(p.error.column).toBe(column)
    expect(p.error.message).toContain(`column ${column}`)
    expect(p.error.message).toContain(words)
  })

  it('refuses overlong input', () => {
    const p = parseObjective('instance web is running and '.repeat(100))
    expect(p.ok).toBe(false)
  })

  it('never throws, on any string (property)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200, unit: 'binary' }), (s) => {
      const p = parseObjective(s)
      expect(typeof p.ok).toBe('boolean')
      if (!p.ok) expect(p.error.column).toBeGreaterThanOrEqual(1)
    }), { numRuns: 2000 })
  })

  it('never throws on sequences of its own words (property)', () => {
    const vocabulary = ['instance', 'vm', 'container', 'host', 'client', 'count', 'image', 'event', 'is', 'not', 'has', 'with', 'and', 'exists',
      'does', 'exist', 'on', 'for', 'happened', 'did', 'happen', 'running', 'up', 'containers', 'vms', 'web', 'vm-host', 'legacy:analytics',
      'nginx:1.27', 'container.oomKilled', '=', '<=', '>=', '!=', '<', '>', '≤', 'contains', 'null', 'true', '3', '-1', '2.5', '"x y"', "'",
      ...Object.keys(INSTANCE_FIELDS), ...Object.keys(HOST_FIELDS), 'env.A', 'phases.kernel', 'location']
    const r = report([inst({ name: 'web' }), inst({ name: 'ubuntu', kind: 'vm', image: null })])
    fc.assert(fc.property(fc.array(fc.constantFrom(...vocabulary), { maxLength: 14 }), (words) => {
      const p = parseObjective(words.join(' '))
      if (p.ok) {
        const e = evaluateObjective(p.objective, r, EMPTY_WORLD_VIEW)
        expect(typeof e.pass).toBe('boolean')
        expect(e.items.length).toBe(p.objective.clauses.length)
      }
    }), { numRuns: 3000 })
  })
})

describe('evaluateObjective', () => {
  it('says which item fails and why', () => {
    const r = report([inst({ name: 'web' })])
    expect(check('instance web is running with limits.memoryMb <= 256', r).reason)
      .toBe('web is running, but with no memory limit (limits.memoryMb is null)')
    expect(check('instance db is running', r).reason).toBe('no instance named db')
    expect(check('vm web is running', r).reason).toBe('web is a container, not a VM')
  })

  it('passes with a reason, and fails a limit above the bound', () => {
    expect(check('instance web is running with limits.memoryMb <= 256', report([inst({ name: 'web', limits: { memoryMb: 256, cpus: null, pids: null } })])))
      .toEqual({ pass: true, reason: 'web is running with limits.memoryMb <= 256 (256)', items: [expect.anything()] })
    expect(check('instance web is running with limits.memoryMb <= 256', report([inst({ name: 'web', limits: { memoryMb: 512, cpus: null, pids: null } })])).reason)
      .toBe('web is running, but limits.memoryMb is 512, not <= 256')
  })

  it('describes state mismatches with exit code and OOM', () => {
    const r = report([inst({ name: 'web', state: 'exited', exitCode: 137, oomKilled: true })])
    expect(check('instance web is running', r).reason).toBe('web is exited (exit code 137, OOM-killed), not running')
    expect(check('instance web has exitCode = 137 and oomKilled = true', r).pass).toBe(true)
    expect(check('instance web is not running', r).pass).toBe(true)
  })

  it('asks for a qualified name when one is ambiguous', () => {
    const r = report([inst({ name: 'analytics', state: 'exited' }), inst({ name: 'analytics', host: 'vm-host', parent: 'legacy', kernel: '3.10' })])
    const amb = check('instance analytics is running', r)
    expect(amb.pass).toBe(false)
    expect(amb.reason).toContain('write container-host:analytics or legacy:analytics')
    expect(check('container legacy:analytics is running with kernel = 3.10', r).pass).toBe(true)
    expect(check('container container-host:analytics is running', r).reason).toBe('container-host:analytics is exited, not running')
    expect(check('container other:analytics is running', r).reason).toContain('no container named analytics on other (there is one on')
  })

  it('evaluates hosts, counts and events', () => {
    const r = report([inst({ name: 'a' }), inst({ name: 'b' }), inst({ name: 'c', state: 'exited' }), inst({ name: 'v', kind: 'vm', host: 'vm-host', image: null })],
      { events: [{ atMs: 500, type: 'container.oomKilled', subject: 'c', message: '' }] })
    expect(check('count containers running >= 3', r).reason).toBe('2 containers are running, expected >= 3')
    expect(check('count containers running >= 2', r).pass).toBe(true)
    expect(check('count vms running on vm-host = 1', r).pass).toBe(true)
    expect(check('host vm-host has breachedBy = null', r).pass).toBe(true)
    expect(check('host vm-host is up with memoryFreeMb > 60000', r).pass).toBe(true)
    expect(check('host nowhere is up', r).reason).toContain('no host named nowhere')
    expect(check('event container.oomKilled for c happened', r).reason).toBe('container.oomKilled for c happened at 0.5 s')
    expect(check('event container.oomKilled for web happened', r).reason).toBe('no container.oomKilled for web event yet')
    expect(check('event host.panicked did not happen', r).pass).toBe(true)
  })

  it('reports every failing clause of an "and"', () => {
    const r = report([inst({ name: 'web' })])
    const res = check('instance web is running and instance db is running and host vm-host is panicked', r)
    expect(res.pass).toBe(false)
    expect(res.items.map((i) => i.pass)).toEqual([true, false, false])
    expect(res.reason).toBe('no instance named db; vm-host is up, not panicked')
  })

  it('reads images, the client and environments from the world', async () => {
    const world = new World({ seed: 1 })
    const shell = new Shell(world)
    for (const line of ['docker pull nginx:1.27', 'docker run -d --name web -e MODE=prod nginx:1.27', 'client use laptop-macos', 'export DOCKER_HOST=ssh://me@container-host', 'wait 1s']) {
      await shell.run(line)
    }
    const view = worldView(world)
    const r = world.report()
    expect(checkObjective('image nginx:1.27 exists with layers = 7', r, view).pass).toBe(true)
    expect(checkObjective('image nginx exists', r, view).reason).toBe('no image nginx:latest on container-host (it has nginx:1.27)')
    expect(checkObjective('image redis:7 does not exist', r, view).pass).toBe(true)
    expect(checkObjective('container web has env.MODE = prod and env.OTHER = null', r, view).pass).toBe(true)
    expect(checkObjective('client has location = laptop-macos and dockerHost contains ssh://', r, view).pass).toBe(true)
    expect(checkObjective('client has context = lab', r, view).reason).toBe('the docker CLI has context default, not lab')
  })

  it('never throws on parsed objectives against any report (property)', () => {
    const state = fc.constantFrom('running', 'exited', 'created', 'crashed', 'stopped')
    const anyInst = fc.record({ name: fc.constantFrom('web', 'db', 'x'), kind: fc.constantFrom('vm' as const, 'container' as const), state,
      exitCode: fc.option(fc.integer({ min: 0, max: 255 }), { nil: null }), memoryLimit: fc.option(fc.integer({ min: 1, max: 4096 }), { nil: null }) })
      .map((o) => inst({ name: o.name, kind: o.kind, state: o.state, exitCode: o.exitCode, limits: { memoryMb: o.memoryLimit, cpus: null, pids: null } }))
    const sources = ['instance web is running with limits.memoryMb <= 256', 'vm db has startupMs >= 5000 and exitCode = null', 'count instances exited >= 1',
      'container x has phases.runc-start < 100 and env.A = b', 'instance web does not exist and event a.b for web happened']
    fc.assert(fc.property(fc.array(anyInst, { maxLength: 5 }), fc.constantFrom(...sources), (insts, src) => {
      const res = checkObjective(src, report(insts))
      expect(typeof res.reason).toBe('string')
    }), { numRuns: 500 })
  })
})

describe('reasons in German', () => {
  const de = (src: string, r: Report) => checkObjective(src, r, EMPTY_WORLD_VIEW, DE).reason
  it('words the same checks in German, keeping names, fields and states as typed', () => {
    const r = report([inst({ name: 'web' }), inst({ name: 'c', state: 'exited', exitCode: 137, oomKilled: true })])
    expect(de('instance web is running with limits.memoryMb <= 256', r)).toBe('web ist im Zustand running, aber ohne Speicherlimit (limits.memoryMb ist null)')
    expect(de('instance db is running', r)).toBe('keine Instanz namens db')
    expect(de('vm web is running', r)).toBe('web ist ein Container, keine VM')
    expect(de('instance c is running', r)).toBe('c ist im Zustand exited (Exit-Code 137, vom OOM-Killer beendet), nicht running')
    expect(de('container web has limits.cpus <= 1', r)).toBe('web hat kein CPU-Limit (limits.cpus ist null)')
    expect(de('count containers running >= 3', r)).toBe('1 Container ist im Zustand running, erwartet >= 3')
    expect(de('host nowhere is up', r)).toBe('kein Host namens nowhere (Hosts: vm-host, container-host)')
    expect(de('event container.oomKilled for web happened', r)).toBe('noch kein Ereignis container.oomKilled für web')
    expect(de('instance web is running and host vm-host is up', r)).toBe('web ist im Zustand running; vm-host ist im Zustand up')
    expect(de('instance web is', r)).toMatch(/^das Ziel lässt sich nicht lesen: /)
  })

  it('has a German noun for every field that can be null', () => {
    const nouns = [INSTANCE_FIELDS, HOST_FIELDS, CLIENT_FIELDS, IMAGE_FIELDS].flatMap((fields) => Object.values(fields)).flatMap((f) => (f.noun ? [f.noun] : []))
    expect(nouns.length).toBeGreaterThan(5)
    expect(nouns.filter((n) => !DE_NOUN_KEYS.includes(n))).toEqual([])
  })

  it('picks the book by language code, English when there is none', () => {
    expect(phrasebook('de-AT')).toBe(DE)
    expect(phrasebook('fr')).toBe(EN)
  })
})
