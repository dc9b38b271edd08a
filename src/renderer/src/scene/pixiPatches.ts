// A fix for pixi.js 8.22's text-texture bookkeeping, applied to each renderer we create.
//
// AbstractTextSystem.decreaseReferenceCount (the canvas text system, renderer.canvasText) releases a text's texture
// when its last user lets go, but leaves the key behind: `_activeTextures[textKey] = null`. The key is the text
// plus its style, so every distinct string ever drawn stays in that dictionary for the life of the page. The soak
// found it: ~20 keys a second of classroom use (names, figures, state words), the page's heap growing ~0.3 MB a
// minute without end. Deleting the key after the release keeps the dictionary to the texts on screen.

/** The part of the text system this patch touches. */
export interface TextTextureBook {
  _activeTextures: Record<string, unknown>
  decreaseReferenceCount(textKey: string): void
}

/** Makes `decreaseReferenceCount` drop a released key instead of keeping it as null. Safe to call twice. */
export function dropReleasedTextKeys(system: TextTextureBook): void {
  const patched = system as TextTextureBook & { stacklabPatched?: boolean }
  if (patched.stacklabPatched) return
  const release = system.decreaseReferenceCount.bind(system)
  system.decreaseReferenceCount = (textKey: string): void => {
    release(textKey)
    if (system._activeTextures && system._activeTextures[textKey] === null) delete system._activeTextures[textKey]
  }
  patched.stacklabPatched = true
}

// pixi.js keeps the layout of every bitmap text string it has laid out in an LRU of 1,000 entries
// (BitmapFontManager.measureCache), each with its per-character arrays: about 1.2 KB a string. The stage's counters
// change many times a second ("19.8 GiB / 1 TiB", timings), so the cache fills with strings never shown again and
// the heap grows by ~1.2 MB over the first minutes of use — the soak's heap diff put 417 KB of 470 KB of new data
// there. The counters on screen at once number a few dozen, so a small cache serves them as well.

/** The part of an LRU (tiny-lru, as pixi.js uses it) this patch touches. */
export interface BoundedCache { max: number; size: number; clear(): unknown }

/** Caps `cache` at `max` entries. tiny-lru evicts only when the size equals the cap on a new key, so a cache already
 * over the new cap is emptied first (it is a cache: anything dropped is measured again when needed). */
export function capCache(cache: BoundedCache, max: number): void {
  if (cache.max === max) return
  if (cache.size > max) cache.clear()
  cache.max = max
}
