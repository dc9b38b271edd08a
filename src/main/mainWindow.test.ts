import { beforeEach, describe, expect, it, vi } from 'vitest'

const created: { options: Electron.BrowserWindowConstructorOptions; loaded: string[] }[] = []
vi.mock('electron', () => ({
  BrowserWindow: class {
    loaded: string[] = []
    constructor(options: Electron.BrowserWindowConstructorOptions) { created.push({ options, loaded: this.loaded }) }
    once(): void {}
    show(): void {}
    loadURL(url: string): Promise<void> { this.loaded.push(url); return Promise.resolve() }
  }
}))
const { createMainWindow } = await import('./mainWindow')

describe('createMainWindow', () => {
  beforeEach(() => { created.length = 0 })

  it('isolates and sandboxes the renderer and keeps web security on', () => {
    createMainWindow({ url: 'app://stacklab/index.html' } as never, '/app/out/preload/index.js')
    expect(created).toHaveLength(1)
    expect(created[0]!.options.show).toBe(false)
    expect(created[0]!.options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false
    })
    expect(created[0]!.loaded).toEqual(['app://stacklab/index.html'])
  })

  it('enables no Blink features and no extra script access', () => {
    createMainWindow({ url: 'app://stacklab/index.html' } as never, '/p.js')
    const preferences = created[0]!.options.webPreferences!
    expect(preferences.enableBlinkFeatures).toBeUndefined()
    expect(preferences.additionalArguments).toBeUndefined()
    expect(preferences.javascript).not.toBe(false)
  })
})
