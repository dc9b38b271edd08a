import { describe, expect, it } from 'vitest'
import { FUSE_INDEX, FUSES, flipFusesConfig } from './fuses'

describe('FUSES', () => {
  it('fails packaging when Electron adds a fuse we have not decided on', () => {
    expect(FUSES.strictlyRequireAllFuses).toBe(true)
    expect(FUSES.version).toBe('1')
  })

  it('turns off the ways to run arbitrary code through the binary', () => {
    expect(FUSES.fuses.RunAsNode).toBe(false)
    expect(FUSES.fuses.EnableNodeOptionsEnvironmentVariable).toBe(false)
    expect(FUSES.fuses.EnableNodeCliInspectArguments).toBe(false)
    expect(FUSES.fuses.GrantFileProtocolExtraPrivileges).toBe(false)
  })

  it('turns on asar integrity, asar-only loading and cookie encryption', () => {
    expect(FUSES.fuses.EnableEmbeddedAsarIntegrityValidation).toBe(true)
    expect(FUSES.fuses.OnlyLoadAppFromAsar).toBe(true)
    expect(FUSES.fuses.EnableCookieEncryption).toBe(true)
  })

  it('decides every fuse of the V1 wire, keyed by index for flipFuses()', () => {
    const config = flipFusesConfig()
    const indices = Object.values(FUSE_INDEX)
    expect(new Set(indices).size).toBe(indices.length)
    expect([...indices].sort((a, b) => a - b)).toEqual(indices.map((_, i) => i))
    for (const [name, index] of Object.entries(FUSE_INDEX)) {
      expect(config[index]).toBe(FUSES.fuses[name as keyof typeof FUSE_INDEX])
    }
    expect(config).toMatchObject({ version: '1', strictlyRequireAllFuses: true, 0: false, 1: true, 2: false, 3: false, 4: true, 5: true })
  })
})
