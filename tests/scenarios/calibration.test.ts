// Calibration reference §10, checks 7, 9, 10 and 12, read from the world's report (images pulled, page cache warm).
import { describe, expect, it } from 'vitest'
import { TestWorld } from '../support/TestWorld.ts'

describe('check 7: startup ordering', () => {
  it('a full Ubuntu VM takes ≥ 5 s and ≥ 20× a container; a microVM is no slower than a container', async () => {
    const t = new TestWorld()
    await t.ok('docker pull nginx:1.27')
    await t.ok('vm create ubuntu --os ubuntu-24.04')
    await t.ok('vm create fc --kind microvm')
    await t.ok('vm start ubuntu')
    await t.ok('vm start fc')
    await t.ok('docker run -d --name web nginx:1.27')
    t.advance('15s')
    const vm = t.instance('ubuntu').startupMs!
    const fc = t.instance('fc').startupMs!
    const c = t.instance('web').startupMs!
    expect(vm).toBeGreaterThanOrEqual(5000)
    expect(c).toBeGreaterThanOrEqual(150)
    expect(c).toBeLessThanOrEqual(1200)
    expect(vm / c).toBeGreaterThanOrEqual(20)
    expect(fc).toBeGreaterThanOrEqual(100)
    expect(fc).toBeLessThanOrEqual(200)
    expect(fc).toBeLessThanOrEqual(c)
    expect(t.instance('ubuntu').phases.map((p) => p.name)).toEqual(['vmm-init', 'firmware', 'bootloader', 'kernel', 'initramfs', 'userspace'])
    expect(t.instance('web').phases.map((p) => p.name)).toEqual(['api-call', 'create-snapshot', 'netns-veth', 'shim', 'runc-create', 'runc-start'])
    expect(t.instance('web').phases.reduce((s, p) => s + p.ms, 0)).toBe(c)
  })
})

describe('check 9: per-instance fixed memory', () => {
  it('an idle runc container costs 3–12 MB; a full Ubuntu VM ≥ 20× that', async () => {
    const t = new TestWorld()
    await t.ok('docker pull busybox:1.36')
    await t.ok('docker run -d --name idle busybox:1.36 sleep infinity')
    await t.ok('vm create ubuntu --os ubuntu-24.04')
    await t.ok('vm start ubuntu')
    t.advance('10s')
    const c = t.instance('idle')
    const containerMb = c.memoryMb + c.overheadMb
    expect(containerMb).toBeGreaterThanOrEqual(3)
    expect(containerMb).toBeLessThanOrEqual(12)
    const vmState = t.world.state.vms.find((v) => v.name === 'ubuntu')!
    const vmIdleMb = t.instance('ubuntu').overheadMb + vmState.guestUsedMb
    expect(vmIdleMb).toBeGreaterThanOrEqual(131 + 150)
    expect(vmIdleMb / containerMb).toBeGreaterThanOrEqual(20)
  })
})

describe('check 10: density and creation scaling', () => {
  it('a 64 GiB host admits ≥ 50× as many idle containers as 1 GiB VMs; the 1,000th container starts as fast as the 1st', async () => {
    const t = new TestWorld()
    let vms = 0
    for (let i = 0; i < 200; i++) {
      await t.ok(`vm create v${i} --os alpine-3.20 --memory 1g`)
      const r = await t.run(`vm start v${i}`)
      if (r.exitCode !== 0) { expect(r.stderr).toMatch(/not enough memory/); break }
      vms++
    }
    expect(vms).toBeGreaterThan(40)
    expect(vms).toBeLessThan(64)
    await t.ok('docker pull busybox:1.36')
    const containers = 50 * vms
    for (let i = 0; i < containers; i++) await t.ok(`docker run -d --name c${i} busybox:1.36 sleep infinity`)
    t.advance('5s')
    const report = t.world.report()
    const running = report.instances.filter((i) => i.kind === 'container' && i.state === 'running')
    expect(running).toHaveLength(containers)
    const host = report.hosts.find((h) => h.name === 'container-host')!
    expect(host.memoryUsedMb).toBeLessThan(host.memoryMb)
    const first = running[0]!.startupMs!
    const thousandth = running[999]!.startupMs!
    expect(Math.abs(thousandth - first) / first).toBeLessThanOrEqual(0.25)
  }, 120_000)
})

