import { describe, expect, it } from 'vitest'
import { World } from '../sim/index.ts'
import { Shell } from './Shell.ts'
import { runScenario } from './runSim.ts'

describe('Shell.sessionScript', () => {
  it('replays to the same clock and the same report, even around commands that take time', async () => {
    const world = new World({ seed: 1 })
    const shell = new Shell(world)
    await shell.run('docker pull nginx:1.27')
    world.step(1234)
    await shell.run('vm create v --os alpine-3.20')
    await shell.run('vm start v')
    await shell.run('docker run --rm alpine:3.20 sh -c "sleep 2; echo done"')
    world.step(5000)
    await shell.run('docker run -d --name web nginx:1.27')
    world.step(700)
    const script = shell.sessionScript()
    expect(script).toMatch(/^wait 1234ms$/m)
    const replay = await runScenario(script, { seed: 1, json: true, file: 'session.txt' })
    const report = JSON.parse(replay.output) as { clockMs: number }
    expect(report.clockMs).toBe(world.clockMs)
    expect(replay.output).toBe(JSON.stringify(world.report(), null, 2) + '\n')
  })
})
