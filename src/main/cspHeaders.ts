// The CSP header main adds to every response through session.webRequest. The app page gets the shared
// CSP unchanged. Vite's dev server needs two relaxations, and gets them only in an unpackaged dev run:
// the React refresh preamble is an inline module script, and hot reload talks over a WebSocket.
import { CSP, CSP_DIRECTIVES } from '../shared/csp'
import { originOf } from './origin'
import type { RendererEntry } from './rendererEntry'

export function devCsp(devOrigin: string): string {
  const socketOrigin = devOrigin.replace(/^http/, 'ws')
  return CSP_DIRECTIVES.map((directive) => {
    if (directive.startsWith('script-src ')) return `${directive} 'unsafe-inline'`
    if (directive.startsWith('connect-src ')) return `${directive} ${socketOrigin}`
    return directive
  }).join('; ')
}

/** The policy for a response from `url`: relaxed only for the dev server of a dev run, strict otherwise. */
export function cspForResponse(url: string, entry: RendererEntry): string {
  if (entry.mode === 'dev' && originOf(url) === entry.origin) return devCsp(entry.origin)
  return CSP
}

/** Response headers with any CSP the server sent replaced by ours (header names are case-insensitive). */
export function withCspHeader(
  headers: Record<string, string | string[]> | undefined,
  csp: string
): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {}
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value
  }
  result['Content-Security-Policy'] = [csp]
  return result
}
