import { describe, expect, it } from 'vitest'
import { webPreferencesFor } from './webPreferences'

describe('webPreferencesFor', () => {
  it('isolates and sandboxes the renderer and keeps web security on', () => {
    const preferences = webPreferencesFor('/app/out/preload/index.js')
    expect(preferences).toMatchObject({
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
      navigateOnDragDrop: false
    })
  })

  it('enables no Blink features and no extra script access', () => {
    const preferences = webPreferencesFor('/p.js')
    expect(preferences.enableBlinkFeatures).toBeUndefined()
    expect(preferences.additionalArguments).toBeUndefined()
    expect(preferences.javascript).not.toBe(false)
  })
})
