// Calibration reference §10, checks 1–6, 8 and 11: the catalog's factors and the default security profile.
// Checks 7, 9, 10 and 12 read the world's report: tests/scenarios/calibration.test.ts.
import { describe, expect, it } from 'vitest'
import { BLOCK_IO, CPU_FACTOR, CPU_TLB_HEAVY_FACTOR, DEFAULT_CAPABILITIES, ISOLATION, MEMORY_BANDWIDTH_FACTOR, NETWORK } from './performance.ts'
import { INSTANCE_OVERHEAD_MB } from './hostProfile.ts'
import { MICROVM_GUEST, MICROVM_PHASES } from './guestOses.ts'
import { catalog } from './index.ts'
import { SOURCES, type Figure } from './sources.ts'

describe('calibration checks on the catalog', () => {
  it('1: Linpack-like CPU factors', () => {
    expect(CPU_FACTOR.docker.value).toBeGreaterThanOrEqual(0.99)
    expect(CPU_FACTOR.docker.value).toBeLessThanOrEqual(1.01)
    expect(CPU_FACTOR.kvmTuned.value).toBeGreaterThanOrEqual(0.96)
    expect(CPU_FACTOR.kvmTuned.value).toBeLessThanOrEqual(0.99)
    expect(CPU_FACTOR.kvmUntuned.value).toBeGreaterThanOrEqual(0.8)
    expect(CPU_FACTOR.kvmUntuned.value).toBeLessThanOrEqual(0.86)
  })
  it('2: TLB-heavy CPU ordering and ranges', () => {
    const f = CPU_TLB_HEAVY_FACTOR
    expect(f.native.value >= f.docker.value && f.docker.value >= f.kvmTuned.value && f.kvmTuned.value >= f.kvmUntuned.value).toBe(true)
    expect(f.docker.value).toBeGreaterThanOrEqual(0.95)
    for (const kvm of [f.kvmTuned.value, f.kvmUntuned.value]) { expect(1 - kvm).toBeGreaterThanOrEqual(0.15); expect(1 - kvm).toBeLessThanOrEqual(0.25) }
  })
  it('3: memory bandwidth', () => {
    expect(MEMORY_BANDWIDTH_FACTOR.docker.value).toBeGreaterThanOrEqual(0.99)
    expect(MEMORY_BANDWIDTH_FACTOR.kvm.value).toBeGreaterThanOrEqual(0.96)
    expect(MEMORY_BANDWIDTH_FACTOR.kvm.value).toBeLessThanOrEqual(0.99)
  })
  it('4: bulk network is link-bound; virtualisation costs CPU per byte', () => {
    expect(NETWORK.bulkDockerNat.value).toBeGreaterThanOrEqual(0.98)
    expect(NETWORK.bulkKvm.value).toBeGreaterThanOrEqual(0.98)
    expect(NETWORK.cpuPerByteDockerNatTx.value).toBeGreaterThan(1)
    expect(NETWORK.cpuPerByteKvmRx.value).toBeGreaterThan(1)
  })
  it('5: request/response latency', () => {
    expect(NETWORK.rttDockerNat.value).toBeGreaterThanOrEqual(1.8)
    expect(NETWORK.rttDockerNat.value).toBeLessThanOrEqual(2.2)
    expect(NETWORK.kvmAddedRttUs.value).toBeGreaterThanOrEqual(25)
    expect(NETWORK.kvmAddedRttUs.value).toBeLessThanOrEqual(35)
    const ratio = (NETWORK.baseRttUs.value + NETWORK.kvmAddedRttUs.value) / NETWORK.baseRttUs.value
    expect(ratio).toBeGreaterThanOrEqual(1.6)
    expect(ratio).toBeLessThanOrEqual(2.0)
    expect(NETWORK.rttDockerHost.value).toBeLessThanOrEqual(1.05)
  })
  it('6: block I/O', () => {
    expect(BLOCK_IO.randIopsKvm.value).toBeGreaterThanOrEqual(0.45)
    expect(BLOCK_IO.randIopsKvm.value).toBeLessThanOrEqual(0.6)
    expect(BLOCK_IO.randIopsDockerVolume.value).toBeGreaterThanOrEqual(0.98)
    expect(BLOCK_IO.seqDockerVolume.value).toBeGreaterThanOrEqual(0.97)
    expect(BLOCK_IO.seqKvm.value).toBeGreaterThanOrEqual(0.97)
  })
  it('8: Firecracker microVM', () => {
    const kernelAndInit = MICROVM_PHASES.find((p) => p.name === 'kernel-and-init')!.ms.value
    expect(kernelAndInit).toBeLessThanOrEqual(125)
    expect(INSTANCE_OVERHEAD_MB.microvmFirecracker.value).toBeLessThanOrEqual(5)
    expect(INSTANCE_OVERHEAD_MB.vmQemuKvm.value / INSTANCE_OVERHEAD_MB.microvmFirecracker.value).toBeGreaterThanOrEqual(25)
    expect(MICROVM_GUEST.creationRatePerCorePerSecond.value).toBeGreaterThanOrEqual(5)
  })
  it('11: isolation surface of the default profile', () => {
    const reachable = ISOLATION.syscallsTotal.value - ISOLATION.seccompBlocked.value
    expect(Math.abs(reachable - 340)).toBeLessThanOrEqual(15)
    expect(DEFAULT_CAPABILITIES).toHaveLength(14)
    expect(ISOLATION.defaultCapabilities.value).toBe(14)
    expect(ISOLATION.vmGuestHostSyscalls.value).toBe(0)
  })
})

function figures(value: unknown, path: string, out: [string, Figure][]): void {
  if (value && typeof value === 'object') {
    if ('value' in value && 'source' in value) { out.push([path, value as Figure]); return }
    for (const [k, v] of Object.entries(value)) figures(v, `${path}.${k}`, out)
  }
}

describe('the catalog', () => {
  it('gives every number a source id from the reference, or marks it a model assumption', () => {
    const all: [string, Figure][] = []
    figures(catalog, 'catalog', all)
    expect(all.length).toBeGreaterThan(100)
    for (const [path, f] of all) {
      expect(SOURCES[f.source], `${path} has an unknown source "${f.source}"`).toBeDefined()
      expect(Number.isFinite(f.value), `${path} is not a number`).toBe(true)
    }
  })
})
