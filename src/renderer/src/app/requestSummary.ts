// Short, readable views of an Engine API request and response for the request list: one line to scan, and a
// pretty, size-capped body to open. Never the whole of a big body (a build context, a pull's progress).
// HTTP's reason phrases ("201 Created") are the protocol's own words: the same in every language.
import { currentLanguage, t } from '../i18n'

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

/** A one-line JSON summary before it is said: literal text, and numbers for "…N more". */
export type Part = string | number

/** One line: `{ Image: "nginx:1.27", Cmd: null, HostConfig: {…12}, … }` ("…6 more" in the UI language). */
export function summariseJson(value: unknown, maxChars = 140): string {
  return sayParts(jsonParts(value), maxChars)
}

function sayParts(parts: readonly Part[], maxChars = 140): string {
  const text = parts.map((p) => (typeof p === 'number' ? t('requests.body.more', { count: p }) : p)).join('')
  return text.length > maxChars ? text.slice(0, maxChars - 1).trimEnd() + '…' : text
}

function jsonParts(value: unknown): Part[] {
  const parts: Part[] = []
  inline(value, 0, parts)
  // adjacent literals in one string: a body's sketch stays small
  const merged: Part[] = []
  for (const p of parts) {
    const last = merged[merged.length - 1]
    if (typeof p === 'string' && typeof last === 'string') merged[merged.length - 1] = last + p
    else merged.push(p)
  }
  return merged
}

function inline(value: unknown, depth: number, out: Part[]): void {
  if (value === null) return void out.push('null')
  if (typeof value === 'string') return void out.push(JSON.stringify(value.length > 60 ? value.slice(0, 59) + '…' : value))
  if (typeof value === 'number' || typeof value === 'boolean') return void out.push(String(value))
  if (typeof value === 'bigint') return void out.push(value.toString())
  if (Array.isArray(value)) {
    if (value.length === 0) return void out.push('[]')
    if (depth > 0) return void out.push(`[…${value.length}]`)
    out.push('[')
    value.slice(0, 3).forEach((v, i) => {
      if (i > 0) out.push(', ')
      inline(v, depth + 1, out)
    })
    if (value.length > 3) out.push(', ', value.length - 3)
    out.push(']')
    return
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
    if (entries.length === 0) return void out.push('{}')
    if (depth > 0) return void out.push(`{…${entries.length}}`)
    // a few fields: all of them; many (a create body has dozens): the ones that are set come first
    const informative = entries.length <= 6 ? entries : entries.filter(([, v]) => !isEmpty(v))
    const shown = (informative.length > 0 ? informative : entries).slice(0, 6)
    out.push('{ ')
    shown.forEach(([k, v], i) => {
      out.push(`${i > 0 ? ', ' : ''}${k}: `)
      inline(v, depth + 1, out)
    })
    const more = entries.length - shown.length
    if (more > 0) out.push(', ', more)
    out.push(' }')
    return
  }
  out.push(String(value))
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === '' || value === false || value === 0) return true
  if (Array.isArray(value)) return value.length === 0
  if (typeof value === 'object') return Object.keys(value as object).length === 0
  return false
}

/** A text capped at BODY_TEXT_MAX characters, and how many were left off. */
export interface Capped {
  readonly text: string
  readonly cut: number
}

function cap(text: string): Capped {
  return text.length > BODY_TEXT_MAX ? { text: text.slice(0, BODY_TEXT_MAX), cut: text.length - BODY_TEXT_MAX } : { text, cut: 0 }
}

function sayCapped(c: Capped): string {
  if (c.cut === 0) return c.text
  return `${c.text}\n${t('requests.body.moreChars', { count: c.cut, chars: c.cut.toLocaleString(currentLanguage()) })}`
}

function prettyText(value: unknown): string {
  try {
    return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2) ?? String(value)
  } catch {
    return String(value)
  }
}

/** Pretty JSON, capped at BODY_TEXT_MAX characters. */
export function prettyJson(value: unknown): string {
  return sayCapped(cap(prettyText(value)))
}

export function capText(text: string): string {
  return sayCapped(cap(text))
}

