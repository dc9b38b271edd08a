// Short, readable views of an Engine API request and response for the request list: one line to scan, and a
// pretty, size-capped body to open. Never the whole of a big body (a build context, a pull's progress).
const STATUS_TEXT: Record<number, string> = {
  101: 'Switching Protocols', 200: 'OK', 201: 'Created', 204: 'No Content', 304: 'Not Modified', 400: 'Bad Request',
  401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 408: 'Request Timeout', 409: 'Conflict',
  413: 'Payload Too Large', 500: 'Internal Server Error', 501: 'Not Implemented', 503: 'Service Unavailable', 504: 'Gateway Timeout'
}

export function statusText(status: number): string {
  return STATUS_TEXT[status] ?? (status >= 500 ? 'Server Error' : status >= 400 ? 'Client Error' : status >= 300 ? 'Redirect' : 'OK')
}

/** Longest body text kept for the detail view. */
export const BODY_TEXT_MAX = 2_000
/** Bodies bigger than this are not even decoded. */
const DECODE_MAX_BYTES = 256 * 1024

/** One line: `{ Image: "nginx:1.27", Cmd: null, HostConfig: {…12}, … }`. */
export function summariseJson(value: unknown, maxChars = 140): string {
  const text = inline(value, 0)
  return text.length > maxChars ? text.slice(0, maxChars - 1).trimEnd() + '…' : text
}

function inline(value: unknown, depth: number): string {
  if (value === null) return 'null'
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? value.slice(0, 59) + '…' : value)
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (typeof value === 'bigint') return value.toString()
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]'
    if (depth > 0) return `[…${value.length}]`
    const shown = value.slice(0, 3).map((v) => inline(v, depth + 1))
    return `[${shown.join(', ')}${value.length > 3 ? `, …${value.length - 3} more` : ''}]`
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
    if (entries.length === 0) return '{}'
    if (depth > 0) return `{…${entries.length}}`
    // a few fields: all of them; many (a create body has dozens): the ones that are set come first
    const informative = entries.length <= 6 ? entries : entries.filter(([, v]) => !isEmpty(v))
    const shown = (informative.length > 0 ? informative : entries).slice(0, 6).map(([k, v]) => `${k}: ${inline(v, depth + 1)}`)
    const more = entries.length - shown.length
    return `{ ${shown.join(', ')}${more > 0 ? `, …${more} more` : ''} }`
  }
  return String(value)
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === '' || value === false || value === 0) return true
  if (Array.isArray(value)) return value.length === 0
  if (typeof value === 'object') return Object.keys(value as object).length === 0
  return false
}

/** Pretty JSON, capped at BODY_TEXT_MAX characters. */
export function prettyJson(value: unknown): string {
  let text: string
  try {
    text = JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2) ?? String(value)
  } catch {
    text = String(value)
  }
  return capText(text)
}

export function capText(text: string): string {
  return text.length > BODY_TEXT_MAX ? text.slice(0, BODY_TEXT_MAX) + `\n… (${(text.length - BODY_TEXT_MAX).toLocaleString('en-US')} more characters)` : text
}

export interface BodyView {
  /** one line for the list */
  summary: string
  /** what the detail view shows, capped */
  text: string | null
}

const decoder = new TextDecoder('utf-8', { fatal: false })

/** A request body as the detail view shows it: JSON pretty-printed, a tar or other bytes as a size. */
export function requestBodyView(body: Uint8Array | undefined | null, contentType: string | undefined): BodyView | null {
  if (!body || body.byteLength === 0) return null
  const size = formatBytes(body.byteLength)
  if (body.byteLength > DECODE_MAX_BYTES || /x-tar|octet-stream|gzip/.test(contentType ?? '')) return { summary: `${size} of ${contentType || 'bytes'}`, text: null }
  const text = decoder.decode(body)
  try {
    const value = JSON.parse(text) as unknown
    return { summary: summariseJson(value), text: prettyJson(value) }
  } catch {
    return { summary: `${size} of text`, text: capText(text) }
  }
}

/** What the handler answered, as the detail view shows it. */
export function responseBodyView(response: { json?: unknown; text?: unknown; stream?: unknown; upgrade?: boolean; headers?: Record<string, string> }): BodyView | null {
  if (response.upgrade) return { summary: 'connection upgraded: raw bytes both ways (attach/exec)', text: null }
  if (response.stream !== undefined) {
    const type = Object.entries(response.headers ?? {}).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? ''
    const what = /json/.test(type) ? 'JSON messages' : /multiplexed/.test(type) ? 'framed stdout/stderr' : 'raw bytes'
    return { summary: `a stream of ${what}, written as the world changes`, text: null }
  }
  if (response.json !== undefined) return { summary: summariseJson(response.json), text: prettyJson(response.json) }
  if (typeof response.text === 'string' && response.text !== '') return { summary: summariseJson(response.text), text: capText(response.text) }
  return null
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`
}
