// The fuse decisions in src/main/fuses.ts use the wire indices of the @electron/fuses version we package with.
import { describe, expect, it } from 'vitest'
import { FuseV1Options } from '@electron/fuses'
import { FUSE_INDEX, flipFusesConfig } from '../../src/main/fuses.ts'

describe('fuses', () => {
  it('name every fuse @electron/fuses knows, at its index', () => {
    const known = Object.entries(FuseV1Options).filter(([, v]) => typeof v === 'number') as [string, number][]
    expect(Object.fromEntries(known)).toEqual(FUSE_INDEX)
  })
  it('decide every fuse, strictly', () => {
    const config = flipFusesConfig()
    expect(config.strictlyRequireAllFuses).toBe(true)
    for (const index of Object.values(FUSE_INDEX)) expect(typeof config[index]).toBe('boolean')
    expect(config[FuseV1Options.RunAsNode]).toBe(false)
    expect(config[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false)
    expect(config[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true)
  })
})
