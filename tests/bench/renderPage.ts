// What the render bench, the fuzzer and the soak share: build the web page, serve it on 127.0.0.1 from a tiny
// static server (an ephemeral port, so runs never collide), open it in Debian's chromium with the flags the e2e
// tests use, and read the page's test hooks. Plain Node + Playwright's library API: no test runner needed.
import { spawn } from 'node:child_process'
import { createServer, type Server } from 'node:http'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type Page } from '@playwright/test'

export const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'

// The flags of playwright.config.ts (the layers lint rule keeps tests from importing the root config): keep in step.
// No GPU here: WebGL runs on ANGLE + SwiftShader, opted in to explicitly.
export const chromiumArgs = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--enable-unsafe-swiftshader', '--use-angle=swiftshader',
  ...(process.env['EXTRA_CHROMIUM_ARGS']?.split(' ').filter(Boolean) ?? [])
]

/** Builds the web page into `outDir` (vite build -c vite.web.config.mts with STACKLAB_WEB_OUT). */
export async function buildWeb(outDir: string): Promise<void> {
  await new Promise<void>((done, fail) => {
    const child = spawn(join(ROOT, 'node_modules/.bin/vite'), ['build', '-c', 'vite.web.config.mts', '--logLevel', 'warn'], {
      cwd: ROOT, env: { ...process.env, STACKLAB_WEB_OUT: outDir }, stdio: ['ignore', 'ignore', 'pipe']
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString() })
    child.on('error', fail)
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`vite build exited ${code}: ${stderr.trim()}`))))
  })
}

export interface WebFolder { dir: string; dispose(): void }

/**
 * The folder to serve: STACKLAB_WEB_OUT when set (built there unless `reuse` and it already has an index.html),
 * otherwise a fresh temporary folder, built now and removed by dispose().
 */
export async function webFolder(reuse = false): Promise<WebFolder> {
  const given = process.env['STACKLAB_WEB_OUT']
  if (given) {
    const dir = resolve(given)
    if (!(reuse && existsSync(join(dir, 'index.html')))) await buildWeb(dir)
    return { dir, dispose: () => {} }
  }
  const dir = mkdtempSync(join(tmpdir(), 'stacklab-web-'))
  await buildWeb(dir)
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.woff2': 'font/woff2', '.woff': 'font/woff', '.ico': 'image/x-icon', '.wasm': 'application/wasm', '.txt': 'text/plain; charset=utf-8'
}

export interface StaticServer { url: string; close(): Promise<void> }

/** Serves `dir` on 127.0.0.1 (port 0: the system picks a free one). GET and HEAD only, no path outside `dir`. */
export async function serveStatic(dir: string, port = 0): Promise<StaticServer> {
  const root = resolve(dir)
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname)
    let file = normalize(join(root, path))
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end()
      return
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html')
    if (!existsSync(file)) {
      res.writeHead(404).end()
      return
    }
    const body = readFileSync(file)
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': body.length, 'cache-control': 'no-store' })
    res.end(req.method === 'HEAD' ? undefined : body)
  })
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done))
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('the static server has no port')
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => new Promise<void>((done) => {
      server.closeAllConnections()
      server.close(() => done())
    })
  }
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: chromiumArgs, headless: true })
}

/**
 * A page in a fresh context, 1280×720 like the e2e tests. tsx (esbuild keepNames) wraps named inner functions in
 * `__name(...)`; page functions are serialised as they are, so the page gets a do-nothing `__name` first.
 */
export async function newPage(browser: Browser, viewport = { width: 1280, height: 720 }): Promise<Page> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, acceptDownloads: true })
  const page = await context.newPage()
  await page.addInitScript('globalThis.__name = globalThis.__name || ((f) => f)')
  return page
}

/** Opens the app with its test hooks and no autosave, and waits until the stage is ready. */
export async function openApp(page: Page, baseUrl: string, params: Record<string, string> = {}): Promise<void> {
  const query = new URLSearchParams({ e2e: '1', autosave: 'off', ...params })
  await page.goto(`${baseUrl}?${query.toString()}`)
  await page.locator('[data-testid="stage"][data-ready="true"]').waitFor({ state: 'attached', timeout: 30_000 })
}
