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
