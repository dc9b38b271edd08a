// Electron main: wires the pure pieces of this folder to Electron. Order matters: the app:// scheme must be
// registered as privileged before 'ready', and every security hook is in place before the first page loads.
import path from 'node:path'
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron'
import { CHANNELS, MenuActionSchema, type MenuAction } from '../shared/ipc'
import { NATIVE_TEXT, nativeLanguage, type NativeLanguage } from '../shared/nativeText'
import { EngineToRendererSchema } from '../shared/engineBridge'
import { APP_SCHEME_PRIVILEGES, serveAppRequest } from './appProtocol'
import { createAutosaveStore } from './autosave'
import { EngineBridge } from './engineBridge'
import { registerEngineReplies } from './engineIpc'
import { createFileCommands, type DialogPort } from './fileCommands'
import { hardenSession, hardenWebContents } from './harden'
import { registerInvokeHandlers } from './ipcHandlers'
import { createMainWindow } from './mainWindow'
import { buildMenuTemplate } from './menu'
import { APP_SCHEME, rendererEntry } from './rendererEntry'
import { parseLaunchOptions, withLaunchOptions } from './launchOptions'

const log = (message: string): void => console.warn(message)
const entry = rendererEntry({ isPackaged: app.isPackaged, devServerUrl: process.env['ELECTRON_RENDERER_URL'] })
// electron-vite emits out/main, out/preload and out/renderer side by side
const rendererRoot = path.join(__dirname, '../renderer')
const preloadPath = path.join(__dirname, '../preload/index.js')

protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES])
app.enableSandbox()

// a second instance would write the same autosave file; hand its request to the first window instead
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  let mainWindow: BrowserWindow | null = null

  app.on('second-instance', () => {
    if (mainWindow === null) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, entry, log))
  app.on('window-all-closed', () => app.quit())

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession, entry)
    protocol.handle(APP_SCHEME, (request) => serveAppRequest(request.url, rendererRoot))

    const launchOptions = parseLaunchOptions(process.argv)
    const sendMenuAction = (action: MenuAction): void => {
      mainWindow?.webContents.send(CHANNELS.menuCommand, MenuActionSchema.parse(action))
    }
    // main's own texts (menu, dialog filters, messages) follow the renderer's language: --lang until the page says
    const menuOptions = { platform: process.platform, isDevelopment: !app.isPackaged, send: sendMenuAction }
    let language: NativeLanguage = nativeLanguage(launchOptions.lang ?? undefined)
    const nativeText = () => NATIVE_TEXT[language]
    const applyMenu = (): void => Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(menuOptions, language)))
    applyMenu()

    // dialogs are modal to the window when there is one
    const dialogs: DialogPort = {
      showOpenDialog: (options) => (mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options)),
      showSaveDialog: (options) => (mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options))
    }
    const files = createFileCommands(dialogs, { defaultDirectory: () => app.getPath('documents'), text: nativeText })
    const autosave = createAutosaveStore(path.join(app.getPath('userData'), 'autosave'), { text: nativeText })
    // off until the person switches it on; it forwards a real docker CLI's requests to the page's world
    const engineBridge = new EngineBridge({
      link: {
        send: (message) => {
          const contents = mainWindow?.webContents
          if (!contents || contents.isDestroyed()) return false
          contents.send(CHANNELS.engineToRenderer, EngineToRendererSchema.parse(message))
          return true
        }
      },
      log
    })
    app.on('before-quit', () => void engineBridge.stop())
    registerInvokeHandlers(
      ipcMain,
      {
        [CHANNELS.openTextFile]: () => files.openTextFile(),
        [CHANNELS.saveTextFile]: (request) => files.saveTextFile(request),
        [CHANNELS.savePng]: (request) => files.savePng(request),
        [CHANNELS.autosaveRead]: () => autosave.read(),
        [CHANNELS.autosaveWrite]: (text) => autosave.write(text),
        [CHANNELS.setLanguage]: async (code) => {
          // the menu is rebuilt only when the language really changes (the page reports it at every start)
          if (code === language) return
          language = code
          applyMenu()
        },
        [CHANNELS.engineStart]: (request) => engineBridge.start(request.port),
        [CHANNELS.engineStop]: () => engineBridge.stop(),
        [CHANNELS.engineStatus]: async () => engineBridge.status()
      },
      { appOrigin: entry.origin, log: { warn: log } }
    )
    registerEngineReplies(ipcMain, engineBridge, { appOrigin: entry.origin, log: { warn: log } })

    // --lesson ID / --projector / --lang xx from a classroom shortcut reach the page as URL parameters
    mainWindow = createMainWindow({ ...entry, url: withLaunchOptions(entry.url, launchOptions) }, preloadPath)
    // a reload, a crash or a closed window takes the page's world (and its responder) away: so goes the bridge
    mainWindow.webContents.on('did-navigate', () => void engineBridge.stop())
    mainWindow.webContents.on('render-process-gone', () => void engineBridge.stop())
    mainWindow.on('closed', () => {
      mainWindow = null
      void engineBridge.stop()
    })
  })
}
