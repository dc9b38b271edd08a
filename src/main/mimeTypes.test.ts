import { describe, expect, it } from 'vitest'
import { FALLBACK_MIME_TYPE, mimeTypeFor } from './mimeTypes'

describe('mimeTypeFor', () => {
  it('gives module scripts a JavaScript type, which Chromium requires', () => {
    expect(mimeTypeFor('/out/renderer/assets/index-x1.js')).toBe('text/javascript; charset=utf-8')
    expect(mimeTypeFor('chunk.MJS')).toBe('text/javascript; charset=utf-8')
  })

  it('types the rest of a Vite build', () => {
    expect(mimeTypeFor('index.html')).toBe('text/html; charset=utf-8')
    expect(mimeTypeFor('index.css')).toBe('text/css; charset=utf-8')
    expect(mimeTypeFor('logo.svg')).toBe('image/svg+xml')
    expect(mimeTypeFor('shot.png')).toBe('image/png')
    expect(mimeTypeFor('font.woff2')).toBe('font/woff2')
    expect(mimeTypeFor('lesson.json')).toBe('application/json; charset=utf-8')
    expect(mimeTypeFor('module.wasm')).toBe('application/wasm')
  })

  it('serves unknown files as opaque bytes', () => {
    expect(mimeTypeFor('README')).toBe(FALLBACK_MIME_TYPE)
    expect(mimeTypeFor('archive.tar.zst')).toBe(FALLBACK_MIME_TYPE)
    expect(mimeTypeFor('dir.js/file')).toBe(FALLBACK_MIME_TYPE)
  })
})