describe('check 12: failure containment', () => {
  it('a container over its memory limit is OOM-killed with 137 and its neighbour keeps running', async () => {
    const t = new TestWorld()
    await t.ok('docker pull nginx:1.27')
    await t.ok('docker run -d --name leaky --memory 64m nginx:1.27')
    await t.ok('docker run -d --name neighbour nginx:1.27')
    t.advance('1s')
    await t.ok('fault leak leaky --rate 50m/s')
    t.advance('3s')
    expect(t.instance('leaky')).toMatchObject({ state: 'exited', exitCode: 137, oomKilled: true })
    expect(t.instance('neighbour').state).toBe('running')
    expect((await t.ok('docker ps -a')).stdout).toMatch(/Exited \(137\)/)
  })

  it('a VM whose guest runs out of RAM OOM-kills inside; the VM and its neighbours keep running and the host gives it no more', async () => {
    const t = new TestWorld()
    await t.ok('vm create a --os alpine-3.20 --memory 512m')
    await t.ok('vm create b --os alpine-3.20 --memory 512m')
    await t.ok('vm start a')
    await t.ok('vm start b')
    t.advance('5s')
    const before = t.host('vm-host').memoryUsedMb
    await t.ok('fault leak a --rate 200m/s')
    t.advance('5s')
    expect(t.instance('a').state).toBe('running')
    expect(t.instance('b').state).toBe('running')
    expect(t.events('vm.guestOomKilled')).toEqual(['a'])
    expect(t.instance('a').memoryMb + t.instance('a').overheadMb).toBeLessThanOrEqual(512 + 131)
    expect(t.host('vm-host').memoryUsedMb).toBe(before)
  })

  it('without --pids-limit a fork bomb exhausts host PIDs and neighbours cannot start processes', async () => {
    const t = new TestWorld()
    await t.ok('docker pull nginx:1.27')
    await t.ok('docker run -d --name bomb nginx:1.27')
    await t.ok('docker run -d --name neighbour nginx:1.27')
    t.advance('1s')
    await t.ok('fault fork-bomb bomb')
    t.advance('5s')
    const host = t.host('container-host')
    expect(host.pidsUsed).toBe(host.pidsMax)
    const r = await t.run('docker exec neighbour echo hi')
    expect(r.exitCode).not.toBe(0)
    expect(r.stderr).toMatch(/Resource temporarily unavailable/)
  })

  it('with --pids-limit the bomb stops at N inside that container', async () => {
    const t = new TestWorld()
    await t.ok('docker pull nginx:1.27')
    await t.ok('docker run -d --name bomb --pids-limit 100 nginx:1.27')
    await t.ok('docker run -d --name neighbour nginx:1.27')
    t.advance('1s')
    await t.ok('fault fork-bomb bomb')
    t.advance('5s')
    expect(t.instance('bomb').pids).toBe(100)
    expect(t.host('container-host').pidsUsed).toBeLessThan(1000)
    expect((await t.run('docker exec neighbour echo hi')).stdout).toBe('hi\n')
  })

  it('a fork bomb inside a VM never affects other VMs', async () => {
    const t = new TestWorld()
    await t.ok('vm create a --os alpine-3.20')
    await t.ok('vm create b --os alpine-3.20')
    await t.ok('vm start a')
    await t.ok('vm start b')
    t.advance('5s')
    await t.ok('fault fork-bomb a')
    t.advance('5s')
    expect(t.instance('b').state).toBe('running')
    expect(t.host('vm-host').pidsUsed).toBeLessThan(1000)
    expect((await t.run('vm exec b echo alive')).stdout).toBe('alive\n')
  })
})
