// The packaging configuration: three systems, the app's icon and name, pages from out/ only.
import { describe, expect, it } from 'vitest'
import { existsSync } from 'node:fs'
import { config } from '../../scripts/dist.ts'

describe('packaging config', () => {
  it('builds AppImage + deb, NSIS and dmg with the Stacklab icon', () => {
    expect(config.productName).toBe('Stacklab')
    expect(config.linux?.target).toEqual(['AppImage', 'deb'])
    expect(config.win?.target).toEqual(['nsis'])
    expect(config.mac?.target).toEqual(['dmg'])
    for (const icon of [config.linux?.icon, config.win?.icon, config.mac?.icon]) {
      expect(icon).toBe('build/icon.png')
      expect(existsSync(icon!)).toBe(true)
    }
    expect(config.files).toEqual(['out/**', 'package.json'])
    expect(config.asar).toBe(true)
    expect(typeof config.afterPack).toBe('function')
  })
})
