// The one application window. Hidden until the first paint so the user never sees a white flash.
import { BrowserWindow } from 'electron'
import type { RendererEntry } from './rendererEntry'
import { webPreferencesFor } from './webPreferences'

export function createMainWindow(entry: RendererEntry, preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Stacklab',
    backgroundColor: '#101418',
    webPreferences: webPreferencesFor(preloadPath)
  })
  window.once('ready-to-show', () => window.show())
  void window.loadURL(entry.url)
  return window
}
