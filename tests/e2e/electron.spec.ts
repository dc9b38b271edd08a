// The built desktop app, launched for real: the window posture and the security rules from
// /work/shared/reference/reliability.md (check C2). Skips, saying why, when the Electron binary is absent
// (from Electron 42 on it downloads on first use, which needs Node ≥ 22.12) or when Linux has no display.
// Needs `npm run build` first: it tests out/, the app as shipped.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test'

const ROOT = path.resolve(__dirname, '..', '..')
const ELECTRON_DIR = path.join(ROOT, 'node_modules', 'electron')

/** Same detection as scripts/start.mjs, never require('electron'), which would start a download. */
function findElectronBinary(): string | null {
  let relative = ''
  try {
    relative = readFileSync(path.join(ELECTRON_DIR, 'path.txt'), 'utf8').trim()
  } catch {
    // never downloaded
  }
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH']
  const candidate = override
    ? path.join(override, relative || (process.platform === 'win32' ? 'electron.exe' : 'electron'))
    : relative && path.join(ELECTRON_DIR, 'dist', relative)
  return candidate && existsSync(candidate) ? candidate : null
}

function skipReason(): string | null {
  if (findElectronBinary() === null) {
    return (
      'Electron binary not installed (no node_modules/electron/path.txt + dist/). It downloads on first use and ' +
      `that needs Node >= 22.12 (this is ${process.versions.node}): run \`npx install-electron\` or \`npm start\` once`
    )
  }
  if (process.platform === 'linux' && !process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY']) {
    return 'no display on Linux: run the Electron tests under xvfb-run'
  }
  return null
}

const EXPECTED_BRIDGE_KEYS = ['autosave', 'engine', 'onMenuCommand', 'openTextFile', 'savePng', 'saveTextFile', 'setLanguage']

/** The page globals the checks touch. tsconfig.node has no DOM lib, and adding one would leak DOM types
 *  into src/sim; inside page.evaluate, cast globalThis to this instead. */
interface PageGlobals {
  location: { href: string }
  open(url: string): unknown
  setTimeout(callback: () => void, ms: number): unknown
  stacklab?: { saveTextFile(request: unknown): Promise<unknown> }
  Notification: { permission: string }
  navigator: { mediaDevices: { getUserMedia(constraints: { audio: boolean }): Promise<unknown> } }
  document: {
    createElement(tag: 'img'): { setAttribute(name: string, value: string): void; remove(): void }
    body: { append(node: unknown): void }
  }
  __injected?: boolean
  require?: unknown
  process?: unknown
  module?: unknown
}

test.describe('desktop app', () => {
  const reason = skipReason()
  test.skip(reason !== null, reason ?? '')

  let app: ElectronApplication
  let page: Page
  let profile: string
  const securityWarnings: string[] = []

  test.beforeAll(async () => {
    expect(existsSync(path.join(ROOT, 'out', 'main', 'index.js')), 'run `npm run build` before the Electron tests').toBe(true)
    // a throw-away profile, so the test never touches a real user's autosave
    profile = mkdtempSync(path.join(tmpdir(), 'stacklab-e2e-'))
    const env: Record<string, string> = {}
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value
    delete env['ELECTRON_RENDERER_URL']
    delete env['ELECTRON_RUN_AS_NODE']
    app = await electron.launch({
      executablePath: findElectronBinary() as string,
      // Chromium refuses to start as root with its OS sandbox (CI containers); the renderer sandbox flag
      // checked below is separate and stays on
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '.'],
      cwd: ROOT,
      env: { ...env, ELECTRON_ENABLE_SECURITY_WARNINGS: 'true', XDG_CONFIG_HOME: profile, HOME: profile, APPDATA: profile }
    })
    page = await app.firstWindow()
    page.on('console', (message) => {
      if (message.text().includes('Electron Security Warning')) securityWarnings.push(message.text())
    })
    await page.waitForLoadState('domcontentloaded')
  })

  test.afterAll(async () => {
    await app?.close()
    if (profile) rmSync(profile, { recursive: true, force: true })
  })

  test('every window is isolated, sandboxed, without Node, with web security', async () => {
    const preferences = await app.evaluate(({ BrowserWindow }) =>
      // getLastWebPreferences() exists at runtime but is undocumented, hence missing from electron.d.ts
      BrowserWindow.getAllWindows().map((window) =>
        (window.webContents as unknown as { getLastWebPreferences(): Record<string, unknown> | null }).getLastWebPreferences()
      )
    )
    expect(preferences).toHaveLength(1)
    for (const p of preferences) {
      expect(p).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false })
      expect(p?.webSecurity).not.toBe(false)
      expect(p?.nodeIntegrationInSubFrames ?? false).toBe(false)
    }
  })

  test('the page comes from app://stacklab, not file://', async () => {
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).location.href)).toBe('app://stacklab/index.html')
  })

  test('the page sees no Node and exactly one bridge object', async () => {
    const globals = await page.evaluate(() => {
      const page = globalThis as unknown as PageGlobals
      return {
        require: typeof page.require,
        process: typeof page.process,
        module: typeof page.module,
        bridgeKeys: Object.keys(page.stacklab ?? {}).sort()
      }
    })
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', bridgeKeys: EXPECTED_BRIDGE_KEYS })
  })

  test('the bridge refuses malformed calls in main', async () => {
    const outcome = await page.evaluate(async () => {
      const bridge = (globalThis as unknown as PageGlobals).stacklab
      try {
        await bridge?.saveTextFile({ suggestedName: '../../.bashrc', text: 'x' })
        return 'accepted'
      } catch (error) {
        return String(error)
      }
    })
    expect(outcome).toContain('malformed arguments')
  })

  test('window.open is denied and navigation away is blocked', async () => {
    const opened = await page.evaluate(() => (globalThis as unknown as PageGlobals).open('https://example.com') === null)
    expect(opened).toBe(true)
    expect(app.windows()).toHaveLength(1)
    await page.evaluate(() => {
      ;(globalThis as unknown as PageGlobals).location.href = 'https://example.com/'
    })
    await page.waitForTimeout(500)
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).location.href)).toBe('app://stacklab/index.html')
  })

  test('permissions are denied', async () => {
    const result = await page.evaluate(async () => {
      const page = globalThis as unknown as PageGlobals
      return {
        notifications: page.Notification.permission,
        microphone: await page.navigator.mediaDevices
          .getUserMedia({ audio: true })
          .then(() => 'granted')
          .catch(() => 'refused')
      }
    })
    expect(result).toEqual({ notifications: 'denied', microphone: 'refused' })
  })

  test('the CSP stops injected inline script', async () => {
    const ran = await page.evaluate(async () => {
      const page = globalThis as unknown as PageGlobals
      const img = page.document.createElement('img')
      img.setAttribute('src', 'x')
      img.setAttribute('onerror', 'window.__injected = true')
      page.document.body.append(img)
      await new Promise<void>((resolve) => page.setTimeout(resolve, 300))
      img.remove()
      return page.__injected === true
    })
    expect(ran).toBe(false)
  })

  test('Electron prints no security warnings', () => {
    expect(securityWarnings).toEqual([])
  })
})
