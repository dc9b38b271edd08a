// Boots the real main entry against a fake electron module, since the Electron binary is not available in
// unit tests: checks the wiring (order, hooks, handlers) that the pure-function tests cannot see.
import { request as httpRequest } from 'node:http'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { CSP } from '../shared/csp'
import { CHANNELS, INVOKE_CONTRACT } from '../shared/ipc'

type Handler = (...args: unknown[]) => unknown

class FakeEmitter {
  readonly handlers = new Map<string, Handler[]>()
  on(name: string, handler: Handler): this {
    this.handlers.set(name, [...(this.handlers.get(name) ?? []), handler])
    return this
  }
  once(name: string, handler: Handler): this {
    return this.on(name, handler)
  }
  emit(name: string, ...args: unknown[]): void {
    for (const handler of this.handlers.get(name) ?? []) handler(...args)
  }
}

class FakeWebContents extends FakeEmitter {
  windowOpenHandler: Handler | null = null
  readonly sent: unknown[][] = []
  setWindowOpenHandler(handler: Handler): void {
    this.windowOpenHandler = handler
  }
  isDestroyed(): boolean {
    return false
  }
  send(...args: unknown[]): void {
    this.sent.push(args)
  }
}

function fakeElectron(options: { isPackaged: boolean; gotLock?: boolean }) {
  const calls: string[] = []
  let resolveReady: () => void = () => undefined
  const ready = new Promise<void>((resolve) => {
    resolveReady = resolve
  })
  const windows: FakeWindow[] = []
  class FakeWindow extends FakeEmitter {
    readonly webContents = new FakeWebContents()
    shown = false
    loadedUrl: string | null = null
    constructor(readonly options: { webPreferences: unknown }) {
      super()
      windows.push(this)
      calls.push('new BrowserWindow')
    }
    async loadURL(url: string): Promise<void> {
      this.loadedUrl = url
    }
    show(): void {
      this.shown = true
    }
    isMinimized(): boolean {
      return false
    }
    restore(): void {}
    focus(): void {}
  }
  const app = Object.assign(new FakeEmitter(), {
    isPackaged: options.isPackaged,
    enableSandbox: vi.fn(() => calls.push('enableSandbox')),
    requestSingleInstanceLock: () => options.gotLock ?? true,
    quit: vi.fn(),
    whenReady: () => ready,
    getPath: (name: string) => `/fake/${name}`
  })
  const session = {
    defaultSession: {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      webRequest: { onHeadersReceived: vi.fn() }
    }
  }
  const electron = {
    app,
    BrowserWindow: FakeWindow,
    dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() },
    ipcMain: { handle: vi.fn(), on: vi.fn() },
    Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => calls.push('registerSchemesAsPrivileged')),
      handle: vi.fn(() => calls.push('protocol.handle'))
    },
    session
  }
  return { electron, calls, windows, ready: async () => {
    resolveReady()
    await ready
    await new Promise((resolve) => setTimeout(resolve, 0))
  } }
}

let restoreArgv = (): void => undefined

async function boot(options: { isPackaged: boolean; gotLock?: boolean; devUrl?: string; argv?: string[] }) {
  const fake = fakeElectron(options)
  vi.resetModules()
  vi.doMock('electron', () => fake.electron)
  if (options.devUrl) vi.stubEnv('ELECTRON_RENDERER_URL', options.devUrl)
  else vi.stubEnv('ELECTRON_RENDERER_URL', '')
  const argv = process.argv
  // main reads the launch options when the app is ready, so argv stays stubbed until the test ends
  if (options.argv) process.argv = [argv[0] ?? 'electron', '.', ...options.argv]
  restoreArgv = () => {
    process.argv = argv
  }
  await import('./index')
  return fake
}

afterEach(() => {
  restoreArgv()
  vi.unstubAllEnvs()
  vi.doUnmock('electron')
})

type MenuTemplate = Array<{ label?: string; role?: string; submenu?: Array<{ label?: string; role?: string }> }>
const menuLabels = (fake: ReturnType<typeof fakeElectron>, build: number): (string | undefined)[] =>
  (fake.electron.Menu.buildFromTemplate.mock.calls[build]?.[0] as MenuTemplate).map((menu) => menu.label)

