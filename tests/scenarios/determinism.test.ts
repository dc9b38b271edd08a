// Same commands + same seed → the same report, byte for byte; checkpoint/rewind gives back an identical world;
// random command sequences keep the world's invariants.
import { describe, expect, it } from 'vitest'
import { readFileSync, readdirSync } from 'node:fs'
import fc from 'fast-check'
import { runScenario } from '../../src/cli/runSim.ts'
import { TestWorld } from '../support/TestWorld.ts'

const SCENARIOS = readdirSync('assets/scenarios').filter((f) => f.endsWith('.txt'))

describe('determinism', () => {
  it.each(SCENARIOS)('%s gives byte-identical output on two runs', async (file) => {
    const text = readFileSync(`assets/scenarios/${file}`, 'utf8')
    const a = await runScenario(text, { seed: 7, json: true, file })
    const b = await runScenario(text, { seed: 7, json: true, file })
    expect(a.exitCode).toBe(0)
    expect(a.output).toBe(b.output)
    const plainA = await runScenario(text, { seed: 7, json: false, file })
    const plainB = await runScenario(text, { seed: 7, json: false, file })
    expect(plainA.output).toBe(plainB.output)
  })

  it('the boot race file: a full Ubuntu VM takes ≥ 20× a container, both with phases', async () => {
    const r = await runScenario(readFileSync('assets/scenarios/boot-race.txt', 'utf8'), { seed: 1, json: true, file: 'boot-race.txt' })
    const report = JSON.parse(r.output) as { schema: string; instances: { kind: string; startupMs: number; phases: unknown[] }[] }
    expect(report.schema).toBe('stacklab.report/1')
    const vm = report.instances.find((i) => i.kind === 'vm')!
    const c = report.instances.find((i) => i.kind === 'container')!
    expect(vm.startupMs / c.startupMs).toBeGreaterThanOrEqual(20)
    expect(vm.phases.length).toBeGreaterThan(0)
    expect(c.phases.length).toBeGreaterThan(0)
  })

  it('a line that does not parse stops the run with exit code 2 and names the line', async () => {
    const r = await runScenario('vm create a --os alpine-3.20\nvm strat a\n', { seed: 1, json: false, file: 'bad.txt' })
    expect(r.exitCode).toBe(2)
    expect(r.output).toMatch(/^bad\.txt:2: /)
  })

  it('a refused command prints its error and the run goes on', async () => {
    const r = await runScenario('docker stop nosuch\nvm create a --os alpine-3.20\n', { seed: 1, json: false, file: 'x.txt' })
    expect(r.exitCode).toBe(0)
    expect(r.output).toMatch(/Error response from daemon: No such container: nosuch/)
    expect(r.output).toMatch(/a: Alpine Linux 3.20/)
  })
})

const LINES = [
  'docker run -d --name web nginx:1.27', 'docker run -d --name db --memory 64m nginx:1.27', 'docker run -d --name cache --pids-limit 50 redis:7',
  'docker run --rm alpine:3.20 echo hi', 'docker run -d --name job --restart always busybox:1.36 sh -c "sleep 2; exit 1"',
  'docker stop web', 'docker start web', 'docker pause db', 'docker unpause db', 'docker rm -f cache', 'docker kill job', 'docker rm web',
  'docker rmi nginx:1.27', 'docker pull busybox:1.36', 'docker network create net1', 'docker volume create v1', 'docker exec web echo x',
  'vm create v1 --os alpine-3.20', 'vm start v1', 'vm stop v1', 'vm pause v1', 'vm resume v1', 'vm delete v1', 'vm create m1 --kind microvm', 'vm start m1',
  'fault leak db --rate 100m/s', 'fault fork-bomb web', 'fault cpu-hog web', 'fault panic v1', 'fault disk-fill web', 'fault escape web', 'fault panic web',
  'wait 500ms', 'wait 3s', 'wait 1m', 'checkpoint k', 'rewind k'
]

function checkInvariants(t: TestWorld): void {
  const s = t.world.state
  const report = t.world.report()
  for (const h of report.hosts) {
    expect(h.memoryUsedMb).toBeGreaterThanOrEqual(0)
    expect(h.memoryUsedMb).toBeLessThanOrEqual(h.memoryMb + 1e-6)
    expect(h.cpuPercent).toBeGreaterThanOrEqual(0)
    expect(h.cpuPercent).toBeLessThanOrEqual(100 + 1e-6)
    expect(h.pidsUsed).toBeGreaterThanOrEqual(0)
    expect(h.pidsUsed).toBeLessThanOrEqual(h.pidsMax)
  }
  for (const i of report.instances) {
    expect(i.memoryMb).toBeGreaterThanOrEqual(0)
    expect(i.cpuPercent).toBeGreaterThanOrEqual(0)
    expect(i.pids).toBeGreaterThanOrEqual(0)
    if (i.limits.memoryMb !== null && i.kind === 'container') expect(i.memoryMb).toBeLessThanOrEqual(i.limits.memoryMb)
  }
  for (const d of s.daemons) {
    const ids = d.containers.map((c) => c.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(new Set(d.containers.map((c) => c.name)).size).toBe(ids.length)
    for (const c of d.containers) if (c.state === 'running') expect(d.images.some((img) => img.id === c.imageId), `image of running ${c.name}`).toBe(true)
  }
}

describe('model-based: random command sequences', () => {
  it('keep the invariants, agree with docker ps -a, and survive a save and reload', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.constantFrom(...LINES), { minLength: 1, maxLength: 60 }), async (lines) => {
      const t = new TestWorld({ seed: 3 })
      await t.run('docker pull nginx:1.27', 'docker pull redis:7', 'docker pull alpine:3.20')
      for (const line of lines) {
        await t.run(line)
        checkInvariants(t)
      }
      const ps = await t.run('docker ps -a -q --no-trunc')
      const inReport = t.world.state.daemons.find((d) => d.id === 'container-host')!.containers.map((c) => c.id).sort()
      if (t.host('container-host').state === 'up') expect(ps.stdout.trim().split('\n').filter(Boolean).sort()).toEqual(inReport)
      else expect(ps.stderr).toMatch(/Cannot connect to the Docker daemon/)
      const saved = t.world.serialize()
      const copy = new TestWorld({ seed: 3 })
      copy.world.restore(saved)
      expect(JSON.stringify(copy.world.report())).toBe(JSON.stringify(t.world.report()))
    }), { numRuns: 40 })
  }, 120_000)
})
