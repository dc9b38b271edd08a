// The renderer's posture, as one pure function so a unit test can pin every flag without the Electron
// binary. Each line is an item of Electron's security checklist; the template's `sandbox: false` is what
// not to copy.
import type { WebPreferences } from 'electron'

export function webPreferencesFor(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    // a file dropped on the window must not replace the app with file:// content
    navigateOnDragDrop: false,
    // a runaway alert() loop in a scenario must not lock the window
    safeDialogs: true,
    // the spellchecker downloads dictionaries; the app is offline
    spellcheck: false
  }
}
