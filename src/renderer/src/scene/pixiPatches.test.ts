import { describe, expect, it, vi } from 'vitest'
import { capCache, dropReleasedTextKeys } from './pixiPatches'

// pixi.js reads navigator when it loads; the text system itself needs no browser for these calls
vi.stubGlobal('navigator', { userAgent: 'node' })
const { BitmapFontManager, CanvasTextSystem } = await import('pixi.js')

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

describe('capCache', () => {
  it("pixi's bitmap-text layout cache is the LRU of 1,000 the patch is about (when this fails, look again)", () => {
    expect(BitmapFontManager.measureCache.max).toBe(1000)
  })

  it('keeps an LRU of the same kind to the new cap, evicting the least recently used', () => {
    const cache = BitmapFontManager.measureCache
    capCache(cache, 3)
    for (const key of ['a', 'b', 'c', 'd', 'e']) cache.set(key, { key } as never)
    expect(cache.size).toBe(3)
    expect(cache.keys()).toEqual(['c', 'd', 'e'])
    cache.clear()
    capCache(cache, 1000)
  })

  it('empties a cache already over the new cap, which tiny-lru would otherwise never shrink', () => {
    const cache = BitmapFontManager.measureCache
    for (let i = 0; i < 10; i++) cache.set(`k${i}`, { i } as never)
    capCache(cache, 4)
    expect(cache.size).toBe(0)
    for (let i = 0; i < 10; i++) cache.set(`n${i}`, { i } as never)
    expect(cache.size).toBe(4)
    cache.clear()
    capCache(cache, 1000)
  })
})