/**
 * A body as recorded, in no language yet: what sayBody turns into a summary and a text in the UI language (again
 * after a language change). Small: the JSON summary's parts and the capped text, never the body itself.
 */
export type BodySketch =
  | { readonly kind: 'json'; readonly parts: readonly Part[]; readonly text: Capped }
  | { readonly kind: 'text'; readonly bytes: number; readonly text: Capped }
  | { readonly kind: 'bytes'; readonly bytes: number; readonly type: string }
  | { readonly kind: 'upgrade' }
  | { readonly kind: 'stream'; readonly what: 'streamJson' | 'streamFramed' | 'streamRaw' }

export interface BodyView {
  /** one line for the list */
  summary: string
  /** what the detail view shows, capped */
  text: string | null
}

/** A sketch in the UI language. */
export function sayBody(sketch: BodySketch): BodyView {
  switch (sketch.kind) {
    case 'json': return { summary: sayParts(sketch.parts), text: sayCapped(sketch.text) }
    case 'text': return { summary: t('requests.body.sizeOfText', { size: formatBytes(sketch.bytes) }), text: sayCapped(sketch.text) }
    case 'bytes': {
      const size = formatBytes(sketch.bytes)
      return { summary: sketch.type ? t('requests.body.sizeOf', { size, type: sketch.type }) : t('requests.body.sizeOfBytes', { size }), text: null }
    }
    case 'upgrade': return { summary: t('requests.body.upgraded'), text: null }
    case 'stream': return { summary: t('requests.body.stream', { what: t(`requests.body.${sketch.what}`) }), text: null }
  }
}

const decoder = new TextDecoder('utf-8', { fatal: false })

/** A request body as the detail view shows it: JSON pretty-printed, a tar or other bytes as a size. */
export function requestBodySketch(body: Uint8Array | undefined | null, contentType: string | undefined): BodySketch | null {
  if (!body || body.byteLength === 0) return null
  if (body.byteLength > DECODE_MAX_BYTES || /x-tar|octet-stream|gzip/.test(contentType ?? '')) return { kind: 'bytes', bytes: body.byteLength, type: contentType ?? '' }
  const text = decoder.decode(body)
  try {
    const value = JSON.parse(text) as unknown
    return { kind: 'json', parts: jsonParts(value), text: cap(prettyText(value)) }
  } catch {
    return { kind: 'text', bytes: body.byteLength, text: cap(text) }
  }
}

/** What the handler answered, as the detail view shows it. */
export function responseBodySketch(response: { json?: unknown; text?: unknown; stream?: unknown; upgrade?: boolean; headers?: Record<string, string> }): BodySketch | null {
  if (response.upgrade) return { kind: 'upgrade' }
  if (response.stream !== undefined) {
    const type = Object.entries(response.headers ?? {}).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? ''
    return { kind: 'stream', what: /json/.test(type) ? 'streamJson' : /multiplexed/.test(type) ? 'streamFramed' : 'streamRaw' }
  }
  if (response.json !== undefined) return { kind: 'json', parts: jsonParts(response.json), text: cap(prettyText(response.json)) }
  if (typeof response.text === 'string' && response.text !== '') return { kind: 'json', parts: jsonParts(response.text), text: cap(response.text) }
  return null
}

/** requestBodySketch, said in the UI language. */
export function requestBodyView(body: Uint8Array | undefined | null, contentType: string | undefined): BodyView | null {
  const sketch = requestBodySketch(body, contentType)
  return sketch ? sayBody(sketch) : null
}

/** responseBodySketch, said in the UI language. */
export function responseBodyView(response: Parameters<typeof responseBodySketch>[0]): BodyView | null {
  const sketch = responseBodySketch(response)
  return sketch ? sayBody(sketch) : null
}

/** 512 B, 2.0 KiB, 1.5 MiB (the decimal mark of the UI language). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  const one = (n: number) => n.toLocaleString(currentLanguage(), { minimumFractionDigits: 1, maximumFractionDigits: 1 })
  if (bytes < 1024 * 1024) return `${one(bytes / 1024)} KiB`
  return `${one(bytes / 1024 / 1024)} MiB`
}
