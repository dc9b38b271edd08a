// The one application window. Hidden until the first paint so the user never sees a white flash.
// The renderer's posture is written out here as a literal, so both the unit test (mainWindow.test.ts, which
// captures the options) and the static scan (`npm run scan`, electronegativity reads the literal passed to
// `new BrowserWindow`) see every flag. Each line is an item of Electron's security checklist.
import { BrowserWindow } from 'electron'
import type { RendererEntry } from './rendererEntry'

export function createMainWindow(entry: RendererEntry, preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Stacklab',
    backgroundColor: '#101418',
    webPreferences: {
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
      // middle-click must not open links in new windows (electronegativity AUXCLICK)
      disableBlinkFeatures: 'Auxclick',
      // a file dropped on the window must not replace the app with file:// content
      navigateOnDragDrop: false,
      // a runaway alert() loop in a scenario must not lock the window
      safeDialogs: true,
      // the spellchecker downloads dictionaries; the app is offline
      spellcheck: false
    }
  })
  window.once('ready-to-show', () => window.show())
  void window.loadURL(entry.url)
  return window
}
