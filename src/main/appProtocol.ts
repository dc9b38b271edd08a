// Serves the renderer build over app://stacklab/. The handler is written against the web Response type
// (global in Node too), so the whole request → file → response path runs in a plain-Node unit test.
import { promises as fs } from 'node:fs'
import path from 'node:path'
import type { CustomScheme } from 'electron'
import { CSP } from '../shared/csp'
import { resolveAppPath } from './appPath'
import { mimeTypeFor } from './mimeTypes'
import { APP_SCHEME } from './rendererEntry'

/**
 * standard: real origin, relative URLs and localStorage; secure: counts as a secure context like https.
 * bypassCSP stays false so our CSP applies; no service workers, no CORS exceptions, no extensions.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    bypassCSP: false,
    allowServiceWorkers: false,
    corsEnabled: false,
    stream: false,
    codeCache: true
  }
}

/** Headers on every successful response. The CSP also goes through webRequest; this copy covers the case
 *  where webRequest does not see custom-protocol responses. */
export function responseHeadersFor(filePath: string): Record<string, string> {
  return {
    'content-type': mimeTypeFor(filePath),
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache'
  }
}

export async function serveAppRequest(requestUrl: string, rootDir: string): Promise<Response> {
  const resolved = resolveAppPath(requestUrl, rootDir)
  if (!resolved.ok) return new Response(null, { status: resolved.status })
  try {
    // a symlink inside the build must not lead out of it
    const [realRoot, realFile] = await Promise.all([fs.realpath(rootDir), fs.realpath(resolved.filePath)])
    const relative = path.relative(realRoot, realFile)
    if (relative === '' || relative.split(path.sep)[0] === '..' || path.isAbsolute(relative)) {
      return new Response(null, { status: 403 })
    }
    const stat = await fs.stat(realFile)
    if (!stat.isFile()) return new Response(null, { status: 404 })
    const body = await fs.readFile(realFile)
    return new Response(body, { status: 200, headers: responseHeadersFor(realFile) })
  } catch {
    return new Response(null, { status: 404 })
  }
}
