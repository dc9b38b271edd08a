// Turning a node:http request head into the parts of an ApiRequest: path, query and headers.

import { Buffer } from 'node:buffer'
import type { IncomingHttpHeaders } from 'node:http'

const utf8 = new TextDecoder('utf-8', { fatal: false })

/** Node hands the request line over as latin1 (one char per byte): rebuild the bytes, read them as UTF-8. */
function latin1ToUtf8(raw: string): string {
  let ascii = true
  for (let i = 0; i < raw.length; i++) if (raw.charCodeAt(i) > 0x7f) { ascii = false; break }
  if (ascii) return raw
  return utf8.decode(Buffer.from(raw, 'latin1'))
}

function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30
  if (code >= 0x41 && code <= 0x46) return code - 0x41 + 10
  if (code >= 0x61 && code <= 0x66) return code - 0x61 + 10
  return -1
}

/**
 * Percent-decodes a raw path as UTF-8, except `%2F`, which stays encoded so that it cannot change how the
 * path splits into segments. `:` and `/` of image references (`/images/docker.io/library/nginx:1.27/json`)
 * arrive unescaped from the docker CLI and are kept as they are. Malformed escapes are kept verbatim.
 */
export function decodePath(raw: string): string {
  if (!raw.includes('%')) return latin1ToUtf8(raw)
  const bytes: number[] = []
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i)
    if (code === 0x25 && i + 2 < raw.length) {
      const hi = hexValue(raw.charCodeAt(i + 1))
      const lo = hexValue(raw.charCodeAt(i + 2))
      if (hi >= 0 && lo >= 0) {
        const byte = hi * 16 + lo
        if (byte === 0x2f) bytes.push(0x25, raw.charCodeAt(i + 1), raw.charCodeAt(i + 2))
        else bytes.push(byte)
        i += 2
        continue
      }
    }
    if (code <= 0xff) bytes.push(code)
    else for (const b of Buffer.from(raw[i] ?? '', 'utf8')) bytes.push(b)
  }
  return utf8.decode(Uint8Array.from(bytes))
}

export interface RequestTarget {
  path: string
  query: Record<string, string>
}

/** Parses an origin-form request target (`/v1.50/containers/json?all=1`). Anything else (absolute-form, `*`) is null. */
export function parseRequestTarget(url: string | undefined): RequestTarget | null {
  if (url === undefined || !url.startsWith('/')) return null
  const hash = url.indexOf('#')
  const target = hash >= 0 ? url.slice(0, hash) : url
  const mark = target.indexOf('?')
  const rawPath = mark >= 0 ? target.slice(0, mark) : target
  const rawQuery = mark >= 0 ? target.slice(mark + 1) : ''
  const query: Record<string, string> = Object.create(null) as Record<string, string>
  // repeated keys keep the last value (types.ts)
  for (const [key, value] of new URLSearchParams(latin1ToUtf8(rawQuery))) query[key] = value
  return { path: decodePath(rawPath), query: { ...query } }
}

/** Lower-cased header names (Node already lower-cases them); repeated headers are joined with ", ". */
export function headerRecord(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value
  }
  return out
}

/** POST /build, with any /vX.Y prefix or none: its body is a tar build context with its own, larger cap. */
export function isBuildRequest(method: string, path: string): boolean {
  return method === 'POST' && /^(\/v[0-9]+(\.[0-9]+)?)?\/build\/?$/.test(path)
}
