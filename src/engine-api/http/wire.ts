// Bytes on the wire that do not go through node:http's ServerResponse: the hijack handshake, and the complete
// responses written straight onto a socket (refusals on the upgrade path, clientError answers).

import { Buffer } from 'node:buffer'
import { STATUS_CODES } from 'node:http'

/** Headers dockerd sends on every response; the handler's own values win (names compare case-insensitively). */
export const DEFAULT_HEADERS: Readonly<Record<string, string>> = {
  'Api-Version': '1.50',
  'Docker-Experimental': 'false',
  Ostype: 'linux',
  Server: 'Docker/28.2.2 (linux)'
}

export const RAW_STREAM = 'application/vnd.docker.raw-stream'

export function findHeader(headers: Record<string, string>, name: string): string | undefined {
  const wanted = name.toLowerCase()
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value
  return undefined
}

/** The handler's headers plus every default header it did not set itself. */
export function withDefaultHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = { ...headers }
  for (const [name, value] of Object.entries(DEFAULT_HEADERS)) if (findHeader(headers, name) === undefined) out[name] = value
  return out
}

/** dockerd's JSON encoding: the value followed by a newline. */
export function jsonBody(value: unknown): Buffer {
  return Buffer.from(`${JSON.stringify(value)}\n`, 'utf8')
}

export function errorBody(message: string): Buffer {
  return jsonBody({ message })
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/
// header values may hold visible ASCII, spaces, tabs and obs-text, never CR, LF or NUL
const SAFE_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/

export function isSafeHeader(name: string, value: string): boolean {
  return TOKEN.test(name) && SAFE_VALUE.test(value)
}

function headLines(status: number, reason: string, headers: Record<string, string>): string {
  let head = `HTTP/1.1 ${status} ${reason}\r\n`
  for (const [name, value] of Object.entries(headers)) if (isSafeHeader(name, value)) head += `${name}: ${value}\r\n`
  return head + '\r\n'
}

/**
 * The exact hijack handshake dockerd writes (moby container_routes.go), and nothing else:
 * `HTTP/1.1 101 UPGRADED`, Content-Type, `Connection: Upgrade`, `Upgrade: tcp`.
 */
export function upgradeHandshake(contentType: string | undefined): Buffer {
  const type = contentType !== undefined && isSafeHeader('Content-Type', contentType) && contentType !== '' ? contentType : RAW_STREAM
  return Buffer.from(`HTTP/1.1 101 UPGRADED\r\nContent-Type: ${type}\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n`, 'latin1')
}

/** A complete response (head + body) that ends the connection: used where no ServerResponse exists. */
export function closingResponse(status: number, headers: Record<string, string>, body: Uint8Array): Buffer {
  const all: Record<string, string> = {}
  for (const [name, value] of Object.entries(withDefaultHeaders(headers))) {
    const lower = name.toLowerCase()
    if (lower === 'content-length' || lower === 'transfer-encoding' || lower === 'connection') continue
    all[name] = value
  }
  if (findHeader(all, 'date') === undefined) all['Date'] = new Date().toUTCString()
  all['Content-Length'] = String(body.byteLength)
  all['Connection'] = 'close'
  const head = headLines(status, STATUS_CODES[status] ?? 'Unknown', all)
  return Buffer.concat([Buffer.from(head, 'latin1'), body])
}

/** Head of a close-delimited body (a stream answered on a connection that is not upgraded). */
export function closeDelimitedHead(status: number, headers: Record<string, string>): Buffer {
  const all: Record<string, string> = {}
  for (const [name, value] of Object.entries(withDefaultHeaders(headers))) {
    const lower = name.toLowerCase()
    if (lower === 'content-length' || lower === 'transfer-encoding' || lower === 'connection') continue
    all[name] = value
  }
  all['Connection'] = 'close'
  return Buffer.from(headLines(status, STATUS_CODES[status] ?? 'Unknown', all), 'latin1')
}

export function jsonErrorResponse(status: number, message: string): Buffer {
  return closingResponse(status, { 'Content-Type': 'application/json' }, errorBody(message))
}
