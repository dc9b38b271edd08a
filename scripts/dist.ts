// `npm run dist [-- --linux|--win|--mac]`: package the desktop app with electron-builder (AppImage + deb, NSIS, dmg)
// and flip the Electron fuses (src/main/fuses.ts) on the packaged binary before signing.
// Needs the Electron binary for the target, so Node ≥ 22.12 and network access on first run; not run in CI here.
import { build, Platform, type AfterPackContext, type Configuration } from 'electron-builder'
import { flipFuses, FuseVersion, type FuseConfig } from '@electron/fuses'
import path from 'node:path'
import { flipFusesConfig } from '../src/main/fuses.ts'

export const config: Configuration = {
  appId: 'app.stacklab.desktop',
  productName: 'Stacklab',
  copyright: 'Copyright © 2026 the Stacklab authors',
  directories: { output: 'dist', buildResources: 'build' },
  files: ['out/**', 'package.json'],
  asar: true,
  linux: { target: ['AppImage', 'deb'], category: 'Education', icon: 'build/icon.png', synopsis: 'Virtual machines and containers, side by side' },
  deb: { maintainer: 'Stacklab <stacklab@localhost>' },
  win: { target: ['nsis'], icon: 'build/icon.png' },
  nsis: { oneClick: false, allowToChangeInstallationDirectory: true, perMachine: false },
  mac: { target: ['dmg'], category: 'public.app-category.education', icon: 'build/icon.png', hardenedRuntime: true },
  async afterPack(context: AfterPackContext) {
    const name = context.packager.appInfo.productFilename
    const binary = {
      darwin: path.join(context.appOutDir, `${name}.app`),
      mas: path.join(context.appOutDir, `${name}.app`),
      win32: path.join(context.appOutDir, `${name}.exe`),
      linux: path.join(context.appOutDir, context.packager.appInfo.sanitizedName)
    }[context.electronPlatformName as 'darwin' | 'mas' | 'win32' | 'linux']
    // strictlyRequireAllFuses: packaging fails if this Electron has a fuse src/main/fuses.ts does not decide
    await flipFuses(binary, { ...flipFusesConfig(), version: FuseVersion.V1 } as FuseConfig)
  }
}

const targets = process.argv.slice(2)
const platforms = targets.length === 0 ? [Platform.current()] : targets.map((t) => ({ '--linux': Platform.LINUX, '--win': Platform.WINDOWS, '--mac': Platform.MAC })[t] ?? null)
if (platforms.some((p) => p === null)) {
  process.stderr.write(`usage: npm run dist [-- --linux|--win|--mac]\n`)
  process.exit(2)
}
if (process.argv[1] && /dist\.ts$/.test(process.argv[1])) {
  build({ targets: new Map(platforms.map((p) => [p!, new Map()])), config })
    .then((files) => process.stdout.write(`built:\n${files.map((f) => `  ${f}`).join('\n')}\n`))
    .catch((e: unknown) => { process.stderr.write(`packaging failed: ${(e as Error).message}\n`); process.exit(1) })
}