describe('main entry', () => {
  it('registers app:// as privileged and enables the sandbox before the app is ready', async () => {
    const fake = await boot({ isPackaged: true })
    expect(fake.calls).toEqual(['registerSchemesAsPrivileged', 'enableSandbox'])
    expect(fake.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })
    ])
  })

  it('when ready: hooks the session and protocol first, then opens one hardened window on app://stacklab', async () => {
    const fake = await boot({ isPackaged: true })
    await fake.ready()
    expect(fake.calls.indexOf('protocol.handle')).toBeLessThan(fake.calls.indexOf('new BrowserWindow'))
    expect(fake.windows).toHaveLength(1)
    const window = fake.windows[0]!
    expect(window.options.webPreferences).toMatchObject({
      preload: expect.stringMatching(/preload[\\/]index\.js$/), contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true
    })
    expect(window.loadedUrl).toBe('app://stacklab/index.html')
    expect(window.shown).toBe(false)
    window.emit('ready-to-show')
    expect(window.shown).toBe(true)
  })

  it('denies every permission and sends the CSP header', async () => {
    const fake = await boot({ isPackaged: true })
    await fake.ready()
    const ses = fake.electron.session.defaultSession
    const requestHandler = ses.setPermissionRequestHandler.mock.calls[0]?.[0] as Handler
    const callback = vi.fn()
    requestHandler({}, 'media', callback)
    expect(callback).toHaveBeenCalledWith(false)
    expect((ses.setPermissionCheckHandler.mock.calls[0]?.[0] as Handler)({}, 'clipboard-read')).toBe(false)
    const onHeaders = ses.webRequest.onHeadersReceived.mock.calls[0]?.[0] as Handler
    const headersCallback = vi.fn()
    onHeaders({ url: 'app://stacklab/index.html', responseHeaders: { 'content-security-policy': ["default-src *"] } }, headersCallback)
    expect(headersCallback).toHaveBeenCalledWith({ responseHeaders: { 'Content-Security-Policy': [CSP] } })
  })

  it('serves app:// through the path-checked handler', async () => {
    const fake = await boot({ isPackaged: true })
    await fake.ready()
    const [scheme, handler] = fake.electron.protocol.handle.mock.calls[0] as unknown as [string, (r: { url: string }) => Promise<Response>]
    expect(scheme).toBe('app')
    expect((await handler({ url: 'app://stacklab/%2e%2e/%2e%2e/package.json' })).status).toBe(403)
  })

  it('hardens every web contents: no pop-ups, no foreign navigation, no webviews', async () => {
    const fake = await boot({ isPackaged: true })
    const contents = new FakeWebContents()
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    fake.electron.app.emit('web-contents-created', {}, contents)
    expect(contents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' })
    const navigate = (url: string) => {
      const event = { url, preventDefault: vi.fn() }
      contents.emit('will-frame-navigate', event)
      return event.preventDefault.mock.calls.length > 0
    }
    expect(navigate('https://example.com/')).toBe(true)
    expect(navigate('file:///etc/passwd')).toBe(true)
    expect(navigate('app://stacklab/index.html#x')).toBe(false)
    const redirect = { url: 'https://example.com/', preventDefault: vi.fn() }
    contents.emit('will-redirect', redirect)
    expect(redirect.preventDefault).toHaveBeenCalled()
    const webview = { preventDefault: vi.fn() }
    contents.emit('will-attach-webview', webview)
    expect(webview.preventDefault).toHaveBeenCalled()
  })

  it('registers a validated handler for every invoke channel', async () => {
    const fake = await boot({ isPackaged: true })
    await fake.ready()
    const channels = fake.electron.ipcMain.handle.mock.calls.map((call) => call[0])
    expect(channels.sort()).toEqual(Object.keys(INVOKE_CONTRACT).sort())
  })

  it('sends menu choices to the window on the menu channel', async () => {
    const fake = await boot({ isPackaged: true })
    await fake.ready()
    const template = fake.electron.Menu.buildFromTemplate.mock.calls[0]?.[0] as Array<{ label?: string; submenu?: Array<{ label?: string; click?: () => void }> }>
    const step = template.flatMap((menu) => menu.submenu ?? []).find((item) => item.label === 'Step')
    step?.click?.()
    expect(fake.windows[0]?.webContents.sent).toEqual([[CHANNELS.menuCommand, 'sim.step']])
    expect(fake.electron.Menu.setApplicationMenu).toHaveBeenCalled()
  })

  it('speaks English natively until told otherwise; the page\'s language rebuilds the menu and names the dialog filters', async () => {
    const fake = await boot({ isPackaged: true })
    await fake.ready()
    expect(menuLabels(fake, 0)).toEqual(['&File', '&View', '&Simulation', '&Help'])
    const handlers = new Map(fake.electron.ipcMain.handle.mock.calls.map((call) => [call[0] as string, call[1] as Handler]))
    const ourFrame = { senderFrame: { url: 'app://stacklab/index.html', parent: null } }
    const setLanguage = handlers.get(CHANNELS.setLanguage)!
    // the page reports its language at every start: the same language again leaves the menu alone
    await setLanguage(ourFrame, 'en')
    expect(fake.electron.Menu.buildFromTemplate).toHaveBeenCalledTimes(1)
    await setLanguage(ourFrame, 'de')
    expect(fake.electron.Menu.buildFromTemplate).toHaveBeenCalledTimes(2)
    expect(menuLabels(fake, 1)).toEqual(['&Datei', '&Ansicht', '&Simulation', '&Hilfe'])
    expect(fake.electron.Menu.setApplicationMenu).toHaveBeenLastCalledWith({ template: fake.electron.Menu.buildFromTemplate.mock.calls[1]?.[0] })
    // the open dialog now names its filters in German
    fake.electron.dialog.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] })
    await handlers.get(CHANNELS.openTextFile)?.(ourFrame)
    expect(fake.electron.dialog.showOpenDialog.mock.calls[0]?.at(-1)).toMatchObject({
      filters: [{ name: 'Szenarien und Befehlsdateien' }, { name: 'Alle Dateien' }]
    })
    // anything but a supported code is refused, and the menu stays as it is
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    await expect(setLanguage(ourFrame, 'fr')).rejects.toThrow(/malformed/)
    expect(fake.electron.Menu.buildFromTemplate).toHaveBeenCalledTimes(2)
  })

  it('starts in the --lang language of the launch options', async () => {
    const fake = await boot({ isPackaged: true, argv: ['--lang', 'de'] })
    await fake.ready()
    expect(menuLabels(fake, 0)).toEqual(['&Datei', '&Ansicht', '&Simulation', '&Hilfe'])
    expect(fake.windows[0]?.loadedUrl).toBe('app://stacklab/index.html?lang=de')
  })

  it('loads the dev server in an unpackaged run', async () => {
    const fake = await boot({ isPackaged: false, devUrl: 'http://localhost:5173' })
    await fake.ready()
    expect(fake.windows[0]?.loadedUrl).toBe('http://localhost:5173')
  })

  it('ignores ELECTRON_RENDERER_URL in a packaged app', async () => {
    const fake = await boot({ isPackaged: true, devUrl: 'http://localhost:5173' })
    await fake.ready()
    expect(fake.windows[0]?.loadedUrl).toBe('app://stacklab/index.html')
  })

  it('quits without a window when another instance already runs', async () => {
    const fake = await boot({ isPackaged: true, gotLock: false })
    await fake.ready()
    expect(fake.electron.app.quit).toHaveBeenCalled()
    expect(fake.windows).toHaveLength(0)
  })

  it('wires the engine bridge: off until asked, then forwards a client\'s request to the window; replies only from our page', async () => {
    const fake = await boot({ isPackaged: true })
    await fake.ready()
    const handlers = new Map(fake.electron.ipcMain.handle.mock.calls.map((call) => [call[0] as string, call[1] as Handler]))
    const ourFrame = { senderFrame: { url: 'app://stacklab/index.html', parent: null } }
    expect(await handlers.get(CHANNELS.engineStatus)?.(ourFrame)).toEqual({ state: 'off' })
    const status = (await handlers.get(CHANNELS.engineStart)?.(ourFrame, { port: 23750 })) as { state: string; port: number }
    expect(status.state).toBe('listening')
    expect(status.port).toBeGreaterThanOrEqual(23750)
    try {
      const request = httpRequest({ host: '127.0.0.1', port: status.port, path: '/v1.50/version', headers: { host: `127.0.0.1:${status.port}` } })
      request.on('error', () => {})
      request.end()
      const window = fake.windows[0]!
      await vi.waitFor(() => expect(window.webContents.sent.some((m) => m[0] === CHANNELS.engineToRenderer)).toBe(true))
      const [, message] = window.webContents.sent.find((m) => m[0] === CHANNELS.engineToRenderer)!
      expect(message).toMatchObject({ kind: 'request', method: 'GET', path: '/v1.50/version', upgrade: false })
      const [channel, onReply] = fake.electron.ipcMain.on.mock.calls[0] as unknown as [string, Handler]
      expect(channel).toBe(CHANNELS.engineFromRenderer)
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
      onReply({ senderFrame: { url: 'https://evil.example/', parent: null } }, { kind: 'end', id: 1 })
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('refused'))
      onReply(ourFrame, { kind: 'error', id: (message as { id: number }).id, message: 'test over' })
      request.destroy()
    } finally {
      expect(await handlers.get(CHANNELS.engineStop)?.(ourFrame)).toEqual({ state: 'off' })
    }
  })
})
