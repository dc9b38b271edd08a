// `npm start`: build Stacklab and run it in Electron, or say plainly why not and point to the web version.
//
// The binary is detected from node_modules/electron/path.txt and dist/ rather than with require('electron'):
// from Electron 42 on, requiring it starts a ~100 MB download, and that download needs Node ≥ 22.12.
// tests/e2e/electron.spec.ts detects it the same way; keep the two in step.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const ELECTRON_DIR = path.join(ROOT, 'node_modules', 'electron')
const DOWNLOAD_NEEDS_NODE = [22, 12]

/** Absolute path of the Electron executable, or null when it has not been downloaded. */
function findElectronBinary() {
  let relative = null
  try {
    relative = readFileSync(path.join(ELECTRON_DIR, 'path.txt'), 'utf8').trim()
  } catch {
    // no path.txt: the binary was never fetched
  }
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  if (override) {
    const candidate = path.join(override, relative || (process.platform === 'win32' ? 'electron.exe' : 'electron'))
    return existsSync(candidate) ? candidate : null
  }
  if (!relative) return null
  const candidate = path.join(ELECTRON_DIR, 'dist', relative)
  return existsSync(candidate) ? candidate : null
}

function nodeCanDownload() {
  const [major, minor] = process.versions.node.split('.').map(Number)
  return major > DOWNLOAD_NEEDS_NODE[0] || (major === DOWNLOAD_NEEDS_NODE[0] && minor >= DOWNLOAD_NEEDS_NODE[1])
}

function electronVersion() {
  try {
    return JSON.parse(readFileSync(path.join(ELECTRON_DIR, 'package.json'), 'utf8')).version
  } catch {
    return '(unknown)'
  }
}

/** What `npx install-electron` runs, called directly so npx makes no registry lookup of its own. */
function downloadElectron() {
  console.log(`Stacklab: the Electron ${electronVersion()} binary is missing; downloading it now (about 100 MB, once)…`)
  const result = spawnSync(process.execPath, [path.join(ELECTRON_DIR, 'install.js')], { cwd: ROOT, stdio: 'inherit' })
  return result.status === 0
}

function giveUp(reason) {
  const need = DOWNLOAD_NEEDS_NODE.join('.')
  console.error(
    [
      '',
      'Stacklab cannot start its desktop window: the Electron binary is missing.',
      `  ${reason}`,
      `  Fetching it needs Node ${need} or newer (this is Node ${process.versions.node}) and a network connection;`,
      `  with those, run \`npx install-electron\` or \`npm start\` again.`,
      '',
      '  To use Stacklab in your browser instead, run `npm run web`.',
      ''
    ].join('\n')
  )
  process.exit(1)
}

function buildApp() {
  const cli = path.join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js')
  const result = spawnSync(process.execPath, [cli, 'build'], { cwd: ROOT, stdio: 'inherit' })
  if (result.status !== 0) {
    console.error('Stacklab: the build failed (see above).')
    process.exit(result.status ?? 1)
  }
}

function runElectron(binary) {
  const env = { ...process.env }
  // the built app must load app://stacklab, not a dev server, and must not start as plain node
  delete env.ELECTRON_RENDERER_URL
  delete env.ELECTRON_RUN_AS_NODE
  const child = spawn(binary, ['.'], { cwd: ROOT, env, stdio: 'inherit', windowsHide: false })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('error', (error) => {
    console.error(`Stacklab: could not start Electron (${error.message}).`)
    process.exit(1)
  })
  child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}

function main() {
  let binary = findElectronBinary()
  if (!binary) {
    if (!nodeCanDownload()) giveUp("This version of Node is too old to download it.")
    if (!downloadElectron()) giveUp('The download failed (see above).')
    binary = findElectronBinary()
    if (!binary) giveUp('The download finished but no binary was found in node_modules/electron/dist.')
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.error('Stacklab: no display found ($DISPLAY is empty). Run it in a desktop session, under `xvfb-run npm start`,\n  or use `npm run web` to open it in your browser.')
    process.exit(1)
  }
  buildApp()
  runElectron(binary)
}

main()
