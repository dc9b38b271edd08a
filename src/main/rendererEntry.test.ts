import { describe, expect, it } from 'vitest'
import { APP_ENTRY_URL, rendererEntry } from './rendererEntry'

describe('rendererEntry', () => {
  it('loads app://stacklab/index.html in a packaged app, whatever the environment says', () => {
    expect(rendererEntry({ isPackaged: true, devServerUrl: 'http://localhost:5173' })).toEqual({
      mode: 'app',
      url: APP_ENTRY_URL,
      origin: 'app://stacklab'
    })
    expect(APP_ENTRY_URL).toBe('app://stacklab/index.html')
  })

  it('loads the dev server in an unpackaged run', () => {
    expect(rendererEntry({ isPackaged: false, devServerUrl: 'http://localhost:5173' })).toEqual({
      mode: 'dev',
      url: 'http://localhost:5173',
      origin: 'http://localhost:5173'
    })
    expect(rendererEntry({ isPackaged: false, devServerUrl: 'http://127.0.0.1:5174/' }).origin).toBe('http://127.0.0.1:5174')
  })

  it('ignores a dev server URL that is not plain http on loopback', () => {
    for (const devServerUrl of ['https://evil.example', 'http://192.168.1.5:5173', 'file:///tmp/index.html', 'nonsense', undefined]) {
      expect(rendererEntry({ isPackaged: false, devServerUrl }).mode).toBe('app')
    }
  })
})
