// Which page the window loads. Production: our own app:// origin. Development: electron-vite's dev server,
// but only in an unpackaged app and only on loopback, so an ELECTRON_RENDERER_URL set on a user's machine
// cannot point the bridge-equipped window at a web site.
import { originOf } from './origin'

export const APP_SCHEME = 'app'
export const APP_HOST = 'stacklab'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

export interface RendererEntry {
  mode: 'app' | 'dev'
  url: string
  /** the only origin allowed to navigate in the window and to call IPC */
  origin: string
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

export function rendererEntry(options: { isPackaged: boolean; devServerUrl: string | undefined }): RendererEntry {
  const devUrl = options.devServerUrl
  if (!options.isPackaged && devUrl !== undefined && isLoopbackHttp(devUrl)) {
    return { mode: 'dev', url: devUrl, origin: originOf(devUrl) as string }
  }
  return { mode: 'app', url: APP_ENTRY_URL, origin: APP_ORIGIN }
}

function isLoopbackHttp(url: string): boolean {
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'http:' && LOOPBACK_HOSTS.has(parsed.hostname)
  } catch {
    return false
  }
}
