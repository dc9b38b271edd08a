// Local-API safety checks (docs: reliability.md §4): the server is on loopback, but a browser page can still reach
// it (CSRF, DNS rebinding). Requests are refused before the handler sees them when:
//  - the Host header is not a loopback name for this very port (DNS rebinding keeps the attacker's Host),
//  - they carry an Origin header or Sec-Fetch-* headers (only browsers send those; the docker CLI never does),
//  - they are CORS preflights (OPTIONS). No Access-Control-* header is ever sent.
// The docker CLI over tcp:// sends `Host: 127.0.0.1:PORT` (docker-cli-traces/01-version.txt). `api.moby.localhost`
// is what it sends over unix sockets / named pipes only, so this TCP listener refuses it.

import type { IncomingHttpHeaders } from 'node:http'

export interface Refusal {
  status: number
  message: string
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]'])

/** True when `host` (a Host header value) names a loopback address, with no port or exactly `localPort`. */
export function isLoopbackHost(host: string, localPort: number | undefined): boolean {
  const value = host.trim().toLowerCase()
  let name: string
  let port: string | undefined
  if (value.startsWith('[')) {
    const close = value.indexOf(']')
    if (close < 0) return false
    name = value.slice(0, close + 1)
    const rest = value.slice(close + 1)
    if (rest !== '') {
      if (!rest.startsWith(':')) return false
      port = rest.slice(1)
    }
  } else {
    const colon = value.indexOf(':')
    if (colon < 0) name = value
    else {
      name = value.slice(0, colon)
      port = value.slice(colon + 1)
    }
  }
  if (!LOOPBACK_NAMES.has(name)) return false
  if (port === undefined) return true
  if (!/^[0-9]{1,5}$/.test(port)) return false
  return localPort === undefined || Number(port) === localPort
}

export interface SafetyInput {
  method: string
  headers: IncomingHttpHeaders
  /** every Host value the client sent (Node keeps only the first in `headers`) */
  hostValues: readonly string[]
  /** the port this connection reached (socket.localPort) */
  localPort: number | undefined
}

export function checkRequestSafety(input: SafetyInput): Refusal | null {
  if (input.hostValues.length !== 1 || !isLoopbackHost(input.hostValues[0] ?? '', input.localPort)) {
    return { status: 403, message: 'request refused: the Host header must name this local engine (127.0.0.1, localhost or [::1] with its port)' }
  }
  if (input.headers.origin !== undefined) {
    return { status: 403, message: 'request refused: cross-origin (browser) requests are not allowed' }
  }
  for (const name of Object.keys(input.headers)) {
    if (name.startsWith('sec-fetch-')) return { status: 403, message: 'request refused: browser requests are not allowed' }
  }
  if (input.method === 'OPTIONS') {
    return { status: 403, message: 'request refused: OPTIONS (CORS preflight) is not supported' }
  }
  return null
}
