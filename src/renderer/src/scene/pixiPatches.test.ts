import { describe, expect, it, vi } from 'vitest'
import { dropReleasedTextKeys } from './pixiPatches'

// pixi.js reads navigator when it loads; the text system itself needs no browser for these calls
vi.stubGlobal('navigator', { userAgent: 'node' })
const { CanvasTextSystem } = await import('pixi.js')

/** The text system with the private parts these tests reach for (the key table and the texture return). */
interface TextSystemInside {
  _activeTextures: Record<string, unknown>
  returnTexture: (texture: unknown) => void
  decreaseReferenceCount: (key: string) => void
}
const bareTextSystem = (): TextSystemInside => Object.create(CanvasTextSystem.prototype) as TextSystemInside

describe('dropReleasedTextKeys', () => {
  it("pixi's own release still leaves the key behind as null (when this fails, the patch can go)", () => {
    const system = bareTextSystem()
    system._activeTextures = { 'web-style': { texture: {}, usageCount: 1 } }
    system.returnTexture = () => {}
    system.decreaseReferenceCount('web-style')
    expect(Object.keys(system._activeTextures)).toEqual(['web-style'])
    expect(system._activeTextures['web-style']).toBeNull()
  })

  it('drops a released key, keeps one still in use, and patches once', () => {
    const released: unknown[] = []
    const system = bareTextSystem()
    system._activeTextures = { a: { texture: 'A', usageCount: 2 }, b: { texture: 'B', usageCount: 1 } }
    system.returnTexture = (t) => released.push(t)
    dropReleasedTextKeys(system)
    dropReleasedTextKeys(system)
    system.decreaseReferenceCount('a')
    system.decreaseReferenceCount('b')
    system.decreaseReferenceCount('missing')
    expect(Object.keys(system._activeTextures)).toEqual(['a'])
    expect(released).toEqual(['B'])
  })
})
