import { defineConfig } from '@playwright/test'

// Debian's chromium (apt-get install -y chromium): Playwright's own browser download is not available here.
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'

// Playwright already adds --headless, --no-sandbox (unless chromiumSandbox), --disable-background-networking,
// --disable-component-update, --disable-sync, --no-first-run, --enable-unsafe-swiftshader and a fresh
// --user-data-dir. They are listed anyway so the intent survives a change of Playwright's defaults.
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu', // no GPU here: WebGL still runs on ANGLE + SwiftShader
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-unsafe-swiftshader', // opt in to software WebGL instead of the deprecated silent fallback
  '--use-angle=swiftshader',
  ...(process.env['EXTRA_CHROMIUM_ARGS']?.split(' ').filter(Boolean) ?? [])
]

// PW_PORT and STACKLAB_WEB_OUT let several checkouts' test runs share one machine
const PORT = Number(process.env['PW_PORT'] ?? 4173)

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1, // 2 cores, and SwiftShader is CPU-heavy
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    headless: true,
    viewport: { width: 1280, height: 720 },
    launchOptions: { executablePath: CHROMIUM, args: chromiumArgs },
    trace: 'off'
  },
  projects: [
    { name: 'web', testIgnore: /electron\.spec\.ts/ },
    // the desktop app, built with `npm run build`; it skips itself without the Electron binary or a display
    { name: 'electron', testMatch: /electron\.spec\.ts/ }
  ],
  webServer: {
    // the plain-web build of the renderer (base './'), served statically
    command: `npm run -s build:web && npx vite preview -c vite.web.config.mts --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env['CI'],
    timeout: 120_000,
    stdout: 'ignore'
  }
})
